"""The escalation monitor: scale, series, detection on streams with known changes, delivery."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from dyad.trends.detect import DetectorSettings, detect, poisson_lower, poisson_upper
from dyad.trends.evaluate import evaluate_detector
from dyad.trends.monitor import deliver_alerts
from dyad.trends.scale import WeightsError, default_scale, load_scale
from dyad.trends.series import build_series, series_keys, window_start


def event(
    date: str, event_type: str = "ASSAULT", src: str = "SYR", tgt: str = "SYR"
) -> dict[str, Any]:
    return {
        "event_id": f"{date}-{event_type}",
        "article_id": "a",
        "event_type": event_type,
        "mode": None,
        "date": date,
        "source": {"text": "the army", "actor": {"country": src, "sector": "MIL"}},
        "target": {
            "text": "the SDF",
            "actor": {
                "name": "Syrian Democratic Forces",
                "kind": "organisation",
                "country": tgt,
                "sector": "REB",
            },
        },
        "location": {"name": "Aleppo", "country": "SYR", "admin1": "Aleppo", "precision": "city"},
        "trigger": {"text": "attacked"},
    }


def test_assault_is_the_most_conflictual_and_aid_cooperative() -> None:
    scale = default_scale()
    assert scale.weight("ASSAULT", "heavy-weapons") == -10.0
    assert (
        scale.weight("AID")
        > scale.weight("CONSULT")
        > 0
        > scale.weight("ACCUSE")
        > scale.weight("ASSAULT")
    )


def test_deaths_make_a_conflict_event_weigh_more() -> None:
    scale = default_scale()
    assert scale.score("ASSAULT", None, fatalities=10) < scale.score("ASSAULT", None)


def test_a_weights_file_missing_a_type_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "weights.tsv"
    path.write_text("AGREE\t\t4.0\tnote\n", encoding="utf-8")
    with pytest.raises(WeightsError, match="no weight for"):
        load_scale(path)


def test_dyads_are_counted_in_both_directions_together() -> None:
    a = series_keys(event("2025-01-06"), "dyad")
    b = series_keys(
        {**event("2025-01-06"), "source": event("x")["target"], "target": event("x")["source"]},
        "dyad",
    )
    assert a == b == ["SYR/MIL <-> Syrian Democratic Forces"]


def test_weeks_start_on_monday() -> None:
    assert window_start("2026-01-08", "week") == "2026-01-05"
    assert window_start("2026-01-08", "month") == "2026-01-01"


def test_poisson_tails() -> None:
    assert poisson_upper(0, 3.0) == 1.0
    assert abs(poisson_lower(0, 3.0) - 0.0497870684) < 1e-9
    assert poisson_upper(10, 2.0) < 1e-4


def test_a_jump_in_fighting_is_an_escalation_explained_by_its_events() -> None:
    weeks = [f"2025-0{m}-0{d}" for m, d in ((1, 6),)]  # anchor
    dates = ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10"]
    events = [event(d) for d in dates[:5]] + [event("2025-02-10") for _ in range(9)]
    series = build_series(events, "dyad", "week")["SYR/MIL <-> Syrian Democratic Forces"]
    volume = {d: 100 for d in dates}
    alerts = detect(series, "week", volume)
    assert weeks and [(a.kind, a.window) for a in alerts] == [("escalation", "2025-02-10")]
    assert alerts[0].drivers and alerts[0].drivers[0]["event_type"] == "ASSAULT"


def test_a_busy_news_week_is_not_an_escalation() -> None:
    dates = ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10"]
    events = [event(d) for d in dates for _ in range(2)] + [event("2025-02-10") for _ in range(8)]
    series = build_series(events, "dyad", "week")["SYR/MIL <-> Syrian Democratic Forces"]
    volume = {d: 100 for d in dates} | {"2025-02-10": 500}
    assert [a for a in detect(series, "week", volume) if a.kind == "escalation"] == []


@pytest.mark.parametrize("seed", [1, 7, 42])
def test_detector_on_constructed_streams_with_known_change_points(seed: int) -> None:
    result = evaluate_detector(seed=seed, n=60)
    assert result["escalation"]["precision"] >= 0.8
    assert result["escalation"]["recall"] >= 0.8
    assert result["escalation"]["mean_delay_windows"] <= 1.0
    assert result["de-escalation"]["precision"] >= 0.75


class _Hook(BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers["Content-Length"])
        self.received.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


def test_alerts_go_to_a_webhook_and_a_file_once(tmp_path: Path) -> None:
    dates = ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10"]
    events = [event(d) for d in dates[:5]] + [event("2025-02-10") for _ in range(9)]
    series = build_series(events, "dyad", "week")["SYR/MIL <-> Syrian Democratic Forces"]
    alerts = detect(series, "week", {d: 100 for d in dates}, DetectorSettings())
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        ledger = tmp_path / "alerts.jsonl"
        first = deliver_alerts(alerts, ledger, url)
        second = deliver_alerts(alerts, ledger, url)
    finally:
        server.shutdown()
    assert len(first) == 1 and second == []
    assert len(_Hook.received) == 1 and _Hook.received[0]["kind"] == "escalation"
    assert len(ledger.read_text(encoding="utf-8").splitlines()) == 1
