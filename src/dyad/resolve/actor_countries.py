"""Mentions headed by a country, capital, demonym, place or people: "Damascus said" (its
government), "a curfew in Algiers" (its people), "Syrian soldiers", "ethnic Albanians in
Serbia", "Moslem fundamentalists" (a group where it lives)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.article import Actor
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import (
    country_of_name,
    entity_of,
    group_home,
    is_ethnic,
    is_locative,
    is_stance,
    located_country,
    modifier_home,
    place_country,
)

MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
# Acts only a state's armed forces carry out, so a nationality before them names its military:
# "Israeli air strikes", "Russian shelling", "a Ukrainian drone strike".
MILITARY_ACTS = {
    "airstrike", "air strike", "air raid", "drone strike", "missile strike", "shelling",
    "bombardment", "incursion", "offensive", "counteroffensive", "counter-offensive",
}  # fmt: skip


def military_act(noun: Token) -> bool:
    """True for "strikes" in "Israeli air strikes", "shelling" in "Russian shelling"."""
    lemma = noun.lemma_.lower()
    words = [c.lower_ for c in noun.lefts if c.dep_ == "compound"][-1:]
    if lemma == "strike" and any(
        c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in noun.children
    ):
        return True  # "Israeli strikes on its nuclear sites" (not "French strikes over pay")
    return lemma in MILITARY_ACTS or " ".join([*words, lemma]) in MILITARY_ACTS


def country_mention(
    kb: ActorKB, head: Token, ent: Span, main_country: str | None, named: Actor | None
) -> tuple[Actor, str] | None:
    """(actor, kind) for a country, capital, demonym, place or people heading the mention.

    ``named`` is what the knowledge base makes of the whole mention ("Gaza Health Ministry"):
    a named place is then no mere place.
    """
    if is_stance(head) or any(e.kind != "country" for e in kb.lookup_name(ent.text)):
        return None  # "Brussels" for the EU is a name in the knowledge base, not a capital
    found = country_of_name(kb, ent.text)
    if found is None and ent.label_ == "GPE" and named is None and not place_country(kb, ent.text):
        typo = kb.country_by_misspelling(ent.text)  # "Ethopia" in wire copy
        found = (typo.iso3, "country") if typo is not None else None
    if found is not None and found[1] == "demonym" and is_ethnic(head):
        # "ethnic Albanians in south Serbia": the people of the place, not of Albania
        country = located_country(kb, head)
        how = "ethnic-group+place"
        if country is None:
            country, how = main_country, "ethnic-group+article-country"
        return Actor(country=country, sector="CVL", kind="group", resolved_by=how), "group"
    if found is not None:
        country, how = found
        for child in head.children:
            if how != "demonym" or child.dep_ not in {"amod", "compound"} or child.i > head.i:
                continue
            child_ent = entity_of(child)
            outer = country_of_name(kb, child_ent.text if child_ent is not None else child.text)
            if outer is not None and outer[1] in {"demonym", "country"}:
                country = outer[0]  # "Bosnian Serbs" live in Bosnia, "Kosovo Albanians" in Kosovo
        if how == "demonym":
            sector = modified_sector(kb, head) or "CVL"
            return Actor(country=country, sector=sector, kind="group", resolved_by=how), "group"
        if is_locative(head):
            # "a curfew in Algiers", "voting in East Jerusalem": the place and its people
            return Actor(country=country, sector="CVL", kind="place", resolved_by="place"), "place"
        how = "capital-metonym" if how == "capital" else "country-metonym"
        known = kb.country(country)
        name = known.name if known is not None else None
        actor = Actor(name=name, country=country, sector="GOV", kind="country", resolved_by=how)
        return actor, "country"
    if ent.label_ in {"GPE", "LOC"} and named is None:
        place = place_country(kb, ent.text)
        if place is not None:
            people = "CVL" if is_locative(head) else None
            actor = Actor(country=place, sector=people, kind="place", resolved_by="place-country")
            return actor, "place"
    if ent.label_ == "NORP" and found is None and not kb.lookup_name(ent.text):
        # a religious or ethnic group ("Moslem", "Hausa"): the people where it is, or of the
        # group's home ("Chechens"), or of the article's country, with the sector of the noun
        # it modifies
        country = located_country(kb, head)
        how = "group+place"
        if country is None:
            country, how = group_home(kb, ent.text, main_country), "group+home"
        if country is None:
            country, how = main_country, "group+article-country"
        if country is not None:
            # "Hausa politicians" takes its noun's sector; "Kurds" alone are people (as demonyms)
            noun = modified_sector(kb, head)
            if noun is None and head.dep_ not in MODIFIER_DEPS:
                noun = kb.sector_for_term(ent.text) or "CVL"  # "Jihadists" are REB
            return Actor(country=country, sector=noun, kind="group", resolved_by=how), "group"
    return None


def modified_sector(kb: ActorKB, token: Token) -> str | None:
    """Sector of the noun a demonym modifies: "Israeli" in "Israeli intelligence officials"."""
    if token.dep_ not in MODIFIER_DEPS or token.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = token.head
    words = [t.text for t in noun.lefts if t.dep_ == "compound" and t.i > token.i]
    sector = kb.sector_for_term(" ".join([*words, noun.text]))
    for word in reversed(words if sector is None else ()):
        # "Kampuchean guerrilla camps": the camps are no actor, the guerrillas are
        sector = kb.sector_for_term(word)
        if sector is not None:
            break
    if sector is None and military_act(noun):
        sector = "MIL"
    return sector


def group_mention(
    kb: ActorKB, head: Token, ent: Span | None, span: Span, main_country: str | None
) -> tuple[Actor, str] | None:
    """A people the parser did not tag as one: "Karen" in "Karen guerrillas" (taken for a
    person), "Tamils", "Crimean Tatars" (no entity or a wrong one). As a premodifier it takes the
    sector of its noun; as a head it is the people (CVL). A person's name stays a person:
    "Karen Bass", "Karen said"."""
    if not head.text[:1].isupper():
        return None
    label = ent.label_ if ent is not None else ""
    text = ent.text if ent is not None and label != "PERSON" else head.text
    if not kb.group_countries(text) and not kb.group_countries(text := head.text):
        return None
    if head.dep_ in MODIFIER_DEPS:
        if head.head.pos_ != "NOUN" or head.head.ent_type_:
            return None
        country = located_country(kb, head.head) or group_home(kb, text, main_country)
        sector = modified_sector(kb, head)
    elif label == "PERSON":
        return None
    else:
        country = (
            located_country(kb, head)
            or modifier_home(kb, span, head, main_country)
            or group_home(kb, text, main_country)
        )
        sector = "CVL"
    return Actor(country=country, sector=sector, kind="group", resolved_by="group+home"), "group"


def people_modifier(kb: ActorKB, head: Token) -> bool:
    """True when a people, ethnic or religious group premodifies the noun ("Kurdish forces",
    "Moslem forces", "Karen troops"): a group, unlike a demonym, has no state army."""
    for child in head.lefts:
        if child.dep_ not in MODIFIER_DEPS or not child.text[:1].isupper() or is_stance(child):
            continue
        ent = entity_of(child)
        text = ent.text if ent is not None else child.text
        if kb.country_by_demonym(text) or kb.country_by_name(text) or kb.lookup_name(text):
            continue
        if kb.group_countries(text) or (ent is not None and ent.label_ == "NORP"):
            return True
    return False


def national_namesake(kb: ActorKB, head: Token, named: Actor | None) -> Actor | None:
    """A country's own body that shares its name with an international one: "the Ethiopian
    Human Rights Council", "Kenya's Human Rights Commission" are that state's, not the UN's.
    The sector comes from the head noun ("court" JUD, "assembly" LEG), else GOV."""
    if named is None or named.sector != "IGO" or named.kind != "organisation":
        return None
    if head.ent_type_ != "ORG":
        return None  # "Syria's UN envoy": an envoy to the UN, not a body named like it
    name_words = set((named.name or "").casefold().split())
    for token in head.doc[head.left_edge.i : head.i]:
        if token.dep_ not in {"amod", "compound", "poss"} or token.lower_ in name_words:
            continue
        found = country_of_name(kb, token.text)
        if found is None or found[1] not in {"country", "demonym"}:
            continue
        sector = kb.sector_for_term(head.lower_) or "GOV"
        sector = sector if sector in {"GOV", "JUD", "LEG"} else "GOV"
        return Actor(
            name=named.name, country=found[0], sector=sector, kind="organisation",
            resolved_by="national-namesake",
        )  # fmt: skip
    return None


def national_branch(kb: ActorKB, head: Token, country: str) -> Actor | None:
    """An international NGO's branch named by the country after it: "Amnesty International
    Kenya", "Human Rights Watch Nigeria" are that country's NGOs, not its government."""
    start = min((c.left_edge.i for c in head.lefts if c.dep_ == "compound"), default=head.i)
    if start == head.i:
        return None
    name = head.doc[start : head.i].text
    entry = next((e for e in kb.lookup_name(name) if e.kind == "organisation"), None)
    if entry is None or entry.country or entry.sector != "NGO":
        return None
    return Actor(
        name=f"{entry.name} {head.text}", country=country, sector="NGO", kind="organisation",
        resolved_by="ngo-national-branch",
    )  # fmt: skip
