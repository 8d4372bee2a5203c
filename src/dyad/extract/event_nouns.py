"""Event nouns: when a noun that matches a pattern names an act that happened.

A bare noun ("the agreement remains achievable") is a topic. It is an event with a light verb
("held talks"), an argument of its own ("the bombing of the hospital"), a verb saying it happened
("fighting erupted", "talks, which began on Monday"), or as what someone took part in.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_arguments import noun_source, pobj_of
from dyad.extract.event_frames import (
    existential_frame,
    is_unexplained_blast,
    lasting_frame,
    operation_frame,
    reported_frame,
)
from dyad.extract.non_agents import non_agent_nouns
from dyad.extract.patterns import EventPattern, PatternBook, lemma_forms

STANCE_TYPES = {"REJECT", "SUPPORT", "ACCUSE", "REQUEST"}


OCCUR_VERBS = {
    "erupt", "continue", "rage", "break", "kill", "hit", "destroy", "intensify", "escalate",
    "resume", "occur", "happen", "take", "leave", "target", "wound", "injure", "damage", "begin",
    "explode", "go", "rock", "rip", "tear", "claim", "spread", "flare", "mark", "paralyse",
    "paralyze", "cripple", "disrupt", "grip", "sweep", "engulf", "shake", "halt", "reach",
    "arrive", "ensue", "unfold", "start", "commence", "ring", "echo", "resound",
}  # fmt: skip


# Verbs that say an act happened only when they take no object: "talks ended", unlike "the
# agreement ends two years of conflict".
INTRANSITIVE_OCCUR = {"end", "conclude", "last"}


# Verbs whose subject, a protest, draws a crowd: "the rally drew thousands".
CROWD_VERBS = {"draw", "attract", "bring", "mobilise", "mobilize", "swell"}


# Nouns that take their event from a compound: "mediation effort", "bombing campaign".
GENERIC_EVENT_HEADS = {
    "effort", "efforts", "campaign", "mission", "operation", "package", "programme", "program",
    "process", "initiative", "drive", "wave", "spree",
}  # fmt: skip


ARRIVAL_VERBS = {"sit", "arrive", "gather", "meet", "convene", "travel", "fly", "head", "come"}


MEASURE_HEADS = {
    "wave", "series", "spate", "barrage", "string", "round", "volley", "salvo", "flurry",
    "delivery", "deliveries", "distribution", "shipment", "shipments", "provision", "imposition",
    # quantities: "made dozens of arrests", "a number of raids were carried out"
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
    "number", "couple", "handful", "host", "raft", "slew",
}  # fmt: skip


# "survived an assassination attempt", "escaped an ambush": the act happened, to the subject.
SURVIVE_VERBS = {"survive", "escape", "dodge", "evade", "outlive"}


PARTICIPATION_VERBS = {"engage", "participate", "join", "involve", "persist", "continue"}


# "the talks were useful", "the accord seems fragile": an adjective said of a verbal or
# cooperative act is a comment on it (CAMEO 012/013, optimistic or pessimistic comment), which
# PLOVER does not code; the act itself is not what the sentence reports. ("The attack was
# brutal" still reports an attack: force is coded when it is named.)
EVALUATED_TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE"}
COPULAS = {"be", "seem", "prove", "remain", "appear", "look", "sound"}


# "Moscow called the sanctions illegal", "branded the raids a war crime": the act is the topic of
# a judgement (a comment or an accusation by the speaker), not an act the sentence reports.
LABEL_VERBS = {"call", "describe", "term", "label", "brand", "deem", "dub", "judge", "find"}


def _evaluated(noun: Token, pattern: EventPattern) -> bool:
    head = noun.head
    if (
        noun.dep_ == "dobj"
        and head.lemma_.lower() in LABEL_VERBS
        and any(c.dep_ == "oprd" for c in head.children)
    ):
        return True
    return (
        pattern.event_type in EVALUATED_TYPES
        and noun.dep_ == "nsubj"
        and head.lemma_.lower() in COPULAS
        and any(
            c.dep_ == "acomp" and c.pos_ == "ADJ" and not any(g.dep_ == "xcomp" for g in c.children)
            for c in head.children
        )  # "talks are due to end": a schedule, not a comment
    )


def noun_fits(noun: Token, pattern: EventPattern, book: PatternBook) -> list[Token] | None:
    if _evaluated(noun, pattern) or _in_a_market(noun):
        return None
    tokens = [noun]
    if pattern.modifier:
        mod = next(
            (
                c
                for c in noun.children
                if c.dep_ in {"compound", "amod"} and c.lemma_.lower() == pattern.modifier
            ),
            None,
        )
        if mod is None and not _modifier_after(noun, pattern.modifier):
            return None
        if mod is not None:
            tokens.append(mod)
    # "a mediation effort", "a bombing campaign": the event noun names what the effort is.
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in GENERIC_EVENT_HEADS:
        noun = noun.head
        tokens.insert(0, noun)
    # "a wave of strikes", "a fresh round of talks": the measure stands where the event noun would.
    elif noun.dep_ == "pobj" and (
        (noun.head.lower_ == "of" and _measures(noun.head.head))
        or (noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "responsibility")
    ):  # "claimed responsibility for the attack": the claim is of the attack
        noun = noun.head.head
        tokens.insert(0, noun)
    # "The sit-in outside parliament entered its tenth day": the parser sometimes makes the
    # event noun a modifier of the place after it; the phrase then stands where the noun would.
    elif noun.dep_ == "nmod" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
        tokens.insert(0, noun)
    # A bare noun ("the agreement remains achievable") is a topic, not an event: it needs a light
    # verb, an argument of its own, or to be what happened ("fighting erupted").
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and is_light_verb(head, book):
        return tokens
    if (
        pattern.event_type not in STANCE_TYPES
        and not is_unexplained_blast(noun)
        and (reported_frame(noun) is not None or lasting_frame(noun) or existential_frame(noun))
    ):
        return tokens  # "heavy shelling was reported", "the sit-in entered its tenth day"
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"} and _proceeding(pattern):
        return None  # "won the lawsuit", "the charges were dismissed": a step in a case
    if noun.dep_ == "dobj" and head.lemma_.lower() in SURVIVE_VERBS and head.pos_ == "VERB":
        return tokens  # "survived an assassination attempt": the attempt happened
    if noun.dep_ in {"nsubj", "nsubjpass"} and _in_force(head):
        return tokens  # "the truce came into force", "a curfew remained in force"
    # "fighting erupted", "talks resumed"; a stance noun ("the opposition tore into ...") names
    # who speaks, not what happened.
    if (
        noun.dep_ == "nsubj"
        and pattern.event_type not in STANCE_TYPES
        and any(_says_it_happened(v) for v in _governing_verbs(head))
    ):
        return tokens
    # "talks, which began on Monday, ...": a relative clause says the noun happened.
    if pattern.event_type not in STANCE_TYPES and any(
        c.dep_ == "relcl" and _says_it_happened(c) for c in noun.children
    ):
        return tokens
    if (
        noun.dep_ == "nsubj"
        and pattern.event_type == "PROTEST"
        and head.lemma_.lower() in CROWD_VERBS
    ):
        return tokens  # "rallies drew thousands", "the march attracted large crowds"

    if taking_part(noun):
        return tokens
    # "died in a rocket attack": the attack happened. After "killed" or "wounded", itself
    # coded, only an attack is the same act ("killed in ethnic riots" is no second event).
    casualty = suffered_in(noun)
    if (
        casualty is not None
        and pattern.event_type not in STANCE_TYPES
        and (casualty.lemma_.lower() in DEATH_VERBS or pattern.event_type == "ASSAULT")
    ):
        return tokens
    if _own_argument(noun, pattern) is not None or noun_source(noun) is not None:
        return tokens
    return None


def _measures(head: Token) -> bool:
    """ "a wave of strikes", "dozens of arrests", "a number of raids"; not "the number of
    executions" (a statistic)."""
    if head.lemma_.lower() not in MEASURE_HEADS:
        return False
    return head.lemma_.lower() != "number" or any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children
    )


