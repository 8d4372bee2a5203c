"""HTML pages: main text and metadata (title, date, url, site name) extracted with trafilatura.

Extraction works on bytes already read; trafilatura's download functions are never called and
htmldate gets a parsed tree, never a URL, so nothing here touches the network.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterator
from configparser import ConfigParser
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.streams import READ_ERRORS, read_capped, read_failure
from dyad.ingest.text import article_from_text

MAX_HTML_BYTES = 20_000_000  # markup is several times the text; trafilatura's own cap
MAX_HTML_ELEMENTS = 200_000  # bounds extraction time on generated or hostile pages

# trafilatura and htmldate log parse problems at ERROR; we report them as IngestErrors instead,
# so keep Python's last-resort handler from printing them (an app's own logging still sees them).
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@functools.cache
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signal-based; unsafe outside the main thread
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_HTML_ELEMENTS))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")  # dates from markup, not from prose
    return config


def article_from_html(
    html: bytes | str,
    origin: str,
    *,
    url: str | None = None,
    fallback_date: str | None = None,
    fallback_date_source: str = "flag",
) -> Article:
    """Build an Article from an HTML page; the page's own date wins over ``fallback_date``.

    Raises IngestError when the page cannot be parsed or has no main text.
    """
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_config(),
        )
    except Exception as exc:  # noqa: BLE001 - third-party parser on hostile input: report, go on
        raise IngestError(origin, f"HTML extraction failed: {type(exc).__name__}: {exc}") from None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise IngestError(origin, "no main text found in the HTML (empty, malformed or too deep)")
    page_date = _iso_date(getattr(document, "date", None))
    date, date_source = page_date, "article"
    if date is None:
        date, date_source = fallback_date, fallback_date_source
    return article_from_text(
        text,
        origin,
        date=date,
        date_source=date_source,
        title=getattr(document, "title", None) or None,
        url=getattr(document, "url", None) or url,
        source=getattr(document, "sitename", None) or None,
    )


def read_html_file(path: Path, default_date: str | None = None) -> Iterator[Article | IngestError]:
    """The one article of an HTML file (``.gz`` too), or the IngestError that replaces it."""
    origin = str(path)
    try:
        raw = read_capped(path, MAX_HTML_BYTES)
    except READ_ERRORS as exc:
        yield IngestError(origin, read_failure(exc))
        return
    if raw is None:
        yield IngestError(origin, f"file too large (> {MAX_HTML_BYTES:,} bytes)")
        return
    try:
        yield article_from_html(raw, origin, fallback_date=default_date)
    except IngestError as exc:
        yield exc


def _iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from htmldate's output, None when absent or not a date."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
