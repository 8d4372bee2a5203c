"""Measure the detector on constructed event streams with known change points."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from dyad.trends.detect import DetectorSettings, detect
from dyad.trends.series import build_series, window_start

START = dt.date(2025, 1, 6)  # a Monday
WEEKS = 30
CAUGHT_WITHIN = 4  # an alert up to this many windows after the change counts as a detection


@dataclass(frozen=True)
class StreamSpec:
    key: str
    rate: float  # conflict events per article before the change
    change_week: int | None
    factor: float  # rate multiplier from the change on (1.0: no change)


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method is fine for the small means used here.
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def make_streams(
    seed: int = 7, n: int = 60
) -> tuple[list[StreamSpec], dict[str, int], list[dict[str, Any]]]:
    """Streams (a third escalate, a sixth de-escalate, the rest do not change), a news volume
    that swings week to week (some weeks twice the usual), and their events."""
    rng = random.Random(seed)
    volume: dict[str, int] = {}
    for week in range(WEEKS):
        monday = (START + dt.timedelta(weeks=week)).isoformat()
        volume[monday] = int(rng.uniform(150, 300) * (2.0 if rng.random() < 0.15 else 1.0))
    specs: list[StreamSpec] = []
    events: list[dict[str, Any]] = []
    for i in range(n):
        rate = rng.uniform(0.004, 0.03)
        kind = i % 6
        change = rng.randint(10, 24) if kind in (0, 1, 2) else None
        factor = 4.0 if kind in (0, 1) else 0.1 if kind == 2 else 1.0
        specs.append(
            StreamSpec(
                key=f"S{i:02d}/GOV <-> S{i:02d}/REB", rate=rate, change_week=change, factor=factor
            )
        )
        for week in range(WEEKS):
            start = START + dt.timedelta(weeks=week)
            lam = (
                rate
                * volume[start.isoformat()]
                * (factor if change is not None and week >= change else 1.0)
            )
            for _ in range(_poisson(rng, lam)):
                day = start + dt.timedelta(days=rng.randint(0, 6))
                events.append(
                    {
                        "event_id": f"e{len(events)}",
                        "article_id": f"a{len(events)}",
                        "event_type": "ASSAULT",
                        "mode": None,
                        "date": day.isoformat(),
                        "source": {
                            "text": "army",
                            "actor": {"country": f"S{i:02d}", "sector": "GOV"},
                        },
                        "target": {
                            "text": "rebels",
                            "actor": {"country": f"S{i:02d}", "sector": "REB"},
                        },
                        "trigger": {"text": "attacked"},
                    }
                )
    return specs, volume, events


def evaluate_detector(
    seed: int = 7, n: int = 60, settings: DetectorSettings | None = None
) -> dict[str, Any]:
    """Precision, recall and delay (in windows) of escalation and de-escalation alerts."""
    specs, volume, events = make_streams(seed, n)
    series = build_series(events, "dyad", "week")
    weeks = sorted(volume)
    result: dict[str, Any] = {"streams": n, "weeks": WEEKS}
    for kind, factor_test in (("escalation", lambda f: f > 1), ("de-escalation", lambda f: f < 1)):
        true_alerts = all_alerts = caught = changing = 0
        delays: list[int] = []
        for spec in specs:
            entry = series.get(spec.key)
            alerts = (
                [a for a in detect(entry, "week", volume, settings) if a.kind == kind]
                if entry
                else []
            )
            all_alerts += len(alerts)
            changes = spec.change_week is not None and factor_test(spec.factor)
            if not changes:
                continue
            changing += 1
            assert spec.change_week is not None
            change_start = window_start(weeks[spec.change_week], "week")
            hits = [
                weeks.index(a.window) - spec.change_week for a in alerts if a.window >= change_start
            ]
            hits = [h for h in hits if 0 <= h <= CAUGHT_WITHIN]
            true_alerts += len(hits)
            if hits:
                caught += 1
                delays.append(min(hits))
        result[kind] = {
            "changing_streams": changing,
            "alerts": all_alerts,
            "precision": round(true_alerts / all_alerts, 3) if all_alerts else None,
            "recall": round(caught / changing, 3) if changing else None,
            "mean_delay_windows": round(sum(delays) / len(delays), 2) if delays else None,
        }
    return result
