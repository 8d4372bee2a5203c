"""Reads shared by both stores: one article with everything coded in it, and store counts.

``ArticleReads`` is mixed into DuckDBStore and PostgresStore; its SQL uses ``?`` placeholders
that ``_sql`` turns into the backend's style, as in ``DuplicateRecords``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dyad.article import DateMention, Event, Mention, Place, Quote
from dyad.store.rows import ARTICLE_INFO, TABLE_COLUMNS, column_list, unflatten


class ArticleReads:
    """``get_article`` and ``stats`` over the tables of schema.sql."""

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql

    # Provided by DuplicateRecords (declared, not defined, so it does not shadow it in the MRO).
    copies_of: Callable[[str], list[dict[str, Any]]]

    def _children(self, table: str, article_id: str, model: type) -> list[dict[str, Any]]:
        columns = TABLE_COLUMNS[table]
        sql = f"SELECT {column_list(columns)} FROM {table} WHERE article_id = ? ORDER BY ordinal"
        rows = self._fetch(self._sql(sql), [article_id])
        return [unflatten(dict(zip(columns, r, strict=True)), model) for r in rows]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The article (text included) and everything coded in it, in CodedArticle's shape."""
        found = self._fetch(
            self._sql(
                f"SELECT {column_list(TABLE_COLUMNS['articles'])} FROM articles"
                " WHERE article_id = ?"
            ),
            [article_id],
        )
        if not found:
            return None
        row = dict(zip(TABLE_COLUMNS["articles"], found[0], strict=True))
        errors = self._fetch(
            self._sql(
                "SELECT ordinal, origin, reason, recorded_at, severity FROM errors"
                " WHERE article_id = ? ORDER BY ordinal NULLS LAST, recorded_at"
            ),
            [article_id],
        )
        return {
            "article": {"id": row["article_id"], **{k: row[k] for k in ARTICLE_INFO}},
            "events": self._children("events", article_id, Event),
            "mentions": self._children("mentions", article_id, Mention),
            "places": self._children("places", article_id, Place),
            "dates": self._children("dates", article_id, DateMention),
            "quotes": self._children("quotes", article_id, Quote),
            "errors": [
                reason
                for ordinal, _, reason, _, severity in errors
                if ordinal is not None and severity != "warning"
            ],
            "warnings": [
                reason
                for ordinal, _, reason, _, severity in errors
                if ordinal is not None and severity == "warning"
            ],
            "coder": row["coder"],
            "text": row["text"],
            "body_start": row["body_start"],
            "origin": row["origin"],
            "status": row["status"],
            "error": row["error"],
            "coded_at": row["coded_at"].isoformat(),
            "failures": [
                {"origin": origin, "reason": reason, "at": at.isoformat()}
                for ordinal, origin, reason, at, _ in errors
                if ordinal is None
            ],
            "copies": self.copies_of(article_id),
        }

    def stats(self) -> dict[str, Any]:
        """Row counts, events per type and the date range of the stored events."""
        counts = {t: self._fetch(f"SELECT count(*) FROM {t}", [])[0][0] for t in TABLE_COLUMNS}
        failed = self._fetch("SELECT count(*) FROM articles WHERE status = 'error'", [])[0][0]
        located = self._fetch("SELECT count(*) FROM events WHERE location_lat IS NOT NULL", [])
        span = self._fetch(
            "SELECT MIN(COALESCE(e.date, a.date)), MAX(COALESCE(e.date, a.date))"
            " FROM events e JOIN articles a ON a.article_id = e.article_id",
            [],
        )[0]
        by_type = self._fetch(
            "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY 2 DESC, 1", []
        )
        return {
            **counts,
            "articles_coded": counts["articles"] - failed,
            "articles_failed": failed,
            "events_located": located[0][0],
            "first_date": span[0],
            "last_date": span[1],
            "events_by_type": dict(by_type),
        }
