"""Which record fields (JSONL keys, CSV columns) hold an article's id, date, text and metadata."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.text import article_from_text


@dataclass(frozen=True)
class FieldMap:
    """Field names to read; only ``text`` is required in a record."""

    id: str = "id"
    date: str = "date"
    text: str = "text"
    title: str = "title"
    url: str = "url"
    source: str = "source"

    @classmethod
    def parse(cls, spec: str) -> FieldMap:
        """Read ``"text=body,date=published_at"`` (``--field-map``); others keep defaults."""
        known = {f.name for f in dataclasses.fields(cls)}
        changes: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, sep, value = (s.strip() for s in part.partition("="))
            if not sep or not value:
                raise ValueError(f"field map entry {part!r}: want NAME=FIELD")
            if key not in known:
                raise ValueError(f"field map entry {part!r}: {key!r} is not one of {sorted(known)}")
            changes[key] = value
        return cls(**changes)


def article_from_record(
    record: Mapping[str, object],
    fields: FieldMap,
    origin: str,
    number: int,
    default_date: str | None = None,
) -> Article | IngestError:
    """Build the Article a record describes, or the IngestError that says why it cannot."""
    text = record.get(fields.text)
    if not isinstance(text, str):
        return IngestError(origin, f"missing or non-string {fields.text!r} field", number)
    values: dict[str, str | None] = {}
    for name in ("id", "date", "title", "url", "source"):
        value = record.get(getattr(fields, name))
        # An empty cell or string means the field is absent, as in a CSV with blank columns.
        values[name] = None if value is None or str(value).strip() == "" else str(value).strip()
    date, date_source = values["date"], "article"
    if date is None and default_date is not None:
        date, date_source = default_date, "flag"
    try:
        return article_from_text(
            text,
            f"{origin}:{number}",
            date=date,
            date_source=date_source,
            title=values["title"],
            url=values["url"],
            source=values["source"],
            article_id=values["id"],
        )
    except IngestError as exc:
        return IngestError(origin, exc.reason, number)
