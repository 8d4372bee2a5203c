"""Whether the words around a time expression point ahead ("will meet on Tuesday", "the summit
is in March"): a bare weekday or month then names the next one, not the last."""

from __future__ import annotations

import re

from dyad.resolve.time_schedule import scheduled_present, scheduled_verbs

_FUTURE_BEFORE = re.compile(
    # "may" the modal, not the month ("seized the town in May 2024").
    r"\b(?:will|shall|'ll|(?:would|(?-i:may)|might|should|could|must)(?! have\b)|"
    r"(?:is|are) (?:due|scheduled|set|expected|slated|planned|timed|pencill?ed in|earmarked|to)|"
    r"(?:was|were) (?:due|scheduled|expected|slated|set (?=to|for))|"
    r"plans? to|planning to|(?:expects?|expecting|aims?|hopes?|intends?) (?:\w+ ){0,3}?to|"
    # What a firm expects is ahead: "Ford expects a recovery in the second half".
    r"(?:expects?|expecting|anticipates?|predicts?|foresees?)(?= (?:a|an|the|its|their|\w+s)\b)|"
    r"upcoming|next (?:week|weekend|month|year)|tomorrow)\b",
    re.IGNORECASE,
)
# Present tense with a time ahead of the speaker: "the summit is in March", "ahead of Sunday's
# vote" (right before the expression), and the progressive news uses for arrangements ("Apple
# is launching the phone in June"), unless a clause in the past comes between ("Israel is
# pressing an offensive which began in October").
_PRESENT_PLAN = re.compile(
    r"\b(?:ahead of|in the run-up to|due(?: (?:on|in|by|at|for))? ?$|"
    r"(?:is|are)(?: (?:now|still|currently|tentatively|provisionally|again))?"
    r"(?: (?:held|due|slated))?(?: (?:on|in|for|at))? ?$)",
    re.IGNORECASE,
)
# A new date for something put off lies ahead ("the vote was postponed to March 2", "delayed
# until Friday"), not the day it was put off on ("the trial was delayed in March").
_POSTPONED = re.compile(
    r"\b(?:postponed|delayed|moved|pushed back|rescheduled|deferred|put off|adjourned)"
    r"(?: (?:to|until|till|for))? ?$",
    re.IGNORECASE,
)
_AT_TIME = re.compile(r"(?:in|on|at|during|since|earlier|early|late|last|this)\b", re.IGNORECASE)
# Only verbs of arrangements: "police are investigating a crash Thursday" is about the past.
_PROGRESSIVE = re.compile(
    r"\b(?:is|are|'s|'re) (?:\w+ly )?(?:launching|holding|hosting|visiting|travell?ing|meeting|"
    r"leaving|heading|flying|going|coming|arriving|returning|opening|closing|starting|beginning|"
    r"releasing|unveiling|introducing|playing|joining|stepping down|resigning|retiring|moving|"
    r"signing|voting|holding|staging|convening|resuming|relocating|headlining|performing|"
    r"speaking|testifying|appearing|taking office|kicking off|wrapping up)\b",
    re.IGNORECASE,
)
_PAST_CLAUSE = re.compile(
    r"\b(?:which|that|who|when|after|since|because|while|as|[a-z]+ed|began|begun|took|came|went|"
    r"fell|won|lost|met|left|held|made|saw|broke|struck|hit|sent|spent|led|fled|rose|fought)\b",
    re.IGNORECASE,
)
# A report in the past after the plan is about the past: "who will travel to Paris, said on
# Tuesday"; "the army is fighting in Aleppo, officials said on Monday".
_PAST_AFTER_PLAN = re.compile(
    r"\b(?:said|told|announced|added|reported|confirmed|stated|claimed|denied|was|were|had|did|"
    r"(?:it|they|he|she|we|who|which|that) (?:[a-z]+ed|fell|rose|grew|lost|made|sold|won|took|"
    r"saw|came|went|began|sank|shrank|slid))\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"\s*(?:will|'ll|is (?:due|set|scheduled|expected)|are (?:due|set)|"
    r",? at the (?:earliest|latest))\b"
    # A fronted time before its clause: "This spring, Apple will launch a phone" (but not "On
    # Monday, GM said it will": a report in the past is about the past).
    r"|,\s*(?:(?!(?:said|told|says|announced|reported|added|that|which|who)\b)(?![a-z]+ed\b)"
    r"[\w'.&-]+\s+){1,3}(?:will|is (?:due|set|scheduled|expected) to|are (?:due|set|"
    r"scheduled|expected) to|plans? to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
# A verb in the past right before the expression: "the strike ended on Jan. 25", "was held in
# the third quarter"; not the participles of plans ("scheduled for", "postponed to").
_PAST_BEFORE = re.compile(
    r"\b(?:was|were|(?!(?:scheduled|planned|expected|slated|timed|earmarked|postponed|delayed|"
    r"moved|pushed|rescheduled|deferred|adjourned|called|fixed|proposed|intended|needed|"
    r"required|tabled|penciled|pencilled|pegged|targeted|projected|forecast|aimed)\b)"
    r"(?<!\bbe )[a-z]{3,}ed|"  # not a passive to come: "must be repaid by March"
    r"began|ended|came|fell|rose|grew|held|met|won|lost|died|fled|took place|struck|hit|said|"
    r"told|spoke|signed|left|ran|went|kept|stood|sat|gave|got|brought|fought|sought|built|sent|"
    r"spent|felt|drove|rode|wrote|broke|chose|threw|knew|drew|flew|shot|led|hid|shook|took|"
    r"became|paid|laid|sold|withdrew|overthrew|stuck|hung|swung|spun|sank|slid|bled|fed)"
    r"(?: (?:on|in|at|during|by|since))? ?$",
    re.IGNORECASE,
)

# A clause told in the past ("A380s were delivered to ten customers by December"), unless the
# past is of a plan ("was due to", "were set to", "had planned to").
_PAST_CLAUSE_VERB = re.compile(
    r"\b(?:was|were|had)\b(?! (?:to|due|set|expected|scheduled|slated|going|about|planned|"
    r"hoped|intended|aimed|until|till)\b)",
    re.IGNORECASE,
)


# A fronted time before a perfect told in the past: "by Jan. 5, the army had taken the town".
_PERFECT_AFTER = re.compile(
    r",?\s+(?:(?:it|they|he|she|we|the\s+\w+|\w+)\s+)?had\s+"
    r"(?:(?:already|largely|all\s+but|almost|nearly)\s+)?(?!got\b)[a-z]+(?:ed|en|wn|ne|t)\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"since\b", re.IGNORECASE)
_UNTIL = re.compile(r"(?:until|till)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|'s been|'ve)\b", re.IGNORECASE)


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding a span speaks of the future anywhere ("If a price is not
    agreed on by that time, Fiat will pay")."""
    ends = list(_SENTENCE_END.finditer(text, max(0, start - 200), start))
    first = ends[-1].end() if ends else max(0, start - 200)
    after = _SENTENCE_END.search(text, end)
    last = after.start() if after else len(text)
    return bool(
        _FUTURE_BEFORE.search(text, first, last)
        or _PRESENT_PLAN.search(text, first, start)
        or _postponed(text, first, start)
        or scheduled_verbs(text, first, last)
    )


def _postponed(text: str, window_start: int, start: int) -> list[re.Match[str]]:
    """ "postponed to" right before the span, unless the span tells when it was put off."""
    if _AT_TIME.match(text, start):
        return []
    m = _POSTPONED.search(text, window_start, start)
    return [m] if m else []


def infer_tense(text: str, start: int, end: int) -> str | None:
    """'future' when the words around a span point ahead ("will meet on Tuesday"), 'past' when
    a verb in the past stands right before it ("the strike ended on Jan. 25") or the clause
    before it is told in the past ("was delivered to ten customers by December"), else None."""
    window_start = max(0, start - 80)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    if _SINCE.match(text, start):
        return "past"  # "held in prison since March": since always looks back
    if _FUTURE_AFTER.match(text, end):
        return "future"
    if _PERFECT_AFTER.match(text, end):
        return "past"
    cues = [
        *_FUTURE_BEFORE.finditer(text, window_start, start),
        *_PRESENT_PLAN.finditer(text, window_start, start),
        *_postponed(text, window_start, start),
    ]
    cues += [
        m
        for m in _PROGRESSIVE.finditer(text, window_start, start)
        if not _PAST_CLAUSE.search(text, m.end(), start)
    ]
    cues += scheduled_present(text, window_start, start)
    if not cues:
        # The verb's lookahead sees the span's first word: "had until Friday" is a deadline.
        ahead = min(len(text), start + 8)
        past = _PAST_BEFORE.search(text, window_start, start) or any(
            m.end() <= start for m in _PAST_CLAUSE_VERB.finditer(text, window_start, ahead)
        )
        # "has kept the markets closed until Friday": a state lasting into the days ahead.
        if past and _UNTIL.match(text, start) and _PERFECT.search(text, window_start, start):
            return None
        return "past" if past else None
    last = max(m.end() for m in cues)
    return None if _PAST_AFTER_PLAN.search(text, last, start) else "future"
