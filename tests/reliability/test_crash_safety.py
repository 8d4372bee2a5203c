"""kill -9 during ingest and a full disk, on DuckDB and PostgreSQL: the store stays consistent,
nothing stored is lost, and a re-run completes the batch without duplicates."""

from __future__ import annotations

import contextlib
import random
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest

from dyad.article import Article
from dyad.ingest.sources import iter_articles
from dyad.pipeline import code_article

from .conftest import ROOT, STORE_FIXTURES, run_env

DYAD = str(ROOT / ".venv" / "bin" / "dyad")
ACTORS = ["Police", "Rebels", "The army", "Protesters", "Government forces", "Militants"]
VERBS = ["attacked", "shelled", "arrested ten people in", "marched through", "raided", "blockaded"]
PLACES = ["Aleppo", "Mosul", "Kharkiv", "Khartoum", "Goma", "Sanaa", "Kabul", "Tripoli"]


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        actor, verb = ACTORS[n % len(ACTORS)], VERBS[n % len(VERBS)]
        place = PLACES[n % len(PLACES)]
        text = (
            f"date 2025-11-{n % 28 + 1:02d}\n\n{actor} {verb} {place} on Friday, officials said"
            f" in report number {n}. Later the minister said talks would resume."
        )
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")


Counts = dict[str, tuple[str, int]]  # article_id -> (status, events stored)
Query = Callable[[str], list[tuple[Any, ...]]]

COUNTS_SQL = (
    "SELECT a.article_id, a.status, count(e.event_id) FROM articles a"
    " LEFT JOIN events e USING (article_id) GROUP BY 1, 2"
)


def checked_counts(query: Query) -> Counts:
    """article_id -> (status, events stored), after checking no event is doubled or orphaned."""
    rows = query(COUNTS_SQL)
    [(total, distinct)] = query("SELECT count(*), count(DISTINCT event_id) FROM events")
    assert total == distinct, "duplicate events"
    [(orphans,)] = query(
        "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)"
    )
    assert orphans == 0, "events without their article"
    return {article_id: (status, events) for article_id, status, events in rows}


def stored(db: Path) -> Counts:
    """What a DuckDB file holds, after the file opens and the events all belong."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return checked_counts(lambda sql: con.execute(sql).fetchall())
    finally:
        con.close()


class DuckDBFile:
    """A store file that ``dyad ingest --store`` writes; a commit shows as its log growing."""

    def __init__(self, db: Path) -> None:
        self.db, self.url = db, str(db)

    def counts(self) -> Counts | None:
        return stored(self.db) if self.db.exists() else None

    def wait_for_a_commit(self, process: subprocess.Popen[bytes]) -> None:
        """Until the ingest has written a batch (its log grows past the schema), or it ends."""
        wal = self.db.with_name(self.db.name + ".wal")
        deadline = time.monotonic() + 120
        first: int | None = None
        while process.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else 0
            if first is None and size:
                first = size
            elif first is not None and size > first + 4096:
                return
            time.sleep(0.05)


class PostgresSchema:
    """A schema of its own on the test PostgreSQL server; a commit shows as articles appearing."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _query(self, sql: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.url, autocommit=True) as con:
            return list(con.execute(sql).fetchall())

    def counts(self) -> Counts | None:
        try:
            return checked_counts(self._query)
        except psycopg.errors.UndefinedTable:  # killed before it made its tables
            return None

    def wait_for_a_commit(self, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(psycopg.errors.UndefinedTable):
                if self._query("SELECT count(*) FROM articles")[0][0] > 0:
                    return
            time.sleep(0.05)


CrashStore = DuckDBFile | PostgresSchema


@pytest.fixture(params=["duckdb", "postgresql"])
def crash_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CrashStore]:
    """An empty store of each backend, as ``dyad ingest --store`` names it."""
    if request.param == "duckdb":
        yield DuckDBFile(tmp_path / "dyad.duckdb")
        return
    server = request.getfixturevalue("postgres_or_skip")
    maker = STORE_FIXTURES.StoreMaker("postgresql", tmp_path, server)
    try:
        yield PostgresSchema(maker.url("crash"))
    finally:
        maker.cleanup()


def expected_events(folder: Path) -> dict[str, int]:
    items = [a for a in iter_articles([str(folder)]) if isinstance(a, Article)]
    return {a.id: len(code_article(a).events) for a in items}


