"""The ``dyad`` command: thin wrappers that parse arguments, call the library, print with Rich."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dyad.serve.cli_console import console, errors, fail
from dyad.serve.cli_eval import eval_app
from dyad.serve.cli_query import duplicates, events, export, show, stats
from dyad.serve.cli_store import StoreOpt, open_for_command, shown
from dyad.serve.cli_trends import deliver_new_alerts, trends
from dyad.store.base import DEFAULT_STORE_URL, StoreError

app = typer.Typer(help="dyad: political event coding from news text.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

FieldMapOpt = Annotated[
    str | None,
    typer.Option(help="JSONL/CSV field names, e.g. 'text=body,date=published,id=guid'."),
]
MtimeOpt = Annotated[
    bool, typer.Option(help="Date headerless text files by their modification time.")
]


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
        open_for_command(store) as db,
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

        with open_for_command(store, read_only=True) as db:
            trend = compute_trends(db, by=alert_by)
        new = deliver_new_alerts(trend.alerts, store, alerts_out, webhook)
        console.print(f"{len(new)} new alert(s) crossed the threshold")


# The commands over stored events, in the order `dyad --help` lists them (eval comes last).
for command in (events, duplicates, show, export, stats, trends):
    app.command()(command)


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


def _source_options(field_map: str | None, use_mtime: bool) -> Any:
    from dyad.batch import SourceOptions
    from dyad.ingest.fields import FieldMap

    try:
        fields = FieldMap.parse(field_map) if field_map else None
    except ValueError as exc:
        fail(f"--field-map: {exc}")
        return None
    return SourceOptions(fields=fields, use_mtime=use_mtime)


def main() -> None:
    """Entry point of the ``dyad`` script."""
    from dyad.ingest.errors import IngestError
    from dyad.nlp.model import ModelMissingError

    try:
        app()
    except (ModelMissingError, StoreError, IngestError) as exc:
        errors.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)
