"""A cut-off .gz of any format: the records before the cut are read, then one clear error."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.sources import iter_articles

WORDS = (
    "rebels", "army", "shelled", "town", "police", "arrested", "minister", "said", "talks",
    "ceasefire", "convoy", "aid", "village", "fighters", "withdrew", "protesters", "gathered",
    "capital", "envoy", "met", "officials",
)  # fmt: skip
RECORDS = 300


def _report(n: int) -> str:
    rng = random.Random(n)  # varied text, so that gzip cannot squeeze it into a few bytes
    return f"Report {n}: " + " ".join(rng.choice(WORDS) for _ in range(40)) + "."


def _jsonl() -> bytes:
    lines = (json.dumps({"text": _report(n), "date": "2025-11-19"}) for n in range(RECORDS))
    return "".join(f"{line}\n" for line in lines).encode()


def _csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["text", "date"])
    writer.writerows([_report(n), "2025-11-19"] for n in range(RECORDS))
    return out.getvalue().encode()


def _rss() -> bytes:
    items = "".join(
        f"<item><title>{n}</title><description>{_report(n)}</description></item>"
        for n in range(RECORDS)
    )
    return f"<rss><channel><title>Wire</title>{items}</channel></rss>".encode()


def _warc() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)  # one gzip stream over the whole archive, as gzip(1) does
    for n in range(RECORDS):
        page = f"<html><body><article><p>{_report(n)}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        record = writer.create_warc_record(
            f"https://wire.example/{n}",
            "response",
            payload=io.BytesIO(page.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    return out.getvalue()


@pytest.mark.parametrize(
    "name,content",
    [
        ("wire.jsonl.gz", _jsonl),
        ("wire.csv.gz", _csv),
        ("wire.rss.gz", _rss),
        ("wire.warc.gz", _warc),
    ],
)
def test_records_before_the_cut_are_read_then_one_error_names_the_file(
    tmp_path: Path, name: str, content: object
) -> None:
    data = gzip.compress(content())  # type: ignore[operator]
    path = tmp_path / name
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_articles([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert RECORDS // 5 < len(articles) < RECORDS
    assert [a.text.removeprefix("Report ").split(":")[0] for a in articles[:3]] == ["0", "1", "2"]
    assert len(errors) == 1 and items[-1] is errors[0]
    assert errors[0].origin == str(path)
    assert errors[0].reason.startswith("truncated gzip: the file ends before its end-of-stream")
    assert errors[0].line is not None and errors[0].line > len(articles) // 2


@pytest.mark.parametrize("name", ["one.txt.gz", "one.html.gz"])
def test_a_cut_single_article_file_is_one_clear_error(tmp_path: Path, name: str) -> None:
    text = " ".join(_report(n) for n in range(50))
    body = text if name.endswith(".txt.gz") else f"<html><body><p>{text}</p></body></html>"
    data = gzip.compress(body.encode())
    path = tmp_path / name
    path.write_bytes(data[: len(data) // 2])
    [error] = list(iter_articles([str(path)]))
    assert isinstance(error, IngestError) and error.origin == str(path)
    assert error.reason.startswith("truncated gzip")


def test_a_file_named_gz_that_is_not_gzip_says_so(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(_jsonl())
    [error] = list(iter_articles([str(path)]))
    assert isinstance(error, IngestError)
    assert error.reason.startswith("damaged gzip: Not a gzipped file")
