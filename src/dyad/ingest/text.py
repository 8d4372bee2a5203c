"""Plain-text articles: an optional ``date YYYY-MM-DD`` header, then the text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from dyad.article import Article, article_id_for
from dyad.ingest.errors import IngestError
from dyad.ingest.streams import READ_ERRORS, is_gzip_name, read_capped, read_failure

MAX_ARTICLE_BYTES = 5_000_000  # past this an article is reported, not coded (bounded time/memory)
_HEADER = re.compile(r"\A\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n)*[ \t]*")


def parse_date_header(text: str) -> tuple[str | None, int]:
    """The ``date YYYY-MM-DD`` header's date and where the body starts (0, None: no header)."""
    match = _HEADER.match(text)
    if not match:
        return None, 0
    value = match.group(1)
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None, 0
    return value, match.end()


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
# A wire dateline: upper-case place (", Country" allowed), then a full date, then the agency or
# a dash: "WASHINGTON, Jan. 7, 1998 (AP) _", "KYIV, Ukraine, 8 January 2026 (Reuters) -".
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?,\s*"
    rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')},?\s+(?P<year2>\d{{4}}))"
    r"\s*(?:\(|[-_\u2013\u2014/])"
)


def dateline_date(body: str) -> str | None:
    """The full date of a wire dateline at the start of the body, or None."""
    match = _DATELINE.match(body[:200])
    if not match:
        return None
    month = _MONTHS.get((match["month"] or match["month2"]).lower())
    day, year = match["day"] or match["day2"], match["year"] or match["year2"]
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def decode_article_bytes(raw: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM); binary or undecodable input is an IngestError."""
    if b"\x00" in raw[:4096]:
        raise IngestError(origin, "binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(origin, f"not valid UTF-8 at byte {exc.start}") from None
    return text


def article_from_text(
    text: str,
    origin: str,
    *,
    date: str | None = None,
    date_source: str = "article",
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Build an Article from text, reading a ``date`` header when there is one."""
    if len(text) > MAX_ARTICLE_BYTES:
        reason = f"article too large ({len(text):,} chars > {MAX_ARTICLE_BYTES:,})"
        raise IngestError(origin, reason)
    header_date, body_start = parse_date_header(text)
    if not text[body_start:].strip():
        raise IngestError(origin, "empty article (no text after the header)")
    if header_date is not None:
        date, date_source = header_date, "article"
    elif (from_dateline := dateline_date(text[body_start:])) is not None:
        date, date_source = from_dateline, "dateline"  # the article's own date beats a default
    if date is not None:
        try:
            dt.date.fromisoformat(date[:10])
        except ValueError:
            raise IngestError(origin, f"invalid date {date!r} (want YYYY-MM-DD)") from None
        date = date[:10]
    return Article(
        id=article_id or article_id_for(text[body_start:]),
        text=text,
        date=date,
        date_source=date_source if date is not None else "none",
        title=title,
        url=url,
        source=source,
        body_start=body_start,
        origin=origin,
    )


def read_text_file(path: Path, default_date: str | None = None, use_mtime: bool = False) -> Article:
    """One article from a text file (``.gz`` too). Without a ``date`` header the date comes from
    ``default_date`` ("flag"), else from the file's modification time (UTC) when ``use_mtime``."""
    origin = str(path)
    try:
        if is_gzip_name(path):
            capped = read_capped(path, MAX_ARTICLE_BYTES)
            if capped is None:
                reason = f"file too large (> {MAX_ARTICLE_BYTES:,} bytes unpacked)"
                raise IngestError(origin, reason)
            raw = capped
        else:
            size = path.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                reason = f"file too large ({size:,} bytes > {MAX_ARTICLE_BYTES:,})"
                raise IngestError(origin, reason)
            raw = path.read_bytes()
        mtime = path.stat().st_mtime
    except READ_ERRORS as exc:
        raise IngestError(origin, read_failure(exc)) from None
    text = decode_article_bytes(raw, origin)
    if default_date is None and use_mtime:
        day = dt.datetime.fromtimestamp(mtime, tz=dt.UTC).date().isoformat()
        return article_from_text(text, origin, date=day, date_source="file-mtime")
    return article_from_text(text, origin, date=default_date, date_source="flag")
