"""Finders for the periods business news reports on: fiscal years, quarters and halves, weeks of
a month, the year to date, counts of quarters and the period a year before the one discussed.

``dyad.extract.dates`` compiles them with its other finders (same lower-cased text, same
conventions: a leading preposition is part of the span, the TimeML evaluation trims it).
"""

from __future__ import annotations

_Y = r"(?:1[89]\d\d|20\d\d)"
# A fiscal year named by the two calendar years it straddles: "2007/08", "2007-2008".
SPLIT_YEAR = rf"{_Y}\s*[-–/]\s*(?:\d\d|{_Y})(?![\w%]|[.,:/-]\d)"
FISCAL_REL = r"this|current|last|previous|prior|past|next|coming|same|new"


def business_patterns(
    *, prep: str, edge: str, year: str, month: str, number: str, ordinal: str
) -> list[str]:
    """Regex sources over the lower-cased text; ``prep``, ``edge``, ``year`` (a four-digit year
    in running text), ``month``, ``number`` and ``ordinal`` are the fragments of the caller."""
    return [
        # Fiscal years: "fiscal 2025", "FY2025", "fiscal 2007-08", "financial year 2007/08".
        rf"{prep}?\b(?:(?:fiscal(?:[\s-]+year)?|financial[\s-]+year)[\s-]+(?:{SPLIT_YEAR}|{year})"
        r"|fy[\s-]?(?:20)?\d\d\b)",
        # "the current fiscal year", "the 2025 fiscal year", "the 2007/08 financial year", "its
        # [last fiscal year]".
        rf"{prep}?\b(?:the\s+(?:(?:{FISCAL_REL})\s+)?(?:(?:{SPLIT_YEAR}|{year})\s+)?"
        rf"|(?:{FISCAL_REL})\s+)"
        r"(?:fiscal|financial)[\s-]+year\b(?![\s-]+(?:1[89]|20)\d\d)",
        rf"\b(?:its|their|our|his|her)\s+(?P<expr>(?:(?:{FISCAL_REL})\s+)?(?:fiscal|financial)"
        r"[\s-]+year)\b(?![\s-]+(?:1[89]|20)\d\d)",
        # Quarters and halves: "the first quarter of 2009", "third-quarter", "Q1 2009", "its
        # fiscal third quarter"; "the [first-quarter] results": "the" goes with the noun.
        rf"{prep}?{edge}?\b(?:(?:the\s+(?=[a-z0-9]+\s)|(?:{_Y}|(?:this|last|next)\s+year)"
        r"['’]s\s+)?"
        rf"(?:fiscal\s+(?:(?:year\s+)?{_Y}(?:['’]s)?\s+)?)?"
        rf"(?:{ordinal}|last|latest|most\s+recent)[\s-]+"
        r"(?:(?:fiscal|financial)\s+)?(?:quarter|half)\b"  # not "its first quarterly profit"
        rf"(?:\s+of\s+(?:(?:fiscal(?:\s+year)?\s+)?{_Y}\b|(?:this|last|next|the(?:\s+(?:previous|"
        rf"current|same))?)\s+year)|,?\s+{_Y}\b)?)|\bq[1-4](?:\s+(?:of\s+)?{_Y}\b)?"
        rf"|\bh[12]\s+{_Y}\b",
        # A quarter named by its months: "the July-September quarter", "the December quarter".
        rf"\b(?:the\s+)?(?:{month}\s*[-–]\s*)?{month}\s+quarter\b",
        # The period a year (month, week) before the one discussed: "the year-ago quarter", "the
        # year-earlier period"; "year-ago" alone where no period noun follows ("year-ago sales").
        r"\b(?:the\s+)?(?:year|month|week|day)-(?:ago|earlier)\s+(?:quarter|period|month|week)\b"
        r"|\b(?:year|month|week|day)-(?:ago|earlier)\b",
        # A week of a month: "the first week of October", "the last week of March 2009".
        rf"{prep}?\b(?:the\s+)?(?:first|second|third|fourth|last|final)\s+week\s+of\s+{month}"
        rf"(?:,?\s+{year})?",
        # The year so far: "year to date", "year-to-date gains", "the quarter to date".
        r"\b(?:the\s+|this\s+)?(?:year|quarter|month)[\s-]+to[\s-]+date\b",
        # Counts of quarters, which TimeML marks as durations: "the last two quarters", "four
        # consecutive quarters"; not the fraction "three quarters of the staff".
        rf"\b(?:the\s+(?:past|last|next|previous|coming|first|final|following)\s+)?(?!an?\s)"
        rf"{number}[\s-]+(?:(?:straight|consecutive|successive|more|full)\s+)?quarters\b"
        r"(?!\s+of\b)",
    ]
