"""Articles and coded articles as Arrow tables and Parquet files: the distributed runner's I/O.

Input schema (one row per Article, the fields of ``dyad.article.Article``)::

    id string, text string, date string?, date_source string, title string?, url string?,
    source string?, language string?, body_start int32, origin string?

Output schema (one row per coded article)::

    article_id string      the Article id (= coded.article.id)
    coded      string      the CodedArticle as JSON, byte-for-byte the line `dyad code` writes
    language   string?     the detected language ("en" when coded)
    events, mentions, places, dates, quotes, errors, warnings
               int32       list lengths inside ``coded``
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.article import Article, CodedArticle
from dyad.ingest.errors import IngestError
from dyad.ingest.sources import iter_articles

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("date", pa.string()),
        pa.field("date_source", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("source", pa.string()),
        pa.field("language", pa.string()),
        pa.field("body_start", pa.int32(), nullable=False),
        pa.field("origin", pa.string()),
    ]
)
COUNTED = ("events", "mentions", "places", "dates", "quotes", "errors", "warnings")
CODED_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("coded", pa.string(), nullable=False),
        pa.field("language", pa.string()),
    ]
    + [pa.field(name, pa.int32(), nullable=False) for name in COUNTED]
)
ROWS_PER_GROUP = 512  # bounded memory while converting; also the unit Ray Data reads


def coded_json(coded: CodedArticle) -> str:
    """The CodedArticle as the JSON text `dyad code` writes (one JSON Lines line, no newline)."""
    return json.dumps(coded.model_dump(mode="json"), ensure_ascii=False)


def article_row(article: Article) -> dict[str, Any]:
    """One input row for an Article."""
    return article.model_dump()


def article_from_row(row: dict[str, Any]) -> Article:
    """The Article an input row holds (extra columns are ignored)."""
    return Article(**{name: row[name] for name in ARTICLE_SCHEMA.names if name in row})


def articles_table(articles: Iterable[Article]) -> pa.Table:
    """An input table for articles."""
    return pa.Table.from_pylist([article_row(a) for a in articles], schema=ARTICLE_SCHEMA)


def coded_table(coded: Iterable[CodedArticle]) -> pa.Table:
    """An output table: one row per coded article."""
    rows = [
        {"article_id": c.article.id, "coded": coded_json(c), "language": c.article.language}
        | {name: len(getattr(c, name)) for name in COUNTED}
        for c in coded
    ]
    return pa.Table.from_pylist(rows, schema=CODED_SCHEMA)


def write_articles_parquet(
    paths: Iterable[str | Path],
    out: str | Path,
    default_date: str | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> int:
    """Ingest everything under ``paths`` into one Parquet file of articles; returns the count.

    Streams: memory holds one row group whatever the input size. Unreadable articles go to
    ``on_error`` and are left out, as the local runner does.
    """
    count = 0
    pending: list[Article] = []
    with pq.ParquetWriter(str(out), ARTICLE_SCHEMA) as writer:
        for item in iter_articles(paths, default_date):
            if isinstance(item, IngestError):
                if on_error is not None:
                    on_error(item)
                continue
            pending.append(item)
            if len(pending) >= ROWS_PER_GROUP:
                writer.write_table(articles_table(pending))
                count += len(pending)
                pending.clear()
        if pending or count == 0:
            writer.write_table(articles_table(pending))
            count += len(pending)
    return count


def iter_coded_json(output: str | Path) -> Iterator[tuple[str, str]]:
    """(article_id, CodedArticle JSON) for every row of an output Parquet file or folder."""
    dataset = pq.ParquetDataset(str(output))
    for fragment in dataset.fragments:
        for batch in fragment.to_batches(columns=["article_id", "coded"]):
            yield from zip(
                batch.column("article_id").to_pylist(),
                batch.column("coded").to_pylist(),
                strict=True,
            )
