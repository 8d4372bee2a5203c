"""Which of a sentence's events to report: repeats merged, side mentions dropped, modes filled.

A sentence reports its own act; an earlier act named as its time or reason ("after protests by
students"), a participle describing a participant ("inspectors probing sites") or the purpose of
a protest ("to demand reforms") is not a second event when the sentence has one of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from dyad.extract.patterns import PatternBook

if TYPE_CHECKING:
    from dyad.extract.event_candidate import EventCandidate

REFLEXIVES = {"themselves", "himself", "herself", "itself", "oneself"}
# Words that introduce an earlier act as the time or reason of the reported one.
# "in support of", "in solidarity with": the purpose of another act.
PURPOSE_NOUNS = {"support", "solidarity", "sympathy"}
BACKGROUND_WORDS = {
    "after", "following", "since", "before", "because", "despite", "amid", "of", "over",
}  # fmt: skip


def prune_events(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """Drop repeats and side mentions when the sentence reports an act of its own.

    A side mention is an earlier act named as a time or reason ("after violent protests by
    Muslim groups", "following the killing of") or a participle describing a participant
    ("inspectors probing suspect sites"); the sentence's own act is what it reports.
    """
    unique: list[EventCandidate] = []
    for event in events:
        src, tgt = _lower(doc, event.source), _lower(doc, event.target)
        twin = next(
            (
                n
                for n, u in enumerate(unique)
                if u.event_type == event.event_type
                and _lower(doc, u.source) == src
                and (src or tgt)
                and (_lower(doc, u.target) in {tgt, ""} or not tgt)
            ),
            None,
        )
        nested = _nested_twin(doc, event, unique) if twin is None else None
        doer = _doer_twin(event, unique)
        if twin is None and doer is not None:
            # "US attacks killed eight leaders": the attack and the killing are one act, done
            # by the attack's doer to the killing's victims.
            verb_act, noun_act = (event, unique[doer])
            kept_source = unique[doer].source
            if kept_source is not None and _within(kept_source, event):
                verb_act, noun_act = unique[doer], event
            unique[doer] = replace(
                verb_act,
                source=noun_act.source,
                target=verb_act.target if verb_act.target is not None else noun_act.target,
            )
        elif nested is not None:
            unique[nested] = merge_twins(doc, unique[nested], event)
        elif twin is None:
            unique.append(event)
        elif unique[twin].target is None and event.target is not None:
            # "began a hunger strike to protest against X": one protest, against X.
            unique[twin] = replace(unique[twin], target=event.target)
        else:  # the dropped repeat's candidate targets stay options of the kept one
            kept = unique[twin]
            extra = (event.target,) if event.target is not None else ()
            options = tuple(
                i
                for i in dict.fromkeys(kept.target_options + extra + event.target_options)
                if i != kept.target and doc[i].lower_ not in REFLEXIVES
            )
            unique[twin] = replace(kept, target_options=options)
    # "blew themselves up" is part of a suicide attack, not an act on oneself.
    unique = [e for e in unique if e.target is None or doc[e.target].lower_ not in REFLEXIVES]
    protests = [e for e in unique if e.event_type == "PROTEST"]
    heads = {e.clause_head for e in unique if e.event_type != "PROTEST"}
    side = [
        _side_mention(doc, e)
        or _protest_purpose(doc, e, protests)
        or _purpose_of_protest(doc, e, heads)
        for e in unique
    ]
    if all(side):
        return unique
    return [e for e, is_side in zip(unique, side, strict=True) if not is_side]


def _within(index: int, event: EventCandidate) -> bool:
    return event.trigger_start <= index < event.trigger_end


def _doer_twin(event: EventCandidate, kept: list[EventCandidate]) -> int | None:
    """A kept act of the same type whose source is this act's trigger, or the reverse."""
    for n, other in enumerate(kept):
        if other.event_type != event.event_type:
            continue
        if (event.source is not None and _within(event.source, other)) or (
            other.source is not None and _within(other.source, event)
        ):
            return n
    return None


def _nested_twin(doc: Doc, event: EventCandidate, kept: list[EventCandidate]) -> int | None:
    """A kept act of the same type that this one names again inside its clause, or the reverse,
    with no other doer: "staged a hunger strike ... in protest against X", "opened fire ...,
    killing one person", "was killed in a car bomb explosion"."""
    for n, other in enumerate(kept):
        if other.event_type != event.event_type:
            continue
        for outer, inner in ((other, event), (event, other)):
            if not _inside_clause(doc, inner, outer):
                continue
            # "were killed in a massacre by militiamen": an outer act with no doer named is done
            # by the doer of the act it is named as.
            if (
                inner.source is None
                or outer.source is None
                or _same_doer(doc, outer.source, inner.source)
            ):
                return n
    return None


def merge_twins(doc: Doc, first: EventCandidate, second: EventCandidate) -> EventCandidate:
    """One act from two mentions: the outer clause's event, with the doer and target either
    names (the outer's first)."""
    outer, inner = first, second
    first_in, second_in = _inside_clause(doc, first, second), _inside_clause(doc, second, first)
    if first_in and not second_in:
        outer, inner = second, first
    elif first_in and second_in and _width(second) > _width(first):
        outer, inner = second, first  # "protests have been held": the fuller trigger
    # The inner mention's target stays an option ("struck power plants, killing three people":
    # the plants name no actor, the people do).
    victims: tuple[int, ...] = (inner.target,) if inner.target is not None else ()
    options = tuple(
        i
        for i in dict.fromkeys(outer.target_options + victims + inner.target_options)
        if doc[i].lower_ not in REFLEXIVES
    )
    return replace(
        outer,
        source=outer.source if outer.source is not None else inner.source,
        target=outer.target if outer.target is not None else _not_reflexive(doc, inner.target),
        target_options=options,
    )


def _width(event: EventCandidate) -> int:
    return event.trigger_end - event.trigger_start


def _inside_clause(doc: Doc, inner: EventCandidate, outer: EventCandidate) -> bool:
    """The inner act is named within the outer act's clause, not in a clause of its own
    ("rejected the plan and said they opposed the force" reports two acts)."""
    token = doc[inner.trigger_start]
    for _ in range(12):
        if token.i == outer.clause_head:
            return True
        if token.dep_ in {"conj", "ccomp", "parataxis"} and token.pos_ in {"VERB", "AUX"}:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _not_reflexive(doc: Doc, index: int | None) -> int | None:
    return None if index is None or doc[index].lower_ in REFLEXIVES else index


def _same_doer(doc: Doc, outer: int | None, inner: int) -> bool:
    """The same doer, or a pronoun standing for it ("... when they blew themselves up")."""
    if outer is None:
        return False
    return doc[outer].lower_ == doc[inner].lower_ or doc[inner].pos_ == "PRON"


def _protest_purpose(doc: Doc, event: EventCandidate, protests: list[EventCandidate]) -> bool:
    """ "staged demonstrations to demand reforms": the demand is what the protest is for;
    "held a sit-in against the arrest of their leaders": the arrest is its grievance, an act
    named, not reported, whose doer the protesters are not."""
    head = doc[event.clause_head]
    trigger = doc[event.trigger_start]
    for protest in protests:
        if protest is event:
            continue
        inside = {
            t.i
            for c in doc[protest.clause_head].children
            if c.dep_ not in {"nsubj", "nsubjpass", "csubj"}  # "the arrest sparked protests"
            for t in c.subtree
        }
        if event.event_type in {"REQUEST", "ACCUSE", "REJECT"}:
            if head.i != protest.clause_head and head.i in inside:
                return True
        elif (
            trigger.pos_ == "NOUN"
            and trigger.i in inside
            and not protest.trigger_start <= trigger.i < protest.trigger_end
            and (event.source is None or event.source == protest.source)
        ):
            return True
    return False


def _purpose_of_protest(doc: Doc, event: EventCandidate, heads: set[int]) -> bool:
    """ "recalled its ambassador to protest the killing": a protest named as the purpose of
    another act is the reason for that act (CAMEO codes the recall, 161), not a second event."""
    verb = doc[event.clause_head]
    return (
        event.event_type == "PROTEST"
        and verb.pos_ == "VERB"
        and verb.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.i in heads
    )


def _side_mention(doc: Doc, event: EventCandidate) -> bool:
    trigger = doc[event.trigger_end - 1] if event.trigger_start == event.clause_head else None
    token = doc[event.clause_head] if trigger is None else trigger
    if token.dep_ == "acl" and token.tag_ in {"VBG", "VBN"}:
        return True
    if token.dep_ == "amod" and token.pos_ == "VERB":  # "the besieged town", "a banned party"
        return True
    if (
        token.dep_ == "advcl"
        and token.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in token.children)
    ):  # "Backed by air strikes, troops attacked": a passive participle describes the doer
        return True
    if _purpose_phrase(token):
        return True
    for _ in range(4):
        # "declared a state of emergency": an "of" inside the trigger itself is no background
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in BACKGROUND_WORDS
            and not _within(token.head.i, event)
        ):
            return token.pos_ in {"NOUN", "PROPN"} or event.source is None
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_WORDS for c in token.children
        ):
            return event.source is None
        if token.dep_ in {"ROOT", "ccomp", "xcomp", "conj"} or token.head is token:
            return False
        token = token.head
    return False


