"""Acts reported inside a speaker's clause that no verb pattern codes: an obligation the speaker
lays on someone ("Russia said Sudan must return the helicopter": a REQUEST) and blame ("Washington
said Tehran was behind the attack": an ACCUSE)."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_arguments import REPORT_VERBS, can_be_actor, subject_of
from dyad.extract.event_candidate import EventCandidate
from dyad.extract.event_modality import OBLIGATION_AUX, clause_modality
from dyad.extract.event_modality_cues import obliged_act
from dyad.extract.event_triggers import match_trigger
from dyad.extract.non_agents import is_natural_force
from dyad.extract.patterns import PatternBook


def reported_demand(verb: Token, book: PatternBook) -> EventCandidate | None:
    """ "Russia said Sudan must return the helicopter": a REQUEST (demand) from the speaker."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in {"ccomp", "conj"}:
        return None
    must = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX), None)
    clause = verb.head if verb.dep_ == "ccomp" else verb.head.head
    negated = any(c.dep_ == "neg" for c in verb.children)
    needed = obliged_act(verb)  # "said Russia needs to withdraw": the act is "withdraw"
    if needed is not None and must is None and not negated:
        must, verb = verb, needed
    if must is None or clause.lemma_.lower() not in REPORT_VERBS or clause.pos_ != "VERB":
        return None
    if clause_modality(clause) != "actual":
        return None
    source = subject_of(clause)
    obliged = must if must.i == verb.head.i and must.dep_ != "aux" else verb  # "needs to"
    target = next((c for c in obliged.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if target is not None and target.lower_ in {"it", "they", "we", "i", "he", "she"}:
        target = None if source is None or target.lower_ in {"we", "i"} else target
    match = match_trigger(verb, book)
    inner = match[0].event_type if match is not None else None
    mode = None
    if negated and match is None:
        return None  # "should not stir up trouble": no act to hold back from
    if negated:  # "said Israel must not attack Rafah": a demand to hold back
        inner = "de-escalate" if inner in {"ASSAULT", "MOBILIZE", "COERCE"} else "NOT"
    for key in (verb.lemma_.lower(), inner or ""):
        if negated and key == verb.lemma_.lower():
            continue
        found = book.intent_modes.get(("REQUEST", key.lower()))
        if found is not None:
            mode = found
            break
    source = source if can_be_actor(source) else None
    return EventCandidate(
        trigger_start=must.i,
        trigger_end=verb.i + 1,
        clause_head=clause.i,
        source=None if source is None else source.i,
        target=None if target is None or not can_be_actor(target) else target.i,
        event_type="REQUEST",
        mode=mode.mode if mode else None,
        contexts=(mode.context,) if mode and mode.context else (),
        cameo=mode.cameo if mode else "100",
        reciprocal=False,
        confidence=0.6 if source is not None else 0.45,
        rule="demand:reported-obligation",
    )


def reported_blame(copula: Token) -> EventCandidate | None:
    """ "Washington said Tehran was behind the attack": an accusation by the speaker; the attack
    it blames Tehran for is folded into it."""
    if copula.lemma_.lower() != "be" or copula.dep_ != "ccomp":
        return None
    clause = copula.head
    blame = next(
        (c for c in copula.children if c.lower_ in {"behind", "responsible", "guilty"}), None
    )
    if blame is None or clause.lemma_.lower() not in REPORT_VERBS or clause.pos_ != "VERB":
        return None
    if any(c.dep_ == "neg" for c in copula.children) or clause_modality(clause) != "actual":
        return None
    source = subject_of(clause)
    target = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if target is None or not can_be_actor(target) or is_natural_force(target.lemma_.lower()):
        return None  # "said the storm was responsible for the cuts": no one is blamed
    return EventCandidate(
        trigger_start=blame.i,
        trigger_end=blame.i + 1,
        clause_head=clause.i,
        source=source.i if source is not None and can_be_actor(source) else None,
        target=target.i,
        event_type="ACCUSE",
        mode="allege",
        contexts=(),
        cameo="112",
        reciprocal=False,
        confidence=0.6 if source is not None else 0.45,
        rule="accuse:reported-blame",
    )
