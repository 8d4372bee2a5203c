"""Finders for parts of a day or of a period that news names around a date: "the early hours of
Tuesday", "in the small hours", "the final weeks of 2008", "the closing months of last year",
"the week after next", "the week before last", "by year's end", "by midyear", "the month of
March", "calendar 2009".

``dyad.extract.dates`` compiles them with its other finders (same lower-cased text, same
conventions: a leading preposition is part of the span, the TimeML evaluation trims it).
"""

from __future__ import annotations

# The first hours of a day: "the early hours of Tuesday", "the wee hours of the morning".
EARLY_HOURS = r"the\s+(?:early|small|wee)\s+hours"
# The stretch at one edge of a period: "the final weeks of 2008", "the first few days of March",
# "the first three months of the year".
PERIOD_PART = (
    r"the\s+(?:first|final|last|closing|opening|dying|waning|early|late)"
    r"(?:\s+(?:few|two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]))?\s+"
    r"(?:days|weeks|months|years)\s+of"
)


def part_patterns(
    *, prep: str, weekday: str, month: str, day: str, year: str, dayperiod: str
) -> list[str]:
    """Regex sources over the lower-cased text; ``prep``, ``weekday``, ``month``, ``day`` (a day
    of the month), ``year`` (a four-digit year in running text) and ``dayperiod`` are the
    fragments of the caller."""
    named_day = (
        rf"(?:{weekday},?\s+)?(?:{weekday}|{month}\s+{day}(?:,?\s+{year})?"
        rf"|{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?)(?:\s+(?:{dayperiod}))?"
    )
    told_day = (
        rf"(?:today|yesterday|tomorrow|(?:the|that|this)\s+(?:{dayperiod}|day)"
        rf"|the\s+(?:next|following|same|previous)\s+(?:day|{dayperiod}))"
    )
    period = (
        rf"(?:{year}|(?:last|this|next|the)\s+year|{month}(?:,?\s+{year})?"
        rf"|the\s+(?:decade|century)\b|the\s+(?:19|20)\d0s)"
    )
    return [
        # "in the early hours of Tuesday", "the small hours of Jan. 3", "the early hours of the
        # morning", and "in the early hours" alone (the day the text tells of).
        rf"{prep}?\b{EARLY_HOURS}\s+of\s+(?:{named_day}|{told_day})\b"
        rf"|\b(?:in|during|into|until|till|before|by)\s+{EARLY_HOURS}\b(?!\s+of\b)",
        # "the final weeks of 2008", "the closing months of last year", "the first days of March".
        rf"{prep}?\b{PERIOD_PART}\s+{period}(?!\s+(?:19|20)\d\d\b)",
        # "the week after next", "the week before last": two weeks from the anchor's.
        rf"{prep}?\bthe\s+(?:week|month|year)\s+(?:after\s+next|before\s+last)\b",
        # "the past year and a half" (P1.5Y), whose count is the unit's "a".
        rf"{prep}?\bthe\s+(?:past|last|next|coming|previous|following|first)\s+"
        r"(?:year|month|week|day|hour)\s+and\s+a\s+half\b",
        # A season every year (TIMEX3 set XXXX-SU): "every summer", "each spring".
        r"\b(?:every|each)\s+(?:spring|summer|autumn|fall|winter)\b",
        # A month or year named by its kind: "the month of March", "calendar 2009".
        rf"{prep}?\b(?:the\s+month\s+of\s+{month}(?:,?\s+{year})?|calendar\s+(?:year\s+)?{year})",
        # The middle of the year under way: "by midyear", "at mid-year".
        r"\b(?:by|at|in|until|till|around|before|after|since|from)\s+mid-?year\b(?!-)",
        # "by year's end", "at month's end" (with "the" the finder of period ends has it).
        rf"{prep}?\b(?:year|quarter|month)['’]s\s+end\b(?!-)",
    ]