def _purpose_phrase(noun: Token) -> bool:
    """ "rallies in support of the jailed leader", "a march in solidarity with the strikers": the
    phrase says what another act is for; it is no act of its own."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.pos_ == "NOUN"
        and prep.lower_ == "in"
        and noun.lemma_.lower() in PURPOSE_NOUNS
        and prep.head.i != prep.i
    )


def _damage_by_weapon(doc: Doc, event: EventCandidate, book: PatternBook) -> EventCandidate:
    """ "The airliner was blown up by a missile", "rebels destroyed the bridge with rockets":
    property damaged by a weapon is an attack, not a seizure. The weapon must be the doer or the
    instrument; a weapon that is the object ("seized rockets") is what was taken."""
    verb = doc[event.trigger_start]
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [
        g for c in verb.children if c.dep_ == "agent" or c.lower_ == "with" for g in c.children
    ]
    for doer in doers:
        mode = (book.weapon_modes or {}).get(doer.lemma_.lower())
        if doer.lower_.endswith(("man", "men")):
            continue  # "gunmen burned homes": people who carry the weapon, not the weapon
        if mode is not None and doer.dep_ in {"nsubj", "pobj"}:
            note = f"{event.note}; " if event.note else ""
            return replace(
                event,
                event_type="ASSAULT",
                mode=mode.mode,
                cameo=mode.cameo,
                note=f"{note}damage by weapon {doer.lemma_.lower()!r} coded as ASSAULT",
            )
    return event


def with_weapon_mode(doc: Doc, event: EventCandidate, book: PatternBook) -> EventCandidate:
    """An attack with no mode of its own takes it from the weapon named in its clause."""
    if event.event_type == "COERCE" and event.mode == "seize" and book.weapon_modes:
        return _damage_by_weapon(doc, event, book)
    if event.event_type != "ASSAULT" or event.mode is not None or not book.weapon_modes:
        return event
    head = doc[event.clause_head]
    tokens = list(head.subtree)
    if head.dep_ == "advcl" and head.tag_ == "VBG":
        # "fired rockets at the camps, killing 50": the killing was done with what was fired
        # (the governing clause's objects, not its subject: "a bomb hit the convoy, killing
        # four" takes the bomb's mode from the bomb's own event).
        tokens = [
            t for c in head.head.children if c.dep_ not in {"nsubj", "nsubjpass"} for t in c.subtree
        ]
    words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    for lemma, mode in book.weapon_modes.items():
        if lemma in words:
            note = f"{event.note}; " if event.note else ""
            return replace(
                event, mode=mode.mode, cameo=mode.cameo, note=f"{note}mode from weapon {lemma!r}"
            )
    return event


# Things that do harm but are not who acted: "a missile hit the school", "the fire burned homes".
# Vehicles and fighters (warplanes, drones, gunmen) stand for their side and stay sources.
_MUNITIONS = frozenset(
    {"ied", "bomb", "car-bomb", "explosive", "explosion", "blast", "device", "landmine", "mine"}
    | {"grenade", "missile", "rocket", "mortar", "shell", "shelling", "gunfire", "bullet", "shot"}
    | {"fire", "blaze", "flame", "airstrike", "strike", "chemical", "sarin", "chlorine"}
)


def without_non_actor_source(doc: Doc, event: EventCandidate) -> EventCandidate:
    """Drop a source that is the event itself ("Fighting erupted": the subject is the trigger)
    or a munition with no side named ("a missile killed two"; "Russian missiles" keep Russia)."""
    source = event.source
    if source is None:
        return event
    token = doc[source]
    if event.trigger_start <= source < event.trigger_end:
        return replace(event, source=None)
    if (
        token.pos_ == "NOUN"
        and (token.lemma_.lower() in _MUNITIONS or token.lower_ in _MUNITIONS)
        and not any(t.ent_type_ in {"NORP", "GPE", "ORG"} for t in token.subtree)
    ):
        note = f"{event.note}; " if event.note else ""
        launcher = _launcher(token)
        if launcher is not None:  # "a missile fired by rebels": the rebels
            return replace(event, source=launcher.i, note=f"{note}launcher of {token.lower_!r}")
        return replace(event, source=None, note=f"{note}munition {token.lower_!r} is no source")
    return event


def _launcher(munition: Token) -> Token | None:
    """ "a missile fired by rebels", "rockets launched by Hamas": the participle's agent."""
    for participle in munition.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for agent in (c for c in participle.children if c.dep_ == "agent"):
            doer = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if doer is not None and doer.pos_ in {"NOUN", "PROPN"}:
                return doer
    return None


def _lower(doc: Doc, index: int | None) -> str:
    return "" if index is None else doc[index].lower_
