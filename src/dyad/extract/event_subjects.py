"""Who did it: the subject of an event's verb, climbing through coordinated, participial,
control and relative clauses to the actor that does the act.

A clause on an act or document the subject staged ("organized a strike that shut down the
capital", "passed a law recognizing ...") is done by whoever staged it.
"""

from __future__ import annotations

from spacy.tokens import Token

# Acts and documents an actor stages, passes or joins: a clause on one of them ("organized a
# strike that shut down the capital", "passed a law recognizing ...", "gathered for a rally to
# protest ...") is done by whoever staged it, when the verb over the noun is one of STAGING_VERBS.
STAGED_NOUNS = {
    "rally", "strike", "protest", "demonstration", "march", "campaign", "boycott", "sit-in",
    "walkout", "vigil", "blockade", "operation", "offensive", "mission", "process", "effort",
    "drive", "bid", "attempt", "programme", "program", "law", "bill", "decree", "resolution",
    "measure", "order", "motion", "amendment", "plan", "initiative", "proposal", "statement",
    "declaration", "petition", "appeal",
}  # fmt: skip
STAGING_VERBS = {
    "organize", "organise", "stage", "hold", "launch", "begin", "start", "call", "mount", "lead",
    "pass", "approve", "adopt", "sign", "issue", "enact", "introduce", "declare", "announce",
    "initiate", "conduct", "join", "gather", "converge", "assemble", "march", "prepare",
    "unveil", "table", "submit", "file", "release", "publish", "set", "step", "intensify",
}  # fmt: skip
# "were engaged in fighting", "is involved in smuggling": the subject does the act in the phrase.
ENGAGED_PARTICIPLES = {"engage", "engaged", "involve", "involved"}


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through coordinated, participial and control clauses."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is None and current.lemma_.lower() in ENGAGED_PARTICIPLES:
            subject = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
        relative = subject is None or subject.lower_ in {"who", "which", "that"}
        stager = _staging_verb(current.head) if current.dep_ in {"relcl", "acl"} else None
        if subject is not None and (stager is None or not relative):
            return relative_head(subject)
        if stager is not None:
            current = stager  # "organized a strike that shut down ...": the organiser did it
            continue
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ in {"VBG", "VBD"}):
            return current.head
        if current.dep_ == "acl" and current.head.dep_ == "ROOT" and current.head.pos_ == "NOUN":
            # "An official Syrian newspaper called on Arabs to unite": the parse left the
            # sentence without a verb root; the participle is its predicate.
            return current.head
        if (
            current.dep_ in {"xcomp", "advcl", "conj", "acl", "ccomp", "acomp"}
            and current.head is not current
        ):
            current = current.head
        elif current.dep_ == "pcomp" and current.head.head is not current.head:
            current = current.head.head
        else:
            return None
    return None


def _staging_verb(noun: Token) -> Token | None:
    """The verb that staged, passed or joined an act or document ("organized [a strike]",
    "gathered for [a rally]"), or None when the noun is no such object of such a verb."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STAGED_NOUNS:
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in {"dobj", "attr", "nsubjpass"}:
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in STAGING_VERBS:
        return None
    return verb


def relative_head(subject: Token) -> Token:
    if subject.lower_ in {"who", "which", "that"} and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject
