"""Days of a story told in the past: a bare weekday right after a date the text narrates
("On 3 March 2011, the army shelled the port. On Friday, it withdrew.") is that week's, the
TimeML temporal focus, not the week of publication; and a count of time "later" with no date
before it ("A week later, fighting resumed.") has nothing to count from.

News speaks of the present most of the time, so the weekday keeps the publication week where
the date before lies in the last weeks, where a report in the present comes between ("said on
Friday", "has", "now", "today"), where the sentence looks ahead, or where the date is history
the story only recalls.
"""

from __future__ import annotations

import re

from dyad.resolve.time_ranges import NARRATING_PAST, SENTENCE_END
from dyad.resolve.time_values import DAY, Date, Resolved

# A date this recent tells of the week of publication anyway: its weekdays are the anchor's.
STORY_AGE_DAYS = 14
# Sentences a narrated date governs after its own.
_STORY_SENTENCES = 2
_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+[\"“]?[A-Z]|\n")
# Words that bring a story back to the present, or point ahead of it.
_NOT_THE_STORY = re.compile(
    r"\b(?:has|have|is|are|says|say|now|currently|today|this\s+week|recent(?:ly)?|will|would|"
    r"shall|'ll|may|might|could|should|must|plans?|expects?|due|next)\b",
    re.IGNORECASE,
)
# A verb that narrates, a report ("said") left out: a report is the present of the news.
_PAST_VERB = re.compile(rf"\b(?:{NARRATING_PAST})\b", re.IGNORECASE)
# The news report of the present: "the ministry said on Friday".
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|claimed|denied)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "On Friday, the ministry said ...": the clause after the weekday reports.
_REPORTS = re.compile(
    r",?\s+(?:[\w'-]+\s+){0,3}(?:said|says|told|announced|reported|stated|confirmed)\b",
    re.IGNORECASE,
)
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t)\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Days counted from a day the story told: "The next day", a weekday of the story's week.
_STORY_RULES = ("anaphoric", "weekday-story")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\n][\"”']?)\s*$")


def last_told(
    text: str,
    spans: list[tuple[int, int]],
    resolved: list[Resolved],
    points: list[tuple[int, Date, int]],
    historical: set[int],
) -> tuple[int, Date] | None:
    """The (end offset, day) of the last day named in ``points`` (end, start of the period,
    grain; ``resolved`` are the resolutions of the ``spans`` before), if the text narrates it:
    it opens its sentence ("On 3 March 2011, the army ...", "The next day, ..."), is written
    with its year or counted from such a day, and is no history the story recalls
    (``historical``). A day of recent months named without a year ("On Nov. 5, voters approved
    the measure.") is background to the news, whose weekdays are the publication week's."""
    end, day = next(((end, day) for end, day, g in reversed(points) if g == 0), (None, None))
    if end is None or day is None or end in historical:
        return None
    i = next((i for i, (_, e) in enumerate(spans[: len(resolved)]) if e == end), None)
    if i is None or not _OPENS_SENTENCE.search(text, max(0, spans[i][0] - 3), spans[i][0]):
        return None
    dated = _YEAR.search(text, *spans[i]) or resolved[i].rule.startswith(_STORY_RULES)
    return (end, day) if dated else None


def story_weekday(
    text: str, span: tuple[int, int], r: Resolved, told: tuple[int, Date] | None, anchor: Date
) -> Resolved:
    """A bare weekday told in the past (``r``, resolved against the publication date) within two
    sentences of ``told``, the (end offset, day) of the last day the text narrates, as the
    weekday of that day's week: the first one on or after it, or on or before it in the past
    perfect ("had left on Monday")."""
    if told is None or r.rule != "weekday-past" or not r.value:
        return r
    told_end, day = told
    if (anchor - day).days <= STORY_AGE_DAYS:
        return r
    s, e = span
    starts = list(_SENTENCE_BREAK.finditer(text, told_end, s + 2))
    if len(starts) > _STORY_SENTENCES:
        return r
    after = SENTENCE_END.search(text, e)
    end = after.start() if after else len(text)
    begin = starts[-1].start() + 1 if starts else told_end
    if _NOT_THE_STORY.search(text, told_end, end) or not _PAST_VERB.search(text, begin, end):
        return r
    if _REPORTED.search(text, max(begin, s - 24), s) or _REPORTS.match(text, e):
        return r
    target = Date.fromisoformat(r.value).isoweekday()
    if target == day.isoweekday():
        return r  # named apart from the date, the same weekday is no day of its week
    if _PLUPERFECT.search(text, begin, end):
        found = day - ((day.isoweekday() - target) % 7) * DAY
    else:
        found = day + ((target - day.isoweekday()) % 7) * DAY
    timex = f"{found.isoformat()}{r.timex[10:]}" if r.timex else None
    return Resolved(found.isoformat(), None, "day", "weekday-story", timex)


# "A week later", "two days after": counted from a time the text names, never from publication.
_LATER = re.compile(r"\b(?:later|after)\s*$", re.IGNORECASE)


def unanchored_later(text: str, span: tuple[int, int], r: Resolved, counted: bool) -> Resolved:
    """A count of time "later" (``r``, rule "offset") with no earlier time in the text to count
    from (``counted`` False) stays unresolved, as TimeML leaves what it cannot anchor."""
    if counted or r.rule not in ("offset-later", "offset-after") or not _LATER.search(text, *span):
        return r
    return Resolved(None, None, "unknown", "offset-unanchored")
