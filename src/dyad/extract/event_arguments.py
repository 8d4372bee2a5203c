"""Who did an event to whom: source, target and further target candidates from the parse.

The source is the subject (climbing through coordinated, participial and control clauses), the
passive agent, or a noun event's possessor or "by" phrase; the target is the pattern's slot, with
the other places a target can be named ("to Britain", "from the rebels", "urged X to ...") kept
as options for the resolver, which keeps the first that names an actor or place.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_subjects import ENGAGED_PARTICIPLES, relative_head, subject_of
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


# Verbs and nouns that move the actor's own people: what they move is no target, where it goes
# is ("refused to deploy peacekeepers in Iraq", "withdraw its troops from Mali").
THEME_VERBS = {
    "deploy", "send", "dispatch", "contribute", "station", "withdraw", "pull", "move", "commit",
    "redeploy", "post", "base", "evacuate",
}  # fmt: skip
THEME_NOUNS = {"deployment", "withdrawal", "dispatch", "pullout", "redeployment", "stationing"}
FORCE_NOUNS = {
    "troop", "troops", "soldier", "peacekeeper", "force", "forces", "personnel", "observer",
    "monitor", "unit", "warship", "ship", "aircraft", "plane", "jet", "battalion", "brigade",
    "contingent", "marine", "diplomat", "staff",
}  # fmt: skip

# "is opposed to", "is committed to": a stative participle whose subject holds the attitude.
STATIVE_PARTICIPLES = {"oppose", "opposed", "commit", "committed", "dedicate", "devote"}


def _between_holders(token: Token, trigger_tokens: list[Token]) -> list[Token]:
    """Where a "between" pair may hang: the trigger, or the verb a noun trigger is the subject
    of, or the place of that verb the parser hangs it on ("clashes raged in the north between
    rebels and troops")."""
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        verb = token.head
        places = [c for p in verb.children if p.dep_ == "prep" for c in p.children]
        return [*trigger_tokens, verb, *(c for c in places if c.dep_ == "pobj")]
    return list(trigger_tokens)


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
    for holder in _between_holders(token, trigger_tokens):
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
        attitude = pobj_of(token, ("to",)) if patient is not None and agent is None else None
        if attitude is not None and token.lemma_.lower() in STATIVE_PARTICIPLES:
            # "Israel is opposed to French mediation": the subject opposes, no one opposes it.
            source, target = patient, attitude
        elif patient is not None and agent is None and token.lemma_.lower() in ENGAGED_PARTICIPLES:
            source = patient  # "the army was engaged in ethnic cleansing": the army did it
        elif agent is not None:
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
        state = _state_phrase(token) if source is None else None
        if state is not None:
            source = subject_of(state)
    for slot in pattern.targets:
        if target is not None:
            break
        holders = [token] if pattern.kind == "v" or clause is token else [token, clause]
        # "held talks with X": the slot may hang off the light verb's noun.
        holders += [t for t in trigger_tokens if t.dep_ == "dobj" and t.head.i == token.i]
        for holder in holders:
            if slot == "dobj":
                target = next(
                    (c for c in holder.children if c.dep_ == "dobj" and c.i not in trigger_ids),
                    None,
                )
                if target is None and holder is token:
                    target = _counted_object(holder)
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
    if target is None and pattern.kind == "v" and "dobj" in pattern.targets:
        # "expelled two Ivorian diplomats": the pattern's own object may be the people it is
        # done to (resolution keeps it only if it names an actor, not "sanctions")
        target = next((c for c in token.children if c.dep_ == "dobj" and c.i in trigger_ids), None)
    if target is not None and (
        is_moved_force(target) or _anonymous_victims(target, token, pattern.event_type)
    ):
        # "deploy peacekeepers in Iraq", "killed 23 people in Tel Aviv": the place is the target
        # (target_options puts it first)
        target = None
    source, target = _quantified(_main_subject(_reporter(source))), _quantified(target)
    source = source if can_be_actor(source) else None
    target = target if can_be_actor(target) else None
    if source is not None and target is not None and source.i == target.i:
        target = None
    return source, target, reciprocal


def _state_phrase(noun: Token) -> Token | None:
    """ "dockers went on strike", "teachers remained on strike": the verb of the phrase."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in {"go", "be", "remain", "stay", "come"} else None


def _main_subject(pronoun: Token | None) -> Token | None:
    """ "Two bombers killed 23 people when they blew themselves up": a pronoun subject of a
    time or reason clause is the main clause's subject when it agrees in number."""
    if pronoun is None or pronoun.lower_ not in {"they", "he", "she"}:
        return pronoun
    clause = pronoun.head
    if clause.dep_ != "advcl" or not any(c.dep_ in {"mark", "advmod"} for c in clause.children):
        return pronoun
    main = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if main is None or main.pos_ == "PRON":
        return pronoun
    plural = main.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in main.children)
    if (pronoun.lower_ == "they") != plural:
        return pronoun
    return relative_head(main)


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


