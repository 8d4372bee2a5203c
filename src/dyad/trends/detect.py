"""Escalation and de-escalation: each series against its own recent baseline.

For every window, the expected number of conflict events is the baseline's rate per article
times the window's news volume (so a busy news week is not an escalation by itself), with a
small prior so that sparse series do not alarm on their first events. A window is an
escalation when so many conflict events are improbable under a Poisson law (upper tail p below
the threshold), a de-escalation when conflict falls improbably low or cooperation rises
improbably high. Each alert lists the events that drove it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from dyad.article import stable_id
from dyad.trends.series import Series, next_window, reported

PRIOR_EVENTS = 0.5  # pseudo-events added to every baseline (sparse series)
PRIOR_ARTICLES = 1.0


@dataclass(frozen=True)
class DetectorSettings:
    baseline_windows: int = 8
    min_history: int = 4  # windows of baseline needed before any alert
    p_threshold: float = 0.001  # strict: many series x windows are tested at once
    min_events: int = 3  # an escalation needs at least this many conflict events
    drivers: int = 5


@dataclass
class Alert:
    alert_id: str
    series: str
    kind: str  # escalation | de-escalation
    window: str
    observed: int
    expected: float
    p_value: float
    mean_score: float
    baseline_mean_score: float
    measure: str  # conflict | cooperation
    drivers: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def poisson_upper(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam)."""
    if k <= 0:
        return 1.0
    return max(0.0, 1.0 - poisson_lower(k - 1, lam))


def poisson_lower(k: int, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam)."""
    if k < 0:
        return 0.0
    if lam <= 0:
        return 1.0
    term = math.exp(-lam) if lam < 700 else 0.0
    if term == 0.0:  # large lam: normal approximation with continuity correction
        z = (k + 0.5 - lam) / math.sqrt(lam)
        return 0.5 * math.erfc(-z / math.sqrt(2))
    total = term
    for i in range(1, k + 1):
        term *= lam / i
        total += term
    return min(1.0, total)


def _windows_between(first: str, last: str, window: str) -> list[str]:
    out, current = [], first
    while current <= last:
        out.append(current)
        current = next_window(current, window)
    return out


def detect(
    series: Series,
    window: str,
    volume: dict[str, int] | None = None,
    settings: DetectorSettings | None = None,
) -> list[Alert]:
    """Alerts for one series, window by window, each against the windows before it."""
    settings = settings or DetectorSettings()
    if not series.windows:
        return []
    starts = sorted(series.windows)
    all_windows = _windows_between(starts[0], starts[-1], window)
    alerts: list[Alert] = []
    regime_start = 0  # after an alert the new level becomes the baseline (no repeat alarms)
    for i, start in enumerate(all_windows):
        history = all_windows[max(regime_start, i - settings.baseline_windows) : i]
        if len(history) < settings.min_history:
            continue
        found = _check(series, start, [start], history, volume, settings)
        if not found and i - 1 >= regime_start + settings.min_history:
            # A fall is often too small to see in one window of a sparse series: two together.
            pair = all_windows[i - 1 : i + 1]
            earlier = all_windows[max(regime_start, i - 1 - settings.baseline_windows) : i - 1]
            found = [
                a
                for a in _check(series, start, pair, earlier, volume, settings)
                if a.kind == "de-escalation" and a.measure == "conflict"
            ]
        if found:
            alerts.extend(found)
            regime_start = i
    return alerts


def _volume(volume: dict[str, int] | None, start: str) -> float:
    return float(volume.get(start, 0)) if volume else 1.0


def _check(
    series: Series,
    start: str,
    current_windows: list[str],
    history: list[str],
    volume: dict[str, int] | None,
    settings: DetectorSettings,
) -> list[Alert]:
    if volume is not None and not all(volume.get(w) for w in current_windows):
        return []  # no articles at all in a window: silence is not evidence
    past = [w for w in (series.windows.get(h) for h in history) if w is not None]
    current = [w for w in (series.windows.get(c) for c in current_windows) if w is not None]
    past_volume = sum(_volume(volume, h) for h in history)
    now_volume = sum(_volume(volume, c) for c in current_windows)
    baseline_mean = sum(w.score_sum for w in past) / max(1, sum(w.count for w in past))
    now_events = [e for w in current for e in w.events]
    now_mean = sum(e["score"] for e in now_events) / len(now_events) if now_events else 0.0
    out: list[Alert] = []
    for measure in ("conflict", "cooperation"):
        past_count = sum(getattr(w, measure) for w in past)
        rate = (past_count + PRIOR_EVENTS) / (past_volume + PRIOR_ARTICLES)
        expected = rate * now_volume
        observed = sum(getattr(w, measure) for w in current)
        upper, lower = poisson_upper(observed, expected), poisson_lower(observed, expected)
        rises = observed >= settings.min_events and upper < settings.p_threshold
        kind, p = None, 1.0
        if measure == "conflict" and rises:
            kind, p = "escalation", upper
        elif measure == "conflict" and lower < settings.p_threshold:
            kind, p = "de-escalation", lower
        elif measure == "cooperation" and rises:
            kind, p = "de-escalation", upper
        if kind is None:
            continue
        most_conflictual_first = kind == "escalation"
        drivers = sorted(now_events, key=lambda e: e["score"], reverse=not most_conflictual_first)
        out.append(
            Alert(
                alert_id=stable_id("alert", series.key, start, kind, measure),
                series=series.key,
                kind=kind,
                window=start,
                observed=observed,
                expected=round(expected, 2),
                p_value=p,
                mean_score=round(now_mean, 2),
                baseline_mean_score=round(baseline_mean, 2),
                measure=measure,
                drivers=[_summary(e) for e in drivers[: settings.drivers]],
            )
        )
    return out


def _summary(event: dict[str, Any]) -> dict[str, Any]:
    def name(part: dict[str, Any] | None) -> str | None:
        return (part or {}).get("text")

    return {
        "event_id": event.get("event_id"),
        "article_id": event.get("article_id"),
        "date": event.get("date"),
        "event_type": event.get("event_type"),
        "score": event.get("score"),
        "source": name(event.get("source")),
        "target": name(event.get("target")),
        "trigger": (event.get("trigger") or {}).get("text"),
        "fatalities": reported(event, "fatalities"),
        "injured": reported(event, "injured"),
        "size": reported(event, "size"),
        "reported": reported_text(event),
    }


def reported_text(event: dict[str, Any]) -> str | None:
    """What the text reports of an event's scale, in words: "at least 12 killed, 30 injured";
    a vague word's conservative value reads "12+" ("dozens")."""
    parts = []
    for kind, word in (("fatalities", "killed"), ("injured", "injured"), ("size", "strong")):
        figure = event.get(kind)
        if not isinstance(figure, dict) or figure.get("value") is None:
            continue
        qualifier = figure.get("qualifier")
        prefix = "" if qualifier in (None, "vague") else f"{qualifier} "
        value = f"{figure['value']:,}{'+' if qualifier == 'vague' else ''}"
        parts.append(f"{prefix}{value} {word}")
    return ", ".join(parts) or None
