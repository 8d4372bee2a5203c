"""The time words of market and results reports (``date_markets``, ``time_markets``): sentences
written for the MEANTIME-style dates work, with the TimeML extent and TIMEX3 value of each.

Unless a case says otherwise the article is published on Wednesday 2025-10-22, in results season
for the third quarter.
"""

import datetime as dt

import pytest

from timex_helpers import timex_values

OCTOBER = dt.date(2025, 10, 22)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A period's worth of a measure is a duration, as MEANTIME marks "an annual profit" P1Y.
        ("The Dow set an intraday low of 7,400.", "an intraday", "P1D"),
        ("The chipmaker's quarterly profit doubled.", "quarterly", "P3M"),
        ("The index posted its biggest weekly gain since March.", "weekly", "P1W"),
        ("Monthly sales fell for the first time this year.", "Monthly", "P1M"),
        ("Full-year revenue reached $41 billion.", "Full-year", "P1Y"),
        ("The carrier cut its full-year forecast.", "full-year", "P1Y"),
        ("Deliveries climbed 9% year-on-year in September.", "year-on-year", "P1Y"),
        ("Prices rose 0.3% month-on-month.", "month-on-month", "P1M"),
        # The present and the future of the business.
        ("The company has sold 2 million phones to date.", "to date", "PRESENT_REF"),
        ("Analysts see margins recovering in the medium term.", "the medium term", "FUTURE_REF"),
        ("Rates will stay high in the short term.", "the short term", "FUTURE_REF"),
        # The recent past as a whole, and a length left unsaid.
        ("It was the biggest one-day fall in recent history.", "recent history", "PAST_REF"),
        (
            "It is the largest bank failure in modern U.S. history.",
            "modern U.S. history",
            "PAST_REF",
        ),
        ("The plant has been closed for an indefinite period.", "an indefinite period", "PXD"),
        (
            "Trading was suspended for an unspecified period of time.",
            "an unspecified period of time",
            "PXD",
        ),
        # Counts of months the text measures a result over keep their article (P6M, not April).
        ("Nissan posted a loss for the six months to September.", "the six months", "P6M"),
        ("Profit rose 8% in the 12 months to June 30.", "the 12 months", "P12M"),
        (
            "Results for the three months ended September 30 beat forecasts.",
            "the three months",
            "P3M",
        ),
        ("The three months were difficult, the chief executive said.", "The three months", "P3M"),
        ("Shares have risen in the six days since the announcement.", "the six days", "P6D"),
        # The month a year of results ends in, after "to": the last March (or the one named).
        ("Profits rose 7% in the year to March.", "March", "2025-03"),
        (
            "The airline expects 200 million passengers in the year to March 2026.",
            "March 2026",
            "2026-03",
        ),
    ],
)
def test_market_and_results_words(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, OCTOBER)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # "at the time": the period the text named last; with none, some time past.
        (
            "Airbus bought the supplier in 2019, when it was valued at $1 billion at the time.",
            "the time",
            "2019",
        ),
        ("The stock was worth $30 at the time.", "the time", "PAST_REF"),
        # "the same period last year": the period discussed, a year before; else last year.
        (
            "Third-quarter orders rose 12% from the same period last year.",
            "the same period last year",
            "2024-Q3",
        ),
        (
            "Sales in the first half rose 5% from the same period a year earlier.",
            "the same period a year earlier",
            "2024-H1",
        ),
        ("Orders rose 12% from the same period last year.", "the same period last year", "2024"),
    ],
)
def test_periods_the_text_named_before(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, OCTOBER)


def test_the_quarter_of_a_results_report_told_in_the_past_is_the_last_one_completed() -> None:
    sentence = "Boeing lost $3 billion in the quarter, its worst result since 2019."
    assert ("the quarter", "2025-Q3") in timex_values(sentence, OCTOBER)
    # A decimal point in a figure ends no clause.
    figure = "The company posted record revenue of $7.1 billion for the quarter."
    assert timex_values(figure, OCTOBER) == [("the quarter", "2025-Q3")]
    # A quarter named before it is the one it means; a forecast looks at the one under way.
    named = "Ford earned $1 billion in the second quarter. Sales rose 5% in the quarter."
    assert timex_values(named, OCTOBER)[-1] == ("the quarter", "2025-Q2")
    ahead = "The airline expects sales to rise 5% in the quarter."
    assert ("the quarter", "2025-Q4") in timex_values(ahead, OCTOBER)


