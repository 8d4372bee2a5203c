"""Verbs that frame a nominal event without doing it: the noun is the act, the verb only says it
was reported or seen ("heavy shelling was reported", "residents heard gunfire"), how long it has
gone on ("the sit-in entered its tenth day", "the strike dragged into a third week"), or that
someone acted in it ("police seized the drugs in a joint operation").

A reporter is no doer: the act's doer is named by the noun's own modifiers ("Russian
airstrikes", "arrests by police") or not at all.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.extract.event_candidate import EventCandidate

# Verbs of reporting and perceiving whose object (or passive subject) is an event that happened:
# "clashes were reported", "residents heard heavy gunfire", "monitors recorded explosions".
REPORT_VERBS = frozenset({"report", "hear", "see", "witness", "record", "observe", "register"})

# Verbs of lasting, with the time the act has gone on as their object: "entered its tenth day",
# "stretched into a third week", "dragged on into a second month".
DURATION_VERBS = frozenset({"enter", "stretch", "drag", "extend", "spill", "run", "roll"})
TIME_UNITS = frozenset(
    {"day", "week", "month", "year", "hour", "night", "weekend", "phase", "stage", "round"}
)

# Operations an actor does something in: "dismantled the ring in a joint operation", "seized
# weapons in a series of raids". The verb's subject took part in the operation.
OPERATION_NOUNS = frozenset(
    {"operation", "raid", "crackdown", "offensive", "sweep", "swoop", "manhunt", "campaign"}
)


# Words that put a seen or lasting "strike" or "battle" on the sports pages: "fans saw a stunning
# strike", "the battle for the title entered its final week".
SPORTS_WORDS = frozenset({
    "title", "fan", "crowd", "spectator", "viewer", "audience", "midfielder", "defender",
    "striker", "goalkeeper", "player", "team", "side", "club", "stadium", "pitch", "season",
    "trophy", "medal", "match", "game", "final", "semifinal", "league", "cup", "tournament",
    "championship", "derby", "playoff", "race", "contest",
})  # fmt: skip


def _on_sports_pages(verb: Token) -> bool:
    return any(t.lemma_.lower() in SPORTS_WORDS for t in verb.subtree)


# "An explosion was reported at the plant", "there was a blast at the factory": a blast that is
# only reported or said to be may be an accident; framed so, it is an attack only when its
# phrase names the weapon ("a car bomb explosion", "a mortar blast").
BLAST_NOUNS = frozenset({"explosion", "blast"})
BLAST_WEAPONS = frozenset(
    {"bomb", "car", "suicide", "roadside", "mortar", "rocket", "missile", "drone", "grenade"}
    | {"ied", "artillery", "shell", "landmine", "mine", "bombing", "attack"}
)


def is_unexplained_blast(noun: Token) -> bool:
    """A bare explosion or blast, with no weapon named in its phrase."""
    if noun.lemma_.lower() not in BLAST_NOUNS:
        return False
    return not any(t.lemma_.lower() in BLAST_WEAPONS for t in noun.subtree)


def reported_frame(noun: Token) -> Token | None:
    """The verb of reporting or perceiving whose object or passive subject ``noun`` is, if any:
    "shelling was reported", "witnesses saw airstrikes" (not "analysts see talks as a way out":
    a judgement, and not "she saw to it")."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.lemma_.lower() not in REPORT_VERBS:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in {"ccomp", "xcomp", "oprd"} for c in verb.children):
        return None  # "saw talks fail", "reported the talks had stalled": the clause is the news
    if _on_sports_pages(verb):
        return None
    return verb


def lasting_frame(noun: Token) -> bool:
    """ "The sit-in entered its tenth day", "the strike stretched into a third week": the
    subject is an act that is still going on."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_.lower() in {"be", "remain"}:
        # "the talks are now in their third day"
        times = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.dep_ == "pobj" and any(p.dep_ == "poss" for p in g.children)
        ]
        return any(t.lemma_.lower() in TIME_UNITS for t in times) and not _on_sports_pages(verb)
    if verb.lemma_.lower() not in DURATION_VERBS:
        return False
    times = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod"}]
    preps = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ in {"into", "on"}]
    preps += [g for p in preps for g in p.children if g.dep_ == "prep" and g.lower_ == "into"]
    times += [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in TIME_UNITS for t in times) and not _on_sports_pages(verb)


def existential_frame(noun: Token) -> bool:
    """ "There was heavy fighting in the north", "there were arrests in several towns": the act
    is said to have happened."""
    verb = noun.head
    return (
        noun.dep_ == "attr"
        and verb.lemma_.lower() == "be"
        and any(c.dep_ == "expl" for c in verb.children)
        and not _on_sports_pages(verb)
    )


def operation_frame(noun: Token) -> Token | None:
    """The active verb whose subject did something "in" (or "during") the operation ``noun``
    names: "police dismantled the ring in a joint operation" (the police took part in it). A
    verb of harm ("killed in a raid") is suffered in the act, not done in it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "during"}:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    named = [noun] + [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]  # "in a series of raids"
    if not any(t.lemma_.lower() in OPERATION_NOUNS for t in named):
        return None
    return verb


def without_reporter(event: EventCandidate, noun: Token) -> EventCandidate:
    """The nominal event with no source when its source is only who reported or saw it:
    "residents reported heavy shelling" (the residents shelled no one). A doer the noun names
    itself ("reported Russian airstrikes", "arrests by police") or the sides of a clash stay."""
    if event.source is None or event.reciprocal:
        return event
    frame_noun = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        frame_noun = noun.head.head  # "dozens of arrests were reported"
    if reported_frame(frame_noun) is None:
        return event
    if any(t.i == event.source for t in frame_noun.subtree):
        return event
    return replace(event, source=None, note=_noted(event.note, "reporter is not the doer"))


def _noted(note: str, extra: str) -> str:
    return f"{note}; {extra}" if note else extra
