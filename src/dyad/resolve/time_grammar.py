"""The grammar of time expressions: one anchored regex per form, named as its handler in
``dyad.resolve.time_rules.RULES`` (tried in that order), over the lower-cased expression."""

from __future__ import annotations

import functools
import re

from dyad.extract.dates import date_regexes, load_date_vocabulary


@functools.cache
def grammar() -> dict[str, re.Pattern[str]]:
    """Anchored regexes over the lower-cased, space-collapsed expression."""
    v = load_date_vocabulary()
    month = r"(?P<month>" + v.alternation("month") + r")\.?"
    wd = r"(?P<weekday>" + v.alternation("weekday") + ")"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    last = r"(?: ?[-–] ?(?P<last>\d{1,2})(?:st|nd|rd|th)?)?"  # "20-21 January": to the 21st
    year = r"(?P<year>\d{4})"
    num = date_regexes().number.replace("(?i:", "(?:")
    unit = r"(?P<unit>" + v.alternation("unit") + r"|centurie)s?"
    period = r"(?: (?P<period>" + v.alternation("dayperiod") + "))?"
    rel = (
        r"(?P<rel>this past|this coming|this|last|next|past|previous|preceding|prior|following|"
        r"coming|current|same)"
    )
    return {
        "deictic": re.compile(
            r"(?P<word>today|tonight|yesterday|tomorrow|overnight|last|this)" + period
        ),
        "set": re.compile(
            rf"(?:every|each) (?:{wd}{period}|(?P<unit>day|week|month|year)"
            rf"|(?:(?P<other>other)|(?P<num>{num})) (?P<units>day|week|month|year)s?)"
        ),
        "two-days": re.compile(r"the day (?P<dir>before|after) (?P<word>yesterday|tomorrow)"),
        "weekday": re.compile(rf"(?:(?:the )?{rel} )?{wd}{period}"),
        "day-of-month": re.compile(r"the (?P<day>\d{1,2})(?:st|nd|rd|th)"),
        "iso": re.compile(
            r"(?P<year>\d{4})([-/.])(?P<month>\d\d)\2(?P<day>\d\d)"
            r"(?:t(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d(?:\.\d+)?)?(?P<zone>z|[+-]\d\d:?\d\d)?)?"
            r"|(?P<eday>\d\d)\.(?P<emonth>\d\d)\.(?P<eyear>\d{4})"
        ),
        "month-day": re.compile(rf"(?:{wd},? )?(?:the )?{month} {day}{last}(?:,? {year})?"),
        "day-month": re.compile(rf"(?:{wd},? )?(?:the )?{day}{last} (?:of )?{month}(?:,? {year})?"),
        "month-year": re.compile(rf"{month}(?: of |,? ){year}"),
        "month": re.compile(rf"(?:{rel} )?{month}(?: (?:of )?(?P<yrel>next|last|this) year)?"),
        "year": re.compile(r"(?:the year )?(?P<year>\d{4})|'(?P<yy>\d\d)"),
        "the-unit": re.compile(r"the (?:full )?(?P<unit>week|month|quarter|year)"),
        "fiscal": re.compile(
            r"(?:fiscal(?:[ -]year)?|financial[ -]year)[ -](?P<year>\d{4})"
            r"(?: ?[-–/] ?(?P<end>\d\d|\d{4}))?"
            r"|fy[ -]?(?P<yy>(?:20)?\d\d)"
            r"|(?:the )?(?:(?P<rel>this|current|last|previous|prior|past|next|coming|same|new) )?"
            r"(?:(?P<named>\d{4})(?: ?[-–/] ?(?P<nend>\d\d|\d{4}))? )?(?:fiscal|financial)[ -]year"
        ),
        "period-end": re.compile(r"(?:the )?(?P<unit>year|quarter|month)(?:[ -]|'s )end"),
        "century": re.compile(
            rf"(?:the )?(?:(?P<edge>early|late|mid)[ -])?(?P<ord>{v.alternation('century')})"
            r"[ -]century"
        ),
        "holiday": re.compile(
            r"(?P<holiday>" + v.alternation("holiday") + r")(?:,? (?P<year>\d{4}))?"
        ),
        "year-range": re.compile(
            r"(?:between |from )?(?P<year>\d{4}) ?(?:-|–|/|and|to|until|through) ?(?P<end>\d{2,4})"
        ),
        "decade": re.compile(
            r"(?:the )?(?:(?P<edge>early|late|mid)[ -])?(?P<decade>\d{3}|'\d)0'?s"
        ),
        "relative": re.compile(
            rf"(?:the )?{rel.replace('|same)', '|same|that same|that)')} "
            r"(?:(?:fiscal|financial) (?=quarter))?"
            r"(?P<unit>week|weekend|month|year|decade|quarter|century)"
            r"(?P<ago> a year (?:ago|earlier|before)| last year)?"
        ),
        "anaphoric": re.compile(
            r"(?:the |that )?(?:(?P<rel>same|very|next|following|previous|preceding) )?day"
            r"(?: (?P<dir>before|after|earlier|later))?|that (?:same )?(?:day|time)"
            rf"|(?:the (?P<prel>same|very|next|following|previous|preceding)|that(?: same)?) "
            rf"(?P<period>{v.alternation('dayperiod')})"
        ),
        "unit-anaphoric": re.compile(
            r"the (?P<unit>week|month|quarter|year) (?P<dir>before|after|earlier|later|previous|"
            r"prior)"
        ),
        "weekend": re.compile(r"(?:over )?the weekend"),
        "week-ago-weekday": re.compile(rf"a week ago (?:last )?{wd}"),
        "slash": re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d\d)"),
        "annual": re.compile(r"annual"),
        "months-quarter": re.compile(
            rf"(?:the )?(?:(?P<first>{v.alternation('month')})\.? ?[-–] ?)?"
            rf"(?P<last>{v.alternation('month')})\.? quarter"
        ),
        "fortnight": re.compile(r"(?:the )?(?:past|last|next|coming|previous|following) fortnight"),
        "unit-ago": re.compile(
            r"(?:the )?(?P<unit>year|month|week|day)-(?P<dir>ago|earlier)"
            r"(?: (?P<noun>quarter|period|month|week))?"
        ),
        "week-of-month": re.compile(
            rf"(?:the )?(?P<ord>first|second|third|fourth|last|final) week of {month}"
            rf"(?:,? {year})?"
        ),
        "unit-of-the-year": re.compile(
            r"(?:the )?(?P<ord>first|second|third|fourth|last|final) (?P<unit>week|month) of "
            r"the year"
        ),
        "unit-of-year": re.compile(
            r"(?:the )?(?P<ord>first|second|third|fourth|last|final) (?P<unit>week|month) of "
            r"(?:(?P<yrel>this|next|last) year|(?P<year>\d{4}))"
        ),
        "ahead": re.compile(
            r"(?:the )?(?:(?P<unit>week|month|year) ahead|(?P<units>day|week|month|year)s "
            r"(?:ahead|to come))|(?P<mid>mid-?week)"
        ),
        "same-time": re.compile(
            r"(?:this|the same) time (?:(?P<rel>last|next) (?P<unit>week|month|year)"
            r"|a (?P<unit2>week|month|year) (?:ago|earlier|before))"
        ),
        "turn": re.compile(
            r"the turn of the (?:(?P<rel>last|next|this|new|present|current) )?"
            rf"(?:(?P<ord>{v.alternation('century')})[ -])?(?P<unit>century|millennium|year)"
        ),
        "nth-weekday": re.compile(
            rf"(?:the )?(?P<ord>first|second|third|fourth|last|final) {wd} (?:of|in) {month}"
            rf"(?:,? {year})?"
        ),
        "new-year": re.compile(r"the new year"),
        "to-date": re.compile(r"(?:the |this )?(?P<unit>year|quarter|month)[ -]to[ -]date"),
        "quarters": re.compile(
            r"(?:the (?:past|last|next|previous|coming|first|final|following) )?"
            rf"(?P<num>{num})[ -](?:(?:straight|consecutive|successive|more|full) )?quarters"
        ),
        "units-time": re.compile(rf"(?P<num>{num})[ -]{unit}'s? time"),
        "duration-range": re.compile(
            rf"(?:between )?(?P<num>{num}) ?(?:-|–|to|and|or) ?(?P<num2>{num})[ -]{unit}"
        ),
        "offset": re.compile(
            r"(?:(?:nearly|almost|roughly|approximately|some|more than|less than|at least|just|"
            r"only|(?:a )?little (?:more|less) than|well over|over|under|barely|exactly) )?"
            rf"(?P<num>{num})[ -]{unit}(?P<half> and a half)? "
            r"(?P<dir>ago|earlier|later|from now|before|after)"
        ),
        "duration": re.compile(
            r"(?:(?:about|around|nearly|almost|roughly|approximately|some|more than|less than|"
            r"at least|over|under|up to|just) )?(?:the (?:past|last|next|previous|coming|first|"
            rf"final|following) )?(?P<num>{num})[ -](?:(?:straight|consecutive|more|full|long|"
            rf"additional|trading|business) )?{unit}(?:-long| (?P<half>and a half))?"
        ),
        "vague-duration": re.compile(
            r"(?:(?:the|recent|past|last|coming|next|several|many|few) )*"
            r"(?P<unit>decade|year|month|week|day|hour|minute)s?(?:-long)?"
        ),
        "quarter": re.compile(
            rf"(?:(?P<pyear>\d{{4}})'s |(?P<pyrel>this|last|next) year's )?(?:the )?"
            r"(?:(?P<fpre>fiscal) (?:(?:year )?(?P<fyear>\d{4})(?:'s)? )?)?"
            rf"(?P<ord>{v.alternation('ordinal')}|last|latest|"
            r"most recent)[ -](?:(?P<fmid>fiscal|financial) )?"
            r"(?P<part>quarter|half)"
            rf"(?: of (?:(?P<fiscal>fiscal (?:year )?)?{year}|(?P<yrel>this|last|next|the previous|"
            r"the current|the same|the) "
            r"year)|,? (?P<ayear>\d{4}))?"  # "the fourth quarter 2007", "third-quarter 2008"
            r"|(?P<qp>[qh])(?P<q>[1-4])(?: (?:of )?(?P<qyear>\d{4}))?"
        ),
        "season": re.compile(
            r"(?:(?P<rel>this past|this|last|next|coming|early|late|the) )*(?P<season>"
            + v.alternation("season")
            + r")(?: (?:of )?(?P<year>\d{4}))?"
        ),
        "clock": re.compile(
            r"(?:(?P<h>\d{1,2})(?:[:.]?(?P<m>\d\d))? ?(?P<ampm>a\.m\.|p\.m\.|am|pm)?"
            r"(?: ?\(?(?P<tz>utc|gmt|local time|[ecmp][sd]t|et|pt|bst|cet|cest|msk)[^)]*?\)?)?"
            r"|(?P<word>noon|midnight|midday))"
            rf"(?:,? (?:on )?(?P<weekday>{v.alternation('weekday')}))?"
        ),
    }
