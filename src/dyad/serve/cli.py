"""The ``dyad`` command: thin wrappers that parse arguments, call the library, print with Rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyad.store.base import DEFAULT_STORE_URL, EventFilters, StoreError, open_store

app = typer.Typer(help="dyad: political event coding from news text.", no_args_is_help=True)
eval_app = typer.Typer(help="Score dyad against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)

FieldMapOpt = Annotated[
    str | None,
    typer.Option(help="JSONL/CSV field names, e.g. 'text=body,date=published,id=guid'."),
]
MtimeOpt = Annotated[
    bool, typer.Option(help="Date headerless text files by their modification time.")
]
StoreOpt = Annotated[str, typer.Option("--store", help="DuckDB file or postgresql:// URL.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a machine-readable report.")]


def fail(message: str) -> None:
    errors.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(2)


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or .jsonl files.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write JSON Lines here.")] = None,
    workers: Annotated[int, typer.Option(help="Processes to code with.")] = 1,
    date: Annotated[
        str | None, typer.Option(help="Date for articles with none (YYYY-MM-DD).")
    ] = None,
    field_map: FieldMapOpt = None,
    use_mtime: MtimeOpt = False,
    dedup: Annotated[
        bool, typer.Option(help="Skip near-duplicates of earlier articles in the run.")
    ] = False,
    dedup_report: Annotated[
        Path | None, typer.Option(help="With --dedup: write {article_id, canonical_id} JSONL.")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (processes) or ray (Ray Data).")] = "local",
    address: Annotated[
        str | None, typer.Option(help="With --engine ray: the cluster (ray://host:port).")
    ] = None,
) -> None:
    """Code articles to CodedArticle JSON Lines without touching any store."""
    from dyad.batch import DEDUP_THRESHOLD, write_jsonl
    from dyad.scale.cli_engine import EngineError, check_engine_options

    try:
        check_engine_options(engine, address)
    except EngineError as exc:
        fail(str(exc))
    if engine == "ray":
        from dyad.scale.cli_engine import code_with_ray_engine

        def skipped(error: Any) -> None:
            errors.print(f"[yellow]skipped[/] {error}")

        try:
            count = code_with_ray_engine(
                paths, out, workers=max(workers, 1), address=address, default_date=date,
                on_error=skipped,
            )  # fmt: skip
        except EngineError as exc:
            fail(str(exc))
            return
        errors.print(f"coded {count} article(s) with Ray" + (f" -> {out}" if out else ""))
        return

    source = _source_options(field_map, use_mtime)
    copies = dedup_report.open("w", encoding="utf-8") if dedup and dedup_report else None

    def report(error: Any) -> None:
        errors.print(f"[yellow]skipped[/] {error}")

    def warn(warning: str) -> None:
        errors.print(f"[yellow]warning[/] {escape(warning)}")

    def duplicate(article: Any, canonical: str) -> None:
        if copies is not None:
            copies.write(json.dumps({"article_id": article.id, "canonical_id": canonical}) + "\n")
        else:
            errors.print(f"[yellow]duplicate[/] {article.origin or article.id} of {canonical}")

    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        count = write_jsonl(
            paths,
            handle,
            workers=workers,
            default_date=date,
            on_error=report,
            source=source,
            dedup_threshold=DEDUP_THRESHOLD if dedup else None,
            on_duplicate=duplicate,
            on_warning=warn,
        )
    finally:
        if out:
            handle.close()
        if copies is not None:
            copies.close()
    errors.print(f"coded {count} article(s)" + (f" -> {out}" if out else ""))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or .jsonl files.")],
    store: StoreOpt = DEFAULT_STORE_URL,
    workers: Annotated[int, typer.Option(help="Processes to code with.")] = 1,
    date: Annotated[
        str | None, typer.Option(help="Date for articles with none (YYYY-MM-DD).")
    ] = None,
    alerts_out: Annotated[
        Path | None, typer.Option(help="After ingest, append new escalation alerts here (JSONL).")
    ] = None,
    webhook: Annotated[str | None, typer.Option(help="After ingest, POST new alerts here.")] = None,
    alert_by: Annotated[
        str, typer.Option(help="Series the alerts watch (see dyad trends).")
    ] = "dyad",
    field_map: FieldMapOpt = None,
    use_mtime: MtimeOpt = False,
    dedup_threshold: Annotated[
        float, typer.Option(help="Containment above which an article is a copy, not coded.")
    ] = 0.8,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Code near-duplicates too.")] = False,
) -> None:
    """Code articles and store them; re-running stores nothing twice."""
    from dyad.batch import ingest as run_ingest

    source = _source_options(field_map, use_mtime)
    if not 0.0 < dedup_threshold <= 1.0:
        fail(f"--dedup-threshold must be in (0, 1], not {dedup_threshold}")

    with (
        _open(store) as db,
        Progress(
            TextColumn("coding"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=errors,
        ) as progress,
    ):
        task = progress.add_task("coding", total=None)
        report = run_ingest(
            paths,
            db,
            workers=workers,
            default_date=date,
            progress=lambda: progress.advance(task),
            source=source,
            dedup_threshold=None if no_dedup else dedup_threshold,
        )
    for failure in report.failures:
        errors.print(f"[yellow]failed[/] {failure}")
    for warning in report.warnings:
        errors.print(f"[yellow]warning[/] {escape(warning)}")
    console.print(
        f"{report.coded} article(s) coded ({report.events} events), "
        f"{report.already_stored} already stored, {report.duplicates} duplicate(s) linked,"
        f" {report.failed} failed -> {shown(store)}"
    )
    if alerts_out is not None or webhook is not None:
        from dyad.trends.monitor import compute_trends

        with _open(store, read_only=True) as db:
            trend = compute_trends(db, by=alert_by)
        new = _deliver(trend.alerts, store, alerts_out, webhook)
        console.print(f"{len(new)} new alert(s) crossed the threshold")


def is_server_url(store: str) -> bool:
    return store.startswith(("postgresql://", "postgres://"))


def shown(store: str) -> str:
    """How a store is named in messages: a server URL never with its password."""
    if is_server_url(store):
        from dyad.store.postgres import describe_url

        return describe_url(store)
    return store


def default_ledger(store: str) -> Path:
    """Where delivered alerts are remembered: beside a store file, or in the working folder."""
    return Path("dyad-alerts.jsonl") if is_server_url(store) else Path(f"{store}.alerts.jsonl")


def _source_options(field_map: str | None, use_mtime: bool) -> Any:
    from dyad.batch import SourceOptions
    from dyad.ingest.fields import FieldMap

    try:
        fields = FieldMap.parse(field_map) if field_map else None
    except ValueError as exc:
        fail(f"--field-map: {exc}")
        return None
    return SourceOptions(fields=fields, use_mtime=use_mtime)


def _deliver(
    alerts: list[Any], store: str, alerts_out: Path | None, webhook: str | None
) -> list[Any]:
    """Deliver alerts not delivered before (ledger: --alerts-out, else STORE.alerts.jsonl)."""
    from dyad.trends.monitor import WebhookError, deliver_alerts

    try:
        return deliver_alerts(alerts, alerts_out or default_ledger(store), webhook)
    except WebhookError as exc:
        fail(str(exc))
        return []


@app.command()
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
    with _open(store, read_only=True) as db:
        rows = db.query_events(filters, limit=limit)
        total = db.count_events(filters)
    if as_json:
        console.print_json(json.dumps(rows, default=str))
        return
    console.print(events_table(rows, title=f"{len(rows)} of {total} event(s)"))


def _print_clusters(store: str, filters: EventFilters, limit: int, as_json: bool) -> None:
    from dyad.store.clusters import event_clusters

    with _open(store, read_only=True) as db:
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


@app.command()
def duplicates(
    store: StoreOpt = DEFAULT_STORE_URL,
    limit: Annotated[int, typer.Option(help="Groups to show.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles that have near-duplicate copies, with the copies' ids."""
    with _open(store, read_only=True) as db:
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


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `dyad events`).")],
    store: StoreOpt = DEFAULT_STORE_URL,
    as_json: JsonOpt = False,
) -> None:
    """Print one article with its events, actors, places, dates and quotes marked."""
    from dyad.serve.render import render_article

    with _open(store, read_only=True) as db:
        record = db.get_article(article_id)
    if record is None:
        fail(f"no article {article_id!r} in {shown(store)}")
        return
    if as_json:
        console.print_json(json.dumps(record, default=str))
        return
    render_article(console, record)


