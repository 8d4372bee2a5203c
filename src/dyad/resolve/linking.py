"""Tie each event to where and when it happened: the place and time of its own clause first.

Dates are linked here; places in ``place_linking``, re-exported so both are imported from here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.article import DateMention
from dyad.nlp.doc_text import span_at
from dyad.resolve.clauses import CLAUSE_BARRIERS, clause_tokens, governing_heads
from dyad.resolve.place_linking import link_place

__all__ = ["clause_tokens", "governing_heads", "link_date", "link_place"]


def _spans_in(doc: Doc, ids: set[int], offset: int, items: list, attr_ok: object = None) -> list:
    """The items (with article offsets) that overlap any of the tokens ``ids``."""
    inside = []
    for item in items:
        span = span_at(doc, item.start, item.end, offset)
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
    # Only a date overlapping the event's sentence can overlap its clauses: checking the others
    # too (a char_span each) made this quadratic in the article's length.
    low, high = head.sent.start_char + offset, head.sent.end_char + offset
    usable = [
        d
        for d in dates
        if d.end > low and d.start < high and d.value is not None
        and d.precision in _EVENT_PRECISIONS
    ]  # fmt: skip
    trigger_char = head.idx + offset
    for level, clause in enumerate(governing_heads(head)):
        found = _spans_in(doc, _date_clause_tokens(clause), offset, usable)
        if found:
            best = min(found, key=lambda d: abs(d.start - trigger_char))
            return best, "own-clause" if level == 0 else "governing-clause"
    return None, "none"
