"""Rules for periods business news reports on: a week of a month, the year (quarter, month) to
date, and counts of quarters. Each handler takes a match of its
``dyad.resolve.time_grammar.grammar`` pattern."""

from __future__ import annotations

import calendar
import re

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_durations import number_value
from dyad.resolve.time_values import DAY, Date, Resolved, month_value, quarter_value

_WEEK_INDEX = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}


def week_of_month(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the first week of October": an ISO week (TIMEX3 2008-W40). A week belongs to the month
    that holds its Thursday, as ISO 8601 assigns weeks to years, so "the first week" is the one
    holding the month's first Thursday. Without a year the month is the latest one begun by the
    anchor, the next one if the text looks ahead."""
    month = int(load_date_vocabulary().of("month")[m.group("month")])
    if m.group("year"):
        year = int(m.group("year"))
    else:
        year = anchor.year
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
    last = calendar.monthrange(year, month)[1]
    thursdays = [
        d for d in (Date(year, month, n) for n in range(1, last + 1)) if d.isoweekday() == 4
    ]
    monday = thursdays[_WEEK_INDEX[m.group("ord")]] - 3 * DAY
    return Resolved(monday.isoformat(), (monday + 6 * DAY).isoformat(), "week", "week-of-month")


def to_date(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "year to date", "the quarter to date": the period under way at the anchor, as "so far
    this year" names this year."""
    unit = m.group("unit")
    if unit == "month":
        return month_value(anchor.year, anchor.month, "to-date")
    if unit == "quarter":
        return quarter_value(anchor.year, (anchor.month - 1) // 3 + 1, "Q", "to-date")
    return Resolved(str(anchor.year), f"{anchor.year}-12-31", "year", "to-date")


def quarters(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "the last two quarters", "four consecutive quarters": a duration in quarters (P2Q, as
    TimeML counts business quarters); a vague count ("several quarters") is PXQ."""
    n = number_value(m.group("num"))
    count = "X" if n is None else f"{n:g}"
    return Resolved(f"P{count}Q", None, "duration", "quarters")


_PERIOD_AGO = re.compile(
    r"\b(?P<unit>year|month|week|day)-(?:ago|earlier) (?P<noun>quarter|period|month|week)\b",
    re.IGNORECASE,
)
_NOUN_GRAIN = {"week": (1,), "month": (2,), "quarter": (3,), "period": (3, 2)}
_GRAIN_NOUN = {1: "week", 2: "month", 3: "quarter"}


def period_ago_reference(
    expr: str, points: list[tuple[int, Date, int]], anchor: Date
) -> tuple[str, Date] | None:
    """For "the year-ago quarter" (month, period): the expression to resolve, its noun made
    the grain of the period the text discusses, and that period's start. ``points`` are the
    periods named before, as (end offset, start, grain: 1 week, 2 month, 3 quarter), in text
    order. The period discussed is the latest one of the noun's grain ("the year-ago period"
    after "the third quarter" is that quarter a year before); with none, a quarterly report's
    quarter is the last one completed by the anchor, its month the month before. None where
    ``expr`` names no such period."""
    m = _PERIOD_AGO.search(expr)
    if m is None:
        return None
    unit, noun = m.group("unit").lower(), m.group("noun").lower()
    grains = _NOUN_GRAIN[noun]
    found = next(((day, g) for _, day, g in reversed(points) if g in grains), None)
    if found is None:
        grain = grains[0]
        if grain == 3:
            index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
            found = (Date(index // 4, index % 4 * 3 + 1, 1), 3)
        elif grain == 2:
            index = anchor.year * 12 + anchor.month - 2
            found = (Date(index // 12, index % 12 + 1, 1), 2)
        else:
            found = (anchor - 7 * DAY, 1)
    return f"the {unit}-ago {_GRAIN_NOUN[found[1]]}", found[0]
