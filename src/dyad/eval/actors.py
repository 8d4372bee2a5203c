"""`dyad eval actors`: country and sector of event actors against the event gold sets.

Two figures per set: end to end (our event participants whose span overlaps a gold actor span)
and on gold spans (the resolver run on the gold actor's own words, independent of event
detection). A gold sample article (.json) gets the per-alias check of its ``actors`` list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from dyad.article import Actor, Article, Participant, article_id_for
from dyad.eval.event_gold import NON_STATE, GoldActor, GoldSentence, dev_test_split
from dyad.eval.event_scoring import align, pred_from_event
from dyad.eval.events import KNOWN_SETS, read_gold
from dyad.nlp.model import parse
from dyad.pipeline import code_article
from dyad.resolve.actor_kb import load_actor_kb
from dyad.resolve.actors import ActorResolver

ACTOR_SETS = ("plover_gsr", "petr2_gsr_validation")

MATCHING_RULES = """\
Country is the first slot of a Phoenix code: an ISO3 code, or IGO/NGO/IMG/... for non-state
actors (an actor with no country and a non-state sector is that sector). The sector is the first
primary role after it (USAGOVMIL -> GOV: a defence minister, GOVMIL, is GOV; PLOVER GSR's CIV,
MED (medical) and JRN (journalist) are CVL, HLH and MED). Country accuracy is taken over gold
actors that have that slot, sector accuracy over gold actors that name a sector; a gold actor
left unresolved counts as wrong.
 end-to-end: each gold source/target span is matched to the predicted event participant (any
   event of the sentence, any role) with the highest token overlap; no overlap = not matched
   (coverage says how many matched). Sets without gold spans (PETR-2) compare the source and
   target of events paired as in `dyad eval events` instead.
 gold spans: the sentence is parsed, every mention resolved in text order, then the mention
   headed by the root of the gold span's tokens is read (ActorResolver.mention_for)."""

_WORD = re.compile(r"\w+")


def country_slot(country: str | None, sector: str | None) -> str | None:
    """The Phoenix first slot: ISO3, or the non-state code (IGO, NGO, ...) for non-state actors."""
    if country:
        return country
    return sector if sector in NON_STATE else None


def _words(start: int, end: int, text: str) -> set[int]:
    return {m.start() for m in _WORD.finditer(text) if start <= m.start() < end}


def _overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    wa, wb = _words(*a, text), _words(*b, text)
    common = len(wa & wb)
    return 2 * common / (len(wa) + len(wb)) if common else 0.0


