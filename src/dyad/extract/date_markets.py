"""Finders for the time words of market and results reports: "an intraday high", "quarterly
profit", "year-on-year", "full-year results", "to date", "in the medium term", "at the time",
"the six months to September", "the year to March", "the same period last year", "in the
quarter" of a results sentence, "the morning of the 5th", "at dawn on Monday", "by
mid-afternoon", "4 p.m. New York time", "in recent history", "an indefinite period".

``dyad.extract.dates`` compiles them with its other finders (same lower-cased text, same
conventions: a leading preposition is part of the span, the TimeML evaluation trims it) and
runs ``trim_span`` over every candidate.
"""

from __future__ import annotations

import re

# Words that must be near an expression for the finders to look at it (``dates`` adds them to
# its trigger).
TRIGGER_WORDS = (
    *("intraday", "quarterly", "monthly", "weekly", "half-yearly", "term", "date", "period"),
    *("dawn", "daybreak", "dusk", "nightfall", "history"),
)
# What a rate or a result is measured in: "quarterly profit", "weekly gain", "monthly sales".
_MEASURE = (
    r"(?:profits?|loss(?:es)?|revenues?|sales|growth|rates?|inflation|output|income|earnings|"
    r"increases?|declines?|drops?|falls?|rises?|gains?|turnover|production|deficits?|"
    r"surplus(?:es)?|exports?|imports?|spending|results?|figures|deliveries|shipments|orders|"
    r"dividends?|payments?|payouts?|forecasts?|guidance|outlook|performance|advance|"
    r"(?:percentage\s+)?(?:gain|loss|rise|fall|drop|decline|increase))\b"
)
# A sentence that reports a result: a figure of money or percent, or a word for one.
_RESULT_WORD = (
    r"(?:[$€£¥]|%|\bper\s*cent\b|\bpercent\b|\b(?:profits?|loss(?:es)?|revenues?|sales|earnings|"
    r"income|margins?|deliveries|shipments|orders|dividends?|billion|million)\b)"
)
# Cities (and zones) whose clocks markets keep: "4 p.m. New York time".
MARKET_CITIES = (
    *("new york", "london", "tokyo", "paris", "frankfurt", "hong kong", "singapore", "sydney"),
    *("beijing", "shanghai", "mumbai", "toronto", "chicago", "zurich", "seoul", "moscow"),
    *("washington", "brussels", "eastern", "pacific", "central"),
)
_CITY = "(?:" + "|".join(c.replace(" ", r"\s+") for c in MARKET_CITIES) + ")"
_AN_LONG = re.compile(r"an?\s+(?=[a-z]+-long$)")


