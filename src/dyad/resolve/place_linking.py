"""Where an event happened: the scene among the toponyms of its clause, the clauses above it,
its sentence, or the paragraph's last event place."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.article import EventPlace, Place
from dyad.resolve.clauses import CLAUSE_BARRIERS, governing_heads
from dyad.resolve.place_ranking import best_place, reference_rank
from dyad.resolve.place_roles import (
    SPEECH_LEMMAS,
    attribution,
    attributive,
    inside_name,
    non_locative,
    of_subject,
    place_root,
    undergoer,
    unknown_adjective,
)
from dyad.resolve.places import is_event_location


def _place_clause_tokens(head: Token) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses and without conjoined clauses that
    have a subject of their own ("a sniper in Hebron shot a man, and a settler in Nablus killed
    two": Nablus is not where the shooting was)."""
    ids = {head.i}
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in CLAUSE_BARRIERS or _own_clause_conjunct(token) or _participle(token):
            continue
        ids.add(token.i)
        stack.extend(token.children)
    return ids


def _participle(token: Token) -> bool:
    """A trailing participial clause ("..., killing 14") is an event of its own."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > token.head.i


def _own_clause_conjunct(token: Token) -> bool:
    return (
        token.dep_ == "conj"
        and token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
    )


def link_place(
    doc: Doc, head: Token, offset: int, places: list[Place], previous: EventPlace | None
) -> EventPlace | None:
    """Where an event happened: the finest place in its clause (see ``best_place``), else in the
    clauses above it, else its sentence (a country there only when named as a scene), else the
    paragraph's last event place. Never counted: actors (but a territory captured or patrolled
    in the passive is the scene), demonyms, parts of names ("the Islamic State of Iraq"),
    toponyms that say who acted or whose thing it is ("U.S. warplanes", "Turkey-backed rebels",
    "Spain's Indurain", "Erwin Weber of Germany"), the object of a preposition naming a party
    ("against Israel", "with Turkey"), the origin or destination of a movement, unknown
    adjectives and lower-case descriptions, and places inside the attribution or content of a
    report that does not govern the event. An unresolved toponym may be linked (its
    coordinates stay unknown). A reporting verb ("said") takes only a place of its own
    clause."""
    sentence = head.sent
    low, high = sentence.start_char + offset, sentence.end_char + offset
    rooted = [
        (p, root)
        for p in places
        if low <= p.start < high
        if is_event_location(p) or undergoer(doc, p, offset, head)
        if (root := place_root(doc, p, offset)) is not None
        and not attributive(root, p.precision) and not non_locative(root)
        and reference_rank(root) != 2 and not unknown_adjective(p, root)
        and not inside_name(doc, p, offset, root) and not of_subject(root)
    ]  # fmt: skip
    rooted = [(p, r) for p, r in rooted if not attribution(r, head)]
    trigger = head.idx + offset
    speech = head.lemma_.lower() in SPEECH_LEMMAS
    for level, clause in enumerate(governing_heads(head)):
        ids = _place_clause_tokens(clause)
        found = [(p, r) for p, r in rooted if r.i in ids]
        if found:
            how = "own-clause" if level == 0 else "governing-clause"
            return _event_place(best_place(found, trigger, clause), how)
        if speech:
            return None
    # a country elsewhere in the sentence is rarely the scene
    in_sentence = [(p, r) for p, r in rooted if p.precision != "country" or _scene(r)]
    if in_sentence:
        return _event_place(best_place(in_sentence, trigger, sentence.root), "same-sentence")
    if previous is not None:
        return previous.model_copy(update={"linked_by": "previous-event"})
    return None


def _scene(token: Token) -> bool:
    """A toponym introduced as a scene ("in southern Thailand", "across Iraq")."""
    return token.dep_ == "pobj" and token.head.lower_ in {"in", "across", "throughout", "inside"}


def _event_place(place: Place, how: str) -> EventPlace:
    """The event's place: the toponym's gazetteer fields and how the event was tied to it."""
    shared = place.model_dump(include=set(EventPlace.model_fields) - {"linked_by"})
    return EventPlace(**shared, linked_by=how)
