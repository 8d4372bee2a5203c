"""The modality of an event's clause: negated, refused, hypothetical, future or actual.

Negated and hypothetical acts are dropped, future acts become intentions (AGREE/THREATEN) and a
conditional future act an ultimatum (THREATEN).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_modality_cues import (
    ability,
    has_neither_subject,
    is_direct_question,
    is_held_back,
    is_no_longer,
    is_remit,
    is_unreported_would,
    not_yet,
    obliged_act,
    used_to,
)
from dyad.extract.patterns import lemma_forms

FUTURE_AUX = {"will", "shall", "'ll", "wo"}


HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must"}


INTENT_VERBS = {"plan", "intend", "prepare", "aim", "want", "hope", "expect", "seek", "promise"}


# "is willing to withdraw", "ready to contribute": an adjective of readiness makes an intention.
INTENT_ADJECTIVES = {
    "willing", "ready", "prepared", "determined", "eager", "poised", "set",
    "about",  # "is about to impose sanctions": the act is imminent
}  # fmt: skip


OBLIGATION_AUX = {"must", "should"}


CONDITION_MARKS = {"unless", "if"}


CONTINUE_VERBS = {"continue", "keep"}


# "the army prepared to resume shelling": readying force is a force posture, not a threat.
PREPARE_WORDS = {"prepare", "prepared", "poised", "gear"}


# "is due to visit Moscow", "is scheduled to meet": an act on the calendar has not happened yet;
# CAMEO codes the arrangement as an intent (036 "express intent to meet or negotiate").
SCHEDULE_WORDS = {"due", "scheduled", "slated", "set", "timetabled"}


# "allowed inspectors to visit", "let the hostages go": the permission is the act (CAMEO 08x);
# what it permits has not (as far as the sentence says) been done.
PERMIT_VERBS = {"allow", "permit", "let"}


# "stopped shelling the city", "ceased providing aid": the halt is the act, not what was halted.
HALT_VERBS = {"stop", "cease", "halt", "quit", "end", "suspend", "discontinue"}


CONDITIONAL_MARKS = {"if", "unless", "until", "whether"}


# "no sign that the rebels were withdrawing", "no evidence that troops fired": a clause that a
# negated noun of evidence governs did not (as far as the text says) happen.
EVIDENCE_NOUNS = {
    "sign", "evidence", "indication", "proof", "confirmation", "suggestion", "report", "word",
}  # fmt: skip


def _denied_by_noun(verb: Token) -> bool:
    clause = verb
    for _ in range(3):  # "no sign that they were preparing to withdraw"
        if clause.dep_ != "xcomp":
            break
        clause = clause.head
    noun = clause.head
    return (
        clause.dep_ in {"acl", "ccomp"}
        and noun.lemma_.lower() in EVIDENCE_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    )


# "in talks to buy", "negotiations to free the hostages": talks aim at an act not yet done.
INTENT_NOUNS = {
    "intention", "intent", "plan", "desire", "interest", "wish", "talk", "negotiation",
}  # fmt: skip


# "is considering sanctions", "mulled expelling the envoy": CAMEO 014 (consider policy option) is
# a statement, not the act weighed; the act has not been decided, let alone done.
DELIBERATION_VERBS = {
    "consider", "weigh", "mull", "contemplate", "ponder", "debate", "explore", "study",
    "evaluate", "assess", "examine", "review",
    # "discussed the sanctions against Russia", "described the shelling": an act talked about
    "discuss", "analyse", "analyze", "describe", "outline", "explain", "mention", "cite",
    "document", "recount", "recall", "chronicle", "detail",
}  # fmt: skip


# "Britain is expected to impose sanctions", "the rebels are unlikely to attack": a forecast by
# the reporter or unnamed others is no one's act or stated intent (a stated intent is "plans
# to", "said it would").
FORECAST_WORDS = {"expected", "likely", "unlikely", "tipped", "rumoured", "rumored"}


def is_forecast(verb: Token) -> bool:
    """ "is expected to impose sanctions", "likely to attack": a forecast, not a stated intent."""
    return _forecast(verb)


def _forecast(verb: Token) -> bool:
    head = verb.head
    if verb.dep_ != "xcomp" or head.lower_ not in FORECAST_WORDS:
        return False
    if head.lower_ == "expected":  # passive "is expected to", not "Iran expected to win"
        return any(c.dep_ == "auxpass" for c in head.children)
    return True


def is_deliberated(verb: Token) -> bool:
    """The act is only weighed: "considering imposing sanctions", "mulls a troop pullout"."""
    if verb.dep_ not in {"xcomp", "ccomp", "dobj"} or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.head.lemma_.lower() in DELIBERATION_VERBS


# "a bill to ban smoking", "a drive to free the prisoners": the act a proposal or campaign aims
# at has not happened. ("efforts to finalize an agreement" stays: the efforts often report it.)
# Likewise the act a speech-act noun names ("a threat to boycott the games", "calls to resign",
# "an offer to mediate"): it is what was threatened, asked or offered; when the noun is itself
# coded ("issued a threat", "rejected calls") the act is folded into it (``speech_acts``).
UNENACTED_NOUNS = {
    "bill", "proposal", "draft", "motion", "amendment", "petition", "campaign", "drive",
    "referendum", "initiative", "scheme",
    # "a plot to blow up the airport": plotted, not done ("announced plans to" is an intent)
    "plot", "conspiracy",
    "threat", "offer", "call", "demand", "appeal", "request", "ultimatum", "promise", "pledge",
    "vow",
}  # fmt: skip


# "arrested for collaborating with Israel", "accused of shelling the town": the gerund after a
# verb of blame or punishment is what the target is blamed for, not an act this text reports.
GROUNDS_VERBS = {
    "arrest", "detain", "jail", "imprison", "sentence", "convict", "charge", "accuse", "indict",
    "punish", "fine", "prosecute", "blame", "suspect", "execute", "try", "hang", "expel",
    "deport", "sanction", "investigate", "probe", "condemn", "criticize", "criticise", "denounce",
}  # fmt: skip


def _blamed_for(verb: Token) -> bool:
    if verb.dep_ != "pcomp" or verb.head.lower_ not in {"for", "of", "with"} or verb.tag_ != "VBG":
        return False
    judge = verb.head.head
    return judge.pos_ == "VERB" and judge.lemma_.lower() in GROUNDS_VERBS


def _aimed_at(verb: Token) -> bool:
    """The act is only aimed at: an infinitive on a proposal noun ("a bill to ban") or a purpose
    clause ("so that such marriages are banned")."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ == "advcl" and {"so", "that"} <= marks:
        return True
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if verb.dep_ in {"advcl", "xcomp"} and to is not None and to.i > 0:
        # "foiled a plot to assassinate": the parser may hang the infinitive on the verb
        noun = verb.doc[to.i - 1]
        return noun.dep_ == "dobj" and noun.lemma_.lower() in UNENACTED_NOUNS
    return (
        verb.dep_ in {"acl", "relcl"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_.lower() in UNENACTED_NOUNS
    )


# "No one was arrested", "nobody was hurt", "none of the troops withdrew": a negative quantifier
# as the doer or the one acted on negates the act as much as "not" does.
NEGATIVE_PARTICIPANTS = {"nobody", "none", "noone", "no-one"}


def _no_participant(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            continue
        if child.lower_ in NEGATIVE_PARTICIPANTS:
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in child.children):
            return True  # "no one was arrested", "no troops crossed the border"
    return False


# "expressed hope that the two sides would sign a treaty", "fears that the army will attack": a
# future act someone hopes for, expects or fears is a comment (CAMEO 012/013), not the doer's
# stated intent ("said it would", "announced that it will" stay intents).
EXPECTATION_WORDS = {
    "hope", "expect", "expectation", "believe", "belief", "think", "predict", "prediction",
    "fear", "anticipate", "doubt", "wish", "optimism", "optimistic", "confident", "confidence",
    "concern", "worry", "worried", "afraid", "hopeful",
}  # fmt: skip


def first_conjunct(verb: Token, limit: int = 3) -> Token:
    """The first verb of a coordination ``verb`` ends ("said it would meet and sign": "meet"
    for "sign"), climbing at most ``limit`` conjuncts."""
    clause = verb
    for _ in range(limit):
        if clause.dep_ != "conj":
            break
        clause = clause.head
    return clause


def _hoped_for(verb: Token) -> bool:
    clause = first_conjunct(verb)
    return clause.dep_ in {"ccomp", "acl"} and any(
        f in EXPECTATION_WORDS for f in lemma_forms(clause.head)
    )  # "hoped" is sometimes lemmatised "hop"


def is_preparing(verb: Token) -> bool:
    """ "prepared to attack", "poised to resume shelling": force made ready, not yet used.

    "is prepared to use force" (the adjective: willing) is a stated readiness, a threat."""
    link = verb
    for _ in range(3):
        if link.dep_ != "xcomp":
            return False
        head = link.head
        if head.lemma_.lower() in PREPARE_WORDS or head.lower_ in PREPARE_WORDS:
            return not _willing(head)
        link = head
    return False


def _willing(word: Token) -> bool:
    """ "the army is prepared to": the adjective after a copula, not the verb of readying."""
    if word.lower_ != "prepared":
        return False
    return word.dep_ in {"acomp", "amod"} or any(c.dep_ == "auxpass" for c in word.children)


def _permitted(verb: Token) -> bool:
    """ "allowed inspectors to visit", "let the hostages go": the act a permission covers."""
    return (
        verb.dep_ in {"xcomp", "ccomp"}
        and verb.i > verb.head.i
        and verb.head.lemma_.lower() in PERMIT_VERBS
        and verb.head.pos_ in {"VERB", "AUX"}
    )


def _halted(verb: Token) -> bool:
    """ "stopped shelling the city": the gerund after a verb of halting did not go on."""
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VBG"
        and verb.head.lemma_.lower() in HALT_VERBS
        and verb.head.pos_ in {"VERB", "AUX"}
    )


