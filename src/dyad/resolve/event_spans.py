"""The actor phrase of an event's source or target: which token names the actor, and its span.

An event argument found by the parse is often a thing that belongs to the actor ("Turkey's
efforts", "Palestinian homes", "the offices of the administrators"): the actor is the possessor,
the nationality or organisation modifier, or the "of" phrase. The span kept is the actor phrase
as event coders mark it (PLOVER GSR): the head with its titles, names and nationality words, but
no determiner, number, quantifier or evaluative adjective ("the", "46", "at least", "war-torn").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import entity_of
from dyad.resolve.event_actor_words import (
    ACTOR_ENTS,
    AFFILIATION_PREPS,
    ALLEGIANCE_WORDS,
    BUILDING_NOUNS,
    CONVEYANCE_NOUNS,
    EQUIPMENT_NOUNS,
    HOLDING_PARTICIPLES,
    KEPT_ADJECTIVES,
    LANGUAGE_NOUNS,
    LEADING_DROP_DEPS,
    LEADING_DROP_TAGS,
    ORG_STAND_INS,
    OWNER_PREPS,
    PLACE_NOUNS,
    PLACING_PARTICIPLES,
    REGIME_NOUNS,
    SETTLEMENT_NOUNS,
    SOURCE_PREPS,
    TARGET_PREPS,
    is_actor_token,
    is_non_actor_noun,
    is_place_token,
    organisation_of,
)

__all__ = ["actor_span", "actor_token", "is_actor_token", "is_non_actor_noun", "is_place_token"]


def actor_token(token: Token, kb: ActorKB, depth: int = 0) -> Token:
    """The token that names the actor of an argument: itself, or the possessor, the nationality
    or organisation modifier, or the "of"/"by"/"against" phrase of a thing ("Turkey's efforts",
    "Palestinian homes", "calls by Belarus's rulers", "action against Russia")."""
    if depth > 3 or token.pos_ not in {"NOUN", "PROPN"}:
        return token
    org = organisation_of(token, kb)
    if org is not None:
        return org
    if token.lemma_.lower() in BUILDING_NOUNS:
        owner = _owner_of_building(token, kb, depth)
        if owner is not None:
            return owner
    if token.lemma_.lower() in EQUIPMENT_NOUNS:
        # "U.N. helicopters", "army bulldozers", "a missile fired by rebels": whose machines
        # they are ("Russian aircraft" is kept whole: the nationality is no owner by itself).
        named = [t for t in _named_modifiers(token, kb) if t.pos_ != "ADJ"]
        owners = [_doer_of_thing(token, kb, depth), *reversed(named)]
        owner = next((o for o in owners if o is not None), None)
        if owner is not None:
            return owner
    if token.lemma_.lower() in CONVEYANCE_NOUNS:
        riders = _carried(token, kb, depth)
        if riders is not None:  # "a convoy carrying U.N. peacekeepers": who was in it
            return riders
    leader = _leader_of(token) if token.lemma_.lower() in REGIME_NOUNS else None
    if leader is not None:
        return leader
    if is_actor_token(token, kb):
        return token
    for child in token.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and is_actor_token(child, kb):
            return child
    if token.lemma_.lower() in PLACE_NOUNS and _named_place_part(token) is not None:
        return token  # "the Bosnian town of Gorazde": the place itself, as PLOVER codes it
    if token.lemma_.lower() in SETTLEMENT_NOUNS and any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in token.lefts
    ):
        return token  # "a Kurdish village": a community hit, not the Kurds at large
    modifiers = _named_modifiers(token, kb)
    if modifiers:
        return modifiers[-1]
    for prep in OWNER_PREPS:
        for child in token.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ == prep:
                inner = _actor_object(child, kb, depth)
                if inner is not None:
                    return inner
    doer = _doer_of_thing(token, kb, depth)
    return doer if doer is not None else token


def _doer_of_thing(token: Token, kb: ActorKB, depth: int) -> Token | None:
    """ "property seized by Algerian forces", "a missile fired by rebels": the doer of what was
    done to or with the thing."""
    for participle in token.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN":
            # "a bill signed in by the minister": the "by" may hang off the particle.
            near = [*participle.children, *(g for c in participle.children for g in c.children)]
            for agent in near:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    doer = _actor_object(agent, kb, depth)
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if doer is None and pobj is not None and pobj.ent_type_ == "LOC":
                        doer = pobj  # "sanctions imposed by Washington": a capital acts
                    if doer is not None:
                        return doer
    return None


def _named_modifiers(token: Token, kb: ActorKB) -> list[Token]:
    """Actors named among a thing's modifiers: "Israeli homes", "rebel camps" ("military aid"
    names none, nor do the words of the thing's own name, "the Reciprocal Access Agreement")."""
    own = entity_of(token)
    return [
        t
        for c in token.lefts
        if c.dep_ in {"compound", "amod", "nmod"}
        for t in c.subtree
        if (t.dep_ in {"compound", "amod", "nmod", "poss"} or _holder_word(t))
        and is_actor_token(t, kb)
        and (t.pos_ != "ADJ" or t.ent_type_)
        and not (own is not None and is_non_actor_noun(token) and own.start <= t.i < own.end)
        and not (t.ent_type_ == "NORP" and token.lemma_.lower() in LANGUAGE_NOUNS)
    ]


