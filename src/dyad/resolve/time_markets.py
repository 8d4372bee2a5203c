"""Values for the time words of market and results reports, which need the text around them.

- A period's worth of a measure ("an intraday high", "quarterly profit", "year-on-year") is a
  duration, as MEANTIME marks "an annual profit" (P1Y); "to date" is the present, "in the
  medium term" the future and "in recent history" the past (PRESENT_REF, FUTURE_REF, PAST_REF);
  "an indefinite period" is a length left unsaid (PXD).
- "at the time" is the period the text named last; with none, some time past (PAST_REF).
- "the six months to September" counts months (P6M), whatever month it ends in; "a year-long
  strike" lasts one year (P1Y), "decades-long" an unsaid number of them.
- "The same period last year" after a quarter, half or month is that period a year before:
  2024-Q3 after "the third quarter" (else last year).
- "the quarter" of a results sentence told in the past, with no quarter named before it, is the
  last one completed, not the one under way (a report published in October is about Q3).
- A season before "of next year" is in that year ("the autumn of next year": 2027-FA), first
  or last light of a named day is its morning or evening ("dawn on Monday"), and "by
  mid-afternoon" is the afternoon of the day named last (else of publication).

``dyad.resolve.time.resolve_in_context`` passes every resolution through ``market_value``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dyad.extract.date_markets import MARKET_CITIES
from dyad.resolve.time_values import Date, Resolved, month_value, quarter_value

# Resolve an expression against the anchor: (text, tense) -> Resolved.
Resolver = Callable[[str, str | None], Resolved]

_PREP = re.compile(r"^(?:at|in|on|for|over|from|since|by|until|during)\s+")
_WORTH = {
    "intraday": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "half-yearly": "P6M",
    "full-year": "P1Y",
    "full year": "P1Y",
}
_ON_PERIOD = re.compile(r"(year|month|quarter)-(?:on|over)-(?:year|month|quarter)")
_ON_VALUE = {"year": "P1Y", "month": "P1M", "quarter": "P3M"}
_ONE_LONG = re.compile(r"(decade|year|month|week|day|hour)-long")
_HISTORY = re.compile(r"(?:recent|modern) (?:\S+ )?history")
_UNSAID_LENGTH = re.compile(
    r"(?:an? )?(?:indefinite|undetermined|unspecified|undefined) (?:period|length)(?: of time)?"
)
_REFERENCES = {
    "to date": "PRESENT_REF",
    "the short term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
}
_COUNT = re.compile(r"the\s+(\S+\s+(?:years|months|weeks|days|quarters))")
# "The same period last year" (not "a year earlier", which keeps the grain of its unit).
_SAME_PERIOD = re.compile(
    r"the\s+same\s+(?:period|half)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier|before)"
    r"|of\s+(?:last|the\s+previous)\s+year)"
)
_OF_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(next|last|this)\s+year\b", re.IGNORECASE)
_CITY_TIME = re.compile(rf"(.*?\d.*?) (?:{'|'.join(MARKET_CITIES)}) time(.*)")
_DAY_PART = re.compile(r"(?:(?:the )?(?:early|late) |the |mid-?)(morning|afternoon|evening)")
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV"}
_LIGHT = re.compile(r"(dawn|daybreak|dusk|nightfall)\s+(?:on\s+)?(\w+)")
_LIGHT_PART = {"dawn": "MO", "daybreak": "MO", "dusk": "EV", "nightfall": "NI"}
_PERIOD_TIMEX = re.compile(r"(\d{4})-([QH])(\d)")
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n")
_PAST_VERB = re.compile(
    r"\b(?:was|were|had|lost|rose|fell|made|earned|grew|sold|won|took|saw|swung|slid|slumped|"
    r"shrank|sank|[a-z]{2,}ed)\b(?!\s+(?:by|to)\b)",
    re.IGNORECASE,
)
# How far back (characters) a period may be named for a comparison to count from it.
_REACH = 250


def market_value(
    text: str,
    span: tuple[int, int],
    r: Resolved,
    earlier: Sequence[tuple[tuple[int, int], Resolved]],
    anchor: Date,
    tense: str | None,
    resolve: Resolver,
) -> Resolved:
    """``r`` revised for the forms above; ``earlier`` holds the spans resolved before ``span``
    with their values, ``resolve`` resolves a string against the anchor."""
    s, e = span
    expr = _PREP.sub("", " ".join(text[s:e].lower().split()))
    if expr.removeprefix("an ") in _WORTH:
        return Resolved(_WORTH[expr.removeprefix("an ")], None, "duration", "period-worth")
    if m := _ON_PERIOD.fullmatch(expr):
        return Resolved(_ON_VALUE[m.group(1)], None, "duration", "period-on-period")
    if m := _ONE_LONG.fullmatch(expr):
        return resolve(f"one {m.group(1)}", None)  # "a year-long strike": one year, not years
    if _HISTORY.fullmatch(expr):
        return Resolved(None, None, "unknown", "reference", "PAST_REF")
    if _UNSAID_LENGTH.fullmatch(expr):
        return Resolved("PXD", None, "duration", "duration-unsaid")
    if expr in _REFERENCES:
        return Resolved(None, None, "unknown", "reference", _REFERENCES[expr])
    if expr == "the time":
        return _named_before(s, earlier) or Resolved(None, None, "unknown", "the-time", "PAST_REF")
    if (m := _COUNT.fullmatch(expr)) and r.precision != "duration":
        counted = resolve(m.group(1), None)
        return counted if counted.precision == "duration" else r
    if _SAME_PERIOD.fullmatch(expr):
        return _period_before(s, earlier) or resolve("last year", None)
    if r.rule == "the-quarter" and tense != "future" and _told_in_past(text, s):
        return _last_quarter_completed(r, s, earlier, anchor)
    if r.rule == "season" and r.timex and (m := _OF_YEAR_AFTER.match(text, e)):
        year = resolve(m.group(1) + " year", None).value
        if year and r.value:
            shift = int(year) - int(r.timex[:4])
            return _season_shifted(r, shift)
    if m := _CITY_TIME.fullmatch(expr):
        return resolve(m.group(1) + m.group(2), tense)  # "5 p.m. New York time on Friday"
    if m := _DAY_PART.fullmatch(expr):
        told = _day_told(s, earlier) or anchor.isoformat()
        code = _PART_CODE[m.group(1)]
        return Resolved(told, None, "day", "part-of-day-told", f"{told}T{code}")
    if m := _LIGHT.fullmatch(expr):
        day = resolve(m.group(2), tense)
        if day.precision == "day" and day.value:
            part = _LIGHT_PART[m.group(1)]
            return Resolved(day.value, None, "day", f"{m.group(1)}-of-day", f"{day.value}T{part}")
    return r


def _named_before(s: int, earlier: Sequence[tuple[tuple[int, int], Resolved]]) -> Resolved | None:
    """The last period named before ``s`` that has a value, within reach."""
    for (_, end), r in reversed(earlier):
        if s - end > _REACH:
            return None
        if r.value and not r.value.startswith("P"):
            return r
    return None


def _day_told(s: int, earlier: Sequence[tuple[tuple[int, int], Resolved]]) -> str | None:
    """The last day named before ``s`` within reach (ISO), for a part of the day after it."""
    for (_, end), r in reversed(earlier):
        if s - end > _REACH:
            return None
        if r.precision == "day" and r.value and len(r.value) == 10:
            return r.value
    return None


def _period_before(s: int, earlier: Sequence[tuple[tuple[int, int], Resolved]]) -> Resolved | None:
    """The quarter, half or month named last before ``s``, a year earlier; None if none."""
    for (_, end), r in reversed(earlier):
        if s - end > _REACH:
            return None
        if r.timex and (m := _PERIOD_TIMEX.fullmatch(r.timex)):
            return quarter_value(int(m.group(1)) - 1, int(m.group(3)), m.group(2), "year-before")
        if r.precision == "month" and r.value:
            return month_value(int(r.value[:4]) - 1, int(r.value[5:7]), "year-before")
    return None


def _last_quarter_completed(
    r: Resolved, s: int, earlier: Sequence[tuple[tuple[int, int], Resolved]], anchor: Date
) -> Resolved:
    """ "lost $3 billion in the quarter", told in the past with no quarter named before it and
    resolved to the quarter under way: the quarter before it."""
    if any(x.timex and _PERIOD_TIMEX.fullmatch(x.timex) for _, x in earlier):
        return r
    current = f"{anchor.year}-Q{(anchor.month - 1) // 3 + 1}"
    if r.timex != current:
        return r
    index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
    return quarter_value(index // 4, index % 4 + 1, "Q", "the-quarter-completed")


def _told_in_past(text: str, s: int) -> bool:
    """Whether the clause before ``s`` has a verb in the past ("lost $3 billion in the")."""
    start = max(0, s - 100)
    ends = list(_CLAUSE_END.finditer(text, start, s))
    return bool(_PAST_VERB.search(text, ends[-1].end() if ends else start, s))


def _season_shifted(r: Resolved, years: int) -> Resolved:
    """The same season ``years`` later."""
    assert r.value and r.end_value and r.timex
    first = Date.fromisoformat(r.value)
    last = Date.fromisoformat(r.end_value)
    return Resolved(
        first.replace(year=first.year + years).isoformat(),
        last.replace(year=last.year + years).isoformat(),
        "range",
        "season-of-year",
        f"{int(r.timex[:4]) + years}{r.timex[4:]}",
    )
