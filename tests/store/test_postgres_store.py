"""What only PostgresStore does, on a real PostgreSQL 15 started on loopback by
scripts/pg_test_server.sh: URLs, many writers at once, read-only time-limited reads, the CLI.

The behaviours every store shares (idempotence, transactions, filters, injection attempts, round
trips, exports) run on PostgreSQL too: see test_store_contract.py and test_export.py.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from typer.testing import CliRunner

from dyad.article import Article, CodedArticle
from dyad.serve.cli import app
from dyad.store.base import MIGRATIONS, EventFilters, StoreError, open_store
from dyad.store.postgres import PostgresStore, qmark_to_pyformat

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
Samples = list[tuple[Article, CodedArticle]]


@pytest.fixture
def backend() -> str:
    """Every test here runs on PostgreSQL only."""
    return "postgresql"


def in_threads(count: int, work: Callable[[], Any]) -> list[Any]:
    """``work`` run by ``count`` threads released together; their results, or what they raised."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work()
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_the_test_server_listens_on_loopback(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as con:
        row = con.execute("SELECT host(inet_server_addr()), current_setting('server_version')")
        address, version = row.fetchone() or ("", "")
    assert address == "127.0.0.1"
    assert version.startswith("15.")


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_open_store_opens_postgresql_urls(make_store: Any, scheme: str) -> None:
    url = make_store.url().replace("postgresql://", f"{scheme}://", 1)
    store = open_store(url)
    make_store.opened.append(store)
    assert isinstance(store, PostgresStore)
    assert store.schema_version() == MIGRATIONS[-1].version


def test_an_unreachable_server_is_an_error_that_hides_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect to postgresql://dyad@127.0.0.1:1/d") as e:
        open_store("postgresql://dyad:s3cret-pw@127.0.0.1:1/d")
    assert "s3cret-pw" not in str(e.value)


def test_read_cannot_change_the_store(store: Any) -> None:
    with pytest.raises(StoreError, match="read-only transaction"):
        store.read("DELETE FROM events WHERE event_type = ?", ["ASSAULT"])
    assert store.stats()["events"] == 4


def test_a_read_past_its_time_limit_is_stopped(store: Any) -> None:
    with pytest.raises(StoreError, match="query stopped after 0.2 s"):
        store.read("SELECT pg_sleep(?)", [5], timeout_s=0.2)
    assert store.count_events(EventFilters()) == 4


def test_a_read_only_store_cannot_save(make_store: Any, samples: Samples) -> None:
    make_store.open()
    reader = make_store.open(read_only=True)
    with pytest.raises(StoreError, match="read-only transaction"):
        reader.save(*samples[0])


def test_writers_saving_the_same_articles_at_once_store_them_once(
    make_store: Any, samples: Samples
) -> None:
    writers = [make_store.open() for _ in range(4)]
    queue = iter(writers)
    lock = threading.Lock()

    def save() -> int:
        with lock:
            writer = next(queue)
        return int(writer.save_many(samples))

    assert sum(in_threads(4, save)) == 3
    assert writers[0].stats()["events"] == 4


def test_stores_opening_a_new_database_at_once_migrate_it_once(make_store: Any) -> None:
    url = make_store.url()
    opened = in_threads(4, lambda: PostgresStore(url))
    make_store.opened.extend(s for s in opened if isinstance(s, PostgresStore))
    assert all(isinstance(s, PostgresStore) for s in opened), opened
    versions = make_store.opened[0].read("SELECT version FROM schema_version ORDER BY 1", [])
    assert versions == [{"version": m.version} for m in MIGRATIONS]


@pytest.mark.parametrize(
    ("duckdb_sql", "psycopg_sql"),
    [
        ("a = ? AND b IN (?, ?)", "a = %s AND b IN (%s, %s)"),
        ("lower(t) LIKE ? ESCAPE '\\'", "lower(t) LIKE %s ESCAPE '\\'"),
        ("SELECT '?', \"?\", 'it''s ?'", "SELECT '?', \"?\", 'it''s ?'"),
        ("SELECT '100%' || ?", "SELECT '100%%' || %s"),
        ("SELECT ? -- the event's date?\n, ?", "SELECT %s -- the event's date?\n, %s"),
    ],
)
def test_question_mark_placeholders_become_psycopg_placeholders(
    duckdb_sql: str, psycopg_sql: str
) -> None:
    assert qmark_to_pyformat(duckdb_sql) == psycopg_sql


@pytest.mark.slow
def test_the_cli_ingests_into_and_lists_from_postgresql(make_store: Any) -> None:
    runner = CliRunner()
    url = make_store.url()
    example = str(EXAMPLES / "01_syria_aleppo_clashes.txt")
    first = runner.invoke(app, ["ingest", example, "--store", url])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", example, "--store", url])
    assert again.exit_code == 0 and "1 already stored" in again.output
    listed = runner.invoke(app, ["events", "--store", url, "--json"])
    assert listed.exit_code == 0, listed.output
    events = json.loads(listed.output)
    assert events and {e["event_type"] for e in events} >= {"ASSAULT"}
