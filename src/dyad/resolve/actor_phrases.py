"""Where a noun phrase says which country an actor belongs to: modifiers, places and possessors.

"the Syrian army" (a demonym), "Iraq's national security adviser" (a possessor), "protesters in
Tehran" (a place attached to the noun), "ethnic Albanians in south Serbia" (an ethnic group: the
place, not the demonym), "an anti-Syria journalist" (a stance, not a nationality).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.gazetteer import load_gazetteer

LOCATIVE_PREPS = {"in", "at", "near", "from", "across", "inside", "outside", "around", "into"}
# A place named by a locative phrase gives its country when it is a real administrative unit or a
# sizeable town; a hamlet that shares a name with a foreign city must not decide a nationality.
PLACE_MIN_POPULATION = 50_000
PLACE_AREAS = {"admin1", "admin2", "region", "country"}
STANCE_PREFIXES = ("anti", "pro", "non", "ex")


def entity_of(token: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    if not token.ent_type_:
        return None
    # One index per Doc: scanning doc.ents for every token is quadratic on long texts.
    index = token.doc.user_data.get("dyad_entity_index")
    if index is None:
        index = {i: ent for ent in token.doc.ents for i in range(ent.start, ent.end)}
        token.doc.user_data["dyad_entity_index"] = index
    return index.get(token.i)


def country_of_name(kb: ActorKB, text: str) -> tuple[str, str] | None:
    """(ISO3, how) for a country name, capital or seat of power, or demonym; else None."""
    for how, lookup in (
        ("country", kb.country_by_name),
        ("capital", kb.country_by_capital),
        ("demonym", kb.country_by_demonym),
    ):
        country = lookup(text)
        if country is not None:
            return country.iso3, how
    return None


def place_country(kb: ActorKB, text: str) -> str | None:
    """Country of a place name: a country or capital, else a sizeable gazetteer place."""
    known = kb.country_by_name(text) or kb.country_by_capital(text)
    if known is not None:
        return known.iso3
    for candidate in load_gazetteer().lookup(text)[:1]:
        big = (candidate.population or 0) >= PLACE_MIN_POPULATION
        if candidate.country and (big or candidate.precision in PLACE_AREAS):
            return candidate.country
    return None


def is_stance(token: Token) -> bool:
    """True for "Syria" in "anti-Syria" / "pro-Iranian": a stance towards a country."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return doc[token.i - 2].lower_ in STANCE_PREFIXES
    return token.lower_.startswith(tuple(p + "-" for p in STANCE_PREFIXES))


def is_ethnic(token: Token) -> bool:
    """True for a demonym used for an ethnic group ("ethnic Albanians", "ethnic Turks")."""
    window = token.doc[max(token.i - 2, 0) : token.i]
    return any(t.lower_ == "ethnic" for t in window)


def modifier_country(kb: ActorKB, span: Span, head: Token) -> str | None:
    """A country named inside a noun phrase by name, demonym or capital ("Syrian", "US").

    Locative phrases, stances ("anti-Syria") and ethnic uses ("ethnic Albanians") do not count.
    """
    for token in span:
        if token.i != head.i and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
            continue
        if token.ent_type_ in {"GPE", "NORP"} or token.pos_ in {"PROPN", "ADJ"}:
            if is_stance(token) or is_ethnic(token):
                continue
            ent = entity_of(token)
            for text in dict.fromkeys((ent.text if ent is not None else token.text, token.text)):
                found = country_of_name(kb, text)
                if found is not None:
                    return found[0]
    return None


def located_country(kb: ActorKB, head: Token, of: bool = False) -> str | None:
    """Country of a place the noun is located by: "protesters in Tehran", "Albanians in Serbia".

    With ``of``, "of" counts too ("the government of Sindh province").
    """
    preps = LOCATIVE_PREPS | {"of"} if of else LOCATIVE_PREPS
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for token in obj.subtree:
                ent = entity_of(token)
                if ent is not None and ent.label_ in {"GPE", "LOC", "FAC"}:
                    found = place_country(kb, ent.text)
                    if found is not None:
                        return found
    return None


def main_country(kb: ActorKB, doc: Doc) -> str | None:
    """The country an article is most about: the most named by country, demonym or capital."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "NORP"} or is_ethnic(ent[0]) or is_stance(ent[0]):
            continue
        country = (
            kb.country_by_name(ent.text)
            or kb.country_by_demonym(ent.text)
            or kb.country_by_capital(ent.text)
        )
        if country is not None:
            counts[country.iso3] += 1
    return counts.most_common(1)[0][0] if counts else None


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
    for token in context:  # a title after the name: "Tom Barrack, the US envoy"
        if token.ent_type_ != "PERSON" and token.i > start:
            sector = kb.sector_for_term(token.lower_)
            if sector is not None:
                return sector
    return None
