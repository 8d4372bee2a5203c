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
    "organisation", "organization", "supporter", "follower", "loyalist",
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
# Settlements named by who lives there ("a Kurdish village"); camps and bases stand for their owner.
SETTLEMENT_NOUNS = {"village", "town", "city", "district", "neighbourhood", "neighborhood"}
# Buildings and belongings that stand for their owner when one is named ("set fire to the offices
# of the administrators", "raided the home of an activist").
BUILDING_NOUNS = {"office", "headquarters", "home", "house", "residence", "property", "premises"}
LEADING_DROP_DEPS = {"det", "predet", "nummod", "quantmod", "punct", "cc", "preconj"}
LEADING_DROP_TAGS = {"DT", "PDT", "PRP$", "CD", "WDT", "-LRB-", "``", "''", ",", ":"}
# Adjectives that say which kind of actor it is ("ethnic Turks", "armed groups").
KEPT_ADJECTIVES = {"ethnic", "military", "civilian", "paramilitary", "armed", "federal", "royal"}
# "in Jericho", "of the Syrian parliament": places and memberships that are part of the actor.
# A target's "in" phrase is usually where it was hit ("peacekeepers in Iraq"), not who it is.
SOURCE_PREPS = {"of", "in"}
TARGET_PREPS = {"of"}
# A person or group's own place or institution, named ("students at Cumhuriyet University", "a
# missionary from Calgary"), is part of a target too; a plain "in" phrase is where it was hit.
AFFILIATION_PREPS = {"at", "from"}
# People who stand for a named organisation: "Red Cross officials", "members of the Association
# of African Jurists", "inspectors of the IAEA" code as the organisation.
ORG_STAND_INS = {
    "official", "officials", "member", "members", "inspector", "inspectors", "representative",
    "representatives", "minister", "ministers", "delegate", "delegates",
}  # fmt: skip
# Participles that describe where an actor sits: "a newspaper based in Beirut".
PLACING_PARTICIPLES = {"based", "headquartered", "stationed"}
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
    if token.lemma_.lower() in PERSON_NOUNS or kb.sector_for_term(token.lower_) is not None:
        return True
    # "the Kenya Anti-Corruption Commission": a name of several capitalised words.
    compounds = sum(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)
    if token.pos_ == "PROPN" and token.is_title and compounds >= 2:
        return True
    # "Salaheddine Sidhoum, Algeria's leading human rights activist": the apposition says who.
    return token.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and is_actor_token(c, kb) for c in token.children
    )


def is_non_actor_noun(token: Token) -> bool:
    """A document, agreement or act ("the statement", "the Reciprocal Access Agreement"), or a
    condition ("a state of siege", "a state of emergency")."""
    if token.lower_ == "state" and any(
        g.dep_ == "pobj" and g.pos_ == "NOUN"
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    ):
        return True
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
    if depth > 3 or token.pos_ not in {"NOUN", "PROPN"}:
        return token
    org = _organisation_of(token)
    if org is not None:
        return org
    if token.lemma_.lower() in BUILDING_NOUNS:
        owner = _owner_of_building(token, kb, depth)
        if owner is not None:
            return owner
    if is_actor_token(token, kb):
        return token
    for child in token.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and is_actor_token(child, kb):
            return child
    if token.lemma_.lower() in PLACE_NOUNS and _named_place_part(token) is not None:
        return token  # "the Bosnian town of Gorazde": the place itself, as PLOVER codes it
    if token.lemma_.lower() in SETTLEMENT_NOUNS and any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in token.lefts
    ):
        return token  # "a Kurdish village": a community hit, not the Kurds at large
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
                inner = _actor_object(child, kb, depth)
                if inner is not None:
                    return inner
    # "property seized by Algerian forces", "the demonstration staged by students": the doer
    # of what was done to the thing.
    for participle in token.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN":
            # "a bill signed in by the minister": the "by" may hang off the particle.
            near = [*participle.children, *(g for c in participle.children for g in c.children)]
            for agent in near:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    doer = _actor_object(agent, kb, depth)
                    if doer is not None:
                        return doer
    return token


def _named_place_part(place: Token) -> Token | None:
    """The name in "the town of Gorazde", "a village in Western Cambodia"."""
    for prep in place.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}:
                    return pobj
    return None


def _owner_of_building(token: Token, kb: ActorKB, depth: int) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and is_actor_token(child, kb):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            inner = _actor_object(child, kb, depth)
            if inner is not None:
                return inner
    return None


