"""Where else an event's target may be named: objects, phrases and places, best first.

The resolver keeps the first option that names an actor ("power lines" names none).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_arguments import (
    can_be_actor,
    is_anonymous_people,
    is_moved_force,
    prep_object,
)

# Prepositions that introduce whom an act is aimed at or taken from.
TARGET_PREPS = {
    "to", "against", "on", "upon", "with", "from", "for", "at", "into", "toward", "towards",
}  # fmt: skip


# Where a place that is hit is named, when no actor is: "bombs in the capital Kabul", "lines
# leading into Kabul", "the withdrawal of forces from Panama".
PLACE_PREPS = {"in", "into", "inside", "at", "from", "across", "throughout"}


# Acts taken over a grievance: "a strike over a bill signed by the minister".
GRIEVANCE_TYPES = {"PROTEST", "ACCUSE", "REJECT"}


# Responses to someone else's act: "recognized gains by X", "accepted demands by X" answer X
# ("ordered patrols by police" does not: the police patrol, they are not acted on).
# "repelled an attack by X" fights X.
RESPONSE_TYPES = {"AGREE", "SUPPORT", "CONCEDE", "REJECT", "ACCUSE", "PROTEST", "ASSAULT", "FIGHT"}


# Concessions and deals reached in talks: the party talked with is whom they answer.
SETTLEMENT_TYPES = {"CONCEDE", "RETREAT", "AGREE"}
NEGOTIATION_NOUNS = {
    "talk", "talks", "negotiation", "deliberation", "consultation", "meeting", "dialogue",
    "agreement", "deal", "accord",
}  # fmt: skip


# Acts whose target may be a place ("lifted a curfew in Montenegro") when no actor is named.
PLACE_TARGET_TYPES = {
    "AGREE", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REJECT", "THREATEN", "PROTEST", "REQUEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def target_options(
    token: Token,
    trigger_tokens: list[Token],
    clause: Token,
    event_type: str,
    source: Token | None,
    target: Token | None,
) -> tuple[int, ...]:
    """Other arguments that may name the target, best first (the resolver keeps an actor).

    First the holders' objects and prepositional phrases; then, for acts that can hit a place,
    a place named inside them ("bombs in the capital Kabul"); then an "against" phrase deeper
    in the clause, the owner of a noun in the trigger ("violated a ban by X"), whoever pressed
    for what was refused ("declined despite pressure by X") and whoever a threat's condition
    names ("... if the United States goes ahead").
    """
    trigger_ids = {t.i for t in trigger_tokens}
    holders = list(dict.fromkeys([*trigger_tokens, clause]))
    # The act named in the complement: "agreed to provide aid for Romania", "urged Uganda to ...".
    for holder in list(holders):
        for child in holder.children:
            if _complement_verb(child):
                holders.append(child)
                holders.extend(c for c in child.children if c.dep_ in {"xcomp", "ccomp"})
    options: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.i in trigger_ids:
                continue
            if child.dep_ in {"dobj", "dative"} and child.pos_ != "ADP":
                options.append(child)
            elif child.dep_ in {"xcomp", "ccomp"} or _for_clause(child):
                # "urged Uganda to ...", "called for Burma to institute reforms"
                options.extend(c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"})
            elif child.dep_ in {"prep", "agent", "dative"} and (
                child.lower_ in TARGET_PREPS
                or (child.lower_ == "of" and _act_noun(holder))
                or (child.lower_ == "over" and event_type in GRIEVANCE_TYPES)
                or (
                    child.lower_ == "by"
                    and event_type in RESPONSE_TYPES
                    and _trigger_object(holder, trigger_ids)
                )
            ):  # "the blockade of Serbia", "a strike over the new law", "recognized gains by X"
                pobj = prep_object(child)
                options.extend([pobj] if pobj is not None else [])
    if event_type in PLACE_TARGET_TYPES:  # "lifted a curfew in Montenegro": the place is hit
        options.extend(_named_places(holders, trigger_ids))
    options.extend(_deep_objects(holders, ("against",)))
    if event_type in SETTLEMENT_TYPES:  # "called off the strike after talks with the government"
        options.extend(_negotiating_party(holders))
    if event_type in {"REJECT", "ACCUSE", "PROTEST"}:
        # "violated a ban by X", "protested a law by X": whoever made what the act opposes.
        options.extend(t for t in trigger_tokens if t.dep_ == "dobj" and t.pos_ == "NOUN")
    if event_type == "REJECT":
        options.extend(_despite_whom(holders))
    options.extend(_condition_subjects(holders))
    taken = {t.i for t in (source, target) if t is not None}
    result: list[int] = []
    for option in list(options):
        if not can_be_actor(option):  # "70 million dollars of aid for Romania"
            options.extend(
                c
                for prep in option.children
                if prep.dep_ == "prep" and prep.lower_ in {"for", "to", "of"}
                for c in prep.children
                if c.dep_ == "pobj"
            )
    # What the actor moves is its own ("deploy peacekeepers"): kept, but after any other option.
    # So are anonymous victims ("killed 23 people") when a place is named.
    ordered = [o for o in options if not (is_moved_force(o) or is_anonymous_people(o))]
    ordered += [o for o in options if is_moved_force(o)]
    ordered += [o for o in options if is_anonymous_people(o) and not is_moved_force(o)]
    for option in ordered:
        fresh = option.i not in taken and option.i not in result
        if fresh and can_be_actor(option) and option.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}:
            result.append(option.i)
    return tuple(result)


def _act_noun(token: Token) -> bool:
    """A noun that names the act itself ("blockade", "killing"), not the verb's clause."""
    return token.pos_ == "NOUN" and token.dep_ != "ROOT"


