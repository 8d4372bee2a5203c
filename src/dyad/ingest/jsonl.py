"""JSON Lines articles: one object per line with ``text``; optional id, date, title, url, source."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap, article_from_record
from dyad.ingest.streams import READ_ERRORS, bounded_lines, open_binary, read_failure
from dyad.ingest.text import MAX_ARTICLE_BYTES

MAX_LINE_BYTES = MAX_ARTICLE_BYTES * 2


def read_jsonl(
    path: Path, fields: FieldMap | None = None, default_date: str | None = None
) -> Iterator[Article | IngestError]:
    """Stream articles from a JSONL file (``.gz`` too); a bad line yields an IngestError and reading
    goes on. ``default_date`` dates records that have none (date_source "flag")."""
    fields = fields or FieldMap()
    origin = str(path)
    try:
        handle = open_binary(path)
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        lines = bounded_lines(handle, MAX_LINE_BYTES)
        number = 0
        while True:
            try:
                number, raw = next(lines)
            except StopIteration:
                return
            except READ_ERRORS as exc:
                reason = f"{read_failure(exc)}; the lines before it were read"
                yield IngestError(origin, reason, number + 1)
                return
            if raw is None:
                yield IngestError(origin, "line too large", number)
            elif raw.strip():
                yield _article_from_line(raw, origin, number, fields, default_date)


def _article_from_line(
    raw: bytes, origin: str, number: int, fields: FieldMap, default_date: str | None
) -> Article | IngestError:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return IngestError(origin, f"invalid JSON: {exc}", number)
    except RecursionError:
        return IngestError(origin, "invalid JSON: nested too deeply", number)
    if not isinstance(record, dict):
        return IngestError(origin, "a line must be a JSON object", number)
    return article_from_record(record, fields, origin, number, default_date)
