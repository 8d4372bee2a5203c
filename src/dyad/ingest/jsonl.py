"""JSON Lines articles: one object per line with ``text`` and optional id, date, title, url, source."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.text import MAX_ARTICLE_BYTES, article_from_text

MAX_LINE_BYTES = MAX_ARTICLE_BYTES * 2


def read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    """Stream articles from a JSONL file; a bad line yields an IngestError and reading goes on."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE_BYTES:
                yield IngestError(origin, "line too large", number)
                continue
            yield _article_from_line(raw, origin, number)


def _article_from_line(raw: bytes, origin: str, number: int) -> Article | IngestError:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return IngestError(origin, f"invalid JSON: {exc}", number)
    if not isinstance(record, dict):
        return IngestError(origin, "a line must be a JSON object", number)
    text = record.get("text")
    if not isinstance(text, str):
        return IngestError(origin, "missing or non-string 'text' field", number)
    fields: dict[str, str | None] = {}
    for key in ("id", "date", "title", "url", "source"):
        value = record.get(key)
        fields[key] = None if value is None else str(value)
    try:
        return article_from_text(
            text,
            f"{origin}:{number}",
            date=fields["date"],
            date_source="article",
            title=fields["title"],
            url=fields["url"],
            source=fields["source"],
            article_id=fields["id"],
        )
    except IngestError as exc:
        return IngestError(origin, exc.reason, number)
