"""WARC archives: HTML responses become Articles; other records are skipped; damage is reported."""

from __future__ import annotations

import zlib
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
    assert isinstance(error, IngestError)
    assert error.reason.startswith("not a WARC file: it starts with '<html><body>Rebels")
    assert error.line == 1


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


def _cut_inside(data: bytes, marker: bytes) -> bytes:
    """``data`` cut in the middle of the gzip member that holds the record with ``marker``."""
    members = [m for m in data.split(b"\x1f\x8b\x08") if m]
    starts = [data.index(b"\x1f\x8b\x08" + m) for m in members]
    for start, member in zip(starts, members, strict=True):
        if marker in zlib.decompress(b"\x1f\x8b\x08" + member, 16 + zlib.MAX_WBITS)[:4096]:
            return data[: start + len(member) // 2]
    raise AssertionError(f"no member holds {marker!r}")


def test_gzip_archive_cut_inside_a_record_keeps_the_pages_before_it(tmp_path: Path) -> None:
    path = _write_warc(tmp_path / "cut.warc.gz", RECORDS, True)
    path.write_bytes(_cut_inside(path.read_bytes(), b"kivu.example/gone"))
    items = list(read_warc(path))
    assert [i.url for i in items if isinstance(i, Article)] == ["https://kivu.example/masisi"]
    error = items[-1]
    assert isinstance(error, IngestError) and error.line == 4  # warcinfo, masisi, logo, gone
    assert error.reason.startswith("truncated gzip: the file ends before its end-of-stream")
    assert "the records before it were read" in error.reason


def test_gzip_archive_cut_in_its_first_record_is_an_error_not_an_empty_archive(
    tmp_path: Path,
) -> None:
    path = _write_warc(tmp_path / "cut.warc.gz", RECORDS, True)
    path.write_bytes(path.read_bytes()[:60])
    [error] = list(read_warc(path))
    assert isinstance(error, IngestError) and error.line == 1
    assert error.reason.startswith("truncated gzip")


def test_gzip_archive_is_recognised_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    gzipped = _write_warc(tmp_path / "crawl.warc.gz", RECORDS, True)
    renamed = tmp_path / "crawl.warc"
    renamed.write_bytes(gzipped.read_bytes()[:-40])
    items = list(read_warc(renamed))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], IngestError) and "truncated gzip" in items[-1].reason


def test_response_without_target_uri_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n<p>Rebels seized Masisi.</p>"
    )
    [error] = list(read_warc(path))
    assert isinstance(error, IngestError) and error.line == 1
    assert error.reason == "malformed WARC record: response record without a WARC-Target-URI header"


def test_record_without_a_type_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "untyped.warc"
    path.write_bytes(b"WARC/1.0\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n")
    [error] = list(read_warc(path))
    assert isinstance(error, IngestError)
    assert error.reason == "malformed WARC record: record without a WARC-Type header"


def test_garbage_between_records_is_reported_at_its_record(tmp_path: Path) -> None:
    path = _write_warc(tmp_path / "mixed.warc", RECORDS, False)
    data = path.read_bytes()
    at = data.index(b"WARC/1.0", data.index(b"kivu.example/logo.png"))
    path.write_bytes(data[:at] + b"\x89PNG\r\n\x1a\n\x00\x01 stray bytes\r\n" + data[at:])
    items = list(read_warc(path))
    assert [i.url for i in items if isinstance(i, Article)] == ["https://kivu.example/masisi"]
    error = items[-1]
    assert isinstance(error, IngestError) and error.line == 4
    assert error.reason.startswith("malformed WARC record: '\\x89PNG' where a WARC/1.x")
