"""Contests and struggles that are no use of force: sports results, elections, efforts.

"Arsenal beat Chelsea 2-0", "the cricket team thrashed Australia by eight wickets", "she
defeated the incumbent in the runoff": a verb of beating or crushing reports a win, not an
assault, when its clause gives a score, a winning margin or the match or vote it was won in.
"Doctors fought to save the boy", "firefighters battled to contain the blaze": a fight towards
an aim of one's own is an effort; "the film attacks the excesses of Wall Street": a work
attacks no one.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dyad.extract.event_conventions import FORCES

# Verbs that are force in a war story and a win on the sports or election pages.
WIN_SENSE_VERBS = frozenset(
    {"beat", "defeat", "crush", "thrash", "rout", "hammer", "down", "edge", "stun", "overwhelm"}
    | {"smash", "sink", "demolish", "destroy", "topple", "whip", "maul", "batter", "pummel"}
    | {"trounce", "outclass", "overpower", "humiliate", "upset", "eliminate", "bury", "blank"}
    | {"sweep", "conquer", "dominate", "overcome", "knock", "oust", "dethrone", "wallop", "drub"}
    | {"annihilate", "obliterate", "outplay", "outgun", "tame", "floor", "shock", "dispatch"}
    | {"massacre", "murder", "slaughter", "pound", "batter"}
)
# "by eight wickets", "by two goals", "by 300 votes": the margin of a win.
MARGIN_NOUNS = frozenset(
    {"wicket", "run", "goal", "point", "stroke", "length", "second", "shot", "try", "frame"}
    | {"set", "vote", "margin", "seat", "innings", "inning", "basket", "touchdown", "round"}
)
# "in the final", "in Sunday's derby", "in the runoff": what the win was won in.
CONTEST_NOUNS = frozenset(
    {"final", "semifinal", "semi-final", "semi", "quarterfinal", "quarter-final", "match"}
    | {"game", "derby", "league", "cup", "tournament", "championship", "playoff", "playoffs"}
    | {"race", "series", "opener", "decider", "friendly", "qualifier", "fixture", "showdown"}
    | {"bout", "election", "vote", "poll", "polls", "runoff", "run-off", "primary", "ballot"}
    | {"contest", "leg", "tie", "heat", "open", "grand", "prix", "marathon", "sprint"}
)
# Who a win is over: "beat the champions", "crushed the home side".
CONTESTANTS = frozenset(
    {"team", "side", "club", "squad", "champion", "titleholder", "holder", "favourite"}
    | {"favorite", "underdog", "opponent", "rival", "challenger", "incumbent", "striker"}
    | {"goalkeeper", "seed", "runner-up", "cricketer", "footballer", "player", "athlete"}
)
SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


# "in the second half", "in the 89th minute": the time of play in a match report.
PLAY_TIMES = frozenset(
    {"half", "minute", "inning", "innings", "quarter", "period", "overtime", "round", "lap"}
)


def is_contest_result(verb: Token) -> bool:
    """Whether a verb of beating reports a sports or election win: its clause names a score, a
    margin, the match or vote, or a team or rival as the one beaten; or any verb of force is
    timed by the play of a match ("attacked relentlessly in the second half")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(_time_of_play(c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        return True
    if verb.lemma_.lower() not in WIN_SENSE_VERBS:
        return False
    return _has_score(verb) or any(_contest_phrase(c) or _contest_purpose(c) for c in verb.children)


# What a win is for: "crushed the Warriors to reach the finals", "beat Spain to win the title".
PRIZES = frozenset(
    {"final", "finals", "semifinal", "semifinals", "semi-final", "semi-finals", "quarterfinal"}
    | {"quarterfinals", "title", "crown", "trophy", "medal", "cup", "championship", "pennant"}
    | {"playoff", "playoffs", "round", "knockout", "lead", "top", "summit", "gold", "silver"}
)


def _contest_purpose(child: Token) -> bool:
    """ "to reach the finals", "to clinch the title": the win's purpose names a prize."""
    if child.dep_ not in {"advcl", "xcomp"} or child.pos_ != "VERB":
        return False
    objects = [c for c in child.children if c.dep_ in {"dobj", "attr"}]
    objects += [g for c in child.children if c.dep_ == "prep" for g in c.children]
    return any(o.lemma_.lower() in PRIZES or o.lower_ in PRIZES for o in objects)


def _has_score(verb: Token) -> bool:
    """ "2-0", "6-3, 6-4" (one token or three) in the verb's phrases."""
    words = [t for t in verb.subtree if t.sent == verb.sent]
    for i, token in enumerate(words):
        end = i
        if SCORE.match(token.text):
            end = i + 1
        elif (
            token.like_num
            and i + 2 < len(words)
            and words[i + 1].text in {"-", "–"}
            and words[i + 2].like_num
            and len(token.text) <= 3
            and len(words[i + 2].text) <= 3
        ):
            end = i + 3
        # "killing 10-15 fighters" is a range of people, not a score
        if end > i and (end >= len(words) or words[end].pos_ not in {"NOUN", "PROPN"}):
            return True
    return False


def _contest_phrase(child: Token) -> bool:
    lemma = child.lemma_.lower()
    if child.dep_ in {"dobj", "nsubjpass", "npadvmod", "nsubj"}:
        return lemma in CONTESTANTS or any(
            c.dep_ == "compound" and c.lemma_.lower() in CONTESTANTS for c in child.children
        )
    if child.dep_ not in {"prep", "agent"}:
        return False
    objects = [g for g in child.children if g.dep_ == "pobj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    if child.lower_ == "by":
        return any(o.lemma_.lower() in MARGIN_NOUNS for o in objects)
    if child.lower_ == "in":  # "beat fans at the match" may be an assault at a match
        return any(o.lemma_.lower() in CONTEST_NOUNS or o.lower_ in CONTEST_NOUNS for o in objects)
    return False


STATES = frozenset({"GPE", "NORP", "ORG"})
STRUGGLE_VERBS = frozenset({"fight", "battle", "struggle", "wrestle", "scramble", "race"})
# Works whose "attack" is criticism: "the film attacks", "the editorial attacked the plan".
WORKS = frozenset(
    {"film", "movie", "book", "novel", "article", "editorial", "column", "op-ed", "report"}
    | {"documentary", "song", "play", "essay", "speech", "letter", "study", "statement", "ad"}
    | {"advert", "advertisement", "campaign", "post", "tweet", "video", "cartoon", "show"}
)


def is_effort(verb: Token) -> bool:
    """ "fought to save", "battled to contain": a struggle towards an aim, not a fight; or a
    work (a film, an editorial) that "attacks" someone, which is criticism."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in WORKS:
        return True
    if verb.lemma_.lower() not in STRUGGLE_VERBS or any(
        c.dep_ == "dobj" or c.lower_ in {"against", "with", "between"} for c in verb.children
    ):
        return False  # "fought the rebels", "battled with police": a fight
    if subject is None or subject.lemma_.lower() in FORCES or subject.ent_type_ in STATES:
        return False  # "rebels fought to take the town": combat with an aim
    return any(
        c.dep_ in {"xcomp", "advcl"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _time_of_play(prep: Token) -> bool:
    """ "in the second half", "in the 89th minute" (not "in the second half of the year")."""
    return any(
        o.lemma_.lower() in PLAY_TIMES
        and any(c.dep_ == "amod" or c.tag_ == "JJ" or c.ent_type_ == "ORDINAL" for c in o.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
        for o in prep.children
        if o.dep_ == "pobj"
    )
