"""Resolve time expressions to ISO dates relative to the article's publication date.

News convention: a bare weekday or month is the most recent one on or before the anchor unless
the text points to the future ("next", "until", "will"). Anaphoric expressions ("the same day",
a bare clock time) take the day the text last mentioned. ``grammar`` names each form; its
handler lives in ``time_rules``; dateparser is the fallback. ``rule`` names what produced it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dyad.article import DateMention
from dyad.extract.dates import date_regexes, find_date_expressions, load_date_vocabulary
from dyad.resolve.time_rules import RULES, UNKNOWN, Date, Resolved, month_value

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
def grammar() -> dict[str, re.Pattern[str]]:
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
        "month": re.compile(rf"(?:{rel} )?{month}(?: of (?P<yrel>next|last|this) year)?"),
        "year": re.compile(r"(?P<year>\d{4})|'(?P<yy>\d\d)"),
        "year-range": re.compile(
            r"(?:between |from )?(?P<year>\d{4}) ?(?:-|–|/|and|to|until|through) ?(?P<end>\d{2,4})"
        ),
        "decade": re.compile(
            r"(?:the )?(?:(?P<edge>early|late|mid)[ -])?(?P<decade>\d{3}|'\d)0'?s"
        ),
        "relative": re.compile(
            rf"(?:the )?{rel} (?P<unit>week|weekend|month|year|decade|quarter|century)"
            r"(?P<ago> a year (?:ago|earlier|before))?"
        ),
        "anaphoric": re.compile(
            r"(?:the |that )?(?:(?P<rel>same|very|next|following|previous|preceding) )?day"
            r"(?: (?P<dir>before|after|earlier|later))?|that (?:same )?(?:day|time)"
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


# Rules whose expressions point back at the day under discussion rather than at the anchor.
_ANAPHORIC = frozenset({"anaphoric", "clock"})
_POINT = frozenset({"day", "week", "month", "year", "decade"})


def resolve_date_expression(
    expr: str, anchor: Date, tense: str | None = None, reference: Date | None = None
) -> Resolved:
    """Normalise one expression against ``anchor``; ``tense='future'`` flips bare days/months.

    ``reference`` is the day the text last mentioned, for "the same day" and bare clock times."""
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
    for phrase in (s, " ".join([*preps, s])):
        if phrase in refs:
            return _reference(refs[phrase], anchor)
    g = grammar()
    for name, handler in RULES.items():
        m = g[name].fullmatch(s)
        if m is None:
            continue
        anaphoric = name in _ANAPHORIC or (name == "relative" and m.group("rel") == "same")
        resolved = handler(m, (reference or anchor) if anaphoric else anchor, future)
        if resolved is None:
            continue
        if "since" in preps and resolved.value and resolved.precision in _POINT:
            start = resolved.value
            if edge in ("the start of", "the beginning of", "early") and len(start) == 4:
                start += "-01-01"  # "since the start of this year": from its first day
            return Resolved(start, anchor.isoformat(), "range", "since-" + name)
        if edge and resolved.value:
            rule = f"{resolved.rule}+{edge.replace(' ', '-')}"
            return Resolved(
                resolved.value, resolved.end_value, resolved.precision, rule, resolved.timex
            )
        return resolved
    return _resolve_by_dateparser(s, anchor, future)


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


def infer_tense(text: str, start: int, end: int) -> str | None:
    """'future' when the words around a span point ahead ("will meet on Tuesday"), else None."""
    window_start = max(0, start - 80)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    if _FUTURE_BEFORE.search(text, window_start, start) or _FUTURE_AFTER.match(text, end):
        return "future"
    return None


# What may stand between a clock time and the date it belongs to: "at 16:15 UTC, June 1st".
_CLOCK_JOINER = re.compile(r",?\s*(?:on\s+)?")
_SAME_PERIOD = re.compile(r"\bsame\s+(?:week|month|year)\b", re.IGNORECASE)


def resolve_in_context(text: str, spans: list[tuple[int, int]], anchor: Date) -> list[Resolved]:
    """Resolve spans in text order; anaphoric ones ("the same day", a bare clock time) take the
    day the text named last, or the date right after them ("16:15 UTC, June 1st")."""
    out: list[Resolved] = []
    last_day: Date | None = None
    last_point: Date | None = None  # day or month: "the same month" looks back to either
    for n, (s, e) in enumerate(spans):
        here = last_point if _SAME_PERIOD.search(text, s, e) else last_day
        if n + 1 < len(spans) and _CLOCK_JOINER.fullmatch(text, e, spans[n + 1][0]):
            ns, ne = spans[n + 1]
            following = resolve_date_expression(text[ns:ne], anchor, infer_tense(text, ns, ne))
            if following.precision == "day" and following.value:
                here = Date.fromisoformat(following.value)
        r = resolve_date_expression(text[s:e], anchor, infer_tense(text, s, e), here)
        if r.precision == "day" and r.value:
            last_day = last_point = Date.fromisoformat(r.value)
        elif r.precision == "month" and r.value:
            last_point = Date.fromisoformat(r.value + "-01")
        out.append(r)
    return out


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
