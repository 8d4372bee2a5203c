"""The rules behind date resolution: one handler per form of time expression news uses.

Each handler turns a match of its pattern (``dyad.resolve.time.grammar``, same names as
``RULES``) into a ``Resolved`` value relative to an anchor date; named calendar periods
(quarters, seasons, feasts) have theirs in ``time_periods``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dyad.extract.dates import load_date_vocabulary
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
    quarter,
    quarter_year,
    season,
)
from dyad.resolve.time_values import DAY, Date, Resolved, month_value, quarter_value, safe_date

# A month-day without a year this close ahead of the anchor is upcoming, not eleven months ago.
NEAR_FUTURE_DAYS = 31


def _deictic(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    word, period = m.group("word"), m.group("period")
    if word in ("last", "this") and not period:
        return None
    shift = {"yesterday": -1, "tomorrow": 1, "overnight": -1}.get(word, 0)
    if word == "last":
        shift = -1 if period in ("night", "evening") else 0
    day = anchor + shift * DAY
    if word == "overnight":
        # The night before publication, straddling into the publication day.
        return Resolved(day.isoformat(), anchor.isoformat(), "day", "overnight")
    if word == "tonight":
        period = "night"
    return Resolved(day.isoformat(), None, "day", "deictic-" + word, _with_period(day, period))


def _with_period(day: Date, period: str | None) -> str | None:
    """TIMEX3 value of a part of a day ("Tuesday night" -> 2026-01-06TNI); None for no part."""
    if not period:
        return None
    return f"{day.isoformat()}T{load_date_vocabulary().of('dayperiod')[period]}"


def _anaphoric(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "the same day", "that day", "the next morning": ``anchor`` is the day the text last
    named."""
    words = {m.group("rel"), m.group("dir"), m.group("prel")}
    shift = 1 if words & {"next", "following", "after", "later"} else 0
    shift -= 1 if words & {"previous", "preceding", "before", "earlier"} else 0
    day = anchor + shift * DAY
    return Resolved(day.isoformat(), None, "day", "anaphoric", _with_period(day, m.group("period")))