# Clauses with their own doer: what they hold is not an argument of the act.
_OWN_CLAUSES = {"relcl", "advcl", "ccomp", "csubj", "parataxis", "appos"}


# The doer's own phrase ("Palestinian police in Jericho") says nothing of whom the act hits.
_OTHER_PARTIES = {"nsubj", "nsubjpass", "agent", "npadvmod"}


def _inside(holders: list[Token], trigger_ids: set[int]) -> list[Token]:
    """Nouns under the holders, nearest first, not crossing into clauses of their own."""
    queue = [c for h in holders for c in h.children if c.i not in trigger_ids]
    queue += [h for h in holders if h.pos_ in {"NOUN", "PROPN"}]
    seen: set[int] = set()
    found: list[Token] = []
    while queue:
        node = queue.pop(0)
        if node.i in seen or node.dep_ in _OWN_CLAUSES or node.dep_ in _OTHER_PARTIES:
            continue
        if node.dep_ == "acl" and node.tag_ == "VBN":
            continue  # "techniques used against detainees": what a thing was used for
        if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"}:
            continue  # "kidnapped advisers and exploded bombs in Kabul": another act
        seen.add(node.i)
        found.append(node)
        queue.extend(node.children)
    return found


def _named_places(holders: list[Token], trigger_ids: set[int]) -> list[Token]:
    """Places named in a locative phrase of the act or of what it acts on, nearest first."""
    places: list[Token] = []
    for prep in _inside(holders, trigger_ids):
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        pobj = prep_object(prep)
        place = _place_name(pobj) if pobj is not None else None
        if place is not None:
            places.append(place)
    return places


def _place_name(token: Token) -> Token | None:
    """The named place of a phrase: "Baghdad", "the capital Kabul", "central Baghdad"."""
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return token
    for child in token.children:
        if child.dep_ in {"appos", "compound"} and child.ent_type_ in {"GPE", "LOC", "FAC"}:
            return child
    return None


def _deep_objects(holders: list[Token], preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``preps`` anywhere in the act's clause ("hackers capable of launching cyber
    warfare against the United States")."""
    found: list[Token] = []
    for prep in _inside(holders, set()):
        if prep.dep_ == "prep" and prep.lower_ in preps:
            pobj = prep_object(prep)
            if pobj is not None:
                found.append(pobj)
    return found


def _negotiating_party(holders: list[Token]) -> list[Token]:
    """ "ended the strike after deliberations with the government": whom the talks were with."""
    found: list[Token] = []
    for prep in _inside(holders, set()):
        talks = {prep.head.lemma_.lower(), prep.head.lower_} & NEGOTIATION_NOUNS
        if prep.dep_ == "prep" and prep.lower_ == "with" and talks:
            pobj = prep_object(prep)
            found.extend([pobj] if pobj is not None else [])
    return found


def _despite_whom(holders: list[Token]) -> list[Token]:
    """ "declined to resign despite pressure by the commission": who pressed is refused."""
    return [
        pobj
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in {"despite", "defying"}
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _condition_subjects(holders: list[Token]) -> list[Token]:
    """ "threatened to stop talks if the United States goes ahead": whom the condition binds."""
    subjects: list[Token] = []
    for holder in holders:
        for clause in holder.children:
            marked = any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in clause.children)
            if clause.dep_ == "advcl" and marked:
                subjects.extend(c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"})
    return subjects


def _trigger_object(noun: Token, trigger_ids: set[int]) -> bool:
    """The object noun of a trigger ("recognizing [victories] by the opposition"): its "by"
    phrase names whose act or gain the event is about."""
    return (
        noun.i in trigger_ids
        and noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.head.i in trigger_ids
    )


def _for_clause(token: Token) -> bool:
    """ "called for [Burma to institute reforms]": a clause opened by "for" names whom it binds."""
    return token.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in token.children
    )


def _complement_verb(token: Token) -> bool:
    """ "agreed [to provide]", "said [it would ...]", "began a strike [to protest ...]"."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ in {"xcomp", "ccomp"}:
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )
