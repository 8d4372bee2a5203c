"""The rules behind date resolution: one handler per form of time expression news uses.

Each handler turns a match of its pattern (``dyad.resolve.time_grammar.grammar``, same names as
``RULES``) into a ``Resolved`` value relative to an anchor date; named calendar periods
(quarters, seasons, feasts) have theirs in ``time_periods``, expressions naming one day in
``time_days``, durations in ``time_durations``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_business import quarters, to_date, week_of_month
from dyad.resolve.time_days import (
    anaphoric_day,
    clock,
    day_of_month,
    deictic,
    full_date,
    iso_date,
    recurring,
    slash,
    two_days,
    week_ago_weekday,
    weekday,
)
from dyad.resolve.time_durations import (
    annual,
    counted,
    duration,
    duration_range,
    fortnight,
    number_value,
    vague_duration,
)
from dyad.resolve.time_periods import (
    century,
    fiscal_year,
    holiday,
    new_year,
    nth_weekday,
    quarter,
    quarter_year,
    season,
)
from dyad.resolve.time_phrases import ahead, same_time, turn_of, unit_of_year
from dyad.resolve.time_values import (
    DAY,
    Date,
    Resolved,
    month_value,
    quarter_value,
    relative_step,
)


def _month_year(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    month = int(load_date_vocabulary().of("month")[m.group("month")])
    return month_value(int(m.group("year")), month, "month-year")


def _month(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    month = int(load_date_vocabulary().of("month")[m.group("month")])
    rel = m.group("rel") or ""
    if rel == "same":
        return None
    year = anchor.year
    if m.group("yrel"):
        year += {"next": 1, "last": -1}.get(m.group("yrel"), 0)
    elif rel in ("last", "past", "previous", "this past"):
        year -= 1 if month >= anchor.month else 0
    elif rel in ("next", "coming", "this coming"):
        year += 1 if month <= anchor.month else 0
    elif rel not in ("this", "current"):
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
    return month_value(year, month, "month-" + (rel.replace(" ", "-") or "bare"))


def _year(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    if m.group("yy"):
        yy = int(m.group("yy"))
        year = 2000 + yy if 2000 + yy <= anchor.year + 5 else 1900 + yy
    else:
        year = int(m.group("year"))
    return Resolved(str(year), f"{year}-12-31", "year", "year")


def _year_range(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    start, end = int(m.group("year")), m.group("end")
    stop = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
    if len(end) == 3 or stop <= start:
        return None
    return Resolved(str(start), f"{stop}-12-31", "range", "year-range", f"P{stop - start}Y")


def _decade(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    digits = m.group("decade")
    if digits.startswith("'"):
        digits = ("19" if int(digits[1]) * 10 > anchor.year % 100 else "20") + digits[1]
    elif digits[2] == "0" and digits < "200":
        # "the 1800s", "the early 1900s" name a century (TIMEX3 18), not its first decade.
        first = int(digits) * 10
        return Resolved(str(first), f"{first + 99}-12-31", "range", "century", digits[:2])
    return Resolved(f"{digits}0", f"{digits}9-12-31", "decade", "decade")


def _relative(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    rel, unit = m.group("rel"), m.group("unit")
    step = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "preceding": -1,
        "prior": -1,
        "this past": -1,
        "following": 1,
        "next": 1,
        "coming": 1,
        "this coming": 1,
        "this": 0,
        "current": 0,
        "same": 0,  # called with the day the text last named as anchor
        "that": 0,
        "that same": 0,
    }.get(rel)
    if step is None:
        return None
    if m.group("ago"):  # "the same month a year ago", "the same quarter last year"
        step -= {"week": 52, "month": 12, "quarter": 4, "year": 1}.get(unit, 0)
    return relative_step(unit, step, anchor, f"relative-{unit}")


def _unit_anaphoric(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the year before", "the month after": ``anchor`` is the period the text last named."""
    step = 1 if m.group("dir") in ("after", "later") else -1
    unit = m.group("unit")
    return relative_step(unit, step, anchor, f"anaphoric-{unit}")


