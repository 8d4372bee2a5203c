"""Read-only event queries for the HTTP API: pages, aggregates, map points (quotes, actors and
places are in mention_queries). Every query is parameterised, paged or capped, and time-limited.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from dyad.article import Event
from dyad.store.base import EventFilters, filter_sql
from dyad.store.rows import EVENT_FIELDS, unflatten

MAX_PAGE = 500
MAX_GEOJSON_PAGE = 10_000
MAX_MAP_PLACES = 20_000
MAX_BUCKETS = 3_700  # ten years of days; more must use week or month
MAX_GROUPS = 50
QUERY_TIMEOUT_S = 10.0

Bucket = Literal["day", "week", "month"]
Grouping = Literal["type", "country", "dyad"]


class Reader(Protocol):
    """A store that answers parameterised read queries (``DuckDBStore.read``)."""

    def read(
        self, sql: str, params: Sequence[Any], timeout_s: float | None = None
    ) -> list[dict[str, Any]]: ...


class QueryError(ValueError):
    """A request that cannot be answered as asked (bad cursor, bbox, too many buckets)."""


@dataclass(frozen=True)
class BBox:
    """A lon/lat box; ``min_lon > max_lon`` means it crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``minlon,minlat,maxlon,maxlat`` in degrees."""
        try:
            values = [float(v) for v in text.split(",")]
        except ValueError:
            raise QueryError(
                f"bbox must be four numbers minlon,minlat,maxlon,maxlat: {text!r}"
            ) from None
        if len(values) != 4 or any(v != v for v in values):
            raise QueryError(f"bbox must be four numbers minlon,minlat,maxlon,maxlat: {text!r}")
        box = cls(*values)
        if not (-180 <= box.min_lon <= 180 and -180 <= box.max_lon <= 180):
            raise QueryError("bbox longitudes must be within -180..180")
        if not (-90 <= box.min_lat <= box.max_lat <= 90):
            raise QueryError("bbox latitudes must be within -90..90 with minlat <= maxlat")
        return box


@dataclass(frozen=True)
class EventQuery:
    """The store's EventFilters plus the API's finer ones (dyad, place, mode, map box)."""

    base: EventFilters = field(default_factory=EventFilters)
    admin1: str | None = None
    source: str | None = None
    target: str | None = None
    mode: str | None = None
    bbox: BBox | None = None


def like_pattern(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_clause(prefix: str, value: str, params: list[Any]) -> str:
    """An actor role matching a code (``SYR``), an actor id, or text in its name or span."""
    params.extend([value.strip().upper(), value, like_pattern(value), like_pattern(value)])
    return (
        f"(e.{prefix}_actor_country = ? OR e.{prefix}_actor_id = ?"
        f" OR lower(e.{prefix}_actor_name) LIKE ? ESCAPE '\\'"
        f" OR lower(e.{prefix}_text) LIKE ? ESCAPE '\\')"
    )


def event_where(query: EventQuery) -> tuple[str, list[Any]]:
    """A WHERE clause over ``events e JOIN articles a`` and its parameters."""
    where, params = filter_sql(query.base)
    clauses = [where]
    if query.admin1 is not None:
        clauses.append("lower(e.location_admin1) = ?")
        params.append(query.admin1.strip().lower())
    if query.mode is not None:
        clauses.append("e.mode = ?")
        params.append(query.mode.strip())
    if query.source is not None:
        clauses.append(_actor_clause("source", query.source, params))
    if query.target is not None:
        clauses.append(_actor_clause("target", query.target, params))
    if query.bbox is not None:
        box = query.bbox
        clauses.append("e.location_lat BETWEEN ? AND ?")
        params.extend([box.min_lat, box.max_lat])
        joiner = "AND" if box.min_lon <= box.max_lon else "OR"
        clauses.append(f"(e.location_lon >= ? {joiner} e.location_lon <= ?)")
        params.extend([box.min_lon, box.max_lon])
    return " AND ".join(clauses), params


# -- cursors -------------------------------------------------------------------------------------


def encode_cursor(kind: str, key: Sequence[Any]) -> str:
    """An opaque cursor naming the last row of a page (and which list it belongs to)."""
    raw = json.dumps([kind, *key], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, cursor: str, types: Sequence[type]) -> list[Any]:
    """The key inside a cursor made by ``encode_cursor``; anything else is a QueryError."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise QueryError("invalid cursor: pass next_cursor from the previous page") from None
    if (
        not isinstance(data, list)
        or len(data) != len(types) + 1
        or data[0] != kind
        or not all(type(v) is t for v, t in zip(data[1:], types, strict=True))
    ):
        raise QueryError("invalid cursor: pass next_cursor from the previous page")
    return data[1:]


