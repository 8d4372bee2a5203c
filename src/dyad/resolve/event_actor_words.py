"""The words event coders go by when they pick an actor: which nouns name people or groups,
which name documents, places, buildings or machines, and the predicates built on them.

``event_spans`` chooses the actor token and its span with these.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_arguments import QUANTIFIERS
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
    "organisation", "organization", "supporter", "follower", "loyalist", "department",
    "committee", "council", "bureau", "directorate", "secretariat", "institute", "foundation",
    "observatory",
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
# So are the adjectives of an office's title or an institution's name ("the prime minister",
# "the electoral commission").
KEPT_ADJECTIVES = {
    "ethnic", "military", "civilian", "paramilitary", "armed", "federal", "royal", "prime",
    "foreign", "interior", "supreme", "chief", "deputy", "vice", "presidential", "national",
    "electoral", "central", "judicial", "parliamentary", "provincial", "municipal",
    "constitutional", "legislative",
}  # fmt: skip
# "in Jericho", "of the Syrian parliament": places and memberships that are part of the actor.
# A target's "in" phrase is usually where it was hit ("peacekeepers in Iraq"), not who it is.
SOURCE_PREPS = {"of", "in"}
TARGET_PREPS = {"of"}
# A person or group's own place or institution, named ("students at Cumhuriyet University", "a
# missionary from Calgary"), is part of a target too; a plain "in" phrase is where it was hit.
AFFILIATION_PREPS = {"at", "from"}
# People who stand for a named organisation: "Red Cross officials", "members of the Association
# of African Jurists", "inspectors of the IAEA" code as the organisation.
# So do officials and officers of an institution named by a sector word: "Israeli intelligence
# officials", "Panamanian army officers" code as the intelligence service and the army.
ORG_STAND_INS = {
    "official", "officials", "member", "members", "inspector", "inspectors", "representative",
    "representatives", "minister", "ministers", "delegate", "delegates", "officer", "officers",
    "agent", "agents", "personnel",
}  # fmt: skip
# Those who speak for a body stand for it: "a spokesman for the foreign ministry".
SPEAKER_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "mouthpiece"}
# Vehicles and weapons stand for whoever they belong to ("U.N. helicopters evacuated ...").
EQUIPMENT_NOUNS = {
    "helicopter", "warplane", "jet", "plane", "aircraft", "drone", "tank", "bulldozer",
    "gunboat", "warship", "ship", "vessel", "missile", "rocket",
}  # fmt: skip
# Vehicles that stand for the people they carry ("attacked a bus carrying pilgrims").
CONVEYANCE_NOUNS = {
    "convoy", "bus", "vehicle", "car", "truck", "lorry", "minibus", "train", "boat", "ship",
    "plane", "aircraft", "helicopter", "flight", "motorcade", "ferry",
}  # fmt: skip
# A regime named after its leader is coded as the leader ("Suharto's government").
REGIME_NOUNS = {"government", "regime", "administration", "cabinet", "junta"}
# "the Russian language", "Arabic script": a nationality word that names a language, not people.
LANGUAGE_NOUNS = {"language", "script", "dialect", "alphabet", "tongue"}
# Participles that name who holds a place: "rebel-held districts", "Taliban-ruled Kandahar".
HOLDING_PARTICIPLES = {"held", "controlled", "ruled", "run", "occupied", "dominated"}
# Participles that describe where an actor sits: "a newspaper based in Beirut".
PLACING_PARTICIPLES = {"based", "headquartered", "stationed"}
# Words that say whom an actor serves: "militants loyal to X", "a group linked to Y".
ALLEGIANCE_WORDS = {"loyal", "allied", "linked", "affiliated", "aligned", "backed"}
# Phrases of a thing that name its owner, author or target, tried in this order.
OWNER_PREPS = ("of", "by", "from", "against", "on", "to", "with", "for")


def is_actor_token(token: Token, kb: ActorKB) -> bool:
    """A person, group, organisation, state or nationality (not a thing, place part or act)."""
    if token.pos_ == "PRON":  # not "its", nor "everything", "nothing"
        if token.lower_ in QUANTIFIERS:  # actors only when what they count is ("some of them")
            part = next((g for c in token.children if c.lower_ == "of" for g in c.children), None)
            return part is None or is_actor_token(part, kb)
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


def organisation_of(token: Token, kb: ActorKB) -> Token | None:
    """The organisation that officials or members stand for ("Red Cross officials", "army
    officers", "members of the Federation of Coastal Fishers"); a state's officials stay
    officials."""
    if token.lemma_.lower() in SPEAKER_NOUNS and not token.ent_type_:
        for prep in token.children:  # "a spokesman for the foreign ministry": the ministry
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in {"for", "of"} and pobj is not None:
                return pobj if is_actor_token(pobj, kb) else None
        return None
    if token.lower_ not in ORG_STAND_INS or token.ent_type_:
        return None
    # "EU members" are member states; "members of the Association" are the association.
    kind = "member" if token.lemma_.lower() == "member" else "official"
    for child in token.children:
        if child.dep_ in {"compound", "nmod"} and kind != "member" and _institution(child, kb):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ == "ORG" and pobj.pos_ == "PROPN":
                return pobj
    return None


def _institution(token: Token, kb: ActorKB) -> bool:
    """A named organisation ("Red Cross", "the Montenegro Municipality Association") or an
    institution's sector word ("army", "intelligence", "police")."""
    if token.ent_type_ == "ORG":
        return True
    if token.pos_ == "PROPN" and token.is_title and not token.ent_type_:
        words = [t for t in token.subtree if t.i < token.i and t.dep_ == "compound"]
        acronym = any(c.dep_ == "appos" and c.ent_type_ == "ORG" for c in token.children)
        return len(words) >= 2 or acronym
    return (
        token.pos_ == "NOUN"
        and not token.ent_type_
        and kb.sector_for_term(token.lower_) is not None
    )
