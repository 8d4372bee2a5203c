"""Finding time expressions in news sentences."""

import datetime as dt
from pathlib import Path

import pytest

from dyad.extract.dates import DateVocabularyError, find_date_expressions, read_date_vocabulary
from dyad.resolve.time import find_dates


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in find_date_expressions(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Syrian army on Thursday carried out strikes.", ["on Thursday"]),
        ("Fighting resumed late on Tuesday in Aleppo.", ["late on Tuesday"]),
        ("Shelling continued Tuesday night.", ["Tuesday night"]),
        ("Talks collapsed last Friday.", ["last Friday"]),
        ("Israeli strikes overnight killed five people.", ["overnight"]),
        ("The envoy arrived yesterday and leaves tomorrow.", ["yesterday", "tomorrow"]),
        ("Protests spread earlier this month.", ["earlier this month"]),
        ("A vote is expected later this year.", ["later this year"]),
        ("He was released two days ago.", ["two days ago"]),
        ("The deal was originally reached on March 10, 2025.", ["on March 10, 2025"]),
        ("Elections were held on 10 March 2025.", ["on 10 March 2025"]),
        ("The ceasefire began on Dec. 3 in the north.", ["on Dec. 3"]),
        (
            "Clashes erupted in December and again in January 2026.",
            ["in December", "in January 2026"],
        ),
        ("The war began in 2011.", ["in 2011"]),
        ("The region has been contested since 2011.", ["since 2011"]),
        ("The conflict dates back to the 1990s.", ["the 1990s"]),
        ("The 2024-25 budget was cut.", ["2024-25"]),
        ("Syria made progress in recent months.", ["in recent months"]),
        ("He served for three years.", ["for three years"]),
        ("The deal ends decades of violence.", ["decades"]),
        ("The offensive began last summer.", ["last summer"]),
        ("The index rose 2% to end the day at 8,017.", ["the day"]),
        ("A report was released on the same day.", ["on the same day"]),
        ("If no price is agreed by that time, the deal lapses.", ["by that time"]),
        ("They have been shipping for more than a week now.", ["for more than a week", "now"]),
        ("The store currently sells music.", ["currently"]),
        ("Franchises end after October of next year.", ["after October of next year"]),
        ("Airbus delivered its first A380 in October last year.", ["in October last year"]),
        ("Sales fell in Q4.", ["Q4"]),
        ("The 1997 crisis hit Asia hard.", ["1997"]),
        ("Revenue for fiscal 2025 rose.", ["for fiscal 2025"]),
        ("FY2025 revenue rose.", ["FY2025"]),
        ("The 20th century saw two world wars.", ["The 20th century"]),
        (
            "Markets closed on Christmas Day and New Year’s Eve.",
            ["on Christmas Day", "New Year’s Eve"],
        ),
        ("He joined in 2019 and left the following year.", ["in 2019", "the following year"]),
        # A weekday of a month is one expression, not "last Sunday" and a month.
        ("The vote was held on the last Sunday of November.", ["on the last Sunday of November"]),
        ("Talks open on the first Monday in March.", ["on the first Monday in March"]),
        ("The plant will be finished by mid-decade.", ["by mid-decade"]),
        ("Officials will decide in the new year.", ["in the new year"]),
        ("Fireworks marked the New Year's Eve party.", ["New Year's Eve"]),
        ("Costs fell from $131 billion the year before.", ["the year before"]),
        ("Shares rose earlier in the day.", ["earlier in the day"]),
        # TimeML marks the period alone: "the remainder of [the week]".
        ("Stocks may gain for the remainder of the week.", ["the week"]),
        ("Prices will stay high for the rest of this year.", ["this year"]),
        ("For the year, the company earned $2 billion.", ["the year"]),
        ("The deal was announced in the summer of 2008.", ["in the summer of 2008"]),
        ("The crisis began in the fall.", ["in the fall"]),
        ("Fighting eased in spring.", ["in spring"]),
        ("The treaty was signed more than 20 years ago.", ["more than 20 years ago"]),
        ("Troops reached the town within hours.", ["within hours"]),
        ("The plant has been idle for a year and a half.", ["for a year and a half"]),
        ("Prices are high these days.", ["these days"]),
        ("The Dow lost 2% on the day.", ["the day"]),
        ("Stocks ended the week higher.", ["the week"]),
        ("Shares rose 5% in the past two sessions.", []),
        ("The decision came on the day of the vote.", []),
        ("Shares should recover in the long term.", ["the long term"]),
    ],
)
def test_finds_news_time_expressions(sentence: str, expected: list[str]) -> None:
    assert spans(sentence) == expected


def test_lower_case_may_is_a_verb_not_a_month() -> None:
    assert spans("Officials said the talks may resume, and the march went ahead.") == []


def test_surname_may_is_not_a_month() -> None:
    assert spans("Theresa May met the envoy.") == []


def test_count_of_people_is_not_a_year() -> None:
    assert spans("Some 2000 people fled the city.") == []


def test_article_header_is_skipped_when_start_is_after_it() -> None:
    text = "date 2026-01-08 The army on Thursday advanced."
    assert [text[s:e] for s, e in find_date_expressions(text, start=16)] == ["on Thursday"]


def test_offsets_index_the_whole_text_when_a_range_is_given() -> None:
    text = "Preamble. Troops withdrew on Monday."
    ((s, e),) = find_date_expressions(text, start=10, end=len(text))
    assert text[s:e] == "on Monday"


def test_bad_vocabulary_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.tsv"
    path.write_text("# comment\nmonth\tJanuary\n", encoding="utf-8")
    with pytest.raises(DateVocabularyError, match=r"vocabulary.tsv:2"):
        read_date_vocabulary(path)


def test_now_inside_a_clause_is_not_a_time_expression() -> None:
    assert spans("ANA will now receive the aircraft, the now-cancelled deal said.") == []


def test_black_monday_is_an_event_not_a_weekday() -> None:
    assert spans("Markets crashed on Black Monday in 1987.") == ["in 1987"]


def test_the_fall_of_a_regime_is_not_autumn() -> None:
    assert spans("Protests grew after the fall of the regime and the fall in prices.") == []


def test_christmas_as_a_modifier_is_not_a_date() -> None:
    assert spans("Christmas lights went up; shops shut for Christmas.") == ["for Christmas"]


def test_in_the_quarter_is_a_neighbourhood_in_conflict_news() -> None:
    assert spans("Clashes erupted in the quarter.") == []
    assert spans("For the quarter, profit rose.") == ["the quarter"]


def test_the_year_after_an_event_is_left_to_the_event() -> None:
    assert spans("Exports collapsed in the year after the war.") == []


def test_bad_holiday_value_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.tsv"
    path.write_text("holiday\tChristmas\t25 December\n", encoding="utf-8")
    with pytest.raises(DateVocabularyError, match=r"vocabulary.tsv:1: holiday value"):
        read_date_vocabulary(path)


def test_the_day_after_an_event_is_left_to_the_event() -> None:
    assert spans("Rebels attacked the day after the vote.") == []


def test_a_year_before_a_singular_unit_is_no_duration() -> None:
    # Found by the hypothesis property test: "2025 week" had become the duration P2025W.
    dates = find_dates(
        "It was the 2025 week of action, and it lasted for 12 months.", dt.date(2026, 1, 8)
    )
    assert [(d.text, d.value, d.precision) for d in dates] == [
        ("2025", "2025", "year"),
        ("for 12 months", "P12M", "duration"),
    ]
