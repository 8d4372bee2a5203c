"""Speech acts that govern other acts: "urged them to de-escalate" is one REQUEST (mode yield).

An act named inside a request, refusal, threat, promise or accusation is folded into that speech
act, which takes its mode (and its target options) from the act it names.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.extract.event_candidate import EventCandidate
from dyad.extract.patterns import PatternBook

SPEECH_TYPES = {"REQUEST", "REJECT", "THREATEN", "AGREE", "ACCUSE", "SUPPORT"}


VOW_VERBS = {"vow", "pledge", "promise", "swear"}


HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}


def fold_speech_acts(
    found: list[tuple[EventCandidate, Token]], book: PatternBook
) -> list[EventCandidate]:
    """Fold acts named inside a speech act into it; set the speech act's mode from them."""
    absorbed: set[int] = set()
    result: list[EventCandidate] = []
    speech = [(e, t) for e, t in found if e.event_type in SPEECH_TYPES]
    for index, (event, token) in enumerate(found):
        outer = _governing_speech_act(token, event, speech)
        if outer is not None:
            absorbed.add(index)
    for index, (event, token) in enumerate(found):
        if index in absorbed:
            continue
        if event.event_type in SPEECH_TYPES:
            event = _with_intent_mode(event, token, found, book)
        result.append(event)
    return result


def _governing_speech_act(
    token: Token, event: EventCandidate, speech: list[tuple[EventCandidate, Token]]
) -> EventCandidate | None:
    for outer, outer_token in speech:
        if outer_token.i == token.i or outer.clause_head == event.clause_head and outer is event:
            continue
        if token.i in _complement_ids(outer_token) and event is not outer:
            return outer
    return None


def _complement_ids(token: Token) -> set[int]:
    ids: set[int] = set()
    heads = [token]
    if token.dep_ in {"dobj", "nsubjpass"}:
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in {"xcomp", "ccomp", "dobj", "prep", "acl", "advcl", "pcomp"}:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" for m in child.children):
                    continue
                ids.update(t.i for t in child.subtree)
    return ids


def _with_intent_mode(
    event: EventCandidate,
    token: Token,
    found: list[tuple[EventCandidate, Token]],
    book: PatternBook,
) -> EventCandidate:
    inside = _complement_ids(token)
    keys: list[str] = []
    for t in sorted(inside):
        keys.append(token.doc[t].lemma_.lower())
    for inner, inner_token in found:
        if inner_token.i in inside and inner is not event:
            keys.insert(0, inner.event_type)
            keys.insert(0, inner_token.lemma_.lower())
    # The speech act's own arguments come first; an inner act's target is a later option.
    acts = [i for i, t in found if t.i in inside and i is not event]
    # "claimed that ISIL had attacked Iraq": the accused is the inner act's doer.
    doers = [i.source for i in acts] if event.event_type == "ACCUSE" else []
    inner_targets = tuple(t for t in [*doers, *(i.target for i in acts)] if t is not None)
    if event.target is None and not event.target_options and inner_targets:
        event = replace(event, target=inner_targets[0])
    else:
        options = tuple(dict.fromkeys(event.target_options + inner_targets))
        event = replace(event, target_options=options)
    if (
        event.event_type == "AGREE"
        and token.lemma_.lower() in VOW_VERBS
        and any(i.event_type in HOSTILE_TYPES for i in acts)
    ):  # "vowed to retaliate", "pledged to crush the rebels": a threat, not a promise
        event = replace(event, event_type="THREATEN", mode=None, cameo="130", note="vow of force")
    for key in keys:
        mode = book.intent_modes.get((event.event_type, key.lower()))
        if mode is not None:
            contexts = (mode.context,) if mode.context else event.contexts
            cameo = mode.cameo
            if event.cameo and event.cameo.startswith("02") and cameo.startswith("10"):
                cameo = "02" + cameo[2:]  # an appeal (02x) mirrors the demand codes (10x)
            return replace(event, mode=mode.mode, cameo=cameo, contexts=contexts)
    return event
