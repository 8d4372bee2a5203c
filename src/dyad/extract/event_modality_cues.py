"""Further cues of a clause's modality (``event_modality``): acts held back ("refrained from
attacking", "held off launching", "without firing"), "no longer" and "neither ... nor", direct
questions ("Will Iran retaliate?"), capability ("would be able to seize"), an unreported "would"
("a truce would let aid in"), a remit ("its task is to protect"), a given-up habit ("used to"),
an obligation ("needs to withdraw"), "has yet to", and acts named as planned, feared or foiled
("a planned attack", "thwarted an attack") or judged ("The attack would be the deadliest").
"""

from __future__ import annotations

from spacy.tokens import Token

# "refrained from criticising", "abstained from voting", "avoided attacking": the act held back.
AVOID_VERBS = {"refrain", "abstain", "desist", "avoid", "forgo", "forego"}


# "held off launching", "held back from striking": a verb whose particle makes it a holding back.
HOLD_PARTICLES = {"off", "back"}


def _holds_back(verb: Token) -> bool:
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = verb.lemma_.lower()
    if lemma in AVOID_VERBS:
        return True
    if lemma == "hold":
        return any(c.dep_ == "prt" and c.lower_ in HOLD_PARTICLES for c in verb.children)
    return False


def is_held_back(verb: Token) -> bool:
    """ "refrained from attacking", "stopped short of deploying", "held off launching", "crossed
    the village without firing": the act was not done."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ in {"xcomp", "advcl", "dobj"}:  # "avoided attacking", "held off launching"
        return _holds_back(verb.head)
    if verb.dep_ != "pcomp":
        return False
    prep = verb.head
    if prep.lower_ == "without" or (prep.lower_ == "of" and prep.head.lower_ == "instead"):
        return True  # "without firing a shot", "instead of negotiating"
    governor = prep.head
    if prep.lower_ == "of" and governor.lower_ == "short":  # "stopped/fell short of"
        return governor.head.lemma_.lower() in {"stop", "fall"}
    if governor.lower_ in HOLD_PARTICLES and governor.dep_ in {"advmod", "prt"}:
        governor = governor.head  # "held back from imposing": "from" hangs on the particle
        return prep.lower_ in {"from", "on"} and governor.lemma_.lower() == "hold"
    return prep.lower_ in {"from", "on"} and _holds_back(governor)


def is_no_longer(head: Token) -> bool:
    """ "no longer supplies arms", "no more attacks": the act has stopped."""
    return any(
        c.dep_ == "advmod"
        and c.lower_ in {"longer", "more"}
        and any(g.lower_ == "no" for g in c.children)
        for c in head.children
    )


def has_neither_subject(head: Token) -> bool:
    """ "Neither Ethiopia nor Eritrea withdrew": both doers are negated."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(g.lower_ == "neither" for g in c.children)
        for c in head.children
    )


def is_direct_question(verb: Token) -> bool:
    """ "Will Iran retaliate?", "Is Russia preparing to invade?": the main act of a sentence
    that asks, with the auxiliary before the subject, is no one's act. A question about a done
    act's reason or doer ("Why did Turkey shoot down the jet?") takes the act as given."""
    sent = verb.sent
    if sent[-1].text != "?" and not (len(sent) > 1 and sent[-2].text == "?"):
        return False
    clause = verb
    for _ in range(3):  # "Is Hamas ready to release ...?": climb to the asking verb
        if clause.dep_ not in {"xcomp", "conj", "acomp"}:
            break
        clause = clause.head
    if clause.dep_ != "ROOT":
        return False
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return False
    inverted = [c for c in clause.children if c.dep_ in {"aux", "auxpass"} and c.i < subject.i]
    if not inverted and not (clause.lemma_.lower() == "be" and clause.i < subject.i):
        return False
    # "Why did Turkey shoot down the jet?": a question about an act takes it as done
    asks_about = any(t.tag_ in {"WRB", "WP", "WDT"} for t in sent if t.i < subject.i)
    return not (asks_about and inverted and inverted[0].tag_ != "MD")


ABILITY_WORDS = {"able", "capable"}
MODALS = {"would", "could", "might", "may", "will", "should", "'d"}


def ability(verb: Token) -> str | None:
    """ "would be able to seize", "is capable of striking": a capacity, no act ('hypothetical');
    "was unable to reach": 'negated'; "was able to reach": None (the act)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lower_ == "capable":
        return "hypothetical"
    if verb.dep_ != "xcomp":
        return None
    word = verb.head
    if word.lower_ == "unable" or word.lower_ == "incapable":
        return "negated"
    if word.lower_ not in ABILITY_WORDS:
        return None
    copula = word.head if word.dep_ == "acomp" else word
    if any(c.dep_ == "neg" for c in copula.children):
        return "negated"  # "has not been able to recapture the town"
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in copula.children):
        return "hypothetical"
    return None


# Verbs that report a future act as someone's word: "said it would", "announced it would".
REPORTING_VERBS = {
    "say", "announce", "declare", "insist", "state", "tell", "add", "stress", "warn",
    "reiterate", "emphasize", "emphasise", "confirm", "vow", "pledge", "promise", "threaten",
    "indicate", "signal", "write", "tweet", "post", "agree", "decide", "report", "claim",
    "assure", "reaffirm", "affirm", "explain", "note", "know", "make", "vote", "believe",
}  # fmt: skip


def is_unreported_would(bearer: Token) -> bool:
    """ "A ceasefire would allow aid in", "a deal that would end the war": "would" in a clause no
    speaker's verb reports is a conditional, not a stated intent ("said it would" is)."""
    clause = bearer
    for _ in range(3):
        if clause.dep_ not in {"conj", "xcomp"}:
            break
        clause = clause.head
    if clause.dep_ in {"ccomp", "parataxis", "dep"}:
        return False
    if clause.dep_ == "ROOT":  # '"We would retaliate," he said': the speech verb hangs below
        if _under_terms(clause):
            return False
        return not any(
            c.dep_ in {"parataxis", "ccomp", "advcl"}
            and c.lemma_.lower() in REPORTING_VERBS
            and c.pos_ in {"VERB", "AUX"}
            for c in clause.children
        ) and not any(c.text in {'"', "\u201c", "\u201d", "'"} for c in clause.sent)
    return clause.dep_ in {"relcl", "advcl", "acl", "csubj", "pcomp"}


