"""Coding conventions for speech and intent that a pattern alone cannot settle.

Each rule names the CAMEO/PLOVER convention it follows: an aim is no request, a forecast is no
threat, an announced sanction is the sanction, troops promised to a state are an intent to
cooperate, and keeping force open ("did not rule out") is a threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_arguments import can_be_actor, subject_of
from dyad.extract.event_candidate import EventCandidate
from dyad.extract.event_modality import first_conjunct
from dyad.extract.event_nouns import SURVIVE_VERBS
from dyad.extract.event_triggers import match_trigger
from dyad.extract.patterns import EventPattern, PatternBook

# "sought to calm tensions", "is trying to topple the government": the subject aims at an act
# of its own. A request asks someone else (CAMEO 02/10: "sought help from", "sought the
# extradition"); an aim is coded, if at all, as the act it aims at, with its intent modality.
AIM_VERBS = {"seek", "try", "attempt", "strive", "endeavour", "endeavor"}


def seeks_own_act(verb: Token) -> bool:
    """ "is seeking to topple": an aim at the subject's own act, not a request."""
    if verb.lemma_.lower() not in AIM_VERBS:
        return False
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


# "The UN warned that fighting could displace thousands", "warned that the situation was
# deteriorating": a warning of what may happen, done by no one the speaker commands, is CAMEO 012
# (pessimistic comment), not 13 (threaten). A threat says what will be done: "warned it would
# retaliate", "warned that any attack would be met with force", "warned of consequences if ...".
WARN_VERBS = {"warn", "caution"}
SPEAKER_PRONOUNS = {"it", "we", "they", "he", "she", "i"}


# "Police warned motorists to avoid the city centre": advice to the public, not a threat.
PUBLIC = {
    "motorist", "resident", "citizen", "traveller", "traveler", "tourist", "public", "people",
    "parent", "consumer", "customer", "user", "driver", "visitor", "fisherman", "farmer",
    "pilgrim", "commuter", "passenger", "shopper", "swimmer", "hiker", "villager", "patient",
}  # fmt: skip


CAUTIONS = {
    "avoid", "stay", "keep", "take", "remain", "stock", "prepare", "beware", "refrain", "boil",
    "wear", "follow", "check", "use", "exercise", "drive", "limit", "report", "be",
}  # fmt: skip


def is_forecast_warning(verb: Token) -> bool:
    """ "warned that the drought could uproot millions": a warning that forecasts, not threatens;
    "warned residents to stay indoors": advice to the public."""
    if verb.lemma_.lower() not in WARN_VERBS:
        return False
    public = any(c.dep_ == "dobj" and c.lemma_.lower() in PUBLIC for c in verb.children)
    if public and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in CAUTIONS for c in verb.children
    ):  # ("warned residents to leave before the offensive" may still threaten)
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
    if len(clauses) != 1 or any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False  # "warned Iran that ...": a warning addressed to someone is a threat
    clause = clauses[0]
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in SPEAKER_PRONOUNS:
        return False
    if clause.dep_ == "ccomp" and any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in clause.children
    ):
        return False  # "warned that troops would be deployed if the protests continued"
    auxes = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "would", "shall", "'ll", "wo"}:
        return False
    if clause.lemma_.lower() == "pay":
        return False  # "would pay a heavy price": a threat
    if clause.lemma_.lower() != "face":
        return True
    # "could face sanctions": a threat; "millions faced famine": a forecast
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in PENALTIES for c in clause.children)


# What a warned party "will face" when the warning is a threat.
PENALTIES = {
    "sanction", "consequence", "punishment", "retaliation", "action", "charge", "prosecution",
    "penalty", "fine", "arrest", "expulsion", "response", "reprisal", "measure", "attack",
    "strike", "force", "war", "wrath", "jail", "prison", "trial", "countermeasure",
}  # fmt: skip


# "The EU announced it would suspend aid", "declared that it will expel the envoys": a sanction
# announced without condition by the side that imposes it is a decision taken, coded as the
# sanction (CAMEO 16 "reduce relations", as the CAMEO-manual examples in the PLOVER GSR code an
# announced aid ban; dyad already codes "decided to suspend" so). A threat names a condition or
# is voiced as one ("threatened to", "warned it would", "will ... unless").
ANNOUNCE_VERBS = {"announce", "declare", "decide", "order", "decree"}


def is_announced_decision(verb: Token) -> bool:
    """ "announced it would freeze aid": the future act of an announced decision."""
    clause = first_conjunct(verb)
    return (
        clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in ANNOUNCE_VERBS
        and any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"}
            for c in clause.children
        )
    )


# "did not rule out military action", "refused to exclude sanctions": keeping force or a sanction
# open is a veiled threat (dyad's reading of CAMEO 13, "coercive or forceful warnings", 138/131
# by what is kept open). A negated "rule out" of anything else says nothing.
OPTION_VERBS = {"rule", "exclude"}
FORCE_WORDS = {"force", "action", "option", "response", "retaliation", "intervention"}
HOSTILE_OPTIONS = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}


