"""Titles beside a name and what they say: the sector of "Defence Minister X" or "X, the US
envoy", a home in "X, Gaza's security chief", "former" office holders (ELI), state media (GOV).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.article import Actor
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import entity_of, group_home, place_country

FORMER = {"former", "ex", "ex-"}
# Media run by a state speak for its government (Phoenix/PLOVER code them GOVMED).
STATE_MEDIA_MODIFIERS = {
    "official",
    "state",
    "state-run",
    "state-owned",
    "government",
    "semi-official",
}
# Sectors that a "former" holder leaves: a former minister or general is one of the elite (ELI).
OFFICE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "PTY", "COP", "SPY", "IGO"}


def is_former(context: Span, head: Token) -> bool:
    """True when "former" or "ex-" qualifies the title or noun before ``head``."""
    words = [t.lower_ for t in context if t.i < head.i]
    words += [c.lower_ for c in head.children if c.dep_ in {"amod", "advmod"}]
    return any(w in FORMER or w.startswith("ex-") for w in words)


def adjusted_sector(span: Span, head: Token, sector: str) -> str:
    """A sector noun's sector, qualified: "former ministers" are ELI, "state media" GOV."""
    if sector in OFFICE_SECTORS and is_former(span, head):
        return "ELI"
    if sector == "MED" and any(
        t.lower_ in STATE_MEDIA_MODIFIERS for t in span if t.i < head.i and t.dep_ != "poss"
    ):
        return "GOV"
    return sector


def title_sector(kb: ActorKB, context: Span, head: Token) -> str | None:
    """Sector of the title nearest a name: "French National Assembly president X" -> GOV."""
    doc = head.doc
    name = entity_of(head)
    start = name.start if name is not None else head.i
    for i in range(start - 1, context.start - 1, -1):
        token = doc[i]
        if token.ent_type_ != "PERSON" and token.pos_ in {"NOUN", "PROPN", "ADJ"}:
            sector = kb.sector_for_term(doc[context.start : i + 1].text)
            if sector is not None:
                return sector
    if name is not None and len(name) > 2:
        # a title the parser put inside the name: "Archbishop Peter Smith", "Activist Sara X"
        for size in range(min(len(name) - 2, 3), 0, -1):
            sector = kb.sector_for_term(name[:size].text)
            if sector is not None:
                return sector
    for token in context:  # a title after the name: "Tom Barrack, the US envoy"
        if token.ent_type_ != "PERSON" and token.i > start:
            # with its premodifier first: "Gaza's security chief", "the army chief"
            before = doc[token.i - 1] if token.i > start + 1 else None
            sector = None
            if before is not None and before.dep_ in {"compound", "amod"}:
                sector = kb.sector_for_term(f"{before.lower_} {token.lower_}")
            sector = sector or kb.sector_for_term(token.lower_)
            if sector is not None:
                return sector
    return None


def appositive_home(kb: ActorKB, context: Span, head: Token, main: str | None) -> str | None:
    """Country of a people or place named in a title after the name: "Mohammed Dahlan, Gaza's
    security chief" (a name or demonym there is read by :func:`modifier_country`)."""
    for token in context:
        if token.i <= head.i or token.ent_type_ == "PERSON" or not token.text[:1].isupper():
            continue
        ent = entity_of(token)
        text = ent.text if ent is not None else token.text
        found = group_home(kb, text, main)
        if found is None and ent is not None and ent.label_ in {"GPE", "LOC"}:
            found = place_country(kb, text)
        if found is not None:
            return found
    return None


# Titles written before a name ("Vice-President Moody Awori") that make it a person's name even
# where the parser took it for an organisation.
PERSON_TITLES = {
    "envoy", "minister", "president", "leader", "ambassador", "official", "secretary",
    "governor", "senator", "chairman", "mayor", "king", "prince", "general", "premier",
    "chancellor", "sheikh", "judge", "commander", "spokesman", "spokeswoman",
    "lawyer", "activist", "journalist", "reporter", "businessman", "businesswoman", "dissident",
    "blogger", "cleric", "imam", "professor", "economist", "opposition", "prosecutor", "lawmaker",
    "congressman", "congresswoman", "rapper", "singer", "businessmen", "tycoon", "billionaire",
}  # fmt: skip


def after_title(head: Token) -> bool:
    """True when the name's entity follows a personal title ("Vice-President Moody Awori")."""
    ent = entity_of(head)
    start = ent.start if ent is not None else head.i
    return start > 0 and head.doc[start - 1].lower_ in PERSON_TITLES


def holds_title(kb: ActorKB, actor: Actor, title: str) -> bool:
    """Whether a known person's office has this title; persons known by title alone pass."""
    role = kb.role_of(actor.id) if actor.id else None
    return role is None or title in role.lower() or title == "official"
