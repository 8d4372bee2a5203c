"""Readers for the CAMEO-coded event gold sets: PETR-2 GSR validation, ConfliBERT's CAMEO test,
the CAMEO_ConfliBERT multi-rater rounds and the PETRARCH unit-test records.

CAMEO codes become PLOVER types through the CAMEO2PLOVER table passed in; Phoenix composite actor
codes are split into country + sector with ``split_phoenix_code``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from dyad.eval.cameo_plover import CameoMapping, pentaclass_for_cameo, plover_for_cameo
from dyad.eval.event_gold import (
    GoldActor,
    GoldEvent,
    GoldFormatError,
    GoldSentence,
    gold_sentence,
    split_phoenix_code,
)

_BLOCK = re.compile(r"<Sentence\s([^>]*?)/?>(.*?)</Sentence>", re.DOTALL)
_CODING = re.compile(r"<EventCoding\s([^>]*?)/?>")
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


def _attrs(raw: str) -> dict[str, str]:
    return {m[1]: m[2] if m[3] is None else m[3] for m in _ATTR.finditer(raw)}


def _phoenix_actor(code: str | None) -> GoldActor | None:
    if not code:
        return None
    if code.startswith('"'):  # PETRARCH's "new actor" text, not a code
        return GoldActor(text=code.strip('"'))
    country, sector = split_phoenix_code(code)
    return GoldActor(country=country, sector=sector, code=code)


def plover_of_cameo(
    code: str, table: Mapping[str, CameoMapping]
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(PLOVER type, mode, contexts) of a CAMEO code; type None for statements (01)."""
    mapping = plover_for_cameo(code, table)
    if mapping is not None:
        return mapping.plover_type, mapping.mode, mapping.contexts
    # The table leaves out roots 01 (statements: no PLOVER type) and 02; PLOVER's REQUEST covers
    # CAMEO's appeals.
    if code.startswith("02"):
        return "REQUEST", None, ()
    return None, None, ()


def _pentaclass(code: str) -> int | None:
    try:
        return pentaclass_for_cameo(code)
    except (ValueError, KeyError):  # the unit tests use codes outside CAMEO (e.g. "223")
        return None


def _cameo_event(
    code: str, source: str | None, target: str | None, table: Mapping[str, CameoMapping]
) -> GoldEvent:
    event_type, mode, contexts = plover_of_cameo(code, table)
    src, tgt = _phoenix_actor(source), _phoenix_actor(target)
    return GoldEvent(
        event_type=event_type,
        mode=mode,
        contexts=contexts,
        cameo=code,
        source=src,
        target=tgt,
        pentaclass=_pentaclass(code),
        sources=(src,) if src else (),
        targets=(tgt,) if tgt else (),
        original_label=code,
    )


def _read_validation_xml(path: Path, table: Mapping[str, CameoMapping]) -> list[GoldSentence]:
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.find("<Sentences>") :]  # the header's comments mention "<EventCoding...>"
    body = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    sentences = []
    for block in _BLOCK.finditer(body):
        attrs = _attrs(block[1])
        text_match = _TEXT.search(block[2])
        if "id" not in attrs or text_match is None:
            raise GoldFormatError(path, attrs.get("id", "?"), "<Sentence> without id or <Text>")
        events = []
        for coding in _CODING.finditer(block[2]):
            fields = _attrs(coding[1])
            if "eventcode" in fields:  # skips noevents="True" and error="..." records
                events.append(
                    _cameo_event(
                        fields["eventcode"],
                        fields.get("sourcecode"),
                        fields.get("targetcode"),
                        table,
                    )
                )
        text = " ".join(text_match[1].split())
        sentences.append(gold_sentence(attrs["id"], text, events))
    return sentences


def read_petr2_gsr_validation(
    folder: str | Path, table: Mapping[str, CameoMapping]
) -> list[GoldSentence]:
    """The 78 PETR-2 validation sentences with their 80 CAMEO codings (12 expect no event)."""
    return _read_validation_xml(Path(folder) / "PETR2_GSR_validation.xml", table)


def read_petrarch_unittest(
    folder: str | Path, table: Mapping[str, CameoMapping]
) -> list[GoldSentence]:
    """The 284 PETRARCH unit-test records (fictional actors: a regression check, not accuracy)."""
    return _read_validation_xml(Path(folder) / "PETR.UnitTest.records.xml", table)


# --- ConfliBERT cameo_class + cameo_ner test ---------------------------------------------------


def _ner_blocks(path: Path) -> list[list[tuple[str, str]]]:
    blocks: list[list[tuple[str, str]]] = [[]]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        token, _, tag = line.rpartition(" ")
        if not token or not re.fullmatch(r"O|[BI]-[STR]", tag):
            raise GoldFormatError(path, str(number), f"expected 'TOKEN TAG', got {line!r}")
        blocks[-1].append((token, tag))
    return [block for block in blocks if block]


def _bio_spans(
    path: Path, index: int, text: str, tokens: list[tuple[str, str]]
) -> list[tuple[str, int, int]]:
    """(role, start, end) of each BIO span, tokens aligned left to right on the sentence text."""
    spans: list[tuple[str, int, int]] = []
    position = 0
    for token, tag in tokens:
        start = text.find(token, position)
        if start < 0 or text[position:start].strip():
            raise GoldFormatError(path, f"sentence {index}", f"token {token!r} not in the text")
        position = start + len(token)
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][0] != tag[2])):
            spans.append((tag[2], start, position))
        elif tag.startswith("I-"):
            spans[-1] = (tag[2], spans[-1][1], position)
        else:
            spans.append(("O", start, position))
    return [span for span in spans if span[0] != "O"]