def _carried(vehicle: Token, kb: ActorKB, depth: int) -> Token | None:
    """The people a vehicle carried: "a bus carrying pilgrims", "a plane with troops on board"."""
    for acl in vehicle.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in {"carry", "transport", "ferry"}:
            obj = next((c for c in acl.children if c.dep_ == "dobj"), None)
            actor = actor_token(obj, kb, depth + 1) if obj is not None else None
            if actor is not None and is_actor_token(actor, kb):
                return actor
    return None


def _holder_word(token: Token) -> bool:
    """ "rebel-held districts", "Taliban-ruled provinces": who holds the place."""
    return (
        token.dep_ == "npadvmod"
        and token.head.tag_ == "VBN"
        and token.head.lower_ in HOLDING_PARTICIPLES
    )


def _leader_of(regime: Token) -> Token | None:
    """ "President Suharto's government", "the military government of President Avril": event
    coders mark the leader a regime is named after."""
    for child in regime.children:
        if child.dep_ == "poss" and child.ent_type_ == "PERSON":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ == "PERSON":
                return pobj
    return None


def _named_place_part(place: Token) -> Token | None:
    """The name in "the town of Gorazde", "a village in Western Cambodia"."""
    for prep in place.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}:
                    return pobj
    return None


def _owner_of_building(token: Token, kb: ActorKB, depth: int) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and is_actor_token(child, kb):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            inner = _actor_object(child, kb, depth)
            if inner is not None:
                return inner
    return None