def _actor_object(prep: Token, kb: ActorKB, depth: int) -> Token | None:
    """The actor a preposition's object names ("by Algerian forces", "of the ministry")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    inner = actor_token(pobj, kb, depth + 1) if pobj is not None else None
    return inner if inner is not None and is_actor_token(inner, kb) else None


def _organisation_of(token: Token) -> Token | None:
    """The named organisation that officials or members stand for ("Red Cross officials",
    "members of the Association of African Jurists"); a state's officials stay officials."""
    if token.lower_ not in ORG_STAND_INS or token.ent_type_:
        return None
    # "EU members" are member states; "members of the Association" are the association.
    kind = "member" if token.lemma_.lower() == "member" else "official"
    for child in token.children:
        if child.dep_ in {"compound", "nmod"} and child.ent_type_ == "ORG" and kind != "member":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ == "ORG" and pobj.pos_ == "PROPN":
                return pobj
    return None


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
    place_name = _named_place_part(head) if owner is None and is_place_token(head) else None
    if place_name is not None:
        end = place_name.i + 1
    elif owner is None:
        end = _kept_right(head, end, kb, SOURCE_PREPS if role == "source" else TARGET_PREPS)
        end = max(end, _apposed_name_end(head, end), _placing_end(head, end))
    name_start = ent.start if ent is not None and ent.label_ in {"PERSON", "ORG", "GPE"} else -1
    while start < end - 1 and _drop_leading(doc[start], start < name_start):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _contiguous_left(doc: Doc, start: int, allowed: set[int]) -> int:
    """Extend left over the phrase's own words; a bracketed part of a name ("the Umma (Nation)
    party") stays in, a comma or dash clause does not."""
    inner = start
    while inner - 1 in allowed and (
        not doc[inner - 1].is_punct
        or doc[inner - 1].text in {"-", "(", ")"}
        or (doc[inner - 1].text == "." and doc[inner - 1].tag_ == "NNP")  # "Lt. Gen."
    ):
        inner -= 1
        if not doc[inner].is_bracket:
            start = inner
        elif doc[inner].text == "(":
            start = inner + 1  # an unclosed bracket: the name starts after it
    return start


def _apposed_name_end(head: Token, end: int) -> int:
    """ "religious leader Ayatollah Ruhollah Khomeini", "Minister for Interior Aftab Sherpao":
    a name set right after its title, with no comma, is part of the phrase."""
    for child in head.rights:
        if child.dep_ != "appos" or child.ent_type_ != "PERSON":
            continue
        gap = head.doc[head.i + 1 : child.left_edge.i]
        if child.left_edge.i >= end and not any(t.is_punct for t in gap) and len(gap) <= 3:
            return child.right_edge.i + 1 if not child.right_edge.is_punct else child.i + 1
    return end


def _placing_end(head: Token, end: int) -> int:
    """ "a newspaper based in Christian east Beirut": where the actor sits names it."""
    for child in head.rights:
        if child.dep_ == "acl" and child.lower_ in PLACING_PARTICIPLES and child.i == end:
            return child.right_edge.i + 1
    return end


def _kept_right(head: Token, end: int, kb: ActorKB, preps: set[str]) -> int:
    """Extend over an "of"/"in" phrase that is part of the actor ("member of the parliament")."""
    if head.ent_type_ in ACTOR_ENTS - {"NORP"} and head.pos_ == "PROPN":
        return end
    if head.pos_ == "PROPN" and head.is_title:
        end = _name_continuation(head, end)
    for child in head.rights:
        if child.i < end:
            continue
        affiliation = child.lower_ in AFFILIATION_PREPS and _is_person_group(head, kb)
        if child.dep_ != "prep" or not (child.lower_ in preps or affiliation):
            break
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None or not any(
            t.ent_type_ != "NORP" and (t.ent_type_ or is_actor_token(t, kb) or t.pos_ == "PROPN")
            for t in pobj.subtree
        ):
            break  # "administrators of Muslim property": a thing, not part of who they are
        if affiliation and child.lower_ not in preps:
            return pobj.i + 1 if _named(pobj) else end
        ids = [t.i for t in child.subtree if not (t.dep_ in {"relcl", "acl"} or t.is_punct)]
        stop = _first_clause_token(child)
        return min(max(ids) + 1, stop) if ids else end
    return end


def _is_person_group(head: Token, kb: ActorKB) -> bool:
    """People named by a common noun ("students", "missionary"), not an organisation's name."""
    return head.pos_ == "NOUN" and is_actor_token(head, kb)


def _named(pobj: Token) -> bool:
    """A named place or institution: "Calgary", "Cumhuriyet University", "East Timor's capital"
    (not "a heating plant in the Kyivskyi district": the name there is the plant's place)."""
    own = [pobj, *(c for c in pobj.children if c.dep_ in {"compound", "poss"})]
    return pobj.pos_ == "PROPN" or any(t.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} for t in own)


def _name_continuation(head: Token, end: int) -> int:
    """ "the Congolese Association for Access to Justice": a name's own capitalised phrases."""
    for child in head.rights:
        if child.i != end or child.dep_ != "prep" or child.lower_ not in {"for", "of", "to", "on"}:
            break
        aside = {
            d.i for t in child.subtree if t.dep_ in {"appos", "relcl", "acl"} for d in t.subtree
        }
        words = [t for t in child.subtree if t.i > child.i and t.i not in aside]
        words = [t for t in words if not t.is_punct]
        if not words or not all(t.is_title or t.dep_ == "det" or t.pos_ == "ADP" for t in words):
            break
        end = max(t.i for t in words) + 1
    return end


def _first_clause_token(prep: Token) -> int:
    """Where a relative or participle clause inside the phrase starts (it is not the actor)."""
    for t in prep.subtree:
        if t.dep_ in {"relcl", "acl", "appos"} or t.text in {",", "("}:
            return min(s.i for s in t.subtree)
    return len(prep.doc)


def _drop_leading(token: Token, name: bool) -> bool:
    if token.dep_ == "npadvmod" and token.head.tag_ == "VBN" and not token.ent_type_:
        return True  # "war-torn Mozambique" ("Vietnamese-led forces" names a side: kept)
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