# "Under the deal, Hamas would release 50 hostages": the terms of an accord speak for its parties.
TERMS_NOUNS = {
    "deal", "agreement", "accord", "pact", "truce", "ceasefire", "arrangement", "terms", "plan",
    "proposal", "treaty", "framework", "roadmap", "settlement", "bill", "law", "decree", "package",
}  # fmt: skip


def _under_terms(clause: Token) -> bool:
    """ "Under the deal, X would ...", "according to officials, X would ...": a source speaks."""
    for prep in (c for c in clause.children if c.dep_ == "prep"):
        if prep.lower_ == "according":  # "According to officials, Israel would ...": reported
            return True
        if prep.lower_ in {"under", "as", "in"} and any(
            t.lemma_.lower() in TERMS_NOUNS for t in prep.subtree
        ):
            return True
    return False


# "its task is to protect civilians", "the mission's role is to monitor": a remit, no act. (The
# newswire's "France is to withdraw its troops" is left as the act: CAMEO codes an announced
# provision ("Britain is to provide food aid") as the provision.)
REMIT_NOUNS = {"role", "task", "job", "mission", "duty", "purpose", "mandate", "function"}


def is_remit(verb: Token) -> bool:
    """ "the force's task is to protect civilians": what a body is for, not an act."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() != "be" or verb.head.pos_ != "AUX":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in REMIT_NOUNS


def used_to(verb: Token) -> bool:
    """ "Pakistan used to supply arms": a past habit, given up since."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() == "use"
        and head.tag_ == "VBD"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in head.children)
    )


DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}


# "planning an attack", "intends a full withdrawal": the act a plan names lies ahead; "plotted
# an attack" names a conspiracy, not an act.
PLAN_VERBS = {"plan": "future", "intend": "future", "plot": "hypothetical"}


def judged_act(noun: Token, clause: Token, modality: str) -> str:
    """The modality of an act named by the subject of a judgement: "The attack, if confirmed,
    would be the deadliest since 2020" reports the attack (a definite one, 'actual'); "A strike
    on Iran would be a disaster" weighs one that has not happened ('hypothetical')."""
    planned = PLAN_VERBS.get(clause.lemma_.lower())
    if noun.dep_ == "dobj" and clause.pos_ == "VERB" and planned and modality == "actual":
        return planned
    if noun.dep_ != "nsubj" or clause.lemma_.lower() != "be":
        return modality
    if not any(c.dep_ in {"attr", "acomp"} for c in clause.children):
        return modality
    if not any(c.dep_ == "aux" and c.lower_ in MODALS for c in clause.children):
        return modality
    definite = any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss"
        for c in noun.children
    )
    return "actual" if definite else "hypothetical"


def is_without(noun: Token) -> bool:
    """ "ended without agreement", "could not hold the city without Russian air support": an act
    named after "without" (or "instead of") did not happen."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    return prep.lower_ == "without" or (prep.lower_ == "of" and prep.head.lower_ == "instead")


def obliged_act(verb: Token) -> Token | None:
    """The act of "needs to withdraw", "has to stop enriching", "will have to pull out": an
    obligation now or ahead ("had to flee" reports what was done)."""
    if verb.lemma_.lower() not in {"need", "have"} or verb.tag_ not in {"VBZ", "VBP", "VB"}:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() in TERMS_NOUNS:
        return None  # "any truce would have to include ...": the terms of a deal, no one's duty
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )


def not_yet(verb: Token) -> bool:
    """ "has yet to withdraw", "is yet to respond": the act has not happened."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in {"have", "be"}
        and any(c.lower_ == "yet" for c in head.children)
    )


# "a planned attack", "the proposed sanctions", "an imminent offensive": an act named with a word
# that puts it ahead or in doubt has not happened.
UNREALISED_MODIFIERS = {
    "planned", "proposed", "possible", "potential", "imminent", "looming", "feared", "would-be",
    "mooted", "hypothetical", "prospective", "contemplated", "envisaged", "intended",
}  # fmt: skip


# "foiled a plot", "averted a strike", "prevented an attack": the act was stopped before it began.
PREVENT_VERBS = {"foil", "thwart", "avert", "prevent", "forestall", "preempt", "pre-empt"}


def is_unrealised(noun: Token) -> bool:
    """ "Police foiled a planned attack", "the proposed sanctions": the act named did not happen."""
    if any(c.dep_ == "amod" and c.lower_ in UNREALISED_MODIFIERS for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in PREVENT_VERBS
