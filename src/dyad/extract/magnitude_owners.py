"""Which event a reported figure belongs to: the event whose clause holds it.

A figure goes to the event of a fitting type (``EVENT_TYPES``) whose trigger or clause dominates
it most closely, unless it sits in a clause about another moment ("after police killed two",
"since 2011"); failing that, to the event its own clause governs ("12 died when the army
shelled"), or to the one fitting event of its sentence. Coordinated figures add up ("two
soldiers and three civilians"); differing reports keep the lowest (ACLED's rule).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyad.extract.events import EventCandidate
from dyad.extract.magnitudes import EVENT_TYPES, KINDS, MagnitudeSpan
from dyad.nlp.doc_text import doc_text

_SUBSET = {"including", "include", "among"}  # "17 civilians, including six children"
_PARTITIVE = re.compile(r"\bof (them|whom|those)$")
_INCREMENT = re.compile(r"\b(another|additional|further)\b|\bmore\b(?! than)")
_OTHER_CLAUSE = {"after", "before", "since", "following", "until", "unlike"}


def assign_magnitudes(
    doc: Doc, magnitudes: Sequence[MagnitudeSpan], events: Sequence[EventCandidate]
) -> list[dict[str, MagnitudeSpan]]:
    """For each event (same order), the figures that describe it, at most one per kind;
    cumulative figures and subsets ("including six children") go to none."""
    chosen: list[list[MagnitudeSpan]] = [[] for _ in events]
    for magnitude in magnitudes:
        if magnitude.cumulative or _in_subset(doc[magnitude.argument], doc[magnitude.anchor]):
            continue
        if _PARTITIVE.search(doc_text(doc)[magnitude.start : magnitude.end].lower()):
            continue  # "killed five prisoners, beheading two of them"
        index = _owner(doc, magnitude, events)
        if index is not None:
            chosen[index].append(magnitude)
    return [_combine(doc, found) for found in chosen]


def _owner(doc: Doc, magnitude: MagnitudeSpan, events: Sequence[EventCandidate]) -> int | None:
    anchor = doc[magnitude.anchor]
    fitting = [
        (i, e)
        for i, e in enumerate(events)
        if e.event_type in EVENT_TYPES[magnitude.kind] and doc[e.clause_head].sent == anchor.sent
    ]
    if not fitting:
        return None
    best: tuple[int, int] | None = None
    for i, event in fitting:
        for node in (_trigger_head(doc, event), doc[event.clause_head]):
            distance = _distance_up(anchor, node)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, i)
    if best is not None:
        return best[1]
    if _in_other_clause(anchor, anchor.sent.root):
        return None
    governed = [
        (d, i) for i, e in fitting if (d := _distance_up(_trigger_head(doc, e), anchor)) is not None
    ]
    if governed:
        return min(governed)[1]
    return fitting[0][0] if len(fitting) == 1 else None


def _trigger_head(doc: Doc, event: EventCandidate) -> Token:
    span = doc[event.trigger_start : event.trigger_end]
    return span.root


def _distance_up(token: Token, ancestor: Token) -> int | None:
    """Steps from ``token`` up to ``ancestor`` if no other-moment clause lies between."""
    steps = 0
    while token.i != ancestor.i:
        if token.head.i == token.i or steps > 40 or _opens_other_clause(token):
            return None
        token, steps = token.head, steps + 1
    return steps


def _opens_other_clause(token: Token) -> bool:
    if token.dep_ in {"advcl", "pcomp"}:
        return any(c.dep_ in {"mark", "prep"} and c.lower_ in _OTHER_CLAUSE for c in token.children)
    if token.dep_ == "pobj":
        return token.head.lower_ in _OTHER_CLAUSE
    return token.dep_ == "prep" and token.lower_ in _OTHER_CLAUSE


def _in_other_clause(token: Token, root: Token) -> bool:
    return _distance_up(token, root) is None


def _in_subset(argument: Token, anchor: Token) -> bool:
    token, steps = argument, 0
    while token.i != anchor.i and token.head.i != token.i and steps < 10:
        if token.dep_ == "prep" and token.lower_ in _SUBSET:
            return True
        if token.dep_ == "pobj" and token.head.lower_ in _SUBSET:
            return True
        token, steps = token.head, steps + 1
    return False


def _combine(doc: Doc, found: list[MagnitudeSpan]) -> dict[str, MagnitudeSpan]:
    out: dict[str, MagnitudeSpan] = {}
    for kind in KINDS:
        groups: list[MagnitudeSpan] = []
        for magnitude in sorted((m for m in found if m.kind == kind), key=lambda m: m.start):
            previous = groups[-1] if groups else None
            if previous is not None and _coordinated(doc, previous, magnitude):
                groups[-1] = replace(
                    previous,
                    value=previous.value + magnitude.value,
                    end=magnitude.end,
                    rule=f"{previous.rule}+{magnitude.rule}",
                    qualifier=previous.qualifier or magnitude.qualifier,
                )
            else:
                groups.append(magnitude)
        # An increment ("after three more people died") is part of another figure, not a
        # report of its own; of differing reports the lowest is kept (ACLED's rule).
        totals = [m for m in groups if not _increment(doc, m)] or groups
        if totals:
            out[kind] = min(totals, key=lambda m: (m.value, m.start))
    return out


def _increment(doc: Doc, magnitude: MagnitudeSpan) -> bool:
    """ "three more people", "another 12", "two additional soldiers"."""
    text = doc_text(doc)[magnitude.start : magnitude.end].lower()
    return _INCREMENT.search(text) is not None


def _coordinated(doc: Doc, first: MagnitudeSpan, second: MagnitudeSpan) -> bool:
    """Two counts of different victims of one act: "two soldiers and three civilians"."""
    if first.anchor != second.anchor:
        return False
    token = doc[second.argument]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i == first.argument:
            return True
    return False