def _actor_object(prep: Token, kb: ActorKB, depth: int) -> Token | None:
    """The actor a preposition's object names ("by Algerian forces", "of the ministry")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    inner = actor_token(pobj, kb, depth + 1) if pobj is not None else None
    return inner if inner is not None and is_actor_token(inner, kb) else None


def actor_span(
    token: Token, kb: ActorKB, owner: Token | None = None, role: str = "source"
) -> tuple[int, int]:
    """Token range [start, end) of the actor phrase headed by ``token``.

    ``owner``: the thing the actor modifies ("camps" in "Kampuchean guerrilla camps"); the
    modifiers left of the actor word are then part of the phrase.
    """
    doc: Doc = token.doc
    if token.pos_ == "PRON":
        return token.i, token.i + 1
    if (
        owner is None
        and token.dep_ in {"compound", "nmod"}
        and (token.head.lower_ in ORG_STAND_INS or token.head.ent_type_ in {"DATE", "TIME"})
    ):  # "the computers of South Korean army officers", "met [Syrian President Assad] Tuesday"
        owner = token.head
    if owner is None and _holder_word(token) and token.head.dep_ == "amod":
        owner = token.head.head  # "Albanian rebel-held territory": "Albanian rebel"
    ent = entity_of(token)
    start, end = token.i, token.i + 1
    if ent is not None and ent.label_ in ACTOR_ENTS | {"LOC", "FAC"}:
        start, end = min(start, ent.start), max(end, ent.end)
    head = token if ent is None else ent.root
    lefts = [t for t in head.subtree if t.i < start]
    if owner is not None and (
        (head.head.i == owner.i and head.dep_ in {"compound", "amod", "nmod"})
        or (_holder_word(head) and head.head.head.i == owner.i)
    ):
        lefts += [t for c in owner.lefts if c.i < head.i for t in c.subtree]
    start = _contiguous_left(doc, start, {t.i for t in lefts})
    place_name = _named_place_part(head) if owner is None and is_place_token(head) else None
    if place_name is not None:
        end = place_name.i + 1
    elif owner is None:
        end = _kept_right(head, end, kb, SOURCE_PREPS if role == "source" else TARGET_PREPS)
        end = max(end, _apposed_name_end(head, end), _placing_end(head, end))
    name_start = ent.start if ent is not None and ent.label_ in {"PERSON", "ORG", "GPE"} else -1
    while start < end - 1 and _drop_leading(doc[start], start < name_start):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _contiguous_left(doc: Doc, start: int, allowed: set[int]) -> int:
    """Extend left over the phrase's own words; a bracketed part of a name ("the Umma (Nation)
    party") stays in, a comma or dash clause does not."""
    inner = start
    while inner - 1 in allowed and (
        not doc[inner - 1].is_punct
        or doc[inner - 1].text in {"-", "(", ")"}
        or doc[inner - 1].tag_ == "POS"  # "the teachers' union"
        or (doc[inner - 1].text == "." and doc[inner - 1].tag_ == "NNP")  # "Lt. Gen."
    ):
        inner -= 1
        if not doc[inner].is_bracket:
            start = inner
        elif doc[inner].text == "(":
            start = inner + 1  # an unclosed bracket: the name starts after it
    return start


def _apposed_name_end(head: Token, end: int) -> int:
    """ "religious leader Ayatollah Ruhollah Khomeini", "Minister for Interior Aftab Sherpao":
    a name set right after its title, with no comma, is part of the phrase."""
    for child in head.rights:
        if child.dep_ != "appos" or child.ent_type_ != "PERSON":
            continue
        gap = head.doc[head.i + 1 : child.left_edge.i]
        if child.left_edge.i >= end and not any(t.is_punct for t in gap) and len(gap) <= 3:
            return child.right_edge.i + 1 if not child.right_edge.is_punct else child.i + 1
    return end


def _placing_end(head: Token, end: int) -> int:
    """ "a newspaper based in Christian east Beirut", "militants loyal to the commander":
    where the actor sits or whom it serves names it."""
    for child in head.rights:
        if child.i != end:
            continue
        placing = child.dep_ == "acl" and child.lower_ in PLACING_PARTICIPLES
        serving = child.dep_ in {"amod", "acl"} and child.lower_ in ALLEGIANCE_WORDS
        if (placing or serving) and any(c.dep_ in {"prep", "agent"} for c in child.children):
            last = child.right_edge
            while last.i > child.i and (last.is_punct or last.dep_ in {"cc"}):
                last = last.doc[last.i - 1]
            return min(last.i + 1, _first_clause_token(child, child.i + 1))
    return end


