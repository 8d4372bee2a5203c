"""Articles with no date of their own are dated by their ingest time, marked, and warned about."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.article import Article
from dyad.batch import ingest
from dyad.ingest.sources import iter_articles
from dyad.pipeline import code_article
from dyad.serve.cli import app
from dyad.store.duckdb import DuckDBStore

UNDATED = "Rebels shelled the town of Masisi. Police arrested ten protesters in Goma."
DATED = "date 2025-11-19\n\n" + UNDATED.replace("Masisi", "Rutshuru")
NOW = dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # 3 March UTC


def _articles(folder: Path) -> dict[str, Article]:
    items = list(iter_articles([folder], ingest_clock=lambda: NOW))
    assert all(isinstance(i, Article) for i in items)
    return {Path(a.origin or "").name.split(":")[0]: a for a in items if isinstance(a, Article)}


def test_undated_articles_of_every_format_get_the_ingest_day_in_utc(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": UNDATED}) + "\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(f"<html><body><p>{UNDATED}</p></body></html>")
    (tmp_path / "d.txt").write_text(DATED, encoding="utf-8")
    found = _articles(tmp_path)
    for name in ("a.txt", "b.jsonl", "c.html"):
        assert (found[name].date, found[name].date_source) == ("2026-03-03", "ingest-time"), name
    assert (found["d.txt"].date, found["d.txt"].date_source) == ("2025-11-19", "article")


def test_without_a_clock_an_undated_article_stays_undated(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    [article] = list(iter_articles([tmp_path], ingest_clock=None))
    assert isinstance(article, Article)
    assert (article.date, article.date_source) == (None, "none")


def test_events_of_an_ingest_dated_article_are_marked_not_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DATED, encoding="utf-8")
    found = _articles(tmp_path)
    undated, dated = code_article(found["a.txt"]), code_article(found["d.txt"])
    assert {e.event_type for e in undated.events} == {"ASSAULT", "COERCE"}
    assert {(e.date, e.date_precision) for e in undated.events} == {("2026-03-03", "ingest-time")}
    assert undated.article.date_source == "ingest-time"
    [warning] = undated.warnings
    assert undated.errors == []
    assert warning.startswith("article has no date of its own; dated 2026-03-03")
    assert {(e.date, e.date_precision) for e in dated.events} == {("2025-11-19", "reported")}
    assert dated.errors == [] and dated.warnings == []


def test_ingest_reports_the_warning_per_article_and_stores_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "d.txt").write_text(DATED, encoding="utf-8")
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        report = ingest([str(folder)], store)
        assert report.coded == 2
        [warning] = report.warnings
        assert warning.startswith(f"{folder / 'a.txt'}: article has no date of its own; dated ")
        undated = next(a for a in iter_articles([folder / "a.txt"]) if isinstance(a, Article))
        record = store.get_article(undated.id)
    assert record is not None
    assert record["article"]["date_source"] == "ingest-time"
    assert record["warnings"][0].startswith("article has no date of its own")
    assert record["errors"] == []
    assert {e["date_precision"] for e in record["events"]} == {"ingest-time"}


def test_cli_warns_on_ingest_and_show_labels_the_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(UNDATED, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(path), "--store", db])
    assert ingested.exit_code == 0, ingested.output
    assert "warning" in ingested.output and "no date of its own" in ingested.output
    article = next(a for a in iter_articles([path]) if isinstance(a, Article))
    shown = runner.invoke(app, ["show", article.id, "--store", db])
    assert shown.exit_code == 0, shown.output
    assert f"{article.date} (INGEST TIME: the article has no date of its own)" in shown.output
    assert "ingest-time" in shown.output
