"""A small trained event-type model that codes a sentence where no pattern fired.

The model is two softmax classifiers over the features of ``event_model_features`` (one for the
PLOVER type or NONE, one for the CAMEO root), trained by ``event_model_train`` on the team's own
sentences only and shipped as data/events/event_model.npz. It runs only on sentences in which
the patterns coded nothing, codes at most one event per sentence (its most confident verb), and
only when its probability clears the threshold chosen on the training data's cross-validation.
Its events carry the rule ``model:event-clf-N`` and the model's probability as their confidence;
their source and target come from the same argument finder as the patterns' events.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from dyad.extract.event_arguments import find_arguments
from dyad.extract.event_candidate import EventCandidate
from dyad.extract.event_model_features import TriggerFeatures, candidate_triggers, hashed
from dyad.extract.event_targets import target_options
from dyad.extract.patterns import DATA_DIR, EventPattern, PatternBook, lemma_forms

MODEL_PATH = DATA_DIR / "event_model.npz"
NONE = "NONE"
# Types whose "with X" / "A and B" partner is the other side of a shared act.
SYMMETRIC_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
# Switch: False leaves the model out of code_article (the patterns alone code events). Off:
# at its cross-validated threshold the model coded no sentence of the dev sets (2026-11-25),
# and below it, it adds events on real news that are mostly typed wrong.
MODEL_ENABLED = False


class EventModelMissingError(RuntimeError):
    """The event model file is missing or unreadable; it is rebuilt by the training command."""


@dataclass(frozen=True)
class LinearHead:
    """A softmax classifier: hashed symbolic features plus a dense vector."""

    sparse: np.ndarray  # (buckets, classes)
    dense: np.ndarray  # (dense width, classes)
    bias: np.ndarray  # (classes,)

    def probabilities(self, buckets: list[np.ndarray], dense: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per example."""
        logits = dense @ self.dense + self.bias
        for row, active in enumerate(buckets):
            logits[row] += self.sparse[active].sum(axis=0)
        return softmax(logits)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class EventModel:
    """The trained model with its labels, threshold and version."""

    version: str
    types: tuple[str, ...]
    roots: tuple[str, ...]
    type_head: LinearHead
    root_head: LinearHead
    roots_of_type: dict[str, tuple[str, ...]]  # the CAMEO roots each type was trained with
    threshold: float
    hash_bits: int

    @property
    def rule(self) -> str:
        return f"model:{self.version}"

    def predict(self, triggers: list[TriggerFeatures]) -> list[tuple[str, float, str | None]]:
        """(type or NONE, probability, CAMEO root) for each candidate verb."""
        if not triggers:
            return []
        buckets = [hashed(t.names, self.hash_bits) for t in triggers]
        dense = np.stack([t.dense for t in triggers])
        types = self.type_head.probabilities(buckets, dense)
        roots = self.root_head.probabilities(buckets, dense)
        out: list[tuple[str, float, str | None]] = []
        for type_row, root_row in zip(types, roots, strict=True):
            best = int(type_row.argmax())
            label = self.types[best]
            allowed = [self.roots.index(r) for r in self.roots_of_type.get(label, ())]
            root = self.roots[max(allowed, key=lambda i: root_row[i])] if allowed else None
            out.append((label, float(type_row[best]), root))
        return out


def save_event_model(model: EventModel, path: Path = MODEL_PATH) -> None:
    """Write the model as one compressed numpy file (weights float32, metadata as JSON)."""
    meta = {
        "version": model.version,
        "types": list(model.types),
        "roots": list(model.roots),
        "roots_of_type": {k: list(v) for k, v in model.roots_of_type.items()},
        "threshold": model.threshold,
        "hash_bits": model.hash_bits,
    }
    arrays = {
        f"{name}_{part}": getattr(head, part).astype(np.float32)
        for name, head in (("type", model.type_head), ("root", model.root_head))
        for part in ("sparse", "dense", "bias")
    }
    meta_bytes = np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8)
    with path.open("wb") as handle:
        np.savez_compressed(handle, meta=meta_bytes, **arrays)