def market_patterns(*, prep: str, weekday: str, month: str, day: str, year: str) -> list[str]:
    """Regex sources over the lower-cased text; ``prep``, ``weekday``, ``month``, ``day`` (a day
    of the month) and ``year`` (a four-digit year in running text) are the caller's fragments."""
    number = (
        r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety)"
    )
    return [
        # The trading day: "an intraday high" (MEANTIME keeps the article: P1D).
        r"\b(?:an\s+)?intraday\b",
        # A period's worth of a measure: "quarterly profit", "a weekly gain", "full-year results";
        # "year-on-year" anywhere (the change over a year).
        rf"\b(?:quarterly|monthly|weekly|half-yearly|full[\s-]year)(?=\s+(?:net\s+)?{_MEASURE})"
        r"|\b(?:year|month|quarter)-(?:on|over)-(?:year|month|quarter)\b",
        # The period ahead: "in the short term", "over the medium term" (not "short-term rates").
        r"\b(?:in|over|for)\s+the\s+(?:short|medium)\s+term\b(?![\s-]\w)",
        # Up to now: "has sold 2 million to date" (not "up to date", "bring it to date").
        r"(?<!up\s)(?<!up-)(?<!brought\s)(?<!bring\s)\bto\s+date\b(?!-)",
        # The time the text has named: "it was valued at $1 billion at the time".
        r"\bat\s+the\s+time\b(?!\s+(?:of|when|that|it|he|she|they|we|i)\b|['’]s|-)",
        # A count of units keeps its article: "the six months to September", "the three months
        # were difficult" (not "the two-year deal", "the three months' pay").
        rf"\bthe\s+{number}\s+(?:years|months|weeks|days)\b(?![-'’]|\s+old\b)",
        # A stretch of unsaid length: "over the years", "in the months since the recall", "the
        # weeks before the strike" (not "the years of war", "the years ahead": finders of theirs).
        r"\b(?:over|in|during|for|throughout)\s+(?P<expr>the\s+(?:years|months|weeks|days|decades))"
        r"\b(?!\s+(?:of|ahead|to\s+come)\b)",
        # The day a period of results ends on: "the year to March", "the 12 months to June 30".
        rf"\b(?:year|years|months|weeks|quarter|period|half)\s+(?:to|through)\s+"
        rf"(?P<expr>{month}(?:\s+{day})?(?:,?\s+{year})?)",
        # The period a year before the one discussed: "the same period last year".
        r"\bthe\s+same\s+(?:period|half)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier|before))\b"
        r"|\bthe\s+same\s+period\s+of\s+(?:last|the\s+previous)\s+year\b",
        # "in the quarter" of a results sentence (elsewhere it may be a part of a city).
        rf"\bin\s+(?P<expr>the\s+quarter)\b(?!\s+of\b|['’]s|-)(?=[^.\n]{{0,80}}?{_RESULT_WORD})"
        rf"|{_RESULT_WORD}[^.\n]{{0,40}}?\bin\s+(?P<expr2>the\s+quarter)\b(?!\s+of\b|['’]s|-)",
        # A month naming a regular meeting or release: "at its March meeting", "the June figures".
        rf"(?:\b(?:its|their|his|her|our|the|this|last|next)|['’]s)\s+(?P<expr>{month})\s+(?=(?:meeting|"
        r"figures|data|report|sales|survey|reading|numbers|results|session|auction|deadline|"
        r"election|vote|summit|payrolls|payment|launch|edition|issue)\b)",
        # The recent past as a whole: "the biggest fall in recent history", "in modern U.S.
        # history" (not "history" alone: "the largest bankruptcy in history"; "our recent
        # history", a speaker's own, may reach into the present).
        r"(?<!our\s)(?<!its\s)(?<!their\s)\b(?:recent|modern)\s+(?:[a-z][\w.]*\s+)?history\b"
        # A length left unsaid: "for an indefinite period", "an unspecified period of time".
        r"|\b(?:an?\s+)?(?:indefinite|undetermined|unspecified|undefined)\s+(?:period|length)"
        r"(?:\s+of\s+time)?\b",
        # A part of a day named by its number: "the morning of the 5th".
        rf"{prep}?\bthe\s+(?:morning|afternoon|evening|night)\s+of\s+the\s+"
        r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b",
        # A clock time in a market's city: "at 5 p.m. New York time on Friday", "16:30 London time".
        r"\b(?:(?:at|by|until|before|after|around|from)\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|"
        rf"p\.m\.|am\b|pm\b)|\d{{1,2}}:\d\d)\s+{_CITY}\s+time\b(?:,?\s+(?:on\s+)?{weekday})?",
        # A part of the day the text tells of: "recovered by mid-afternoon", "fell in the
        # afternoon" (not "the afternoon session", "the morning of ...": their own finders).
        r"\b(?:in|during|by|until|till|through|before|after|around|from|at)\s+(?:(?:the\s+)?"
        r"(?:early|late)\s+|the\s+|mid-?)(?:morning|afternoon|evening)\b"
        r"(?!\s+(?:of|session|edition|paper|papers|news|show|programme|program|shift|trading)\b)",
        # First and last light of a named day: "at dawn on Monday", "at dusk on Friday".
        rf"{prep}?\b(?:dawn|daybreak|dusk|nightfall)\s+(?:on\s+)?{weekday}",
    ]


def trim_span(lowered: str, s: int, e: int) -> tuple[int, int]:
    """TimeML leaves the article out of a hyphenated length: "a [decade-long] dispute"."""
    if m := _AN_LONG.match(lowered, s, e):
        return m.end(), e
    return s, e
