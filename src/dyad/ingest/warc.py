"""WARC archives (plain or gzip): each HTML response becomes an Article via the HTML extractor.

Records that are not successful HTML responses (requests, metadata, images, redirects, errors)
are skipped silently. ``line`` in errors is the record's number in the archive (1-based).
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.recordloader import ArcWarcRecordLoader

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.html import MAX_HTML_BYTES, article_from_html
from dyad.ingest.streams import READ_ERRORS, read_failure

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"
_BAD_LENGTH = "record not followed by a blank line (wrong Content-Length?)"


def read_warc(path: Path, default_date: str | None = None) -> Iterator[Article | IngestError]:
    """Stream the HTML pages of a WARC file; a truncated or malformed archive ends in an error
    naming the record where the damage starts, after the pages before it.

    Date: the page's own metadata, else the record's WARC-Date ("warc-date"), else
    ``default_date`` ("flag").
    """
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    try:
        handle = _open_archive(path)
    except OSError as exc:
        yield IngestError(origin, read_failure(exc))
        return
    with handle:
        archive = ArchiveIterator(_ReadErrorsKept(handle))
        archive.loader = _CheckingLoader()
        records = iter(archive)
        number = 0
        while True:
            number += 1  # the record about to be read
            warnings = archive.err_count
            try:
                # warcio prints Content-Length warnings to stderr; they become IngestErrors here.
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records)
                    _check_headers(record)
                    page = _html_page(record)
                    _check_complete(record)
            except StopIteration:
                if archive.err_count > warnings:
                    yield IngestError(origin, _BAD_LENGTH, number - 1)
                return
            except Exception as exc:  # noqa: BLE001 - warcio raises many types on damaged input
                reason = _damage(exc, number)
                if number > 1:
                    reason += "; the records before it were read"
                yield IngestError(origin, reason, number)
                return
            if archive.err_count > warnings:  # noticed on moving past the previous record
                yield IngestError(origin, _BAD_LENGTH, number - 1)
            if page is None:
                continue
            yield _page_article(page, origin, number, default_date)


def _open_archive(path: Path) -> io.BufferedIOBase:
    """The archive's WARC bytes. gzip (found by its magic bytes, whatever the name) is unpacked
    here, not by warcio: warcio takes a cut-off gzip member for the end of the archive."""
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.GzipFile(path, "rb") if magic == GZIP_MAGIC else path.open("rb")


class _ReadFailed(Exception):
    """Reading the file failed (a cut-off or damaged gzip); the cause is the original error."""


class _ReadErrorsKept:
    """The file as warcio reads it: the bytes before a read error come first, then the error, as
    _ReadFailed (warcio takes an EOFError, what a cut-off gzip raises, for the archive's end)."""

    def __init__(self, handle: io.BufferedIOBase) -> None:
        self.handle = handle
        self.failure: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self.failure is None:
            parts: list[bytes] = []
            wanted = size if size >= 0 else 1 << 62
            while wanted > 0:
                try:
                    chunk = self.handle.read1(min(wanted, 1 << 20))
                except READ_ERRORS as exc:
                    self.failure = exc
                    break
                if not chunk:
                    break
                parts.append(chunk)
                wanted -= len(chunk)
            if parts or self.failure is None:
                return b"".join(parts)
        raise _ReadFailed from self.failure

    def tell(self) -> int:
        return self.handle.tell()


class _Malformed(Exception):
    """A record whose headers break the WARC format (its end, so the next record, is unknown)."""


class _CheckingLoader(ArcWarcRecordLoader):
    """warcio's record loader, with a clear error for an HTTP record without a target URI
    (warcio itself fails there with AttributeError)."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        if uri is None and rec_type in self.HTTP_RECORDS and length != 0:
            raise _Malformed(f"{rec_type} record without a WARC-Target-URI header")
        return super().load_http_headers(rec_type, uri, stream, length)


def _check_headers(record: Any) -> None:
    """Raise _Malformed for a record missing a header that the format requires."""
    if record.format == "arc":
        return
    for name in ("WARC-Type", "Content-Length"):
        if not record.rec_headers.get_header(name):
            raise _Malformed(f"record without a {name} header")


def _damage(exc: Exception, number: int) -> str:
    """What is wrong at record ``number``, in words (warcio's own messages are terse)."""
    if isinstance(exc, _Truncated):
        return f"truncated WARC record: {exc}"
    if isinstance(exc, _Malformed):
        return f"malformed WARC record: {exc}"
    if isinstance(exc, _ReadFailed) and exc.__cause__ is not None:
        return read_failure(exc.__cause__)
    if isinstance(exc, READ_ERRORS):
        return read_failure(exc)
    message = str(exc)
    first = message.partition("first line: ")[2]
    if first.startswith("["):  # warcio shows the first line split into words
        with contextlib.suppress(ValueError, SyntaxError):
            first = " ".join(str(word) for word in ast.literal_eval(first))
    first = _printable(first)
    if message.startswith("Unknown archive format") and number == 1:
        return f"not a WARC file: it starts with {first} rather than a WARC/1.x version line"
    if message.startswith(("Unknown archive format", "Invalid WARC record")):
        return (
            f"malformed WARC record: {first} where a WARC/1.x version line should start it"
            " (is the previous record's Content-Length wrong?)"
        )
    return f"malformed WARC record: {type(exc).__name__}: {_printable(message)}"


def _printable(text: str, limit: int = 60) -> str:
    """``text`` quoted, with control and undecodable characters escaped, cut to ``limit``."""
    shown = text.strip()[:limit]
    return ascii(shown) if not shown.isprintable() else repr(shown)


def _html_page(record: Any) -> tuple[bytes | None, str | None, str | None] | None:
    """(content or None when too large, target URI, WARC date) of an HTML page record."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not str(headers.get_statuscode() or "").startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    body = record.content_stream().read(MAX_HTML_BYTES + 1)
    content = None if len(body) > MAX_HTML_BYTES else body
    uri = record.rec_headers.get_header("WARC-Target-URI")
    return content, uri, record.rec_headers.get_header("WARC-Date")


class _Truncated(Exception):
    """The archive ended before the record's declared Content-Length."""


def _check_complete(record: Any) -> None:
    """Read what is left of the record; raise _Truncated if the file ends inside it.

    warcio itself accepts a short record silently, so a cut-off download would pass unnoticed.
    """
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    missing = getattr(stream, "limit", 0)
    if missing:
        raise _Truncated(f"the archive ends {missing:,} bytes short of the record's end")


def _page_article(
    page: tuple[bytes | None, str | None, str | None],
    origin: str,
    number: int,
    default_date: str | None,
) -> Article | IngestError:
    content, uri, warc_date = page
    if content is None:
        return IngestError(origin, f"page {uri} too large (> {MAX_HTML_BYTES:,} bytes)", number)
    day = _warc_day(warc_date)
    fallback, source = (day, "warc-date") if day else (default_date, "flag")
    try:
        return article_from_html(
            content,
            f"{origin}:{number}",
            url=uri,
            fallback_date=fallback,
            fallback_date_source=source,
        )
    except IngestError as exc:
        return IngestError(origin, f"{uri}: {exc.reason}", number)


def _warc_day(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None