def read_event_model(path: Path) -> EventModel:
    """Read a model file written by ``save_event_model``."""
    if not path.is_file():
        raise EventModelMissingError(
            f"event model {path} is missing: rebuild it with `python -m "
            "dyad.extract.event_model_train` (it ships with dyad; nothing is downloaded)"
        )
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            heads = {
                name: LinearHead(
                    data[f"{name}_sparse"], data[f"{name}_dense"], data[f"{name}_bias"]
                )
                for name in ("type", "root")
            }
    except (OSError, ValueError, KeyError) as exc:
        raise EventModelMissingError(f"event model {path} is unreadable: {exc}") from exc
    return EventModel(
        version=meta["version"],
        types=tuple(meta["types"]),
        roots=tuple(meta["roots"]),
        type_head=heads["type"],
        root_head=heads["root"],
        roots_of_type={k: tuple(v) for k, v in meta["roots_of_type"].items()},
        threshold=float(meta["threshold"]),
        hash_bits=int(meta["hash_bits"]),
    )


@functools.cache
def default_event_model() -> EventModel:
    """The model shipped with dyad, loaded once per process."""
    return read_event_model(MODEL_PATH)


def with_model_events(
    doc: Doc, candidates: list[EventCandidate], book: PatternBook
) -> list[EventCandidate]:
    """The patterns' events, with the model's event added to each sentence that has none."""
    if not MODEL_ENABLED:
        return candidates
    model = default_event_model()
    by_sentence: dict[int, list[EventCandidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(doc[candidate.trigger_start].sent.start, []).append(candidate)
    events: list[EventCandidate] = []
    for sent in doc.sents:
        found = by_sentence.get(sent.start)
        if found is None:
            triggers = [
                t for t in candidate_triggers(sent) if not known_to_patterns(doc[t.verb], book)
            ]
            coded = model_event(doc, triggers, model, book)
            found = [coded] if coded is not None else []
        events.extend(found)
    return events


def known_to_patterns(verb: Token, book: PatternBook) -> bool:
    """A verb the patterns name (as a verb, a noun or a light verb) was theirs to code: when they
    coded nothing ("fight corruption", "made a statement"), the model must not code it either."""
    light = {v.split()[0] for v in book.light_verbs}
    return any(f in book.verbs or f in book.nouns or f in light for f in lemma_forms(verb))


def model_event(
    doc: Doc, triggers: list[TriggerFeatures], model: EventModel, book: PatternBook
) -> EventCandidate | None:
    """The sentence's most confident model event above the threshold, or None."""
    scored = [
        (trigger, label, probability, root)
        for trigger, (label, probability, root) in zip(
            triggers, model.predict(triggers), strict=True
        )
        if label != NONE and probability >= model.threshold
    ]
    if not scored:
        return None
    trigger, label, probability, root = max(scored, key=lambda s: s[2])
    verb = doc[trigger.verb]
    pattern = _model_pattern(verb, label, root, model, book)
    source, target, reciprocal = find_arguments(verb, pattern, [verb], verb)
    options = target_options(verb, [verb], verb, label, source, target)
    return EventCandidate(
        trigger_start=verb.i,
        trigger_end=verb.i + 1,
        clause_head=verb.i,
        source=None if source is None else source.i,
        target=None if target is None else target.i,
        event_type=label,
        mode=None,
        contexts=(),
        cameo=f"{root}0" if root else None,
        reciprocal=reciprocal,
        confidence=round(probability, 2),
        rule=model.rule,
        note=f"coded by the event model ({probability:.2f}); no pattern fired",
        target_options=options,
    )


def _model_pattern(
    verb: Token, event_type: str, root: str | None, model: EventModel, book: PatternBook
) -> EventPattern:
    """A pattern standing for the model's decision, so the patterns' argument finder applies."""
    return EventPattern(
        rule_id=model.rule,
        kind="v",
        lemma=verb.lemma_.lower(),
        particle=None,
        objects=frozenset(),
        modifier=None,
        event_type=event_type,
        mode=None,
        contexts=(),
        cameo=f"{root}0" if root else None,
        targets=target_slots(book).get(event_type, ("dobj",)),
        symmetric=event_type in SYMMETRIC_TYPES,
        intent_type=None,
    )


_SLOTS: dict[int, tuple[PatternBook, dict[str, tuple[str, ...]]]] = {}


def target_slots(book: PatternBook) -> dict[str, tuple[str, ...]]:
    """For each type, where the verb patterns of that type most often find their target."""
    cached = _SLOTS.get(id(book))
    if cached is not None and cached[0] is book:
        return cached[1]
    counts: dict[str, Counter[str]] = {}
    for patterns in book.verbs.values():
        for pattern in patterns:
            counter = counts.setdefault(pattern.event_type, Counter())
            for rank, slot in enumerate(pattern.targets):
                counter[slot] += 3 - min(rank, 2)  # a pattern's first slot counts most
    slots = {t: tuple(s for s, _ in c.most_common(3)) for t, c in counts.items()}
    _SLOTS[id(book)] = (book, slots)
    return slots
