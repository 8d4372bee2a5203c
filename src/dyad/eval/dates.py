"""Score date finding and normalisation against TIMEX3 gold: MEANTIME (CAT XML) and TimeML.

Recognition is scored on TimeML extents (a leading signal such as "on" is trimmed from our
spans, but not a modifier that TIMEX3 keeps: "about three weeks", "over six years" against "over
the weekend"; "from 2009 to 2011" also yields its two years, "October of next year" is cut in two);
normalisation compares ``to_timex3`` with the gold ``value`` on recognised DATE timexes.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.extract.dates import find_date_expressions
from dyad.resolve.time import resolve_date_expression, resolve_in_context, to_timex3

# MEANTIME annotates time in the title, the dateline and the first four body sentences only.
MEANTIME_LAST_ANNOTATED_SENTENCE = 5
_SIGNAL = re.compile(
    r"(?:(?:on|in|at(?!\s+(?:least|most)\b)|since|by|until|till|from|during|before|after|"
    r"through|throughout|as of|as early as|as late as|starting|beginning|ending|effective|for|"
    r"over(?=\s+(?:the|a|this|that|last|past|next|recent|several|many)\b)|within)"
    r"\s+)",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s(?:to|and(?!\s+a\s+half\b)|until|through)\s")
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", "%", ")", "'s", "'", "n't", "''", "'re"}
)
_NO_SPACE_AFTER = frozenset({"(", "$", "``", "US$", "#"})
_QUOTES = {"``": '"', "''": '"'}


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimexDocument:
    """One gold document: text, the creation date as anchor, and the region that was annotated."""

    name: str
    text: str
    anchor: dt.date | None
    start: int
    end: int
    timexes: tuple[GoldTimex, ...]


def _parse_dct(value: str | None) -> dt.date | None:
    """ISO dates, and the DD-MM-YYYY form a few MEANTIME files use."""
    if not value:
        return None
    value = value.strip()[:10]
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def read_meantime(path: Path) -> TimexDocument:
    """One MEANTIME CAT file; the evaluated region is the body after the dateline."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int, int]] = {}
    length, previous, sentence_prev = 0, "", -1
    for token in root.iter("token"):
        word = _QUOTES.get(token.text or "", token.text or "")
        sentence = int(token.get("sentence", "0"))
        if pieces:
            if sentence != sentence_prev and sentence <= 2:
                sep = "\n"
            elif sentence != sentence_prev:
                sep = " "
            elif token.text in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            pieces.append(sep)
            length += len(sep)
        offsets[token.get("t_id", "")] = (length, length + len(word), sentence)
        pieces.append(word)
        length += len(word)
        previous, sentence_prev = token.text or "", sentence
    text = "".join(pieces)
    anchor: dt.date | None = None
    dct_span: tuple[int, int] | None = None
    timexes: list[GoldTimex] = []
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in timex.findall("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME":
            anchor = _parse_dct(timex.get("value"))
            continue
        if not anchors:
            continue  # implicit timexes have no text to find
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        sentence = anchors[0][2]
        if sentence == 1 and dct_span is None:
            dct_span = (start, end)
            if anchor is None:
                anchor = _parse_dct(timex.get("value"))
        timexes.append(GoldTimex(start, end, timex.get("type", ""), timex.get("value", "")))
    body = [o for o in offsets.values() if 2 <= o[2] <= MEANTIME_LAST_ANNOTATED_SENTENCE]
    region_start = min((o[0] for o in body), default=len(text))
    region_end = max((o[1] for o in body), default=len(text))
    gold = tuple(
        t for t in sorted(timexes, key=lambda t: t.start) if region_start <= t.start < region_end
    )
    return TimexDocument(path.stem, text, anchor, region_start, region_end, gold)


_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attributes(source: str) -> dict[str, str]:
    """XML attributes in double or single quotes, entities unescaped."""
    return {m[0]: html.unescape(m[1] or m[2]) for m in _ATTR.findall(source)}


def read_timeml(path: Path) -> TimexDocument:
    """One TempEval-3 TimeML file: TIMEX3 inline in <TEXT>, the DCT in <DCT>."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    anchor = _parse_dct(_attributes(dct.group(1)).get("value")) if dct else None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    source = body.group(1) if body else ""
    pieces: list[str] = []
    length, cursor = 0, 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    for m in _TAG.finditer(source):
        chunk = html.unescape(source[cursor : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = m.end()
        if m.group(2) != "TIMEX3" or m.group(4):
            continue  # an empty TIMEX3 (a point a duration implies) has no text to find
        if not m.group(1):
            open_timex = (length, _attributes(m.group(3)))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(source[cursor:]))
    text = "".join(pieces)
    return TimexDocument(path.stem, text, anchor, 0, len(text), tuple(timexes))


def read_timex_documents(path: Path) -> list[TimexDocument]:
    """All gold documents under ``path`` (a file or a folder), sorted by file name."""
    files = (
        [path] if path.is_file() else [p for p in path.rglob("*") if p.suffix in (".xml", ".tml")]
    )
    documents = []
    for file in sorted(files, key=lambda p: (p.name, str(p))):
        head = file.read_text(encoding="utf-8", errors="replace")[:2000]
        if "<TimeML" in head or file.suffix == ".tml":
            documents.append(read_timeml(file))
        elif "<Document" in head:
            documents.append(read_meantime(file))
    return documents


def split_documents(documents: Sequence[TimexDocument], split: str) -> list[TimexDocument]:
    """Deterministic halves by sorted file name: even index 'dev', odd index 'test', or 'all'."""
    if split == "all":
        return list(documents)
    if split not in ("dev", "test"):
        raise ValueError(f"split must be dev, test or all, not {split!r}")
    return [d for i, d in enumerate(documents) if i % 2 == (0 if split == "dev" else 1)]


_YEAR_RANGE = re.compile(r"(?:between|from)\s+(\d{4})\s+(?:and|to|until|through)\s+(\d{4})")


def timeml_components(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The years inside "from 2009 to 2011", which TimeML marks as timexes of their own."""
    m = _YEAR_RANGE.fullmatch(text, start, end)
    return [m.span(1), m.span(2)] if m else []


# "October of next year": MEANTIME marks the month and the relative year as two timexes.
_MONTH_OF_YEAR = re.compile(
    r"(?:(?:in|on|by|until|till|after|before|since|from|during)\s+)?"
    r"(?P<month>[A-Z][a-z]+\.?)\s+(?:of\s+)?(?P<year>(?:last|next|this)\s+year)"
)


def timeml_split(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The month and the year of "October of next year", which TimeML marks apart; else ()."""
    m = _MONTH_OF_YEAR.fullmatch(text, start, end)
    return (m.span("month"), m.span("year")) if m else ()


def timeml_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Our span without a leading preposition, as TimeML marks it ("on Thursday" -> "Thursday")."""
    m = _SIGNAL.match(text, start, end)
    if m is None or m.end() >= end or _RANGE.search(text, m.end(), end):
        return (start, end)  # "from 2009 to 2011": the range keeps its preposition
    return (m.end(), end)


def predict_timexes(doc: TimexDocument) -> list[tuple[tuple[int, int], str]]:
    """Our spans in the annotated region with their TIMEX3 values, cut as TimeML cuts them."""
    spans = find_date_expressions(doc.text, doc.start, doc.end)
    anchor = doc.anchor
    if anchor is None:
        return [(span, "XXXX-XX-XX") for span in spans]

    def alone(s: int, e: int) -> str:
        return to_timex3(resolve_date_expression(doc.text[s:e], anchor))

    predictions: list[tuple[tuple[int, int], str]] = []
    for (s, e), r in zip(spans, resolve_in_context(doc.text, spans, anchor), strict=True):
        if split := timeml_split(doc.text, s, e):
            month, year = split
            predictions += [(month, to_timex3(r)), (year, alone(*year))]
            continue
        predictions.append(((s, e), to_timex3(r)))
        predictions += [(c, alone(*c)) for c in timeml_components(doc.text, s, e)]
    return sorted(predictions)


@dataclass(frozen=True)
class Matched:
    document: str
    gold: GoldTimex
    text: str
    predicted: str
    expected: str


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score_documents(documents: Iterable[TimexDocument]) -> tuple[dict[str, Any], list[Matched]]:
    """Recognition P/R/F1 (strict, relaxed), normalisation accuracy, per-type; plus matches."""
    n_pred = n_gold = strict_tp = relaxed_tp = 0
    gold_types: Counter[str] = Counter()
    found_types: Counter[str] = Counter()
    correct_types: Counter[str] = Counter()
    matches: list[Matched] = []
    for doc in documents:
        predictions = predict_timexes(doc)
        spans = [span for span, _ in predictions]
        extents = [timeml_extent(doc.text, s, e) for s, e in spans]
        n_pred += len(spans)
        n_gold += len(doc.timexes)
        used: set[int] = set()
        for gold in doc.timexes:
            gold_types[gold.type] += 1
            hit = next((i for i, x in enumerate(extents) if x == (gold.start, gold.end)), None)
            if hit is not None and hit not in used:
                strict_tp += 1
            else:
                hit = next(
                    (
                        i
                        for i, (s, e) in enumerate(extents)
                        if i not in used and s < gold.end and gold.start < e
                    ),
                    None,
                )
            if hit is None:
                continue
            used.add(hit)
            relaxed_tp += 1
            found_types[gold.type] += 1
            s, e = spans[hit]
            predicted = predictions[hit][1]
            correct_types[gold.type] += predicted == gold.value
            matches.append(Matched(doc.name, gold, doc.text[s:e], predicted, gold.value))
    per_type = {
        t: {
            "gold": gold_types[t],
            "recall": found_types[t] / gold_types[t],
            "normalisation_accuracy": correct_types[t] / found_types[t] if found_types[t] else 0.0,
        }
        for t in sorted(gold_types)
    }
    dates_found = found_types["DATE"]
    report = {
        "documents": 0,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict_tp, n_pred, n_gold),
        "relaxed": _prf(relaxed_tp, n_pred, n_gold),
        "date_normalisation_accuracy": correct_types["DATE"] / dates_found if dates_found else 0.0,
        "dates_recognised": dates_found,
        "per_type": per_type,
    }
    return report, matches


def evaluate_dates(
    path: str | Path, splits: Sequence[str] = ("dev", "test", "all")
) -> dict[str, Any]:
    """Scores on the dev half, the test half and/or all documents under ``path``."""
    documents = read_timex_documents(Path(path))
    report: dict[str, Any] = {"path": str(path), "documents": len(documents)}
    for split in splits:
        chosen = split_documents(documents, split)
        scores, _ = score_documents(chosen)
        scores["documents"] = len(chosen)
        report[split] = scores
    return report
