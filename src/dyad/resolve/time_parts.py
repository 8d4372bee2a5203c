"""Parts of a day or of a period named around a date: "the night of Jan. 3" (TIMEX3
2026-01-03TNI), "the early hours of Tuesday" (that day: TimeML keeps the day's granularity),
"the final weeks of 2008" (2008), "the week after next" (two weeks ahead) or "the week
before last", and a weekday of a week named after it ("Tuesday of last week").

``resolve_part`` is tried by ``dyad.resolve.time.resolve_date_expression`` before its rules; it
resolves the date inside the phrase with the caller's own function, so the inner date keeps the
tense and the reference of the whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_values import DAY, Date, Resolved, quarter_value, relative_step

_PART_OF_DAY = re.compile(r"the (morning|afternoon|evening|night) of (.+)")
_EARLY_HOURS = re.compile(r"the (?:early|small|wee) hours(?: of (?P<day>.+))?")
# "the early hours of the morning": of the day the text tells of, as "that morning" is.
_THE_DAY = re.compile(r"the (morning|afternoon|evening|night|day)")
_PERIOD_PART = re.compile(
    r"the (?P<edge>first|final|last|closing|opening|dying|waning|early|late)(?: (?P<n>\w+))? "
    r"(?P<unit>days|weeks|months|years) of (?P<period>.+)"
)
# The first or last three (six) months of a year are its first or last quarter (half).
_MONTHS_PART = {"three": ("Q", 3), "3": ("Q", 3), "six": ("H", 6), "6": ("H", 6)}
_TWO_AWAY = re.compile(r"the (?P<unit>week|month|year) (?P<dir>after next|before last)")
_AND_A_HALF = re.compile(
    r"the (?:past|last|next|coming|previous|following|first) (?P<unit>\w+ and a half)"
)
# A month or year named by its kind: "the month of March", "calendar 2009".
_NAMED_BY_KIND = re.compile(r"(?:the month of|calendar(?: year)?) (?P<date>.+)")
_MIDYEAR = re.compile(r"midyear")  # "mid-year" is the edge "mid" of "year"
_EVERY_SEASON = re.compile(r"(?:every|each) (?P<season>spring|summer|autumn|fall|winter)")
# What a period's first or last stretch may be of: not a day ("the first days of Tuesday").
_PERIODS = frozenset({"month", "year", "decade", "range"})


def resolve_part(s: str, anchor: Date, resolve: Callable[[str], Resolved]) -> Resolved | None:
    """The value of a part of a day or period in ``s`` (lower-cased, preposition stripped), or
    None when ``s`` names none; ``resolve`` normalises the date named inside it."""
    if m := _PART_OF_DAY.fullmatch(s):
        return _part_of_day(m.group(1), resolve(m.group(2)))
    if m := _EARLY_HOURS.fullmatch(s):
        inner = m.group("day") or "that day"
        if t := _THE_DAY.fullmatch(inner):
            inner = "that " + t.group(1)
        day = resolve(inner)
        if day.precision != "day" or not day.value:
            return day
        return Resolved(day.value, None, "day", day.rule + "+early-hours", day.timex)
    if m := _PERIOD_PART.fullmatch(s):
        inner = m.group("period")
        period = resolve("this " + inner[4:] if inner in ("the decade", "the century") else inner)
        if period.precision not in _PERIODS or not period.value:
            return period
        rule = period.rule + "+part"
        part = _MONTHS_PART.get(m.group("n") or "")
        if part and m.group("unit") == "months" and period.precision == "year":
            first = m.group("edge") in ("first", "opening", "early")
            n = 1 if first else 12 // part[1]
            return quarter_value(int(period.value[:4]), n, part[0], rule)
        return Resolved(period.value, period.end_value, period.precision, rule, period.timex)
    if m := _AND_A_HALF.fullmatch(s):
        unit = m.group("unit")
        return resolve(("an " if unit.startswith("hour") else "a ") + unit)
    if m := _NAMED_BY_KIND.fullmatch(s):
        return resolve(m.group("date"))
    if _MIDYEAR.fullmatch(s):
        return relative_step("year", 0, anchor, "midyear")
    if m := _EVERY_SEASON.fullmatch(s):
        code = load_date_vocabulary().of("season")[m.group("season")]
        return Resolved(None, None, "unknown", "set", f"XXXX-{code}")
    if m := _TWO_AWAY.fullmatch(s):
        step = 2 if m.group("dir") == "after next" else -2
        return relative_step(m.group("unit"), step, anchor, m.group("dir").replace(" ", "-"))
    return None


def _part_of_day(part: str, day: Resolved) -> Resolved:
    """ "the night of Jan. 3": the part (TIMEX3 2026-01-03TNI) of the day named after it."""
    if day.precision != "day" or not day.value or day.timex:
        return day
    code = load_date_vocabulary().of("dayperiod")[part]
    return Resolved(day.value, None, "day", day.rule + "+part", f"{day.value}T{code}")


# "Tuesday of last week", "Monday next week": the week is named apart (TimeML marks two
# expressions), and decides the weekday's.
_WEEK_AFTER = re.compile(
    r",?\s+(?:of\s+)?(?P<rel>last|next|this)\s+week\b(?!['’]s|-)", re.IGNORECASE
)
_WEEK_STEP = {"last": -1, "next": 1, "this": 0}


def weekday_of_week(text: str, end: int, r: Resolved, anchor: Date) -> Resolved:
    """A weekday (``r``, ending at ``end``) followed by the week it falls in is that week's."""
    m = _WEEK_AFTER.match(text, end)
    if m is None or not r.rule.startswith("weekday-") or not r.value or r.rule == "weekday-story":
        return r
    target = Date.fromisoformat(r.value).isoweekday()
    monday = anchor - (anchor.isoweekday() - 1) * DAY + 7 * _WEEK_STEP[m.group("rel").lower()] * DAY
    day = monday + (target - 1) * DAY
    timex = f"{day.isoformat()}{r.timex[10:]}" if r.timex else None
    return Resolved(day.isoformat(), None, "day", "weekday-of-week", timex)