@app.command()
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
    with _open(store, read_only=True) as db:
        target: Any = out if out is not None else sys.stdout.buffer
        if clusters:
            count = export_clusters(db, filters, fmt, target)
        else:
            count = export_events(db, filters, fmt, target)
    what = "event cluster(s)" if clusters else "event(s)"
    errors.print(f"exported {count} {what} as {fmt}" + (f" -> {out}" if out else ""))


@app.command()
def stats(store: StoreOpt = DEFAULT_STORE_URL) -> None:
    """Counts of what the store holds."""
    with _open(store, read_only=True) as db:
        console.print_json(json.dumps(db.stats(), default=str))


@eval_app.command("sample")
def eval_sample(
    gold: Annotated[Path, typer.Argument(help="Gold JSON in the sample's format.")],
    as_json: JsonOpt = False,
) -> None:
    """Score the coder on one hand-coded article (events, quotes, toponyms, actors)."""
    from dyad.eval.sample import article_path_for, load_sample_gold, score_sample
    from dyad.ingest.text import read_text_file
    from dyad.pipeline import code_article

    data = load_sample_gold(gold)
    article = read_text_file(article_path_for(gold, data))
    report = score_sample(code_article(article), data, article.text)
    if as_json:
        console.print_json(json.dumps(report))
        return
    from dyad.serve.render import render_sample_report

    render_sample_report(console, report)


