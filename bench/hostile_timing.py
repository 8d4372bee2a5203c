"""Time to handle each hostile case at full size (100k-character sentence); not a test.

    PYTHONPATH=src .venv/bin/python bench/hostile_timing.py [--chars 100000] [--only long_sentence]

Builds the corpus of tests/reliability/conftest.py in a temporary folder, then reads and codes
each case as `dyad ingest` would, printing seconds and the outcome per case.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from pathlib import Path

from dyad.batch import code_stream
from dyad.ingest.errors import IngestError
from dyad.ingest.sources import iter_articles

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--only", action="append", default=[])
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests/reliability/conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = Path(tempfile.mkdtemp(prefix="dyad-hostile-"))
    cases = module.write_hostile_corpus(folder, long_chars=args.chars)
    for name in sorted(cases):
        if args.only and not any(o in name for o in args.only):
            continue
        started = time.monotonic()
        outcomes = []
        for item in code_stream(iter_articles([str(folder / name)])):
            if isinstance(item, IngestError):
                outcomes.append(f"error: {item.reason[:60]}")
            else:
                outcomes.append(f"coded: {len(item[1].events)} events {item[1].errors[:1]}")
        print(f"{time.monotonic() - started:7.1f} s  {name:22s} {outcomes[:2]}", flush=True)


if __name__ == "__main__":
    main()