def is_scheduled(verb: Token) -> bool:
    """ "is due to visit", "is scheduled to meet": an act on the calendar."""
    return verb.dep_ == "xcomp" and verb.head.lower_ in SCHEDULE_WORDS


def default_intent(event_type: str) -> str:
    """A future act: conflict becomes THREATEN, cooperation (support included) AGREE."""
    if event_type in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}:
        return "THREATEN"
    if event_type in {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}:
        return event_type
    return "AGREE"


def _intention_noun(verb: Token) -> Token | None:
    """The noun of intention the act completes: "plans to withdraw", "no intention of leaving"."""
    if verb.dep_ not in {"pcomp", "acl", "relcl"}:
        return None
    if verb.dep_ == "relcl" and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None  # "plans that were approved": not the infinitive of a plan
    noun = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return noun if noun.lemma_.lower() in INTENT_NOUNS and noun.pos_ == "NOUN" else None


def is_conditional(verb: Token, cooperative: bool = False) -> bool:
    """A future act with an "unless"/"if" clause is an ultimatum ("will withdraw unless ...").

    A cooperative act offered "if" something happens ("will send aid if it is attacked") stays a
    promise; only "unless" makes it a threat."""
    marks = {"unless"} if cooperative else CONDITION_MARKS
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in marks for m in child.children
        ):
            return True
    return False


