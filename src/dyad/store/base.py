"""The store interface every backend implements, the event filters, and ``open_store``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

from dyad.article import Article, CodedArticle

DEFAULT_STORE_URL = "dyad.duckdb"


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message says what to do."""


@dataclass(frozen=True)
class Migration:
    """One schema version: the SQL file (in dyad/store/) that brings the previous one to it."""

    version: int
    script: str

    def sql(self) -> str:
        """The migration's SQL text, read from the package."""
        return resources.files("dyad.store").joinpath(self.script).read_text(encoding="utf-8")


# Applied in order; a store records the versions it has in its schema_version table.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "schema.sql"),
    Migration(2, "schema_2_duplicates.sql"),
    Migration(3, "schema_3_magnitudes.sql"),
    Migration(4, "schema_4_warnings.sql"),
)


def _iso_date(value: str | dt.date | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be an ISO date YYYY-MM-DD, got {value!r}") from None


@dataclass(frozen=True)
class EventFilters:
    """Which events to read; ``None`` means no restriction. All filters must hold (AND).

    ``date_from``/``date_to`` are inclusive and apply to the event's date, or the article's date
    when the event has none. ``country`` is an ISO3 code matched against the source and target
    actors and the event's place. ``actor`` and ``text`` are case-insensitive substrings.
    """

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    actor: str | None = None
    event_type: tuple[str, ...] | None = None
    text: str | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        # Normalise in place (frozen): callers may pass date objects or a single event type.
        object.__setattr__(self, "date_from", _iso_date(self.date_from, "date_from"))
        object.__setattr__(self, "date_to", _iso_date(self.date_to, "date_to"))
        if self.country is not None:
            object.__setattr__(self, "country", self.country.strip().upper())
        if isinstance(self.event_type, str):
            object.__setattr__(self, "event_type", (self.event_type,))
        if self.event_type is not None:
            types = tuple(t.strip().upper() for t in self.event_type)
            object.__setattr__(self, "event_type", types or None)


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_sql(filters: EventFilters, placeholder: str = "?") -> tuple[str, list[Any]]:
    """A WHERE clause over ``events e JOIN articles a`` and its parameters (never inlined)."""
    clauses: list[str] = []
    params: list[Any] = []
    p = placeholder

    def like_any(columns: list[str], text: str) -> None:
        clauses.append("(" + " OR ".join(f"lower({c}) LIKE {p} ESCAPE '\\'" for c in columns) + ")")
        params.extend([_like_pattern(text)] * len(columns))

    if filters.date_from is not None:
        clauses.append(f"COALESCE(e.date, a.date) >= {p}")
        params.append(filters.date_from)
    if filters.date_to is not None:
        clauses.append(f"COALESCE(e.date, a.date) <= {p}")
        params.append(filters.date_to)
    if filters.country is not None:
        clauses.append(
            f"(e.source_actor_country = {p} OR e.target_actor_country = {p}"
            f" OR e.location_country = {p})"
        )
        params.extend([filters.country] * 3)
    if filters.actor is not None:
        columns = ["e.source_actor_name", "e.source_text", "e.target_actor_name", "e.target_text"]
        like_any(columns, filters.actor)
    if filters.event_type:
        clauses.append("e.event_type IN (" + ", ".join([p] * len(filters.event_type)) + ")")
        params.extend(filters.event_type)
    if filters.text is not None:
        like_any(["e.trigger_text", "e.sentence_text", "a.title"], filters.text)
    if filters.article_id is not None:
        clauses.append(f"e.article_id = {p}")
        params.append(filters.article_id)
    return (" AND ".join(clauses) if clauses else "TRUE"), params


@runtime_checkable
class Store(Protocol):
    """Where coded articles are kept. Saving is idempotent: one article id is stored once."""

    def save(self, article: Article, coded: CodedArticle) -> bool:
        """Store one coded article in one transaction; False if it was already stored."""
        ...

    def save_many(self, items: Iterable[tuple[Article, CodedArticle]]) -> int:
        """Store a batch in one transaction (all or nothing); returns how many were new."""
        ...

    def save_failure(self, article_id: str | None, origin: str, reason: str) -> None:
        """Record an article or input that could not be coded (once per origin and reason)."""
        ...

    def has_article(self, article_id: str) -> bool:
        """Whether the article has been coded and stored."""
        ...

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already coded and stored."""
        ...

    def query_events(
        self, filters: EventFilters, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """One page of events (newest first) as nested event dicts."""
        ...

    def count_events(self, filters: EventFilters) -> int:
        """How many events match ``filters``."""
        ...

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The article (text included) and everything coded in it, in CodedArticle's shape."""
        ...

    def iter_events(self, filters: EventFilters) -> Iterator[dict[str, Any]]:
        """All matching events as nested dicts, read in batches (for exports)."""
        ...

    def stats(self) -> dict[str, Any]:
        """Row counts and the date range of the stored events."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


@cache
def migration_sql(version: int) -> str:
    """The SQL of one migration, read once per process."""
    return next(m for m in MIGRATIONS if m.version == version).sql()


def open_store(url: str = DEFAULT_STORE_URL, read_only: bool = False) -> Store:
    """Open the store named by ``url``: a DuckDB file path, ``duckdb:///path`` or a
    ``postgresql://user:password@host:port/database`` URL."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        path = url
    elif scheme == "duckdb":
        # duckdb:///abs/file.duckdb -> /abs/file.duckdb; duckdb://rel.duckdb -> rel.duckdb
        path = rest
    elif scheme in ("postgresql", "postgres"):
        try:
            from dyad.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(f"the PostgreSQL store needs psycopg installed: {exc}") from exc
        return PostgresStore(url, read_only=read_only)
    else:
        raise StoreError(
            f"unknown store {url!r}: give a DuckDB file path, duckdb:///path or postgresql://..."
        )
    if not path:
        raise StoreError(f"store URL {url!r} names no file")
    from dyad.store.duckdb import DuckDBStore  # the backend is only imported when used

    return DuckDBStore(path, read_only=read_only)
