"""Geoparsing evaluation: gold readers (LGL, GeoVirus, GeoWebNews, event_location) and scorers.

Run ``python -m dyad.eval.geo ../shared/eval/geo/lgl/lgl.xml ...`` for resolution reports.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.resolve.gazetteer import Candidate, load_gazetteer
from dyad.resolve.geo import haversine_km
from dyad.resolve.geo_document import resolve_document

ACCURACY_KM = 161.0
MISS_KM = 20_039.0  # half the Earth's circumference: the error charged for an unresolved toponym


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str | None = None  # GeoWebNews type (Literal, Metonymic...); fclass/fcode for LGL


@dataclass(frozen=True)
class GeoGoldDoc:
    doc_id: str
    text: str
    toponyms: list[GoldToponym]


@dataclass(frozen=True)
class EventLocationExample:
    """One event_location record: a trigger verb and the span where its event happened."""

    example_id: str
    text: str
    trigger: tuple[int, int]
    location: tuple[int, int] | None  # None: the sentence gives no location for the event
    source: str
    # Every LOCATION span of the record: an event at several places ("two in Miranshah and four
    # in Mir Ali") or a name the annotator marked word by word ("West", "Bank"); linking to any
    # of them is right. ``location`` is the first.
    locations: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _int(value: str | None) -> int | None:
    return int(value) if value not in (None, "") else None


def read_lgl(path: Path) -> list[GeoGoldDoc]:
    """LGL (lgl.xml): every <toponym>; those without <gaztag> have no coordinates."""
    docs: list[GeoGoldDoc] = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            toponyms.append(
                GoldToponym(
                    start=int(t.findtext("start") or 0),
                    end=int(t.findtext("end") or 0),
                    name=t.findtext("phrase") or "",
                    lat=_float(tag.findtext("lat")) if tag is not None else None,
                    lon=_float(tag.findtext("lon")) if tag is not None else None,
                    geonameid=_int(tag.get("geonameid")) if tag is not None else None,
                    kind=tag.findtext("fcode") if tag is not None else None,
                )
            )
        docs.append(GeoGoldDoc(article.get("docid") or str(len(docs)), text, toponyms))
    return docs


def read_geovirus(path: Path) -> list[GeoGoldDoc]:
    """GeoVirus.xml. Its <start>/<end> are one past the Python offsets; they are corrected here."""
    docs = []
    for number, article in enumerate(ET.parse(path).getroot().iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for loc in article.iter("location"):
            start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            name = loc.findtext("name") or ""
            if text[start - 1 : end - 1] == name:  # the file's offsets are shifted by one
                start, end = start - 1, end - 1
            toponyms.append(
                GoldToponym(
                    start, end, name, _float(loc.findtext("lat")), _float(loc.findtext("lon")), None
                )
            )
        docs.append(GeoGoldDoc(f"geovirus-{number}", text, toponyms))
    return docs


def read_geowebnews(path: Path, with_coordinates_only: bool = True) -> list[GeoGoldDoc]:
    """GWN.xml; by default only the toponyms with coordinates (literal, metonymic... places)."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if with_coordinates_only and (lat is None or lon is None):
                continue
            toponyms.append(
                GoldToponym(
                    start=int(t.findtext("start") or 0),
                    end=int(t.findtext("end") or 0),
                    name=t.findtext("extractedName") or "",
                    lat=lat,
                    lon=lon,
                    geonameid=_int(t.findtext("geonamesID")),
                    kind=t.findtext("type"),
                )
            )
        docs.append(GeoGoldDoc(f"gwn-{article.get('file')}", text, toponyms))
    return docs


def read_gold(path: Path) -> list[GeoGoldDoc]:
    """Read any of the three geoparsing corpora, chosen by file name."""
    readers = {"lgl.xml": read_lgl, "geovirus.xml": read_geovirus, "gwn.xml": read_geowebnews}
    reader = readers.get(Path(path).name.lower())
    if reader is None:
        raise ValueError(f"{path}: unknown geoparsing corpus (expected {sorted(readers)})")
    return reader(Path(path))


def _span(record: dict, span: dict) -> tuple[int, int] | None:
    """Character span of a Prodigy span. About 700 have start == end and about 200 character
    offsets that disagree with their own text and tokens ("w" for "Las Vegas"): those take their
    tokens' offsets (when in range and agreeing with the span's text), else the first occurrence
    of that text."""
    text, tokens, wanted = record["text"], record["tokens"], span.get("text")
    start, end = span["start"], span["end"]
    by_tokens = None
    if 0 <= span.get("token_start", -1) <= span.get("token_end", -1) < len(tokens):
        by_tokens = tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]
    if end > start and text[start:end] == wanted:
        return start, end
    if end > start and wanted is None and (by_tokens is None or _token_aligned(tokens, start, end)):
        return start, end
    if by_tokens is not None and (wanted is None or text[by_tokens[0] : by_tokens[1]] == wanted):
        return by_tokens
    found = text.find(wanted) if wanted else -1
    return (found, found + len(wanted)) if wanted and found >= 0 else None