def _kept_right(head: Token, end: int, kb: ActorKB, preps: set[str]) -> int:
    """Extend over an "of"/"in" phrase that is part of the actor ("member of the parliament")."""
    if head.ent_type_ in ACTOR_ENTS - {"NORP"} and head.pos_ == "PROPN":
        return end
    if head.pos_ == "PROPN" and head.is_title:
        end = _name_continuation(head, end)
    for child in head.rights:
        if child.i < end:
            continue
        affiliation = child.lower_ in AFFILIATION_PREPS and _is_person_group(head, kb)
        if child.dep_ != "prep" or not (child.lower_ in preps or affiliation):
            break
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        people = pobj is not None and pobj.ent_type_ == "NORP" and pobj.tag_ in {"NNS", "NNPS"}
        if pobj is None or not (
            people  # "a group of Albanians"
            or any(
                t.ent_type_ != "NORP"
                and (t.ent_type_ or is_actor_token(t, kb) or t.pos_ == "PROPN")
                for t in pobj.subtree
            )
        ):
            break  # "administrators of Muslim property": a thing, not part of who they are
        if affiliation and child.lower_ not in preps:
            return pobj.i + 1 if _named(pobj) else end
        ids = [t.i for t in child.subtree if not (t.dep_ in {"relcl", "acl"} or t.is_punct)]
        stop = _first_clause_token(child)
        return min(max(ids) + 1, stop) if ids else end
    return end


def _is_person_group(head: Token, kb: ActorKB) -> bool:
    """People named by a common noun ("students", "missionary"), not an organisation's name."""
    return head.pos_ == "NOUN" and is_actor_token(head, kb)


def _named(pobj: Token) -> bool:
    """A named place or institution: "Calgary", "Cumhuriyet University", "East Timor's capital"
    (not "a heating plant in the Kyivskyi district": the name there is the plant's place)."""
    own = [pobj, *(c for c in pobj.children if c.dep_ in {"compound", "poss"})]
    return pobj.pos_ == "PROPN" or any(t.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} for t in own)


def _name_continuation(head: Token, end: int) -> int:
    """ "the Congolese Association for Access to Justice": a name's own capitalised phrases."""
    for child in head.rights:
        if child.i != end or child.dep_ != "prep" or child.lower_ not in {"for", "of", "to", "on"}:
            break
        aside = {
            d.i for t in child.subtree if t.dep_ in {"appos", "relcl", "acl"} for d in t.subtree
        }
        words = [t for t in child.subtree if t.i > child.i and t.i not in aside]
        words = [t for t in words if not t.is_punct]
        if not words or not all(t.is_title or t.dep_ == "det" or t.pos_ == "ADP" for t in words):
            break
        end = max(t.i for t in words) + 1
    return end


def _first_clause_token(prep: Token, after: int = -1) -> int:
    """Where a relative or participle clause inside the phrase starts (it is not the actor)."""
    for t in prep.subtree:
        if t.i <= after:
            continue
        if t.dep_ in {"relcl", "acl"} or t.text in {",", "("}:
            return min(s.i for s in t.subtree)
    return len(prep.doc)


def _drop_leading(token: Token, name: bool) -> bool:
    if token.dep_ == "npadvmod" and token.head.tag_ == "VBN" and not token.ent_type_:
        return True  # "war-torn Mozambique" ("Vietnamese-led forces" names a side: kept)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.text == "-" and not token.like_num:
        return False  # "anti-Syria journalist": a hyphenated word is kept whole
    if token.dep_ in LEADING_DROP_DEPS or token.tag_ in LEADING_DROP_TAGS or token.is_punct:
        return True
    if token.pos_ == "ADV" and token.dep_ in {"advmod", "quantmod"}:
        return True  # "nearly 3,000 Danish sites"
    if token.lower_ in {"at", "least", "most", "up", "to", "about", "some", "more", "than", "of"}:
        return token.dep_ in {"advmod", "quantmod", "prep", "pobj", "amod"} or token.like_num
    # "war-torn Mozambique", "neighboring Lebanon", "suspected British militant": descriptions.
    if token.dep_ == "amod" and token.pos_ == "VERB":
        return True
    if name and token.is_lower and not token.ent_type_ and token.lower_ not in KEPT_ADJECTIVES:
        return True  # "candidate Alassane Ouattara", "opposition leader X" (titles are capitalised)
    return (
        token.pos_ == "ADJ"
        and not token.ent_type_
        and token.is_lower
        and token.lower_ not in KEPT_ADJECTIVES
    )
