"""The rules behind date resolution: one handler per form of time expression news uses.

Each handler turns a match of its pattern (``dyad.resolve.time.grammar``, same names as
``RULES``) into a ``Resolved`` value relative to an anchor date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dyad.extract.dates import load_date_vocabulary

Date = dt.date
DAY = dt.timedelta(days=1)
# A month-day without a year this close ahead of the anchor is upcoming, not eleven months ago.
NEAR_FUTURE_DAYS = 31


@dataclass(frozen=True)
class Resolved:
    """A normalised expression. ``timex`` is set when precision alone cannot express the value."""

    value: str | None
    end_value: str | None
    precision: str  # day | week | month | year | decade | range | duration | unknown
    rule: str
    timex: str | None = None


UNKNOWN = Resolved(None, None, "unknown", "unparsed")


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
    return Resolved(day.isoformat(), None, "day", "deictic-" + word)


def _anaphoric(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "the same day", "that day", "the next day": ``anchor`` is the day the text last named."""
    words = {m.group("rel"), m.group("dir")}
    shift = 1 if words & {"next", "following", "after", "later"} else 0
    shift -= 1 if words & {"previous", "preceding", "before", "earlier"} else 0
    return Resolved((anchor + shift * DAY).isoformat(), None, "day", "anaphoric")


def _weekday(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    target = int(load_date_vocabulary().of("weekday")[m.group("weekday")])
    rel = m.groupdict().get("rel") or ""
    back = (anchor.isoweekday() - target) % 7
    ahead = (target - anchor.isoweekday()) % 7
    if rel in ("last", "this past", "past"):
        day = anchor - (back or 7) * DAY
    elif rel in ("next", "this coming", "coming"):
        day = anchor + (ahead or 7) * DAY
    elif rel == "this":
        day = anchor + (target - anchor.isoweekday()) * DAY
    else:
        day = anchor + ahead * DAY if future else anchor - back * DAY
    rule = "weekday-" + (rel.replace(" ", "-") or ("future" if future else "past"))
    return Resolved(day.isoformat(), None, "day", rule)


def _iso(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    day = _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return Resolved(day.isoformat(), None, "day", "iso") if day else None


def _full(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    month = int(load_date_vocabulary().of("month")[m.group("month")])
    d = int(m.group("day"))
    if m.group("year"):
        day = _safe_date(int(m.group("year")), month, d)
        return Resolved(day.isoformat(), None, "day", "month-day-year") if day else None
    day = _safe_date(anchor.year, month, d)
    if day is None:
        return None
    rule = "month-day-" + ("future" if future else "past")
    if future and day < anchor:
        day = _safe_date(anchor.year + 1, month, d)
    elif not future and (day - anchor).days > NEAR_FUTURE_DAYS:
        day = _safe_date(anchor.year - 1, month, d)
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
        "this past": -1,
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
    rule = f"relative-{unit}"
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
        return _quarter_value(index // 4, index % 4 + 1, "Q", rule)
    return None


def _weekend(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """The weekend most recently begun on or before the anchor (the next one if future)."""
    saturday = anchor - ((anchor.isoweekday() - 6) % 7) * DAY
    if future and saturday + DAY < anchor:
        saturday += 7 * DAY
    y, w, _ = saturday.isocalendar()
    return Resolved(
        saturday.isoformat(), (saturday + DAY).isoformat(), "range", "weekend", f"{y}-W{w:02d}-WE"
    )


def _offset(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    n = _number(m.group("num"))
    unit = _unit_code(m.group("unit"))
    sign = -1 if m.group("dir") in ("ago", "earlier", "before") else 1
    if n is None or n != int(n):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolved(None, None, "unknown", "offset-vague", ref)
    k = int(n) * sign
    rule = "offset-" + m.group("dir").replace(" ", "-")
    if unit in ("D", "W", "TH", "TM"):
        days = {"D": k, "W": 7 * k}.get(unit, 0)
        return Resolved((anchor + days * DAY).isoformat(), None, "day", rule)
    if unit == "M":
        index = anchor.year * 12 + anchor.month - 1 + k
        return month_value(index // 12, index % 12 + 1, rule)
    years = {"Y": k, "DE": 10 * k, "CE": 100 * k}[unit]
    return Resolved(str(anchor.year + years), f"{anchor.year + years}-12-31", "year", rule)


def _duration(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    n = _number(m.group("num"))
    unit = _unit_code(m.group("unit"))
    amount = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    value = f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"
    return Resolved(value, None, "duration", "duration")


def _vague_duration(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    return Resolved(f"PX{_unit_code(m.group('unit'))}", None, "duration", "duration-vague")


def _quarter(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    if m.group("q"):
        year = int(m.group("qyear") or anchor.year)
        return _quarter_value(year, int(m.group("q")), "Q", "quarter")
    part = "Q" if m.group("part") == "quarter" else "H"
    count = 4 if part == "Q" else 2
    ordinal = m.group("ord")
    year = int(m.group("year")) if m.group("year") else anchor.year
    yrel = m.group("yrel") or ""
    year += {"last": -1, "the previous": -1, "next": 1}.get(yrel, 0)
    if ordinal == "last" and not (m.group("year") or yrel):
        current = (anchor.month - 1) * count // 12
        index = year * count + current - 1
        return _quarter_value(index // count, index % count + 1, part, "quarter-last")
    n = (
        count
        if ordinal in ("last", "final")
        else int(load_date_vocabulary().of("ordinal")[ordinal])
    )
    return _quarter_value(year, min(n, count), part, "quarter")


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    code = load_date_vocabulary().of("season")[m.group("season")]
    start_month = _SEASON_START[code]

    def span(y: int) -> tuple[Date, Date]:
        first = Date(y, start_month, 1)
        last_month = (start_month + 1) % 12 + 1
        last_year = y + (1 if code == "WI" else 0)
        return first, Date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])

    rel = m.group("rel") or ""
    if m.group("year"):
        year = int(m.group("year"))
    elif rel in ("last", "this past"):
        year = next(y for y in range(anchor.year, anchor.year - 3, -1) if span(y)[1] < anchor)
    elif rel == "next" or future:
        year = next(y for y in range(anchor.year - 1, anchor.year + 2) if span(y)[0] > anchor)
    else:
        year = next(y for y in range(anchor.year, anchor.year - 3, -1) if span(y)[0] <= anchor)
    first, last = span(year)
    return Resolved(first.isoformat(), last.isoformat(), "range", "season", f"{year}-{code}")


def _clock(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    if m.group("word"):
        hour, minute = (12 if m.group("word") == "noon" else 0), 0
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
    "weekend": _weekend,
    "offset": _offset,
    "duration": _duration,
    "vague-duration": _vague_duration,
    "quarter": _quarter,
    "season": _season,
    "clock": _clock,
}


def _safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def month_value(year: int, month: int, rule: str) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return Resolved(f"{year}-{month:02d}", f"{year}-{month:02d}-{last}", "month", rule)


def _quarter_value(year: int, n: int, part: str, rule: str) -> Resolved:
    months = 3 if part == "Q" else 6
    first = Date(year, (n - 1) * months + 1, 1)
    end_month = n * months
    last = Date(year, end_month, calendar.monthrange(year, end_month)[1])
    return Resolved(first.isoformat(), last.isoformat(), "range", rule, f"{year}-{part}{n}")


def _number(word: str) -> float | None:
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


def _unit_code(unit: str) -> str:
    units = load_date_vocabulary().of("unit")
    return units.get(unit.removesuffix("s"), "CE" if unit.startswith("centur") else "D")
