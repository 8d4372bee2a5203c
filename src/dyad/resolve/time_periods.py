"""Rules for named calendar periods: quarters and halves, seasons, feasts, centuries, fiscal
years. Each handler takes a match of its ``dyad.resolve.time_grammar.grammar`` pattern."""

from __future__ import annotations

import calendar
import re

from dyad.extract.dates import load_date_vocabulary
from dyad.resolve.time_values import DAY, Date, Resolved, quarter_value, safe_date

# A quarter named without a year that starts this close ahead is upcoming, not last year's.
NEAR_FUTURE_QUARTER_DAYS = 92


_FISCAL_STEP = {"last": -1, "previous": -1, "prior": -1, "past": -1, "next": 1, "coming": 1}


def fiscal_year(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """A fiscal year keeps its number; TimeML writes it FY2025 (its months vary by company).
    One named by the two calendar years it straddles ("fiscal 2007-08", "the 2007/08 financial
    year") is numbered by the year it ends in, as companies number theirs (FY2008). One named by
    its place ("the current fiscal year", "last fiscal year") counts from the anchor's year,
    "the new fiscal year" being the one under way."""
    number = m.group("year") or m.group("yy") or m.group("named")
    if number and (end := m.group("end") or m.group("nend")):
        start = int(number)
        year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        year += 100 if year < start else 0
        if year != start + 1:
            return None  # "2007-2010" spans more than one year: a range, not a fiscal year
    elif number:
        year = int(number)
        year += 2000 if year < 100 else 0
    else:
        year = anchor.year + _FISCAL_STEP.get(m.group("rel") or "", 0)
    return Resolved(str(year), f"{year}-12-31", "year", "fiscal", f"FY{year}")


def century(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "the 21st century" -> TIMEX3 20 (its years are 20xx), a range of a hundred years."""
    digits = load_date_vocabulary().of("century")[m.group("ord")]
    first = int(digits) * 100
    return Resolved(str(first), f"{first + 99}-12-31", "range", "century", digits)


def holiday(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """A feast of the year written ("Christmas Eve 2009"), else the latest one on or before the
    anchor, the next if future."""
    rule = load_date_vocabulary().of("holiday")[m.group("holiday")]
    day = feast_day(rule, int(m.group("year") or anchor.year))
    if day is None:
        return None
    if m.group("year"):
        return Resolved(day.isoformat(), None, "day", "holiday-year")
    if future and day < anchor:
        day = feast_day(rule, anchor.year + 1)
    elif not future and day > anchor:
        day = feast_day(rule, anchor.year - 1)
    return Resolved(day.isoformat(), None, "day", "holiday") if day else None


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def nth_weekday(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    """ "the last Sunday of November", "the first Monday in March": that day of the month named,
    of the year written, else the latest one by the anchor (the next one if future)."""
    v = load_date_vocabulary()
    month, weekday = int(v.of("month")[m.group("month")]), int(v.of("weekday")[m.group("weekday")])
    rule = f"{month:02d}/{weekday}/{_NTH[m.group('ord')]}"
    if m.group("year"):
        day = feast_day(rule, int(m.group("year")))
    else:
        day = feast_day(rule, anchor.year)
        if day is not None and future and day < anchor:
            day = feast_day(rule, anchor.year + 1)
        elif day is not None and not future and day > anchor:
            day = feast_day(rule, anchor.year - 1)
    return Resolved(day.isoformat(), None, "day", "nth-weekday") if day else None


def new_year(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
    """ "in the new year": the year about to begin when written in its last quarter, else the one
    just begun."""
    year = anchor.year + (1 if anchor.month >= 10 else 0)
    return Resolved(str(year), f"{year}-12-31", "year", "new-year")


def feast_day(rule: str, year: int) -> Date | None:
    """The day of a feast in ``year`` from its vocabulary value: "12-25" (a fixed day),
    "easter-2" (Good Friday) or "11/4/4" (the fourth Thursday of November; -1 the last)."""
    if rule.startswith("easter"):
        return easter_sunday(year) + int(rule[6:]) * DAY
    if "/" in rule:
        month, weekday, n = (int(x) for x in rule.split("/"))
        first = Date(year, month, 1)
        first_match = first + ((weekday - first.isoweekday()) % 7) * DAY
        if n > 0:
            day = first_match + 7 * (n - 1) * DAY
            return day if day.month == month else None
        last = Date(year, month, calendar.monthrange(year, month)[1])
        return last - ((last.isoweekday() - weekday) % 7) * DAY
    month, d = (int(x) for x in rule.split("-"))
    return safe_date(year, month, d)


def easter_sunday(year: int) -> Date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * r) // 451
    month, day = divmod(h + r - 7 * n + 114, 31)
    return Date(year, month, day + 1)


def quarter(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    if m.group("q"):
        n, qpart = int(m.group("q")), m.group("qp").upper()  # "Q3", or "H1 2026" (a half)
        if qpart == "H" and n > 2:
            return None
        if m.group("qyear"):
            return quarter_value(int(m.group("qyear")), n, qpart, "quarter")
        return quarter_value(quarter_year(anchor, n, qpart, future), n, qpart, "quarter-inferred")
    part = "Q" if m.group("part") == "quarter" else "H"
    if "-" in m.group(0):
        # "fourth-quarter GDP", "first-half results": figures of a quarter already under way
        # or over, even when they are still to be published.
        future = False
    count = 4 if part == "Q" else 2
    ordinal = m.group("ord")
    # "the first quarter of 1998", "1998's first", "fiscal 1998's first"
    named = m.group("year") or m.group("pyear") or m.group("fyear") or m.group("ayear")
    year = int(named) if named else anchor.year
    yrel = m.group("yrel") or m.group("pyrel") or ""  # "last year's third quarter"
    year += {"last": -1, "the previous": -1, "next": 1}.get(yrel, 0)
    if ordinal in ("latest", "most recent"):
        ordinal = "last"
    if ordinal == "last" and not (named or yrel):
        current = (anchor.month - 1) * count // 12
        index = year * count + current - 1
        return quarter_value(index // count, index % count + 1, part, "quarter-last")
    n = (
        count
        if ordinal in ("last", "final")
        else int(load_date_vocabulary().of("ordinal")[ordinal])
    )
    n = min(n, count)
    if m.group("fiscal") or m.group("fpre") or m.group("fmid"):
        # A company's fiscal quarter: its months vary, TimeML writes FY2025-Q4.
        r = quarter_value(year, n, part, "quarter-fiscal")
        return Resolved(r.value, r.end_value, r.precision, r.rule, f"FY{year}-{part}{n}")
    if named or yrel:
        return quarter_value(year, n, part, "quarter")
    return quarter_value(quarter_year(anchor, n, part, future), n, part, "quarter-inferred")


def quarter_year(anchor: Date, n: int, part: str, future: bool) -> int:
    """The year of a quarter or half named without one: in the future the next one not yet
    over; otherwise the latest one begun, or about to begin ("cuts during the fourth quarter",
    written in August), by the anchor."""
    months = 3 if part == "Q" else 6
    start = Date(anchor.year, (n - 1) * months + 1, 1)
    if future:
        end_month = n * months
        end = Date(anchor.year, end_month, calendar.monthrange(anchor.year, end_month)[1])
        return anchor.year + (1 if end < anchor else 0)
    return anchor.year - (1 if (start - anchor).days > NEAR_FUTURE_QUARTER_DAYS else 0)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season(m: re.Match[str], anchor: Date, future: bool) -> Resolved:
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
    elif rel == "this":
        # The season under way, else the one of the anchor's year ("this summer", in January).
        held = [y for y in (anchor.year - 1, anchor.year) if span(y)[0] <= anchor <= span(y)[1]]
        year = held[0] if held else anchor.year
        if not held and future and span(year)[1] < anchor:
            year += 1  # "this spring, Apple will launch", written in October: the next one
    elif rel in ("next", "coming") or future:
        year = next(y for y in range(anchor.year - 1, anchor.year + 2) if span(y)[0] > anchor)
    else:
        year = next(y for y in range(anchor.year, anchor.year - 3, -1) if span(y)[0] <= anchor)
    first, last = span(year)
    return Resolved(first.isoformat(), last.isoformat(), "range", "season", f"{year}-{code}")
