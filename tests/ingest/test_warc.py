"""WARC archives: HTML responses become Articles; other records are skipped; damage is reported."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.warc import read_warc

BODY = (
    "<article><p>Rebels of the M23 movement seized the town of Masisi on Friday after two days "
    "of fighting with the Congolese army, residents said.</p><p>The army said it had withdrawn "
    "to protect civilians.</p></article>"
)
UNDATED = f"<html><head><title>Rebels seize Masisi</title></head><body>{BODY}</body></html>"
DATED = UNDATED.replace(
    "<head>", '<head><meta property="article:published_time" content="2025-03-12T08:00:00Z">'
)
Record = tuple[str, str, str, bytes]  # uri, status, content type, body


def _write_warc(path: Path, records: list[Record], gzip: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dyad-test"}))
        for uri, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-03-14T08:00:00Z"},
            )
            writer.write_record(record)
    return path


RECORDS: list[Record] = [
    ("https://kivu.example/masisi", "200 OK", "text/html; charset=utf-8", UNDATED.encode()),
    ("https://kivu.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("https://kivu.example/gone", "404 Not Found", "text/html", UNDATED.encode()),
    ("https://kivu.example/dated", "200 OK", "text/html", DATED.encode()),
]


@pytest.mark.parametrize("name,gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_articles_and_the_rest_is_skipped(
    tmp_path: Path, name: str, gzip: bool
) -> None:
    items = list(read_warc(_write_warc(tmp_path / name, RECORDS, gzip)))
    assert all(isinstance(i, Article) for i in items)
    assert [i.url for i in items if isinstance(i, Article)] == [
        "https://kivu.example/masisi",
        "https://kivu.example/dated",
    ]


def test_warc_date_dates_pages_without_a_date_of_their_own(tmp_path: Path) -> None:
    undated, dated = list(read_warc(_write_warc(tmp_path / "c.warc", RECORDS, False)))
    assert isinstance(undated, Article) and isinstance(dated, Article)
    assert (undated.date, undated.date_source) == ("2025-03-14", "warc-date")
    assert (dated.date, dated.date_source) == ("2025-03-12", "article")
    assert "seized the town of Masisi" in undated.text


@pytest.mark.parametrize("name,gzip", [("cut.warc", False), ("cut.warc.gz", True)])
def test_truncated_archive_ends_in_an_error_after_the_good_records(
    tmp_path: Path, name: str, gzip: bool
) -> None:
    path = _write_warc(tmp_path / name, RECORDS, gzip)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 60])
    items = list(read_warc(path))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], IngestError) and "truncated" in items[-1].reason
    assert items[-1].line == 5  # warcinfo, three responses read, the fifth record cut short


def test_file_that_is_not_a_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("<html><body>Rebels seized Masisi.</body></html>\n", encoding="utf-8")
    [error] = list(read_warc(path))
    assert isinstance(error, IngestError) and "malformed WARC" in error.reason


def test_html_record_without_text_is_reported_with_its_uri(tmp_path: Path) -> None:
    records: list[Record] = [
        ("https://kivu.example/blank", "200 OK", "text/html", b"<html></html>")
    ]
    [error] = list(read_warc(_write_warc(tmp_path / "b.warc", records, False)))
    assert isinstance(error, IngestError) and "https://kivu.example/blank" in error.reason
    assert error.line == 2


def test_wrong_content_length_is_reported_and_nothing_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_warc(tmp_path / "bad.warc", RECORDS[:1], False)
    data = path.read_bytes()
    start = data.index(b"WARC-Type: response")
    at = data.index(b"Content-Length: ", start) + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    shorter = str(int(data[at:end]) - 5).encode()
    path.write_bytes(data[:at] + shorter + data[end:])
    items = list(read_warc(path))
    assert any(isinstance(i, IngestError) and "Content-Length" in i.reason for i in items)
    assert capsys.readouterr().err == ""