def _the_unit(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "for the year", "in the quarter": the period holding ``anchor``, the one last named."""
    unit = m.group("unit")
    return relative_step(unit, 0, anchor, f"the-{unit}")


def _period_end(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "by year-end", "at quarter end": the close of the period under way (TimeML gives the
    period's value, its end being a modifier)."""
    return relative_step(m.group("unit"), 0, anchor, "period-end")


def _weekend(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """The weekend most recently begun on or before the anchor (the next one if future).

    TimeML labels a weekend just past with the week it leads into, the week of the report
    (written on Monday 2008-10-13, "during the weekend" is 2008-W42-WE); one ahead with its
    own week."""
    saturday = anchor - ((anchor.isoweekday() - 6) % 7) * DAY
    if future and saturday + DAY < anchor:
        saturday += 7 * DAY
    labelled = saturday if future else saturday + 2 * DAY
    y, w, _ = labelled.isocalendar()
    return Resolved(
        saturday.isoformat(), (saturday + DAY).isoformat(), "range", "weekend", f"{y}-W{w:02d}-WE"
    )


def _months_quarter(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the July-September quarter", "the September quarter" (the one it ends): the calendar
    quarter those months make up, the latest begun by the anchor (the next one if future);
    other spans of months are left to others."""
    months = load_date_vocabulary().of("month")
    last = int(months[m.group("last")])
    first = int(months[m.group("first")]) if m.group("first") else last - 2
    if first % 3 != 1 or last != first + 2:
        return None
    n = (first + 2) // 3
    return quarter_value(quarter_year(anchor, n, "Q", future), n, "Q", "months-quarter")


def _offset(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    sign = -1 if m.group("dir") in ("ago", "earlier", "before") else 1
    rule = "offset-" + m.group("dir").replace(" ", "-")
    num = m.group("num") + (" and a half" if m.group("half") else "")  # "a year and a half ago"
    return _shifted(num, m.group("unit"), sign, anchor, rule)


def _units_time(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "in two weeks' time": the day (month, year) that far after the anchor."""
    return _shifted(m.group("num"), m.group("unit"), 1, anchor, "offset-time")


def _unit_ago(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the year-ago quarter", "the year-earlier period": the period a year (month, week) before
    the one the text discusses (``anchor`` is the start of the one last named); "year-ago" alone
    is the year before it."""
    unit, noun = m.group("unit"), m.group("noun")
    if noun in ("quarter", "month", "week"):
        if unit == "year":
            back = anchor.replace(year=anchor.year - 1, day=min(anchor.day, 28))
        elif unit == "month":
            index = anchor.year * 12 + anchor.month - 2
            back = Date(index // 12, index % 12 + 1, min(anchor.day, 28))
        else:
            back = anchor - (7 if unit == "week" else 1) * DAY
        return relative_step(noun, 0, back, f"unit-ago-{noun}")
    if unit == "day":
        return Resolved((anchor - DAY).isoformat(), None, "day", "unit-ago")
    return relative_step(unit, -1, anchor, "unit-ago")


def _shifted(num: str, unit_word: str, sign: int, anchor: Date, rule: str) -> Resolved | None:
    """``num`` ``unit_word``s before (``sign`` -1) or after (1) the anchor."""
    n, unit = counted(number_value(num), unit_word)
    if unit == "Y" and n is not None and n != int(n) and n * 12 == int(n * 12):
        n, unit = n * 12, "M"  # "two and a half years ago": thirty months back
    if n is None or n != int(n):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolved(None, None, "unknown", "offset-vague", ref)
    k = int(n) * sign
    if unit in ("D", "W", "TH", "TM"):
        days = {"D": k, "W": 7 * k}.get(unit, 0)
        return Resolved((anchor + days * DAY).isoformat(), None, "day", rule)
    if unit == "M":
        index = anchor.year * 12 + anchor.month - 1 + k
        return month_value(index // 12, index % 12 + 1, rule)
    if unit in ("DE", "CE"):
        # "a decade ago" names the decade (TIMEX3 201), not one year of it.
        size = 10 if unit == "DE" else 100
        first = (anchor.year + size * k) // size * size
        timex = str(first // size)
        return Resolved(str(first), f"{first + size - 1}-12-31", "range", rule, timex)
    year = anchor.year + k
    return Resolved(str(year), f"{year}-12-31", "year", rule)


Handler = Callable[[re.Match[str], Date, bool], Resolved | None]
RULES: dict[str, Handler] = {
    "anaphoric": anaphoric_day,
    "deictic": deictic,
    "set": recurring,
    "two-days": two_days,
    "weekday": weekday,
    "day-of-month": day_of_month,
    "iso": iso_date,
    "month-day": full_date,
    "day-month": full_date,
    "month-year": _month_year,
    "month": _month,
    "year-range": _year_range,
    "year": _year,
    "decade": _decade,
    "relative": _relative,
    "unit-anaphoric": _unit_anaphoric,
    "the-unit": _the_unit,
    "period-end": _period_end,
    "fiscal": fiscal_year,
    "century": century,
    "holiday": holiday,
    "weekend": _weekend,
    "week-ago-weekday": week_ago_weekday,
    "slash": slash,
    "annual": annual,
    "months-quarter": _months_quarter,
    "fortnight": fortnight,
    "unit-ago": _unit_ago,
    "week-of-month": week_of_month,
    "unit-of-the-year": unit_of_year,
    "unit-of-year": unit_of_year,
    "ahead": ahead,
    "same-time": same_time,
    "turn": turn_of,
    "nth-weekday": nth_weekday,
    "new-year": new_year,
    "to-date": to_date,
    "quarters": quarters,
    "units-time": _units_time,
    "duration-range": duration_range,
    "offset": _offset,
    "duration": duration,
    "vague-duration": vague_duration,
    "quarter": quarter,
    "season": season,
    "clock": clock,
}
