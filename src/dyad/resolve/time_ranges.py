"""Ranges of dates: the two ends of "from October to March" resolved together, each end
taking from the other what it leaves unsaid (the year written once, the direction of time); and
a day or month taking the year of the date before it in its sentence ("on March 3, 2005, and ...
on March 10", "in August 2014; by December"), and a month the year of the sentence before, when
the story narrates that year ("The war began in February 2022. In September, ...")."""

from __future__ import annotations

import re

from dyad.resolve.time_values import Resolved, month_value, safe_date

# Between the two months of a range: "from October to March", "between June and August" (but
# not a list: "in November and October").
_MONTH_RANGE_JOINER = re.compile(r"\s*(?:-|–|to|through|until|till|(?P<and>and))\s*")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def closes_range(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the expression at ``start`` closes a range opened by the one at ``previous``."""
    m = _MONTH_RANGE_JOINER.fullmatch(text, previous[1], start)
    if m is None:
        return False
    return not m.group("and") or bool(_BETWEEN.search(text, max(0, previous[0] - 10), previous[0]))


def range_start(first: Resolved, second: Resolved) -> Resolved:
    """The start of a range takes the year written at its end: "from January to June 2025" is
    January 2025, "from Nov. 5 to March 2, 2025" November 5, 2024."""
    explicit = second.rule in ("month-year", "month-day-year")
    inferred = first.rule.startswith("month-") and first.rule not in (
        "month-year",
        "month-day-year",
    )
    if not (explicit and inferred and first.value and second.value):
        return first
    year = int(second.value[:4])
    if first.value[4:] > second.value[4 : len(first.value)]:
        year -= 1  # the start lies in the year before the end's
    if first.precision == "month":
        return month_value(year, int(first.value[5:7]), first.rule + "-before")
    if first.precision == "day" and first.end_value is None:
        day = safe_date(year, int(first.value[5:7]), int(first.value[8:10]))
        if day is not None:
            return Resolved(day.isoformat(), None, "day", first.rule + "-before")
    return first


# The end of a sentence: a stop, then a capital ("Sept. 17" is no end).
_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+[\"“]?[A-Z]")


def year_written_before(
    text: str,
    previous_span: tuple[int, int],
    previous: Resolved,
    r: Resolved,
    start: int,
    tense: str | None = None,
) -> Resolved:
    """A day or month without a year takes the year of the date before it in its sentence:
    "the record was set on September 17, 2001, the first trading day after the attacks of
    September 11" is 2001-09-11, not this year's; "troops entered the city in August 2014 and by
    December controlled it" is December 2014; so is "In 2014, troops took the city in December".
    """
    a_day = r.rule.startswith("month-day-") and r.end_value is None
    a_month = r.rule.startswith("month-bare") and r.precision == "month"
    if not (r.value and (a_day or a_month)):
        return r
    if not previous.value:
        return r
    # The break's capital is the expression's own first letter ("... 2022. In September").
    breaks = list(_SENTENCE_BREAK.finditer(text, previous_span[1], start + 2))
    if breaks:
        if len(breaks) > 1 or not a_month or tense == "future":
            return r
        return _next_sentence_month(text, previous_span, previous, r, start, breaks[0].start())
    if previous.value[:4] >= r.value[:4]:
        return r  # only a past year told of: a date ahead may well lie in the anchor's year
    if r.rule.startswith("month-day-") and previous.rule == "month-day-year":
        day = safe_date(int(previous.value[:4]), int(r.value[5:7]), int(r.value[8:10]))
        return Resolved(day.isoformat(), None, "day", r.rule + "-same-year") if day else r
    if tense == "future" or not _tells_of_its_year(text, previous_span, previous, r, start):
        return r
    year = int(previous.value[:4])
    if a_month:
        return month_value(year, int(r.value[5:7]), r.rule + "-same-year")
    day = safe_date(year, int(r.value[5:7]), int(r.value[8:10]))
    return Resolved(day.isoformat(), None, "day", r.rule + "-same-year") if day else r


# A sentence opening on a year ("In 2014, ..."): the year of all it tells.
_FRAME = re.compile(r"(?:^|[.!?\n][\"”']?\s+)(?:(?:in|by|during|throughout)\s+)?$", re.IGNORECASE)
_COMMA = re.compile(r",")
# Words that bring the story back from the year told of to the present.
_BACK_TO_NOW = re.compile(
    r"\b(?:has|have|is|are|now|since|currently|today|recent(?:ly)?|later|subsequently)\b",
    re.IGNORECASE,
)
# A parenthesis or relative clause opening before a date: ", which was signed in", ", agreed in".
_OPENS_PARENTHESIS = re.compile(
    r",\s+(?:which|who|whose|that|where|when|[a-z]+ed|[a-z]+en|first|once|originally|initially|"
    r"then|now|a|an|the)\b[^,]*$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.!?\n][\"”']?\s+")


def _tells_of_its_year(
    text: str, previous_span: tuple[int, int], previous: Resolved, r: Resolved, start: int
) -> bool:
    """Whether a month (or a day of one) without a year, told in the past after a month of a
    past year in its sentence ("in August 2014; by December"), or in a sentence that opens on
    a past year ("In 2014, ... in December"), is of that year: not where that date sits in a
    parenthesis closed before it ("the law, passed in 2012, was repealed in March") nor where
    the month comes before the one named (it would be a later year's)."""
    assert previous.value is not None and r.value is not None
    if not r.rule.startswith(("month-bare", "month-day-past")):
        return False
    s, e = previous_span
    # "In 2014, the group declared a caliphate; it has since lost ground, and in March ...".
    if _BACK_TO_NOW.search(text, e, start):
        return False
    if previous.rule == "year":
        return bool(_FRAME.search(text, max(0, s - 16), s))
    named = previous.rule in ("month-year", "month-day-year") or (
        previous.rule.endswith(("-same-year", "-narrative")) and len(previous.value) >= 7
    )
    if not named or r.value[5:7] < previous.value[5:7]:
        return False
    openings = list(_SENTENCE_START.finditer(text, max(0, s - 300), s))
    first = openings[-1].end() if openings else max(0, s - 300)
    opened = _OPENS_PARENTHESIS.search(text, first, s)
    return not (opened and _COMMA.search(text, e, start))


# Verbs in the past that narrate: a regular past or a common irregular one (time_story.py
# uses them too).
NARRATING_PAST = (
    r"was|were|had|did|[a-z]{2,}ed|began|came|fell|rose|took|won|lost|met|left|held|made|"
    r"saw|broke|struck|hit|sent|led|fled|fought|went|ran|gave|got|became|drove|shot|"
    r"withdrew|overran|retook|swept|seized|spread"
)
# A verb in the past: the sentence narrates (a report, "said", "told", counts here).
_PAST_VERB = re.compile(rf"\b(?:{NARRATING_PAST}|said|told)\b", re.IGNORECASE)
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|shall|'ll|may|might|could|should|must|plans?|expects?|due|set to|"
    r"scheduled|upcoming|next)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?](?:[\"”']?\s|$)|\n")


def _next_sentence_month(
    text: str,
    previous_span: tuple[int, int],
    previous: Resolved,
    r: Resolved,
    start: int,
    stop: int,
) -> Resolved:
    """A bare month told in the past in the sentence right after one anchored to a past year
    ("The war began in February 2022. In September, Ukraine launched a counteroffensive") is of
    that year, the TimeML temporal focus of the narrative: only where the date before is a month
    or a day of a year (or a month so taken) and the month comes later in the calendar, or a
    year and the month opens its sentence; where neither sentence comes back to the present or
    looks ahead; and not where the date sits in a parenthesis ("The firm, founded in 1998, grew.
    In March ..."). ``stop`` is where the sentence before ends."""
    assert previous.value is not None and r.value is not None
    if not r.rule.startswith("month-bare") or previous.value[:4] >= r.value[:4]:
        return r
    if previous.rule == "year":
        fits = bool(_FRAME.search(text, max(0, start - 16), start))
    else:
        month_named = previous.rule in ("month-year", "month-day-year") or previous.rule.endswith(
            "-narrative"
        )
        fits = month_named and r.value[5:7] > previous.value[5:7]
    if not fits:
        return r
    s, e = previous_span
    after = SENTENCE_END.search(text, start)
    end = after.start() if after else len(text)
    if _BACK_TO_NOW.search(text, e, end) or _LOOKS_AHEAD.search(text, e, end):
        return r
    if not _PAST_VERB.search(text, stop, end):
        return r
    openings = list(_SENTENCE_START.finditer(text, max(0, s - 300), s))
    first = openings[-1].end() if openings else max(0, s - 300)
    if _OPENS_PARENTHESIS.search(text, first, s) and _COMMA.search(text, e, stop):
        return r
    return month_value(int(previous.value[:4]), int(r.value[5:7]), r.rule + "-narrative")


def range_end(first: Resolved, second: Resolved) -> Resolved:
    """The end of a range of bare months runs forward from its start: "from October to March"
    is the March after that October."""
    if not (first.precision == second.precision == "month" and first.value and second.value):
        return second
    if not second.rule.startswith("month-") or second.rule == "month-year":
        return second
    if second.value >= first.value:
        return second
    year, month = int(second.value[:4]) + 1, int(second.value[5:7])
    if f"{year:04d}-{month:02d}" < first.value:
        return second
    return month_value(year, month, second.rule + "-after")
