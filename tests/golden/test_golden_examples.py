"""Golden file: every event coded from examples/, one readable line each.

A change to a rule, a pattern or a data file that changes what dyad codes shows up here as a
diff of tests/golden/examples_events.tsv. When the change is intended, rewrite the file with
``make golden`` and review the diff like code: it says which events appeared, vanished or
changed type, actor, place or date.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from dyad.article import Article, Event, Participant
from dyad.ingest.sources import iter_articles
from dyad.pipeline import code_article

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).with_name("examples_events.tsv")
COLUMNS = (
    "article", "type", "mode", "cameo", "trigger", "source", "target", "place", "date",
    "reported",
)  # fmt: skip


def _party(part: Participant | None) -> str:
    if part is None:
        return ""
    actor = part.actor
    code = " ".join(filter(None, [actor.country, actor.sector])) if actor else ""
    name = f" {actor.name}" if actor and actor.name and actor.name != part.text else ""
    return f"{part.text} [{code or '?'}{name}]"


def _reported(event: Event) -> str:
    figures = [("dead", event.fatalities), ("hurt", event.injured), ("size", event.size)]
    return " ".join(f"{label}={m.value}" for label, m in figures if m is not None)


def event_line(article: Article, event: Event) -> str:
    place = event.location
    where = f"{place.text} -> {place.name or '?'} ({place.country or '?'})" if place else ""
    when = f"{event.date or ''} {event.date_precision}".strip()
    cells = [
        Path(article.origin or article.id).name,
        event.event_type,
        event.mode or "",
        event.cameo or "",
        event.trigger.text,
        _party(event.source),
        _party(event.target),
        where,
        when,
        _reported(event),
    ]
    return "\t".join(" ".join(c.split()) for c in cells)


def coded_lines() -> list[str]:
    lines = ["\t".join(COLUMNS)]
    for item in iter_articles([str(EXAMPLES)]):
        assert isinstance(item, Article), item
        lines += [event_line(item, e) for e in code_article(item).events]
    return lines


def test_examples_code_as_the_golden_file_says() -> None:
    lines = coded_lines()
    if os.environ.get("DYAD_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert GOLDEN.exists(), "no golden file: run `make golden`"
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(expected, lines, "golden", "coded now", lineterm="", n=0))
    assert not diff, (
        "examples/ code differently from tests/golden/examples_events.tsv; if intended, run"
        " `make golden` and review the diff:\n" + "\n".join(diff[:80])
    )