class _open:
    """Open a store for a command; a bad URL or locked file is a clear error, not a traceback."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url, self.read_only = url, read_only

    def __enter__(self) -> Any:
        if self.read_only and not is_server_url(self.url) and not Path(self.url).exists():
            fail(f"no store at {self.url} (run `dyad ingest PATH --store {self.url}` first)")
        try:
            self.store = open_store(self.url, read_only=self.read_only)
        except StoreError as exc:
            fail(str(exc))
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def main() -> None:
    """Entry point of the ``dyad`` script."""
    from dyad.ingest.errors import IngestError
    from dyad.nlp.model import ModelMissingError

    try:
        app()
    except (ModelMissingError, StoreError, IngestError) as exc:
        errors.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)


def _split_eval(evaluate: Callable[..., dict[str, Any]], gold: Path, split: str) -> dict[str, Any]:
    """Run an evaluation on the dev, test or all half of gold sets, with clear errors."""
    if split not in {"dev", "test", "all"}:
        fail("--split must be dev, test or all")
    try:
        return evaluate(gold, split, progress=lambda name: errors.print(f"coding {name} ..."))
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
        return {}


@eval_app.command("events")
def eval_events(
    gold: Annotated[
        Path, typer.Argument(help="An event set folder, or ../shared/eval/events for all.")
    ],
    split: Annotated[
        str, typer.Option(help="dev (rules were written looking at it), test, or all.")
    ] = "all",
    as_json: JsonOpt = False,
) -> None:
    """Score events: per-type P/R/F1, macro-F1, confusion, mode, CAMEO root, PentaClass, actors."""
    from dyad.eval.event_scoring import render_report
    from dyad.eval.events import evaluate_events

    report = _split_eval(evaluate_events, gold, split)
    if as_json:
        console.print_json(json.dumps(report, default=str))
        return
    for metrics in report["sets"].values():
        console.print(render_report(metrics), markup=False, highlight=False)


def _print_report(report: dict[str, Any], rows: list[tuple[str, str]], title: str) -> None:
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value")
    for label, path in rows:
        value: Any = report
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        table.add_row(label, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)


SPLIT_NOTES = {"dev": "tuned on", "test": "never tuned on", "all": "both halves"}


@eval_app.command("dates")
def eval_dates(
    gold: Annotated[Path, typer.Argument(help="MEANTIME folder or TempEval-3 TimeML files.")],
    split: Annotated[
        str,
        typer.Option(help="dev (tuned on), test, all, or every (the three, the default)."),
    ] = "every",
    as_json: JsonOpt = False,
) -> None:
    """Score TIMEX3 recognition (P/R/F1) and normalisation (strict value match)."""
    from dyad.eval.dates import evaluate_dates

    if split not in {"dev", "test", "all", "every"}:
        fail("--split must be dev, test, all or every")
    splits = ("dev", "test", "all") if split == "every" else (split,)
    report = evaluate_dates(gold, splits)
    if as_json:
        console.print_json(json.dumps(report, default=str))
        return
    for split in splits:
        _print_report(
            report,
            [
                ("documents", f"{split}.documents"),
                ("gold expressions", f"{split}.gold"),
                ("recognition F1 (relaxed)", f"{split}.relaxed.f1"),
                ("recognition F1 (strict)", f"{split}.strict.f1"),
                ("DATE normalisation accuracy", f"{split}.date_normalisation_accuracy"),
            ],
            f"dates: {split} ({SPLIT_NOTES[split]})",
        )


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[
        Path, typer.Argument(help="PolNeAR folder, or a gold JSON in the sample's format.")
    ],
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Score attribution: content P/R/F1 (overlap, exact), speaker accuracy, direct quotes."""
    if gold.suffix == ".json":
        eval_sample(gold, as_json)
        return
    from dyad.eval.quotes import evaluate_quotes

    report = evaluate_quotes(gold, limit=limit)
    if as_json:
        console.print_json(json.dumps(report, default=str))
        return
    for split in ("tune", "held", "all"):
        _print_report(
            report,
            [
                ("content F1 (overlap)", f"{split}.overlap.f1"),
                ("content F1 (exact)", f"{split}.exact.f1"),
                ("speaker accuracy", f"{split}.speaker_accuracy"),
                ("direct quotes F1", f"{split}.direct.f1"),
            ],
            f"quotes: {split}",
        )


