"""Scores predicted events against gold sentences: type P/R/F1, confusion, mode, actors, classes.

``score_events`` returns a JSON-serialisable dict; ``render_report`` turns it into text tables.
Both state the matching rules (MATCHING_RULES), as the issue asks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.article import PLOVER_TYPES, Event
from dyad.eval.cameo_plover import (
    PENTACLASS_NAMES,
    CameoMapping,
    cameo_for_plover,
    cameo_root,
    pentaclass_for_cameo,
    pentaclass_for_plover,
)
from dyad.eval.event_gold import GoldActor, GoldEvent, GoldSentence

NONE = "NONE"

MATCHING_RULES = """\
Events are matched within a sentence, one-to-one, greedily:
 1. type match: every (gold, predicted) pair with the same PLOVER type is scored by actor
    overlap (source + target; token-overlap F1 of the spans, or equal country when the gold has
    no span); pairs are taken best score first, ties by gold then prediction order. A taken pair
    is a true positive; other predictions are false positives, other typed gold events misses.
 2. pairing: the events left over (and gold events without a PLOVER type) are paired the same
    way regardless of type; these pairs fill the off-diagonal confusion cells and carry actor,
    CAMEO-root and PentaClass scores, but never count as type matches.
Sentence type accuracy: the sentence's first prediction has one of its gold types (no
prediction = wrong); 'any' accepts any prediction. Mode, country and sector accuracy are taken on
type matches whose gold has the attribute. Actor spans: precision over predicted spans and recall
over gold spans of all events, credit only through the event pairs of steps 1-2 (exact: same
offsets or text; overlap: token F1). CAMEO-root and PentaClass accuracy: over gold events with
the label; an unpaired gold event counts as wrong. dyad codes one event per dyad of a compound
actor ("sanctions on Iran, Libya and Sudan": three events, the copies' rule says compound:N); each
copy is a prediction like any other, so a gold set that codes the list once counts the copies as
false positives."""


@dataclass(frozen=True)
class PredEvent:
    """One predicted event, offsets relative to the gold sentence's text."""

    event_type: str
    mode: str | None = None
    cameo: str | None = None
    source_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_text: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    target_country: str | None = None
    target_sector: str | None = None
    reciprocal: bool = False
    pentaclass: int | None = None

    def actor(self, role: str) -> GoldActor | None:
        """The predicted source or target in the gold actor shape (None when absent)."""
        values = {
            k: getattr(self, f"{role}_{k}") for k in ("text", "start", "end", "country", "sector")
        }
        if all(v is None for v in values.values()):
            return None
        return GoldActor(**values)


def pred_from_event(event: Event, offset: int = 0) -> PredEvent:
    """A PredEvent from a coded Event; ``offset``: where the gold sentence starts in the article."""
    fields: dict[str, Any] = {}
    for role in ("source", "target"):
        part = getattr(event, role)
        if part is not None:
            fields[f"{role}_text"] = part.text
            fields[f"{role}_start"] = part.start - offset
            fields[f"{role}_end"] = part.end - offset
            if part.actor is not None:
                fields[f"{role}_country"] = part.actor.country
                fields[f"{role}_sector"] = part.actor.sector
    return PredEvent(
        event_type=event.event_type,
        mode=event.mode,
        cameo=event.cameo,
        reciprocal=event.reciprocal,
        **fields,
    )


# --- actor comparison ------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _tokens(sentence: str, actor: GoldActor) -> Counter[object]:
    if actor.start is not None and actor.end is not None:
        return Counter(
            m.start() for m in _WORD.finditer(sentence) if actor.start <= m.start() < actor.end
        )
    return Counter(w.casefold() for w in _WORD.findall(actor.text or ""))


def _token_f1(sentence: str, pred: GoldActor, gold: GoldActor) -> float:
    # Offsets are compared only when both sides have them; otherwise the words are.
    both_offsets = None not in (pred.start, gold.start)
    p = _tokens(sentence, pred if both_offsets else GoldActor(pred.text))
    g = _tokens(sentence, gold if both_offsets else GoldActor(gold.text))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _has_span(actor: GoldActor) -> bool:
    return actor.start is not None or bool(actor.text)


def _exact(pred: GoldActor, gold: GoldActor) -> bool:
    if pred.start is not None and gold.start is not None:
        return (pred.start, pred.end) == (gold.start, gold.end)
    return bool(pred.text and gold.text and pred.text.strip() == gold.text.strip())


def _gold_role(event: GoldEvent, role: str) -> tuple[GoldActor, ...]:
    if event.reciprocal:  # either side of a reciprocal pair may be named as source or target
        return event.sources + event.targets
    return event.sources if role == "source" else event.targets


def _role_score(sentence: str, pred: PredEvent, gold: GoldEvent, role: str) -> float:
    mine = pred.actor(role)
    if mine is None:
        return 0.0
    scores = [0.0]
    for actor in _gold_role(gold, role):
        if _has_span(actor) and _has_span(mine):
            scores.append(_token_f1(sentence, mine, actor))
        elif actor.country is not None:
            scores.append(float(actor.country == mine.country))
    return max(scores)


# --- alignment -------------------------------------------------------------------------------


def align(
    sentence: str, gold: Sequence[GoldEvent], pred: Sequence[PredEvent]
) -> list[tuple[int | None, int | None, str]]:
    """(gold index, pred index, kind), kind: match | pair | missed | spurious (MATCHING_RULES)."""
    free_gold, free_pred = set(range(len(gold))), set(range(len(pred)))
    out: list[tuple[int | None, int | None, str]] = []
    for kind in ("match", "pair"):
        candidates = []
        for g in free_gold:
            for p in free_pred:
                if kind == "match" and (
                    gold[g].event_type is None or gold[g].event_type != pred[p].event_type
                ):
                    continue
                score = _role_score(sentence, pred[p], gold[g], "source")
                score += _role_score(sentence, pred[p], gold[g], "target")
                candidates.append((-score, g, p))
        for _, g, p in sorted(candidates):
            if g in free_gold and p in free_pred:
                free_gold.discard(g)
                free_pred.discard(p)
                out.append((g, p, kind))
    out += [(g, None, "missed") for g in sorted(free_gold)]
    out += [(None, p, "spurious") for p in sorted(free_pred)]
    return out


# --- scoring ---------------------------------------------------------------------------------


def _ratio(hits: float, n: int) -> dict[str, Any]:
    return {"value": hits / n if n else None, "n": n}


def _prf(tp: float, n_pred: int, n_gold: int) -> dict[str, Any]:
    precision = tp / n_pred if n_pred else None
    recall = tp / n_gold if n_gold else None
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


class _Tally:
    """Counts gathered over sentences; ``result`` turns them into the metrics dict."""

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.gold_type: Counter[str] = Counter()
        self.pred_type: Counter[str] = Counter()
        self.tp_type: Counter[str] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.hits: Counter[str] = Counter()
        self.seen: Counter[str] = Counter()
        self.overlap: dict[str, float] = {"source": 0.0, "target": 0.0}  # summed token F1

    def check(self, name: str, ok: bool) -> None:
        self.seen[name] += 1
        self.hits[name] += ok


def _pentaclass(pred: PredEvent, table: Mapping[str, CameoMapping] | None) -> int | None:
    if pred.pentaclass is not None:
        return pred.pentaclass
    if pred.cameo:
        return pentaclass_for_cameo(pred.cameo)
    if table is not None and pred.event_type in PLOVER_TYPES:
        return pentaclass_for_plover(pred.event_type, pred.mode, table)
    return None


def _cameo(pred: PredEvent, table: Mapping[str, CameoMapping] | None) -> str | None:
    if pred.cameo or table is None or pred.event_type not in PLOVER_TYPES:
        return pred.cameo
    return cameo_for_plover(pred.event_type, pred.mode, None, table)


def _score_actors(
    t: _Tally, text: str, g: GoldEvent | None, p: PredEvent | None, typed: bool
) -> None:
    for role in ("source", "target"):
        golds = [a for a in _gold_role(g, role) if _has_span(a)] if g else []
        mine = p.actor(role) if p else None
        # Recall counts the gold's own role (a reciprocal pair may list no target at all).
        own = (g.sources if role == "source" else g.targets) if g else ()
        t.count[f"{role}_gold"] += any(_has_span(a) for a in own)
        t.count[f"{role}_pred"] += bool(mine and _has_span(mine))
        if golds and mine and _has_span(mine):
            t.count[f"{role}_exact"] += any(_exact(mine, a) for a in golds)
            t.overlap[role] += max(_token_f1(text, mine, a) for a in golds)
        if typed and g and p and (own or mine):
            countries = {a.country for a in _gold_role(g, role) if a.country}
            sectors = {a.sector for a in _gold_role(g, role) if a.sector}
            if countries:
                t.check(f"{role}_country", mine is not None and mine.country in countries)
            if sectors:
                t.check(f"{role}_sector", mine is not None and mine.sector in sectors)


def _score_sentence(
    t: _Tally,
    sentence: GoldSentence,
    preds: Sequence[PredEvent],
    table: Mapping[str, CameoMapping] | None,
) -> None:
    gold_types = {e.event_type for e in sentence.events if e.event_type}
    if gold_types:
        t.check("sentence", bool(preds) and preds[0].event_type in gold_types)
        t.check("sentence_any", any(p.event_type in gold_types for p in preds))
    elif not sentence.events:
        t.check("no_event", not preds)
    t.count["pred_events"] += len(preds)
    for g_i, p_i, kind in align(sentence.text, sentence.events, preds):
        g = sentence.events[g_i] if g_i is not None else None
        p = preds[p_i] if p_i is not None else None
        if p is not None:
            t.pred_type[p.event_type] += 1
        if g is not None and g.event_type:
            t.gold_type[g.event_type] += 1
        if kind == "match" and g is not None and p is not None:
            t.tp_type[p.event_type] += 1
            if g.mode:
                t.check("mode", p.mode == g.mode)
        gold_cell = g.event_type if g is not None and g.event_type else None
        if gold_cell is not None or p is not None:
            t.confusion[(gold_cell or NONE, p.event_type if p is not None else NONE)] += 1
        _score_actors(t, sentence.text, g, p, kind == "match")
        if g is not None and g.pentaclass is not None:
            t.check("pentaclass", p is not None and _pentaclass(p, table) == g.pentaclass)
        if g is not None and g.cameo:
            code = _cameo(p, table) if p is not None else None
            t.check("cameo_root", bool(code) and cameo_root(code or "") == cameo_root(g.cameo))


def score_events(
    gold: Iterable[GoldSentence],
    predictions: Mapping[str, Sequence[PredEvent]],
    table: Mapping[str, CameoMapping] | None = None,
    label: str = "",
) -> dict[str, Any]:
    """All event metrics for ``predictions`` (sent_id -> events, first = primary) against gold.

    ``table`` (CAMEO2PLOVER) lets PentaClass and CAMEO root be derived for predictions that give
    only a PLOVER type.
    """
    t = _Tally()
    sentences = list(gold)
    for sentence in sentences:
        _score_sentence(t, sentence, predictions.get(sentence.sent_id, ()), table)
    tp, n_pred, n_gold = (
        sum(t.tp_type.values()),
        sum(t.pred_type.values()),
        sum(t.gold_type.values()),
    )
    per_type = {}
    for event_type in sorted(
        set(PLOVER_TYPES) | set(t.gold_type) | set(t.pred_type), key=_type_order
    ):
        per_type[event_type] = _prf(
            t.tp_type[event_type], t.pred_type[event_type], t.gold_type[event_type]
        )
        per_type[event_type] |= {
            "support": t.gold_type[event_type],
            "predicted": t.pred_type[event_type],
            "tp": t.tp_type[event_type],
        }
    scored = [ty for ty in PLOVER_TYPES if t.gold_type[ty] or t.pred_type[ty]]
    f1s = [per_type[ty]["f1"] or 0.0 for ty in scored]
    actors = {}
    for role in ("source", "target"):
        gold_n, pred_n = t.count[f"{role}_gold"], t.count[f"{role}_pred"]
        actors[role] = {
            "gold_spans": gold_n,
            "pred_spans": pred_n,
            # No gold spans at all (PETR-2 has codes only): span scores are undefined, not zero.
            "exact": _prf(t.count[f"{role}_exact"], pred_n, gold_n) if gold_n else None,
            "overlap": _prf(t.overlap[role], pred_n, gold_n) if gold_n else None,
            "country_accuracy": _ratio(t.hits[f"{role}_country"], t.seen[f"{role}_country"]),
            "sector_accuracy": _ratio(t.hits[f"{role}_sector"], t.seen[f"{role}_sector"]),
        }
    labels = [ty for ty in per_type if t.gold_type[ty] or t.pred_type[ty]] + [NONE]
    return {
        "label": label,
        "sentences": len(sentences),
        "gold_events": sum(len(s.events) for s in sentences),
        "typed_gold_events": n_gold,
        "pred_events": t.count["pred_events"],
        "matching_rules": MATCHING_RULES,
        "sentence_type_accuracy": _ratio(t.hits["sentence"], t.seen["sentence"]),
        "sentence_any_type_accuracy": _ratio(t.hits["sentence_any"], t.seen["sentence_any"]),
        "no_event_accuracy": _ratio(t.hits["no_event"], t.seen["no_event"]),
        "micro": _prf(tp, n_pred, n_gold) | {"tp": tp, "fp": n_pred - tp, "fn": n_gold - tp},
        "per_type": per_type,
        "macro_f1": sum(f1s) / len(f1s) if f1s else None,
        "macro_f1_types": scored,
        "confusion": {g: {p: t.confusion[(g, p)] for p in labels} for g in labels},
        "mode_accuracy": _ratio(t.hits["mode"], t.seen["mode"]),
        "actors": actors,
        "cameo_root_accuracy": _ratio(t.hits["cameo_root"], t.seen["cameo_root"]),
        "pentaclass_accuracy": _ratio(t.hits["pentaclass"], t.seen["pentaclass"]),
        "pentaclass_names": list(PENTACLASS_NAMES),
    }


def _type_order(event_type: str) -> tuple[int, str]:
    order = PLOVER_TYPES.index(event_type) if event_type in PLOVER_TYPES else len(PLOVER_TYPES)
    return order, event_type


# --- report ----------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:5.1f}"


def _acc(metric: Mapping[str, Any]) -> str:
    return f"{_pct(metric['value'])}%  (n={metric['n']})"


def render_report(metrics: Mapping[str, Any]) -> str:
    """Text tables of ``score_events`` output, with the matching rules spelled out."""
    m = metrics
    micro = m["micro"]
    lines = [
        f"Event scores {m['label']}".rstrip(),
        f"sentences {m['sentences']}  gold events {m['gold_events']} "
        f"(typed {m['typed_gold_events']})  predicted {m['pred_events']}",
        "",
        f"sentence type accuracy (first prediction) {_acc(m['sentence_type_accuracy'])}",
        f"sentence type accuracy (any prediction)   {_acc(m['sentence_any_type_accuracy'])}",
        f"no-event sentences left empty             {_acc(m['no_event_accuracy'])}",
        f"micro  P {_pct(micro['precision'])}  R {_pct(micro['recall'])}  F1 {_pct(micro['f1'])}"
        f"  (tp {micro['tp']}, fp {micro['fp']}, fn {micro['fn']})",
        f"macro F1 {_pct(m['macro_f1'])} over {len(m['macro_f1_types'])} types present",
        f"mode accuracy (type matches)              {_acc(m['mode_accuracy'])}",
        f"CAMEO root accuracy                       {_acc(m['cameo_root_accuracy'])}",
        f"PentaClass accuracy                       {_acc(m['pentaclass_accuracy'])}",
        "",
        f"{'type':<10} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'pred':>5}",
    ]
    for event_type, row in m["per_type"].items():
        if row["support"] or row["predicted"]:
            lines.append(
                f"{event_type:<10} {_pct(row['precision'])} {_pct(row['recall'])} "
                f"{_pct(row['f1'])} {row['support']:>5} {row['predicted']:>5}"
            )
    lines += [
        "",
        f"{'actor':<7} {'spans g/p':>9}  exact P/R/F1       overlap P/R/F1     country  sector",
    ]
    for role, row in m["actors"].items():
        spans = [
            row[k] or {"precision": None, "recall": None, "f1": None} for k in ("exact", "overlap")
        ]
        lines.append(
            f"{role:<7} {row['gold_spans']:>4}/{row['pred_spans']:<4}  "
            + "  ".join(" ".join(_pct(s[k]) for k in ("precision", "recall", "f1")) for s in spans)
            + f"  {_pct(row['country_accuracy']['value'])}  {_pct(row['sector_accuracy']['value'])}"
        )
    labels = list(m["confusion"])
    lines += [
        "",
        "confusion (rows gold, columns predicted)",
        " " * 9 + "".join(f"{x[:4]:>5}" for x in labels),
    ]
    for gold_label in labels:
        cells = "".join(f"{m['confusion'][gold_label][p] or '.':>5}" for p in labels)
        lines.append(f"{gold_label[:8]:<9}{cells}")
    return "\n".join([*lines, "", m["matching_rules"], ""])
