"""The dyad command as a user runs it: code, ingest twice, list, show, export, eval."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyad.serve.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "dyad.duckdb"
    files = sorted(EXAMPLES.glob("0[1-6]_*.txt"))
    result = runner.invoke(app, ["ingest", *map(str, files), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_code_writes_one_coded_article_per_line(tmp_path: Path) -> None:
    out = tmp_path / "coded.jsonl"
    files = [str(p) for p in sorted(EXAMPLES.glob("0[1-2]_*.txt"))]
    result = runner.invoke(app, ["code", *files, "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    assert all(
        set(line)
        == {
            "article",
            "events",
            "mentions",
            "places",
            "dates",
            "quotes",
            "errors",
            "warnings",
            "coder",
        }
        for line in lines
    )
    assert all(line["events"] for line in lines)


def test_ingest_twice_stores_nothing_twice(store: Path) -> None:
    before = runner.invoke(app, ["stats", "--store", str(store)])
    again = runner.invoke(
        app, ["ingest", str(EXAMPLES / "01_syria_aleppo_clashes.txt"), "--store", str(store)]
    )
    after = runner.invoke(app, ["stats", "--store", str(store)])
    assert again.exit_code == 0 and "1 already stored" in again.output
    assert json.loads(before.output) == json.loads(after.output)


def test_events_filters_by_type(store: Path) -> None:
    result = runner.invoke(app, ["events", "--store", str(store), "--type", "ASSAULT", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {row["event_type"] for row in rows} == {"ASSAULT"}


def test_bad_date_filter_is_a_clear_error(store: Path) -> None:
    result = runner.invoke(app, ["events", "--store", str(store), "--from", "last week"])
    assert result.exit_code == 2


def test_show_prints_the_article_with_its_events(store: Path) -> None:
    rows = json.loads(
        runner.invoke(app, ["events", "--store", str(store), "--json", "--limit", "1"]).output
    )
    result = runner.invoke(app, ["show", rows[0]["article_id"], "--store", str(store)])
    assert result.exit_code == 0
    assert "events" in result.output and rows[0]["trigger"]["text"] in result.output


def test_export_formats_read_back(store: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl", "parquet", "geojson"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(
            app, ["export", "--format", fmt, "--out", str(out), "--store", str(store)]
        )
        assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8"))))
    assert rows and pq.read_table(tmp_path / "events.parquet").num_rows == len(rows)
    geo = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2


def test_installed_command_codes_the_sample(tmp_path: Path) -> None:
    sample = ROOT / ".." / "shared" / "samples" / "000_3966e904bfca8fb5.txt"
    dyad = Path(sys.executable).parent / "dyad"
    done = subprocess.run(
        [str(dyad), "code", str(sample)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    coded = json.loads(done.stdout)
    assert coded["article"]["date"] == "2026-01-08"
    assert any(e["event_type"] == "ASSAULT" for e in coded["events"])


def test_trends_lists_series_by_country(store: Path) -> None:
    result = runner.invoke(app, ["trends", "--store", str(store), "--by", "country", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["series"] and all(s["total"] >= 1 for s in report["series"])
    assert {"SYR", "UKR"} & {s["key"] for s in report["series"]}


def test_ingest_delivers_alerts_to_a_ledger_once(store: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "alerts.jsonl"
    first = runner.invoke(
        app,
        [
            "ingest",
            str(EXAMPLES),
            "--store",
            str(store),
            "--alerts-out",
            str(ledger),
            "--alert-by",
            "country",
        ],
    )
    again = runner.invoke(
        app,
        [
            "ingest",
            str(EXAMPLES),
            "--store",
            str(store),
            "--alerts-out",
            str(ledger),
            "--alert-by",
            "country",
        ],
    )
    assert first.exit_code == 0 and again.exit_code == 0, first.output
    assert "0 new alert(s)" in again.output


def test_two_workers_code_exactly_what_one_worker_codes(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("1[0-5]_*.txt"))]
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(app, ["code", *files, "--out", str(one)]).exit_code == 0
    assert runner.invoke(app, ["code", *files, "--out", str(two), "--workers", "2"]).exit_code == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
