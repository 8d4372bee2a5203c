"""Find time expressions ("on Thursday", "March 10, 2025", "last week") in plain text.

Spans include a leading preposition ("on", "since") because it changes the meaning; the
TimeML evaluation trims it. Regexes are compiled once per process from data/dates/vocabulary.tsv.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dyad.extract.date_business import business_patterns
from dyad.extract.date_filters import well_formed
from dyad.extract.date_markets import TRIGGER_WORDS, market_patterns, trim_span
from dyad.extract.date_parts import part_patterns
from dyad.extract.date_vocabulary import (
    VOCABULARY_PATH,
    DateVocabulary,
    DateVocabularyError,
    load_date_vocabulary,
    read_date_vocabulary,
)

__all__ = [
    "VOCABULARY_PATH",
    "DateRegexes",
    "DateVocabulary",
    "DateVocabularyError",
    "date_regexes",
    "find_date_expressions",
    "load_date_vocabulary",
    "read_date_vocabulary",
]


@dataclass(frozen=True)
class DateRegexes:
    """Compiled finders plus the fragments the resolver reuses."""

    finders: tuple[re.Pattern[str], ...]
    trigger: re.Pattern[str]  # a word every expression contains: finders only run near one
    names: re.Pattern[str]  # month and weekday names, which must be capitalised in the text
    month: str  # capitalised month names, abbreviations with optional period
    weekday: str
    number: str  # cardinal (digits or words), vague quantities included
    unit: str


_PREP = (
    r"(?:\b(?:on|in|at|since|by|until|till|from|during|before|after|through|throughout|as\s+of|"
    r"as\s+early\s+as|as\s+late\s+as|starting|beginning|ending|effective|for|over|within)\s+)"
)
# Days named after an event, not a date in the week of publication: "Black Monday" (1987).
_NAMED_DAY = "".join(
    rf"(?<!{w}\s)" for w in ("black", "cyber", "super", "good", "holy", "ash", "bloody", "easter")
)
# Reuters style joins the edge with a hyphen: "end-2025", "start-March".
_EDGE = r"(?:\b(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+|\b(?:end|start)-)"
_RELATIVE = (
    r"this\s+past|this\s+coming|this|last|next|past|previous|preceding|prior|following|coming|"
    r"current"
)
_YEAR = r"(?<![\w$€£.,:/#-])(?:1[89]\d\d|20\d\d)(?![\w%]|[.,:/]\d)"
_YEAR_INLINE = r"(?:1[89]\d\d|20\d\d)(?![\w%]|[.,:/]\d)"
_OF_YEAR = r"(?:\s+(?:of\s+)?(?:next|last|this)\s+year\b)"
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:/]\d|%)"
# Words after which "later" is no time of its own: "sooner rather than later", "a later date",
# "hours later" (the unit is the expression).
_NOT_BEFORE_LATER = (
    *("than", "a", "the", "no", "much", "even", "soon", "sooner", "or", "moments"),
    *("minutes", "hours", "days", "weeks", "months", "years", "decades"),
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@functools.cache
def date_regexes() -> DateRegexes:
    """Build and compile the finders once. They run on ASCII-lower-cased text (faster than
    case-insensitive matching); capitalisation of names is checked afterwards."""
    v = load_date_vocabulary()
    month_names = sorted(v.of("month"), key=len, reverse=True)
    # Abbreviations may carry a period; full names may not (it ends the sentence). Only long
    # names stand alone: "may" and "march" are verbs, "June" and "April" first names.
    month = (
        "(?:"
        + "|".join(
            m + (r"\b" if len(m) > 4 or m in ("may", "june", "july") else r"\b\.?")
            for m in month_names
        )
        + ")"
    )
    bare_month = "(?:" + "|".join(m for m in month_names if len(m) > 5) + r")\b"
    weekday = "(?:" + "|".join(v.of("weekday")) + r")\b"
    word_number = v.alternation("number")
    number = (
        rf"(?:\d+(?:\.\d+)?|(?:(?:{word_number})(?:-(?:{word_number}))?"
        rf"(?:\s+and\s+a\s+half)?|{v.alternation('vague')}))"
    )
    unit = r"(?:" + v.alternation("unit") + r"|centuries)"
    season = v.alternation("season", exclude=("fall",))
    # A one-word feast ("Christmas") is a date only after a preposition: not "Christmas lights".
    one_word = tuple(h for h in v.of("holiday") if " " not in h)
    holiday = v.alternation("holiday", exclude=one_word).replace("'", "['’]")
    feast = "|".join(one_word)
    dayperiod = v.alternation("dayperiod")
    year = _YEAR
    patterns = [
        # Full dates: "Thursday, March 10, 2025", "10 March 2025", "on Dec. 3", "June 1st",
        # "the 8th of January" ("the" belongs to the noun in "the Nov. 5 election"), and spans of
        # days: "20-21 January", "Jan. 12-14, 2026".
        rf"{_PREP}?(?:{weekday},?\s+)?(?:{month}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?"
        rf"(?:,?\s+{_YEAR_INLINE})?"
        rf"|(?:the\s+)?{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:(?:of)\s+)?{month}"
        rf"(?:,?\s+{_YEAR_INLINE})?)",
        # ISO dates and timestamps, and the same order with slashes or dots: "2026-01-07",
        # "2026-01-07T10:31:00Z", "2026/01/07"; European day-first dots: "07.01.2026".
        r"(?<![\w./-])\d{4}(?P<sep>[-/.])[01]\d(?P=sep)[0-3]\d"
        r"(?:t[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:z|[+-][01]\d:?[0-5]\d)?)?(?![\w/.-]?\d)",
        r"(?<![\w./-])[0-3]\d\.[01]\d\.(?:1[89]|20)\d\d(?![\w/.-]?\d)",
        # A day of the month named alone, closing its clause: "the strike ended on the 5th."
        # (not "on the 5th floor", "on the 20th anniversary").
        r"\b(?:on|by|until|since|from|before|after)\s+the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        r"(?=\s*(?:[,.;:)]|$)|\s+(?:when|as|after|before|at)\b)",
        r"(?<![\w/.-])[0-3]?\d/[0-3]?\d/(?:\d\d|\d{4})(?![\w/])",
        # Month and year: "in January 2026", "October 1982", "mid-March 2024".
        rf"{_PREP}?{_EDGE}?{month}(?:\s+(?:of)\s+|,?\s+){_YEAR_INLINE}",
        # Month alone, with a preposition or modifier ("in December", "last September").
        rf"{_PREP}?(?:{_EDGE}|(?:last|next|this|early|late)\s+){month}{_OF_YEAR}?",
        rf"{_PREP}{month}{_OF_YEAR}?",
        # The new date of something put off: "postponed to March" ("to May" alone may be a name).
        rf"\b(?:postponed|delayed|moved|pushed\s+back|put\s+off|rescheduled|deferred|adjourned|"
        rf"extended|brought\s+forward)\s+to\s+(?P<expr>{month}{_OF_YEAR}?)",
        # Both ends of a range of months: "between January and March", "from March to May".
        rf"\b(?:between|from)\s+(?P<expr>{month})\s+(?:and|to|through|until)\s+{month}",
        rf"\b(?:between|from)\s+{month}\s+(?:and|to|through|until)\s+(?P<expr>{month})",
        rf"{bare_month}",
        # Weekdays: "on Thursday", "late on Tuesday", "Tuesday night", "last Friday".
        rf"(?:\b(?:(?:early|late|earlier|later)(?:\s+on)?|overnight(?:\s+into)?|on|last|starting|beginning|effective|next|this(?:\s+(?:coming|past))?|by|until|"
        rf"till|since|from|before|after|as\s+of|over|(?:on\s+)?the\s+(?:following|previous|"
        rf"preceding))\s+)?{_NAMED_DAY}{weekday}(?:\s+(?:{dayperiod}))?",
        # Part of a named day: "on the night of Jan. 3", "the morning of Tuesday".
        rf"{_PREP}?\bthe\s+(?:{dayperiod})\s+of\s+(?:{weekday},?\s+)?(?:{weekday}|{month}\s+{_DAY}"
        rf"(?:,?\s+{_YEAR_INLINE})?|{_DAY}\s+(?:of\s+)?{month}(?:,?\s+{_YEAR_INLINE})?)",
        # Recurring times (TimeML sets): "every Monday", "each year".
        # "every four years", "every other week", "every few months" (TIMEX3 P4Y, P2W, PXM).
        rf"\b(?:every|each)\s+(?:{weekday}(?:\s+(?:{dayperiod}))?|(?:day|week|month|year)\b"
        rf"|(?:other|{number})\s+(?:day|week|month|year)s?\b)",
        # "a week ago Tuesday": that weekday of the week before.
        rf"\ba\s+week\s+ago\s+(?:last\s+)?{_NAMED_DAY}{weekday}",
        # Deictic days: "today", "earlier today", "yesterday morning", "overnight", "last night".
        r"(?<!usa\s)\b(?:(?:(?:earlier|later|early|late)\s+)?(?:today|yesterday|tomorrow|tonight|"
        rf"overnight)(?:\s+(?:{dayperiod}))?\b|(?:(?:earlier|later|early|late)\s+)?(?:last|this|tomorrow)\s+"
        rf"(?:{dayperiod})\b)",
        # Units relative to the anchor: "earlier this month", "last week", "the past decade".
        rf"{_PREP}?(?:\b(?:earlier|later|early|late|mid|the\s+(?:end|start|beginning|middle)"
        rf"\s+of)[\s-]+)?(?:(?:the\s+)?(?:{_RELATIVE}|same))\s+"
        r"(?:(?:fiscal|financial)\s+(?=quarter))?(?:week|weekend|month|year|decade|quarter|century)\b"
        # "the same month a year ago", "the same quarter last year".
        r"(?:\s+a\s+year\s+(?:ago|earlier|before)\b"
        r"|(?:(?<=same\sweek)|(?<=same\smonth)|(?<=same\squarter))\s+last\s+year\b)?",
        # Periods counted from the one named before: "the year before", "earlier in the day".
        r"\bthe\s+(?:week|month|quarter|year)\s+(?:before|after|earlier|later|previous|prior)\b"
        r"(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)",
        r"\b(?:earlier|later|early|late)\s+in\s+the\s+(?:day|week|month|year)\b",
        # The period the text last named: "that year", "later that month", "that same week".
        rf"{_PREP}?\b(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:week|weekend|month|quarter|year)\b"
        r"(?![-\w])",
        # Days the text has already named: "the same day", "that day", "the next day", and
        # "the day" of market reports ("ended the day"), "by that time".
        rf"{_PREP}?\b(?:the\s+(?:same|very|next|following|previous|preceding)\s+(?:day|{dayperiod})"
        rf"|(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?:day|{dayperiod})|the\s+day\s+(?:before|after|earlier|later)"
        r"(?:\s+(?:yesterday|tomorrow))?)\b"
        r"(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)",
        r"\b(?:for|on|during|throughout|ends?|ended|ending|finish(?:ed|ing|es)?|clos(?:e|ed|es|ing)|"
        r"start(?:s|ed|ing)?|open(?:s|ed|ing)?|beg[ia]n)\s+(?P<expr>the\s+(?:day|week|month|year))"
        r"\b(?!-|\s+(?:before|after|of|that|when|which)\b)",
        rf"{_PREP}that\s+(?:same\s+)?time\b",
        # The period under discussion: "for the year", "in the quarter", "on the week".
        # Not "in the quarter": in conflict news that is a neighbourhood.
        r"\b(?:(?:for|during|on|throughout|over)\s+(?P<expr>the\s+(?:full\s+)?(?:week|month|"
        r"quarter|year))|"
        r"in\s+(?P<expr2>the\s+(?:week|month|year)))\b"
        # Not "the year-ago quarter", an expression of its own.
        r"(?!-|\s+(?:before|after|earlier|later|previous|prior|ago|since|to|that|when|in|of|and|"
        r"ahead|as|\d))|\bthe\s+year\s+(?:1[89]\d\d|20\d\d)\b"
        # "The full year was tough": the year under discussion, wherever it stands.
        r"|\bthe\s+full\s+year\b(?!-|\s+(?:of|to|ahead|before|after|earlier|later|ago)\b)",
        # "now" as a time expression only where it closes a clause or follows a preposition:
        # "for more than a week now.", "until now"; not "will now receive".
        r"\b(?:(?:until|by|as\s+of|for|right|just)\s+)?now\b(?=\s*(?:[.,;:!?)\"”]|$))"
        r"|\b(?:until|by|as\s+of)\s+now\b",
        rf"{_PREP}?\b(?:(?:over\s+)?the\s+weekend)\b",
        # "since" counts from the start ("since the beginning of the year": from January 1).
        r"(?:\bsince\s+)?\b(?:the\s+(?:end|start|beginning|middle)\s+of\s+the\s+"
        r"(?:week|month|quarter|year|decade))\b",
        # The week holding a day: "the week of Jan. 19" (TIMEX3 2026-W04), "the week beginning".
        rf"{_PREP}?\bthe\s+week\s+(?:of|beginning|starting|commencing)\s+(?:{weekday},?\s+)?(?:{month}\s+{_DAY}|(?:the\s+)?{_DAY}"
        rf"\s+(?:of\s+)?{month})(?:,?\s+{_YEAR_INLINE})?",
        # A week or month of a year: "the first week of the year", "the last month of 2025".
        rf"{_PREP}?\b(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:week|month)\s+of\s+"
        rf"(?:(?:the|this|next|last)\s+year\b|{_YEAR_INLINE})",
        # The period ahead of the anchor: "the week ahead", "in the weeks ahead".
        # Not "the week ahead of the vote": the week before it.
        rf"{_PREP}?\bthe\s+(?:week|month|year|days|weeks|months|years)\s+ahead\b(?!\s+of\b)"
        r"|\bthe\s+(?:days|weeks|months|years)\s+to\s+come\b",
        # The middle of the week under way: "fighting eased midweek".
        r"\b(?:(?:by|until|at|on|from)\s+)?mid-?week\b(?!-)",
        # The same time of an earlier period: "this time last year", "the same time a year ago".
        rf"{_PREP}?\b(?:this|the\s+same)\s+time\s+(?:(?:last|next)\s+(?:week|month|year)"
        r"|a\s+(?:week|month|year)\s+(?:ago|earlier|before))\b",
        # "the turn of the century", "the turn of the 20th century", "the turn of the year".
        rf"{_PREP}?\bthe\s+turn\s+of\s+the\s+(?:(?:last|next|this|new|present|current)\s+)?"
        rf"(?:(?:{v.alternation('century')})[\s-]+)?(?:century|millennium|year)\b",
        # "the rest of the week": TimeML marks the period, "the rest of" being no point of it.
        r"\b(?:rest|remainder)\s+of\s+(?P<expr>the\s+(?:week|month|quarter|year|decade))\b",
        # The close of the period under way: "by year-end", "at year end", "by the year's end".
        rf"{_PREP}?\b(?:(?:the\s+)?(?:year|quarter|month)[\s-]end|the\s+(?:year|quarter|month)['’]s\s+end)"
        r"\b(?!-)",
        # Years: "in 2011", "since 2011", "mid-2011", "early 2009", "2024-25", "the 1990s".
        rf"{_PREP}?(?:(?:the)\s+)?{_EDGE}?(?:1[89]\d|20\d)0'?s\b|{_PREP}?(?:the\s+){_EDGE}?'\d0s\b",
        # "2024-25", "the 2025/26 season" (not "2026/01/07").
        rf"{_PREP}?(?<![\w$€£.,:/#-])(?:1[89]\d\d|20\d\d)\s*[-–/]\s*(?:\d\d|{_YEAR_INLINE})"
        r"(?!\d|[-/.]\d)",
        rf"\b(?:between|from)\s+{year}\s+(?:and|to|until|through)\s+{_YEAR_INLINE}",
        rf"{_PREP}?(?:{_EDGE}{_YEAR_INLINE}|{year})",
        r"\b(?:since|in|of)\s+'\d\d\b",
        # Centuries: "the early 21st century".
        rf"{_PREP}?(?:\bthe\s+)?{_EDGE}?\b(?:{v.alternation('century')})[\s-]+century\b",
        # Feasts on a fixed day: "on Christmas Day", "New Year's Eve", "Christmas Eve 2009".
        rf"(?:{_PREP}?\b(?:{holiday})|{_PREP}(?:{feast}))\b(?:,?\s+{_YEAR_INLINE})?",
        # A weekday of a month ("the last Sunday of November"); "by mid-decade"; "in the new year".
        rf"{_PREP}?\b(?:the\s+)?(?:first|second|third|fourth|last|final)\s+{weekday}\s+(?:of|in)\s+"
        rf"{month}(?:,?\s+{_YEAR_INLINE})?|{_PREP}?\bmid[\s-]+(?:decade|century)\b",
        r"\b(?:in|into|after|until|till|by|for)\s+the\s+new\s+year\b(?!['’]s)",
        # Seasons: "last summer", "in the spring", "winter 2024", "fall of 2023".
        rf"{_PREP}?\b(?:(?:(?:this|last|next|early|late|the|this\s+past)\s+)*(?:{season}|fall)"
        r"\s+(?:of\s+)?(?:1[89]\d\d|20\d\d)\b"
        rf"|(?:(?:this|last|next|coming|early|late|the|this\s+past)\s+)+(?:{season})"
        r"|(?:this|last|next|early|late)\s+fall)",
        rf"\b(?:in|during|since|until|by|through|throughout)\s+(?:{season})\b",
        # A season naming a body's regular sitting: "their autumn meetings", "its spring session".
        rf"\b(?:their|its|our|his|her)\s+(?P<expr>{season})\s+(?=(?:meetings?|session|sitting|"
        r"offensive|campaign|harvest|recess|term|semester)\b)",
        # "in the fall", but not "the fall of the regime" or "the fall in prices".
        r"\b(?:in|during)\s+the\s+fall\b(?!\s+(?:of|in|to|from|and)\b)",
        # Durations and offsets: "for three years", "two days ago", "the past five days".
        r"\b(?:(?:(?:for|over|within|in|during|after|throughout)\s+)?(?:(?:about|around|nearly|"
        r"almost|roughly|approximately|some|more\s+than|less\s+than|at\s+least|over|under|"
        r"up\s+to|just)\s+)?(?:the\s+(?:past|last|next|previous|coming|first|final|following)\s+)?)"
        rf"{number}[\s-]+(?:(?:straight|consecutive|more|full|long|additional|trading|"
        rf"business)\s+)?{unit}(?:s)?\b(?!-old)(?:-long\b|\s+and\s+a\s+half\b)?"
        r"(?:\s+(?:ago|earlier|later|from\s+now))?",
        r"\b(?:(?:(?:for|over|after|within|in|during|the)\s+)*(?:recent|past|last|coming|next|"
        r"several|many|few|for|over|after|within|in)\s+(?:decades|years|months|weeks|days|hours|"
        r"minutes)\b"
        r"|\b(?:decades|years)(?=\s+of\b|\s+ago\b|\s+later\b|\s+earlier\b)|"
        r"\b(?:months|weeks|days|hours|minutes)(?=\s+(?:ago|later|earlier|after|before)\b)|"
        r"(?:decades?|years?|months?)-long\b)",
        # "the past fortnight"; "in two weeks' time" (two weeks after the anchor).
        r"\b(?:the\s+)?(?:past|last|next|coming|previous|following)\s+fortnight\b",
        rf"\b(?:{number})[\s-]+{unit}s?['’]s?\s+time\b",
        # Ranges of durations: "between 60 and 90 days", "two to three years", "60-90 days".
        rf"\b(?:between\s+)?(?<![\d.,])(?:{number})\s*(?:-|–|to|and|or)\s*(?:{number})[\s-]+"
        rf"{unit}s?\b(?!-old|\s+old\b)",
        # "annual" measuring a year's worth of something: "an annual profit", "annual growth";
        # not the recurring "annual meeting", which TimeML would mark as a set.
        r"\bannual(?=\s+(?:profits?|loss(?:es)?|revenues?|sales|growth|rates?|inflation|"
        r"budgets?|output|income|earnings|increases?|declines?|drops?|rises?|gains?|turnover|"
        r"production|deficits?|surplus(?:es)?|exports?|imports?|spending|salary|pay|"
        r"(?:gross\s+domestic\s+)?product)\b)",
        # Bare "later": not "later than", "a later date", nor after a unit ("hours later").
        r"(?<![\w-])"
        + "".join(rf"(?<!{w}\s)" for w in _NOT_BEFORE_LATER)
        + r"later\b(?!\s+(?:than|date|time|stage|point|years?|life|period|phase|round)\b)(?!-)",
        # Clock times: "at 16:08 UTC", "6:40 p.m. (GMT +8)", "at noon".
        r"\b(?:(?:(?:at|by|from|until|around|about|before|after|since)\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*"
        r"(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d)(?:\s*\(?(?:utc|gmt|local\s+time|[ecmp][sd]t|et|pt|"
        r"bst|cet|cest|msk)(?![a-z])"
        r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?)?)(?<=[a-z.)])"
        rf"(?:,?\s+(?:(?:on)\s+)?{weekday})?"
        r"|\b(?:(?:at|by|until|before|after|around|from)\s+)\d{1,2}:\d\d\b"
        r"|\b(?:(?:at|by|until|before|after|around|from)\s+)?[0-2]\d[0-5]\d\s*(?:gmt|utc)\b"
        r"|\b(?:(?:(?:at|by|until|before|after|around|from)\s+)?\b(?:noon|midnight|midday)\b)"
        rf"(?:,?\s+(?:on\s+)?{weekday})?",
        # Present, past and future references: "currently", "recently".
        # Not "in the past two sessions": a count after it makes a duration of its own.
        r"(?:\b(?:"
        + v.alternation("reference", exclude=("now", "later"))
        + rf")\b(?!\s+(?:{number})\b))",
        *business_patterns(
            prep=_PREP,
            edge=_EDGE,
            year=_YEAR_INLINE,
            month=month,
            number=number,
            ordinal=v.alternation("ordinal"),
        ),
        *market_patterns(prep=_PREP, weekday=weekday, month=month, day=_DAY, year=_YEAR_INLINE),
        *part_patterns(
            prep=_PREP,
            weekday=weekday,
            month=month,
            day=_DAY,
            year=_YEAR_INLINE,
            dayperiod=dayperiod,
        ),
    ]
    finders = tuple(re.compile(p) for p in patterns)
    words = [*v.of("month"), *v.of("weekday"), *v.of("season"), *v.of("dayperiod")]
    words += [r"\s+".join(r.split()[-2:]) for r in v.of("reference")]
    words += [h.split()[-1].replace("'", "['’]") for h in v.of("holiday")] + ["century"]
    words += [u + "s?" for u in v.of("unit")] + ["centuries", "weekends?", "quarters?", "half"]
    words += ["today", "yesterday", "tomorrow", "tonight", "overnight", "noon", "midnight"]
    words += ["midday", "fall", "gmt", "utc"]
    words += TRIGGER_WORDS
    words += ["now", "time", "later", "annual", "millennium", "midweek", "mid-week", "midyear"]
    digits = (
        r"\b(?:1[89]|20)\d\d(?:'?s)?\b|'\d0s\b|\d:\d\d|\d/\d|'\d\d\b|\d\s*[ap]\.?m\b|\bq[1-4]\b|"
        r"\bfy[\s-]?\d\d|\d(?:st|nd|rd|th)\b"
    )
    alternation = "|".join(sorted(set(words), key=len, reverse=True))
    trigger = re.compile(rf"{digits}|\b(?:{alternation})\b")
    names = re.compile(r"\b(?:" + "|".join([*month_names, *v.of("weekday")]) + r")\b")
    return DateRegexes(finders, trigger, names, month, weekday, number, unit)


# How far an expression reaches before and after its trigger word ("for more than the past
# five trading days": the trigger "days" ends it).
_REACH_BEFORE, _REACH_AFTER = 48, 40


def find_date_expressions(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Spans of time expressions in ``text[start:end]`` as offsets into ``text``."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    regexes = date_regexes()
    lowered = text.translate(_ASCII_LOWER)  # same length, so offsets carry over
    candidates: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(regexes.trigger, lowered, start, end):
        _collect(regexes.finders, lowered, seg_start, seg_end, candidates)
    candidates = [
        trim_span(lowered, s, e)
        for s, e in candidates
        if well_formed(regexes.names, text, lowered, s, e)
    ]
    # Overlapping candidates: the longest wins, then the earliest.
    candidates.sort(key=lambda se: (se[0] - se[1], se[0]))
    taken: list[tuple[int, int]] = []
    for s, e in candidates:
        if all(e <= ts or s >= te for ts, te in taken):
            taken.append((s, e))
    return sorted(taken)


def _segments(trigger: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Merged windows of text around trigger words: the only places an expression can be."""
    segments: list[tuple[int, int]] = []
    for m in trigger.finditer(text, start, end):
        lo, hi = max(start, m.start() - _REACH_BEFORE), min(end, m.end() + _REACH_AFTER)
        if segments and lo <= segments[-1][1]:
            segments[-1] = (segments[-1][0], hi)
        else:
            segments.append((lo, hi))
    return segments


_EXPR = ("expr", "expr2")


def _collect(
    finders: tuple[re.Pattern[str], ...],
    text: str,
    start: int,
    end: int,
    out: list[tuple[int, int]],
) -> None:
    for finder in finders:
        for m in finder.finditer(text, start, end):
            # A finder may need context it does not mark ("ended the day"): group "expr"/"expr2".
            group = next((g for g in _EXPR if g in finder.groupindex and m.group(g)), None)
            s, e = m.span(group) if group else m.span()
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
