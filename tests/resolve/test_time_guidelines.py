"""TIMEX3 values as the TimeML guidelines (TIDES 2005, ISO-TimeML) give them, on business and
market news the team wrote for issue #6, with MEANTIME's conventions where it departs from them
("now" is the publication day, "the past year" the year before it, "in two weeks" a duration).

Each case is a sentence, the TimeML extent of one expression in it and its value. Unless a case
says otherwise the article is published on Wednesday 2008-10-15 (in the fourth quarter).
"""

import datetime as dt

import pytest

from timex_helpers import timex_values

WEDNESDAY = dt.date(2008, 10, 15)


def _value_of(sentence: str, extent: str, anchor: dt.date = WEDNESDAY) -> str | None:
    found = dict(timex_values(sentence, anchor))
    return found.get(extent)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Shares of Apple are currently trading near their lows.", "currently", "PRESENT_REF"),
        ("At the moment the airline flies to 40 cities.", "the moment", "PRESENT_REF"),
        ("The carmaker has recently cut 5,000 jobs.", "recently", "PAST_REF"),
        ("In the past, Airbus relied on European orders.", "the past", "PAST_REF"),
        ("In the future, GM will build smaller cars.", "the future", "FUTURE_REF"),
        ("Its shares are on sale now.", "now", "2008-10-15"),
        ("The bank merged a few years ago.", "a few years ago", "PAST_REF"),
    ],
)
def test_references_to_present_past_and_future(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The bank expects losses this year.", "this year", "2008"),
        ("Profit fell 20 percent last year.", "last year", "2007"),
        ("The plane will enter service next year.", "next year", "2009"),
        ("Sales have slumped this month.", "this month", "2008-10"),
        ("Last month, Ford cut production.", "Last month", "2008-09"),
        ("Stocks fell sharply this week.", "this week", "2008-W42"),
        ("Stocks fell late last week.", "late last week", "2008-W41"),
        ("Ministers will meet early next week.", "early next week", "2008-W43"),
        ("Markets rallied over the weekend.", "the weekend", "2008-W42-WE"),
        ("Leaders will meet next weekend.", "next weekend", "2008-W43-WE"),
        ("Earlier this year, the bank raised capital.", "Earlier this year", "2008"),
        ("The Fed will meet later this month.", "later this month", "2008-10"),
        ("Oil prices doubled this decade.", "this decade", "200"),
        ("Demand will grow over the next decade.", "the next decade", "201"),
        ("Profits will recover in the coming year.", "the coming year", "2009"),
        # MEANTIME marks "the past year" as the year before, not the duration P1Y.
        ("Shares have lost half their value over the past year.", "the past year", "2007"),
    ],
)
def test_units_relative_to_the_publication_day(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Revenue rose 8 percent last quarter.", "last quarter", "2008-Q3"),
        ("Sales rose in the previous quarter.", "the previous quarter", "2008-Q3"),
        ("Profit in the latest quarter fell.", "the latest quarter", "2008-Q3"),
        ("Inflation has risen this quarter.", "this quarter", "2008-Q4"),
        ("The bank will pay dividends next quarter.", "next quarter", "2009-Q1"),
        ("The company lost money in the third quarter.", "the third quarter", "2008-Q3"),
        ("Production started in the first quarter.", "the first quarter", "2008-Q1"),
        ("Orders will pick up in the first quarter.", "the first quarter", "2009-Q1"),
        ("Apple earned $1.1 billion in Q3.", "Q3", "2008-Q3"),
        ("Sales fell in Q3 of 2007.", "Q3 of 2007", "2007-Q3"),
        (
            "Deliveries slipped in the first quarter of 2008.",
            "the first quarter of 2008",
            "2008-Q1",
        ),
        ("Sales fell in the fourth quarter 2007.", "the fourth quarter 2007", "2007-Q4"),
        ("Third-quarter 2007 profit fell.", "Third-quarter 2007", "2007-Q3"),
        ("Net income fell in 2007's third quarter.", "2007's third quarter", "2007-Q3"),
        ("Last year's third quarter was weak.", "Last year's third quarter", "2007-Q3"),
        ("This year's first quarter was weak.", "This year's first quarter", "2008-Q1"),
        ("Sales in the September quarter rose.", "the September quarter", "2008-Q3"),
        ("The company will report fourth-quarter earnings.", "fourth-quarter", "2008-Q4"),
        (
            "Airbus will deliver it in the second quarter of next year.",
            "the second quarter of next year",
            "2009-Q2",
        ),
        ("GM lost $15 billion in the first half.", "the first half", "2008-H1"),
        ("First-half profit doubled.", "First-half", "2008-H1"),
        ("Sales rose in the second half of the year.", "the second half of the year", "2008-H2"),
        (
            "Airbus delivered 20 jets in the second half of last year.",
            "the second half of last year",
            "2007-H2",
        ),
        ("H1 2009 results will be weak.", "H1 2009", "2009-H1"),
        (
            "Profit rose 5 percent from the same quarter a year ago.",
            "the same quarter a year ago",
            "2007-Q4",
        ),
    ],
)
def test_quarters_and_halves(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The company earned $3 billion in fiscal 2008.", "fiscal 2008", "FY2008"),
        ("Net income rose in fiscal year 2007.", "fiscal year 2007", "FY2007"),
        ("The bank said its financial year 2007 was weak.", "financial year 2007", "FY2007"),
        ("Sales rose in FY07.", "FY07", "FY2007"),
        ("The bank expects a loss for the 2008 fiscal year.", "the 2008 fiscal year", "FY2008"),
        ("Apple expects growth in the current fiscal year.", "the current fiscal year", "FY2008"),
        ("Sales fell in the last fiscal year.", "the last fiscal year", "FY2007"),
        ("Sales rose in the previous financial year.", "the previous financial year", "FY2007"),
        ("Toyota raised its forecast for the fiscal year.", "the fiscal year", "FY2008"),
        ("Toyota cut its forecast for its next fiscal year.", "next fiscal year", "FY2009"),
        ("Profit rose in its fiscal third quarter.", "fiscal third quarter", "FY2008-Q3"),
        ("Apple reported its third fiscal quarter results.", "third fiscal quarter", "FY2008-Q3"),
        (
            "Losses widened in the third quarter of fiscal 2008.",
            "the third quarter of fiscal 2008",
            "FY2008-Q3",
        ),
        (
            "The company lost $2 billion in fiscal 2009's first quarter.",
            "fiscal 2009's first quarter",
            "FY2009-Q1",
        ),
        # Its months unknown, a fiscal quarter named by its place is the calendar one.
        ("Profit rose in the current fiscal quarter.", "the current fiscal quarter", "2008-Q4"),
    ],
)
def test_fiscal_years_and_quarters(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


def test_a_fiscal_word_alone_is_no_date() -> None:
    assert timex_values("The fiscal policy was loose.", WEDNESDAY) == []


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The plant will open in mid-2009.", "mid-2009", "2009"),
        ("The firm was founded in early 2007.", "early 2007", "2007"),
        ("The bank failed late last year.", "late last year", "2007"),
        ("A recovery is expected early next year.", "early next year", "2009"),
        ("The jet will be delivered late this year.", "late this year", "2008"),
        ("Work will finish by the middle of next year.", "the middle of next year", "2009"),
        ("A decision is due by the end of the month.", "the end of the month", "2008-10"),
        ("The offer expires at the end of the week.", "the end of the week", "2008-W42"),
        ("Shares were worth more at the end of last year.", "the end of last year", "2007"),
        (
            "The plan starts at the beginning of next month.",
            "the beginning of next month",
            "2008-11",
        ),
        ("The loan must be repaid by the end of 2009.", "the end of 2009", "2009"),
        ("The debt falls due at end-2009.", "end-2009", "2009"),
        ("The fleet will be replaced by the end of the decade.", "the end of the decade", "200"),
        ("The company will cut jobs by year-end.", "year-end", "2008"),
        ("The fund posted its results at year end.", "year end", "2008"),
        ("Stocks must recover before the year's end.", "the year's end", "2008"),
        ("Most of the cuts will be made by quarter-end.", "quarter-end", "2008-Q4"),
        (
            "Sales were strong at the end of the third quarter.",
            "the end of the third quarter",
            "2008-Q3",
        ),
        ("Volumes rose near the end of the quarter.", "the end of the quarter", "2008-Q4"),
        ("Prices peaked in mid-October.", "mid-October", "2008-10"),
        ("The bank will report results in late January.", "late January", "2009-01"),
        # "since" the start of a period counts from its first day.
        (
            "The Dow has fallen 20 percent since the beginning of the year.",
            "the beginning of the year",
            "2008-01-01",
        ),
    ],
)
def test_parts_and_edges_of_periods(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The index peaked last summer.", "last summer", "2008-SU"),
        ("Heating costs soared last winter.", "last winter", "2007-WI"),
        ("The launch is planned for next spring.", "next spring", "2009-SP"),
        ("This spring, Apple will launch a phone.", "This spring", "2009-SP"),
        ("The market was volatile this past summer.", "this past summer", "2008-SU"),
        ("Investors were worried about the coming winter.", "the coming winter", "2008-WI"),
        ("The ruling came in the autumn of 2007.", "the autumn of 2007", "2007-FA"),
        ("Last fall, the company cut its dividend.", "Last fall", "2007-FA"),
        ("Japanese banks collapsed in the 1990s.", "the 1990s", "199"),
        ("The airline was privatised in the late 1980s.", "the late 1980s", "198"),
        ("Tech stocks boomed in the 2000s.", "the 2000s", "200"),
        ("Aviation changed in the 20th century.", "the 20th century", "19"),
        ("GM was founded in 1908, a century ago.", "a century ago", "19"),
        ("The plane first flew two decades ago.", "two decades ago", "198"),
    ],
)
def test_seasons_decades_and_centuries(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Profit fell from $2 billion a year earlier.", "a year earlier", "2007"),
        ("The bank was bailed out a year ago.", "a year ago", "2007"),
        ("The shares cost $30 two weeks ago.", "two weeks ago", "2008-10-01"),
        ("The bank was nationalised three months ago.", "three months ago", "2008-07"),
        ("The company was founded 30 years ago.", "30 years ago", "1978"),
        ("The plant will close two years from now.", "two years from now", "2010"),
        (
            "The stock hit a record in 2006, then fell the following year.",
            "the following year",
            "2007",
        ),
        (
            "Sales fell 10 percent from the same month last year.",
            "the same month last year",
            "2007-10",
        ),
        ("Sales have doubled since last year.", "last year", "2007"),
    ],
)
def test_offsets_from_a_date(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Shares have doubled over the past few years.", "the past few years", "PXY"),
        ("Prices will rise in the coming months.", "the coming months", "PXM"),
        ("Sales have fallen sharply in recent months.", "recent months", "PXM"),
        ("Oil fell over the last few days.", "the last few days", "PXD"),
        ("Sales rose 3 percent over the past 12 months.", "the past 12 months", "P12M"),
        ("The firm has been losing money for the past two years.", "the past two years", "P2Y"),
        ("The factory will close within six months.", "six months", "P6M"),
        # MEANTIME marks "in two weeks" as the duration, not the day it ends on.
        ("The vote is expected in two weeks.", "two weeks", "P2W"),
        ("The bank traded at a 52-week high.", "52-week", "P52W"),
    ],
)
def test_durations(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The Dow fell 3 percent yesterday.", "yesterday", "2008-10-14"),
        ("The Dow fell 3 percent today.", "today", "2008-10-15"),
        ("The president will address the nation tonight.", "tonight", "2008-10-15TNI"),
        ("The Nikkei fell this morning.", "this morning", "2008-10-15TMO"),
        ("Shares fell this afternoon.", "this afternoon", "2008-10-15TAF"),
        ("Congress approved the plan last night.", "last night", "2008-10-14TNI"),
        ("The Nikkei slumped on Monday morning.", "Monday morning", "2008-10-13TMO"),
        ("The Dow fell 500 points on Monday.", "Monday", "2008-10-13"),
        ("The board will meet on Monday.", "Monday", "2008-10-20"),
        ("On Monday, the board will meet.", "Monday", "2008-10-20"),
        ("On Monday, GM said it will cut jobs.", "Monday", "2008-10-13"),
        ("Intel will report results Thursday.", "Thursday", "2008-10-16"),
        ("Shares rose after Friday's close.", "Friday", "2008-10-10"),
        ("The strike began last Monday.", "last Monday", "2008-10-13"),
        ("The shares resumed trading on the 1st.", "the 1st", "2008-10-01"),
    ],
)
def test_days_and_parts_of_days(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Airbus delivered the first A380 in March.", "March", "2008-03"),
        ("Boeing will deliver the plane in March.", "March", "2009-03"),
        ("In March, Airbus will deliver the plane.", "March", "2009-03"),
        ("The deal closed in March 2007.", "March 2007", "2007-03"),
        ("The deal closed on March 3.", "March 3", "2008-03-03"),
        ("The deal closed on 3 March 2007.", "3 March 2007", "2007-03-03"),
        ("The filing is dated 2008-03-03.", "2008-03-03", "2008-03-03"),
        ("Shares closed at $90 on Friday, Oct. 10.", "Friday, Oct. 10", "2008-10-10"),
        ("The law will take effect on Jan. 1.", "Jan. 1", "2009-01-01"),
        ("The bank posted a loss for the three months ended Sept. 30.", "Sept. 30", "2008-09-30"),
        ("The new rules come into force next January.", "next January", "2009-01"),
        ("The market closed early on Christmas Eve.", "Christmas Eve", "2007-12-24"),
    ],
)
def test_months_and_calendar_dates(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


def test_the_current_financial_quarter_is_one_expression() -> None:
    sentence = "Apple will sell 8 million phones by the end of the current financial quarter."
    assert timex_values(sentence, dt.date(2010, 6, 16)) == [
        ("the end of the current financial quarter", "2010-Q2")
    ]


def test_a_year_ago_quarter_is_no_plain_year() -> None:
    # "in the year-ago quarter": the whole phrase is the expression, "the year" is none.
    assert ("the year", "2008") not in timex_values(
        "Sales rose in the year-ago quarter.", WEDNESDAY
    )


def test_a_day_takes_the_year_of_the_full_date_before_it_in_its_sentence() -> None:
    sentence = (
        "The previous record was set on September 17, 2001, the first trading day after the "
        "attacks of September 11."
    )
    assert _value_of(sentence, "September 11", dt.date(2008, 9, 29)) == "2001-09-11"


def test_a_day_in_the_next_sentence_keeps_its_own_year() -> None:
    text = "The plane first flew on March 3, 2005. It will be unveiled on March 10."
    assert _value_of(text, "March 10") == "2009-03-10"


def test_by_a_month_in_a_clause_told_in_the_past_is_behind() -> None:
    sentence = "The A380 was delivered to ten customers by December."
    assert _value_of(sentence, "December", dt.date(2010, 1, 4)) == "2009-12"


def test_by_a_month_still_looks_ahead_in_the_present() -> None:
    sentence = "Airbus aims to deliver the jet to ten customers by December."
    assert _value_of(sentence, "December") == "2008-12"


def test_an_ordinal_before_quarterly_is_no_quarter() -> None:
    sentence = "It was Ford's first quarterly profit in two years."
    # "quarterly" is a quarter's worth (P3M, as "an annual profit" is P1Y), no quarter of 2008.
    found = timex_values(sentence, WEDNESDAY)
    assert found == [("quarterly", "P3M"), ("two years", "P2Y")]


def test_a_past_day_told_of_is_not_a_planned_one() -> None:
    text = (
        "The Dow fell 777 points on Monday. Lawmakers will meet again on Thursday. "
        "Earlier in the day, Citigroup agreed to buy Wachovia."
    )
    assert _value_of(text, "Earlier in the day", dt.date(2008, 9, 29)) == "2008-09-29"


def test_a_planned_day_stays_the_reference_of_a_plan() -> None:
    text = (
        "The deal must be finalized by June 10. If no price is agreed on by that time, Fiat "
        "will pay the average of the estimates."
    )
    assert _value_of(text, "that time", dt.date(2011, 5, 29)) == "2011-06-10"


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The results for the year ended Dec. 31, 2007 were weak.", "the year", "2007"),
        ("Apple earned $1 billion for the quarter ended Sept. 27.", "the quarter", "2008-Q3"),
        ("Sales rose for the week ending Friday.", "the week", "2008-W41"),
        ("Toyota forecast a profit drop for the year to March 2009.", "the year", "2009"),
    ],
)
def test_a_period_ending_on_a_day_is_the_period_of_that_day(
    sentence: str, extent: str, value: str
) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Revenue rose 8 percent last quarter.", "last quarter", "2008-Q4"),
        ("Ford lost money in the fourth quarter.", "the fourth quarter", "2008-Q4"),
        ("Ford will return to profit in the fourth quarter.", "the fourth quarter", "2009-Q4"),
        ("Sales fell in December.", "December", "2008-12"),
        ("Sales fell on Dec. 30.", "Dec. 30", "2008-12-30"),
        ("Heating costs soared this winter.", "this winter", "2008-WI"),
        ("Deliveries will start this spring.", "this spring", "2009-SP"),
        ("Sales will fall again this fiscal year.", "this fiscal year", "FY2009"),
        ("Sales rose in the current quarter.", "the current quarter", "2009-Q1"),
    ],
)
def test_periods_named_early_in_a_year(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent, dt.date(2009, 1, 22)) == value


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        (
            "Nokia earned $1 billion in the third quarter, down from $1.5 billion in the "
            "year-ago quarter.",
            "the year-ago quarter",
            "2007-Q3",
        ),
        (
            "Unilever said sales in the second quarter beat the year-earlier quarter.",
            "the year-earlier quarter",
            "2007-Q2",
        ),
        (
            "Caterpillar's third-quarter orders fell 4 percent from the year-ago period.",
            "the year-ago period",
            "2007-Q3",
        ),
        (
            "Retail sales in September were flat with the year-ago month.",
            "the year-ago month",
            "2007-09",
        ),
        # No quarter named: a quarterly report tells of the last quarter completed.
        (
            "Earnings per share doubled from the year-ago quarter.",
            "the year-ago quarter",
            "2007-Q3",
        ),
        ("Year-ago earnings were restated.", "Year-ago", "2007"),
        (
            "Exports in the third quarter were 6 percent above a year earlier.",
            "a year earlier",
            "2007",
        ),
        ("Steel output rose 3 percent from a year ago.", "a year ago", "2007"),
    ],
)
def test_the_period_a_year_before_the_one_discussed(text: str, extent: str, value: str) -> None:
    assert _value_of(text, extent) == value


def test_a_year_ago_quarter_follows_the_quarter_discussed_not_a_day() -> None:
    text = (
        "On Tuesday, Intel said profit in the second quarter rose. Revenue was higher than in "
        "the year-ago quarter."
    )
    assert _value_of(text, "the year-ago quarter") == "2007-Q2"


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A week belongs to the month that holds its Thursday (ISO 8601's rule for years).
        (
            "The bonds were sold in the first week of October.",
            "the first week of October",
            "2008-W40",
        ),
        (
            "Talks stalled in the second week of September.",
            "the second week of September",
            "2008-W37",
        ),
        ("Output slumped in the last week of August.", "the last week of August", "2008-W35"),
        (
            "The mine will reopen in the first week of March 2009.",
            "the first week of March 2009",
            "2009-W10",
        ),
        (
            "The rights issue will close in the final week of November.",
            "the final week of November",
            "2008-W48",
        ),
    ],
)
def test_a_week_of_a_month(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # A fiscal year that straddles two calendar years is numbered by the one it ends in.
        (
            "BHP expects record output in the 2007/08 financial year.",
            "the 2007/08 financial year",
            "FY2008",
        ),
        ("Tata Steel's profit rose 20 percent in fiscal 2007-08.", "fiscal 2007-08", "FY2008"),
        ("Qantas cut its forecast for financial year 2008/09.", "financial year 2008/09", "FY2009"),
        (
            "The railway carried more freight in the 2006-2007 fiscal year.",
            "the 2006-2007 fiscal year",
            "FY2007",
        ),
    ],
)
def test_fiscal_years_named_by_two_calendar_years(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


def test_years_that_are_no_fiscal_year_stay_a_range() -> None:
    assert ("fiscal 2005-2009", "FY2009") not in timex_values(
        "The plan covers fiscal 2005-2009.", WEDNESDAY
    )


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # "So far this year" names this year; "year to date" is the same period.
        ("The index has lost 35 percent so far this year.", "this year", "2008"),
        ("The index has lost 35 percent year to date.", "year to date", "2008"),
        ("Barclays shares are down 40 percent this year to date.", "this year to date", "2008"),
        ("Year-to-date sales of trucks fell 12 percent.", "Year-to-date", "2008"),
        ("Deposits have grown in the quarter to date.", "the quarter to date", "2008-Q4"),
    ],
)
def test_the_period_so_far(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # Counts of quarters are durations, not dates.
        ("Sales have fallen in the last two quarters.", "the last two quarters", "P2Q"),
        ("GM has lost money for four consecutive quarters.", "four consecutive quarters", "P4Q"),
        ("Margins will stay thin for several quarters.", "several quarters", "PXQ"),
    ],
)
def test_counts_of_quarters_are_durations(sentence: str, extent: str, value: str) -> None:
    assert _value_of(sentence, extent) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Three quarters of the staff voted for the strike.",
        "The union won a quarter of the seats.",
    ],
)
def test_fractions_of_a_whole_are_no_quarters(sentence: str) -> None:
    assert timex_values(sentence, WEDNESDAY) == []


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        (
            "The Dow fell 700 points on Monday, its worst day since the attacks of September "
            "11, 2001. The Nasdaq lost 9 percent the same day.",
            "the same day",
            "2008-10-13",
        ),
        (
            "Oil rose on Tuesday to a level last seen on March 3, 2003. Earlier in the day, "
            "OPEC had agreed to cut output.",
            "Earlier in the day",
            "2008-10-14",
        ),
        (
            "Citigroup said on Monday that it would sell the unit, which it bought on June 2, "
            "1998. The bank's shares rose 4 percent that day.",
            "that day",
            "2008-10-13",
        ),
        (
            "Lehman filed for bankruptcy on Monday, the largest filing since the collapse of "
            "WorldCom on July 21, 2002. The next day, AIG was rescued.",
            "The next day",
            "2008-10-14",
        ),
        # A historical day that opens its sentence is the day the sentence tells of.
        (
            "On October 19, 1987, the Dow lost 22 percent. The same day, markets in Asia crashed.",
            "The same day",
            "1987-10-19",
        ),
        # A recent day stays a reference.
        (
            "Shares fell on Monday. On Oct. 1, the Fed cut rates, and bonds had rallied the "
            "day before.",
            "the day before",
            "2008-09-30",
        ),
    ],
)
def test_a_day_told_of_is_the_story_s_not_a_historical_one(
    text: str, extent: str, value: str
) -> None:
    assert _value_of(text, extent) == value
