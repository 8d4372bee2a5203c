"""Coverage-guided fuzzing (atheris) of the ingest parsers; not part of the test suite.

    PYTHONPATH=src .venv/bin/python bench/fuzz_ingest.py all --seconds 60
    PYTHONPATH=src .venv/bin/python bench/fuzz_ingest.py jsonl -max_total_time=60

A reader may return or raise IngestError for any input; anything else it raises is a finding.
Crashing inputs are written by libFuzzer as crash-* files in the working directory.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["dyad.ingest"]):
    from dyad.ingest.csv_source import read_csv
    from dyad.ingest.errors import IngestError
    from dyad.ingest.feeds import read_feed
    from dyad.ingest.html import read_html_file
    from dyad.ingest.jsonl import read_jsonl
    from dyad.ingest.text import article_from_text
    from dyad.ingest.warc import read_warc

SCRATCH = Path(tempfile.mkdtemp(prefix="dyad-fuzz-", dir="/dev/shm"))


def _via_file(suffix: str, reader: Callable[[Path], object]) -> Callable[[bytes], None]:
    path = SCRATCH / f"input{suffix}"

    def target(data: bytes) -> None:
        path.write_bytes(data)
        try:
            for _ in reader(path):  # type: ignore[attr-defined]
                pass
        except IngestError:
            pass

    return target


def _text(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    with contextlib.suppress(IngestError):
        article_from_text(text, "fuzz")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "jsonl": _via_file(".jsonl", read_jsonl),
    "csv": _via_file(".csv", read_csv),
    "feed": _via_file(".xml", read_feed),
    "html": _via_file(".html", read_html_file),
    "warc": _via_file(".warc", read_warc),
    "text": _text,
}
SEEDS = {
    "jsonl": b'{"text": "Rebels shelled Aleppo.", "date": "2025-11-19", "id": "a"}\n',
    "csv": b'text,date,title\n"Rebels shelled Aleppo.",2025-11-19,Clashes\n',
    "feed": b"<rss><channel><item><title>T</title><pubDate>Wed, 19 Nov 2025 10:00:00 GMT"
    b"</pubDate><description>Rebels shelled Aleppo.</description></item></channel></rss>",
    "html": b"<html><head><title>T</title></head><body><article><p>Rebels shelled Aleppo on"
    b" Friday, the army said.</p></article></body></html>",
    "warc": b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
    b"WARC-Date: 2025-11-19T00:00:00Z\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\n"
    b"Content-Type: text/html\r\n\r\n<p>Rebels shelled Aleppo.</p>\r\n\r\n",
    "text": b"date 2025-11-19\n\nRebels shelled Aleppo.",
}


def run_all(seconds: int) -> None:
    """Fuzz each target in its own process for ``seconds``; print executions and findings."""
    for name in TARGETS:
        corpus = SCRATCH / f"corpus-{name}"
        corpus.mkdir()
        (corpus / "seed").write_bytes(SEEDS[name])
        done = subprocess.run(
            [sys.executable, __file__, name, str(corpus), f"-max_total_time={seconds}",
             "-rss_limit_mb=4096", "-timeout=20", "-print_final_stats=1"],
            capture_output=True, text=True,
        )  # fmt: skip
        log = done.stdout + done.stderr
        runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", log)
        crashed = "Uncaught Python exception" in log or done.returncode not in (0,)
        print(
            f"{name:6s} {seconds}s executions={runs.group(1) if runs else '?'}"
            f" rc={done.returncode} finding={'YES' if crashed else 'none'}"
        )
        if crashed:
            print("\n".join(log.splitlines()[-25:]))


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "all":
        seconds = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--seconds" else 60
        run_all(seconds)
        return
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