def kept_option(verb: Token, book: PatternBook) -> Token | None:
    """The hostile option "rule out" names ("military action", "new sanctions"), else None."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for t in obj.subtree:
            match = match_trigger(t, book)
            if match is not None and match[0].event_type in HOSTILE_OPTIONS:
                return obj
        words = {t.lemma_.lower() for t in obj.subtree}
        if "force" in words or (words & FORCE_WORDS and words & {"military", "armed"}):
            return obj  # "the use of force", "military action", "an armed response"
    return None


def option_verb(verb: Token, modality: str) -> Token | None:
    """The "rule out" of "did not rule out" or "refused to rule out", else None."""
    if verb.lemma_.lower() in {"refuse", "decline"} and modality == "actual":
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    elif modality not in {"negated", "refused"}:
        return None
    if verb.lemma_.lower() not in OPTION_VERBS:
        return None
    if verb.lemma_.lower() == "rule" and not any(c.lower_ == "out" for c in verb.children):
        return None
    return verb


def hedged_threat(
    verb: Token,
    option: Token,
    pattern: EventPattern,
    trigger_tokens: list[Token],
    book: PatternBook,
) -> EventCandidate:
    words = {t.lemma_.lower() for t in option.subtree}
    match = next((m for t in option.subtree if (m := match_trigger(t, book))), None)
    inner = match[0].event_type if match is not None else "ASSAULT"
    intent = book.intent_modes.get(("THREATEN", inner.lower()))  # keys are read lowercased
    cameo = "138" if inner == "ASSAULT" or words & {"force", "military"} else "130"
    source = subject_of(verb)
    target = next(
        (
            g
            for t in option.subtree
            if t.dep_ == "prep" and t.lower_ in {"against", "on"}
            for g in t.children
            if g.dep_ == "pobj" and can_be_actor(g)
        ),
        None,
    )
    return EventCandidate(
        trigger_start=min(t.i for t in trigger_tokens),
        trigger_end=max(t.i for t in trigger_tokens) + 1,
        clause_head=verb.i,
        source=source.i if source is not None and can_be_actor(source) else None,
        target=None if target is None else target.i,
        event_type="THREATEN",
        mode=intent.mode if intent else ("violence" if cameo == "138" else None),
        contexts=(),
        cameo=intent.cameo if intent else cameo,
        reciprocal=False,
        confidence=0.6,
        rule=pattern.rule_id,
        note="option kept open coded as THREATEN",
    )


# "NATO will deploy more troops to Lithuania", "Kenya will send troops to Somalia": troops
# promised to a state are promised to its side, an intent to cooperate militarily (CAMEO 0312,
# AGREE); troops sent "against" someone, to a border, or on a condition stay a threat.
def sent_to_a_state(verb: Token) -> bool:
    """ "deploy troops to Lithuania": sent to a named state, not against anyone."""
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        return False
    return any(
        g.ent_type_ == "GPE"
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    )


# "declined to comment", "refused to elaborate": withholding a comment is no rejection of
# anything (CAMEO codes no event); "refused to withdraw" stays a REJECT.
NO_COMMENT_VERBS = {
    "comment", "elaborate", "speculate", "confirm", "say", "specify", "disclose", "discuss",
    "identify", "name", "reveal", "answer", "detail",
}  # fmt: skip


def declines_comment(verb: Token) -> bool:
    """ "a spokesman declined to comment": no event."""
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_VERBS and c.pos_ == "VERB"
        for c in verb.children
    )


def survived_act(noun: Token) -> bool:
    """The event noun is what the clause's subject survived: the subject was attacked."""
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in SURVIVE_VERBS
        and noun.head.pos_ in {"VERB", "AUX"}
    )


def noun_agent(noun: Token) -> Token | None:
    """ "an attack by rebels", "the bombing was carried out by the rebels": the doer named by
    "by" on the noun, or the passive agent of the light verb the noun is the subject of."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    if noun.dep_ == "nsubjpass":
        preps += [c for c in noun.head.children if c.dep_ == "agent"]
    for prep in preps:
        for doer in prep.children:
            if doer.dep_ == "pobj" and can_be_actor(doer):
                return doer
    return None


# "Years after she was jailed", "decades since the massacre": a long-past act dates the
# sentence's own ("hours after the shelling" may still be news of its own).
DURATION_NOUNS = {"year", "decade", "month", "century"}


def is_background(token: Token) -> bool:
    """A participle or clause that only identifies a participant or dates the sentence's act:
    "two clubbers arrested in Bali were paraded" (a reduced relative on a noun), "striking miners
    marched" (an adjectival participle), "years after she was convicted"."""
    if token.pos_ != "VERB" or token.sent.root.pos_ not in {"VERB", "AUX"}:
        return False  # a sentence parsed as a noun phrase: its participle is the predicate
    if token.dep_ == "amod" and token.tag_ in {"VBG", "VBN"} and token.i < token.head.i:
        return True
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.head.pos_ in {"NOUN", "PROPN"}
        and token.head.dep_ != "ROOT"  # "Syrian newspaper called on Arabs ...": the predicate
    ):
        return True
    if token.dep_ == "advcl":
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in {"after", "since"}]
        # "years after she was convicted": the span is the clause's, or the main verb's
        spans = [c for c in token.children if c.dep_ == "npadvmod"]
        spans += [token.doc[m.i - 1] for m in marks if m.i > 0]
        return bool(marks) and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in DURATION_NOUNS for c in spans
        )
    return False


