"""Resolve time expressions to ISO dates relative to the article's publication date.

News convention: a bare weekday or month is the most recent one on or before the anchor unless
the text points to the future ("next", "until", "will", a plan in the present: "the summit is
in March", "Apple is launching the phone in June", "talks resume in March": ``time_schedule``)
and no report in the past follows the cue ("who will travel ..., said on Tuesday"); so is a
quarter or a feast. Anaphoric expressions ("the same day", a bare clock time, "the following
year", "two years later") count from the period the text last mentioned, and a month told in
the past after a date of a past year in its sentence is of that year ("in August 2014; by
December"); so is a bare weekday told in the past after a date the story narrates ("On 3 March
2011, ... On Friday, ...": ``time_story``), while "a week later" with nothing before it to count
from stays unresolved. ``time_grammar`` names each form; its handler lives in ``time_rules``;
dateparser is the fallback. ``rule`` names what produced it.
"""

from __future__ import annotations

import datetime as dt
import re

from dyad.article import DateMention
from dyad.extract.dates import find_date_expressions, load_date_vocabulary
from dyad.resolve.time_business import period_ago_reference
from dyad.resolve.time_days import slash_date, slash_order
from dyad.resolve.time_grammar import grammar
from dyad.resolve.time_markets import market_value
from dyad.resolve.time_parts import resolve_part, weekday_of_week
from dyad.resolve.time_phrases import WEEK_OF, week_holding
from dyad.resolve.time_ranges import closes_range, range_end, range_start, year_written_before
from dyad.resolve.time_rules import RULES
from dyad.resolve.time_story import last_told, story_weekday, unanchored_later
from dyad.resolve.time_tense import infer_tense, looks_ahead
from dyad.resolve.time_values import UNKNOWN, Date, Resolved, month_value, quarter_value

_PREP = re.compile(
    r"^(on|in|at(?! least| most)|since|by|until|till|from|during|before|after|through|"
    r"throughout|as of|as early as|as late as|starting|beginning|ending|effective|for|over|within|"
    r"around|about|overnight into|overnight) "
)
_EDGE = re.compile(
    r"^(?:(earlier|later|early|late|mid|the (?:end|start|beginning|middle|rest|remainder) of)[ -]"
    r"|(end|start)-)"
)
_FUTURE_PREPS = frozenset({"until", "till", "by", "starting", "beginning", "effective"})
_PAST_ABLE_PREPS = frozenset({"by", "until", "till"})

# Rules whose expressions point back at the period under discussion rather than at the anchor;
# "relative" and "offset" do when their word says so ("the following year", "two years later").
_ANAPHORIC = frozenset(
    {"anaphoric", "clock", "unit-anaphoric", "the-unit", "unit-ago", "unit-of-the-year"}
)
_ANAPHORIC_WORDS = frozenset(
    {"same", "previous", "preceding", "prior", "following", "earlier", "later", "before", "after"}
    | {"that", "that same"}
)
_POINT = frozenset({"day", "week", "month", "year", "decade"})


