"""Full-pipeline place evaluation: the real toponym finder and linker, scored on gold articles.

``evaluate_places(path)`` parses each gold article with dyad's spaCy pipeline, finds and resolves
its toponyms as ``code_article`` does, and scores recognition (P/R/F1, exact and overlap) and
end-to-end resolution; on event_location it scores which place each gold event trigger is linked
to. Each corpus is split deterministically (sorted document id, even position = dev, odd = test):
rules are tuned on dev only, test is reported beside it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from dyad.article import Place
from dyad.eval.geo import (
    EventLocationExample,
    GeoGoldDoc,
    GoldToponym,
    _prf,
    read_event_location,
    read_gold,
    score_recognition,
    score_resolution,
)
from dyad.nlp.model import load_nlp
from dyad.resolve.gazetteer import Candidate, load_gazetteer
from dyad.resolve.geo_document import resolve_document
from dyad.resolve.linking import link_place
from dyad.resolve.places import resolve_places

SPLITS = ("dev", "test", "all")


def split_ids(ids: Iterable[str]) -> dict[str, str]:
    """Deterministic dev/test split: ids sorted, even positions dev, odd positions test."""
    return {i: ("dev" if n % 2 == 0 else "test") for n, i in enumerate(sorted(set(ids)))}


def _in_split(split: str, wanted: str) -> bool:
    return wanted == "all" or split == wanted


def _as_candidate(place: Place) -> Candidate | None:
    if not place.resolved or place.lat is None or place.lon is None:
        return None
    return Candidate(
        place.geonameid, place.name or place.text, place.lat, place.lon, place.country,
        place.admin1, 0, place.precision or "city", "", place.within, "",
    )  # fmt: skip


def _recognised_pairs(
    gold: Sequence[GoldToponym], places: Sequence[Place]
) -> list[tuple[GoldToponym, Candidate | None]]:
    """Gold toponyms with coordinates that some predicted place overlaps, with its resolution."""
    pairs = []
    for toponym in gold:
        if toponym.lat is None or toponym.lon is None:
            continue
        hit = next((p for p in places if p.start < toponym.end and toponym.start < p.end), None)
        if hit is not None:
            pairs.append((toponym, _as_candidate(hit)))
    return pairs


def find_places(texts: Sequence[str]) -> tuple[list[Doc], list[list[Place]], float, float]:
    """Parse of each text and its places as the pipeline finds them, with parse and resolution
    seconds."""
    nlp = load_nlp()
    load_gazetteer()  # built before the clocks start
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parsed = time.perf_counter()
    places = [resolve_places(doc, 0, []) for doc in docs]
    return docs, places, parsed - started, time.perf_counter() - parsed


def _corpus_report(docs: Sequence[GeoGoldDoc], found: Sequence[Sequence[Place]]) -> dict:
    predicted = {
        d.doc_id: [(p.start, p.end) for p in ps] for d, ps in zip(docs, found, strict=True)
    }
    recognition = score_recognition(docs, predicted)
    pairs = [
        pair
        for d, ps in zip(docs, found, strict=True)
        for pair in _recognised_pairs(d.toponyms, ps)
    ]
    on_gold_spans: list[tuple[GoldToponym, Candidate | None]] = []
    for doc in docs:
        gold = [t for t in doc.toponyms if t.lat is not None and t.lon is not None]
        resolutions = resolve_document([t.name for t in gold], doc.text)
        on_gold_spans.extend((t, r.candidate) for t, r in zip(gold, resolutions, strict=True))
    return {
        "documents": len(docs),
        "recognition": {mode: vars(prf) for mode, prf in recognition.items()},
        "resolution": score_resolution(pairs),
        "resolution_on_gold_spans": score_resolution(on_gold_spans),
    }


def evaluate_places(path: Path) -> dict[str, object]:
    """Score recognition and end-to-end resolution on a Gritta corpus (lgl.xml, GeoVirus.xml,
    GWN.xml), or event-location linking on an event_location JSON Lines file."""
    path = Path(path)
    if path.suffix == ".jsonl":
        return evaluate_event_linking(path)
    docs = read_gold(path)
    _, found, parse_s, resolve_s = find_places([d.text for d in docs])
    splits = split_ids(d.doc_id for d in docs)
    report: dict[str, object] = {"dataset": path.name}
    for split in SPLITS:
        chosen = [
            (d, f) for d, f in zip(docs, found, strict=True) if _in_split(splits[d.doc_id], split)
        ]
        report[split] = _corpus_report([d for d, _ in chosen], [f for _, f in chosen])
    toponyms = sum(len(f) for f in found)
    report["speed"] = {
        "toponyms": toponyms,
        "toponyms_per_s": round(toponyms / resolve_s, 1) if resolve_s else 0.0,
        "parse_s": round(parse_s, 1),
        "resolve_s": round(resolve_s, 2),
    }
    return report


def _trigger_head(doc: Doc, trigger: tuple[int, int]) -> int | None:
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


def link_example(doc: Doc, places: list[Place], example: EventLocationExample) -> Place | None:
    """The place dyad's linker gives the event whose trigger is the example's gold verb span."""
    head = _trigger_head(doc, example.trigger)
    if head is None:
        return None
    linked = link_place(doc, doc[head], 0, places, None)
    if linked is None:
        return None
    return next((p for p in places if (p.start, p.end) == (linked.start, linked.end)), None)


def evaluate_event_linking(path: Path, limit: int | None = None) -> dict[str, object]:
    """Event-location linking P/R/F1 over the examples (one per gold trigger): a linked place is
    right (tp) when it overlaps one of the record's LOCATION spans (an event may be at several);
    a wrong link is a false positive, and also a false negative when the gold has a location; a
    link where the gold has none is a false positive; no link where it has one is a false
    negative."""
    examples = read_event_location(Path(path))[:limit]
    texts = list(dict.fromkeys(e.text for e in examples))
    parsed, found, parse_s, resolve_s = find_places(texts)
    docs = dict(zip(texts, parsed, strict=True))
    places = dict(zip(texts, found, strict=True))
    splits = split_ids(e.example_id for e in examples)
    counts = {split: [0, 0, 0, 0] for split in SPLITS}  # tp, fp, fn, examples
    for example in examples:
        linked = link_example(docs[example.text], places[example.text], example)
        golds = example.locations or ((example.location,) if example.location else ())
        right = linked is not None and any(
            linked.start < end and start < linked.end for start, end in golds
        )
        for split in SPLITS:
            if not _in_split(splits[example.example_id], split):
                continue
            row = counts[split]
            row[0] += right
            row[1] += linked is not None and not right
            row[2] += bool(golds) and not right
            row[3] += 1
    report: dict[str, object] = {"dataset": Path(path).name}
    for split, (tp, fp, fn, n) in counts.items():
        report[split] = {"examples": n, "linking": vars(_prf(tp, fp, fn))}
    report["speed"] = {"parse_s": round(parse_s, 1), "resolve_s": round(resolve_s, 2)}
    return report
