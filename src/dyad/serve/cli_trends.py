"""``dyad trends``: conflict-cooperation series and their alerts, delivered once each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from dyad.serve.cli_console import JsonOpt, console, errors, fail
from dyad.serve.cli_store import StoreOpt, is_server_url, open_for_command
from dyad.store.base import DEFAULT_STORE_URL, EventFilters


def trends(
    store: StoreOpt = DEFAULT_STORE_URL,
    by: Annotated[
        str, typer.Option(help="dyad, directed, actor, country, admin1 or city.")
    ] = "dyad",
    window: Annotated[str, typer.Option(help="day, week or month.")] = "week",
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    country: Annotated[str | None, typer.Option()] = None,
    top: Annotated[int, typer.Option(help="Series to show.")] = 15,
    p_value: Annotated[float, typer.Option("--p", help="Alert threshold (Poisson tail).")] = 0.001,
    alerts_out: Annotated[Path | None, typer.Option(help="Append new alerts here (JSONL).")] = None,
    webhook: Annotated[str | None, typer.Option(help="POST each new alert to this URL.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Conflict-cooperation series by dyad or place, with escalation/de-escalation alerts."""
    from dyad.trends.detect import DetectorSettings
    from dyad.trends.monitor import compute_trends, trend_payload

    try:
        filters = EventFilters(date_from=date_from, date_to=date_to, country=country)
        with open_for_command(store, read_only=True) as db:
            report = compute_trends(db, by, window, filters, DetectorSettings(p_threshold=p_value))
    except ValueError as exc:
        fail(str(exc))
        return
    new = []
    if alerts_out is not None or webhook is not None:
        new = deliver_new_alerts(report.alerts, store, alerts_out, webhook)
    if as_json:
        payload = trend_payload(report, top) | {"delivered": len(new)}
        console.print_json(json.dumps(payload))
        return
    from dyad.serve.render import render_trends

    render_trends(console, report, top)
    if alerts_out is not None or webhook is not None:
        errors.print(f"{len(new)} new alert(s) delivered")


def deliver_new_alerts(
    alerts: list[Any], store: str, alerts_out: Path | None, webhook: str | None
) -> list[Any]:
    """Deliver alerts not delivered before (ledger: --alerts-out, else STORE.alerts.jsonl)."""
    from dyad.trends.monitor import WebhookError, deliver_alerts

    try:
        return deliver_alerts(alerts, alerts_out or default_ledger(store), webhook)
    except WebhookError as exc:
        fail(str(exc))
        return []


def default_ledger(store: str) -> Path:
    """Where delivered alerts are remembered: beside a store file, or in the working folder."""
    return Path("dyad-alerts.jsonl") if is_server_url(store) else Path(f"{store}.alerts.jsonl")
