"""Resolving time expressions against the publication date (Thursday 2026-01-08)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.resolve.time import find_dates, resolve_date_expression, resolve_in_context, to_timex3

ANCHOR = dt.date(2026, 1, 8)  # a Thursday


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
    r = resolve_date_expression("7/8/07", ANCHOR)
    assert (r.value, r.rule) == ("2007-07-08", "dateparser")


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