# Pronouns that count a part of something: "some of the detained staff", "many of the
# protesters" are the people counted; "some of its operations" is a thing.
QUANTIFIERS = {
    "some", "all", "many", "most", "much", "none", "several", "few", "each", "any", "both",
}  # fmt: skip


def _quantified(token: Token | None) -> Token | None:
    """ "thousands of students", "dozens of journalists", "one third of the guerrillas": the
    people counted are the actor, not the number."""
    if token is None:
        return None
    counted = token.ent_type_ in {"CARDINAL", "QUANTITY", "PERCENT"} or token.like_num
    counted = counted or (token.pos_ == "PRON" and token.lower_ in QUANTIFIERS)  # "some of"
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


def is_moved_force(token: Token) -> bool:
    """Troops, peacekeepers or ships that the actor itself sends, deploys or withdraws."""
    if token.lemma_.lower() not in FORCE_NOUNS and token.lower_ not in FORCE_NOUNS:
        return False
    if any(c.ent_type_ in {"NORP", "GPE", "ORG"} and c.dep_ != "poss" for c in token.lefts):
        return False  # "sent aid to Afghan soldiers": someone else's forces
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in THEME_VERBS
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in THEME_NOUNS
    return False


def is_anonymous_people(token: Token) -> bool:
    """ "23 people", "two persons": victims named by no nationality, group or affiliation."""
    if token.lemma_.lower() not in {"people", "person"} and token.lower_ != "persons":
        return False
    return not any(
        c.ent_type_ in {"NORP", "GPE", "ORG"}
        or (c.dep_ == "prep" and c.lower_ in {"of", "from"})
        or c.dep_ in {"poss", "compound"}
        for c in token.children
    )


def _anonymous_victims(target: Token, verb: Token, event_type: str) -> bool:
    """ "killed 23 people ... in Tel Aviv": an attack on people named by no group, with the place
    named in the verb's clause (event coders then code the place hit)."""
    if event_type not in {"ASSAULT", "FIGHT"} or target.dep_ != "dobj":
        return False
    return is_anonymous_people(target) and any(
        t.dep_ == "pobj" and t.ent_type_ in {"GPE", "LOC", "FAC"} and t.head.lower_ in {"in", "at"}
        for t in verb.subtree
    )


def prep_object(prep: Token) -> Token | None:
    """The object of a preposition. The parser sometimes leaves it dangling and hangs the noun
    on a later clause ("granted asylum to [five officers] holed up in ..."): then the noun
    phrase that starts right after the preposition."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is not None or any(c.dep_ in {"pcomp", "prep"} for c in prep.children):
        return _undated(pobj)
    after = [
        t
        for t in prep.sent
        if t.i > prep.i and t.left_edge.i == prep.i + 1 and t.pos_ in {"NOUN", "PROPN"}
    ]
    return max(after, key=lambda t: t.right_edge.i - t.left_edge.i, default=None)


def _undated(token: Token | None) -> Token | None:
    """ "met with President Bashar Assad Tuesday": the parser may hang the name on the day as
    its compound; the name is the object."""
    if token is None or token.ent_type_ not in {"DATE", "TIME"}:
        return token
    names = [
        c
        for c in token.children
        if c.dep_ == "compound" and c.ent_type_ not in {"", "DATE", "TIME"} and c.i < token.i
    ]
    return names[-1] if names else token


def _clause_subject(head: Token, mark: str) -> Token | None:
    """ "called for Burma to institute reforms": the subject of a clause the preposition opens."""
    for clause in head.children:
        if clause.dep_ in {"advcl", "ccomp", "xcomp"} and any(
            c.dep_ == "mark" and c.lower_ == mark for c in clause.children
        ):
            return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def _counted_object(verb: Token) -> Token | None:
    """ "kidnapped up to 16 advisers": "up to" parsed as particle and preposition."""
    for prt in verb.children:
        if prt.dep_ == "prt" and prt.lower_ == "up":
            for prep in prt.children:
                if prep.lower_ == "to":
                    pobj = prep_object(prep)
                    if pobj is not None and any(c.dep_ == "nummod" for c in pobj.children):
                        return pobj
    return None


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
                pobj = prep_object(child)
                if pobj is not None:
                    return pobj
    for prep in preps:
        subject = _clause_subject(head, prep)
        if subject is not None:
            return subject
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
    for child in noun.children:  # "US Predator attacks": the side named inside a compound
        if child.dep_ == "compound":
            named = [t for t in child.subtree if t.ent_type_ in {"NORP", "GPE", "ORG"}]
            if named and all(t.dep_ in {"compound", "amod"} for t in child.subtree):
                return named[0]
    return None
