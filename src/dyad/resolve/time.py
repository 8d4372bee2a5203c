"""Resolve time expressions to ISO dates relative to the article's publication date.

News convention: a bare weekday or month is the most recent one on or before the anchor unless
the text points to the future ("next", "until", "will"). Our own rules handle the forms news
uses; dateparser is the fallback for anything else. ``rule`` names what produced each value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from dyad.article import DateMention
from dyad.extract.dates import date_regexes, find_date_expressions, load_date_vocabulary

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

_PREP = re.compile(
    r"^(on|in|at|since|by|until|till|from|during|before|after|through|throughout|as of|"
    r"as early as|as late as|starting|beginning|ending|effective|for|over|within|around|about) "
)
_EDGE = re.compile(
    r"^(earlier|later|early|late|mid|the (?:end|start|beginning|middle|rest|remainder) of)[ -]"
)
_FUTURE_PREPS = frozenset({"until", "till", "by", "starting", "beginning", "effective"})
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|would|'ll|may|might|(?:is|are|was|were) (?:due|scheduled|set|expected|"
    r"slated|to)|plans? to|planning to|upcoming|next|tomorrow)\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(r"\s*(?:will|'ll|is (?:due|set|scheduled|expected)|are (?:due|set))\b")
_SENTENCE_END = re.compile(r"[.!?\n]")


@functools.cache
def _grammar() -> dict[str, re.Pattern[str]]:
    """Anchored regexes over the lower-cased, space-collapsed expression."""
    v = load_date_vocabulary()
    month = r"(?P<month>" + v.alternation("month") + r")\.?"
    wd = r"(?P<weekday>" + v.alternation("weekday") + ")"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    num = date_regexes().number.replace("(?i:", "(?:")
    unit = r"(?P<unit>" + v.alternation("unit") + r"|centurie)s?"
    period = r"(?: (?P<period>" + v.alternation("dayperiod") + "))?"
    rel = r"(?P<rel>this past|this coming|this|last|next|past|previous|coming|current|same)"
    return {
        "deictic": re.compile(
            r"(?P<word>today|tonight|yesterday|tomorrow|overnight|last|this)" + period
        ),
        "weekday": re.compile(rf"(?:{rel} )?{wd}{period}"),
        "iso": re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"),
        "month-day": re.compile(rf"(?:{wd},? )?(?:the )?{month} {day}(?:,? {year})?"),
        "day-month": re.compile(rf"(?:{wd},? )?(?:the )?{day} (?:of )?{month}(?:,? {year})?"),
        "month-year": re.compile(rf"{month}(?: of |,? ){year}"),
        "month": re.compile(rf"(?:{rel} )?{month}"),
        "year": re.compile(r"(?P<year>\d{4})|'(?P<yy>\d\d)"),
        "year-range": re.compile(
            r"(?:between |from )?(?P<year>\d{4}) ?(?:-|–|/|and|to|until|through) ?(?P<end>\d{2,4})"
        ),
        "decade": re.compile(
            r"(?:the )?(?:(?P<edge>early|late|mid)[ -])?(?P<decade>\d{3}|'\d)0'?s"
        ),
        "relative": re.compile(
            rf"(?:the )?{rel} (?P<unit>week|weekend|month|year|decade|quarter|century)"
        ),
        "weekend": re.compile(r"(?:over )?the weekend"),
        "offset": re.compile(
            rf"(?P<num>{num})[ -]{unit} (?P<dir>ago|earlier|later|from now|before|after)"
        ),
        "duration": re.compile(
            r"(?:(?:about|around|nearly|almost|roughly|approximately|some|more than|less than|"
            r"at least|over|under|up to|just) )?(?:the (?:past|last|next|previous|coming|first|"
            rf"final|following) )?(?P<num>{num})[ -](?:(?:straight|consecutive|more|full|long|"
            rf"additional|trading|business) )?{unit}(?:-long)?"
        ),
        "vague-duration": re.compile(
            r"(?:(?:the|recent|past|last|coming|next|several|many|few) )*"
            r"(?P<unit>decade|year|month|week|day)s?(?:-long)?"
        ),
        "quarter": re.compile(
            rf"(?:the )?(?P<ord>{v.alternation('ordinal')}|last)[ -](?P<part>quarter|half)"
            rf"(?: of (?:{year}|(?P<yrel>this|last|next|the previous|the current|the same) year))?"
            r"|q(?P<q>[1-4])(?: (?P<qyear>\d{4}))?"
        ),
        "season": re.compile(
            r"(?:(?P<rel>this past|this|last|next|early|late|the) )*(?P<season>"
            + v.alternation("season")
            + r")(?: (?:of )?(?P<year>\d{4}))?"
        ),
        "clock": re.compile(
            r"(?P<h>\d{1,2})(?::(?P<m>\d\d))? ?(?P<ampm>a\.m\.|p\.m\.|am|pm)?"
            r"(?: ?\(?(?P<tz>utc|gmt|local time|[ecmp][sd]t)[^)]*?\)?)?"
            rf"(?:,? (?:on )?(?P<weekday>{v.alternation('weekday')}))?|(?P<word>noon|midnight)"
        ),
    }


def resolve_date_expression(expr: str, anchor: Date, tense: str | None = None) -> Resolved:
    """Normalise one expression against ``anchor``; ``tense='future'`` flips bare days/months."""
    s = " ".join(expr.lower().replace("’", "'").split()).rstrip(",;:")
    s = s.removesuffix("'s")
    preps: list[str] = []
    edge = None
    for _ in range(3):
        if m := _PREP.match(s):
            preps.append(m.group(1))
            s = s[m.end() :]
        elif (m := _EDGE.match(s)) and s[m.end() :]:
            edge = m.group(1)
            s = s[m.end() :]
    future = tense == "future" or any(p in _FUTURE_PREPS for p in preps)
    if edge and s in ("the week", "the month", "the year"):
        s = "this" + s[3:]  # "the end of the year": the anchor's year
    refs = load_date_vocabulary().of("reference")
    if s in refs:
        return Resolved(None, None, "unknown", "reference", refs[s])
    if " ".join([*preps, s]) in refs:
        return Resolved(None, None, "unknown", "reference", refs[" ".join([*preps, s])])
    g = _grammar()
    for name in _ORDER:
        m = g[name].fullmatch(s)
        if m:
            resolved = _HANDLERS[name](m, anchor, future)
            if resolved is None:
                continue
            if "since" in preps and resolved.value and resolved.precision in _POINT:
                return Resolved(resolved.value, anchor.isoformat(), "range", "since-" + name)
            if edge and resolved.value:
                rule = f"{resolved.rule}+{edge.replace(' ', '-')}"
                return Resolved(
                    resolved.value, resolved.end_value, resolved.precision, rule, resolved.timex
                )
            return resolved
    return _dateparser(s, anchor, future)


_POINT = frozenset({"day", "week", "month", "year", "decade"})


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
    return _month_value(int(m.group("year")), month, "month-year")


def _month(m: re.Match[str], anchor: Date, future: bool) -> Resolved | None:
    month = int(load_date_vocabulary().of("month")[m.group("month")])
    rel = m.group("rel") or ""
    if rel == "same":
        return None
    year = anchor.year
    if rel in ("last", "past", "previous", "this past"):
        year -= 1 if month >= anchor.month else 0
    elif rel in ("next", "coming", "this coming"):
        year += 1 if month <= anchor.month else 0
    elif rel not in ("this", "current"):
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
    return _month_value(year, month, "month-" + (rel.replace(" ", "-") or "bare"))


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
    }.get(rel)
    if step is None:
        return None
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
        return _month_value(index // 12, index % 12 + 1, rule)
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
        return _month_value(index // 12, index % 12 + 1, rule)
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


_HANDLERS = {
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
_ORDER = tuple(_HANDLERS)


def _safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _month_value(year: int, month: int, rule: str) -> Resolved:
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


def _dateparser(s: str, anchor: Date, future: bool) -> Resolved:
    """Fallback for forms our rules do not cover; precision comes from dateparser's period."""
    from dateparser.date import DateDataParser  # imported lazily: rarely needed, slow to load

    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RELATIVE_BASE": dt.datetime.combine(anchor, dt.time()),
        "STRICT_PARSING": bool(re.search(r"\d{4}", s)),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input; unparsed is the answer
        return UNKNOWN
    if data.date_obj is None:
        return UNKNOWN
    day = data.date_obj.date()
    if data.period == "year":
        return Resolved(str(day.year), f"{day.year}-12-31", "year", "dateparser")
    if data.period == "month":
        return _month_value(day.year, day.month, "dateparser")
    return Resolved(day.isoformat(), None, "day", "dateparser")