def resolve_date_expression(
    expr: str, anchor: Date, tense: str | None = None, reference: Date | None = None
) -> Resolved:
    """Normalise one expression against ``anchor``; ``tense='future'`` flips bare days/months.

    ``reference`` is the day (or period) the text last mentioned, for "the same day", bare clock
    times, "the following year" and "two years later"; without one they count from ``anchor``."""
    s = " ".join(expr.lower().replace("’", "'").split()).rstrip(",;:")
    s = s.removesuffix("'s")
    preps: list[str] = []
    edge = None
    for _ in range(3):
        if m := _PREP.match(s):
            preps.append(m.group(1))
            s = s[m.end() :]
        elif (m := _EDGE.match(s)) and s[m.end() :]:
            edge = m.group(1) or m.group(2)
            s = s[m.end() :]
    # "by December", "until Sunday" look ahead, unless their clause is told in the past ("had
    # fallen by Friday", "the curfew lasted until Sunday").
    future = tense == "future" or any(
        p in _FUTURE_PREPS and (p not in _PAST_ABLE_PREPS or tense != "past") for p in preps
    )
    if not edge and (
        part := resolve_part(
            s, anchor, lambda x: resolve_date_expression(x, anchor, tense, reference)
        )
    ):
        return part
    if (m := WEEK_OF.fullmatch(s)) and not edge:
        return week_holding(resolve_date_expression(m.group(1), anchor, tense, reference))
    # "the end of the year": the year the text is telling of ("fighting broke out in April
    # 2023; by the end of the year ..."), else, or when it looks ahead, the anchor's.
    period = s in ("the week", "the month", "the quarter", "the year", "the decade")
    if edge and period and (reference is None or future or s == "the decade"):
        s = ("last" if _end_not_reached(edge, s, anchor, tense, future) else "this") + s[3:]
    if edge and s in ("decade", "century", "year"):
        s = "this " + s  # "by mid-decade", "mid-century", "mid-year": the one under way
    refs = load_date_vocabulary().of("reference")
    for phrase in (s, " ".join([*preps, s])):
        if phrase in refs:
            return _reference(refs[phrase], anchor)
    g = grammar()
    for name, handler in RULES.items():
        m = g[name].fullmatch(s)
        if m is None:
            continue
        anaphoric = (
            name in _ANAPHORIC
            or (
                name in ("relative", "offset", "weekday")
                and m.group("dir" if name == "offset" else "rel") in _ANAPHORIC_WORDS
            )
            # "the next year" follows the year the text named; "next year" follows this one.
            or (name == "relative" and s.startswith("the next "))
        )
        try:
            resolved = handler(m, (reference or anchor) if anaphoric else anchor, future)
        except (ValueError, OverflowError):  # off the calendar: "2025 years earlier"
            continue
        if resolved is None:
            continue
        if tense == "past" and not future:
            if name == "unit-of-the-year" and (resolved.value or "") > anchor.isoformat():
                # "the talks ended in the last week of the year": a year already over.
                resolved = handler(m, Date((reference or anchor).year - 1, 1, 1), future)
                assert resolved is not None
            resolved = _year_before_if_ahead(resolved, anchor)
        if "since" in preps and resolved.value and resolved.precision in _POINT:
            start, timex = resolved.value, to_timex3(resolved)
            if edge in ("the start of", "the beginning of", "early") and len(start) == 4:
                start += "-01-01"  # "since the start of this year": from its first day
                timex = start
            # Else the TIMEX3 value stays the period's own ("since last week" -> 2026-W01).
            return Resolved(start, anchor.isoformat(), "range", "since-" + name, timex)
        if edge and resolved.value:
            rule = f"{resolved.rule}+{edge.replace(' ', '-')}"
            return Resolved(
                resolved.value, resolved.end_value, resolved.precision, rule, resolved.timex
            )
        return resolved
    return _resolve_by_dateparser(s, anchor, future)


def _end_not_reached(edge: str, period: str, anchor: Date, tense: str | None, future: bool) -> bool:
    """Whether "the end of the month" (week, year), told in the past with no period named before
    it, is the last one: the end of the one under way is still to come ("the deal was signed at
    the end of the month", written on January 8, is December's end)."""
    if tense != "past" or future or edge not in ("the end of", "end"):
        return False
    if period == "the week":
        return anchor.isoweekday() < 5
    if period == "the month":
        return anchor.day < 25
    return period == "the year" and anchor.month < 12


def _year_before_if_ahead(r: Resolved, anchor: Date) -> Resolved:
    """A day or quarter without a year that lies just ahead of the anchor is taken as upcoming
    ("the deadline is March 1"), unless a verb in the past says it is over ("the strike ended on
    Jan. 25", written on January 8): then it is last year's."""
    if not (r.value and r.value > anchor.isoformat() and len(r.value) == 10):
        return r
    year = int(r.value[:4]) - 1
    if r.rule.startswith("month-day-near-future"):
        day = Date.fromisoformat(r.value)
        if day.month == 2 and day.day == 29:
            return r
        return Resolved(day.replace(year=year).isoformat(), None, "day", r.rule + "-past")
    if r.rule == "quarter-inferred" and r.timex:
        part, n = r.timex[5], int(r.timex[6])
        return quarter_value(year, n, part, "quarter-inferred-past")
    return r


def _reference(value: str, anchor: Date) -> Resolved:
    """A word for the present, past or future; "now" itself is the publication day."""
    if value == "ANCHOR":
        return Resolved(anchor.isoformat(), None, "day", "now")
    return Resolved(None, None, "unknown", "reference", value)


