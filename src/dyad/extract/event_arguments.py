"""Who did an event to whom: source, target and further target candidates from the parse.

The source is the subject (climbing through coordinated, participial and control clauses), the
passive agent, or a noun event's possessor or "by" phrase; the target is the pattern's slot, with
the other places a target can be named ("to Britain", "from the rebels", "urged X to ...") kept
as options for the resolver, which keeps the first that names an actor or place.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.patterns import EventPattern

# "said that Sudan must return the helicopter": a reported obligation is a demand (CAMEO 10).
REPORT_VERBS = {
    "say", "announce", "declare", "insist", "conclude", "state", "tell", "add", "stress",
    "warn", "reiterate", "emphasize", "emphasise", "argue", "remind",
}  # fmt: skip

QUANTITY_NOUNS = {
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
    "number", "third", "half", "quarter", "majority", "minority", "score", "scores", "some",
    "many", "most", "several", "few", "all", "one", "two", "three", "part",
}  # fmt: skip

# Acts two parties do together: "A and B agreed/met/fought" makes each the other's partner.
RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}

# Prepositions that introduce whom an act is aimed at or taken from.
TARGET_PREPS = {
    "to", "against", "on", "upon", "with", "from", "for", "at", "into", "toward", "towards",
}  # fmt: skip

# Acts whose target may be a place ("lifted a curfew in Montenegro") when no actor is named.
PLACE_TARGET_TYPES = {
    "AGREE", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def find_arguments(
    token: Token,
    pattern: EventPattern,
    trigger_tokens: list[Token],
    clause: Token,
) -> tuple[Token | None, Token | None, bool]:
    trigger_ids = {t.i for t in trigger_tokens}
    source: Token | None = None
    target: Token | None = None
    reciprocal = False
    between = None
    for holder in trigger_tokens:
        between = between or pobj_of(holder, ("between",))
    if between is not None:
        partner = next((c for c in between.children if c.dep_ == "conj"), None)
        if partner is not None:
            return between, partner, True
    if pattern.recipient:
        givers = (pobj_of(t, ("from",)) for t in trigger_tokens)
        giver = next((g for g in givers if g is not None), None)
        # "the town came under fire", "Sudan received aid": the subject is at the receiving end.
        return giver, subject_of(token), False
    if pattern.kind == "v":
        agent = (
            pobj_of(token, ("by",)) if any(c.dep_ == "nsubjpass" for c in token.children) else None
        )
        patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if agent is not None:
            source, target = agent, patient
        elif patient is not None and "dobj" in pattern.targets:
            # "a journalist was killed": the victim is named, the doer is not (and is not
            # whoever reported it: "police said two men were arrested").
            target = patient
        else:
            source = subject_of(token)
    else:
        source = noun_source(token)
        if source is None and clause is not token:
            source = subject_of(clause)
    for slot in pattern.targets:
        if target is not None:
            break
        holders = [token] if pattern.kind == "v" or clause is token else [token, clause]
        for holder in holders:
            if slot == "dobj":
                target = next(
                    (c for c in holder.children if c.dep_ == "dobj" and c.i not in trigger_ids),
                    None,
                )
                if target is None and holder.dep_ == "relcl" and pattern.kind == "v":
                    target = None
            elif slot == "dative":
                target = next((c for c in holder.children if c.dep_ == "dative"), None)
                if target is not None and target.pos_ == "ADP":  # "lend money to Malawi"
                    target = next((c for c in target.children if c.dep_ == "pobj"), None)
            else:
                target = pobj_of(holder, (slot,))
                if target is not None and slot == "with" and pattern.symmetric:
                    reciprocal = True
            if target is not None and target.i not in trigger_ids:
                break
            target = None
    source, target = _quantified(_reporter(source)), _quantified(target)
    source = source if can_be_actor(source) else None
    target = target if can_be_actor(target) else None
    if source is not None and target is not None and source.i == target.i:
        target = None
    return source, target, reciprocal


def _reporter(pronoun: Token | None) -> Token | None:
    """ "Syria says it is willing to withdraw": the pronoun subject of a reported clause is the
    reporter when the reporter is a named or described actor of matching kind."""
    if pronoun is None or pronoun.lower_ not in {"it", "they", "he", "she"}:
        return pronoun
    clause = pronoun.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORT_VERBS | {"confirm"}:
        return pronoun
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ == "PRON":
        return pronoun
    person = speaker.ent_type_ == "PERSON" or (speaker.pos_ == "NOUN" and not speaker.ent_type_)
    if pronoun.lower_ in {"he", "she"} and not person:
        return pronoun
    if pronoun.lower_ == "it" and speaker.ent_type_ == "PERSON":
        return pronoun
    return speaker


def _quantified(token: Token | None) -> Token | None:
    """ "thousands of students", "dozens of journalists", "one third of the guerrillas": the
    people counted are the actor, not the number."""
    if token is None:
        return None
    counted = token.ent_type_ in {"CARDINAL", "QUANTITY", "PERCENT"} or token.like_num
    if not counted and token.lemma_.lower() not in QUANTITY_NOUNS:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return token


def coordinated_partner(source: Token) -> Token | None:
    conj = next((c for c in source.children if c.dep_ == "conj"), None)
    return conj if conj is not None and can_be_actor(conj) else None


def target_options(
    token: Token,
    trigger_tokens: list[Token],
    clause: Token,
    event_type: str,
    source: Token | None,
    target: Token | None,
) -> tuple[int, ...]:
    """Other arguments that may name the target, best first (the resolver keeps an actor)."""
    trigger_ids = {t.i for t in trigger_tokens}
    holders = list(dict.fromkeys([*trigger_tokens, clause]))
    # The act named in the complement: "agreed to provide aid for Romania", "urged Uganda to ...".
    for holder in list(holders):
        for child in holder.children:
            if _complement_verb(child):
                holders.append(child)
                holders.extend(c for c in child.children if c.dep_ in {"xcomp", "ccomp"})
    options: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.i in trigger_ids:
                continue
            if child.dep_ in {"dobj", "dative"} and child.pos_ != "ADP":
                options.append(child)
            elif child.dep_ in {"xcomp", "ccomp"}:
                options.extend(c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"})
            elif child.dep_ in {"prep", "agent", "dative"} and child.lower_ in TARGET_PREPS:
                options.extend(c for c in child.children if c.dep_ == "pobj")
    if event_type in PLACE_TARGET_TYPES:  # "lifted a curfew in Montenegro": the place is hit
        for holder in holders:
            for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"):
                options.extend(
                    c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in {"GPE", "LOC"}
                )
    taken = {t.i for t in (source, target) if t is not None}
    result: list[int] = []
    for option in list(options):
        if not can_be_actor(option):  # "70 million dollars of aid for Romania"
            options.extend(
                c
                for prep in option.children
                if prep.dep_ == "prep" and prep.lower_ in {"for", "to", "of"}
                for c in prep.children
                if c.dep_ == "pobj"
            )
    for option in options:
        fresh = option.i not in taken and option.i not in result
        if fresh and can_be_actor(option) and option.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}:
            result.append(option.i)
    return tuple(result)


def _complement_verb(token: Token) -> bool:
    """ "agreed [to provide]", "said [it would ...]", "began a strike [to protest ...]"."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ in {"xcomp", "ccomp"}:
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def can_be_actor(token: Token | None) -> bool:
    """Times and amounts are never actors ("strikes on Thursday" has no target)."""
    if token is None:
        return False
    return token.ent_type_ not in {
        "DATE",
        "TIME",
        "CARDINAL",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
    }


def pobj_of(head: Token, preps: tuple[str, ...]) -> Token | None:
    for prep in preps:
        for child in head.children:
            if child.dep_ in {"prep", "agent", "prt"} and child.lower_ == prep:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def noun_source(noun: Token) -> Token | None:
    """Who did a noun event: "Israel's strikes", "strikes by Israel", "Israeli strikes"."""
    by = pobj_of(noun, ("by",))
    if by is not None:
        return by
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            return child
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through coordinated, participial and control clauses."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is not None:
            return _relative_head(subject)
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ in {"VBG", "VBD"}):
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


def _relative_head(subject: Token) -> Token:
    if subject.lower_ in {"who", "which", "that"} and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject
