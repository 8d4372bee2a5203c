"""Rules for periods named by a phrase around another time: the week holding a day ("the week of
Jan. 19"), a week or month of a year ("the first week of the year"), the period ahead of the
anchor ("the week ahead", "the weeks ahead"), the same time of an earlier period ("this time
last year") and the turn of a year or century. Each handler takes a match of its
``dyad.resolve.time_grammar.grammar`` pattern.
"""

from __future__ import annotations

import re

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_durations import unit_code
from dyad.resolve.time_values import DAY, Date, Resolved, month_value, relative_step

# "the week of Jan. 19": the expression for the day, resolved on its own.
WEEK_OF = re.compile(r"the week (?:of|beginning|starting|commencing) (.+)")


def week_holding(day: Resolved) -> Resolved:
    """The ISO week (TIMEX3 2026-W04) holding a day; anything but one day is left as it is."""
    if day.precision != "day" or not day.value or day.end_value or day.timex:
        return day
    first = Date.fromisoformat(day.value)
    monday = first - (first.isoweekday() - 1) * DAY
    return Resolved(monday.isoformat(), (monday + 6 * DAY).isoformat(), "week", "week-of-day")


_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def unit_of_year(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the first week of the year" (ISO week 1: TIMEX3 2026-W01), "the last month of 2025"
    (2025-12): of the year written, of "this" (next, last) year, or, for "the year", of the year
    holding ``anchor`` (the period the text last named)."""
    groups = m.groupdict()
    if groups.get("year"):
        year = int(groups["year"])
    else:
        year = anchor.year + {"next": 1, "last": -1}.get(groups.get("yrel") or "", 0)
    n = _ORDINAL[m.group("ord")]
    if m.group("unit") == "month":
        return month_value(year, n if n > 0 else 12, "month-of-year")
    # ISO 8601: week 1 holds January 4; the last week holds December 28.
    day = Date(year, 1, 4) + 7 * (n - 1) * DAY if n > 0 else Date(year, 12, 28)
    monday = day - (day.isoweekday() - 1) * DAY
    return Resolved(monday.isoformat(), (monday + 6 * DAY).isoformat(), "week", "week-of-year")


# How far into the days ahead the period "the week (month, year) ahead" lies: the one holding
# the middle of the days it names ("the week ahead", written on a Thursday, is next week).
_AHEAD_MIDDLE = {"week": 4, "month": 15, "year": 182}


def ahead(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the week ahead": the week holding most of the seven days after the anchor; "the weeks
    ahead" ("to come"), like "the coming weeks", an unsaid number of them (TIMEX3 PXW);
    "midweek", the middle of the week under way."""
    if m.group("mid"):  # "midweek": the week under way (TIMEX3 mod MID)
        return relative_step("week", 0, anchor, "midweek")
    if unit := m.group("unit"):
        return relative_step(unit, 0, anchor + _AHEAD_MIDDLE[unit] * DAY, f"{unit}-ahead")
    code = unit_code(m.group("units"))
    return Resolved(f"P{'T' if code.startswith('T') else ''}X{code[-1]}", None, "duration", "ahead")


def same_time(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "this time last year", "the same time a year ago": the period before (after) the one
    holding the anchor, at the grain of its unit (TIMEX3 2025), as "a year ago" is."""
    unit = m.group("unit") or m.group("unit2")
    step = 1 if m.group("rel") == "next" else -1
    return relative_step(unit, step, anchor, "same-time")


def turn_of(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the turn of the century" (2000, written in 2026), "the turn of the 20th century" (1900),
    "the turn of the year" (the year that began at it: the latest begun by the anchor, the next
    if the text looks ahead). TIMEX3 gives the year of the turn."""
    unit, rel = m.group("unit"), m.group("rel") or ""
    if m.group("ord"):
        year = int(load_date_vocabulary().of("century")[m.group("ord")]) * 100
        return Resolved(str(year), f"{year}-12-31", "year", "turn-of-century")
    size = {"year": 1, "century": 100, "millennium": 1000}[unit]
    year = anchor.year // size * size
    if rel == "last":
        year -= size
    elif rel == "next" or future:
        year += size
    return Resolved(str(year), f"{year}-12-31", "year", f"turn-of-{unit}")
