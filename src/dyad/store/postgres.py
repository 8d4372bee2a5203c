"""PostgresStore: the server store (``postgresql://user:pass@host:port/db``) for teams, clusters.

Same schema, migrations and row layout as DuckDBStore. Articles are claimed with
``INSERT ... ON CONFLICT DO NOTHING RETURNING`` so that writers on many machines saving the same
article concurrently store it once; their child rows then go in with COPY.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql as pgsql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row

from dyad.article import Article, CodedArticle, Event, stable_id
from dyad.store.article_reads import ArticleReads
from dyad.store.base import MIGRATIONS, EventFilters, StoreError, filter_sql, migration_sql
from dyad.store.duplicates import DuplicateRecords
from dyad.store.rows import (
    EVENT_FIELDS,
    TABLE_COLUMNS,
    TABLE_KINDS,
    article_rows,
    column_list,
    unflatten,
)

_FETCH_BATCH = 2_000
# Any constant: serialises schema migrations between processes opening the same database.
_MIGRATION_LOCK = 0x647961645F6D6967
_ARRAY_TYPES = {"text": "text[]", "integer": "integer[]", "timestamp": "timestamp[]"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def describe_url(url: str) -> str:
    """``user@host:port/db`` for messages: never the password."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "an unparsable postgresql:// URL"
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host', '')}{port}/{info.get('dbname', '')}"


def qmark_to_pyformat(query: str) -> str:
    """The SQL of a ``?``-placeholder query (DuckDB's style) in psycopg's ``%s`` style.

    ``?`` outside string literals, quoted names and ``--`` comments becomes ``%s``; every ``%``
    is doubled.
    """
    out: list[str] = []
    closing = ""  # what ends the literal, name or comment we are in
    i = 0
    while i < len(query):
        char = query[i]
        if closing:
            if char == closing:
                closing = ""
        elif char in ("'", '"'):
            closing = char
        elif query.startswith("--", i):
            closing = "\n"
        elif char == "?":
            out.append("%s")
            i += 1
            continue
        out.append("%%" if char == "%" else char)
        i += 1
    return "".join(out)