def page_size(limit: int, cap: int) -> int:
    if not 1 <= limit <= cap:
        raise QueryError(f"limit must be between 1 and {cap}")
    return limit


# The event's date, else the article's; a duration ('P6M') is no date. Undated events sort last.
_EVENT_DATE = "COALESCE(CASE WHEN e.date GLOB '[0-9]*' THEN e.date END, a.date)"
_SORT_DATE = f"COALESCE({_EVENT_DATE}, '')"
_AFTER = (
    f"({_SORT_DATE} < ? OR ({_SORT_DATE} = ? AND (e.article_id > ?"
    " OR (e.article_id = ? AND e.ordinal > ?))))"
)


def _keyset(kind: str, cursor: str | None, where: str, params: list[Any]) -> tuple[str, list]:
    if not cursor:
        return where, params
    day, article_id, ordinal = decode_cursor(kind, cursor, (str, str, int))
    return f"{where} AND {_AFTER}", [*params, day, day, article_id, article_id, ordinal]


def _event_rows(
    store: Reader, query: EventQuery, columns: str, limit: int, cursor: str | None, kind: str
) -> tuple[list[dict[str, Any]], str | None]:
    where, params = _keyset(kind, cursor, *event_where(query))
    sql = (
        f"SELECT {columns}, {_SORT_DATE} AS sort_date, e.ordinal AS sort_ordinal"
        f" FROM events e JOIN articles a ON a.article_id = e.article_id WHERE {where}"
        f" ORDER BY sort_date DESC, e.article_id, e.ordinal LIMIT ?"
    )
    rows = store.read(sql, [*params, limit + 1], QUERY_TIMEOUT_S)
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(kind, [last["sort_date"], last["article_id"], last["sort_ordinal"]])


_EVENT_COLUMNS = ", ".join(f'e."{c}"' for c in EVENT_FIELDS)


def event_page(
    store: Reader, query: EventQuery, limit: int = 100, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events, newest first, with the sentence and the article's title and date."""
    size = page_size(limit, MAX_PAGE)
    columns = f"{_EVENT_COLUMNS}, e.sentence_text, a.title AS article_title, a.date AS article_date"
    rows, after = _event_rows(store, query, columns, size, cursor, "events")
    items = []
    for row in rows:
        item = unflatten(row, Event)
        item["sentence_text"] = row["sentence_text"]
        item["article_title"] = row["article_title"]
        item["article_date"] = row["article_date"]
        items.append(item)
    return items, after


def count_events(store: Reader, query: EventQuery) -> int:
    """How many events match."""
    where, params = event_where(query)
    sql = (
        "SELECT count(*) AS n FROM events e JOIN articles a ON a.article_id = e.article_id"
        f" WHERE {where}"
    )
    return int(store.read(sql, params, QUERY_TIMEOUT_S)[0]["n"])


def event_features(
    store: Reader, query: EventQuery, limit: int = 1000, cursor: str | None = None
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of located events (one Point each), paged by cursor."""
    size = page_size(limit, MAX_GEOJSON_PAGE)
    columns = (
        "e.event_id, e.article_id, e.event_type, e.mode, e.confidence, e.trigger_text,"
        " e.source_text, e.source_actor_name, e.source_actor_country,"
        " e.target_text, e.target_actor_name, e.target_actor_country,"
        " e.location_name, e.location_admin1, e.location_country, e.location_precision,"
        " e.location_lat, e.location_lon, COALESCE(e.date, a.date) AS date"
    )
    rows, after = _event_rows(store, _with_location(query), columns, size, cursor, "geojson")
    features = []
    for row in rows:
        lon, lat = row.pop("location_lon"), row.pop("location_lat")
        for key in ("sort_date", "sort_ordinal"):
            row.pop(key)
        features.append(
            {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": row,
            }
        )
    return {"type": "FeatureCollection", "features": features, "next_cursor": after}


def _with_location(query: EventQuery) -> EventQuery:
    # A whole-world box keeps only events with coordinates, through the same clause as bbox.
    if query.bbox is not None:
        return query
    return replace(query, bbox=BBox(-180.0, -90.0, 180.0, 90.0))


def place_features(store: Reader, query: EventQuery) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with one Point per event location and its counts by type."""
    where, params = event_where(_with_location(query))
    sql = (
        "SELECT e.location_lon AS lon, e.location_lat AS lat,"
        " any_value(e.location_name) AS name, any_value(e.location_country) AS country,"
        " any_value(e.location_admin1) AS admin1, e.event_type, count(*) AS n"
        " FROM events e JOIN articles a ON a.article_id = e.article_id"
        f" WHERE {where} GROUP BY 1, 2, e.event_type ORDER BY 1, 2, e.event_type"
    )
    rows = store.read(sql, params, QUERY_TIMEOUT_S)
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for row in rows:
        key = (row["lon"], row["lat"])
        place = places.get(key)
        if place is None:
            if len(places) >= MAX_MAP_PLACES:
                break
            place = {k: row[k] for k in ("name", "country", "admin1")} | {"count": 0, "types": {}}
            places[key] = place
        place["count"] += row["n"]
        place["types"][row["event_type"]] = row["n"]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props,
        }
        for (lon, lat), props in places.items()
    ]
    return {"type": "FeatureCollection", "features": features, "next_cursor": None}


