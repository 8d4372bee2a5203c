"""Tie each event to where and when it happened: the place and time of its own clause first."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.article import DateMention, EventPlace, Place
from dyad.resolve.places import is_event_location

CLAUSE_BARRIERS = {"ccomp", "relcl"}  # a time or place inside these belongs to another clause


def clause_tokens(head: Token, barriers: frozenset[str] | set[str] = CLAUSE_BARRIERS) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses (``barriers``) with their own verb."""
    ids = {head.i}
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in barriers:
            continue
        ids.add(token.i)
        stack.extend(token.children)
    return ids


def governing_heads(head: Token, limit: int = 4) -> list[Token]:
    """The clause head and the clauses above it (a participle's main verb, a conjunct's head)."""
    heads = [head]
    current = head
    while len(heads) <= limit and current.dep_ in {
        "advcl",
        "xcomp",
        "conj",
        "pcomp",
        "acl",
        "prep",
        "pobj",
        "dobj",
    }:
        current = current.head
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT":
            heads.append(current)
        if current.dep_ == "ROOT":
            break
    return heads


def _spans_in(doc: Doc, ids: set[int], offset: int, items: list, attr_ok: object = None) -> list:
    """The items (with article offsets) that overlap any of the tokens ``ids``."""
    inside = []
    for item in items:
        span = doc.char_span(item.start - offset, item.end - offset, alignment_mode="expand")
        if span is not None and any(i in ids for i in range(span.start, span.end)):
            inside.append(item)
    return inside


# A time inside a participle or relative modifier dates that modifier's own event ("the deal
# originally reached on March 10, 2025"), not the clause around it.
_DATE_BARRIERS = CLAUSE_BARRIERS | {"acl"}
# Precisions that place an event in time; durations ("for three years") and unknowns do not.
_EVENT_PRECISIONS = frozenset({"day", "week", "month", "year", "range", "decade"})


def _date_clause_tokens(head: Token) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses or modifiers with their own verb."""
    return clause_tokens(head, _DATE_BARRIERS)


def link_date(
    doc: Doc, head: Token, offset: int, dates: list[DateMention]
) -> tuple[DateMention | None, str]:
    """The time expression that governs an event: its own clause, then the clauses above it."""
    usable = [d for d in dates if d.value is not None and d.precision in _EVENT_PRECISIONS]
    trigger_char = head.idx + offset
    for level, clause in enumerate(governing_heads(head)):
        found = _spans_in(doc, _date_clause_tokens(clause), offset, usable)
        if found:
            best = min(found, key=lambda d: abs(d.start - trigger_char))
            return best, "own-clause" if level == 0 else "governing-clause"
    return None, "none"


def link_place(
    doc: Doc, head: Token, offset: int, places: list[Place], previous: EventPlace | None
) -> EventPlace | None:
    """Where an event happened: the finest place in its clause (the nearest on a tie), else in
    the clauses above it, its sentence, else the paragraph's last event place. A country counts
    only where no finer place is named; actors, demonyms and parts of names never count; an
    unresolved toponym may be linked (its coordinates stay unknown)."""
    usable = [p for p in places if is_event_location(p)]
    trigger = head.idx + offset
    for level, clause in enumerate(governing_heads(head)):
        found = _spans_in(doc, clause_tokens(clause), offset, usable)
        if found:
            best = min(found, key=lambda p: (_coarse(p), abs(p.start - trigger)))
            return _event_place(best, "own-clause" if level == 0 else "governing-clause")
    sentence = head.sent
    in_sentence = [
        p
        for p in usable
        if sentence.start_char + offset <= p.start < sentence.end_char + offset
        and p.precision != "country"  # a country elsewhere in the sentence is rarely the scene
    ]
    if in_sentence:
        best = min(in_sentence, key=lambda p: (_coarse(p), abs(p.start - trigger)))
        return _event_place(best, "same-sentence")
    if previous is not None:
        return previous.model_copy(update={"linked_by": "previous-event"})
    return None


def _coarse(place: Place) -> int:
    """0 for a town or finer (or an unknown toponym), 1 for an area, 2 for a country."""
    return {"country": 2, "region": 1, "admin1": 1}.get(place.precision or "", 0)


def _precision_rank(precision: str | None) -> int:
    return {"neighbourhood": 4, "city": 3, "admin1": 2, "region": 1}.get(precision or "", 0)


def _event_place(place: Place, how: str) -> EventPlace:
    return EventPlace(
        text=place.text,
        start=place.start,
        end=place.end,
        geonameid=place.geonameid,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        country=place.country,
        precision=place.precision,
        within=place.within,
        linked_by=how,
    )