def _resolve_by_dateparser(s: str, anchor: Date, future: bool) -> Resolved:
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
        return month_value(day.year, day.month, "dateparser")
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


# What may stand between a clock time and the date it belongs to: "at 16:15 UTC, June 1st".
_CLOCK_JOINER = re.compile(r",?\s*(?:on\s+)?")
# What joins a period to the day it ends on: "for the quarter ended Sept. 30".
_PERIOD_ENDING = re.compile(r"\s+(?:ended|ending|ends|to|through)\s+(?:on\s+)?")
_ENDING = re.compile(r"(?:ending|ended)\s", re.IGNORECASE)
# The unit an anaphoric expression counts in, finest first: it decides which earlier mention
# can be its reference ("the previous month" needs a day or a month, not a year).
_UNIT = re.compile(
    r"\b(day|night|week|weekend|month|quarter|half|year|decade|century)s?\b", re.IGNORECASE
)
_OF_UNIT = re.compile(r"(?<=\bof the )(week|month|year)$", re.IGNORECASE)
_GRAIN = {
    "day": 0,
    "night": 0,
    "week": 1,
    "weekend": 1,
    "month": 2,
    "quarter": 3,
    "half": 3,
    "year": 4,
    "decade": 4,
    "century": 4,
}
_PERIOD_TIMEX = re.compile(r"\d{4}-[QH]\d")
# A period named this far back (characters) is too far to be what "the year before" means;
# days keep their reference however far ("the same day"), as the text is usually about one, and
# so does narrative "two years later", which counts from a past date, never from publication.
REFERENCE_REACH = 250
_NARRATIVE = re.compile(r"\b(?:later|after)$", re.IGNORECASE)


def _point(r: Resolved) -> tuple[Date, int] | None:
    """The start of the period a resolution names, with its grain; None when it names none."""
    if not r.value or r.rule.startswith("since-") or r.value.startswith("P"):
        return None
    try:
        return _period_start(r)
    except ValueError:  # a year out of the calendar's range ("2025 years earlier")
        return None


def _period_start(r: Resolved) -> tuple[Date, int] | None:
    assert r.value is not None
    if r.precision in ("day", "week"):
        return Date.fromisoformat(r.value), _GRAIN[r.precision]
    if r.precision == "month":
        return Date.fromisoformat(r.value + "-01"), 2
    if r.precision == "year":
        return Date(int(r.value), 1, 1), 4
    if r.timex and _PERIOD_TIMEX.fullmatch(r.timex):
        return Date.fromisoformat(r.value), 3
    return None