# -- aggregates ----------------------------------------------------------------------------------

_BUCKET_SQL: dict[str, str] = {
    "day": "CAST(d AS DATE)",
    "week": "CAST(date_trunc('week', d) AS DATE)",
    "month": "CAST(date_trunc('month', d) AS DATE)",
}
_GROUP_SQL: dict[str, str] = {
    "type": "e.event_type",
    "country": "COALESCE(e.location_country, e.source_actor_country, e.target_actor_country, '?')",
    "dyad": (
        "COALESCE(e.source_actor_country, '') || COALESCE(e.source_actor_sector, '')"
        " || ' > ' || COALESCE(e.target_actor_country, '') || COALESCE(e.target_actor_sector, '')"
    ),
}
OTHER = "(other)"
# The day an event is counted on: its own date when that is a whole day, else (no date of its
# own) the article's. Month dates count in monthly buckets only; years and durations never.
_DAY_DATE = "CASE WHEN e.date IS NULL THEN a.date WHEN length(e.date) = 10 THEN e.date END"
_MONTH_DATE = f"COALESCE({_DAY_DATE}, CASE WHEN length(e.date) = 7 THEN e.date || '-01' END)"


def _bucket_starts(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    out: list[dt.date] = []
    day = first
    while day <= last:
        out.append(day)
        if len(out) > MAX_BUCKETS:
            raise QueryError(
                f"more than {MAX_BUCKETS} {by} buckets: narrow the dates or use a coarser 'by'"
            )
        if by == "day":
            day += dt.timedelta(days=1)
        elif by == "week":
            day += dt.timedelta(days=7)
        else:
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def aggregate(
    store: Reader, query: EventQuery, by: Bucket = "day", group: Grouping = "type", top: int = 16
) -> dict[str, Any]:
    """Counts of dated events per ``by`` bucket for the ``top`` groups (the rest as '(other)'),
    as aligned series: ``series[k].counts[i]`` counts ``buckets[i]``."""
    if by not in _BUCKET_SQL or group not in _GROUP_SQL:
        raise QueryError("by must be day|week|month and group type|country|dyad")
    if not 1 <= top <= MAX_GROUPS:
        raise QueryError(f"top must be between 1 and {MAX_GROUPS}")
    where, params = event_where(query)
    day = _MONTH_DATE if by == "month" else _DAY_DATE
    sql = (
        f"WITH m AS (SELECT TRY_CAST({day} AS DATE) AS d, {_GROUP_SQL[group]}"
        f" AS k FROM events e JOIN articles a ON a.article_id = e.article_id WHERE {where}),"
        " dated AS (SELECT * FROM m WHERE d IS NOT NULL),"
        " top AS (SELECT k FROM dated GROUP BY k ORDER BY count(*) DESC, k LIMIT ?)"
        f" SELECT {_BUCKET_SQL[by]} AS bucket, CASE WHEN top.k IS NULL THEN ? ELSE dated.k END"
        " AS key, count(*) AS n FROM dated LEFT JOIN top ON top.k = dated.k GROUP BY 1, 2"
    )
    rows = store.read(sql, [*params, top, OTHER], QUERY_TIMEOUT_S)
    if not rows:
        return {"by": by, "group": group, "buckets": [], "series": [], "total": 0}
    buckets = _bucket_starts(min(r["bucket"] for r in rows), max(r["bucket"] for r in rows), by)
    index = {b: i for i, b in enumerate(buckets)}
    series: dict[str, list[int]] = {}
    for row in rows:
        counts = series.setdefault(row["key"], [0] * len(buckets))
        counts[index[row["bucket"]]] += row["n"]
    ordered = sorted(series.items(), key=lambda kv: (kv[0] == OTHER, -sum(kv[1]), kv[0]))
    return {
        "by": by,
        "group": group,
        "buckets": [b.isoformat() for b in buckets],
        "series": [{"key": k, "total": sum(c), "counts": c} for k, c in ordered],
        "total": sum(r["n"] for r in rows),
    }
