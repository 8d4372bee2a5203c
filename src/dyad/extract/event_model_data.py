"""Training examples for the event model, from the team's own data only.

Three sources, none of them an evaluation set: the coverage sentences the team wrote
(tests/fixtures/event_coverage.tsv: PLOVER type or NONE and CAMEO root per sentence), further
team-written sentences in data/events/training/*.tsv (same columns), and short sentences made
from the verb rows of data/events/patterns.tsv ("Militants ambush the convoy").

Each candidate verb of a sentence (``candidate_triggers``) becomes one example. Its label is the
type the patterns code for it, except that a sentence's gold type overrides the patterns: in a
NONE sentence every verb is NONE; otherwise the verb of the sentence's first event (or, when the
patterns code nothing, its main verb) carries the gold type and root.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.extract.event_arguments import REPORT_VERBS
from dyad.extract.event_model_features import TriggerFeatures, candidate_triggers
from dyad.extract.events import find_events
from dyad.extract.patterns import DATA_DIR, NO_EVENT, EventPattern, PatternBook

REPO_ROOT = Path(__file__).resolve().parents[3]
COVERAGE_FIXTURE = REPO_ROOT / "tests" / "fixtures" / "event_coverage.tsv"
TRAINING_DIR = DATA_DIR / "training"
NONE = "NONE"

# Doers and targets of the sentences made from patterns (plural doers: the verb stays in its
# base form, so no inflection rules are needed).
DOERS = (
    "Militants", "Government forces", "The protesters", "Opposition leaders", "The two countries",
    "Western governments", "Police officers", "The rebels", "Local officials", "The ministers",
)  # fmt: skip
TARGETS = (
    "the government", "the rebels", "the police", "Ukraine", "the opposition", "the army",
    "the United States", "the militants", "the villagers", "Hamas", "the journalists", "Iran",
)  # fmt: skip


@dataclass(frozen=True)
class LabelledSentence:
    """A sentence with its gold PLOVER type (or NONE) and CAMEO root, or None when unknown."""

    text: str
    event_type: str | None  # None: a sentence made from a pattern, labelled by the patterns
    root: str | None
    origin: str


@dataclass(frozen=True)
class Example:
    """One candidate verb with its label, and the lemma it is grouped by in cross-validation."""

    features: TriggerFeatures
    event_type: str
    root: str | None
    lemma: str
    origin: str


def read_labelled(path: Path, origin: str) -> list[LabelledSentence]:
    """Sentences of a file with the coverage fixture's columns: type, CAMEO root, sentence."""
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 3:
            raise ValueError(f"{path}:{number}: want type, CAMEO root, sentence")
        event_type, root, text = cols
        rows.append(LabelledSentence(text, event_type, root or None, f"{origin}:{number}"))
    return rows


def team_sentences() -> list[LabelledSentence]:
    """The coverage fixture and every file under data/events/training."""
    rows = read_labelled(COVERAGE_FIXTURE, "coverage")
    for path in sorted(TRAINING_DIR.glob("*.tsv")):
        rows += read_labelled(path, path.stem)
    return rows


def pattern_sentences(book: PatternBook) -> list[LabelledSentence]:
    """One short present-tense sentence per verb pattern row (NONE rows included)."""
    patterns = sorted(
        {
            p
            for group in book.verbs.values()
            for p in group
            if not p.needs_clause and not p.recipient
        },
        key=lambda p: p.rule_id,
    )
    rows = []
    for number, pattern in enumerate(patterns):
        text = _pattern_sentence(pattern, number)
        if text is not None:
            rows.append(LabelledSentence(text, None, None, f"pattern:{pattern.rule_id}"))
    return rows


def _pattern_sentence(pattern: EventPattern, number: int) -> str | None:
    doer = DOERS[number % len(DOERS)]
    target = TARGETS[(number * 7) % len(TARGETS)]
    words = [doer, pattern.lemma]
    slots = [s for s in pattern.targets if s != "dative"]
    if pattern.particle:
        words.append(pattern.particle)
        if slots and slots[0] == pattern.particle:
            return " ".join([*words, target]) + "."
    if pattern.objects:
        words.append("the " + sorted(pattern.objects)[number % len(pattern.objects)])
        slots = [s for s in slots if s != "dobj"]
    if slots:
        words += [target] if slots[0] == "dobj" else [slots[0], target]
    return " ".join(words) + "."


def examples_from(
    sentences: list[LabelledSentence], docs: Iterable[Doc], book: PatternBook
) -> Iterator[Example]:
    """The labelled candidate verbs of each parsed sentence."""
    for sentence, doc in zip(sentences, docs, strict=True):
        yield from _sentence_examples(sentence, doc, book)


def _sentence_examples(sentence: LabelledSentence, doc: Doc, book: PatternBook) -> list[Example]:
    triggers = [t for sent in doc.sents for t in candidate_triggers(sent)]
    if not triggers:
        return []
    events = find_events(doc, book)
    silver: dict[int, tuple[str, str | None]] = {}
    for event in events:
        root = event.cameo[:2] if event.cameo else None
        for i in (event.clause_head, *range(event.trigger_start, event.trigger_end)):
            silver.setdefault(i, (event.event_type, root))
    labels = {t.verb: silver.get(t.verb, (NONE, None)) for t in triggers}
    if sentence.event_type == NONE:
        labels = dict.fromkeys(labels, (NONE, None))
    elif sentence.event_type is not None:
        main = _gold_verb(doc, events[0].clause_head if events else None, triggers)
        if main is not None:
            labels[main] = (sentence.event_type, sentence.root or labels[main][1])
    else:
        # a pattern sentence: only its verb, and only when the patterns code it as the row says
        wanted = _pattern_type(sentence, book)
        verb = triggers[0].verb
        if wanted is None or labels[verb][0] != wanted:
            return []
        triggers = triggers[:1]
    return [
        Example(
            t, labels[t.verb][0], labels[t.verb][1], doc[t.verb].lemma_.lower(), sentence.origin
        )
        for t in triggers
    ]


def _pattern_type(sentence: LabelledSentence, book: PatternBook) -> str | None:
    rule = sentence.origin.removeprefix("pattern:")
    for group in book.verbs.values():
        for pattern in group:
            if pattern.rule_id == rule:
                return NONE if pattern.event_type == NO_EVENT else pattern.event_type
    return None


def _gold_verb(doc: Doc, first_event: int | None, triggers: list[TriggerFeatures]) -> int | None:
    """The candidate verb that carries the sentence's gold event."""
    verbs = {t.verb for t in triggers}
    if first_event is not None:
        return first_event if first_event in verbs else None
    plain = [doc[v] for v in verbs if doc[v].lemma_.lower() not in REPORT_VERBS]
    return min(plain, key=lambda t: (_depth(t), t.i)).i if plain else None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def fold_of(lemma: str, folds: int) -> int:
    """Cross-validation fold of a verb lemma: every example of a verb falls in one fold, so a
    fold's verbs are unseen in training, as the verbs the model codes at run time are."""
    return zlib.crc32(lemma.encode("utf-8")) % folds
