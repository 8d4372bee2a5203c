"""The present simple of what is scheduled: "the court hears the case on Monday", "talks resume
in March", "the consultation closes in the final week of November". English uses it for events
fixed by a timetable, so a bare weekday or month in its clause lies ahead; a narrative past
("the court heard the case on Monday") or a headline ("Apple unveils MacBook on Tuesday", told
in the historical present) does not.

Many of these verbs are plural nouns too ("press releases", "stock returns", "new rules"), so
a verb counts only after a word that can end a subject, and the riskiest only with the words that
make them verbs ("visits Cairo", "travels to", "takes effect").
"""

from __future__ import annotations

import re

# Third person singular verbs that read as verbs wherever a subject precedes them.
_SINGULAR = (
    r"closes|ends|(?:re)?opens|(?:begins|starts|decides)(?! to\b)|resumes|reconvenes|convenes|"
    r"meets|hears|arrives|gathers|expires|lapses|concludes|testifies|retires|adjourns|sits|"
    r"continues|kicks off|wraps up|steps down|gets under way|gets underway"
)
# A milestone: an ordinal day (week, ...) or an anniversary, not "its best day".
_MILESTONE = (
    r"(?:its|their|the|an?) (?:[\w'’]+ )?(?:(?:\w+th|first|second|third|\d+(?:st|nd|rd|th)) "
    r"(?:day|week|month|year|anniversary)|anniversary)\b"
)
# Third person singular verbs that are also common plural nouns, with the words that must follow.
_SINGULAR_WITH = (
    r"visits(?= [A-Z])|(?:travels|flies|heads|returns|departs|goes|moves)"
    r"(?= (?:to|for|home|back)\b)|leaves(?= (?:for\b|[A-Z]))"
    r"|plays(?= (?:host|at home|away)\b| [A-Z])"
    r"|faces(?= (?:trial|a vote|a run-off|a runoff|elections?|re-election)\b| [A-Z])"
    r"|hosts(?= (?:the|a|an)\b| [A-Z])|holds(?= (?:its|a|an|the|talks|elections?)\b| [A-Z])"
    r"|takes (?:place|effect|office|over)|(?:comes|enters) into (?:force|effect)|enters office"
    # A milestone the calendar brings: "the strike enters its third day on Monday".
    rf"|(?:enters|marks|reaches)(?= {_MILESTONE})|withdraws(?= from\b)"
    r"|becomes (?:effective|law)|falls(?= on\b)|runs(?= (?:until|till|through)\b)"
    r"|reports(?= (?:its|their|results|earnings|quarterly|first|second|third|fourth|full)\b)"
    r"|releases(?= (?:its|their|the|results|figures|data)\b)|votes(?= (?:on|to|for|in)\b)"
    r"|appears(?= (?:in|before)\b)|launches(?= (?:its|the|a)\b| [A-Z])"
    r"|(?:debates|plans|stages)(?= (?:the|a|an|it|its|new|further)\b)"
    r"|(?<=court |judge |panel )rules(?= on\b)"
    # The passive of what is timetabled: "the report is published on Tuesday".
    r"|(?:is|are) (?:held|sworn in|published|announced|released|opened|reopened|closed|"
    r"launched|unveiled|inaugurated|debated|heard|staged|played|broadcast|presented|tabled|"
    r"discussed|decided|signed|put to a vote)"
)
# The base form after a plural subject: "talks resume", "ministers gather", "polls close".
_PLURAL = (
    r"resume|reconvene|convene|meet|gather|(?:re)?open|close|(?:begin|start|decide)(?! to\b)|"
    r"expire|arrive|sit|adjourn|conclude|testify|continue|kick off|wrap up|get under ?way|"
    r"return(?= (?:to|from|home)\b)|(?:head|go|travel|fly|move)(?= (?:to|for)\b)"
    r"|leave(?= (?:for\b|[A-Z]))|take (?:place|effect|office|over)|come into (?:force|effect)"
    r"|face(?= (?:trial|a vote|elections?)\b| [A-Z])|play(?= (?:host|at home|away)\b| [A-Z])"
    r"|hold(?= (?:talks|elections?|a|an|their)\b| [A-Z])|vote(?= (?:on|to|for|in)\b)"
    rf"|appear(?= (?:in|before)\b)|(?:enter|mark|reach)(?= {_MILESTONE})|withdraw(?= from\b)"
    # An exchange agreed for a day: "Russia and Ukraine swap prisoners on Friday".
    r"|(?:swap|exchange|trade)(?= (?:prisoners|captives|detainees|hostages|bodies|POWs)\b)"
    r"|(?:debate|plan|stage)(?= (?:the|a|an|it|its|their|new|further)\b)"
)
# A subject before the verb: a noun or name ("the court", "Parliament"), not a determiner or an
# adjective of a plural noun ("the new rules", "his visits", "press releases").
_NOT_SUBJECT = frozenset(
    {
        *("the", "a", "an", "his", "her", "its", "their", "our", "your", "my", "these", "those"),
        *("this", "some", "many", "several", "few", "new", "recent", "further", "more"),
        *("other", "such", "of", "and", "or", "for", "in", "on", "at", "to", "with", "by", "from"),
        *("press", "stock", "bank", "product", "state", "official", "two", "three", "four"),
        *("will", "would", "could", "should", "might", "must", "may", "can", "did", "does", "do"),
        *("not", "n't", "never", "also", "where", "when", "if", "is", "was"),
        *("has", "as", "us", "goes", "less", "yes", "always", "usually"),
    }
)
_PLURAL_SUBJECT = re.compile(
    r"(?:[a-z]+[^s\W]s|they|we|you|people|police|both|all|which|who|that)$"
)
# A subject of two names is plural: "Russia and Ukraine swap prisoners".
_AND_BEFORE = re.compile(r"\b[A-Z][\w'-]*\s+and\s+$")
_VERB = re.compile(rf"(?<![\w-])(?:(?P<sg>{_SINGULAR}|{_SINGULAR_WITH})|(?P<pl>{_PLURAL}))\b(?!-)")
_WORD_BEFORE = re.compile(r"([\w']+)(?:\s+(?:again|also|formally|only|now|then|\w+ly))?\s+$")
# A parenthesis between the subject and its verb: "the talks, now in their second day, resume".
_PARENTHESIS = re.compile(r"([\w']+)\s*,[^,.;!?\n]{3,60},\s+$")
# Between the verb and the time: no verb in the past and no clause that could hold one ("the court
# hears the case of a man who fled in March").
_PAST_BETWEEN = re.compile(
    r"\b(?:(?!(?:scheduled|planned|expected|slated|timed|needed|required|proposed|intended|"
    r"need|speed|seed|feed|breed|hundred|indeed|bed|red|shed|united)\b)[a-z]{2,}ed|was|were|had|did|said|told|began|begun|came|went|fell|won|lost|met|left|"
    r"held|made|saw|broke|struck|hit|sent|spent|led|fled|rose|fought|took|gave|got|ran|who|"
    r"which|that|after|since|because|when|while|as|than|ago)\b"
)
_CLAUSE_END = re.compile(r"[.!?;\n]")
_LINE_END = re.compile(r"[.!?:\"”'’)]\s*$")
# A scheduled event is near the time it is told with: "talks resume in Geneva on Monday".
_REACH = 70


