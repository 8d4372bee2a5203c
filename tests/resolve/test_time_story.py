"""Parts of days and periods, stories told in the past, and counts of time with nothing to count
from: sentences written for the dates issue ("every event dated, every time expression resolved
against the article's date"), with the values TimeML (MEANTIME) gives them.

The article is published on Thursday 2026-01-08.
"""

import datetime as dt

import pytest

from dyad.resolve.time import find_dates
from timex_helpers import ANCHOR, timex_values


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # The first hours of a day: the day itself (TimeML keeps its granularity).
        (
            "Police raided the house in the early hours of Tuesday, officials said.",
            "the early hours of Tuesday",
            "2026-01-06",
        ),
        (
            "Gunmen attacked the checkpoint in the small hours of Sunday.",
            "the small hours of Sunday",
            "2026-01-04",
        ),
        ("The blast occurred in the wee hours of Monday.", "the wee hours of Monday", "2026-01-05"),
        (
            "Rockets hit the port in the early hours of January 5.",
            "the early hours of January 5",
            "2026-01-05",
        ),
        (
            "On 3 March 2011, rebels shelled the port in the early hours of 5 March.",
            "the early hours of 5 March",
            "2011-03-05",
        ),
        # A part of the day named inside keeps its code, as "Saturday morning" does.
        (
            "The raid took place in the early hours of Saturday morning.",
            "the early hours of Saturday morning",
            "2026-01-03TMO",
        ),
        (
            "He was arrested in the early hours of yesterday.",
            "the early hours of yesterday",
            "2026-01-07",
        ),
        # Parts of the day the existing rules already code.
        ("The protesters dispersed late Tuesday night.", "late Tuesday night", "2026-01-06TNI"),
        ("The minister spoke on Tuesday evening.", "Tuesday evening", "2026-01-06TEV"),
        (
            "The explosion happened on the night of March 3.",
            "the night of March 3",
            "2025-03-03TNI",
        ),
    ],
)
def test_the_early_hours_of_a_day_are_that_day(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # "The morning" and the bare "early hours" are of the day the text tells of.
        (
            "On Tuesday, the fire broke out in the early hours of the morning.",
            "the early hours of the morning",
            "2026-01-06TMO",
        ),
        (
            "On March 3, 2019, rebels entered the town. They took the airport in the early hours.",
            "the early hours",
            "2019-03-03",
        ),
        # With no day named, the day of the report.
        ("Police said the men were detained in the early hours.", "the early hours", "2026-01-08"),
    ],
)
def test_the_early_hours_of_the_day_told_of(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_the_early_hours_of_something_else_are_no_time() -> None:
    assert timex_values("Traders were nervous in the early hours of trading.") == []


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        (
            "On 3 March 2011, the army shelled the port. On Friday, the army withdrew.",
            "Friday",
            "2011-03-04",
        ),
        (
            "On March 3, 2019, rebels entered the town. On Friday, they seized the airport.",
            "Friday",
            "2019-03-08",
        ),
        # The same sentence, a part of the day, a witness quoted after the clause.
        (
            "On March 3, 2019, rebels entered the town and on Friday seized the airport.",
            "Friday",
            "2019-03-08",
        ),
        (
            "On 3 March 2011, the army shelled the port. On Friday night, the army withdrew.",
            "Friday night",
            "2011-03-04TNI",
        ),
        (
            "On 3 March 2011, the army shelled the port. On Friday, it withdrew, a witness said.",
            "Friday",
            "2011-03-04",
        ),
        # The past perfect looks back from the date: the Monday before.
        (
            "On March 3, 2019, rebels entered the town. They had crossed the border on Monday.",
            "Monday",
            "2019-02-25",
        ),
        # The story goes on from the day counted from the date.
        (
            "On March 3, 2019, rebels entered the town. The next day, they seized the airport. "
            "On Friday, they withdrew.",
            "Friday",
            "2019-03-08",
        ),
        (
            "On March 3, 2019, rebels entered the town. The next day, they seized the airport.",
            "The next day",
            "2019-03-04",
        ),
    ],
)
def test_a_weekday_in_a_past_narrative_is_of_the_week_told_of(
    sentence: str, extent: str, value: str
) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A report of the present after the story's date.
        "On 3 March 2011, the company was founded. The ministry said on Friday that profits rose.",
        "On 3 March 2011, the company was founded. On Friday, it said profits rose.",
        "On 3 March 2011, the company was founded. It now employs 300 people and on Friday "
        "opened a plant.",
        # The date is history recalled inside a sentence, not the story's frame.
        "The company, founded on 3 March 2011, said on Friday that profits rose.",
        "Three Britons were kidnapped on Dec. 3. Police arrested two suspects on Friday.",
        # A date of the last days: its weekdays are the publication week's anyway.
        "On Dec. 30, protesters gathered in the square. On Friday, police dispersed them.",
        # A report in the present after the story's sentence.
        "On 3 March 2011, the army shelled the port. On Friday, rebels seized it, the army says.",
        # The date's own weekday, named apart from it, is no day of its week.
        "On 4 March 2011, the army shelled the port. On Friday, the city marked the anniversary.",
        # A year alone frames no week.
        "In 2011, the army shelled the port. On Friday, rebels seized the airport.",
        # Two sentences on, the story has moved on.
        "On 3 March 2011, the army shelled the port. Many fled. Some came back. Others stayed. "
        "On Friday, the army withdrew.",
    ],
)
def test_a_weekday_of_the_present_keeps_the_publication_week(sentence: str) -> None:
    assert ("Friday", "2026-01-02") in timex_values(sentence)


