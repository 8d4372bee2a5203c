"""Rich renderings of stored records for the terminal (no linguistics here)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

STYLES = {
    "trigger": "bold red",
    "actor": "bold cyan",
    "place": "bold green",
    "date": "magenta",
    "quote": "italic yellow",
}


def marked_text(record: dict[str, Any]) -> Text:
    """The article text with triggers, actors, places, dates and quotes highlighted."""
    text = Text(record["text"])
    for quote in record.get("quotes", []):
        text.stylize(STYLES["quote"], quote["start"], quote["end"])
    for mention in record.get("mentions", []):
        text.stylize(STYLES["actor"], mention["start"], mention["end"])
    for place in record.get("places", []):
        text.stylize(STYLES["place"], place["start"], place["end"])
    for date in record.get("dates", []):
        text.stylize(STYLES["date"], date["start"], date["end"])
    for event in record.get("events", []):
        text.stylize(STYLES["trigger"], event["trigger"]["start"], event["trigger"]["end"])
    return text


# How a date that is not the article's own is labelled next to it.
DATE_SOURCES = {
    "dateline": "read from the dateline",
    "flag": "given with --date",
    "file-mtime": "file modification time",
    "warc-date": "WARC crawl date",
    "ingest-time": "INGEST TIME: the article has no date of its own",
}


def article_date(article: dict[str, Any]) -> str:
    """The article's date with where it came from when that is not the article itself."""
    date = article.get("date")
    if not date:
        return "no date"
    source = article.get("date_source") or "article"
    return f"{date} ({DATE_SOURCES.get(source, source)})" if source != "article" else date


def render_article(console: Console, record: dict[str, Any]) -> None:
    article = record["article"]
    title = escape(article.get("title") or article["id"])
    console.rule(f"[bold]{title}[/] {escape(article_date(article))}")
    for note in record.get("errors") or []:
        console.print(Text(note, style="red"))
    for note in record.get("warnings") or []:
        console.print(Text(f"warning: {note}", style="yellow"))
    legend = "  ".join(f"[{style}]{name}[/]" for name, style in STYLES.items())
    console.print(legend)
    console.print(marked_text(record))
    table = Table(title="events")
    for column in (
        "type",
        "mode",
        "cameo",
        "source",
        "target",
        "trigger",
        "place",
        "date",
        "reported",
        "conf",
        "rule",
    ):
        table.add_column(column, overflow="fold")
    for e in record.get("events", []):
        cells = [
            e["event_type"],
            e.get("mode") or "",
            e.get("cameo") or "",
            _part(e.get("source")),
            _part(e.get("target")),
            e["trigger"]["text"],
            (e.get("location") or {}).get("name") or "",
            f"{e.get('date') or ''} ({e.get('date_precision')})",
            _reported(e),
            f"{e['confidence']:.2f}",
            e.get("rule") or "",
        ]
        table.add_row(*cells)
    console.print(table)
    quotes = Table(title="quotes")
    for column in ("kind", "speaker", "actor", "text"):
        quotes.add_column(column, overflow="fold")
    for q in record.get("quotes", []):
        speaker = q.get("speaker") or {}
        quotes.add_row(
            q["kind"], speaker.get("text") or "?", _actor(speaker.get("actor")), q["text"][:160]
        )
    console.print(quotes)
    places = Table(title="places")
    for column in ("text", "name", "country", "admin1", "precision", "lat", "lon"):
        places.add_column(column)
    for p in record.get("places", []):
        lat, lon = p.get("lat"), p.get("lon")
        cells = [
            p["text"],
            p.get("name") or "(unresolved)",
            p.get("country") or "",
            p.get("admin1") or "",
            p.get("precision") or "",
            f"{lat:.4f}" if lat is not None else "",
            f"{lon:.4f}" if lon is not None else "",
        ]
        places.add_row(*cells)
    console.print(places)
    dates = Table(title="dates")
    for column in ("text", "value", "precision"):
        dates.add_column(column)
    for d in record.get("dates", []):
        dates.add_row(d["text"], d.get("value") or "?", d.get("precision") or "")
    console.print(dates)
    copies = record.get("copies") or []
    if copies:
        noun = "copy" if len(copies) == 1 else "copies"
        console.print(f"[bold]{len(copies)} wire {noun}[/] (recorded, not coded again):")
        for copy in copies:
            where = copy.get("source") or copy.get("url") or copy.get("origin") or ""
            console.print(f"  {copy.get('article_id')} {where}")


