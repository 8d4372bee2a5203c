"""Compound actors: one event per member of a coordinated source or target.

Event data is dyadic: "The United States imposed sanctions on Iran, Libya and Sudan" is three
events (USA -> IRN, USA -> LBY, USA -> SDN), as PETRARCH and the CAMEO coders code it; "US and
British activists staged a protest" is two (USA OPP and GBR OPP protest). The first member keeps
the event the pattern found; every other member gets a copy of it with that member in its role.
Reciprocal events ("talks between A and B", "A and B clashed") already pair their members as
source and target and are left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dyad.article import Participant
from dyad.nlp.doc_text import span_at
from dyad.resolve.actor_phrases import country_of_name
from dyad.resolve.actors import ActorResolver
from dyad.resolve.event_spans import actor_token, is_actor_token, is_place_token

# A list longer than this is a roll call ("talks with 40 countries"), not a set of dyads.
MAX_MEMBERS = 8

ParticipantOf = Callable[[ActorResolver, int | None, str], Participant | None]


def compound_dyads(
    actors: ActorResolver,
    participant_of: ParticipantOf,
    found: tuple[Participant | None, Participant | None],
) -> list[tuple[Participant | None, Participant | None]]:
    """The (source, target) pairs of the other members of a coordinated source or target, in
    text order; [] when neither argument is a list. ``found``: the event's source and target."""
    source, target = found
    sources = [source, *_members(actors, participant_of, source, "source")]
    targets = [target, *_members(actors, participant_of, target, "target")]
    pairs = [
        (s, t)
        for s in sources
        for t in targets
        if (s, t) != (source, target) and not same_participant(s, t)
    ]
    return pairs[: MAX_MEMBERS - 1]


def between_pair(
    actors: ActorResolver, participant_of: ParticipantOf, head: int | None
) -> tuple[Participant, Participant] | None:
    """ "battles raged between insurgents and security forces": a target with no source that is
    the first of a "between" pair is one side of a reciprocal event, its partner the other."""
    if head is None:
        return None
    token = actor_token(actors.doc[head], actors.kb)
    if token.head.lower_ != "between" or token.dep_ != "pobj":
        return None
    partner = next((c for c in token.conjuncts if c.i > token.i), None)
    if partner is None or not _can_stand(partner, actors, "source"):
        return None
    first, second = (
        participant_of(actors, head, "source"),
        participant_of(actors, partner.i, "target"),
    )
    if first is None or second is None or same_participant(first, second):
        return None
    return first, second


def _members(
    actors: ActorResolver,
    participant_of: ParticipantOf,
    first: Participant | None,
    role: str,
) -> list[Participant]:
    """The other members of the list the argument's actor word heads: its conjuncts ("Iran,
    Libya and Sudan") or a coordinated nationality modifier ("US and British activists")."""
    if first is None or first.actor is None:
        return []
    span = span_at(actors.doc, first.start, first.end, actors.offset)
    if span is None:
        return []
    token = span.root
    conjuncts = [c for c in token.conjuncts if c.i > token.i]
    if len(conjuncts) + 1 > MAX_MEMBERS:
        return []
    members: list[Participant] = []
    for conj in conjuncts:
        if not _can_stand(conj, actors, role):
            continue
        member = participant_of(actors, conj.i, role)
        if member is not None and _new_country(member, [first, *members]):
            members.append(member)
    if not members:
        members = modifier_members(actors, token, first)
    return members


def _can_stand(token: Token, actors: ActorResolver, role: str) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    word = actor_token(token, actors.kb)
    return is_actor_token(word, actors.kb) or (role == "target" and is_place_token(word))


def modifier_members(actors: ActorResolver, token: Token, first: Participant) -> list[Participant]:
    """ "US and British activists", "the ministers of Armenia and Azerbaijan": the second country
    is the same kind of actor of its own country (the first keeps the event as resolved)."""
    actor = first.actor
    if actor is None or actor.country is None:
        return []
    members: list[Participant] = []
    # "the foreign ministers of Armenia and Azerbaijan": the same, in an "of" phrase
    owners = [g for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    words = [m for m in token.lefts if m.dep_ in {"amod", "compound", "nmod"}] + owners
    for word in words:
        for conj in word.conjuncts:
            name = actors.doc[_name_start(conj) : conj.i + 1]
            found = country_of_name(actors.kb, name.text)
            if found is None or found[0] == actor.country:
                continue
            update = {"country": found[0], "resolved_by": "coordinated-modifier", "id": None}
            copy = actor.model_copy(update={**update, "name": None})
            start = name.start_char + actors.offset
            members.append(
                Participant(text=name.text, start=start, end=start + len(name.text), actor=copy)
            )
    return members


def _name_start(token: Token) -> int:
    """Where a name ends by ``token`` begins: "North Korea" from "Korea"."""
    start = token.i
    while (
        start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head == token
    ):
        start -= 1
    return start


def _new_country(member: Participant, taken: list[Participant]) -> bool:
    """Only members of other countries make dyads of their own: "Iran, Libya and Sudan" are
    three, "President Kagame and his party" or "radio and television" one."""
    country = member.actor.country if member.actor is not None else None
    return country is not None and all(p.actor is None or p.actor.country != country for p in taken)


def same_participant(one: Participant | None, other: Participant | None) -> bool:
    """The same words or the same span: "Canada ... to Canada" is one actor, not a dyad."""
    if one is None or other is None:
        return False
    if one.text.casefold() == other.text.casefold():
        return True
    return one.start == other.start and one.end == other.end
