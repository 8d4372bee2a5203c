"""Time expressions of everyday news (2025-2026 and older wire copy), written by the team.

Each case is a sentence, the TimeML extent of one expression in it and its TIMEX3 value, with
the article published on Thursday 2026-01-08 unless the case says otherwise.
"""

import datetime as dt

import pytest

from dyad.resolve.time import find_dates
from timex_helpers import ANCHOR, timex_values


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A plan in the present tense, with or without a scheduling verb, points ahead.
        ("Apple is launching the phone in June.", "June", "2026-06"),
        ("The summit is in March.", "March", "2026-03"),
        ("The vote is on Sunday.", "Sunday", "2026-01-11"),
        ("The deadline is March 1.", "March 1", "2026-03-01"),
        ("The president is visiting Cairo on Saturday.", "Saturday", "2026-01-10"),
        ("The election is set for November.", "November", "2026-11"),
        ("The firm plans to list its shares in October.", "October", "2026-10"),
        ("Leaders gather for the upcoming summit in April.", "April", "2026-04"),
        ("Campaigning intensified ahead of Sunday's vote.", "Sunday", "2026-01-11"),
        ("The talks are due to resume on Monday.", "Monday", "2026-01-12"),
        ("The law takes effect in July.", "July", "2026-07"),
        ("Voters head to the polls on Sunday.", "Sunday", "2026-01-11"),
        ("The talks, now in their second day, resume on Friday.", "Friday", "2026-01-09"),
        ("The talks did not resume on Friday.", "Friday", "2026-01-02"),
        ("Parliament will vote next March.", "next March", "2026-03"),
        ("Ministers meet again this coming Sunday.", "this coming Sunday", "2026-01-11"),
        # ... but a report in the past after the plan is about the past.
        (
            "The minister, who will travel to Paris, said on Tuesday that talks failed.",
            "Tuesday",
            "2026-01-06",
        ),
        ("The army is fighting in Aleppo, officials said on Monday.", "Monday", "2026-01-05"),
        ("The deadline was in March.", "March", "2025-03"),
        ("Israel is pressing an offensive which began in October.", "October", "2025-10"),
        ("The army is holding the town it captured in November.", "November", "2025-11"),
        ("The president visited Cairo on Saturday.", "Saturday", "2026-01-03"),
        # Weekends: one just past carries the week it leads into (TimeML), one ahead its own.
        ("Protesters gathered at the weekend.", "the weekend", "2026-W02-WE"),
        ("Ministers will meet at the weekend.", "the weekend", "2026-W02-WE"),
        ("Talks will continue this weekend.", "this weekend", "2026-W02-WE"),
        ("The clashes last weekend killed five.", "last weekend", "2026-W01-WE"),
        ("Fighting continued through the weekend.", "the weekend", "2026-W02-WE"),
        # Durations, exact and vague, and ranges of them.
        ("He was jailed for three years.", "three years", "P3Y"),
        ("Prices rose 4% over the past two weeks.", "the past two weeks", "P2W"),
        ("Shelling has intensified in the past few days.", "the past few days", "PXD"),
        ("Violence has surged in recent weeks.", "recent weeks", "PXW"),
        ("Rebels must withdraw within a week.", "a week", "P1W"),
        ("The truce will last between 60 and 90 days.", "between 60 and 90 days", "P60D"),
        ("The project will take two to three years.", "two to three years", "P2Y"),
        ("Officials gave them 60-90 days to leave.", "60-90 days", "P60D"),
        ("No rain fell in the past 24 hours.", "the past 24 hours", "PT24H"),
        ("They signed a two-year deal.", "two-year", "P2Y"),
        ("The firm posted an annual profit.", "annual", "P1Y"),
        ("Hours later, the army retook the town.", "Hours", "PTXH"),
        # Edges of periods.
        ("Prices peaked in mid-January.", "mid-January", "2026-01"),
        ("Elections are due in mid-March.", "mid-March", "2026-03"),
        ("Fighting flared in mid-December.", "mid-December", "2025-12"),
        ("The plant will reopen early next month.", "early next month", "2026-02"),
        ("Output slumped late last year.", "late last year", "2025"),
        ("The fund runs dry by the end of the month.", "the end of the month", "2026-01"),
        ("Sales were weak at the start of the year.", "the start of the year", "2026"),
        ("The mission ends by the end of 2026.", "the end of 2026", "2026"),
        ("Kyiv wants a deal by end-2026.", "end-2026", "2026"),
        ("Stocks fell sharply at end-December.", "end-December", "2025-12"),
        ("Unrest spread in early February.", "early February", "2025-02"),
        ("Exports rose 5% between March and May.", "May", "2025-05"),
        ("Exports rose 5% between March and May.", "March", "2025-03"),
        ("Prices fell from June to August.", "August", "2025-08"),
        ("The season runs from October to March.", "March", "2026-03"),
        ("Exports rose between November and February.", "February", "2026-02"),
        ("Talks were held in November and October.", "October", "2025-10"),
        ("The results are due in two weeks' time.", "two weeks' time", "2026-01-22"),
        # With no quarter named, a quarterly report's is the last one completed (2025-Q4).
        ("Net income rose from the year-ago quarter.", "the year-ago quarter", "2024-Q4"),
        ("Sales rose 5% from the year-earlier period.", "the year-earlier period", "2024-Q4"),
        ("Year-ago sales were lower.", "Year-ago", "2025"),
        ("Exports rose in 2025's third quarter.", "2025's third quarter", "2025-Q3"),
        ("The index fell 2% in the past fortnight.", "the past fortnight", "P2W"),
        ("Starting Monday, all flights will be suspended.", "Monday", "2026-01-12"),
        (
            "The economy grew 0.3% in the July-September quarter.",
            "the July-September quarter",
            "2025-Q3",
        ),
        ("The UN said 2025 was the deadliest year for aid workers.", "2025", "2025"),
        ("2026 marks the 80th anniversary of the bombing.", "2026", "2026"),
        # Day and month in either order, abbreviated, in datelines.
        ("Troops entered the city on 8 January.", "8 January", "2026-01-08"),
        ("The ceasefire began on Jan. 8.", "Jan. 8", "2026-01-08"),
        ("Talks are due on 20 January.", "20 January", "2026-01-20"),
        ("The towers fell on Sept. 11.", "Sept. 11", "2025-09-11"),
        ("The order was signed on 25/12/2025.", "25/12/2025", "2025-12-25"),
        ("The order was signed on 12/25/2025.", "12/25/2025", "2025-12-25"),
        # Day and month that could swap: the reading near the publication day, else unknown.
        ("The order was signed on 8/1/2026.", "8/1/2026", "2026-01-08"),
        ("The order was signed on 5/6/2024.", "5/6/2024", "XXXX-XX-XX"),
        (
            "ALEPPO, Syria (AP) — Jan. 8 — Government forces shelled the city.",
            "Jan. 8",
            "2026-01-08",
        ),
        ("The vote was held on Thursday 8 January.", "Thursday 8 January", "2026-01-08"),
        ("The Nov. 5 election was close.", "Nov. 5", "2025-11-05"),
        ("The summit takes place on 20-21 January.", "20-21 January", "2026-01-20"),
        ("Revenue rose 8% in H1 2026.", "H1 2026", "2026-H1"),
        ("The court gave him a fortnight to appeal.", "a fortnight", "P2W"),
        ("He was freed a fortnight ago.", "a fortnight ago", "2025-12-25"),
        # Days named before, and days counted from them.
        (
            "Rebels attacked on Monday. The day before, the army shelled the town.",
            "The day before",
            "2026-01-04",
        ),
        ("Rebels attacked on Monday and withdrew the same day.", "the same day", "2026-01-05"),
        (
            "Rebels attacked on Monday. Later that day, they withdrew.",
            "Later that day",
            "2026-01-05",
        ),
        (
            "Officials said earlier on Thursday that the talks failed.",
            "earlier on Thursday",
            "2026-01-08",
        ),
        ("Thursday's attack killed 12 people.", "Thursday", "2026-01-08"),
        ("Drones struck Odesa overnight Tuesday.", "overnight Tuesday", "2026-01-06"),
        (
            "Russia attacked Kyiv overnight into Wednesday.",
            "overnight into Wednesday",
            "2026-01-07",
        ),
        ("The attack came hours after the vote.", "hours", "PTXH"),
        ("She was charged with fraud later Thursday.", "later Thursday", "2026-01-08"),
        ("Police are investigating a crash early Tuesday.", "early Tuesday", "2026-01-06"),
        ("Detectives want to question a man over a Dec. 17 burglary.", "Dec. 17", "2025-12-17"),
        ("The chancellor is leaving to run a university on June 1.", "June 1", "2026-06-01"),
        ("The bombing a week ago Tuesday killed 12.", "a week ago Tuesday", "2025-12-30"),
        ("The law was passed in 1998 and amended a decade later.", "a decade later", "200"),
        # Bare "later" is a relative time in TimeML.
        ("The army later withdrew from the town.", "later", "FUTURE_REF"),
        ("The vote was postponed to a later date.", "a later date", "XXXX-XX-XX"),
    ],
)
def test_news_time_expressions(sentence: str, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence)


