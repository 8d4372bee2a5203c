"""Ranges of dates: the two ends of "from October to March" resolved together, each end
taking from the other what it leaves unsaid (the year written once, the direction of time); and
a day taking the year of the full date before it in its sentence ("on March 3, 2005, and ... on
March 10")."""

from __future__ import annotations

import re

from dyad.resolve.time_values import Resolved, month_value, safe_date

# Between the two months of a range: "from October to March", "between June and August" (but
# not a list: "in November and October").
_MONTH_RANGE_JOINER = re.compile(r"\s*(?:-|–|to|through|until|till|(?P<and>and))\s*")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def closes_range(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the expression at ``start`` closes a range opened by the one at ``previous``."""
    m = _MONTH_RANGE_JOINER.fullmatch(text, previous[1], start)
    if m is None:
        return False
    return not m.group("and") or bool(_BETWEEN.search(text, max(0, previous[0] - 10), previous[0]))


def range_start(first: Resolved, second: Resolved) -> Resolved:
    """The start of a range takes the year written at its end: "from January to June 2025" is
    January 2025, "from Nov. 5 to March 2, 2025" November 5, 2024."""
    explicit = second.rule in ("month-year", "month-day-year")
    inferred = first.rule.startswith("month-") and first.rule not in (
        "month-year",
        "month-day-year",
    )
    if not (explicit and inferred and first.value and second.value):
        return first
    year = int(second.value[:4])
    if first.value[4:] > second.value[4 : len(first.value)]:
        year -= 1  # the start lies in the year before the end's
    if first.precision == "month":
        return month_value(year, int(first.value[5:7]), first.rule + "-before")
    if first.precision == "day" and first.end_value is None:
        day = safe_date(year, int(first.value[5:7]), int(first.value[8:10]))
        if day is not None:
            return Resolved(day.isoformat(), None, "day", first.rule + "-before")
    return first


# The end of a sentence: a stop, then a capital ("Sept. 17" is no end).
_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+[\"“]?[A-Z]")


def year_written_before(
    text: str, previous_end: int, previous: Resolved, r: Resolved, start: int
) -> Resolved:
    """A day without a year takes the year of the full date before it in its sentence: "the
    record was set on September 17, 2001, the first trading day after the attacks of September
    11" is 2001-09-11, not this year's."""
    if not (r.rule.startswith("month-day-") and r.value and r.end_value is None):
        return r
    if previous.rule != "month-day-year" or not previous.value:
        return r
    # Only a past year told of: a date ahead of the anchor may well lie in the anchor's year.
    if previous.value[:4] >= r.value[:4] or _SENTENCE_BREAK.search(text, previous_end, start):
        return r
    day = safe_date(int(previous.value[:4]), int(r.value[5:7]), int(r.value[8:10]))
    return Resolved(day.isoformat(), None, "day", r.rule + "-same-year") if day else r


def range_end(first: Resolved, second: Resolved) -> Resolved:
    """The end of a range of bare months runs forward from its start: "from October to March"
    is the March after that October."""
    if not (first.precision == second.precision == "month" and first.value and second.value):
        return second
    if not second.rule.startswith("month-") or second.rule == "month-year":
        return second
    if second.value >= first.value:
        return second
    year, month = int(second.value[:4]) + 1, int(second.value[5:7])
    if f"{year:04d}-{month:02d}" < first.value:
        return second
    return month_value(year, month, second.rule + "-after")