def test_a_weekday_ahead_of_a_past_story_is_still_ahead() -> None:
    text = "On Dec. 3, protesters gathered in the square. On Monday, police will disperse them."
    assert ("Monday", "2026-01-12") in timex_values(text)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        (
            "The truce was signed on May 4, 2012. Two days later, it collapsed.",
            "Two days later",
            "2012-05-06",
        ),
        (
            "He was arrested on Monday. Two days later, he was freed.",
            "Two days later",
            "2026-01-07",
        ),
        (
            "The vote was held in October 2016. A month earlier, polls had shown a tie.",
            "A month earlier",
            "2016-09",
        ),
        ("The firm was founded in 1998 and listed two years later.", "two years later", "2000"),
        # Nothing to count from: no value is invented.
        ("A week later, fighting resumed.", "A week later", "XXXX-XX-XX"),
        ("He was freed a couple of days later.", "a couple of days later", "XXXX-XX-XX"),
        # Too coarse a date to count days from.
        (
            "Talks collapsed in June 2015. A week later, fighting resumed.",
            "A week later",
            "XXXX-XX-XX",
        ),
        # "Earlier" with nothing before counts from the report, as business news means it.
        ("Profit rose 5 percent from a year earlier.", "a year earlier", "2025"),
    ],
)
def test_later_counts_from_a_time_the_text_names(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_an_unanchored_count_later_has_no_value_in_the_article() -> None:
    (mention,) = find_dates("A week later, fighting resumed.", ANCHOR)
    assert (mention.text, mention.value, mention.resolved_by) == (
        "A week later",
        None,
        "offset-unanchored",
    )


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # MEANTIME marks "the past"/"the last" with the period: a year is the last one, a count
        # of units a duration.
        ("Prices have risen 10 percent over the past year.", "the past year", "2025"),
        ("Sales fell in the past two years.", "the past two years", "P2Y"),
        ("The company lost money in the last three months.", "the last three months", "P3M"),
        ("Unemployment rose over the past decade.", "the past decade", "201"),
        ("Prices have doubled in the last 12 months.", "the last 12 months", "P12M"),
        ("Output grew in the past year and a half.", "the past year and a half", "P1.5Y"),
        ("The strike has lasted a month and a half.", "a month and a half", "P1.5M"),
        ("He was jailed a year and a half ago.", "a year and a half ago", "2024-07"),
        ("The firm collapsed two and a half years ago.", "two and a half years ago", "2023-07"),
    ],
)
def test_periods_counted_back_from_the_report(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The dollar weakened in the final weeks of 2008.", "the final weeks of 2008", "2008"),
        (
            "Orders slumped in the closing months of last year.",
            "the closing months of last year",
            "2025",
        ),
        (
            "In 2008, sales collapsed in the final months of the year.",
            "the final months of the year",
            "2008",
        ),
        ("Prices fell in the first few days of March.", "the first few days of March", "2025-03"),
        (
            "The reforms stalled in the early years of the decade.",
            "the early years of the decade",
            "202",
        ),
        # Three (six) months at a year's edge are its quarter (half).
        (
            "Sales fell in the last three months of 2008.",
            "the last three months of 2008",
            "2008-Q4",
        ),
        (
            "Sales fell in the first six months of last year.",
            "the first six months of last year",
            "2025-H1",
        ),
        ("Profit rose in the first nine months of 2009.", "the first nine months of 2009", "2009"),
        # Two periods away from the report's.
        ("The vote is scheduled for the week after next.", "the week after next", "2026-W04"),
        ("The deal was signed the week before last.", "the week before last", "2025-W52"),
        ("The law passed the year before last.", "the year before last", "2024"),
        # The close of the year, without "the".
        ("The bank expects a rebound by year's end.", "year's end", "2026"),
        # A month or year named by its kind; the middle of the year under way.
        ("Prices fell in the month of March.", "the month of March", "2025-03"),
        ("The vote was held in the month of October 2012.", "the month of October 2012", "2012-10"),
        ("The company expects a profit in calendar 2009.", "calendar 2009", "2009"),
        ("Output is expected to pick up by midyear.", "midyear", "2026"),
        ("Output is expected to pick up by mid-year.", "mid-year", "2026"),
        # A season every year is a set.
        ("The festival is held every summer.", "every summer", "XXXX-SU"),
        # A feast of a year written with it.
        ("The Senate passed the bill on Christmas Eve 2009.", "Christmas Eve 2009", "2009-12-24"),
        ("The tsunami struck on Boxing Day, 2004.", "Boxing Day, 2004", "2004-12-26"),
        ("The shops were closed on Christmas Eve.", "Christmas Eve", "2025-12-24"),
    ],
)
def test_parts_of_periods_and_periods_two_away(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_the_first_months_of_no_date_are_a_duration() -> None:
    text = "The rebels held the city for the first three months of the war."
    assert timex_values(text) == [("the first three months", "P3M")]


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The company expanded rapidly last spring.", "last spring", "2025-SP"),
        ("Shares are expected to recover this fall, analysts said.", "this fall", "2026-FA"),
        (
            "Profit rose 12 percent in the third quarter of 2008.",
            "the third quarter of 2008",
            "2008-Q3",
        ),
        ("The bank expects to return to profit in fiscal 2009.", "fiscal 2009", "FY2009"),
        ("The plant will open by mid-2010.", "mid-2010", "2010"),
        ("The minister will visit Beijing early next month.", "early next month", "2026-02"),
        ("More layoffs are expected in the coming weeks.", "the coming weeks", "PXW"),
        ("Fighting flared over the weekend.", "the weekend", "2026-W02-WE"),
        ("The factory closed a decade ago.", "a decade ago", "201"),
        ("Inflation soared in the 1980s.", "the 1980s", "198"),
        ("The team last won the title in '09.", "'09", "2009"),
        (
            "The government hopes to pass the budget by the end of the year.",
            "the end of the year",
            "2026",
        ),
    ],
)
def test_general_newswire_forms(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_another_publication_date_moves_the_story_threshold() -> None:
    # Published on 2011-03-20: a date of 3 March is 17 days back, a story of its own week.
    text = "On 3 March 2011, the army shelled the port. On Friday, the army withdrew."
    assert ("Friday", "2011-03-04") in timex_values(text, dt.date(2011, 3, 20))
    # Published on 2011-03-16: under a fortnight back, Friday is the publication week's.
    assert ("Friday", "2011-03-11") in timex_values(text, dt.date(2011, 3, 16))


def test_a_recent_date_without_its_year_is_background_to_the_news() -> None:
    text = "On Nov. 5, voters approved the measure. On Tuesday, the governor signed it into law."
    assert ("Tuesday", "2026-01-06") in timex_values(text)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The board met on Tuesday of last week.", "Tuesday", "2025-12-30"),
        ("The vote is set for Wednesday of next week.", "Wednesday", "2026-01-14"),
        ("The talks resume on Monday next week.", "Monday", "2026-01-12"),
        # The week of the next clause is no week of the weekday's.
        ("On Tuesday, last week's rally was recalled.", "Tuesday", "2026-01-06"),
    ],
)
def test_a_weekday_of_a_week_named_after_it(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)