@pytest.mark.parametrize(
    ("sentence", "anchor", "extent", "value"),
    [
        # Older wire copy: the same forms against an older publication date.
        (
            "WASHINGTON (AP) _ The Senate voted Tuesday to ...",
            dt.date(1998, 3, 12),
            "Tuesday",
            "1998-03-10",
        ),
        ("Talks will resume in mid-April.", dt.date(1998, 3, 12), "mid-April", "1998-04"),
        ("The strike ended on Feb. 27.", dt.date(1998, 3, 12), "Feb. 27", "1998-02-27"),
        ("The summit is in May.", dt.date(1998, 3, 12), "May", "1998-05"),
        ("Markets slid over the weekend.", dt.date(2007, 10, 15), "the weekend", "2007-W42-WE"),
        ("The order is dated 7/8/07.", dt.date(2007, 7, 9), "7/8/07", "2007-07-08"),
    ],
)
def test_older_wire_copy(sentence: str, anchor: dt.date, extent: str, value: str) -> None:
    assert (extent, value) in timex_values(sentence, anchor)


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports rose 4% year-on-year.",
        "No later than noon, the trucks left.",
        "The army said it would respond later than planned.",
        "The company holds its annual general meeting, he said.",
        "If the deal comes, it will be sooner rather than later.",
    ],
)
def test_no_stray_later_or_annual(sentence: str) -> None:
    texts = [m.text for m in find_dates(sentence, ANCHOR)]
    assert not any(t in ("later", "annual", "year") for t in texts)


def test_a_range_of_durations_gives_no_event_date() -> None:
    (mention,) = find_dates("The truce will last between 60 and 90 days.", ANCHOR)
    assert mention.precision == "duration"


def test_a_span_of_days_starts_on_the_first_and_ends_on_the_last() -> None:
    (mention,) = find_dates("Talks run Jan. 12-14, 2026, in Geneva.", ANCHOR)
    assert (mention.text, mention.value, mention.end_value, mention.precision) == (
        "Jan. 12-14, 2026",
        "2026-01-12",
        "2026-01-14",
        "day",
    )


def test_hydrogen_and_flu_strains_are_not_halves() -> None:
    assert find_dates("H1N1 spread as H2 output rose.", ANCHOR) == []


def test_a_text_writing_the_day_first_reads_its_ambiguous_dates_day_first() -> None:
    text = "The Tidal Energy Forum runs 28/05/2018 - 01/06/2018 in Swansea."
    assert timex_values(text, dt.date(2018, 1, 15)) == [
        ("28/05/2018", "2018-05-28"),
        ("01/06/2018", "2018-06-01"),
    ]
