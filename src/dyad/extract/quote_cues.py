"""Cue lists and the parse helpers that find cues and speakers, plus the QuoteSpan value.

The cue list (data/quotes/cue_verbs.tsv) is read once per process. Speakers are returned as
written ("he", "the ministry"); resolving them is the caller's job.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from dyad.datafiles import DataFileError, read_fields

CUE_FILE = Path(__file__).resolve().parents[1] / "data" / "quotes" / "cue_verbs.tsv"
CUE_KINDS = ("verb", "verb+object", "stance", "direct", "noun", "phrase")
_SPEAKER_RIGHT_DEPS = {"compound", "flat", "nummod", "prep", "poss", "cc", "conj"}
_SPEAKER_PREPS = {"of", "for", "at", "from", "with", "in"}
_SUBJECTS = ("nsubj", "nsubjpass")
_TIMES = {"DATE", "TIME"}  # "5:45 p.m. Johnson's doctor is calling ...": not a speaker
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "relcl", "acl", "pcomp"}


class CueFileError(DataFileError):
    """A malformed line in the cue list, named by file and line number."""


@dataclass(frozen=True)
class Cues:
    """Cue lemmas by kind, as loaded from ``cue_verbs.tsv``."""

    verbs: frozenset[str]  # every cue verb, object-taking ones included
    object_verbs: frozenset[str]  # verbs whose object can be the content
    stance_verbs: frozenset[str]  # stances and advocacy: indirect content only, never a direct cue
    direct_verbs: frozenset[str]  # cue a direct quote only ("he continued: ...")
    nouns: frozenset[str]
    phrases: frozenset[str]


@dataclass(frozen=True)
class QuoteSpan:
    """A quote as character offsets: content, cue and speaker (None where not found)."""

    start: int
    end: int
    kind: str  # direct | indirect
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    rule: str


@functools.cache
def load_cues(path: Path = CUE_FILE) -> Cues:
    """Read the cue list once per process; a bad line raises CueFileError."""
    found: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
    for number, fields in read_fields(path, CueFileError):
        if len(fields) != 3:
            raise CueFileError(path, number, f"expected 3 tab-separated fields, got {len(fields)}")
        lemma, kind, _note = (field.strip() for field in fields)
        if kind not in CUE_KINDS:
            raise CueFileError(path, number, f"kind {kind!r} is not one of {CUE_KINDS}")
        if not lemma or lemma != lemma.lower():
            raise CueFileError(path, number, f"lemma {lemma!r} must be non-empty lower case")
        verb_kinds = ("verb", "verb+object", "stance", "direct")
        if lemma in found[kind] or (
            kind in verb_kinds and any(lemma in found[k] for k in verb_kinds)
        ):
            raise CueFileError(path, number, f"duplicate {kind} cue {lemma!r}")
        found[kind].add(lemma)
    return Cues(
        verbs=frozenset(found["verb"] | found["verb+object"]),
        object_verbs=frozenset(found["verb+object"]),
        stance_verbs=frozenset(found["stance"]),
        direct_verbs=frozenset(found["direct"]),
        nouns=frozenset(found["noun"]),
        phrases=frozenset(found["phrase"]),
    )


def token_index(starts: list[int], char: int) -> int:
    """Index of the token that contains ``char`` (or the last one starting before it)."""
    return max(bisect.bisect_right(starts, char) - 1, 0)


def np_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``token``, without appositions or clauses."""
    left = token.left_edge
    while left.i < token.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = token
    for child in token.rights:
        if child.dep_ in _SPEAKER_RIGHT_DEPS and (
            child.dep_ != "prep" or child.lower_ in _SPEAKER_PREPS
        ):
            right = max(right, child.right_edge, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing out of participles and conjuncts."""
    for _ in range(4):
        subjects = [
            child
            for child in verb.children
            if child.dep_ in _SUBJECTS and child.tag_ != "EX" and child.ent_type_ not in _TIMES
        ]
        if subjects:
            # Two subjects are a misparse ("KYIV, Ukraine (AP) — President Zelensky said"): the
            # nearer one is the speaker. "Smith, who said ...": the speaker is written "who"
            # (as PolNeAR marks it); the actor resolver takes it back to Smith.
            return min(subjects, key=lambda child: abs(verb.i - child.i))
        for child in verb.children:
            if child.dep_ == "agent":  # "it was announced by the ministry"
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
            return None
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        verb = verb.head
        if verb.dep_ == "prep" and verb.head is not verb:
            verb = verb.head  # "responded by saying ...", "despite admitting ...": the outer verb
    return None


def verb_lemma(token: Token, known: frozenset[str]) -> str:
    """The token's lemma, repaired where the small model clips a silent e ("hopes" -> "hop")."""
    lemma = token.lemma_.lower()
    if lemma not in known and lemma + "e" in known and token.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma


def is_cue_verb(token: Token, cues: Cues) -> bool:
    return token.tag_.startswith("VB") and verb_lemma(token, cues.verbs) in cues.verbs


def according_to(token: Token) -> Token | None:
    """The object of "according to" when ``token`` is "according", else None."""
    if token.lower_ != "according":
        return None
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    objects = [c for c in nxt.children if c.dep_ == "pobj"]
    if objects:
        return objects[0]
    return token.doc[nxt.i + 1] if nxt.i + 1 < len(token.doc) else None


def subtree_bounds(token: Token) -> tuple[int, int]:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right.text)
