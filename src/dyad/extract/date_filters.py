"""Filters on candidate time expressions: what a finder matched that is no time at all.

A month or weekday name must be capitalised ("may" is a verb) and must not open a name ("June
Smith", "the Good Friday Agreement"); a bare four-digit number before a plural noun is a count
("1800 people"), and one before a singular unit is no duration ("the 2025 week of action").
``dyad.extract.dates`` runs ``well_formed`` over every candidate span.
"""

from __future__ import annotations

import functools
import re

from dyad.extract.date_vocabulary import load_date_vocabulary

_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
# A bare year followed by a plural count noun ("2000 people") is a quantity, not a year.
# Not a verb ending in -s: "2025 was the deadliest year", "2026 marks ...".
_QUANTITY_AFTER = re.compile(
    r"\s+(?:(?![a-z]*(?:ss|is|us)\b|(?:was|has|does|goes|marks|sees|brings|promises|looks|"
    r"seems|remains|begins|ends|starts|becomes|proves|saw)\b)[a-z]+s|people|police|"
    r"personnel|children|men|women|staff)\b"
)
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|before|after|through|of|the|early|late|"
    r"mid|fiscal|year|'s)[\s-]+)$",
    re.IGNORECASE,
)
# A year before a singular unit is no count: "the 2025 week of action" is not 2025 weeks
# ("10 year bonds", "a 12-month deal" stay durations).
_BAD_COUNT = re.compile(r"\b(?:1[89]|20)\d\d\s+(?:minute|hour|day|week|month|year|decade)\b")


def well_formed(names: re.Pattern[str], text: str, lowered: str, s: int, e: int) -> bool:
    """Names capitalised ("may" is a verb), a bare month not a surname, a year not a count.

    ``names`` matches month and weekday names in ``lowered``, the ASCII-lower-cased ``text``."""
    hits = list(names.finditer(lowered, s, e))
    if any(not text[m.start()].isupper() for m in hits):
        return False
    if len(hits) == 1 and hits[0].span() == (s, e) and _CAPITAL_NEXT.match(text, e):
        return False  # "June Smith", "December Group"
    if _feast_end().search(lowered, s, e) and _CAPITAL_NEXT.match(text, e):
        return False  # "Christmas Island", "the Good Friday Agreement", "Easter Rising"
    return not is_quantity(text, s, e) and not _BAD_COUNT.search(lowered, s, e)


@functools.cache
def _feast_end() -> re.Pattern[str]:
    """A feast's name closing a span: followed by a capital it is part of another name."""
    names = load_date_vocabulary().alternation("holiday").replace("'", "['’]")
    return re.compile(rf"\b(?:{names})$")


def is_quantity(text: str, s: int, e: int) -> bool:
    """A bare four-digit number followed by a plural noun is a count ("1800 people")."""
    span = text[s:e]
    if len(span) != 4 or not span.isdigit():
        return False
    if not _QUANTITY_AFTER.match(text, e):
        return False
    return not _YEAR_CONTEXT_BEFORE.search(text, max(0, s - 12), s)