def _governing_verbs(head: Token) -> list[Token]:
    """The subject's verb, and the verb it is due or expected to do: "talks are due to end",
    "fighting is expected to resume"."""
    verbs = [head]
    for child in head.children:
        if child.dep_ == "xcomp":
            verbs.append(child)
        elif child.dep_ == "acomp":
            verbs.extend(g for g in child.children if g.dep_ == "xcomp")
    return verbs


def _says_it_happened(verb: Token) -> bool:
    forms = lemma_forms(verb)
    if any(f in OCCUR_VERBS for f in forms):
        return True
    if verb.lemma_.lower() == "pass" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    ):
        return True  # "the march passed off peacefully"
    if verb.lemma_.lower() == "follow" and verb.tag_ == "VBD":
        return True  # "a wave of arrests followed the protests" ("the deployment follows weeks
        # of tension" only recalls an act the article has reported)
    return any(f in INTRANSITIVE_OCCUR for f in forms) and not any(
        c.dep_ == "dobj" for c in verb.children
    )


def _in_force(verb: Token) -> bool:
    """ "the truce came into force", "a curfew remained in force", "a curfew was in place"."""
    lemma = verb.lemma_.lower()
    places = {"force", "effect", "place"} if lemma in {"be", "remain", "stay"} else set()
    return lemma in {"come", "remain", "stay", "enter", "go", "be"} and any(
        g.lower_ in {"force", "effect"} | places
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"in", "into"}
        for g in c.children
    )


