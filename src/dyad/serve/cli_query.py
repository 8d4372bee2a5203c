"""``dyad`` commands that read stored events: events, duplicates, show, export, stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dyad.serve.cli_console import JsonOpt, console, errors, fail
from dyad.serve.cli_store import StoreOpt, open_for_command, shown
from dyad.store.base import DEFAULT_STORE_URL, EventFilters, StoreError


def events(
    store: StoreOpt = DEFAULT_STORE_URL,
    date_from: Annotated[
        str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 of an actor or the place.")] = None,
    actor: Annotated[str | None, typer.Option(help="Text in an actor's name.")] = None,
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER type (repeatable).")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Text in the trigger or sentence.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    as_json: JsonOpt = False,
    clusters: Annotated[
        bool, typer.Option(help="List event clusters (one event, many reports) instead.")
    ] = False,
) -> None:
    """List stored events with filters."""
    try:
        filters = EventFilters(
            date_from=date_from,
            date_to=date_to,
            country=country,
            actor=actor,
            event_type=tuple(event_type) if event_type else None,
            text=text,
        )
    except (ValueError, StoreError) as exc:
        fail(str(exc))
        return
    if clusters:
        _print_clusters(store, filters, limit, as_json)
        return
    with open_for_command(store, read_only=True) as db:
        rows = db.query_events(filters, limit=limit)
        total = db.count_events(filters)
    if as_json:
        console.print_json(json.dumps(rows, default=str))
        return
    console.print(events_table(rows, title=f"{len(rows)} of {total} event(s)"))


def _print_clusters(store: str, filters: EventFilters, limit: int, as_json: bool) -> None:
    from dyad.store.clusters import event_clusters

    with open_for_command(store, read_only=True) as db:
        rows = event_clusters(db, filters, limit=limit)
    if as_json:
        console.print_json(json.dumps(rows, default=str))
        return
    table = Table(title=f"{len(rows)} event cluster(s)")
    for column in ("date", "type", "source", "target", "place", "sources", "first article"):
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = (row["source_key"], row["target_key"], row["location_key"])
        table.add_row(
            row["date"], row["event_type"], *cells, str(row["source_count"]), row["first_article"]
        )
    console.print(table)


def duplicates(
    store: StoreOpt = DEFAULT_STORE_URL,
    limit: Annotated[int, typer.Option(help="Groups to show.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles that have near-duplicate copies, with the copies' ids."""
    with open_for_command(store, read_only=True) as db:
        groups = db.duplicate_groups(limit=limit)
    if as_json:
        console.print_json(json.dumps(groups, default=str))
        return
    table = Table(title=f"{len(groups)} article(s) with copies")
    for column in ("article", "date", "title", "copies"):
        table.add_column(column, overflow="fold")
    for group in groups:
        title = group["title"] or group["origin"] or ""
        copies = ", ".join(group["copies"])
        table.add_row(group["canonical_id"], group["date"] or "", title, copies)
    console.print(table)


def events_table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for column in (
        "date",
        "type",
        "mode",
        "source",
        "target",
        "trigger",
        "place",
        "conf",
        "article",
    ):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row.get("date") or ""),
            row["event_type"],
            row.get("mode") or "",
            _actor_cell(row.get("source")),
            _actor_cell(row.get("target")),
            (row.get("trigger") or {}).get("text", ""),
            _place_cell(row.get("location")),
            f"{row.get('confidence', 0):.2f}",
            row["article_id"],
        )
    return table


def _actor_cell(part: dict[str, Any] | None) -> str:
    if not part:
        return ""
    actor = part.get("actor") or {}
    code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{part.get('text')} [{code or '?'}]"


def _place_cell(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    return f"{place.get('name') or place.get('text')} ({place.get('country') or '?'})"


def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `dyad events`).")],
    store: StoreOpt = DEFAULT_STORE_URL,
    as_json: JsonOpt = False,
) -> None:
    """Print one article with its events, actors, places, dates and quotes marked."""
    from dyad.serve.render import render_article

    with open_for_command(store, read_only=True) as db:
        record = db.get_article(article_id)
    if record is None:
        fail(f"no article {article_id!r} in {shown(store)}")
        return
    if as_json:
        console.print_json(json.dumps(record, default=str))
        return
    render_article(console, record)


def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, parquet or geojson.")] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (stdout if omitted).")
    ] = None,
    store: StoreOpt = DEFAULT_STORE_URL,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    country: Annotated[str | None, typer.Option()] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type")] = None,
    clusters: Annotated[
        bool, typer.Option(help="Write event clusters (csv or jsonl) instead of events.")
    ] = False,
) -> None:
    """Write stored events as CSV, JSON Lines, Parquet or GeoJSON."""
    from dyad.store.export import export_clusters, export_events

    if clusters and fmt not in {"csv", "jsonl"}:
        fail(f"--clusters exports csv or jsonl, not {fmt!r}")

    if fmt not in {"csv", "jsonl", "parquet", "geojson"}:
        fail(f"unknown format {fmt!r}: use csv, jsonl, parquet or geojson")
    if fmt == "parquet" and out is None:
        fail("parquet needs --out FILE")
    filters = EventFilters(
        date_from=date_from,
        date_to=date_to,
        country=country,
        event_type=tuple(event_type) if event_type else None,
    )
    with open_for_command(store, read_only=True) as db:
        target: Any = out if out is not None else sys.stdout.buffer
        if clusters:
            count = export_clusters(db, filters, fmt, target)
        else:
            count = export_events(db, filters, fmt, target)
    what = "event cluster(s)" if clusters else "event(s)"
    errors.print(f"exported {count} {what} as {fmt}" + (f" -> {out}" if out else ""))


def stats(store: StoreOpt = DEFAULT_STORE_URL) -> None:
    """Counts of what the store holds."""
    with open_for_command(store, read_only=True) as db:
        console.print_json(json.dumps(db.stats(), default=str))
