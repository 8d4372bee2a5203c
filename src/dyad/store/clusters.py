"""Event clusters: one real-world event reported by several articles (as ACLED and POLECAT do).

Events share a cluster when they agree on the day, the event type, the source and target actor
(country and sector when known, else the lower-cased name) and the place (geonameid, else name).
``source_count`` counts the distinct articles, each with its recorded wire copies. Portable SQL
read through ``Store.read`` (``?`` placeholders), so both stores answer it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from dyad.store.base import EventFilters, filter_sql

CLUSTER_FIELDS = (
    "cluster_id",
    "date",
    "event_type",
    "source_key",
    "target_key",
    "location_key",
    "events",
    "articles",
    "copies",
    "source_count",
    "first_article",
    "last_article",
    "first_date",
    "last_date",
)


class Reader(Protocol):
    """A store that answers parameterised read queries (``DuckDBStore.read``)."""

    def read(
        self, sql: str, params: Sequence[Any], timeout_s: float | None = None
    ) -> list[dict[str, Any]]: ...


def _actor_key(side: str) -> str:
    country, sector = f"e.{side}_actor_country", f"e.{side}_actor_sector"
    return (
        f"CASE WHEN {country} IS NOT NULL OR {sector} IS NOT NULL"
        f" THEN COALESCE({country}, '') || ':' || COALESCE({sector}, '')"
        f" ELSE lower(COALESCE(e.{side}_actor_name, e.{side}_text, '')) END"
    )


_LOCATION_KEY = (
    "COALESCE(CAST(e.location_geonameid AS TEXT), lower(e.location_name), lower(e.location_text),"
    " '')"
)
# An article sorts by its date then id; '|' never occurs in ids, so split_part recovers the id.
_DATED_ID = "COALESCE(p.article_date, '') || '|' || p.article_id"


def cluster_sql(filters: EventFilters, min_sources: int = 1) -> tuple[str, list[Any]]:
    """The clusters query (biggest first) and its parameters; add LIMIT/OFFSET as needed."""
    where, params = filter_sql(filters)
    keyed = (
        "SELECT COALESCE(e.date, a.date, '') AS day, e.event_type,"
        f" {_actor_key('source')} AS source_key, {_actor_key('target')} AS target_key,"
        f" {_LOCATION_KEY} AS location_key, e.article_id, a.date AS article_date"
        f" FROM events e JOIN articles a ON a.article_id = e.article_id WHERE {where}"
    )
    sql = (
        f"WITH keyed AS ({keyed}),"
        " per_article AS (SELECT day, event_type, source_key, target_key, location_key,"
        " article_id, article_date, count(*) AS events FROM keyed"
        " GROUP BY day, event_type, source_key, target_key, location_key, article_id,"
        " article_date),"
        " copies AS (SELECT canonical_id, count(*) AS n FROM duplicates GROUP BY canonical_id)"
        " SELECT substr(md5(p.day || '|' || p.event_type || '|' || p.source_key || '|'"
        " || p.target_key || '|' || p.location_key), 1, 16) AS cluster_id,"
        " p.day AS date, p.event_type, p.source_key, p.target_key, p.location_key,"
        " sum(p.events) AS events, count(*) AS articles, sum(COALESCE(c.n, 0)) AS copies,"
        " count(*) + sum(COALESCE(c.n, 0)) AS source_count,"
        f" split_part(min({_DATED_ID}), '|', 2) AS first_article,"
        f" split_part(max({_DATED_ID}), '|', 2) AS last_article,"
        " min(p.article_date) AS first_date, max(p.article_date) AS last_date"
        " FROM per_article p LEFT JOIN copies c ON c.canonical_id = p.article_id"
        " GROUP BY p.day, p.event_type, p.source_key, p.target_key, p.location_key"
        " HAVING count(*) + sum(COALESCE(c.n, 0)) >= ?"
        " ORDER BY source_count DESC, date DESC, cluster_id"
    )
    return sql, [*params, int(min_sources)]


def event_clusters(
    store: Reader,
    filters: EventFilters,
    limit: int | None = 100,
    min_sources: int = 1,
    timeout_s: float | None = None,
) -> list[dict[str, Any]]:
    """The event clusters matching ``filters``, most-reported first (all when ``limit`` is None)."""
    sql, params = cluster_sql(filters, min_sources)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = store.read(sql, params, timeout_s)
    return [
        {
            k: (int(v) if k in ("events", "articles", "copies", "source_count") else v)
            for k, v in row.items()
        }
        for row in rows
    ]
