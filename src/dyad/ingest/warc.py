"""WARC archives (plain or gzip): each HTML response becomes an Article via the HTML extractor.

Records that are not successful HTML responses (requests, metadata, images, redirects, errors)
are skipped silently. ``line`` in errors is the record's number in the archive (1-based).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.html import MAX_HTML_BYTES, article_from_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
_BAD_LENGTH = "record not followed by a blank line (wrong Content-Length?)"


def read_warc(path: Path, default_date: str | None = None) -> Iterator[Article | IngestError]:
    """Stream the HTML pages of a WARC file; a truncated or malformed archive ends in an error.

    Date: the page's own metadata, else the record's WARC-Date ("warc-date"), else
    ``default_date`` ("flag").
    """
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        archive = ArchiveIterator(handle)
        records = iter(archive)
        number = 0
        while True:
            number += 1  # the record about to be read
            warnings = archive.err_count
            try:
                # warcio prints Content-Length warnings to stderr; they become IngestErrors here.
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records)
                    page = _html_page(record)
                    _check_complete(record)
            except StopIteration:
                if archive.err_count > warnings:
                    yield IngestError(origin, _BAD_LENGTH, number - 1)
                return
            except Exception as exc:  # noqa: BLE001 - warcio raises many types on damaged input
                if isinstance(exc, _Truncated):
                    reason = f"truncated WARC record: {exc}"
                else:
                    reason = f"malformed WARC record: {type(exc).__name__}: {exc}"
                yield IngestError(origin, reason, number)
                return
            if archive.err_count > warnings:  # noticed on moving past the previous record
                yield IngestError(origin, _BAD_LENGTH, number - 1)
            if page is None:
                continue
            yield _page_article(page, origin, number, default_date)


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
