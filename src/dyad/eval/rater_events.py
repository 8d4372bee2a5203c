"""dyad scored as one more rater on the CAMEO_ConfliBERT multi-rater rounds.

These are real news leads, each coded by 4-5 trained raters with CAMEO root codes, and the raters
often disagree, so there is no single gold. dyad is scored the way a rater is scored against the
others: its first event's CAMEO root (or "none") against the strict plurality of the raters'
first labels, sentences where the raters tie left out. The raters' own leave-one-out agreement on
the same sentences is the human ceiling printed beside it.

Figures: root and PentaClass agreement on all sentences and on the sentences where most raters
coded an event; event detection (dyad codes an event where most raters did) as P/R/F1; and a
lenient root figure where dyad's "none" counts as agreeing with a plurality of CAMEO 01 ("make
public statement"), because dyad by design codes no event for a bare statement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.eval.cameo_gold import (
    NO_EVENT,
    RatedSentence,
    as_level,
    rater_agreement,
    read_cameo_conflibert_annotations,
)
from dyad.eval.cameo_plover import cameo_root
from dyad.eval.event_gold import split_key_for, split_of
from dyad.eval.events import coded_sentence

RATER_SET = "cameo_conflibert_annotations"
STATEMENT_ROOT = "01"
MIN_RATERS = 3


@dataclass(frozen=True)
class RatedOutcome:
    """One sentence: the raters' plurality label and dyad's label, at one level."""

    sent_id: str
    gold: str
    predicted: str
    gold_is_event: bool  # most raters coded an event


def split_rated(sentences: Iterable[RatedSentence], split: str) -> list[RatedSentence]:
    """The dev or test half (by the same text-hash rule as the other event sets), or all."""
    if split == "all":
        return list(sentences)
    return [s for s in sentences if split_of(split_key_for(s.text)) == split]


def plurality(sentence: RatedSentence, level: str = "root") -> str | None:
    """The strict plurality of the raters' first labels; None on a tie or too few raters."""
    labels = [as_level(sentence.primary(r), level) for r in sorted(sentence.labels)]
    if len(labels) < MIN_RATERS:
        return None
    ranked = Counter(labels).most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def outcomes(
    sentences: Iterable[RatedSentence], predicted: Mapping[str, str], level: str = "root"
) -> list[RatedOutcome]:
    """Pair each untied sentence's plurality with dyad's label (a root or NO_EVENT)."""
    out = []
    for sentence in sentences:
        gold = plurality(sentence, level)
        if gold is None:
            continue
        mine = as_level(predicted.get(sentence.sent_id, NO_EVENT), level)
        out.append(RatedOutcome(sentence.sent_id, gold, mine, sentence.most_coded_event()))
    return out


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _detection(sentences: list[RatedSentence], predicted: Mapping[str, str]) -> dict[str, Any]:
    tp = fp = fn = 0
    for sentence in sentences:
        gold = sentence.most_coded_event()
        mine = predicted.get(sentence.sent_id, NO_EVENT) != NO_EVENT
        tp += gold and mine
        fp += mine and not gold
        fn += gold and not mine
    precision = _share(tp, tp + fp)
    recall = _share(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score_raters(
    sentences: list[RatedSentence], predicted: Mapping[str, str], label: str = ""
) -> dict[str, Any]:
    """dyad's agreement with the raters' plurality beside the raters' own (see module doc)."""
    report: dict[str, Any] = {"kind": "raters", "label": label, "sentences": len(sentences)}
    for level in ("root", "pentaclass"):
        every = outcomes(sentences, predicted, level)
        events = [o for o in every if o.gold_is_event]
        ceiling_all = rater_agreement(sentences, level, MIN_RATERS)
        ceiling_events = rater_agreement(sentences, level, MIN_RATERS, events_only=True)
        report[level] = {
            "n": len(every),
            "agreement": _share(sum(o.gold == o.predicted for o in every), len(every)),
            "raters_leave_one_out": ceiling_all["leave_one_out"],
            "events_n": len(events),
            "events_agreement": _share(sum(o.gold == o.predicted for o in events), len(events)),
            "events_raters_leave_one_out": ceiling_events["leave_one_out"],
        }
    roots = outcomes(sentences, predicted, "root")
    lenient = sum(
        o.gold == o.predicted or (o.gold == STATEMENT_ROOT and o.predicted == NO_EVENT)
        for o in roots
    )
    report["root"]["agreement_statement_as_none"] = _share(lenient, len(roots))
    report["detection"] = _detection(sentences, predicted)
    confusions = Counter((o.gold, o.predicted) for o in roots if o.gold != o.predicted)
    report["confusions"] = [
        {"gold": g, "predicted": p, "count": n} for (g, p), n in confusions.most_common(12)
    ]
    return report


def predicted_root(cameo_codes: list[str | None]) -> str:
    """dyad's label for a sentence: the root of its first event with a CAMEO code, else none."""
    for code in cameo_codes:
        if code:
            return cameo_root(code)
    return NO_EVENT


def predict_rated(sentences: Iterable[RatedSentence]) -> dict[str, str]:
    """Code each sentence as a one-sentence article; its label per ``predicted_root``."""
    return {
        s.sent_id: predicted_root([e.cameo for e in coded_sentence(s.text).events])
        for s in sentences
    }


def evaluate_raters(
    folder: Path, split: str = "all", progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Read the last complete rounds, code the chosen half and score it."""
    if progress:
        progress(folder.name)
    sentences = split_rated(read_cameo_conflibert_annotations(folder), split)
    return score_raters(sentences, predict_rated(sentences), label=f"{folder.name} ({split})")


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:5.1f}"


def render_raters(report: dict[str, Any]) -> str:
    """The plain-text report for ``dyad eval events``."""
    root, penta, det = report["root"], report["pentaclass"], report["detection"]
    lines = [
        f"Event scores {report['label']}: dyad as one more rater",
        f"sentences {report['sentences']}  (scored where the raters' first labels have a strict"
        " plurality)",
        "                                   dyad   raters (leave-one-out)",
        f"CAMEO root, all sentences        {_pct(root['agreement'])}"
        f"   {_pct(root['raters_leave_one_out'])}   (n={root['n']})",
        f"CAMEO root, most raters coded    {_pct(root['events_agreement'])}"
        f"   {_pct(root['events_raters_leave_one_out'])}   (n={root['events_n']})",
        f"PentaClass, all sentences        {_pct(penta['agreement'])}"
        f"   {_pct(penta['raters_leave_one_out'])}   (n={penta['n']})",
        f"PentaClass, most raters coded    {_pct(penta['events_agreement'])}"
        f"   {_pct(penta['events_raters_leave_one_out'])}   (n={penta['events_n']})",
        f"CAMEO root, none = statement 01  {_pct(root['agreement_statement_as_none'])}",
        f"event detection  P {_pct(det['precision'])}  R {_pct(det['recall'])}"
        f"  F1 {_pct(det['f1'])}  (tp {det['tp']}, fp {det['fp']}, fn {det['fn']})",
        "most frequent root disagreements (raters' plurality -> dyad):",
    ]
    lines += [f"  {c['gold']:>4} -> {c['predicted']:<4} {c['count']}" for c in report["confusions"]]
    lines.append(
        "Scoring: each sentence's label is the first coded CAMEO root (dyad: its first event with a"
        " CAMEO code; none when it codes no event); the gold is the strict plurality of the"
        " raters' first labels, ties left out; the raters' figure scores each rater against the"
        " plurality of the others on the same sentences."
    )
    return "\n".join([*lines, ""])