def _span_actors(text: str, spans: list[tuple[str, int, int]], roles: str) -> tuple[GoldActor, ...]:
    # R (reciprocal) spans are both source and target.
    return tuple(GoldActor(text[s:e], s, e) for role, s, e in spans if role in roles)


def read_conflibert_cameo_test(folder: str | Path) -> list[GoldSentence]:
    """ConfliBERT's 451 test sentences: a PentaClass label and source/target spans, no type."""
    folder = Path(folder)
    class_path = folder / "cameo_class" / "test.tsv"
    ner_path = folder / "cameo_ner" / "test.txt"
    rows = []
    for number, line in enumerate(class_path.read_text(encoding="utf-8").splitlines(), start=1):
        text, _, raw_label = line.rpartition("\t")
        if raw_label not in {"0", "1", "2", "3", "4"}:
            raise GoldFormatError(class_path, str(number), f"label {raw_label!r} is not 0-4")
        rows.append((text, int(raw_label)))
    blocks = _ner_blocks(ner_path)
    if len(blocks) != len(rows):
        raise GoldFormatError(ner_path, "-", f"{len(blocks)} sentences, class file has {len(rows)}")
    sentences = []
    for index, ((text, label), tokens) in enumerate(zip(rows, blocks, strict=True)):
        spans = _bio_spans(ner_path, index, text, tokens)
        sources, targets = _span_actors(text, spans, "SR"), _span_actors(text, spans, "TR")
        event = GoldEvent(
            event_type=None,
            source=sources[0] if sources else None,
            target=targets[0] if targets else None,
            pentaclass=label,
            sources=sources,
            targets=targets,
            reciprocal=any(role == "R" for role, _, _ in spans),
            original_label=str(label),
        )
        sentences.append(gold_sentence(f"conflibert-test-{index:03d}", text, [event]))
    return sentences


# --- CAMEO_ConfliBERT multi-rater rounds -------------------------------------------------------

NO_EVENT = "none"


@dataclass(frozen=True)
class RatedSentence:
    """One sentence of a rating round: each rater's CAMEO roots, in the order coded."""

    sent_id: str
    text: str
    round: int
    labels: dict[str, tuple[str, ...]]  # rater -> roots ("11", "13"); () = no event coded

    def primary(self, rater: str) -> str:
        """The rater's first coded root, or NO_EVENT."""
        roots = self.labels[rater]
        return roots[0] if roots else NO_EVENT

    def most_coded_event(self) -> bool:
        """Whether more than half of the raters coded an event."""
        return sum(self.primary(r) != NO_EVENT for r in self.labels) * 2 > len(self.labels)


_ROOT_LABEL = re.compile(r"^\s*\d-(\d{1,2})\b")


def read_cameo_conflibert_annotations(
    folder: str | Path, rounds: Sequence[int] = (7, 9)
) -> list[RatedSentence]:
    """Rater labels per sentence; rounds 7 and 9 are the last complete rounds of the two sets."""
    out = []
    for round_no in rounds:
        path = Path(folder) / f"round_{round_no}" / "summary.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                raters = sorted(k.rpartition("_")[2] for k in row if k.startswith("anncomplete_"))
                labels: dict[str, tuple[str, ...]] = {}
                for rater in raters:
                    if row[f"anncomplete_{rater}"].strip().lower() != "true":
                        continue
                    roots = []
                    for action in range(1, 6):
                        match = _ROOT_LABEL.match(row.get(f"Action{action}_CAMEO_{rater}") or "")
                        if match:
                            roots.append(f"{int(match[1]):02d}")
                    labels[rater] = tuple(roots)
                number = int(re.sub(r"\D", "", row["No"]))
                sent_id = f"cameo-{number:03d}-r{round_no}"
                out.append(RatedSentence(sent_id, row["sentences"].strip(), round_no, labels))
    return out


def as_level(label: str, level: str) -> str:
    """A rater's label at the CAMEO-root or PentaClass level (no-event stays no-event)."""
    if level == "root" or label == NO_EVENT:
        return label
    return str(pentaclass_for_cameo(label))


def rater_agreement(
    sentences: Iterable[RatedSentence],
    level: str = "root",
    min_raters: int = 3,
    events_only: bool = False,
) -> dict[str, float | int]:
    """Human-ceiling figures on the raters' primary labels (CAMEO root or PentaClass).

    majority_rate: share of sentences where more than half of the raters give the same label;
    pairwise: mean share of agreeing rater pairs; leave_one_out: how often a rater matches the
    strict plurality of the other raters (a rater scored like a system against majority gold).
    ``events_only`` keeps the sentences where most raters coded an event (no-event labels agree
    easily and inflate the figures).
    """
    n = majority = 0
    pair_scores: list[float] = []
    loo_hits = loo_total = 0
    for sentence in sentences:
        labels = [as_level(sentence.primary(r), level) for r in sorted(sentence.labels)]
        if len(labels) < min_raters:
            continue
        if events_only and not sentence.most_coded_event():
            continue
        n += 1
        top = Counter(labels).most_common(1)[0][1]
        majority += top * 2 > len(labels)
        pairs = list(combinations(labels, 2))
        pair_scores.append(sum(a == b for a, b in pairs) / len(pairs))
        for i, label in enumerate(labels):
            others = Counter(labels[:i] + labels[i + 1 :]).most_common()
            if len(others) > 1 and others[0][1] == others[1][1]:
                continue  # the others tie: no gold to compare against
            loo_total += 1
            loo_hits += label == others[0][0]
    return {
        "sentences": n,
        "majority_rate": majority / n if n else 0.0,
        "pairwise": sum(pair_scores) / n if n else 0.0,
        "leave_one_out": loo_hits / loo_total if loo_total else 0.0,
        "leave_one_out_n": loo_total,
    }