def clause_modality(verb: Token) -> str:
    """'negated', 'refused', 'hypothetical', 'future' or 'actual' for the clause of ``verb``.

    'refused': a negated intention ("will not provide") or a failure ("failed to reach").
    """
    chain = [verb]
    # "will continue to support Ukraine": the act goes on now; only a negation counts above it.
    ongoing = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CONTINUE_VERBS
    if verb.dep_ in {"xcomp", "conj"} and not ongoing:
        chain.append(verb.head)
    elif ongoing and any(c.dep_ == "neg" for c in verb.head.children):
        return "refused"
    if is_direct_question(verb):
        return "hypothetical"
    capacity = ability(verb)
    if capacity is not None:
        return capacity
    negated = future = False
    for head in chain:
        if is_no_longer(head) or has_neither_subject(head):
            negated = True
        for child in head.children:
            if child.dep_ == "neg" or child.lower_ in {"never", "not", "n't"}:
                negated = True
            elif child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return "hypothetical"
            elif child.dep_ == "aux":
                if child.lower_ in HYPOTHETICAL_AUX:
                    return "hypothetical"
                would = child.lower_ == "would" or (
                    child.lower_ == "'d" and child.tag_ == "MD" and head.tag_ != "VBN"
                )  # "we'd strike back", not "they'd struck" (had)
                if would and is_unreported_would(head):
                    return "hypothetical"  # "a truce would let aid in": a conditional
                if child.lower_ in FUTURE_AUX or would:
                    future = True
                elif child.lower_ == "to" and head.dep_ == "ROOT":
                    future = True  # a headline's "Iran to hold talks with EU"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail":
        return "refused"
    if not_yet(verb) or _no_participant(verb) or _halted(verb) or is_held_back(verb):
        return "negated"
    if used_to(verb):
        return "negated"  # "used to supply arms": a past habit, over now
    if verb.dep_ == "xcomp" and obliged_act(verb.head) == verb:
        return "hypothetical"  # "Russia needs to withdraw": owed, not done
    if is_remit(verb):
        return "hypothetical"  # "the mission's task is to protect civilians"
    if _permitted(verb):
        return "hypothetical"
    if future and _hoped_for(verb):
        return "hypothetical"
    if _aimed_at(verb) or _blamed_for(verb) or is_deliberated(verb) or _forecast(verb):
        return "hypothetical"
    if _denied_by_noun(verb):
        return "negated"
    intention = _intention_noun(verb)
    if intention is not None:  # "no plans to withdraw": refused; "plans to withdraw": future
        return "refused" if any(c.lower_ == "no" for c in intention.children) else "future"
    if negated:
        return "refused" if future else "negated"
    if future:
        return "future"
    # "plans to help rebuild", "is willing to send troops to help defend": an intention governs
    # the whole chain of infinitives below it.
    link = verb
    for _ in range(3):
        if link.dep_ != "xcomp":
            break
        if link.head.lemma_.lower() in INTENT_VERBS or link.head.lower_ in INTENT_ADJECTIVES:
            return "future"
        if is_scheduled(link):
            return "future"
        link = link.head
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "go"
        and any(c.lower_ == "going" for c in [verb.head])
    ):
        return "future"
    return "actual"