@pytest.mark.slow
def test_kill_9_at_random_points_loses_no_stored_article(
    tmp_path: Path, crash_store: CrashStore
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 200)  # four 64-article batches
    expected = expected_events(folder)
    command = [DYAD, "ingest", str(folder), "--store", crash_store.url]
    rng = random.Random(10)
    seen_partial = False
    for _ in range(3):
        process = subprocess.Popen(
            command, env=run_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        crash_store.wait_for_a_commit(process)
        time.sleep(rng.uniform(0.0, 0.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        after_kill = crash_store.counts()
        if after_kill is not None:
            seen_partial |= 0 < len(after_kill) < len(expected)
            for article_id, (status, events) in after_kill.items():
                assert status == "ok" and events == expected[article_id], "half an article"
    final = subprocess.run(command, env=run_env(), capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-2000:]
    after = crash_store.counts()
    assert after is not None and {k: v for k, (_, v) in after.items()} == expected
    assert seen_partial, "no kill landed between two commits"


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def _fill(path: Path) -> None:
    with path.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


@pytest.mark.slow
def test_full_disk_is_a_clear_error_and_a_rerun_completes(tmp_path: Path) -> None:
    small = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    if shutil.which("mount") is None or not _mount_tmpfs(small, "4m"):
        pytest.fail("cannot mount a size-limited tmpfs here (needs root): full disk untested")
    try:
        folder = tmp_path / "in"
        write_articles(folder, 150)
        db = small / "dyad.duckdb"
        filler = small / "filler"
        _fill(filler)
        # Leave the store room for about one batch, so the disk fills mid-ingest.
        with filler.open("r+b") as handle:
            handle.truncate(filler.stat().st_size - 192 * 1024)
        command = [DYAD, "ingest", str(folder), "--store", str(db)]
        full = subprocess.run(command, env=run_env(), capture_output=True, text=True, timeout=300)
        output = " ".join((full.stdout + full.stderr).split())
        assert full.returncode == 2, output[-2000:]
        assert "No space left on device" in output and "Traceback" not in output
        before = {k: v for k, v in stored(db).items() if v[0] == "ok"}
        assert before, "nothing was stored before the disk filled"
        filler.unlink()
        again = subprocess.run(command, env=run_env(), capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr[-2000:]
        after = stored(db)
        assert all(after[k] == v for k, v in before.items())
        assert len([s for s, _ in after.values() if s == "ok"]) == 150
    finally:
        subprocess.run(["umount", "-l", str(small)], capture_output=True)


@pytest.mark.slow
def test_full_disk_under_postgresql_is_a_clear_error_and_a_rerun_completes(
    tmp_path: Path, postgres_or_skip: str
) -> None:
    # The store's tables live in a tablespace on a small tmpfs (WAL stays on the normal disk, as
    # on a server whose data volume fills). /tmp, not tmp_path: the server's user must reach it.
    small = Path(f"/tmp/dyad-pg-space-{uuid.uuid4().hex[:8]}")
    if shutil.which("mount") is None or not _mount_tmpfs(small, "4m"):
        pytest.fail("cannot mount a size-limited tmpfs here (needs root): full disk untested")
    space = f"dyad_small_{uuid.uuid4().hex[:8]}"
    maker = STORE_FIXTURES.StoreMaker("postgresql", tmp_path, postgres_or_skip)
    try:
        subprocess.run(["chown", "postgres:", str(small)], check=True, capture_output=True)
        maker.execute(f"CREATE TABLESPACE {space} LOCATION '{small}'", name=None)
        url = maker.url("full") + f"%20-cdefault_tablespace%3D{space}"
        folder = tmp_path / "in"
        write_articles(folder, 250)
        filler = small / "filler"
        _fill(filler)
        # Room for the schema and a batch or two (150 articles take about 1 MiB), not for all 250.
        with filler.open("r+b") as handle:
            handle.truncate(filler.stat().st_size - 1024 * 1024)
        command = [DYAD, "ingest", str(folder), "--store", url]
        full = subprocess.run(command, env=run_env(), capture_output=True, text=True, timeout=300)
        output = " ".join((full.stdout + full.stderr).split())
        assert full.returncode == 2, output[-2000:]
        assert "No space left on device" in output and "Traceback" not in output
        schema = PostgresSchema(url)
        before = {k: v for k, v in (schema.counts() or {}).items() if v[0] == "ok"}
        assert before, "nothing was stored before the disk filled"
        assert len(before) < 250, "the disk never filled"
        filler.unlink()
        again = subprocess.run(command, env=run_env(), capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr[-2000:]
        after = schema.counts()
        assert after is not None and all(after[k] == v for k, v in before.items())
        assert len([s for s, _ in after.values() if s == "ok"]) == 250
    finally:
        maker.cleanup()
        with contextlib.suppress(psycopg.Error):
            maker.execute(f"DROP TABLESPACE IF EXISTS {space}", name=None)
        subprocess.run(["umount", "-l", str(small)], capture_output=True)
        with contextlib.suppress(OSError):
            small.rmdir()