def _weekday(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    target = int(load_date_vocabulary().of("weekday")[m.group("weekday")])
    rel = m.groupdict().get("rel") or ""
    back = (anchor.isoweekday() - target) % 7
    ahead = (target - anchor.isoweekday()) % 7
    if rel in ("last", "this past", "past", "previous", "preceding"):
        day = anchor - (back or 7) * DAY
    elif rel in ("next", "this coming", "coming", "following"):
        day = anchor + (ahead or 7) * DAY
    elif rel == "this":
        day = anchor + (target - anchor.isoweekday()) * DAY
    else:
        day = anchor + ahead * DAY if future else anchor - back * DAY
    rule = "weekday-" + (rel.replace(" ", "-") or ("future" if future else "past"))
    period = m.groupdict().get("period")
    return Resolved(day.isoformat(), None, "day", rule, _with_period(day, period))


def _iso(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    day = safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return Resolved(day.isoformat(), None, "day", "iso") if day else None


def _full(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """A day of a month, or a span of days ("20-21 January": from the 20th to the 21st)."""
    r = _full_day(m, anchor, future)
    if r is None or not m.group("last") or r.value is None:
        return r
    first = Date.fromisoformat(r.value)
    last = safe_date(first.year, first.month, int(m.group("last")))
    if last is None or last <= first:
        return r
    return Resolved(r.value, last.isoformat(), "day", r.rule + "-span")


def _full_day(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    month = int(load_date_vocabulary().of("month")[m.group("month")])
    d = int(m.group("day"))
    if m.group("year"):
        day = safe_date(int(m.group("year")), month, d)
        return Resolved(day.isoformat(), None, "day", "month-day-year") if day else None
    day = safe_date(anchor.year, month, d)
    if day is None:
        return None
    rule = "month-day-" + ("future" if future else "past")
    if future and day < anchor:
        day = safe_date(anchor.year + 1, month, d)
    elif not future and (day - anchor).days > NEAR_FUTURE_DAYS:
        day = safe_date(anchor.year - 1, month, d)
    elif day > anchor:
        rule = "month-day-near-future"
    if day is None:
        return None
    return Resolved(day.isoformat(), None, "day", rule)


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
    }.get(rel)
    if step is None:
        return None
    if m.group("ago") and unit in ("month", "year"):
        step -= 12 if unit == "month" else 1  # "the same month a year ago"
    return _relative_step(unit, step, anchor, f"relative-{unit}")


def _relative_step(unit: str, step: int, anchor: Date, rule: str) -> Resolved | None:
    """The ``unit`` (week, month, year, ...) ``step`` units from the one holding ``anchor``."""
    if unit in ("week", "weekend"):
        monday = anchor - (anchor.isoweekday() - 1) * DAY + 7 * step * DAY
        if unit == "weekend":
            y, w, _ = monday.isocalendar()
            sat = monday + 5 * DAY
            return Resolved(
                sat.isoformat(), (sat + DAY).isoformat(), "range", rule, f"{y}-W{w:02d}-WE"
            )
        return Resolved(monday.isoformat(), (monday + 6 * DAY).isoformat(), "week", rule)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return month_value(index // 12, index % 12 + 1, rule)
    if unit == "year":
        year = anchor.year + step
        return Resolved(str(year), f"{year}-12-31", "year", rule)
    if unit == "decade":
        start = anchor.year // 10 * 10 + 10 * step
        return Resolved(str(start), f"{start + 9}-12-31", "decade", rule)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return quarter_value(index // 4, index % 4 + 1, "Q", rule)
    if unit == "century":
        first = anchor.year // 100 * 100 + 100 * step
        return Resolved(str(first), f"{first + 99}-12-31", "range", rule, str(first // 100))
    return None


def _unit_anaphoric(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the year before", "the month after": ``anchor`` is the period the text last named."""
    step = 1 if m.group("dir") in ("after", "later") else -1
    unit = m.group("unit")
    return _relative_step(unit, step, anchor, f"anaphoric-{unit}")


def _the_unit(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "for the year", "in the quarter": the period holding ``anchor``, the one last named."""
    unit = m.group("unit")
    return _relative_step(unit, 0, anchor, f"the-{unit}")


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


def _week_ago_weekday(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "a week ago Tuesday": the weekday of that name in the week before the latest one."""
    latest = Date.fromisoformat(str(_weekday(m, anchor, False).value))
    return Resolved((latest - 7 * DAY).isoformat(), None, "day", "week-ago-weekday")


# A numeric date whose day and month could swap ("8/1/2026") is taken only when one reading
# lies this close to the anchor (news reports recent days) and the other does not.
SLASH_NEAR_DAYS = 31


def _slash(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    return slash_date(m, anchor, None)


def slash_date(m: re.Match[str], anchor: Date, order: str | None) -> Resolved:
    """ "12/25/2025" (month first) or "25/12/2025" (day first): taken when only one order is a
    date, when the text writes its other dates in one order (``order`` "md" or "dm"), or when
    only one reading lies near the anchor (the one not after it if both do); else unknown."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if y < 100:
        y += 2000 if 2000 + y <= anchor.year + 5 else 1900
    month_first, day_first = safe_date(y, a, b), safe_date(y, b, a)
    if order and month_first and day_first:
        month_first, day_first = (month_first, None) if order == "md" else (None, day_first)
    readings = {d for d in (month_first, day_first) if d is not None}
    if len(readings) > 1:
        near = {d for d in readings if abs((d - anchor).days) <= SLASH_NEAR_DAYS}
        past = {d for d in near if d <= anchor}
        readings = near if len(near) == 1 else past if len(past) == 1 else set()
    if len(readings) != 1:
        return Resolved(None, None, "unknown", "slash-ambiguous")
    (day,) = readings
    return Resolved(day.isoformat(), None, "day", "slash")


def _months_quarter(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the July-September quarter": the calendar quarter those months make up, the latest
    begun by the anchor (the next one if future); other spans of months are left to others."""
    months = load_date_vocabulary().of("month")
    first, last = int(months[m.group("first")]), int(months[m.group("last")])
    if first % 3 != 1 or last != first + 2:
        return None
    n = (first + 2) // 3
    return quarter_value(quarter_year(anchor, n, "Q", future), n, "Q", "months-quarter")


def _offset(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    sign = -1 if m.group("dir") in ("ago", "earlier", "before") else 1
    rule = "offset-" + m.group("dir").replace(" ", "-")
    return _shifted(m.group("num"), m.group("unit"), sign, anchor, rule)


def _units_time(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "in two weeks' time": the day (month, year) that far after the anchor."""
    return _shifted(m.group("num"), m.group("unit"), 1, anchor, "offset-time")


def _unit_ago(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the year-ago quarter", "the year-earlier period": one unit before the period the text
    discusses (``anchor`` is the one last named)."""
    unit = m.group("unit")
    if unit == "day":
        return Resolved((anchor - DAY).isoformat(), None, "day", "unit-ago")
    return _relative_step(unit, -1, anchor, "unit-ago")


def _shifted(num: str, unit_word: str, sign: int, anchor: Date, rule: str) -> Resolved | None:
    """``num`` ``unit_word``s before (``sign`` -1) or after (1) the anchor."""
    n, unit = counted(number_value(num), unit_word)
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


def _clock(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    if m.group("word"):
        hour, minute = (0 if m.group("word") == "midnight" else 12), 0
    else:
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if m.group("ampm") is None and m.group("m") is None and m.group("tz") is None:
            return None
        if m.group("ampm") in ("p.m.", "pm") and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            return None
    zone = "Z" if m.group("tz") in ("utc", "gmt") else ""
    day = anchor
    if m.group("weekday"):
        day = Date.fromisoformat(str(_weekday(m, anchor, future).value))
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
    return Resolved(day.isoformat(), None, "day", "clock", stamp)


Handler = Callable[[re.Match[str], Date, bool], Resolved | None]
RULES: dict[str, Handler] = {
    "anaphoric": _anaphoric,
    "deictic": _deictic,
    "weekday": _weekday,
    "iso": _iso,
    "month-day": _full,
    "day-month": _full,
    "month-year": _month_year,
    "month": _month,
    "year-range": _year_range,
    "year": _year,
    "decade": _decade,
    "relative": _relative,
    "unit-anaphoric": _unit_anaphoric,
    "the-unit": _the_unit,
    "fiscal": fiscal_year,
    "century": century,
    "holiday": holiday,
    "weekend": _weekend,
    "week-ago-weekday": _week_ago_weekday,
    "slash": _slash,
    "annual": annual,
    "months-quarter": _months_quarter,
    "fortnight": fortnight,
    "unit-ago": _unit_ago,
    "units-time": _units_time,
    "duration-range": duration_range,
    "offset": _offset,
    "duration": duration,
    "vague-duration": vague_duration,
    "quarter": quarter,
    "season": season,
    "clock": _clock,
}