def in_background(token: Token) -> bool:
    """The trigger is a background participle or clause, or lies inside one ("students who were
    arrested in Bali to protest ...": the purpose of a described act is described too)."""
    if is_background(token):
        return True
    return any(is_background(a) for a in token.ancestors)


def has_own_anchor(token: Token) -> bool:
    """ "the accord, signed by both leaders on Tuesday": a participle with its own doer or date
    reports an act even when it hangs off a noun."""
    for child in token.children:
        if child.dep_ == "agent":
            return True
        if child.ent_type_ in {"DATE", "TIME"} and child.dep_ in {"npadvmod", "tmod"}:
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children
        ):
            return True
    return False


# "Opposition parties charged the ruling party with rigging the vote": a charge laid by a voice
# that cannot prosecute is an accusation (CAMEO 1121), not legal action (173).
CRITIC_SUBJECTS = {
    "opposition", "party", "critic", "activist", "campaigner", "group", "rival", "lawmaker",
    "legislator", "senator", "union", "newspaper", "report", "watchdog", "candidate", "protester",
    "demonstrator", "leader", "spokesman", "spokeswoman", "spokesperson",
}  # fmt: skip


def charged_by_critic(verb: Token) -> bool:
    """A formal-charge verb whose active subject is a critic, not a prosecutor or the state."""
    if verb.lemma_.lower() not in {"charge", "indict"}:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in CRITIC_SUBJECTS


# "A man stabbed his neighbour", "she shot her husband": violence within a household or between
# neighbours is private crime, which the political event codebooks leave out. Force used by
# police, troops or an armed group stays an event whoever it hits.
HOUSEHOLD = {
    "wife", "husband", "girlfriend", "boyfriend", "partner", "spouse", "ex-wife", "ex-husband",
    "mother", "father", "son", "daughter", "child", "children", "baby", "brother", "sister",
    "stepson", "stepdaughter", "stepfather", "stepmother", "grandmother", "grandfather",
    "neighbour", "neighbor", "neighbours", "neighbors", "fiancee", "fiance", "landlord", "tenant",
    "roommate", "flatmate", "family", "parent", "parents", "relative", "relatives", "in-law",
}  # fmt: skip
FORCES = {
    "police", "policeman", "officer", "officers", "troops", "soldier", "soldiers", "army",
    "militant", "militants", "rebel", "rebels", "gunman", "gunmen", "fighter", "fighters",
    "militia", "militiamen", "forces", "guard", "guards", "jihadist", "jihadists", "insurgent",
    "insurgents", "terrorist", "terrorists", "attacker", "attackers", "agent", "agents",
}  # fmt: skip


def is_household_violence(verb: Token) -> bool:
    """The one attacked is the doer's own relative or neighbour ("shot his wife"), and the doer
    is no force (police, troops, gunmen)."""
    victims = [c for c in verb.children if c.dep_ == "dobj"]
    private = any(
        v.lemma_.lower() in HOUSEHOLD
        and any(p.dep_ == "poss" and p.lower_ in {"his", "her", "their"} for p in v.children)
        for v in victims
    )
    if not private:
        return False
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [c for d in list(doers) for c in d.children if c.dep_ == "compound"]
    return not any(
        d.lemma_.lower() in FORCES or d.lower_ in FORCES or d.ent_type_ in {"ORG", "GPE", "NORP"}
        for d in doers
    )


# "Corbyn was dismissed by many as a no-hoper", "the president dismissed his army chief": a
# person dismissed is disparaged or sacked, not a proposal or claim rejected (CAMEO 12).
def dismisses_a_person(verb: Token) -> bool:
    """ "dismiss" whose object (or passive subject) is a named person or a personal pronoun."""
    if verb.lemma_.lower() != "dismiss":
        return False
    return any(c.dep_ in {"dobj", "nsubjpass"} and _a_person(c) for c in verb.children)


PERSON_ROLES = {
    "leader", "chief", "minister", "president", "premier", "governor", "mayor", "official",
    "officer", "general", "commander", "head", "director", "ambassador", "judge", "prosecutor",
    "coach", "manager", "aide", "adviser", "advisor", "secretary", "deputy", "candidate",
}  # fmt: skip


def _a_person(noun: Token) -> bool:
    if noun.ent_type_ == "PERSON" or noun.lower_ in {"him", "her", "them", "he", "she", "they"}:
        return True
    named = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)
    return named or noun.lemma_.lower() in PERSON_ROLES