# "the rally in oil prices", "a sell-off in shares": the noun names a market's move.
MARKET_CLASSES = frozenset({"market", "economy"})


def _in_a_market(noun: Token) -> bool:
    nouns = non_agent_nouns()
    return any(
        g.dep_ == "pobj" and nouns.get(g.lemma_.lower()) in MARKET_CLASSES
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children
    )


def _modifier_after(noun: Token, modifier: str) -> bool:
    """ "the exchange of prisoners" as "the prisoner exchange", "the handover of power" as "the
    power handover": a pattern's modifier may follow the noun as its "of" object."""
    return any(
        g.dep_ == "pobj" and modifier in {g.lemma_.lower(), g.lower_}
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def taking_part(noun: Token) -> bool:
    """ "engaged in ethnic cleansing", "took part in the attack", "joined in the protests",
    "seized the weapons in a joint operation"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.pos_ not in {"VERB", "AUX"}:
        return False
    if operation_frame(noun) is not None:
        return True
    verb = prep.head
    if prep.lower_ == "for" and verb.lemma_.lower() in ARRIVAL_VERBS:
        return True  # "sat down for talks", "arrived for a summit"
    if prep.lower_ != "in":
        return False
    if verb.lemma_.lower() in PARTICIPATION_VERBS:
        return True
    return verb.lemma_.lower() == "take" and any(c.lower_ == "part" for c in verb.children)


# "were killed in a massacre", "lost their lives in a rocket attack", "wounded during clashes":
# the act the victims suffered in happened, and they are its target.
DEATH_VERBS = {"die", "perish", "lose"}
CASUALTY_VERBS = DEATH_VERBS | {"kill", "injure", "wound", "hurt", "maim"}


def suffered_in(noun: Token) -> Token | None:
    """The verb of death or injury the event noun is the setting of, if any."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "during"}:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CASUALTY_VERBS:
        return None
    if verb.lemma_.lower() == "lose" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in {"life", "lives"} for c in verb.children
    ):
        return None  # "lost ground in the fighting" is no casualty
    return verb


def is_light_verb(verb: Token, book: PatternBook) -> bool:
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    forms = lemma_forms(verb)  # "staged" is sometimes lemmatised "stag"
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(
        f in book.light_verbs or any(f"{f} {p}" in book.light_verbs for p in particles)
        for f in forms
    )


def _proceeding(pattern: EventPattern) -> bool:
    """A lawsuit, a charge or an indictment: filing or bringing one is the act (a light verb);
    what else is done to it (won, lost, settled, heard, dismissed) is a step in the case."""
    return "legal" in pattern.contexts and (
        pattern.event_type == "ACCUSE" or pattern.lemma == "indictment"
    )


def _own_argument(noun: Token, pattern: EventPattern) -> Token | None:
    slots = tuple(s for s in pattern.targets if s not in {"dobj", "dative"}) + ("by",)
    return pobj_of(noun, slots)
