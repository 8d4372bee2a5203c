"""``dyad eval``: score the coder against gold data, one subcommand per task."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dyad.serve.cli_console import JsonOpt, console, errors, fail

eval_app = typer.Typer(help="Score dyad against gold data.", no_args_is_help=True)


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
    """Score events: per-type P/R/F1, macro-F1, confusion, mode, CAMEO root, PentaClass, actors.

    The multi-rater CAMEO_ConfliBERT rounds score dyad as one more rater beside the raters."""
    from dyad.eval.event_scoring import render_report
    from dyad.eval.events import evaluate_events
    from dyad.eval.rater_events import RATER_SET, evaluate_raters, render_raters

    if gold.name == RATER_SET:
        raters = _split_eval(evaluate_raters, gold, split)
        if as_json:
            console.print_json(json.dumps(raters, default=str))
        else:
            console.print(render_raters(raters), markup=False, highlight=False)
        return
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
