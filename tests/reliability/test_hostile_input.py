"""Hostile and broken inputs: each is a clear per-article error or is coded in bounded time,
and none aborts a batch or corrupts the store."""

from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from dyad.article import Article, CodedArticle
from dyad.batch import code_stream, ingest
from dyad.ingest.errors import IngestError
from dyad.ingest.sources import iter_articles
from dyad.store.duckdb import DuckDBStore

from .conftest import ROOT, run_env, write_hostile_corpus

DYAD = str(ROOT / ".venv" / "bin" / "dyad")
CASE_SECONDS = 60.0  # the bound each hostile case must be handled within
CHILD_RSS_BYTES = 3 * 1024**3  # ingest of the whole hostile folder, models included
NOT_ENGLISH = {"arabic.txt", "french.txt", "chinese.txt"}


def _outcomes(path: Path) -> list[Article | CodedArticle | IngestError]:
    results: list[Article | CodedArticle | IngestError] = []
    for item in code_stream(iter_articles([str(path)])):
        results.append(item if isinstance(item, IngestError) else item[1])
    return results


@pytest.mark.slow
def test_each_hostile_case_is_an_error_or_coded_within_the_bound(tmp_path: Path) -> None:
    cases = write_hostile_corpus(tmp_path / "hostile")
    slow: dict[str, float] = {}
    for name in sorted(cases):
        started = time.monotonic()
        outcomes = _outcomes(tmp_path / "hostile" / name)
        elapsed = time.monotonic() - started
        if elapsed > CASE_SECONDS:
            slow[name] = elapsed
        for outcome in outcomes:
            if isinstance(outcome, IngestError):
                assert outcome.reason.strip(), f"{name}: an error without a reason"
            elif name in NOT_ENGLISH:
                assert any(e.startswith("not coded") for e in outcome.errors), name
                assert outcome.events == []
    assert slow == {}, f"cases over {CASE_SECONDS:.0f} s: {slow}"


def test_fifty_megabyte_article_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    cases = write_hostile_corpus(tmp_path / "hostile")
    assert "huge_50mb.txt" in cases
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    [outcome] = _outcomes(tmp_path / "hostile" / "huge_50mb.txt")
    assert isinstance(outcome, IngestError) and "too large" in outcome.reason
    assert time.monotonic() - started < 5
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 40 * 1024, f"peak memory grew by {grown_kib} KiB"


def test_symlink_loops_do_not_hang_the_folder_walk(tmp_path: Path) -> None:
    write_hostile_corpus(tmp_path / "hostile")
    started = time.monotonic()
    items = list(iter_articles([str(tmp_path / "hostile")]))
    assert time.monotonic() - started < 5
    names = {Path(getattr(i, "origin", None) or "").name.split(":")[0] for i in items}
    assert names.isdisjoint({"self", "a_link", "b_link"})
    assert "empty.txt" in names


def test_a_coding_crash_costs_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dyad.batch

    real = dyad.batch.code_article

    def fragile(article: Article) -> CodedArticle:
        if "Mosul" in article.text:
            raise IndexError("string index out of range")
        return real(article)

    monkeypatch.setattr(dyad.batch, "code_article", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2025-11-19\n\nPolice arrested ten protesters in Mosul.")
    (folder / "b.txt").write_text("date 2025-11-19\n\nRebels shelled Aleppo on Friday.")
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        report = ingest([str(folder)], store)
        assert report.coded == 1 and report.failed == 1
        assert "coding failed: IndexError" in report.failures[0]
        assert store.stats()["articles_coded"] == 1


def _integrity(db: Path) -> dict[str, int]:
    """Row counts, after checking that nothing dangles and no coded article lacks its row."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in ("events", "mentions", "places", "dates", "quotes"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} t LEFT JOIN articles a USING (article_id)"
                " WHERE a.article_id IS NULL OR a.status <> 'ok'"
            ).fetchone()
            assert orphans == (0,), f"{table} rows without a coded article"
        dupes = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM events").fetchone()
        assert dupes == (0,)
        names = ("articles", "events", "mentions", "errors")
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in names}
    finally:
        con.close()


@pytest.mark.slow
def test_cli_ingest_of_the_hostile_folder_stores_the_good_article(
    tmp_path: Path, good_article: Path
) -> None:
    cases = write_hostile_corpus(tmp_path / "hostile")
    db = tmp_path / "dyad.duckdb"
    command = [DYAD, "ingest", str(tmp_path / "hostile"), str(good_article), "--store", str(db)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(command, capture_output=True, text=True, env=run_env(), timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) * 1024 < (
        CHILD_RSS_BYTES
    )
    assert "failed" in run.stderr and "bad.jsonl" in run.stderr
    counts = _integrity(db)
    assert counts["errors"] >= len(NOT_ENGLISH) and counts["events"] >= 1
    with DuckDBStore(db, read_only=True) as store:
        article = next(a for a in iter_articles([str(good_article)]) if isinstance(a, Article))
        assert store.has_article(article.id)
        assert store.get_article(article.id)["events"]  # type: ignore[index]
    rerun = subprocess.run(command, capture_output=True, text=True, env=run_env(), timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "0 article(s) coded" in rerun.stdout
    assert _integrity(db) == counts, f"re-run changed the store ({len(cases)} hostile cases)"
