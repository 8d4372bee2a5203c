"""Near-duplicate records shared by both stores: signatures of coded articles and wire copies.

``DuplicateRecords`` is mixed into DuckDBStore and PostgresStore; it writes ``?``-placeholder
SQL (schema version 2) that ``_sql`` turns into the backend's style.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from dyad.article import Article

COPY_FIELDS = ("article_id", "origin", "title", "url", "source", "date", "similarity")
SIGNATURE_COLUMNS = ("article_id", "signature", "canonical_id", "recorded_at")
DUPLICATE_COLUMNS = (
    "article_id",
    "canonical_id",
    "origin",
    "title",
    "url",
    "source",
    "date",
    "similarity",
    "recorded_at",
)
_ID_CHUNK = 1_000  # ids per IN (...) list


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class DuplicateRecords:
    """Store methods for schema version 2's ``article_signatures`` and ``duplicates`` tables."""

    def _transaction(self, doing: str) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """``sql`` in the backend's placeholder style (DuckDB takes ``?`` as written)."""
        return sql

    def _insert_rows(
        self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]
    ) -> None:
        """Insert rows, skipping ids already there (DuckDB overrides this with a bulk insert)."""
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"
        cur.executemany(self._sql(sql), rows)

    def save_signatures(self, items: Iterable[tuple[str, bytes, str | None]]) -> None:
        """Keep the (article id, signature, canonical id) of coded articles, once per id."""
        rows = list(items)
        if not rows:
            return
        # Microsecond steps keep the batch's order: signatures are replayed in recorded_at order.
        now = _now()
        values = [
            (aid, sig, canonical, now + dt.timedelta(microseconds=i))
            for i, (aid, sig, canonical) in enumerate(rows)
        ]
        with self._transaction(f"save {len(rows)} signature(s)") as cur:
            self._insert_rows(cur, "article_signatures", SIGNATURE_COLUMNS, values)

    def save_duplicate(
        self, article: Article, canonical_id: str, similarity: float | None = None
    ) -> bool:
        """Record ``article`` as a copy of the stored ``canonical_id``; False if recorded before."""
        return self.save_duplicates([(article, canonical_id, similarity)]) == 1

    def save_duplicates(self, items: Iterable[tuple[Article, str, float | None]]) -> int:
        """Record (copy, canonical id, similarity) in one transaction; how many were new."""
        now = _now()
        batch: dict[str, tuple] = {}
        for article, canonical_id, similarity in items:
            batch.setdefault(
                article.id,
                (article.id, canonical_id, article.origin, article.title, article.url)
                + (article.source, article.date, similarity, now),
            )
        if not batch:
            return 0
        with self._transaction(f"record {len(batch)} duplicate(s)") as cur:
            ids = list(batch)
            for start in range(0, len(ids), _ID_CHUNK):
                chunk = ids[start : start + _ID_CHUNK]
                marks = ", ".join("?" * len(chunk))
                cur.execute(
                    self._sql(f"SELECT article_id FROM duplicates WHERE article_id IN ({marks})"),
                    chunk,
                )
                for (known,) in cur.fetchall():
                    batch.pop(known, None)
            self._insert_rows(cur, "duplicates", DUPLICATE_COLUMNS, list(batch.values()))
        return len(batch)

    def signatures(self) -> Iterator[tuple[str, bytes | None, str]]:
        """(article id, signature, canonical id) to replay into a DuplicateIndex, in order.

        Coded articles first, with their signatures; then copies, with None (they are linked,
        not indexed).
        """
        signed = self._fetch(
            "SELECT article_id, signature, canonical_id FROM article_signatures"
            " ORDER BY recorded_at, article_id",
            [],
        )
        for aid, sig, canonical in signed:
            yield aid, bytes(sig), canonical or aid
        copies = self._fetch("SELECT article_id, canonical_id FROM duplicates", [])
        for aid, canonical in copies:
            yield aid, None, canonical

    def unsigned_articles(self) -> Iterator[Article]:
        """Coded articles that have no signature yet (stored before schema 2, or undeduped)."""
        rows = self._fetch(
            "SELECT a.article_id, a.text, a.body_start FROM articles a"
            " WHERE a.status = 'ok' AND a.text IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM article_signatures s WHERE s.article_id = a.article_id)"
            " ORDER BY a.coded_at, a.article_id",
            [],
        )
        for aid, text, body_start in rows:
            yield Article(id=aid, text=text, body_start=body_start or 0)

    def copies_of(self, article_id: str) -> list[dict[str, Any]]:
        """The recorded copies of ``article_id``, oldest first."""
        rows = self._fetch(
            self._sql(
                f"SELECT {', '.join(COPY_FIELDS)}, recorded_at FROM duplicates"
                " WHERE canonical_id = ? ORDER BY recorded_at, article_id"
            ),
            [article_id],
        )
        return [
            {**dict(zip(COPY_FIELDS, row[:-1], strict=True)), "recorded_at": row[-1].isoformat()}
            for row in rows
        ]

    def copy_counts(self) -> dict[str, int]:
        """How many copies each canonical article has (only those with any)."""
        rows = self._fetch(
            "SELECT canonical_id, count(*) FROM duplicates GROUP BY canonical_id", []
        )
        return {canonical: int(n) for canonical, n in rows}

    def duplicate_groups(self, limit: int = 100) -> list[dict[str, Any]]:
        """Canonical articles with copies, most copies first: id, title, date, copy ids."""
        rows = self._fetch(
            self._sql(
                "SELECT d.canonical_id, a.title, a.date, a.origin, count(*) AS n"
                " FROM duplicates d LEFT JOIN articles a ON a.article_id = d.canonical_id"
                " GROUP BY d.canonical_id, a.title, a.date, a.origin"
                " ORDER BY n DESC, d.canonical_id LIMIT ?"
            ),
            [int(limit)],
        )
        return [
            {
                "canonical_id": canonical,
                "title": title,
                "date": date,
                "origin": origin,
                "copies": [c["article_id"] for c in self.copies_of(canonical)],
            }
            for canonical, title, date, origin, _ in rows
        ]