class PostgresStore(ArticleReads, DuplicateRecords):
    """Coded articles in a PostgreSQL database; every save is one transaction."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.path = describe_url(url)  # what messages name, as DuckDBStore's path
        self.read_only = read_only
        self._lock = threading.RLock()  # one connection: a transaction at a time, any thread
        self._con = self._connect()
        try:
            if read_only:
                self._con.execute("SET default_transaction_read_only = on")
            self._check_or_migrate(read_only)
        except BaseException:
            self._con.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            con = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.path}: {exc}".strip()) from exc
        return con

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        """``?``-placeholder SQL (the duplicate records') in psycopg's ``%s`` style."""
        return qmark_to_pyformat(sql)

    def _check_or_migrate(self, read_only: bool) -> None:
        latest = MIGRATIONS[-1].version
        current = self.schema_version()
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this dyad ({latest});"
                " upgrade dyad"
            )
        if current == latest:
            return
        if read_only:
            raise StoreError(f"{self.path} needs migrating to version {latest}; open it writable")
        with self._transaction("migrate the schema") as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATION_LOCK])
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version"
                " (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
            )
            # Another process may have migrated while this one waited for the lock.
            cur.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            row = cur.fetchone()
            current = int(row[0]) if row else 0
            for migration in MIGRATIONS:
                if migration.version > current:
                    cur.execute(migration_sql(migration.version))
                    cur.execute(
                        "INSERT INTO schema_version VALUES (%s, %s)", [migration.version, _now()]
                    )

    def schema_version(self) -> int:
        """The schema version of the database (0 for a new, empty one)."""
        found = self._fetch("SELECT to_regclass('schema_version') IS NOT NULL", [])
        if not found[0][0]:
            return 0
        return int(self._fetch("SELECT COALESCE(MAX(version), 0) FROM schema_version", [])[0][0])

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[psycopg.Cursor[Any]]:
        """A cursor inside one transaction; anything raised rolls all of it back."""
        with self._lock:
            try:
                with self._con.transaction(), self._con.cursor() as cur:
                    yield cur
            except psycopg.Error as exc:
                raise StoreError(f"cannot {doing} in {self.path}: {exc}") from exc

    # -- writing -------------------------------------------------------------------------------

    def save(self, article: Article, coded: CodedArticle) -> bool:
        """Store one coded article in one transaction; False if it was already stored."""
        return self.save_many([(article, coded)]) == 1

    def save_many(self, items: Iterable[tuple[Article, CodedArticle]]) -> int:
        """Store a batch in one transaction (all or nothing); returns how many were new."""
        batch = list(items)
        for article, coded in batch:
            if article.id != coded.article.id:
                raise StoreError(
                    f"article {article.id} saved with the coding of {coded.article.id}"
                )
        # Flattening costs more than the database's work: skip articles stored already. Those
        # stored by another writer from now on are caught by _claim.
        known = self.known_article_ids(a.id for a, _ in batch)
        now = _now()
        rows: dict[str, dict[str, list[tuple]]] = {}
        for article, coded in batch:
            if article.id not in known and article.id not in rows:
                rows[article.id] = article_rows(article, coded, now)
        if not rows:
            return 0
        with self._transaction(f"save {len(batch)} article(s)") as cur:
            # An article that failed before and is now coded replaces its failure row.
            cur.execute(
                "DELETE FROM articles WHERE article_id = ANY(%s) AND status = 'error'",
                [list(rows)],
            )
            new = self._claim(cur, [r["articles"][0] for r in rows.values()])
            for table in TABLE_COLUMNS:
                if table != "articles":
                    self._copy(cur, table, [row for i in new for row in rows[i][table]])
        return len(new)

    def _claim(self, cur: psycopg.Cursor[Any], articles: list[tuple]) -> list[str]:
        """Insert the article rows not stored yet; the ids of those inserted, in batch order."""
        kinds = TABLE_KINDS["articles"]
        unnest = ", ".join(f"%s::{_ARRAY_TYPES[kind]}" for _, kind in kinds)
        cur.execute(
            f"INSERT INTO articles ({column_list(c for c, _ in kinds)})"
            f" SELECT * FROM unnest({unnest})"
            " ON CONFLICT (article_id) DO NOTHING RETURNING article_id",
            [list(column) for column in zip(*articles, strict=True)],
        )
        inserted = {row[0] for row in cur.fetchall()}
        return [row[0] for row in articles if row[0] in inserted]

    def _copy(self, cur: psycopg.Cursor[Any], table: str, rows: list[tuple]) -> None:
        """Rows into ``table`` with COPY: one round trip, no per-value parameter binding."""
        if not rows:
            return
        statement = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
            pgsql.Identifier(table),
            pgsql.SQL(", ").join(pgsql.Identifier(c) for c in TABLE_COLUMNS[table]),
        )
        with cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    def save_failure(self, article_id: str | None, origin: str, reason: str) -> None:
        """Record an article or input that could not be coded (once per origin and reason)."""
        now = _now()
        with self._transaction(f"record a failure for {origin}") as cur:
            cur.execute(
                "INSERT INTO errors (error_id, article_id, ordinal, origin, reason, recorded_at)"
                " VALUES (%s, %s, NULL, %s, %s, %s) ON CONFLICT DO NOTHING",
                [stable_id("failure", origin, reason), article_id, origin, reason, now],
            )
            if article_id is not None:
                # A coded article keeps its row; an earlier failure takes the latest reason.
                cur.execute(
                    "INSERT INTO articles"
                    " (article_id, date_source, origin, coded_at, status, error)"
                    " VALUES (%s, 'none', %s, %s, 'error', %s)"
                    " ON CONFLICT (article_id) DO UPDATE SET error = excluded.error,"
                    " origin = excluded.origin, coded_at = excluded.coded_at"
                    " WHERE articles.status = 'error'",
                    [article_id, origin, now, reason],
                )

    # -- reading -------------------------------------------------------------------------------

    def _fetch(self, query: str, params: Sequence[Any]) -> list[tuple]:
        with self._lock:
            try:
                with self._con.cursor() as cur:
                    cur.execute(query, list(params))
                    return cur.fetchall()
            except psycopg.Error as exc:
                raise StoreError(f"cannot read {self.path}: {exc}") from exc

    def read(
        self, sql: str, params: Sequence[Any], timeout_s: float | None = None
    ) -> list[dict[str, Any]]:
        """Rows of one parameterised (``?``) read query as dicts; cancelled past ``timeout_s``.

        The query runs in a read-only transaction: it cannot change the store.
        """
        with self._lock:
            try:
                with self._con.transaction(), self._con.cursor(row_factory=dict_row) as cur:
                    cur.execute("SET TRANSACTION READ ONLY")
                    if timeout_s:
                        cur.execute(
                            "SELECT set_config('statement_timeout', %s, true)",
                            [f"{max(1, round(timeout_s * 1000))}ms"],
                        )
                    cur.execute(qmark_to_pyformat(sql), list(params))
                    return cur.fetchall()
            except psycopg.errors.QueryCanceled as exc:
                raise StoreError(f"query stopped after {timeout_s} s: narrow the filters") from exc
            except psycopg.Error as exc:
                raise StoreError(f"cannot read {self.path}: {exc}") from exc

    def has_article(self, article_id: str) -> bool:
        """Whether the article has been coded and stored (failures are not)."""
        return bool(self.known_article_ids([article_id]))

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already coded and stored."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        found = self._fetch(
            "SELECT article_id FROM articles WHERE article_id = ANY(%s) AND status = 'ok'",
            [wanted],
        )
        return {row[0] for row in found}

    def _event_sql(self, filters: EventFilters, order: str) -> tuple[str, list[Any]]:
        where, params = filter_sql(filters, "%s")
        sql = (
            f"SELECT {column_list(EVENT_FIELDS, 'e.')} FROM events e"
            f" JOIN articles a ON a.article_id = e.article_id WHERE {where} ORDER BY {order}"
        )
        return sql, params

    def query_events(
        self, filters: EventFilters, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """One page of events, newest first, as nested event dicts."""
        if limit < 0 or offset < 0:
            raise ValueError("limit and offset must not be negative")
        order = "COALESCE(e.date, a.date) DESC NULLS LAST, e.article_id, e.ordinal"
        sql, params = self._event_sql(filters, order)
        rows = self._fetch(sql + " LIMIT %s OFFSET %s", [*params, int(limit), int(offset)])
        return [unflatten(dict(zip(EVENT_FIELDS, r, strict=True)), Event) for r in rows]

    def count_events(self, filters: EventFilters) -> int:
        """How many events match ``filters``."""
        where, params = filter_sql(filters, "%s")
        sql = (
            "SELECT count(*) FROM events e JOIN articles a ON a.article_id = e.article_id"
            f" WHERE {where}"
        )
        return int(self._fetch(sql, params)[0][0])

    def iter_events(self, filters: EventFilters) -> Iterator[dict[str, Any]]:
        """All matching events (grouped by article, in text order), streamed in batches.

        A connection of its own holds the server-side cursor, so the store stays usable.
        """
        sql, params = self._event_sql(filters, "e.article_id, e.ordinal")
        try:
            with (
                psycopg.connect(self.url, connect_timeout=10) as con,
                con.cursor(name="dyad_iter_events") as cur,
            ):
                cur.itersize = _FETCH_BATCH
                cur.execute(sql, params)
                for r in cur:
                    yield unflatten(dict(zip(EVENT_FIELDS, r, strict=True)), Event)
        except psycopg.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._con.close()
