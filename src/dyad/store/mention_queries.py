"""Read-only queries for quotes, actors and places (with the mentions behind them) for the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyad.article import Quote
from dyad.store.queries import (
    MAX_PAGE,
    QUERY_TIMEOUT_S,
    QueryError,
    Reader,
    decode_cursor,
    encode_cursor,
    like_pattern,
    page_size,
)
from dyad.store.rows import TABLE_COLUMNS, unflatten

_QUOTE_COLUMNS = ", ".join(f'q."{c}"' for c in TABLE_COLUMNS["quotes"])


@dataclass(frozen=True)
class QuoteQuery:
    """Which quotes to read: speaker text, speaker actor (code, id or name), text, article."""

    speaker: str | None = None
    actor: str | None = None
    text: str | None = None
    article_id: str | None = None
    kind: str | None = None


def quote_page(
    store: Reader, query: QuoteQuery, limit: int = 100, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of quotes, newest articles first, with the article's date and title."""
    size = page_size(limit, MAX_PAGE)
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if query.speaker is not None:
        clauses.append(
            "(lower(q.speaker_text) LIKE ? ESCAPE '\\' OR lower(q.speaker_actor_name) LIKE ?"
            " ESCAPE '\\' OR lower(q.speaker_antecedent_text) LIKE ? ESCAPE '\\')"
        )
        params.extend([like_pattern(query.speaker)] * 3)
    if query.actor is not None:
        clauses.append(
            "(q.speaker_actor_country = ? OR q.speaker_actor_id = ?"
            " OR lower(q.speaker_actor_name) LIKE ? ESCAPE '\\')"
        )
        params.extend([query.actor.strip().upper(), query.actor, like_pattern(query.actor)])
    if query.text is not None:
        clauses.append("lower(q.text) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(query.text))
    if query.article_id is not None:
        clauses.append("q.article_id = ?")
        params.append(query.article_id)
    if query.kind is not None:
        clauses.append("q.kind = ?")
        params.append(query.kind)
    where = " AND ".join(clauses)
    if cursor:
        day, article_id, ordinal = decode_cursor("quotes", cursor, (str, str, int))
        where += (
            " AND (COALESCE(a.date, '') < ? OR (COALESCE(a.date, '') = ? AND (q.article_id > ?"
            " OR (q.article_id = ? AND q.ordinal > ?))))"
        )
        params.extend([day, day, article_id, article_id, ordinal])
    sql = (
        f"SELECT {_QUOTE_COLUMNS}, COALESCE(a.date, '') AS sort_date, a.date AS article_date,"
        " a.title AS article_title FROM quotes q JOIN articles a ON a.article_id = q.article_id"
        f" WHERE {where} ORDER BY sort_date DESC, q.article_id, q.ordinal LIMIT ?"
    )
    rows = store.read(sql, [*params, size + 1], QUERY_TIMEOUT_S)
    after = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        after = encode_cursor("quotes", [last["sort_date"], last["article_id"], last["ordinal"]])
    items = []
    for row in rows:
        item = unflatten(row, Quote)
        item["article_date"] = row["article_date"]
        item["article_title"] = row["article_title"]
        items.append(item)
    return items, after


_EXAMPLES = 5  # mentions shown with each actor or place


def _grouped_page(
    store: Reader, kind: str, sql: str, params: list[Any], limit: int, cursor: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    size = page_size(limit, MAX_PAGE)
    offset = decode_cursor(kind, cursor, (int,))[0] if cursor else 0
    if offset < 0:
        raise QueryError("invalid cursor: pass next_cursor from the previous page")
    rows = store.read(f"{sql} LIMIT ? OFFSET ?", [*params, size + 1, offset], QUERY_TIMEOUT_S)
    after = encode_cursor(kind, [offset + size]) if len(rows) > size else None
    return rows[:size], after


def actor_page(
    store: Reader,
    text: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Resolved actors, most mentioned first, with counts and their first mentions."""
    clauses = [
        "(m.actor_id IS NOT NULL OR m.actor_country IS NOT NULL OR m.actor_sector IS NOT NULL)"
    ]
    params: list[Any] = []
    if text is not None:
        clauses.append(
            "(lower(m.actor_name) LIKE ? ESCAPE '\\' OR lower(m.text) LIKE ? ESCAPE '\\')"
        )
        params.extend([like_pattern(text)] * 2)
    if country is not None:
        clauses.append("m.actor_country = ?")
        params.append(country.strip().upper())
    if sector is not None:
        clauses.append("m.actor_sector = ?")
        params.append(sector.strip().upper())
    sql = (
        "SELECT m.actor_id AS id, m.actor_name AS name, m.actor_country AS country,"
        " m.actor_sector AS sector, any_value(m.actor_kind) AS kind, count(*) AS mentions,"
        " count(DISTINCT m.article_id) AS articles,"
        " list({'article_id': m.article_id, 'text': m.text, 'start': m.start, 'end': m.\"end\"}"
        " ORDER BY m.article_id, m.ordinal)[1:" + str(_EXAMPLES) + "] AS examples"
        f" FROM mentions m WHERE {' AND '.join(clauses)} GROUP BY 1, 2, 3, 4"
        " ORDER BY mentions DESC, name NULLS LAST, country NULLS LAST, sector NULLS LAST, id"
    )
    return _grouped_page(store, "actors", sql, params, limit, cursor)


def place_page(
    store: Reader,
    text: str | None = None,
    country: str | None = None,
    resolved: bool | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Places named in articles, most mentioned first, with counts and their first mentions."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if text is not None:
        clauses.append("(lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.text) LIKE ? ESCAPE '\\')")
        params.extend([like_pattern(text)] * 2)
    if country is not None:
        clauses.append("p.country = ?")
        params.append(country.strip().upper())
    if resolved is not None:
        clauses.append("p.resolved = ?")
        params.append(resolved)
    sql = (
        "SELECT p.geonameid, COALESCE(p.name, p.text) AS name, p.country, p.admin1, p.precision,"
        " p.lat, p.lon, p.resolved, count(*) AS mentions, count(DISTINCT p.article_id) AS articles,"
        " list({'article_id': p.article_id, 'text': p.text, 'start': p.start, 'end': p.\"end\"}"
        " ORDER BY p.article_id, p.ordinal)[1:" + str(_EXAMPLES) + "] AS examples"
        f" FROM places p WHERE {' AND '.join(clauses)} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
        " ORDER BY mentions DESC, name, country NULLS LAST, geonameid NULLS LAST, admin1"
        " NULLS LAST, precision NULLS LAST, lat NULLS LAST, lon NULLS LAST, resolved"
    )
    return _grouped_page(store, "places", sql, params, limit, cursor)
