"""The escalation monitor over a store: series, alerts, and their delivery to a file or webhook."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.store.base import EventFilters
from dyad.trends.detect import Alert, DetectorSettings, detect
from dyad.trends.series import Series, build_series, volume_by_window

VOLUME_SQL = "SELECT date, COUNT(*) AS n FROM articles WHERE status = 'ok' GROUP BY date"


@dataclass
class TrendReport:
    by: str
    window: str
    series: list[Series]
    alerts: list[Alert]
    volume: dict[str, int]


def compute_trends(
    store: Any,
    by: str = "dyad",
    window: str = "week",
    filters: EventFilters | None = None,
    settings: DetectorSettings | None = None,
    min_events: int = 1,
) -> TrendReport:
    """Series of ``store``'s events grouped ``by`` and per ``window``, and the alerts in them."""
    events = store.iter_events(filters or EventFilters())
    series = build_series(events, by, window)
    volume = volume_by_window(((r["date"], r["n"]) for r in store.read(VOLUME_SQL, [])), window)
    kept = sorted(
        (s for s in series.values() if s.total >= min_events), key=lambda s: (-s.total, s.key)
    )
    alerts: list[Alert] = []
    for entry in kept:
        alerts.extend(detect(entry, window, volume, settings))
    alerts.sort(key=lambda a: (a.window, a.p_value))
    return TrendReport(by=by, window=window, series=kept, alerts=alerts, volume=volume)


def trend_payload(report: TrendReport, top: int) -> dict[str, Any]:
    """The report as JSON: the ``top`` series window by window, and every alert."""
    return {
        "by": report.by,
        "window": report.window,
        "series": [
            {
                "key": s.key,
                "total": s.total,
                "windows": [
                    {
                        "start": w.start,
                        "events": w.count,
                        "conflict": w.conflict,
                        "cooperation": w.cooperation,
                        "mean_score": round(w.mean_score, 2),
                        "fatalities": w.fatalities,
                    }
                    for w in sorted(s.windows.values(), key=lambda w: w.start)
                ],
            }
            for s in report.series[:top]
        ],
        "alerts": [a.to_dict() for a in report.alerts],
    }


def deliver_alerts(
    alerts: list[Alert], ledger: Path, webhook: str | None = None, timeout_s: float = 10.0
) -> list[Alert]:
    """Append alerts not delivered before to ``ledger`` (JSON Lines) and POST each to
    ``webhook``; returns the new ones. An alert is delivered once, however often this runs."""
    sent: set[str] = set()
    if ledger.exists():
        for line in ledger.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sent.add(json.loads(line)["alert_id"])
    new = [a for a in alerts if a.alert_id not in sent]
    for alert in new:
        if webhook:
            _post(webhook, alert.to_dict(), timeout_s)
        with ledger.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(alert.to_dict(), ensure_ascii=False) + "\n")
    return new


class WebhookError(RuntimeError):
    """The webhook did not accept an alert (the alert stays undelivered for the next run)."""


def _post(url: str, payload: dict[str, Any], timeout_s: float) -> None:
    if not url.startswith(("http://", "https://")):
        raise WebhookError(f"webhook must be an http(s) URL, not {url!r}")
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "User-Agent": "dyad-alerts"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310
            if response.status >= 300:
                raise WebhookError(f"webhook answered {response.status}")
    except OSError as exc:
        raise WebhookError(f"webhook {url} failed: {exc}") from exc
