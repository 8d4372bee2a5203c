"""Resolving time expressions against the publication date (Thursday 2026-01-08)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.resolve.time import find_dates, resolve_date_expression, resolve_in_context, to_timex3
from timex_helpers import ANCHOR, timex_values


def resolve(expr: str, tense: str | None = None) -> tuple[str | None, str]:
    r = resolve_date_expression(expr, ANCHOR, tense)
    return r.value, r.precision


def test_weekday_on_publication_day_is_that_day() -> None:
    (mention,) = find_dates("The Syrian army on Thursday carried out strikes.", ANCHOR)
    assert (mention.value, mention.precision) == ("2026-01-08", "day")


def test_bare_weekday_is_the_most_recent_one() -> None:
    assert resolve("on Tuesday") == ("2026-01-06", "day")


def test_future_tense_flips_a_bare_weekday_forward() -> None:
    assert resolve("on Tuesday", tense="future") == ("2026-01-13", "day")


def test_will_before_a_weekday_reads_as_future() -> None:
    (mention,) = find_dates("Negotiators will meet again on Tuesday in Geneva.", ANCHOR)
    assert mention.value == "2026-01-13"


def test_next_weekday_is_after_the_anchor() -> None:
    assert resolve("next Tuesday") == ("2026-01-13", "day")


def test_full_date_is_taken_as_written() -> None:
    (mention,) = find_dates("An agreement originally reached on March 10, 2025.", ANCHOR)
    assert (mention.value, mention.precision) == ("2025-03-10", "day")


def test_month_day_without_year_is_the_closest_past_one() -> None:
    assert resolve("on Dec. 3") == ("2025-12-03", "day")


def test_last_week_is_the_previous_iso_week() -> None:
    r = resolve_date_expression("last week", ANCHOR)
    assert (r.value, r.end_value, r.precision) == ("2025-12-29", "2026-01-04", "week")
    assert to_timex3(r) == "2026-W01"


def test_earlier_this_month_is_the_anchor_month() -> None:
    assert resolve("earlier this month") == ("2026-01", "month")


def test_month_without_year_is_the_most_recent_one() -> None:
    assert resolve("in December") == ("2025-12", "month")


def test_days_ago_counts_back_from_the_anchor() -> None:
    assert resolve("two days ago") == ("2026-01-06", "day")


def test_overnight_is_the_night_before_publication() -> None:
    r = resolve_date_expression("overnight", ANCHOR)
    assert (r.value, r.end_value, r.precision, r.rule) == (
        "2026-01-07",
        "2026-01-08",
        "day",
        "overnight",
    )


def test_since_year_is_an_open_range_to_the_anchor() -> None:
    r = resolve_date_expression("since 2011", ANCHOR)
    assert (r.value, r.end_value, r.precision) == ("2011", "2026-01-08", "range")
    assert to_timex3(r) == "2011"


def test_decade_spans_ten_years() -> None:
    r = resolve_date_expression("the 1990s", ANCHOR)
    assert (r.value, r.end_value, r.precision, to_timex3(r)) == (
        "1990",
        "1999-12-31",
        "decade",
        "199",
    )


def test_duration_is_an_iso_period() -> None:
    r = resolve_date_expression("for three years", ANCHOR)
    assert (r.value, r.precision, to_timex3(r)) == ("P3Y", "duration", "P3Y")


def test_quarter_has_a_timex_value() -> None:
    assert to_timex3(resolve_date_expression("the first quarter of 2009", ANCHOR)) == "2009-Q1"


def test_unparseable_expression_is_unknown() -> None:
    r = resolve_date_expression("the day after the vote", ANCHOR)
    assert (r.value, r.precision) == (None, "unknown")


def test_dateparser_handles_forms_without_a_rule() -> None:
    r = resolve_date_expression("2026 January 8", ANCHOR)
    assert (r.value, r.rule) == ("2026-01-08", "dateparser")


def test_a_slash_date_far_from_the_anchor_in_either_order_is_unknown() -> None:
    r = resolve_date_expression("7/8/07", ANCHOR)
    assert (r.value, r.rule) == (None, "slash-ambiguous")


def test_without_anchor_mentions_are_found_but_unresolved() -> None:
    (mention,) = find_dates("Troops withdrew on Monday.", None)
    assert (mention.text, mention.value) == ("on Monday", None)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_find_dates_never_raises_and_offsets_index_the_text(text: str) -> None:
    for mention in find_dates(text, ANCHOR):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "Tuesday",
                "March",
                "10,",
                "2025",
                "last",
                "week",
                "ago",
                "two",
                "days",
                "since",
                "the",
                "1990s",
                "May",
                "in",
                "12:00",
                "UTC",
                "Q1",
                "-",
                "'82",
                " ",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_date_like_word_salad_resolves_without_error(text: str) -> None:
    for mention in find_dates(text, ANCHOR):
        assert text[mention.start : mention.end] == mention.text


def values(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.precision) for m in find_dates(text, ANCHOR)]


def test_the_same_day_is_the_day_named_before() -> None:
    text = "Talks were held on Tuesday. Rebels shelled the town on the same day."
    assert values(text)[-1] == ("on the same day", "2026-01-06", "day")


def test_the_next_day_counts_from_the_day_named_before() -> None:
    text = "Clashes broke out on Monday and the army withdrew the next day."
    assert values(text)[-1] == ("the next day", "2026-01-06", "day")


def test_that_day_without_an_earlier_date_is_the_publication_day() -> None:
    assert values("Three people were killed that day.") == [("that day", "2026-01-08", "day")]


def test_clock_time_takes_the_date_written_after_it() -> None:
    (r, _) = resolve_in_context("at 16:15 UTC, June 1st", [(0, 12), (14, 22)], dt.date(2009, 6, 4))
    assert to_timex3(r) == "2009-06-01T16:15Z"


def test_clock_time_takes_the_day_named_before_it() -> None:
    text = "The plane took off on Tuesday at 18:00 UTC."
    (_, clock) = find_dates(text, ANCHOR)
    assert (clock.text, clock.value) == ("at 18:00 UTC", "2026-01-06")


def test_month_of_next_year_is_in_the_next_year() -> None:
    assert resolve("after October of next year") == ("2027-10", "month")


def test_the_same_month_a_year_ago_looks_back_to_the_month_named() -> None:
    text = "Sales fell in December, compared to the same month a year ago."
    assert values(text)[-1] == ("the same month a year ago", "2024-12", "month")


def test_since_the_start_of_this_year_begins_on_january_first() -> None:
    r = resolve_date_expression("since the start of this year", ANCHOR)
    assert (r.value, r.end_value, r.precision) == ("2026-01-01", "2026-01-08", "range")


def test_now_closing_a_clause_is_the_publication_day() -> None:
    assert values("The siege has lasted for more than a week now.")[-1] == (
        "now",
        "2026-01-08",
        "day",
    )


def test_currently_is_a_present_reference() -> None:
    r = resolve_date_expression("currently", ANCHOR)
    assert (r.value, to_timex3(r)) == (None, "PRESENT_REF")


def test_a_decade_mention_is_a_range() -> None:
    assert values("The conflict dates back to the 1990s.") == [("the 1990s", "1990", "range")]


# TimeML (TempEval-3, MEANTIME) conventions, in team-written news sentences; the anchor is
# Thursday 2026-01-08.
@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A quarter or half without a year: the latest one begun by the anchor (or the next one,
        # planned), in the future when the text points ahead.
        ("Profit rose 5% in the third quarter.", "the third quarter", "2025-Q3"),
        ("Ford posted a fourth-quarter loss.", "fourth-quarter", "2025-Q4"),
        ("Sales fell sharply in Q4.", "Q4", "2025-Q4"),
        ("Sales were flat in the first quarter.", "the first quarter", "2026-Q1"),
        ("The firm expects to break even in the third quarter.", "the third quarter", "2026-Q3"),
        ("Losses narrowed in the second half.", "the second half", "2025-H2"),
        ("Profit fell in the latest quarter.", "the latest quarter", "2025-Q4"),
        ("Sales rose in the first half of the year.", "the first half of the year", "2026-H1"),
        ("For the quarter, revenue rose 8%.", "the quarter", "2026-Q1"),
        (
            "Ford lost $1 billion in the third quarter of 2025. For the year, it earned $2 bn.",
            "the year",
            "2025",
        ),
        # Parts of the day carry a TimeML code.
        ("The minister spoke this morning.", "this morning", "2026-01-08TMO"),
        ("Shelling continued Tuesday night.", "Tuesday night", "2026-01-06TNI"),
        ("Gunfire was heard last night.", "last night", "2026-01-07TNI"),
        ("The president will address the nation tonight.", "tonight", "2026-01-08TNI"),
        ("The index rose 3% yesterday afternoon.", "yesterday afternoon", "2026-01-07TAF"),
        ("Crowds gathered on Wednesday evening.", "Wednesday evening", "2026-01-07TEV"),
        (
            "Rebels took the town on Monday and left the next morning.",
            "the next morning",
            "2026-01-06TMO",
        ),
        (
            "The envoys met on Tuesday. That afternoon, talks collapsed.",
            "That afternoon",
            "2026-01-06TAF",
        ),
        (
            "Rebels took the town on December 30 and left on the following Monday.",
            "the following Monday",
            "2026-01-05",
        ),
        ("The next day, on Tuesday, rebels attacked.", "Tuesday", "2026-01-06"),
        # Clock times with a zone, military style too.
        ("The quake struck at 0830 GMT.", "0830 GMT", "2026-01-08T08:30Z"),
        ("Trading was halted at 2:30 p.m. ET.", "2:30 p.m. ET", "2026-01-08T14:30"),
        # A year before a noun is a year, not a count.
        ("The 1997 crisis hit Asia hard.", "1997", "1997"),
        ("Their 2006 process failed.", "2006", "2006"),
        # Fiscal years, centuries, decades counted back.
        ("Revenue for fiscal 2025 rose 4%.", "fiscal 2025", "FY2025"),
        ("Revenue for fiscal year 2024 fell.", "fiscal year 2024", "FY2024"),
        ("The 20th century saw two world wars.", "The 20th century", "19"),
        ("Trade grew in the early 21st century.", "the early 21st century", "20"),
        ("The plant closed a decade ago.", "a decade ago", "201"),
        ("Coal will decline in this century.", "this century", "20"),
        # Offsets keep their value under an approximation ("more than", "nearly").
        ("The treaty was signed more than 20 years ago.", "more than 20 years ago", "2006"),
        ("It became independent nearly a decade ago.", "nearly a decade ago", "201"),
        ("The law requires at least five years of returns.", "at least five years", "P5Y"),
        ("Trading paused at 2.40 PM.", "2.40 PM", "2026-01-08T14:40"),
        ("Fighting eased in spring.", "spring", "2025-SP"),
        # Fixed-date holidays: the most recent one unless the text points ahead.
        ("Markets closed on Christmas Day.", "Christmas Day", "2025-12-25"),
        ("Crowds gathered on New Year's Eve.", "New Year's Eve", "2025-12-31"),
        ("Fireworks lit the sky on New Year's Day.", "New Year's Day", "2026-01-01"),
        # Periods counted from the one the text named last.
        ("He joined the board in 2019 and left the following year.", "the following year", "2020"),
        (
            "Costs fell to $118 billion last year from $131 billion the year before.",
            "the year before",
            "2024",
        ),
        ("Exports rose in March from the previous month.", "the previous month", "2025-02"),
        ("He left the company in 2004. Two years later he returned.", "Two years later", "2006"),
        (
            "Ford lost $1 billion in the third quarter of 2025, against a profit a year earlier.",
            "a year earlier",
            "2024",
        ),
        ("Profit was $3 billion a year ago.", "a year ago", "2025"),
        # Days and periods relative to the anchor.
        ("Shares rose earlier in the day.", "earlier in the day", "2026-01-08"),
        ("Prices fell last week.", "last week", "2026-W01"),
        ("Talks resume next week.", "next week", "2026-W03"),
        ("The new model goes on sale this summer.", "this summer", "2026-SU"),
        ("Rebels attacked over the weekend.", "the weekend", "2026-W02-WE"),
        ("He was arrested two weeks ago.", "two weeks ago", "2025-12-25"),
        ("The firm grew quickly in the 1990s.", "the 1990s", "199"),
        # Present, past and future references.
        ("Prices are high these days.", "these days", "PRESENT_REF"),
        ("The plant will stay shut for the time being.", "the time being", "PRESENT_REF"),
        ("Shares should recover in the long term.", "the long term", "FUTURE_REF"),
        ("The firm recently cut 500 jobs.", "recently", "PAST_REF"),
        # Vague durations.
        ("Troops reached the town within hours.", "hours", "PTXH"),
        ("The index closed at its lowest level in years.", "years", "PXY"),
        # Bare months and weekdays go forward when the text plans ahead.
        ("Apple expects to ship the phone in June.", "June", "2026-06"),
        ("The talks are scheduled for Monday.", "Monday", "2026-01-12"),
    ],
)
def test_timeml_convention(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_a_count_of_buses_is_not_a_year() -> None:
    assert timex_values("About 2006 buses were sold.") == []


def test_the_previous_year_far_from_any_date_counts_from_the_anchor() -> None:
    text = "The company was founded in 1903. " + "It makes cars and trucks. " * 12
    text += "Sales fell 4% from the previous year."
    assert timex_values(text)[-1] == ("the previous year", "2025")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision"),
    [
        ("The army on Thursday shelled the town.", "on Thursday", "2026-01-08", "day"),
        ("Talks collapsed on Tuesday.", "on Tuesday", "2026-01-06", "day"),
        ("Two convoys were attacked last week.", "last week", "2025-12-29", "week"),
        ("Drones struck the port overnight.", "overnight", "2026-01-07", "day"),
        ("Fighting resumed late on Tuesday.", "late on Tuesday", "2026-01-06", "day"),
        ("Protests spread earlier this month.", "earlier this month", "2026-01", "month"),
        ("The border was closed in December.", "in December", "2025-12", "month"),
        ("He was freed two days ago.", "two days ago", "2026-01-06", "day"),
        ("The town has been besieged since 2011.", "since 2011", "2011", "range"),
        ("The feud dates back to the 1990s.", "the 1990s", "1990", "range"),
        ("Markets closed on Christmas Day.", "on Christmas Day", "2025-12-25", "day"),
        ("Revenue for fiscal 2025 rose.", "for fiscal 2025", "2025", "year"),
        ("Trade grew in the 20th century.", "in the 20th century", "1900", "range"),
        ("The plant closed a decade ago.", "a decade ago", "2010", "range"),
        ("Profit rose in the third quarter.", "in the third quarter", "2025-07-01", "range"),
    ],
)
def test_issue_examples_have_value_and_precision(
    sentence: str, text: str, value: str, precision: str
) -> None:
    assert (text, value, precision) in values(sentence)


def test_an_offset_off_the_calendar_is_unknown_not_an_error() -> None:
    text = "The ruins date from 2025 years earlier; a later vote came the following year."
    assert [m.text for m in find_dates(text, dt.date(2024, 2, 29))] == [
        "2025 years earlier",
        "the following year",
    ]


def test_years_later_counts_from_the_last_year_named_however_far_back() -> None:
    text = "The talks failed in 2014. " + "Envoys met and argued about the text. " * 8
    text += "Little more than a year later, both sides signed a deal in Vienna."
    assert timex_values(text)[-1] == ("more than a year later", "2015")
