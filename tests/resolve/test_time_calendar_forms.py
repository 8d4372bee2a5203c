"""Calendar forms of wire copy checked against the TIMEX3 value the TimeML guidelines give them:
a weekday of a month, "mid-decade", the end of a period told in the past, "until" in a past
clause, "the new year", weekends and feasts seen from different days. Sentences written by the
team for issue #6.

Unless a case says otherwise the article is published on Thursday 2026-01-08.
"""

import datetime as dt

import pytest

from timex_helpers import ANCHOR, timex_values

SATURDAY_DEC_20 = dt.date(2025, 12, 20)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        (
            "The vote was held on the last Sunday of November.",
            "the last Sunday of November",
            "2025-11-30",
        ),
        (
            "Elections will be held on the first Sunday of March.",
            "the first Sunday of March",
            "2026-03-01",
        ),
        (
            "Voters went to the polls on the second Tuesday of March 2024.",
            "the second Tuesday of March 2024",
            "2024-03-12",
        ),
    ],
)
def test_a_weekday_of_a_month_is_one_day(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The plant will be finished by mid-decade.", "mid-decade", "202"),
        ("Emissions must reach net zero by mid-century.", "mid-century", "20"),
        ("Output will double by the end of the decade.", "the end of the decade", "202"),
        (
            "The economy will grow in the first half of next year.",
            "the first half of next year",
            "2027-H1",
        ),
        ("Rates rose in the second half of last year.", "the second half of last year", "2025-H2"),
        ("Talks stalled late last year.", "late last year", "2025"),
        ("Prices rose sharply over the past two weeks.", "the past two weeks", "P2W"),
        ("Output will rise in the coming months.", "the coming months", "PXM"),
    ],
)
def test_parts_of_periods(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # The end of this month (year) is still to come: told in the past, it is the last one's.
        ("The deal was signed at the end of the month.", "the end of the month", "2025-12"),
        ("The deal was signed at the end of the year.", "the end of the year", "2025"),
        ("Prices had fallen by the end of the year.", "the end of the year", "2025"),
        ("The deal will be signed at the end of the month.", "the end of the month", "2026-01"),
        # ... but a year named before is the one told of.
        (
            "The deal was signed in March 2019. It collapsed at the end of the year.",
            "the end of the year",
            "2019",
        ),
    ],
)
def test_the_end_of_a_period_told_in_the_past(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The curfew ran until Sunday.", "2026-01-04"),
        ("The curfew lasted until Sunday.", "2026-01-04"),
        # A deadline, and a state lasting into the days ahead, still look ahead.
        ("The army had until Friday to withdraw.", "2026-01-09"),
        ("The army has until Friday to withdraw.", "2026-01-09"),
        ("The airport has stayed closed until Friday.", "2026-01-09"),
    ],
)
def test_until_in_a_clause_told_in_the_past(sentence: str, value: str) -> None:
    (found,) = timex_values(sentence)
    assert found[1] == value


def test_the_new_year_is_the_one_about_to_begin_or_just_begun() -> None:
    sentence = "Officials will decide in the new year."
    assert timex_values(sentence, SATURDAY_DEC_20) == [("the new year", "2026")]
    assert timex_values(sentence, ANCHOR) == [("the new year", "2026")]


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        ("Shops will close on Christmas Day.", SATURDAY_DEC_20, "2025-12-25"),
        ("Shops closed on Christmas Day.", dt.date(2025, 12, 26), "2025-12-25"),
        ("Shops closed on Christmas Day.", ANCHOR, "2025-12-25"),
        ("The strike began on New Year's Eve.", dt.date(2026, 1, 1), "2025-12-31"),
        ("The law takes effect on New Year's Day.", ANCHOR, "2027-01-01"),
        ("Crowds will gather this weekend.", dt.date(2026, 1, 7), "2026-W02-WE"),
        ("Crowds gathered this weekend.", dt.date(2026, 1, 11), "2026-W02-WE"),
        ("Crowds will gather next weekend.", dt.date(2026, 1, 10), "2026-W03-WE"),
        ("Crowds gathered this past weekend.", ANCHOR, "2026-W01-WE"),
    ],
)
def test_feasts_and_weekends_from_different_days(
    sentence: str, anchor: dt.date, value: str
) -> None:
    (found,) = timex_values(sentence, anchor)
    assert found[1] == value