@eval_app.command("places")
def eval_places(
    gold: Annotated[
        list[Path],
        typer.Argument(help="lgl.xml, GeoVirus.xml, GWN.xml and/or event_location .jsonl"),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Score toponym recognition, end-to-end resolution and event-location linking (dev/test)."""
    from dyad.eval.places import evaluate_places

    reports = {str(path): evaluate_places(path) for path in gold}
    if as_json:
        console.print_json(json.dumps(reports, default=str))
        return
    for path, report in reports.items():
        for split in ("dev", "test"):
            if str(path).endswith(".jsonl"):
                rows = [("event linking F1", f"{split}.linking.f1")]
            else:
                rows = [
                    ("recognition F1 (overlap)", f"{split}.recognition.overlap.f1"),
                    ("recognition F1 (exact)", f"{split}.recognition.exact.f1"),
                    ("acc@161km (end to end)", f"{split}.resolution.acc@161km"),
                    ("median km", f"{split}.resolution.median_km"),
                    ("exact GeoNames id", f"{split}.resolution.exact_geonameid"),
                    ("acc@161km (gold spans)", f"{split}.resolution_on_gold_spans.acc@161km"),
                ]
            _print_report(report, rows, f"places {Path(path).name}: {split} ({SPLIT_NOTES[split]})")


@app.command()
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
        with _open(store, read_only=True) as db:
            report = compute_trends(db, by, window, filters, DetectorSettings(p_threshold=p_value))
    except ValueError as exc:
        fail(str(exc))
        return
    new = []
    if alerts_out is not None or webhook is not None:
        new = _deliver(report.alerts, store, alerts_out, webhook)
    if as_json:
        payload = trend_payload(report, top) | {"delivered": len(new)}
        console.print_json(json.dumps(payload))
        return
    from dyad.serve.render import render_trends

    render_trends(console, report, top)
    if alerts_out is not None or webhook is not None:
        errors.print(f"{len(new)} new alert(s) delivered")


@eval_app.command("actors")
def eval_actors(
    gold: Annotated[
        Path,
        typer.Argument(
            help="plover_gsr or petr2_gsr_validation folder, ../shared/eval/events, "
            "or a gold JSON in the sample's format."
        ),
    ],
    split: Annotated[
        str, typer.Option(help="dev (rules were written looking at it), test, or all.")
    ] = "dev",
    as_json: JsonOpt = False,
) -> None:
    """Score actor country and sector: end to end on matched spans, and on gold spans."""
    from dyad.eval.actors import evaluate_actors, render_actor_report

    report = _split_eval(evaluate_actors, gold, split)
    if as_json:
        console.print_json(json.dumps(report, default=str))
        return
    console.print(render_actor_report(report), markup=False, highlight=False)


@app.command()
def serve(
    store: StoreOpt = DEFAULT_STORE_URL,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="DYAD_TOKEN", help="Enables POST /api/ingest.")
    ] = None,
) -> None:
    """Serve the HTTP API and the dashboard over the store (read-only without a token)."""
    from dyad.serve.serve_command import serve as run_serve

    run_serve(store, host, port, token)
