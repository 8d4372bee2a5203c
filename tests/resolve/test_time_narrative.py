"""A month or day without a year, told in the past after a date of a past year in its sentence,
is of that year (the TimeML temporal focus); not where that date sits in a parenthesis the
sentence has closed ("the law, passed in 2012, was repealed in March"), not in a next sentence
that comes back to the present, and not when it looks ahead. Sentences written by the team for
issue #6.

The article is published on Thursday 2026-01-08.
"""

import pytest

from timex_helpers import timex_values


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Rebels seized the town in May 2024 and withdrew in June.", "June", "2024-06"),
        (
            "Troops entered the city in August 2014; by December, they controlled it.",
            "December",
            "2014-12",
        ),
        ("By March 2015, rebels had seized Idlib; in May, they took the town.", "May", "2015-05"),
        ("In 2014, troops took the city in December.", "December", "2014-12"),
        (
            "In 2014, troops entered the city in August, and left on October 3.",
            "October 3",
            "2014-10-03",
        ),
        (
            "The ceasefire agreed in October 2024 held until December, officials said on Monday.",
            "December",
            "2024-12",
        ),
        # Relative expressions count from the date of history, wherever it sits.
        (
            "The agreement, which was signed in March 2019, collapsed two months later.",
            "two months later",
            "2019-05",
        ),
        (
            "The accord, reached in October 2023, collapsed the following month.",
            "the following month",
            "2023-11",
        ),
        ("The company, founded in 1998, went public two years later.", "two years later", "2000"),
    ],
)
def test_a_month_told_after_a_past_date_is_of_its_year(
    sentence: str, extent: str, value: str
) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # The date of history sits in a parenthesis: the main clause is the story's.
        ("The law, passed in 2012, was repealed in March.", "March", "2025-03"),
        ("The agreement, which was signed in March 2019, collapsed in June.", "June", "2025-06"),
        ("Rebels, who seized the town in May 2024, withdrew in June.", "June", "2025-06"),
        (
            "The agreement, which was signed in March 2019, was extended last month.",
            "last month",
            "2025-12",
        ),
        # A month before the one named would be of a later year, left to the default.
        ("He was elected in May 2019 and resigned in March.", "March", "2025-03"),
        # A year named mid-sentence frames nothing; "since" opens a range up to now.
        ("He was elected in 2019 and resigned in March.", "March", "2025-03"),
        ("Since 2014, the group has seized towns and in March it took Raqqa.", "March", "2025-03"),
        # The next sentence, once it comes back to the present, and a plan keep the publication
        # date as their anchor (test_time_forms_more: the next sentence narrating that year).
        (
            "The war began in February 2022. Ukraine has since fought back, and in September it "
            "launched an offensive.",
            "September",
            "2025-09",
        ),
        ("The firm posted a loss in March 2024 and will report again in June.", "June", "2026-06"),
        ("Prices rose in December 2025 and fell in January.", "January", "2026-01"),
        # The story comes back to the present before the month.
        (
            "In 2014, the group declared a caliphate; it has since lost ground, and in March it "
            "lost its last town.",
            "March",
            "2025-03",
        ),
    ],
)
def test_a_month_keeps_the_publication_year_otherwise(
    sentence: str, extent: str, value: str
) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        (
            "The army launched the offensive on Jan. 1 and by Jan. 5 had taken the town.",
            "Jan. 5",
            "2026-01-05",
        ),
        ("By Jan. 5, the army had taken the town.", "Jan. 5", "2026-01-05"),
        # ... but a sentence that looks ahead names the next one.
        ("The army must withdraw by Jan. 5.", "Jan. 5", "2027-01-05"),
    ],
)
def test_a_day_just_past_stays_in_the_past(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)
