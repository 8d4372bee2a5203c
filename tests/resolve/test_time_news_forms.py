"""More everyday news time expressions, written by the team for issue #6 (robustness beyond
MEANTIME): relative weekdays, parts of days, ranges, feasts, sets and tense cues.

Each case is a sentence, the TimeML extent of one expression in it and its TIMEX3 value, with
the article published on Thursday 2026-01-08.
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.resolve.time import find_dates
from dyad.resolve.time_periods import easter_sunday, feast_day
from timex_helpers import ANCHOR, timex_values


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # Relative weekdays and the days around the publication day.
        ("Rebels attacked the town last Friday.", "last Friday", "2026-01-02"),
        ("Ministers will meet next Monday.", "next Monday", "2026-01-12"),
        ("The court will rule this Friday.", "this Friday", "2026-01-09"),
        ("Talks will resume this Monday.", "this Monday", "2026-01-12"),
        ("Talks resumed this Monday.", "this Monday", "2026-01-05"),
        (
            "The attack took place the day before yesterday.",
            "the day before yesterday",
            "2026-01-06",
        ),
        ("Talks resume the day after tomorrow.", "the day after tomorrow", "2026-01-10"),
        ("Shelling resumed yesterday morning.", "yesterday morning", "2026-01-07TMO"),
        ("The president will speak tonight.", "tonight", "2026-01-08TNI"),
        ("Rebels attacked late last night.", "late last night", "2026-01-07TNI"),
        ("Clashes erupted on Monday night.", "Monday night", "2026-01-05TNI"),
        # A part of a named day is one expression.
        ("The attack came on the night of Jan. 3.", "the night of Jan. 3", "2026-01-03TNI"),
        ("Rebels attacked on the morning of Tuesday.", "the morning of Tuesday", "2026-01-06TMO"),
        (
            "The ceasefire took effect at midnight on Sunday.",
            "midnight on Sunday",
            "2026-01-04T00:00",
        ),
        # Weeks, months, years, decades and centuries around the anchor.
        ("Fighting eased this week.", "this week", "2026-W02"),
        ("Protests are planned this weekend.", "this weekend", "2026-W02-WE"),
        ("Exports fell earlier this year.", "earlier this year", "2026"),
        ("A deal is expected by the end of next week.", "the end of next week", "2026-W03"),
        ("The contract runs until the end of the decade.", "the end of the decade", "202"),
        ("Emissions must fall this decade.", "this decade", "202"),
        ("The plant opened in late 2024.", "late 2024", "2024"),
        ("The band was famous in the '90s.", "the '90s", "199"),
        ("Rents soared in the mid-'90s.", "the mid-'90s", "199"),
        ("The firm was founded in the 1800s.", "the 1800s", "18"),
        ("Trade boomed in the early 1900s.", "the early 1900s", "19"),
        ("Growth slowed in the early 2000s.", "the early 2000s", "200"),
        ("The house was built in the late 19th century.", "the late 19th century", "18"),
        # "since" keeps the value of the period it starts from.
        ("Rates have been frozen since last week.", "last week", "2026-W01"),
        ("He has lived there since the 1990s.", "the 1990s", "199"),
        ("Fighting has raged since the weekend.", "the weekend", "2026-W02-WE"),
        ("Rates have been frozen since March 2024.", "March 2024", "2024-03"),
        # Days of the month, ISO dates, days counted back.
        ("The army withdrew on the 5th.", "the 5th", "2026-01-05"),
        ("The firm reported results on the 15th.", "the 15th", "2025-12-15"),
        ("Talks will resume on the 20th.", "the 20th", "2026-01-20"),
        ("The decree was signed on 2025-12-03.", "2025-12-03", "2025-12-03"),
        ("He was arrested two weeks ago.", "two weeks ago", "2025-12-25"),
        ("The bank cut rates three months ago.", "three months ago", "2025-10"),
        ("The town fell a decade ago.", "a decade ago", "201"),
        # Ranges of months: the end runs forward, the start takes the year written at the end.
        ("The report covers the period from January to June 2025.", "January", "2025-01"),
        ("The report covers the period from January to June 2025.", "June 2025", "2025-06"),
        ("The ban lasted from November to March 2025.", "November", "2024-11"),
        ("Talks ran from Nov. 5 to March 2, 2025.", "Nov. 5", "2024-11-05"),
        # Quarters named by the month that ends them, and by number.
        ("Sales climbed 4% in the December quarter.", "the December quarter", "2025-Q4"),
        ("Revenue rose 4% in Q3 2025.", "Q3 2025", "2025-Q3"),
        ("Revenue rose 4% in the third quarter.", "the third quarter", "2025-Q3"),
        ("Unemployment rose in the second half of 2025.", "the second half of 2025", "2025-H2"),
        (
            "In the third quarter, profit fell from the same quarter last year.",
            "the same quarter last year",
            "2024-Q3",
        ),
        (
            "Revenue rose in the fourth quarter of fiscal 2025.",
            "the fourth quarter of fiscal 2025",
            "FY2025-Q4",
        ),
        # Seasons and feasts, fixed and moveable.
        ("The IMF held its spring meetings in Washington.", "spring", "2025-SP"),
        ("The drought hit last summer.", "last summer", "2025-SU"),
        ("Elections are due this spring.", "this spring", "2026-SP"),
        ("The attack happened on Christmas Eve.", "Christmas Eve", "2025-12-24"),
        ("The pope spoke on Easter Sunday.", "Easter Sunday", "2025-04-20"),
        ("The pope will speak at Easter.", "Easter", "2026-04-05"),
        ("Shops were shut on Good Friday.", "Good Friday", "2025-04-18"),
        ("The markets were closed on Thanksgiving.", "Thanksgiving", "2025-11-27"),
        (
            "Marches were held on International Women's Day.",
            "International Women's Day",
            "2025-03-08",
        ),
        ("At one point, protesters stormed the gate.", "one point", "PAST_REF"),
        # Recurring times are TimeML sets.
        ("The council meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The index is revised each year.", "each year", "P1Y"),
        # Tense cues: modals (not "may have"), schedules, and dates something was put off to.
        ("The court could rule as early as Monday.", "Monday", "2026-01-12"),
        ("The attack may have happened on Monday.", "Monday", "2026-01-05"),
        ("The embassy reopens on Monday.", "Monday", "2026-01-12"),
        ("Polls open at 7 a.m. on Sunday.", "7 a.m. on Sunday", "2026-01-11T07:00"),
        ("The new rules come into force in April.", "April", "2026-04"),
        ("Investors await data due on Friday.", "Friday", "2026-01-09"),
        ("The vote was moved to March 2.", "March 2", "2026-03-02"),
        ("The hearing was postponed until Feb. 3.", "Feb. 3", "2026-02-03"),
        (
            "The ministers were to meet on Tuesday but talks were cancelled.",
            "Tuesday",
            "2026-01-06",
        ),
        ("The deadline expired on Sunday.", "Sunday", "2026-01-04"),
        ("Traders see the next cut coming in June at the earliest.", "June", "2026-06"),
        # The figures of a quarter are those of one begun, even when still to be published.
        ("The firm will report fourth-quarter results on Jan. 28.", "fourth-quarter", "2025-Q4"),
        ("Sales will rise in the fourth quarter.", "the fourth quarter", "2026-Q4"),
        # A day just ahead is upcoming, unless a verb in the past says it is over.
        ("The deadline is Jan. 25.", "Jan. 25", "2026-01-25"),
        ("The strike ended on Jan. 25.", "Jan. 25", "2025-01-25"),
        ("Officials said on Jan. 20 that the vote failed.", "Jan. 20", "2025-01-20"),
        ("The vote is scheduled for Jan. 25.", "Jan. 25", "2026-01-25"),
    ],
)
def test_news_time_forms(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tourists flocked to Easter Island.",
        "He praised the Good Friday Agreement.",
        "Troops landed on Christmas Island.",
        "The fire broke out on the 5th floor.",
        "Veterans marked the 80th anniversary.",
    ],
)
def test_names_and_ordinals_that_are_no_dates(sentence: str) -> None:
    assert timex_values(sentence) == []


def test_an_iso_date_after_a_preposition_is_no_range_of_years() -> None:
    assert timex_values("Shelling began on 2025-12-03 in Gaza.") == [("2025-12-03", "2025-12-03")]


def test_a_recurring_time_gives_no_event_date() -> None:
    (mention,) = find_dates("The council meets every Monday.", ANCHOR)
    assert (mention.value, mention.precision) == (None, "unknown")


def test_easter_follows_the_gregorian_computus() -> None:
    assert [easter_sunday(y) for y in (2000, 2019, 2024, 2025, 2026)] == [
        dt.date(2000, 4, 23),
        dt.date(2019, 4, 21),
        dt.date(2024, 3, 31),
        dt.date(2025, 4, 20),
        dt.date(2026, 4, 5),
    ]


def test_feasts_on_a_weekday_of_a_month() -> None:
    assert feast_day("11/4/4", 2025) == dt.date(2025, 11, 27)  # fourth Thursday of November
    assert feast_day("05/1/-1", 2025) == dt.date(2025, 5, 26)  # last Monday of May
    assert feast_day("09/1/1", 2026) == dt.date(2026, 9, 7)  # first Monday of September


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("This is an exciting time at today's GM.", "PRESENT_REF"),
        ("In today's world, data is power.", "PRESENT_REF"),
        ("Today's Russia is not the Soviet Union.", "PRESENT_REF"),
        ("Today's vote was close.", "2026-01-08"),
        ("He cited today's Kremlin statement.", "2026-01-08"),
    ],
)
def test_today_s_in_a_generic_sense_is_the_present(sentence: str, value: str) -> None:
    assert [v for _, v in timex_values(sentence)] == [value]


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("In March 2020, the pandemic hit. That month, sales fell 30%.", "That month", "2020-03"),
        ("The war began in 2022. The economy shrank 30% that year.", "that year", "2022"),
        (
            "The law passed in June. Later that month, protests began.",
            "Later that month",
            "2025-06",
        ),
        ("The treaty was signed in 1994. The next year, it took effect.", "The next year", "1995"),
        (
            "Fighting broke out in April 2023. By the end of the year, 5 million had fled.",
            "the end of the year",
            "2023",
        ),
        # Looking ahead, the end of the year is the publication year's.
        (
            "Israel said on Tuesday it would act by the end of the year.",
            "the end of the year",
            "2026",
        ),
        ("Elections will be held next year.", "next year", "2027"),
    ],
)
def test_periods_told_of_follow_the_narrative(text: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(text)


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The decree dated 2026/01/05 was annulled.", "2026/01/05", "2026-01-05"),
        ("The decree dated 05.01.2026 was annulled.", "05.01.2026", "2026-01-05"),
        ("Updated 2026-01-07T10:31:00Z", "2026-01-07T10:31:00Z", "2026-01-07T10:31Z"),
        ("The 2025/26 season began.", "2025/26", "P1Y"),
    ],
)
def test_numeric_dates_and_timestamps(text: str, extent: str, value: str) -> None:
    assert timex_values(text) == [(extent, value)]


def test_a_version_number_is_no_date() -> None:
    assert timex_values("Version 1.2.2024 of the app was released.") == []


_SALAD = (
    *(
        "on",
        "the",
        "5th",
        "31st",
        "night",
        "morning",
        "of",
        "Feb.",
        "30",
        "every",
        "each",
        "Monday",
    ),
    *("that", "month", "year", "later", "next", "end", "decade", "Easter", "Good", "Friday"),
    *("Thanksgiving", "December", "quarter", "fiscal", "2025", "same", "last", "from", "to"),
    *("January", "June", "'90s", "1800s", "since", "week", "today's", "GM", "midnight", "day"),
    *("before", "yesterday", "2026/02/30", "31.02.2026", "2026-01-07T25:61Z", "2025/26", ",", "."),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_SALAD), max_size=14).map(" ".join),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)
def test_new_forms_in_word_salad_resolve_without_error(text: str, anchor: dt.date) -> None:
    for mention in find_dates(text, anchor):
        assert text[mention.start : mention.end] == mention.text
