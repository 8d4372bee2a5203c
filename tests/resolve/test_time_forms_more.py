"""More forms of wire copy checked against the TIMEX3 value the TimeML guidelines give them: the
week holding a day, a week of a year, the period ahead, the same time of an earlier period, the
full year, the turn of a year or century, parts of periods and days counted from a day named;
a bare month taking the year a narrative in the past has set in the sentence before; and the
present simple of what the calendar brings ("the strike enters its third day on Friday"); and
recurring counts of units, TIMEX3 sets ("every four years").
Sentences written by the team for issue #6.

Unless a case says otherwise the article is published on Thursday 2026-01-08.
"""

import datetime as dt

import pytest

from dyad.resolve.time import find_dates
from timex_helpers import ANCHOR, timex_values

MONDAY_JAN_12 = dt.date(2026, 1, 12)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # The ISO week holding the day (TIMEX3 week date), the day resolved as it would be alone.
        ("Shares fell in the week of Dec. 15.", "the week of Dec. 15", "2025-W51"),
        ("The talks are set for the week of Jan. 19.", "the week of Jan. 19", "2026-W04"),
        ("The talks were held the week of March 3, 2025.", "the week of March 3, 2025", "2025-W10"),
        (
            "The talks were held in the week beginning Jan. 5.",
            "the week beginning Jan. 5",
            "2026-W02",
        ),
        ("Talks will be held the week starting Jan. 19.", "the week starting Jan. 19", "2026-W04"),
        # "ending": the week is the one that day closes.
        ("Jobless claims fell in the week ended Dec. 27.", "the week", "2025-W52"),
        ("Claims rose in the week ending Dec. 27, the department said.", "the week", "2025-W52"),
    ],
)
def test_the_week_holding_a_day(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Sales rose in the first week of the year.", "the first week of the year", "2026-W01"),
        ("The vote is set for the second week of March.", "the second week of March", "2026-W11"),
        # ISO 8601: the last week of a year holds December 28; a year over when told in the past.
        ("The talks ended in the last week of the year.", "the last week of the year", "2025-W52"),
        (
            "The talks will end in the last week of the year.",
            "the last week of the year",
            "2026-W53",
        ),
        (
            "In 2019, the talks ended in the last week of the year.",
            "the last week of the year",
            "2019-W52",
        ),
        ("Output fell in the last month of 2024.", "the last month of 2024", "2024-12"),
        (
            "Prices will rise in the first month of next year.",
            "the first month of next year",
            "2027-01",
        ),
    ],
)
def test_a_week_or_month_of_a_year(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_the_week_ahead_of_an_event_is_no_time_of_its_own() -> None:
    assert timex_values("Tension rose in the week ahead of the vote.") == []


@pytest.mark.parametrize(
    ("sentence", "anchor", "extent", "value"),
    [
        # Written on a Thursday, most of the seven days ahead lie in next week; on a Monday, in
        # this one.
        ("Markets will be volatile in the week ahead.", None, "the week ahead", "2026-W03"),
        (
            "Markets will be volatile in the week ahead.",
            MONDAY_JAN_12,
            "the week ahead",
            "2026-W03",
        ),
        ("The year ahead will be hard for exporters.", None, "The year ahead", "2026"),
        # An unsaid number of units: a vague duration, like "the coming weeks".
        ("Traders will watch inflation in the weeks ahead.", None, "the weeks ahead", "PXW"),
        ("Rain is forecast for the days ahead.", None, "the days ahead", "PXD"),
        ("Talks will resume in the coming weeks.", None, "the coming weeks", "PXW"),
        ("Prices will rise in the weeks to come.", None, "the weeks to come", "PXW"),
        # The middle of the week under way (TIMEX3 mod MID).
        ("Fighting eased midweek.", None, "midweek", "2026-W02"),
    ],
)
def test_the_period_ahead(sentence: str, anchor: dt.date | None, extent: str, value: str) -> None:
    found = timex_values(sentence, anchor) if anchor else timex_values(sentence)
    assert (extent, value) in found


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # The grain of the unit named, as "a year ago" is a year.
        ("This time last year, the city was under siege.", "This time last year", "2025"),
        (
            "Sales rose 5 percent from the same time last year.",
            "the same time last year",
            "2025",
        ),
        ("At this time a year ago, the port was closed.", "this time a year ago", "2025"),
        ("By this time next year, the plant will be running.", "this time next year", "2027"),
        # The year the text is about: the anchor's, or the one named before.
        ("The company expects growth for the full year.", "the full year", "2026"),
        ("The full year was the hardest for exporters.", "The full year", "2026"),
        (
            "Revenue in 2024 rose 4 percent for the full year.",
            "the full year",
            "2024",
        ),
    ],
)
def test_the_same_time_and_the_full_year(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The city grew fast around the turn of the century.", "the turn of the century", "2000"),
        (
            "The port was built at the turn of the 20th century.",
            "the turn of the 20th century",
            "1900",
        ),
        (
            "The family settled there at the turn of the last century.",
            "the turn of the last century",
            "1900",
        ),
        # The year that begins at the turn: the one just begun, the next when it lies ahead.
        ("Prices steadied at the turn of the year.", "the turn of the year", "2026"),
        ("The deal will be signed at the turn of the year.", "the turn of the year", "2027"),
    ],
)
def test_the_turn_of_a_year_or_century(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # TimeML marks the period; its part is a modifier (mod START, MID, END).
        ("The bill will pass by the end of next month.", "the end of next month", "2026-02"),
        ("Prices fell at the start of the week.", "the start of the week", "2026-W02"),
        ("In the middle of the month, protests spread.", "the middle of the month", "2026-01"),
        ("Clashes broke out earlier in the week.", "earlier in the week", "2026-W02"),
        ("Ministers will meet later this week.", "later this week", "2026-W02"),
        ("He was arrested a fortnight ago.", "a fortnight ago", "2025-12-25"),
    ],
)
def test_parts_of_periods_and_a_fortnight(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # Counted from the day the text named, in its sentence or the one before ...
        (
            "Police said on Tuesday that he had arrived the previous day.",
            "the previous day",
            "2026-01-05",
        ),
        (
            "Police arrested him on Tuesday. He had landed the day before.",
            "the day before",
            "2026-01-05",
        ),
        (
            "Police arrested him on Tuesday. He was released the following day.",
            "the following day",
            "2026-01-07",
        ),
        # ... else from the publication day.
        ("He had flown in the previous day.", "the previous day", "2026-01-07"),
        ("He will be released the following day.", "the following day", "2026-01-09"),
        ("He had landed the day before.", "the day before", "2026-01-07"),
    ],
)
def test_days_counted_from_a_day_named(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        (
            "The war began in February 2022. In September, Ukraine launched a counteroffensive.",
            "September",
            "2022-09",
        ),
        (
            "The war began in February 2022. In September, Ukraine launched a counteroffensive. "
            "In November, it retook Kherson.",
            "November",
            "2022-11",
        ),
        (
            "The war began in February 2022. Ukraine launched a counteroffensive in September.",
            "September",
            "2022-09",
        ),
        (
            "Gunmen attacked the border post on Oct. 7, 2023. In November, troops retook it.",
            "November",
            "2023-11",
        ),
        # A year alone sets the year of a month that opens the next sentence.
        (
            "Russia annexed Crimea in 2014. In April, separatists seized buildings in Donetsk.",
            "April",
            "2014-04",
        ),
    ],
)
def test_a_month_in_the_next_sentence_of_a_narrative(
    sentence: str, extent: str, value: str
) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A month before the one named would be a later year's: the default.
        (
            "The war began in February 2022. In January, Ukraine launched a counteroffensive.",
            "January",
            "2026-01",
        ),
        # The next sentence looks ahead, or one of them comes back to the present.
        (
            "The war began in February 2022. In September, Ukraine will launch an offensive.",
            "September",
            "2026-09",
        ),
        (
            "The war began in February 2022 and has killed thousands. In September, Ukraine "
            "launched a counteroffensive.",
            "September",
            "2025-09",
        ),
        # Not two sentences on, nor from a year in a parenthesis, nor from a year alone unless
        # the month opens its sentence.
        (
            "The war began in February 2022. Fighting continues. In September, Ukraine launched "
            "a counteroffensive.",
            "September",
            "2025-09",
        ),
        ("The company, founded in 1998, grew fast. In March, it cut 500 jobs.", "March", "2025-03"),
        (
            "Russia annexed Crimea in 2014. Separatists seized buildings in Donetsk in April.",
            "April",
            "2025-04",
        ),
        # News leads: a day of the story is no year of history.
        (
            "Police arrested five men on Tuesday. In March, the group carried out an attack.",
            "March",
            "2025-03",
        ),
        (
            "Rebels seized the town on Tuesday. Last year, they were driven out.",
            "Last year",
            "2025",
        ),
        (
            "Rebels seized the town on Tuesday. Last year, they were driven out.",
            "Tuesday",
            "2026-01-06",
        ),
    ],
)
def test_a_month_in_the_next_sentence_keeps_the_publication_year_otherwise(
    sentence: str, extent: str, value: str
) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # Plans of the calendar: the days and months ahead.
        ("The strike enters its third day on Friday.", "2026-01-09"),
        ("The war enters its fifth year in February.", "2026-02"),
        ("Strikers mark the walkout's 100th day on Sunday.", "2026-01-11"),
        ("Russia and Ukraine swap prisoners on Friday.", "2026-01-09"),
        ("The two sides exchange prisoners on Saturday.", "2026-01-10"),
        ("The party withdraws from the coalition on Monday.", "2026-01-12"),
        # Told in the past, and in a headline (no final stop), the day is past.
        ("The strike entered its third day on Tuesday.", "2026-01-06"),
        ("Russia and Ukraine swapped prisoners on Friday.", "2026-01-02"),
        ("Russia and Ukraine swap prisoners on Friday", "2026-01-02"),
        ("The party withdrew from the coalition on Monday.", "2026-01-05"),
        # A record is no milestone of the calendar.
        ("The index marks its best day on Tuesday.", "2026-01-06"),
    ],
)
def test_the_present_simple_of_what_the_calendar_brings(sentence: str, value: str) -> None:
    (found,) = timex_values(sentence)
    assert found[1] == value


def test_a_second_verb_of_its_subject_in_the_present_points_ahead() -> None:
    found = timex_values("The summit opened on Monday and closes on Wednesday.")
    assert found == [("Monday", "2026-01-05"), ("Wednesday", "2026-01-14")]


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Elections are held every four years.", "every four years", "P4Y"),
        ("The council meets every other week.", "every other week", "P2W"),
        ("Inspectors visit every few months.", "every few months", "PXM"),
    ],
)
def test_a_recurring_count_of_units_is_a_set(sentence: str, extent: str, value: str) -> None:
    assert timex_values(sentence) == [(extent, value)]
    (mention,) = find_dates(sentence, ANCHOR)
    assert mention.resolved_by == "set"  # TIMEX3 type SET: no one date
    assert mention.value is None
