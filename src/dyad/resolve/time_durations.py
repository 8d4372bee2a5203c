"""Rules for durations ("three years", "between 60 and 90 days", "annual") and the counting of
units they share with offsets ("two weeks ago"). Each handler takes a match of its
``dyad.resolve.time_grammar.grammar`` pattern."""

from __future__ import annotations

import re

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_values import Date, Resolved


def duration(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "three years" -> P3Y, "a year and a half" -> P1.5Y, "several days" -> PXD."""
    n = number_value(m.group("num"))
    if n is not None and m.group("half"):
        n += 0.5  # "a year and a half"
    return Resolved(_period(*counted(n, m.group("unit"))), None, "duration", "duration")


def vague_duration(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "years", "recent weeks": a number of units left unsaid (PXY, PXW)."""
    value = _period(None, counted(None, m.group("unit"))[1])
    return Resolved(value, None, "duration", "duration-vague")


def duration_range(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "between 60 and 90 days", "two to three years": MEANTIME gives the lower bound (P60D);
    a vague bound ("several") leaves the amount unknown (PXD)."""
    value = _period(*counted(number_value(m.group("num")), m.group("unit")))
    return Resolved(value, None, "duration", "duration-range")


def annual(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "an annual profit": a year's worth, which MEANTIME marks as the duration P1Y."""
    return Resolved("P1Y", None, "duration", "annual")


def fortnight(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "the past fortnight": two weeks."""
    return Resolved("P2W", None, "duration", "duration-fortnight")


def _period(n: float | None, unit: str) -> str:
    """TIMEX3 duration of ``n`` (None: unsaid) units of code ``unit`` (TH, TM: clock units)."""
    amount = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    return f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"


def number_value(word: str) -> float | None:
    """Cardinal value of digits or number words; None for vague quantities ("several")."""
    numbers = load_date_vocabulary().of("number")
    word = word.strip()
    half = word.endswith(" and a half")
    word = word.removesuffix(" and a half")
    try:
        value = float(word)
    except ValueError:
        parts = word.split("-")
        if not all(p in numbers for p in parts):
            return None
        value = sum(float(numbers[p]) for p in parts)
    return value + (0.5 if half else 0.0)


def counted(n: float | None, unit: str) -> tuple[float | None, str]:
    """The count in TimeML's units: a fortnight (code FN) is two weeks."""
    code = unit_code(unit)
    if code == "FN":
        return (None if n is None else 2 * n), "W"
    return n, code


def unit_code(unit: str) -> str:
    units = load_date_vocabulary().of("unit")
    return units.get(unit.removesuffix("s"), "CE" if unit.startswith("centur") else "D")
