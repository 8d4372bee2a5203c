"""Train the event model from the team's own sentences and write data/events/event_model.npz.

    python -m dyad.extract.event_model_train [--folds 5] [--no-write]

It parses the training sentences (``event_model_data``), cross-validates with folds grouped by
verb lemma (every fold's verbs are unseen in its training part, as at run time, where the model
codes only what no pattern names), chooses the confidence threshold on the out-of-fold
predictions, prints the figures, and trains the shipped model on everything. Training is
deterministic: zero start, full-batch Adam, no sampling.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass

import numpy as np

from dyad.extract.event_model import (
    MODEL_PATH,
    NONE,
    EventModel,
    LinearHead,
    save_event_model,
    softmax,
)
from dyad.extract.event_model_data import (
    Example,
    examples_from,
    fold_of,
    pattern_sentences,
    team_sentences,
)
from dyad.extract.event_model_features import DENSE_WIDTH, HASH_BITS, hashed

VERSION = "event-clf-1"
EPOCHS = 250
LEARNING_RATE = 0.05
L2 = 1e-4
# The threshold is the lowest whose out-of-fold events (on unseen verbs) are typed right this
# often: a wrong event costs more than a missed one.
MIN_PRECISION = 0.8
THRESHOLDS = tuple(round(0.3 + 0.025 * i, 3) for i in range(28))


@dataclass(frozen=True)
class Encoded:
    """Examples as arrays: padded bucket numbers with a mask, and the dense vectors."""

    buckets: np.ndarray  # (n, width) int64
    mask: np.ndarray  # (n, width) float32: 1 for a real bucket, 0 for padding
    dense: np.ndarray  # (n, DENSE_WIDTH) float32


def encode(examples: list[Example], bits: int = HASH_BITS) -> Encoded:
    rows = [hashed(e.features.names, bits) for e in examples]
    width = max((len(r) for r in rows), default=1)
    buckets = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.float32)
    for i, row in enumerate(rows):
        buckets[i, : len(row)] = row
        mask[i, : len(row)] = 1.0
    dense = np.stack([e.features.dense for e in examples]).astype(np.float32)
    return Encoded(buckets, mask, dense.reshape(len(examples), DENSE_WIDTH))


def head_probabilities(head: LinearHead, data: Encoded) -> np.ndarray:
    logits = (head.sparse[data.buckets] * data.mask[..., None]).sum(axis=1)
    return softmax(logits + data.dense @ head.dense + head.bias)


def fit_head(data: Encoded, labels: np.ndarray, classes: int, bits: int = HASH_BITS) -> LinearHead:
    """A softmax classifier fitted by full-batch Adam on cross-entropy with an L2 penalty."""
    params = [
        np.zeros((1 << bits, classes), dtype=np.float64),
        np.zeros((DENSE_WIDTH, classes), dtype=np.float64),
        np.zeros(classes, dtype=np.float64),
    ]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    onehot = np.eye(classes)[labels]
    n = len(labels)
    flat = data.buckets.ravel()
    for step in range(1, EPOCHS + 1):
        head = LinearHead(*params)
        error = (head_probabilities(head, data) - onehot) / n
        sparse_grad = np.zeros_like(params[0])
        spread = (data.mask[..., None] * error[:, None, :]).reshape(-1, classes)
        np.add.at(sparse_grad, flat, spread)
        grads = [
            sparse_grad + L2 * params[0],
            data.dense.T @ error + L2 * params[1],
            error.sum(axis=0),
        ]
        for param, grad, (m, v) in zip(params, grads, moments, strict=True):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return LinearHead(*(p.astype(np.float32) for p in params))


def train(examples: list[Example], threshold: float) -> EventModel:
    """The model fitted on all examples, with the given threshold."""
    types = tuple(sorted({e.event_type for e in examples}))
    data = encode(examples)
    type_head = fit_head(data, np.array([types.index(e.event_type) for e in examples]), len(types))
    rooted = [i for i, e in enumerate(examples) if e.root and e.event_type != NONE]
    roots = tuple(sorted({examples[i].root or "" for i in rooted}))
    root_data = Encoded(data.buckets[rooted], data.mask[rooted], data.dense[rooted])
    root_labels = np.array([roots.index(examples[i].root or "") for i in rooted])
    root_head = fit_head(root_data, root_labels, len(roots))
    pairs = Counter((examples[i].event_type, examples[i].root or "") for i in rooted)
    roots_of_type = {
        t: tuple(sorted(r for (tt, r), c in pairs.items() if tt == t and c >= 2))
        for t in types
        if t != NONE
    }
    return EventModel(
        version=VERSION,
        types=types,
        roots=roots,
        type_head=type_head,
        root_head=root_head,
        roots_of_type=roots_of_type,
        threshold=threshold,
        hash_bits=HASH_BITS,
    )


def out_of_fold(examples: list[Example], folds: int) -> tuple[tuple[str, ...], np.ndarray]:
    """Type probabilities of every example from a model trained without its verb's fold."""
    types = tuple(sorted({e.event_type for e in examples}))
    labels = np.array([types.index(e.event_type) for e in examples])
    fold = np.array([fold_of(e.lemma, folds) for e in examples])
    data = encode(examples)
    probabilities = np.zeros((len(examples), len(types)))
    for k in range(folds):
        train_rows, test_rows = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        part = Encoded(data.buckets[train_rows], data.mask[train_rows], data.dense[train_rows])
        head = fit_head(part, labels[train_rows], len(types))
        held = Encoded(data.buckets[test_rows], data.mask[test_rows], data.dense[test_rows])
        probabilities[test_rows] = head_probabilities(head, held)
    return types, probabilities