def resolve_in_context(text: str, spans: list[tuple[int, int]], anchor: Date) -> list[Resolved]:
    """Resolve spans in text order; anaphoric ones ("the same day", a bare clock time, "the
    following year") take the period the text named last, or the date right after them
    ("16:15 UTC, June 1st")."""
    out: list[Resolved] = []
    points: list[tuple[int, Date, int]] = []  # (end offset, start of the period, grain)
    historical: set[int] = set()  # end offsets of days named as history, not as the story's
    order = slash_order(text, spans)
    for n, (s, e) in enumerate(spans):
        # "the first week of the year" counts in the year it names, not in weeks.
        unit = _OF_UNIT.search(text, s, e) or _UNIT.search(text, s, e)
        grain = _GRAIN[unit.group(1).lower()] if unit else 0
        reach = len(text) if _NARRATIVE.search(text, s, e) else REFERENCE_REACH
        candidates = [
            (end, day)
            for end, day, g in reversed(points)
            if (g == 0 if grain == 0 else g <= grain and s - end <= reach)
        ]
        if grain == 0:  # "the same day" tells of the story's days, not of a day in its history
            candidates = [c for c in candidates if c[0] not in historical] or candidates
        # A day still ahead (a plan: "lawmakers will meet on Thursday") is no day a sentence that
        # does not look ahead tells of ("Earlier in the day, Citigroup agreed ...").
        days = [day for _, day in candidates]
        if grain == 0 and days and days[0] > anchor and not looks_ahead(text, s, e):
            days = [day for day in days if day <= anchor] or days
        here = days[0] if days else None
        joiner = _CLOCK_JOINER if grain == 0 else _PERIOD_ENDING
        if (
            n + 1 < len(spans)
            and (
                joiner.fullmatch(text, e, spans[n + 1][0])
                # "the week ending Dec. 27": the finder keeps "ending" with the day.
                or (
                    grain
                    and _ENDING.match(text, spans[n + 1][0])
                    and text[e : spans[n + 1][0]].isspace()
                )
            )
        ):
            ns, ne = spans[n + 1]
            following = resolve_date_expression(text[ns:ne], anchor, infer_tense(text, ns, ne))
            point = _point(following)
            # A clock time needs a day; a period ends on a day or a month ("the year to March").
            if point is not None and point[1] <= (0 if grain == 0 else 2):
                here = point[0]
        tense = infer_tense(text, s, e)
        if order and (m := grammar()["slash"].fullmatch(text, s, e)):
            r = slash_date(m, anchor, order)  # "02/05/2018" in a text of "30/04/2018"
        elif ago := period_ago_reference(text[s:e], points, anchor):
            r = resolve_date_expression(ago[0], anchor, None, ago[1])  # "the year-ago quarter"
        else:
            r = resolve_date_expression(text[s:e], anchor, tense, here)
            r = unanchored_later(text, (s, e), r, here is not None)
            told = last_told(text, spans, out, points, historical)
            r = weekday_of_week(text, e, story_weekday(text, (s, e), r, told, anchor), anchor)
        earlier = list(zip(spans[:n], out, strict=True))
        again = lambda x, t: resolve_date_expression(x, anchor, t)  # noqa: E731
        r = market_value(text, (s, e), r, earlier, anchor, tense, again)
        if r.rule == "deictic-today" and _GENERIC_TODAY.match(text, e):
            r = Resolved(None, None, "unknown", "today-generic", "PRESENT_REF")
        if n and out and closes_range(text, spans[n - 1], s):
            out[-1] = range_start(out[-1], r)
            r = range_end(out[-1], r)
        elif n and out:
            r = year_written_before(text, spans[n - 1], out[-1], r, s, tense)
        if (point := _point(r)) is not None:
            points.append((e, *point))
            if point[1] == 0 and _historical(text, s, point[0], anchor):
                historical.add(e)
        out.append(r)
    return out


# A day named in an "of" phrase ("the attacks of September 11, 2001") is a name for an event.
_OF_BEFORE = re.compile(r"\bof\s*$", re.IGNORECASE)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\n])\s*$")
HISTORY_DAYS = 366


def _historical(text: str, s: int, day: Date, anchor: Date) -> bool:
    """Whether the day at ``s`` is history the story recalls rather than a day it tells of: one
    named in an "of" phrase, or more than a year before publication unless it opens its sentence
    ("On September 11, 2001, ..." narrates that day)."""
    if _OF_BEFORE.search(text, max(0, s - 4), s):
        return True
    if (anchor - day).days <= HISTORY_DAYS:
        return False
    return _OPENS_SENTENCE.search(text, max(0, s - 3), s) is None


# "today's GM", "today's world": the present age, not the publication day (TimeML PRESENT_REF);
# but "today's Kremlin statement" is a statement of the day: the name must head its phrase.
_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:(?:[A-Z][\w&-]*\s+)*[A-Z][\w&-]*(?=\s*[,;:!?\")”]|\.(?:\s|$)|\s+(?:is|are|"
    r"was|were|has|have|can|will|must|and)\b)|(?:world|society|generations?|youth|young|"
    r"children|economy)\b)"
)


def find_dates(
    text: str, anchor: Date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Time expressions in ``text[start:end]``, resolved against ``anchor`` when there is one."""
    spans = find_date_expressions(text, start, end)
    if anchor is None:
        return [
            DateMention(text=text[s:e], start=s, end=e, resolved_by="no-anchor") for s, e in spans
        ]
    return [
        DateMention(
            text=text[s:e],
            start=s,
            end=e,
            value=r.value,
            end_value=r.end_value,
            precision="range" if r.precision == "decade" else r.precision,
            resolved_by=r.rule,
        )
        for (s, e), r in zip(spans, resolve_in_context(text, spans, anchor), strict=True)
    ]
