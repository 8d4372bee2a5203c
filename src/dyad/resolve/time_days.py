"""Rules for expressions that name one day: deictic words ("yesterday", "tonight"), weekdays,
calendar dates in words and digits, days counted from a day already named ("the next day"),
recurring days ("every Monday") and clock times. Each handler takes a match of its
``dyad.resolve.time_grammar.grammar`` pattern and returns a ``Resolved`` value relative to an
anchor.
"""

from __future__ import annotations

import re

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_durations import number_value
from dyad.resolve.time_grammar import grammar
from dyad.resolve.time_values import DAY, Date, Resolved, safe_date

# A month-day without a year this close ahead of the anchor is upcoming, not eleven months ago.
NEAR_FUTURE_DAYS = 31


def deictic(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
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


def recurring(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "every Monday" (TIMEX3 XXXX-WXX-1), "each year" (P1Y), "every four years" (P4Y): a
    recurring time (TIMEX3 type SET), no one date."""
    if m.group("unit"):
        return Resolved(None, None, "unknown", "set", f"P1{m.group('unit')[0].upper()}")
    if units := m.group("units"):  # "every four years", "every other week", "every few days"
        n = 2.0 if m.group("other") else number_value(m.group("num"))
        count = "X" if n is None else f"{n:g}"
        return Resolved(None, None, "unknown", "set", f"P{count}{units[0].upper()}")
    number = load_date_vocabulary().of("weekday")[m.group("weekday")]
    timex = f"XXXX-WXX-{number}"
    if m.group("period"):
        timex += "T" + load_date_vocabulary().of("dayperiod")[m.group("period")]
    return Resolved(None, None, "unknown", "set", timex)


def two_days(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the day before yesterday", "the day after tomorrow": two days from the anchor."""
    if (m.group("dir") == "before") != (m.group("word") == "yesterday"):
        return None
    day = anchor + (2 if m.group("word") == "tomorrow" else -2) * DAY
    return Resolved(day.isoformat(), None, "day", "deictic-two-days")


def _with_period(day: Date, period: str | None) -> str | None:
    """TIMEX3 value of a part of a day ("Tuesday night" -> 2026-01-06TNI); None for no part."""
    if not period:
        return None
    return f"{day.isoformat()}T{load_date_vocabulary().of('dayperiod')[period]}"


def anaphoric_day(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "the same day", "that day", "the next morning": ``anchor`` is the day the text last
    named."""
    words = {m.group("rel"), m.group("dir"), m.group("prel")}
    shift = 1 if words & {"next", "following", "after", "later"} else 0
    shift -= 1 if words & {"previous", "preceding", "before", "earlier"} else 0
    day = anchor + shift * DAY
    return Resolved(day.isoformat(), None, "day", "anaphoric", _with_period(day, m.group("period")))


def weekday(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    target = int(load_date_vocabulary().of("weekday")[m.group("weekday")])
    rel = m.groupdict().get("rel") or ""
    back = (anchor.isoweekday() - target) % 7
    ahead = (target - anchor.isoweekday()) % 7
    if rel in ("last", "this past", "past", "previous", "preceding"):
        day = anchor - (back or 7) * DAY
    elif rel in ("next", "this coming", "coming", "following"):
        day = anchor + (ahead or 7) * DAY
    elif rel == "this":
        # The day of the anchor's week; one already past is next week's when the text looks
        # ahead ("talks will resume this Monday", written on a Thursday).
        day = anchor + (target - anchor.isoweekday()) * DAY
        if future and day < anchor:
            day += 7 * DAY
    else:
        day = anchor + ahead * DAY if future else anchor - back * DAY
    rule = "weekday-" + (rel.replace(" ", "-") or ("future" if future else "past"))
    period = m.groupdict().get("period")
    return Resolved(day.isoformat(), None, "day", rule, _with_period(day, period))


def day_of_month(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "on the 5th": that day of the anchor's month, or of the month before if it is still
    ahead (of the month after, if the text points ahead and it is past)."""
    d = int(m.group("day"))
    step = 0
    if future and d < anchor.day:
        step = 1
    elif not future and d > anchor.day:
        step = -1
    index = anchor.year * 12 + anchor.month - 1 + step
    day = safe_date(index // 12, index % 12 + 1, d)
    return Resolved(day.isoformat(), None, "day", "day-of-month") if day else None


def iso_date(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "2026-01-07" (a timestamp keeps its clock time: 2026-01-07T10:31Z), "2026/01/07", and
    the day-first dots of European dates, "07.01.2026"."""
    if m.group("eyear"):
        day = safe_date(int(m.group("eyear")), int(m.group("emonth")), int(m.group("eday")))
        return Resolved(day.isoformat(), None, "day", "dotted") if day else None
    day = safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    if day is None:
        return None
    timex = None
    if m.group("hh") and int(m.group("hh")) < 24:
        zone = m.group("zone") or ""
        timex = f"{day.isoformat()}T{m.group('hh')}:{m.group('mm')}{zone.upper()}"
    return Resolved(day.isoformat(), None, "day", "iso", timex)


def full_date(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
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


def week_ago_weekday(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "a week ago Tuesday": the weekday of that name in the week before the latest one."""
    latest = Date.fromisoformat(str(weekday(m, anchor, False).value))
    return Resolved((latest - 7 * DAY).isoformat(), None, "day", "week-ago-weekday")


# A numeric date whose day and month could swap ("8/1/2026") is taken only when one reading
# lies this close to the anchor (news reports recent days) and the other does not.
SLASH_NEAR_DAYS = 31


def slash(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
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


def clock(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
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
        day = Date.fromisoformat(str(weekday(m, anchor, future).value))
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
    return Resolved(day.isoformat(), None, "day", "clock", stamp)


def slash_order(text: str, spans: list[tuple[int, int]]) -> str | None:
    """ "dm" or "md" where the text's unambiguous numeric dates ("30/04/2018") all put the day
    or all put the month first; None where it has none or mixes them."""
    orders = set()
    for s, e in spans:
        if m := grammar()["slash"].fullmatch(text, s, e):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 >= b:
                orders.add("dm")
            elif b > 12 >= a:
                orders.add("md")
    return orders.pop() if len(orders) == 1 else None