def test_in_the_quarter_outside_a_results_sentence_is_a_part_of_a_city() -> None:
    assert timex_values("Shells fell in the quarter overnight, residents said.", OCTOBER) == [
        ("overnight", "2025-10-21")
    ]


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # TimeML marks the season and "next year" apart; the season is next year's.
        ("The plant will open in the autumn of next year.", "the autumn", "2026-FA"),
        ("The plant will open in autumn next year.", "autumn", "2026-FA"),
        ("The line was closed in the spring of last year.", "the spring", "2024-SP"),
        # A day of the month by its number, and first light of a named day.
        (
            "Workers left the factory on the morning of the 5th.",
            "the morning of the 5th",
            "2025-10-05TMO",
        ),
        ("Police cleared the picket line at dawn on Monday.", "dawn on Monday", "2025-10-20TMO"),
        ("The strike ended at dusk on Saturday.", "dusk on Saturday", "2025-10-18TEV"),
        # A month naming a regular meeting or release.
        (
            "The Federal Reserve left rates unchanged at its September meeting.",
            "September",
            "2025-09",
        ),
        ("Economists had expected the June figures to show a rise.", "June", "2025-06"),
        ("The carmaker's March sales rose 10%.", "March", "2025-03"),
        # A hyphenated length leaves its article out.
        ("The union ended a decade-long dispute.", "decade-long", "P1DE"),
        ("The airline ended a year-long strike.", "year-long", "P1Y"),
        ("The firms settled their decades-long feud.", "decades-long", "PXDE"),
    ],
)
def test_parts_of_days_seasons_and_lengths(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, OCTOBER)


def test_a_dateline_after_a_title_ending_in_a_year_is_read_whole() -> None:
    text = "Ford posts record profit for 2025\nJanuary 8, 2026\nFord said today it earned a record."
    found = timex_values(text, dt.date(2026, 1, 8))
    assert ("January 8, 2026", "2026-01-08") in found
    assert not any(extent.startswith("25") for extent, _ in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The records are up to date.",
        "At the time of writing, the shares were flat.",
        "The stock rose in after-hours trading.",
        "Short-term rates rose.",
        "It was the largest bankruptcy in history.",
        "The firm's history goes back to 1886.",
    ],
)
def test_no_time_of_its_own(sentence: str) -> None:
    extents = [extent for extent, _ in timex_values(sentence, OCTOBER)]
    words = ("to date", "the time", "after-hours", "Short-term", "history")
    assert not any(w in extent for extent in extents for w in words)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A clock time in a market's city, with the day it belongs to; a deadline looks ahead.
        (
            "The offer expires at 5 p.m. New York time on Friday.",
            "5 p.m. New York time on Friday",
            "2025-10-24T17:00",
        ),
        (
            "The dollar traded at 150 yen at 4 p.m. London time.",
            "4 p.m. London time",
            "2025-10-22T16:00",
        ),
        ("Shares closed at 17:30 Frankfurt time.", "17:30 Frankfurt time", "2025-10-22T17:30"),
    ],
)
def test_a_clock_time_in_a_markets_city(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, OCTOBER)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The index had recovered by mid-morning.", "mid-morning", "2025-10-22TMO"),
        ("Toyota shares fell 3% in the afternoon.", "the afternoon", "2025-10-22TAF"),
        (
            "On Monday, shares fell. They recovered in the late afternoon.",
            "the late afternoon",
            "2025-10-20TAF",
        ),
    ],
)
def test_a_part_of_the_day_told_of(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, OCTOBER)


def test_a_trading_session_is_no_part_of_the_day() -> None:
    assert timex_values("The index rose 2% in the morning session.", OCTOBER) == []


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A stretch of unsaid length keeps its article.
        ("Over the years, the company has cut thousands of jobs.", "the years", "PXY"),
        ("Sales have fallen in the months since the recall.", "the months", "PXM"),
        ("The airline had cut fares in the weeks before the strike.", "the weeks", "PXW"),
    ],
)
def test_a_stretch_of_unsaid_length(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, OCTOBER)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # What a firm expects, with a noun for its object, lies ahead.
        ("The carmaker expects a recovery in the second half.", "the second half", "2007-H2"),
        ("Analysts expect a loss in the fourth quarter.", "the fourth quarter", "2007-Q4"),
        ("Ford expects sales to rise in the second half.", "the second half", "2007-H2"),
        # ... unless a clause in the past tells of the time.
        (
            "The company expects its sales, which fell in February, to recover.",
            "February",
            "2007-02",
        ),
        ("As expected, sales fell in February.", "February", "2007-02"),
    ],
)
def test_what_a_firm_expects_lies_ahead(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, dt.date(2007, 3, 21))
