"""The actor phrase of an event's source or target: which token names the actor, and its span.

An event argument found by the parse is often a thing that belongs to the actor ("Turkey's
efforts", "Palestinian homes", "the offices of the administrators"): the actor is the possessor,
the nationality or organisation modifier, or the "of" phrase. The span kept is the actor phrase
as event coders mark it (PLOVER GSR): the head with its titles, names and nationality words, but
no determiner, number, quantifier or evaluative adjective ("the", "46", "at least", "war-torn").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import entity_of

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# People and groups the sector list leaves out (it codes roles, not every kind of person).
PERSON_NOUNS = {
    "leader", "member", "adviser", "advisor", "hacker", "inspector", "representative",
    "delegation", "delegate", "side", "group", "national", "citizen", "crowd", "mob", "gunman",
    "man", "woman", "negotiator", "envoy", "spokesman", "spokeswoman", "party", "faction",
    "community", "nation", "country", "state", "neighbor", "neighbour", "ally", "coalition",
    "wing", "branch", "unit", "bloc", "agency", "kingdom", "republic", "movement", "alliance",
    "organisation", "organization",
}  # fmt: skip
# Documents, acts and agreements: never an actor themselves, though their author may be named
# ("a statement by the ministry", "the army's report"). "The agreement allows ..." has no source.
NON_ACTOR_NOUNS = {
    "statement", "law", "agreement", "accord", "deal", "treaty", "pact", "truce", "ceasefire",
    "cease-fire", "report", "document", "drill", "exercise", "resolution", "protocol",
    "memorandum", "plan", "decision", "letter", "communique", "declaration", "bill", "decree",
    "order", "constitution", "charter", "rule", "regulation", "policy", "proposal", "initiative",
    "measure", "sanction", "announcement", "speech", "message", "post", "video", "footage",
}  # fmt: skip
PLACE_NOUNS = {"village", "town", "city", "camp", "base", "district", "province", "region"}
LEADING_DROP_DEPS = {"det", "predet", "nummod", "quantmod", "punct", "cc", "preconj"}
LEADING_DROP_TAGS = {"DT", "PDT", "PRP$", "CD", "WDT", "-LRB-", "``", "''", ",", ":"}
# Adjectives that say which kind of actor it is ("ethnic Turks", "armed groups").
KEPT_ADJECTIVES = {"ethnic", "military", "civilian", "paramilitary", "armed", "federal", "royal"}
# "in Jericho", "of the Syrian parliament": places and memberships that are part of the actor.
# A target's "in" phrase is usually where it was hit ("peacekeepers in Iraq"), not who it is.
SOURCE_PREPS = {"of", "in"}
TARGET_PREPS = {"of"}
# Phrases of a thing that name its owner, author or target, tried in this order.
OWNER_PREPS = ("of", "by", "from", "against", "on", "to", "with", "for")


def is_actor_token(token: Token, kb: ActorKB) -> bool:
    """A person, group, organisation, state or nationality (not a thing, place part or act)."""
    if token.pos_ == "PRON":  # not "its", nor "everything", "nothing"
        return token.tag_ != "PRP$" and not token.lower_.endswith("thing")
    ent = entity_of(token) if token.ent_type_ == "ORG" else None
    if is_non_actor_noun(token) or (ent is not None and is_non_actor_noun(ent.root)):
        return False  # "the statement", "Access" in "the Reciprocal Access Agreement"
    if token.ent_type_ in ACTOR_ENTS:
        return True
    if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return False
    return token.lemma_.lower() in PERSON_NOUNS or kb.sector_for_term(token.lower_) is not None


def is_non_actor_noun(token: Token) -> bool:
    """A document, agreement or act ("the statement", "the Reciprocal Access Agreement")."""
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and token.lemma_.lower() in NON_ACTOR_NOUNS
        and token.ent_type_ not in {"PERSON", "GPE", "NORP"}
    )


def is_place_token(token: Token) -> bool:
    """A named place or a settlement noun: PLOVER codes the place hit when no actor is named."""
    return token.ent_type_ in {"GPE", "LOC", "FAC"} or token.lemma_.lower() in PLACE_NOUNS


def actor_token(token: Token, kb: ActorKB, depth: int = 0) -> Token:
    """The token that names the actor of an argument: itself, or the possessor, the nationality
    or organisation modifier, or the "of"/"by"/"against" phrase of a thing ("Turkey's efforts",
    "Palestinian homes", "calls by Belarus's rulers", "action against Russia")."""
    if depth > 3 or is_actor_token(token, kb) or token.pos_ not in {"NOUN", "PROPN"}:
        return token
    for child in token.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and is_actor_token(child, kb):
            return child
    # "military aid" names no actor; "Israeli homes" and "rebel camps" do. The words of the
    # thing's own name ("the Reciprocal Access Agreement") are no owner.
    own = entity_of(token)
    modifiers = [
        t
        for c in token.lefts
        if c.dep_ in {"compound", "amod", "nmod"}
        for t in c.subtree
        if t.dep_ in {"compound", "amod", "nmod", "poss"}
        and is_actor_token(t, kb)
        and (t.pos_ != "ADJ" or t.ent_type_)
        and not (own is not None and is_non_actor_noun(token) and own.start <= t.i < own.end)
    ]
    if modifiers:
        return modifiers[-1]
    for prep in OWNER_PREPS:
        for child in token.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ == prep:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    inner = actor_token(pobj, kb, depth + 1)
                    if is_actor_token(inner, kb):
                        return inner
    return token


def actor_span(
    token: Token, kb: ActorKB, owner: Token | None = None, role: str = "source"
) -> tuple[int, int]:
    """Token range [start, end) of the actor phrase headed by ``token``.

    ``owner``: the thing the actor modifies ("camps" in "Kampuchean guerrilla camps"); the
    modifiers left of the actor word are then part of the phrase.
    """
    doc: Doc = token.doc
    if token.pos_ == "PRON":
        return token.i, token.i + 1
    ent = entity_of(token)
    start, end = token.i, token.i + 1
    if ent is not None and ent.label_ in ACTOR_ENTS | {"LOC", "FAC"}:
        start, end = min(start, ent.start), max(end, ent.end)
    head = token if ent is None else ent.root
    lefts = [t for t in head.subtree if t.i < start]
    if owner is not None and head.head.i == owner.i and head.dep_ in {"compound", "amod", "nmod"}:
        lefts += [t for c in owner.lefts if c.i < head.i for t in c.subtree]
    start = _contiguous_left(doc, start, {t.i for t in lefts})
    if owner is None:
        end = _kept_right(head, end, kb, SOURCE_PREPS if role == "source" else TARGET_PREPS)
    name_start = ent.start if ent is not None and ent.label_ in {"PERSON", "ORG", "GPE"} else -1
    while start < end - 1 and _drop_leading(doc[start], start < name_start):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _contiguous_left(doc: Doc, start: int, allowed: set[int]) -> int:
    while start - 1 in allowed and (not doc[start - 1].is_punct or doc[start - 1].text == "-"):
        start -= 1
    return start


def _kept_right(head: Token, end: int, kb: ActorKB, preps: set[str]) -> int:
    """Extend over an "of"/"in" phrase that is part of the actor ("member of the parliament")."""
    if head.ent_type_ in ACTOR_ENTS - {"NORP"} and head.pos_ == "PROPN":
        return end
    for child in head.rights:
        if child.i < end:
            continue
        if child.dep_ != "prep" or child.lower_ not in preps:
            break
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None or not any(t.ent_type_ or is_actor_token(t, kb) for t in pobj.subtree):
            break
        ids = [t.i for t in child.subtree if not (t.dep_ in {"relcl", "acl"} or t.is_punct)]
        stop = _first_clause_token(child)
        return min(max(ids) + 1, stop) if ids else end
    return end


def _first_clause_token(prep: Token) -> int:
    """Where a relative or participle clause inside the phrase starts (it is not the actor)."""
    for t in prep.subtree:
        if t.dep_ in {"relcl", "acl", "appos"} or t.text in {",", "("}:
            return min(s.i for s in t.subtree)
    return len(prep.doc)


def _drop_leading(token: Token, name: bool) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.text == "-" and not token.like_num:
        return False  # "anti-Syria journalist": a hyphenated word is kept whole
    if token.dep_ in LEADING_DROP_DEPS or token.tag_ in LEADING_DROP_TAGS or token.is_punct:
        return True
    if token.pos_ == "ADV" and token.dep_ in {"advmod", "quantmod"}:
        return True  # "nearly 3,000 Danish sites"
    if token.lower_ in {"at", "least", "most", "up", "to", "about", "some", "more", "than", "of"}:
        return token.dep_ in {"advmod", "quantmod", "prep", "pobj", "amod"} or token.like_num
    # "war-torn Mozambique", "neighboring Lebanon", "suspected British militant": descriptions.
    if token.dep_ == "amod" and token.pos_ == "VERB":
        return True
    if name and token.is_lower and not token.ent_type_ and token.lower_ not in KEPT_ADJECTIVES:
        return True  # "candidate Alassane Ouattara", "opposition leader X" (titles are capitalised)
    return (
        token.pos_ == "ADJ"
        and not token.ent_type_
        and token.is_lower
        and token.lower_ not in KEPT_ADJECTIVES
    )
