"""Near-duplicates inside ingest and code: a wire copy (examples 03 and 04) is stored once and
linked, across runs and store upgrades, and shows in `dyad show`, `duplicates` and exports."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.batch import ingest
from dyad.serve.cli import app
from dyad.store.base import EventFilters
from dyad.store.clusters import event_clusters
from dyad.store.duckdb import DuckDBStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ORIGINAL = str(EXAMPLES / "03_ukraine_kharkiv_energy_strikes.txt")
WIRE = str(EXAMPLES / "04_ukraine_kharkiv_energy_strikes_wire2.txt")
OTHER = str(EXAMPLES / "08_drc_kinshasa_student_protest.txt")
runner = CliRunner()


def test_a_wire_copy_is_linked_not_coded(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        report = ingest([ORIGINAL, WIRE], store)
        assert (report.coded, report.duplicates, report.failed) == (1, 1, 0)
        assert store.stats()["articles"] == 1
        ((article_id, _, _),) = [row for row in store.signatures() if row[1] is not None]
        (copy,) = store.get_article(article_id)["copies"]
        assert copy["origin"] == WIRE


def test_re_running_stores_nothing_twice(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        ingest([ORIGINAL, WIRE], store)
        again = ingest([ORIGINAL, WIRE], store)
        assert (again.coded, again.duplicates, again.already_stored) == (0, 0, 2)
        assert len(list(store.signatures())) == 2  # one signature, one copy


def test_a_copy_of_an_article_stored_in_an_earlier_run_is_linked(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with DuckDBStore(path) as store:
        ingest([ORIGINAL], store)
    with DuckDBStore(path) as store:  # a new process: the index is rebuilt from the store
        report = ingest([WIRE, OTHER], store)
        assert (report.coded, report.duplicates) == (1, 1)


def test_articles_stored_without_signatures_are_signed_on_the_next_run(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        ingest([ORIGINAL], store, dedup_threshold=None)
        assert list(store.signatures()) == []
        report = ingest([WIRE], store)
        assert (report.coded, report.duplicates) == (0, 1)


def test_no_dedup_codes_both_copies(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        report = ingest([ORIGINAL, WIRE], store, dedup_threshold=None)
        assert (report.coded, report.duplicates) == (2, 0)


def test_the_wire_story_clusters_count_the_copy_as_a_source(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        ingest([ORIGINAL, WIRE], store)
        clusters = event_clusters(store, EventFilters())
        assert clusters and all(c["source_count"] == 2 for c in clusters)
        assert all(c["articles"] == 1 and c["copies"] == 1 for c in clusters)


def test_cli_lists_duplicates_shows_copies_and_exports_clusters(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", ORIGINAL, WIRE, "--store", db])
    assert result.exit_code == 0, result.output
    assert "1 duplicate(s) linked" in result.output
    listed = runner.invoke(app, ["duplicates", "--store", db, "--json"])
    (group,) = json.loads(listed.stdout)
    assert len(group["copies"]) == 1
    shown = runner.invoke(app, ["show", group["canonical_id"], "--store", db, "--json"])
    assert json.loads(shown.stdout)["copies"][0]["article_id"] == group["copies"][0]
    out = tmp_path / "clusters.jsonl"
    exported = runner.invoke(
        app, ["export", "--clusters", "--format", "jsonl", "--out", str(out), "--store", db]
    )
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {r["source_count"] for r in rows} == {2}
    listed_clusters = runner.invoke(app, ["events", "--clusters", "--store", db, "--json"])
    assert len(json.loads(listed_clusters.stdout)) == len(rows)


def test_cli_no_dedup_stores_the_copy_as_an_article(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", ORIGINAL, WIRE, "--store", db, "--no-dedup"])
    assert "2 article(s) coded" in result.output


def test_code_dedup_skips_the_copy_and_reports_it(tmp_path: Path) -> None:
    out, copies = tmp_path / "coded.jsonl", tmp_path / "copies.jsonl"
    result = runner.invoke(
        app, ["code", ORIGINAL, WIRE, "--out", str(out), "--dedup", "--dedup-report", str(copies)]
    )
    assert result.exit_code == 0, result.output
    (coded,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    (copy,) = [json.loads(line) for line in copies.read_text(encoding="utf-8").splitlines()]
    assert copy["canonical_id"] == coded["article"]["id"] != copy["article_id"]