class _Tally:
    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()
        self.hits: Counter[str] = Counter()
        self.errors: list[dict[str, Any]] = []

    def score(
        self, sent_id: str, gold: GoldActor, text: str | None, actor: Actor | None, how: str
    ) -> None:
        gold_slot = country_slot(gold.country, gold.sector)
        mine_slot = country_slot(actor.country, actor.sector) if actor else None
        mine_sector = actor.sector if actor else None
        ok = True
        if gold_slot:
            self.seen["country"] += 1
            self.hits["country"] += mine_slot == gold_slot
            ok = ok and mine_slot == gold_slot
        if gold.sector:
            self.seen["sector"] += 1
            self.hits["sector"] += mine_sector == gold.sector
            ok = ok and mine_sector == gold.sector
        if not ok:
            self.errors.append(
                {
                    "sent_id": sent_id,
                    "gold_text": gold.text,
                    "gold": f"{gold_slot or '---'}/{gold.sector or '-'}",
                    "text": text,
                    "pred": f"{mine_slot or '---'}/{mine_sector or '-'}",
                    "resolved_by": actor.resolved_by if actor else None,
                    "how": how,
                }
            )

    def result(self, show_errors: bool, extra: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = dict(extra)
        for name in ("country", "sector"):
            n = self.seen[name]
            out[f"{name}_accuracy"] = {"value": self.hits[name] / n if n else None, "n": n}
        if show_errors:
            out["errors"] = self.errors
        return out


def _gold_actors(sentence: GoldSentence) -> Iterable[tuple[str, GoldActor]]:
    for event in sentence.events:
        for actor in event.sources:
            yield "source", actor
        for actor in event.targets:
            yield "target", actor


def _code(sentence: GoldSentence) -> list[Any]:
    article = Article(
        id=article_id_for(sentence.text), text=sentence.text, date=None, date_source="none"
    )
    return list(code_article(article).events)


def _end_to_end_spans(sentences: list[GoldSentence], show: bool) -> dict[str, Any]:
    t = _Tally()
    gold_n = matched = 0
    for sentence in sentences:
        parts: list[Participant] = [
            p for e in _code(sentence) for p in (e.source, e.target) if p is not None
        ]
        for role, gold in _gold_actors(sentence):
            if gold.start is None or gold.end is None:
                continue
            gold_n += 1
            scored = [
                (_overlap(sentence.text, (p.start, p.end), (gold.start, gold.end)), n)
                for n, p in enumerate(parts)
            ]
            best = max(scored, default=(0.0, -1))
            if best[0] <= 0.0:
                continue
            matched += 1
            part = parts[best[1]]
            t.score(sentence.sent_id, gold, part.text, part.actor, f"e2e-{role}")
    return t.result(show, {"gold_spans": gold_n, "matched": matched})


def _end_to_end_codes(sentences: list[GoldSentence], show: bool) -> dict[str, Any]:
    """For sets with codes only: source/target of event pairs aligned as in `eval events`."""
    t = _Tally()
    gold_n = paired = 0
    for sentence in sentences:
        events = _code(sentence)
        preds = [pred_from_event(e) for e in events]
        gold_n += sum(1 for _ in _gold_actors(sentence))
        for g_i, p_i, _kind in align(sentence.text, sentence.events, preds):
            if g_i is None or p_i is None:
                continue
            for role in ("source", "target"):
                gold = getattr(sentence.events[g_i], role)
                part = getattr(events[p_i], role)
                if gold is None or part is None:
                    continue
                paired += 1
                t.score(sentence.sent_id, gold, part.text, part.actor, f"pair-{role}")
    return t.result(show, {"gold_actors": gold_n, "paired": paired})


def _on_gold_spans(sentences: list[GoldSentence], show: bool) -> dict[str, Any]:
    t = _Tally()
    gold_n = located = 0
    kb = load_actor_kb()
    for sentence in sentences:
        actors = [(r, a) for r, a in _gold_actors(sentence) if a.start is not None]
        gold_n += len(actors)
        if not actors:
            continue
        doc = parse(sentence.text)
        resolver = ActorResolver(doc, 0, kb, None)
        resolver.resolve_all()
        for role, gold in actors:
            assert gold.start is not None and gold.end is not None
            span = doc.char_span(gold.start, gold.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            located += 1
            mention = resolver.mention_for(span.root.i)
            t.score(sentence.sent_id, gold, mention.text, mention.actor, f"gold-{role}")
    return t.result(show, {"gold_spans": gold_n, "located": located})


def _split(sentences: list[GoldSentence], split: str) -> list[GoldSentence]:
    if split == "all":
        return sentences
    dev, test = dev_test_split(sentences)
    return dev if split == "dev" else test


def evaluate_actors(
    path: Path, split: str = "dev", progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Actor country/sector accuracy on one event set, every set under a folder, or a sample.

    Per-actor errors are listed for the dev split only (test is never looked at in detail).
    """
    if split not in {"dev", "test", "all"}:
        raise ValueError("split must be dev, test or all")
    path = Path(path)
    if path.suffix == ".json":
        return {"split": "sample", "sample": evaluate_sample_actors(path)}
    if path.name in KNOWN_SETS:
        datasets = [path] if path.name in ACTOR_SETS else []
    else:
        datasets = [path / n for n in ACTOR_SETS if (path / n).exists()]
    if not datasets:
        raise ValueError(f"no actor gold set under {path} (expected {', '.join(ACTOR_SETS)})")
    show = split == "dev"
    report: dict[str, Any] = {"split": split, "matching_rules": MATCHING_RULES, "sets": {}}
    for dataset in datasets:
        if progress:
            progress(dataset.name)
        sentences = _split(read_gold(dataset), split)
        has_spans = any(a.start is not None for s in sentences for _, a in _gold_actors(s))
        report["sets"][dataset.name] = {
            "sentences": len(sentences),
            "end_to_end": (_end_to_end_spans if has_spans else _end_to_end_codes)(sentences, show),
            "gold_spans": _on_gold_spans(sentences, show) if has_spans else None,
        }
    return report


def evaluate_sample_actors(gold_path: Path) -> dict[str, Any]:
    """Every alias of every actor in a sample gold's ``actors`` list: found and resolved right."""
    from dyad.eval.sample import article_path_for, load_sample_gold
    from dyad.ingest.text import read_text_file

    gold = load_sample_gold(gold_path)
    article = read_text_file(article_path_for(gold_path, gold))
    mentions = code_article(article).mentions
    rows = []
    for g in gold["actors"]:
        for alias in [g["name"], *g.get("aliases", [])]:
            pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")
            hits = {
                (m.start, m.end): m
                for found in pattern.finditer(article.text)
                for m in mentions
                if m.start < found.end() and found.start() < m.end
            }
            wrong = [
                f"{m.text} -> {m.actor.country if m.actor else None}/"
                f"{m.actor.sector if m.actor else None}"
                for m in hits.values()
                if not (
                    m.actor and m.actor.country == g["country"] and m.actor.sector == g["sector"]
                )
            ]
            rows.append(
                {
                    "actor": g["name"],
                    "alias": alias,
                    "mentions": len(hits),
                    "right": len(hits) - len(wrong),
                    "wrong": wrong,
                }
            )
    aliases = [r for r in rows if r["alias"] != r["actor"] or r["mentions"]]
    return {
        "rule": "each occurrence of an alias in the text is checked through the mentions that "
        "overlap it; an alias is right when it has mentions and all are resolved right",
        "actors": len(gold["actors"]),
        "aliases": len(aliases),
        "aliases_found": sum(1 for r in aliases if r["mentions"]),
        "aliases_all_right": sum(1 for r in aliases if r["mentions"] and not r["wrong"]),
        "mentions": sum(r["mentions"] for r in rows),
        "mentions_right": sum(r["right"] for r in rows),
        "rows": rows,
    }


def render_actor_report(report: dict[str, Any]) -> str:
    """Plain-text summary of ``evaluate_actors`` output."""

    def acc(metric: dict[str, Any]) -> str:
        value = metric["value"]
        return f"{'  -  ' if value is None else f'{100 * value:5.1f}'}% (n={metric['n']})"

    if "sample" in report:
        s = report["sample"]
        lines = [
            f"sample actors: {s['actors']} actors, aliases found {s['aliases_found']}/"
            f"{s['aliases']}, all right {s['aliases_all_right']}/{s['aliases']}; mentions right "
            f"{s['mentions_right']}/{s['mentions']}"
        ]
        for row in s["rows"]:
            status = "ok" if row["mentions"] and not row["wrong"] else "MISSING"
            if not row["mentions"] and row["alias"] == row["actor"]:
                status = "(name not in the text)"
            if row["wrong"]:
                status = "WRONG " + "; ".join(row["wrong"])
            lines.append(
                f"  {row['actor']:<26} {row['alias']!r:<52} {row['mentions']:>2}  {status}"
            )
        return "\n".join(lines)
    lines = [f"Actor scores ({report['split']})"]
    for name, block in report["sets"].items():
        e2e = block["end_to_end"]
        cover = (
            f"matched {e2e['matched']}/{e2e['gold_spans']} gold spans"
            if "matched" in e2e
            else f"paired {e2e['paired']} of {e2e['gold_actors']} gold actors"
        )
        lines += [
            f"{name}: {block['sentences']} sentences",
            f"  end to end   country {acc(e2e['country_accuracy'])}  "
            f"sector {acc(e2e['sector_accuracy'])}  {cover}",
        ]
        gold = block["gold_spans"]
        if gold is not None:
            lines.append(
                f"  gold spans   country {acc(gold['country_accuracy'])}  "
                f"sector {acc(gold['sector_accuracy'])}  located {gold['located']}/"
                f"{gold['gold_spans']}"
            )
        else:
            lines.append("  gold spans   - (the set gives codes, no actor spans)")
    return "\n".join([*lines, "", report["matching_rules"]])
