"""DuckDBStore: the default store, one embedded DuckDB file (``dyad.duckdb``)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dyad.article import Article, CodedArticle, Event, stable_id
from dyad.store.article_reads import ArticleReads
from dyad.store.base import (
    DEFAULT_STORE_URL,
    MIGRATIONS,
    EventFilters,
    StoreError,
    filter_sql,
    migration_sql,
)
from dyad.store.duplicates import DuplicateRecords
from dyad.store.rows import (
    EVENT_FIELDS,
    TABLE_COLUMNS,
    TABLE_KINDS,
    article_rows,
    column_list,
    unflatten,
)

# dyad runs offline: never let DuckDB fetch an extension (parquet, json, icu are built in).
_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
_MAX_PARAMS = 10_000  # ids per IN (...) list
_FETCH_BATCH = 2_000

_ARROW_TYPES = {
    "text": pa.string(),
    "list": pa.string(),
    "integer": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "timestamp": pa.timestamp("us"),
}
_ARROW_SCHEMAS = {
    t: pa.schema([(c, _ARROW_TYPES[k]) for c, k in kinds]) for t, kinds in TABLE_KINDS.items()
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class DuckDBStore(ArticleReads, DuplicateRecords):
    """Coded articles in one DuckDB file; every save is one transaction."""

    def __init__(self, path: str | Path = DEFAULT_STORE_URL, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only, config=_CONFIG)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open DuckDB store {self.path}: {exc}") from exc
        self._check_or_migrate(read_only)

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------------

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
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version"
                " (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
            )
            for migration in MIGRATIONS:
                if migration.version > current:
                    cur.execute(migration_sql(migration.version))
                    cur.execute(
                        "INSERT INTO schema_version VALUES (?, ?)", [migration.version, _now()]
                    )

    def schema_version(self) -> int:
        """The schema version of the file (0 for a new, empty file)."""
        cur = self._con.cursor()
        try:
            exists = cur.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
            ).fetchone()
            if not exists or not exists[0]:
                return 0
            row = cur.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
            return int(row[0]) if row else 0
        finally:
            cur.close()

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside BEGIN ... COMMIT; anything raised rolls the whole transaction back."""
        cur = self._con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
        except (duckdb.Error, pa.ArrowException) as exc:
            raise StoreError(f"cannot {doing} in {self.path}: {exc}") from exc
        finally:
            cur.close()

    def _insert(self, cur: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple]) -> None:
        """One INSERT per table from an Arrow table: binding Python values one by one as
        parameters costs DuckDB ~15 us each, Arrow columns convert in bulk."""
        if not rows:
            return
        schema = _ARROW_SCHEMAS[table]
        arrays = [
            pa.array(col, type=t)
            for col, t in zip(zip(*rows, strict=True), schema.types, strict=True)
        ]
        cur.register("dyad_rows", pa.Table.from_arrays(arrays, schema=schema))
        try:
            cur.execute(
                f"INSERT INTO {table} ({column_list(schema.names)}) SELECT * FROM dyad_rows"
            )
        finally:
            cur.unregister("dyad_rows")

    def _insert_rows(
        self,
        cur: duckdb.DuckDBPyConnection,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple],
    ) -> None:
        """Rows of the duplicate tables in one bulk INSERT from Arrow (executemany binds each
        value: ~2 ms a row); ids already there are skipped."""
        if not rows:
            return
        arrays = [
            pa.array(col) if any(v is not None for v in col) else pa.nulls(len(col), pa.string())
            for col in zip(*rows, strict=True)
        ]
        cur.register("dyad_rows", pa.Table.from_arrays(arrays, names=list(columns)))
        try:
            cur.execute(
                f"INSERT INTO {table} ({column_list(columns)}) SELECT * FROM dyad_rows"
                " ON CONFLICT DO NOTHING"
            )
        finally:
            cur.unregister("dyad_rows")

    def _statuses(self, cur: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(ids), _MAX_PARAMS):
            chunk = ids[start : start + _MAX_PARAMS]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT article_id, status FROM articles WHERE article_id IN ({marks})"
            found.update(cur.execute(sql, list(chunk)).fetchall())
        return found

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
        now = _now()
        with self._transaction(f"save {len(batch)} article(s)") as cur:
            statuses = self._statuses(cur, [a.id for a, _ in batch])
            rows: dict[str, list[tuple]] = {table: [] for table in TABLE_COLUMNS}
            new: set[str] = set()
            for article, coded in batch:
                if statuses.get(article.id) == "ok" or article.id in new:
                    continue
                new.add(article.id)
                for table, table_rows in article_rows(article, coded, now).items():
                    rows[table].extend(table_rows)
            # An article that failed before and is now coded replaces its failure row.
            retried = [i for i in new if statuses.get(i) == "error"]
            if retried:
                marks = ", ".join("?" * len(retried))
                cur.execute(f"DELETE FROM articles WHERE article_id IN ({marks})", retried)
            for table, table_rows in rows.items():
                self._insert(cur, table, table_rows)
        return len(new)

    def save_failure(self, article_id: str | None, origin: str, reason: str) -> None:
        """Record an article or input that could not be coded (once per origin and reason)."""
        now = _now()
        with self._transaction(f"record a failure for {origin}") as cur:
            cur.execute(
                "INSERT INTO errors (error_id, article_id, ordinal, origin, reason, recorded_at)"
                " VALUES (?, ?, NULL, ?, ?, ?) ON CONFLICT DO NOTHING",
                [stable_id("failure", origin, reason), article_id, origin, reason, now],
            )
            if article_id is not None:
                # A coded article keeps its row; an earlier failure takes the latest reason.
                cur.execute(
                    "INSERT INTO articles"
                    " (article_id, date_source, origin, coded_at, status, error)"
                    " VALUES (?, 'none', ?, ?, 'error', ?)"
                    " ON CONFLICT (article_id) DO UPDATE SET error = excluded.error,"
                    " origin = excluded.origin, coded_at = excluded.coded_at"
                    " WHERE articles.status = 'error'",
                    [article_id, origin, now, reason],
                )

    # -- reading -------------------------------------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        cur = self._con.cursor()
        try:
            return cur.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc
        finally:
            cur.close()

    def read(
        self, sql: str, params: Sequence[Any], timeout_s: float | None = None
    ) -> list[dict[str, Any]]:
        """Rows of one parameterised read query as dicts; interrupted past ``timeout_s``."""
        cur = self._con.cursor()
        # DuckDB has no statement timeout: a timer interrupts this cursor's query instead.
        timer = threading.Timer(timeout_s, cur.interrupt) if timeout_s else None
        try:
            if timer:
                timer.start()
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except duckdb.InterruptException as exc:
            raise StoreError(f"query stopped after {timeout_s} s: narrow the filters") from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc
        finally:
            if timer:
                timer.cancel()
            cur.close()

    def has_article(self, article_id: str) -> bool:
        """Whether the article has been coded and stored (failures are not)."""
        return bool(self.known_article_ids([article_id]))

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already coded and stored."""
        wanted = list(dict.fromkeys(ids))
        cur = self._con.cursor()
        try:
            return {i for i, status in self._statuses(cur, wanted).items() if status == "ok"}
        finally:
            cur.close()

    def _event_sql(self, filters: EventFilters, order: str) -> tuple[str, list[Any]]:
        where, params = filter_sql(filters)
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
        rows = self._fetch(sql + " LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])
        return [unflatten(dict(zip(EVENT_FIELDS, r, strict=True)), Event) for r in rows]

    def count_events(self, filters: EventFilters) -> int:
        """How many events match ``filters``."""
        where, params = filter_sql(filters)
        sql = (
            "SELECT count(*) FROM events e JOIN articles a ON a.article_id = e.article_id"
            f" WHERE {where}"
        )
        return int(self._fetch(sql, params)[0][0])

    def iter_events(self, filters: EventFilters) -> Iterator[dict[str, Any]]:
        """All matching events (grouped by article, in text order), fetched in batches."""
        sql, params = self._event_sql(filters, "e.article_id, e.ordinal")
        cur = self._con.cursor()
        try:
            cur.execute(sql, params)
            while batch := cur.fetchmany(_FETCH_BATCH):
                for r in batch:
                    yield unflatten(dict(zip(EVENT_FIELDS, r, strict=True)), Event)
        except duckdb.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc
        finally:
            cur.close()

    def close(self) -> None:
        """Close the file (checkpointing the write-ahead log)."""
        self._con.close()
