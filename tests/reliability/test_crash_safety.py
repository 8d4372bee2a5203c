"""kill -9 during ingest and a full disk: the store stays consistent, nothing stored is lost, and
a re-run completes the batch without duplicates."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import duckdb
import pytest

from dyad.article import Article
from dyad.ingest.sources import iter_articles
from dyad.pipeline import code_article

from .conftest import ROOT, run_env

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


def stored(db: Path) -> dict[str, tuple[str, int]]:
    """article_id -> (status, events stored), after the file opens and the events all belong."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT a.article_id, a.status, count(e.event_id) FROM articles a"
            " LEFT JOIN events e USING (article_id) GROUP BY 1, 2"
        ).fetchall()
        total = con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        assert total is not None and total[0] == total[1], "duplicate events"
        orphans = con.execute(
            "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)"
        ).fetchone()
        assert orphans == (0,)
    finally:
        con.close()
    return {article_id: (status, events) for article_id, status, events in rows}


def expected_events(folder: Path) -> dict[str, int]:
    items = [a for a in iter_articles([str(folder)]) if isinstance(a, Article)]
    return {a.id: len(code_article(a).events) for a in items}


def _wait_for_a_commit(db: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait until the ingest has written a batch (its log grows past the schema), or it ends."""
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    first: int | None = None
    while process.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else 0
        if first is None and size:
            first = size
        elif first is not None and size > first + 4096:
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_kill_9_at_random_points_loses_no_stored_article(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "dyad.duckdb"
    write_articles(folder, 200)  # four 64-article batches
    expected = expected_events(folder)
    command = [DYAD, "ingest", str(folder), "--store", str(db)]
    rng = random.Random(10)
    seen_partial = False
    for _ in range(3):
        process = subprocess.Popen(
            command, env=run_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _wait_for_a_commit(db, process)
        time.sleep(rng.uniform(0.0, 0.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if db.exists():
            after_kill = stored(db)
            seen_partial |= 0 < len(after_kill) < len(expected)
            for article_id, (status, events) in after_kill.items():
                assert status == "ok" and events == expected[article_id], "half an article"
    final = subprocess.run(command, env=run_env(), capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-2000:]
    assert {k: v for k, (_, v) in stored(db).items()} == expected
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
