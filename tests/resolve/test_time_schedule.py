"""The present simple of scheduled events ("the court hears the case on Monday", "talks resume in
March") points ahead; narration in the past, plural nouns that look like verbs and headlines in
the historical present do not. Sentences written by the team for issue #6.

The article is published on Thursday 2026-01-08 unless a case says otherwise.
"""

import datetime as dt

import pytest

from timex_helpers import timex_values


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        (
            "The consultation closes in the final week of November.",
            "the final week of November",
            "2026-W48",
        ),
        ("Talks resume in March.", "March", "2026-03"),
        ("The court hears the case on Monday.", "Monday", "2026-01-12"),
        ("The ceasefire expires on Sunday.", "Sunday", "2026-01-11"),
        ("Parliament reconvenes in February.", "February", "2026-02"),
        ("The offer lapses at the end of March.", "the end of March", "2026-03"),
        ("Polls close on Sunday at 8 p.m.", "Sunday", "2026-01-11"),
        ("Polls close on Sunday at 8 p.m.", "8 p.m.", "2026-01-11T20:00"),
        ("The summit takes place in June in Geneva.", "June", "2026-06"),
        ("The deadline falls on Friday.", "Friday", "2026-01-09"),
        ("Ministers gather in Brussels on Monday for talks on the budget.", "Monday", "2026-01-12"),
        ("The team plays Arsenal on Saturday.", "Saturday", "2026-01-10"),
        ("The prime minister travels to Washington in February.", "February", "2026-02"),
        ("The bill goes to a vote in February.", "February", "2026-02"),
        ("The council holds its next meeting in February.", "February", "2026-02"),
        ("Lawmakers return from recess in February.", "February", "2026-02"),
        ("The envoy leaves for Moscow on Sunday.", "Sunday", "2026-01-11"),
        ("The company reports earnings in February.", "February", "2026-02"),
        ("The president visits Cairo in March.", "March", "2026-03"),
        # Reported plans keep the present: the union's date still lies ahead.
        ("The strike ends in March, the union said.", "March", "2026-03"),
        ("The union said the strike ends in March.", "March", "2026-03"),
        ('"We meet on Monday," he said.', "Monday", "2026-01-12"),
        # A relative clause or a parenthesis between the subject and the verb.
        ("The museum, which opens in March, has cost $1 billion.", "March", "2026-03"),
        ("The strike, which began in December, ends on Friday.", "Friday", "2026-01-09"),
        ("The strike, which began in December, ends on Friday.", "December", "2025-12"),
        (
            "The vote, which opposition parties boycott, takes place on Sunday.",
            "Sunday",
            "2026-01-11",
        ),
        ("The treaty, which takes effect in July, was signed in March.", "July", "2026-07"),
        ("The treaty, which takes effect in July, was signed in March.", "March", "2025-03"),
        ("Analysts expect the bank to report results in February.", "February", "2026-02"),
        ("Lawmakers debate the bill on Tuesday.", "Tuesday", "2026-01-13"),
        ("The opposition plans a larger rally on Friday.", "Friday", "2026-01-09"),
        ("The talks, which started on Monday, continue on Friday.", "Friday", "2026-01-09"),
        ("The court rules on the appeal on Monday.", "Monday", "2026-01-12"),
        # The passive of what is timetabled.
        ("Markets are closed on Monday for a holiday.", "Monday", "2026-01-12"),
        ("The new government is sworn in on Monday.", "Monday", "2026-01-12"),
        ("The report is published on Tuesday.", "Tuesday", "2026-01-13"),
        ("The rally is planned for Saturday in the capital.", "Saturday", "2026-01-10"),
        ("The court hears the case, scheduled for Monday, in public.", "Monday", "2026-01-12"),
    ],
)
def test_the_present_of_a_timetable_looks_ahead(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_a_timetabled_weekday_on_the_day_itself_is_that_day() -> None:
    monday = dt.date(2026, 1, 12)
    assert timex_values("The court hears the case on Monday.", monday) == [("Monday", "2026-01-12")]
    assert timex_values("The court hears the case on Friday.", monday) == [("Friday", "2026-01-16")]


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The court heard the case on Monday.", "Monday", "2026-01-05"),
        ("Schools reopened on Monday.", "Monday", "2026-01-05"),
        ("The envoy left for Moscow on Sunday.", "Sunday", "2026-01-04"),
        ("The court ruled on the appeal on Monday.", "Monday", "2026-01-05"),
        ("Markets were closed on Monday for a holiday.", "Monday", "2026-01-05"),
        ("The report was published on Tuesday.", "Tuesday", "2026-01-06"),
        # "since" always looks back, whatever the verb.
        ("He is held in Evin prison since March.", "March", "2025-03"),
        ("Prices have risen since Jan. 25.", "Jan. 25", "2025-01-25"),
        # Plural nouns that look like verbs in the present.
        ("Stock returns in March were weak.", "March", "2025-03"),
        ("Press releases on Monday said the plant would close.", "Monday", "2026-01-05"),
        ("His visits to Cairo in March angered Israel.", "March", "2025-03"),
        ("Heads of state met on Monday.", "Monday", "2026-01-05"),
        # A verb in the past between the plan and the time: the time is of the past.
        ("Ministers meet regularly and last met in March.", "March", "2025-03"),
        ("The court hears appeals, and the judge ruled on Monday.", "Monday", "2026-01-05"),
        ("The trial opens on Monday after it was delayed in March.", "March", "2025-03"),
        ("The index, which measures activity in December, rose.", "December", "2025-12"),
        # "may" the modal is no month, and the month no modal.
        ("Rebels, who seized the town in May 2024, withdrew in June.", "June", "2025-06"),
    ],
)
def test_narration_and_nouns_stay_in_the_past(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


def test_a_headline_in_the_historical_present_tells_of_the_past() -> None:
    text = "Apple unveils new laptops on Tuesday\nApple unveiled two laptops on Tuesday."
    assert timex_values(text) == [("Tuesday", "2026-01-06"), ("Tuesday", "2026-01-06")]


def test_a_postponed_event_lies_ahead_but_not_the_day_it_was_put_off() -> None:
    assert ("March 2", "2026-03-02") in timex_values("The vote was postponed to March 2.")
    assert ("December", "2025-12") in timex_values("The trial was delayed in December.")
    text = "The election, originally scheduled for December, was postponed to March."
    assert timex_values(text) == [("December", "2025-12"), ("March", "2026-03")]