def threshold_table(
    types: tuple[str, ...], probabilities: np.ndarray, gold: list[str]
) -> list[tuple[float, float, float, int]]:
    """(threshold, precision, recall, events coded) of the model's events at each threshold."""
    best = probabilities.argmax(axis=1)
    confidence = probabilities.max(axis=1)
    predicted = [types[i] for i in best]
    events = sum(g != NONE for g in gold)
    table = []
    for threshold in THRESHOLDS:
        coded = [p != NONE and c >= threshold for p, c in zip(predicted, confidence, strict=True)]
        right = sum(k and p == g for k, p, g in zip(coded, predicted, gold, strict=True))
        count = sum(coded)
        table.append((threshold, right / count if count else 1.0, right / max(events, 1), count))
    return table


def choose_threshold(table: list[tuple[float, float, float, int]]) -> float:
    for threshold, precision, _, count in table:
        if precision >= MIN_PRECISION and count > 0:
            return threshold
    return table[-1][0]


def build_examples() -> list[Example]:
    """Parse the team's sentences and the pattern sentences into labelled examples."""
    from dyad.extract.patterns import default_pattern_book
    from dyad.nlp.model import parse_many

    book = default_pattern_book()
    sentences = team_sentences() + pattern_sentences(book)
    return list(examples_from(sentences, parse_many(s.text for s in sentences), book))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="report only")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    examples = build_examples()
    counts = Counter(e.event_type for e in examples)
    origins = Counter(e.origin.split(":")[0] for e in examples)
    print(f"{len(examples)} examples from {dict(origins)}; labels {dict(sorted(counts.items()))}")
    types, probabilities = out_of_fold(examples, args.folds)
    gold = [e.event_type for e in examples]
    predicted = [types[i] for i in probabilities.argmax(axis=1)]
    accuracy = np.mean([p == g for p, g in zip(predicted, gold, strict=True)])
    on_events = [p == g for p, g in zip(predicted, gold, strict=True) if g != NONE]
    print(f"cross-validated ({args.folds} folds by verb lemma): accuracy {100 * accuracy:.1f}%,")
    print(f"  type accuracy on event verbs {100 * np.mean(on_events):.1f}% (n={len(on_events)})")
    table = threshold_table(types, probabilities, gold)
    threshold = choose_threshold(table)
    if not any(p >= MIN_PRECISION and t == threshold for t, p, _, _ in table):
        print(f"no threshold reaches {100 * MIN_PRECISION:.0f}% precision: the highest is used")
    print("threshold  precision  recall  coded")
    for t, p, r, c in table:
        mark = "  <- chosen" if t == threshold else ""
        print(f"  {t:5.3f}     {100 * p:5.1f}   {100 * r:5.1f}  {c:5d}{mark}")
    model = train(examples, threshold)
    if not args.no_write:
        save_event_model(model, MODEL_PATH)
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB), {model.rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