def to_timex3(resolved: Resolved) -> str:
    """The TIMEX3 ``value`` string for a resolution ("2026-01-08", "2025-W02", "199", "P3Y")."""
    if resolved.timex:
        return resolved.timex
    value, precision = resolved.value, resolved.precision
    if value is None:
        return "XXXX-XX-XX"
    if precision == "week":
        year, week, _ = Date.fromisoformat(value).isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "decade":
        return value[:3]
    return value


def infer_tense(text: str, start: int, end: int) -> str | None:
    """'future' when the words around a span point ahead ("will meet on Tuesday"), else None."""
    window_start = max(0, start - 80)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    if _FUTURE_BEFORE.search(text, window_start, start) or _FUTURE_AFTER.match(text, end):
        return "future"
    return None


def find_dates(
    text: str, anchor: Date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Time expressions in ``text[start:end]``, resolved against ``anchor`` when there is one."""
    mentions = []
    for s, e in find_date_expressions(text, start, end):
        if anchor is None:
            mentions.append(DateMention(text=text[s:e], start=s, end=e, resolved_by="no-anchor"))
            continue
        r = resolve_date_expression(text[s:e], anchor, infer_tense(text, s, e))
        mentions.append(
            DateMention(
                text=text[s:e],
                start=s,
                end=e,
                value=r.value,
                end_value=r.end_value,
                precision=r.precision,
                resolved_by=r.rule,
            )
        )
    return mentions