def scheduled_present(text: str, window_start: int, start: int) -> list[re.Match[str]]:
    """Verbs in the present simple of scheduled events in ``text[window_start:start]`` that
    govern the time expression at ``start``, with no verb in the past between them."""
    lo = max(window_start, start - _REACH)
    return [
        m
        for m in scheduled_verbs(text, lo, start)
        if not _PAST_BETWEEN.search(text, m.end(), start)
        and not _CLAUSE_END.search(text, m.end(), start)
    ]


def scheduled_verbs(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Verbs in the present simple of scheduled events in ``text[start:end]`` after a word that
    can end their subject; none in a headline (a line with no final stop)."""
    line_end = text.find("\n", end)
    if not _LINE_END.search(text, end, len(text) if line_end < 0 else line_end):
        return []
    verbs = []
    # A verb may need to see the word after it ("falls on Friday"): the span's preposition.
    for m in _VERB.finditer(text, start, min(len(text), end + 12)):
        if m.end() > end:
            break
        window = max(0, m.start() - 80)
        before = _WORD_BEFORE.search(text, window, m.start()) or _PARENTHESIS.search(
            text, window, m.start()
        )
        if before is None:
            continue
        word = before.group(1)
        # A second verb of its subject: "the summit opened on Monday and closes on Wednesday".
        coordinated = word == "and" and m.group("sg") is not None
        if not coordinated and (word.lower() in _NOT_SUBJECT or word[-1].isdigit()):
            continue
        plural = _PLURAL_SUBJECT.search(word.lower()) or _AND_BEFORE.search(
            text, window, before.start(1)
        )
        if m.group("pl") and not plural:
            continue
        verbs.append(m)
    return verbs
