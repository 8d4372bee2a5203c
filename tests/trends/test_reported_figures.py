"""Reported deaths and sizes weigh in the trends: scores, window totals, driver explanations,
and the example corpus coded end to end still gives series."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyad.article import Article
from dyad.batch import ingest
from dyad.pipeline import code_article
from dyad.store.duckdb import DuckDBStore
from dyad.trends.detect import detect, reported_text
from dyad.trends.monitor import compute_trends, trend_payload
from dyad.trends.scale import default_scale
from dyad.trends.series import build_series, reported

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATES = ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10"]


def strike(date: str, text: str) -> dict[str, Any]:
    """The ASSAULT dyad codes in ``text`` (the one that reports deaths, if any), as the store
    returns it (a nested dict)."""
    coded = code_article(Article(id=f"a-{date}-{len(text)}", text=text, date=date))
    assaults = [e for e in coded.events if e.event_type == "ASSAULT"]
    chosen = next((e for e in assaults if e.fatalities is not None), assaults[0])
    return chosen.model_dump(mode="json")


@pytest.fixture(scope="module")
def deadly() -> dict[str, Any]:
    return strike(
        "2025-02-10", "Government aircraft bombed a market in Saraqeb, killing 40 people."
    )


@pytest.fixture(scope="module")
def harmless() -> dict[str, Any]:
    return strike("2025-02-10", "Government aircraft bombed a market in Saraqeb.")


def test_a_deadly_strike_weighs_more_than_one_without_deaths(
    deadly: dict[str, Any], harmless: dict[str, Any]
) -> None:
    assert reported(deadly, "fatalities") == 40
    assert reported(harmless, "fatalities") is None
    scale = default_scale()
    place = {"location": {"country": "SYR"}}  # one series for both, whatever was linked
    heavy = build_series([deadly | place], "country", "week", scale)
    light = build_series([harmless | place], "country", "week", scale)
    (heavy_window,) = next(iter(heavy.values())).windows.values()
    (light_window,) = next(iter(light.values())).windows.values()
    assert heavy_window.score_sum < light_window.score_sum < 0
    assert (heavy_window.fatalities, light_window.fatalities) == (40, 0)


def test_a_large_protest_weighs_more_than_a_small_one() -> None:
    scale = default_scale()
    assert scale.score("PROTEST", size=50_000) < scale.score("PROTEST", size=50) < 0
    assert scale.score("AGREE", size=50_000) == scale.score("AGREE")  # cooperation is not scaled


def test_drivers_of_an_escalation_say_how_many_died(deadly: dict[str, Any]) -> None:
    place = {"location": {"country": "SYR"}}
    quiet = [deadly | place | {"event_id": d, "date": d, "fatalities": None} for d in DATES[:5]]
    surge = [deadly | place | {"event_id": f"s{i}"} for i in range(6)]
    series = next(iter(build_series(quiet + surge, "country", "week").values()))
    (alert,) = detect(series, "week", {d: 10 for d in DATES})
    assert alert.kind == "escalation"
    assert alert.drivers[0]["fatalities"] == 40
    assert alert.drivers[0]["reported"] == "40 killed"


def test_vague_and_qualified_figures_read_as_reported() -> None:
    event = {
        "fatalities": {"value": 12, "qualifier": "vague"},
        "injured": {"value": 30, "qualifier": "at least"},
    }
    assert reported_text(event) == "12+ killed, at least 30 injured"
    assert reported_text({"fatalities": None}) is None


@pytest.mark.slow
def test_the_example_corpus_still_gives_series_and_reports_deaths(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "examples.duckdb") as store:
        report = ingest([str(EXAMPLES)], store)
        assert report.failed == 0
        trends = compute_trends(store, by="country", window="week")
    assert trends.series
    payload = trend_payload(trends, top=50)
    deaths = sum(w["fatalities"] for s in payload["series"] for w in s["windows"])
    assert deaths > 0