def _token_aligned(tokens: list[dict], start: int, end: int) -> bool:
    """Whether a character span starts and ends on the record's token boundaries."""
    return any(t["start"] == start for t in tokens) and any(t["end"] == end for t in tokens)


def read_event_location(path: Path) -> list[EventLocationExample]:
    """event_location JSON Lines: one example per VERB span, with its LOCATION span if any."""
    examples = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("answer", "accept") != "accept":
                continue
            spans = record.get("spans") or []
            verbs = [v for s in spans if s["label"] == "VERB" and (v := _span(record, s))]
            places = [p for s in spans if s["label"] == "LOCATION" and (p := _span(record, s))]
            for verb in verbs:
                examples.append(
                    EventLocationExample(
                        example_id=str(record.get("_id", f"line-{number}")),
                        text=record["text"],
                        trigger=verb,
                        location=places[0] if places else None,
                        source=record.get("source", ""),
                        locations=tuple(places),
                    )
                )
    return examples


def _prf(tp: int, fp: int, fn: int) -> PRF:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(round(precision, 4), round(recall, 4), round(f1, 4), tp, fp, fn)


def score_recognition(
    gold_docs: Sequence[GeoGoldDoc], predicted: Mapping[str, Iterable[tuple[int, int]]]
) -> dict[str, PRF]:
    """Toponym recognition P/R/F1, by exact span and by overlap (each gold span matched once)."""
    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    for doc in gold_docs:
        gold = sorted({(t.start, t.end) for t in doc.toponyms})
        pred = sorted(set(predicted.get(doc.doc_id, ())))
        exact = len(set(gold) & set(pred))
        counts["exact"][0] += exact
        counts["exact"][1] += len(pred) - exact
        counts["exact"][2] += len(gold) - exact
        unmatched = list(gold)
        overlap = 0
        for start, end in pred:
            hit = next((g for g in unmatched if g[0] < end and start < g[1]), None)
            if hit is not None:
                unmatched.remove(hit)
                overlap += 1
        counts["overlap"][0] += overlap
        counts["overlap"][1] += len(pred) - overlap
        counts["overlap"][2] += len(gold) - overlap
    return {mode: _prf(*c) for mode, c in counts.items()}


def score_resolution(pairs: Iterable[tuple[GoldToponym, Candidate | None]]) -> dict[str, float]:
    """Accuracy@161 km, median/mean error (unresolved = 20,039 km) and exact GeoNames id rate."""
    errors: list[float] = []
    resolved = with_id = same_id = 0
    for gold, candidate in pairs:
        if gold.lat is None or gold.lon is None:
            continue
        if candidate is None:
            errors.append(MISS_KM)
        else:
            resolved += 1
            errors.append(haversine_km(gold.lat, gold.lon, candidate.lat, candidate.lon))
        if gold.geonameid is not None:
            with_id += 1
            same_id += candidate is not None and candidate.geonameid == gold.geonameid
    n = len(errors)
    return {
        "n": n,
        "coverage": round(resolved / n, 4) if n else 0.0,
        "acc@161km": round(sum(e <= ACCURACY_KM for e in errors) / n, 4) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else 0.0,
        "mean_km": round(statistics.fmean(errors), 1) if n else 0.0,
        "exact_geonameid": round(same_id / with_id, 4) if with_id else 0.0,
    }


def evaluate_resolution_on_gold_spans(dataset_path: Path) -> dict[str, object]:
    """Resolve each document's gold toponym strings together (context: the other gold names
    and the countries in the text) and score them against the gold coordinates."""
    docs = read_gold(Path(dataset_path))
    load_gazetteer()  # built before the clock starts: the figure is resolution speed
    pairs: list[tuple[GoldToponym, Candidate | None]] = []
    started = time.perf_counter()
    for doc in docs:
        gold = [t for t in doc.toponyms if t.lat is not None and t.lon is not None]
        resolutions = resolve_document([t.name for t in gold], doc.text)
        pairs.extend((t, r.candidate) for t, r in zip(gold, resolutions, strict=True))
    elapsed = time.perf_counter() - started
    report: dict[str, object] = {"dataset": Path(dataset_path).name, "docs": len(docs)}
    report.update(score_resolution(pairs))
    report["toponyms_per_s"] = round(len(pairs) / elapsed, 1) if elapsed else 0.0
    return report


def main(argv: Sequence[str]) -> None:
    """Print a resolution report per dataset path."""
    for path in argv:
        print(json.dumps(evaluate_resolution_on_gold_spans(Path(path))))


if __name__ == "__main__":
    main(sys.argv[1:])