def _reported(event: dict[str, Any]) -> str:
    """The event's reported figures as the text gives them: "killed: at least 12 people"."""
    cells = []
    for kind, label in (("fatalities", "killed"), ("injured", "injured"), ("size", "size")):
        figure = event.get(kind)
        if figure:
            cells.append(f"{label}: {figure['text']} [{figure['value']:,}]")
    return "; ".join(cells)


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "(unresolved)"
    code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{actor.get('name') or ''} {code}".strip()


def _part(part: dict[str, Any] | None) -> str:
    if not part:
        return ""
    return f"{part['text']} [{_actor(part.get('actor'))}]"


def _ratio_cells(row: dict[str, Any], keys: tuple[str, str, str]) -> list[str]:
    return [str(row[k]) for k in keys] + [f"{row['precision']:.2f}", f"{row['recall']:.2f}"]


def render_sample_report(console: Console, report: dict[str, Any]) -> None:
    ev, qu, to, ac = report["events"], report["quotes"], report["toponyms"], report["actors"]
    table = Table(title="dyad eval sample")
    for column in ("component", "gold", "predicted", "found", "precision", "recall", "notes"):
        table.add_column(column)
    event_notes = (
        f"core with source country {ev['core_found_with_source_country']}/{ev['core']}; "
        f"dates right {ev['dates_right']}/{ev['found']}"
    )
    table.add_row("events", *_ratio_cells(ev, ("gold", "predicted", "found")), event_notes)
    speakers = f"right speaker {qu['right_speaker']}/{qu['gold']}"
    table.add_row(
        "quotes (direct)", *_ratio_cells(qu, ("gold", "predicted_direct", "found")), speakers
    )
    errors_km = [
        f"{r['name']}: {r['error_km']} km" for r in to["rows"] if r["error_km"] is not None
    ]
    recall = f"{to['recognised'] / max(to['gold'], 1):.2f}"
    table.add_row(
        "toponyms", str(to["gold"]), "", str(to["recognised"]), "", recall, "; ".join(errors_km)
    )
    table.add_row(
        "actor mentions", str(ac["mentions"]), "", str(ac["right"]), f"{ac['accuracy']:.2f}", "", ""
    )
    console.print(table)
    rows = Table(title="gold events")
    for column in ("id", "core", "gold type", "found", "predicted", "source country", "date"):
        rows.add_column(column)
    for r in ev["rows"]:
        cells = [
            r["id"],
            "yes" if r["core"] else "",
            r["gold_type"],
            "yes" if r["found"] else "NO",
            r["predicted_type"] or "",
            "ok" if r["source_country_ok"] else "-",
            str(r["predicted_date"] or ""),
        ]
        rows.add_row(*cells)
    console.print(rows)
    for name, text in report["rules"].items():
        console.print(f"[dim]{name}: {text}[/]")


SPARK = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """A one-line bar chart of counts."""
    top = max(values, default=0)
    if top == 0:
        return " " * len(values)
    return "".join(SPARK[min(8, round(8 * v / top))] for v in values)


def render_trends(console: Console, report: Any, top: int) -> None:
    """Series as sparklines of conflict events with their mean score, then the alerts."""
    from dyad.trends.series import next_window

    windows: list[str] = []
    if report.series:
        first = min(min(s.windows) for s in report.series)
        last = max(max(s.windows) for s in report.series)
        current = first
        while current <= last:
            windows.append(current)
            current = next_window(current, report.window)
    table = Table(
        title=f"conflict events per {report.window} by {report.by} ({len(windows)} windows)"
    )
    for column in ("series", "events", "conflict", "mean score", "trend"):
        table.add_column(column)
    for series in report.series[:top]:
        counts = [series.windows[w].conflict if w in series.windows else 0 for w in windows]
        total_score = sum(w.score_sum for w in series.windows.values())
        cells = [
            series.key,
            str(series.total),
            str(sum(counts)),
            f"{total_score / max(series.total, 1):+.1f}",
            sparkline(counts[-52:]),
        ]
        table.add_row(*cells)
    console.print(table)
    alerts = Table(title=f"{len(report.alerts)} alert(s)")
    for column in ("window", "kind", "series", "observed", "expected", "p", "driven by"):
        alerts.add_column(column, overflow="fold")
    for alert in report.alerts:
        drivers = "; ".join(
            f"{d['date']} {d['event_type']} {d['source'] or '?'} -> {d['target'] or '?'}"
            + (f" ({d['reported']})" if d.get("reported") else "")
            for d in alert.drivers[:3]
        )
        cells = [
            alert.window,
            alert.kind,
            alert.series,
            str(alert.observed),
            f"{alert.expected:.1f}",
            f"{alert.p_value:.1e}",
            drivers,
        ]
        alerts.add_row(*cells)
    console.print(alerts)
