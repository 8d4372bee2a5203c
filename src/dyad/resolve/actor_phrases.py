"""Where a noun phrase says which country an actor belongs to: modifiers, places and possessors.

"the Syrian army" (a demonym), "Iraq's national security adviser" (a possessor), "protesters in
Tehran" (a place attached to the noun), "ethnic Albanians in south Serbia" (an ethnic group: the
place, not the demonym), "an anti-Syria journalist" (a stance, not a nationality).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor
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


# Where something happens ("a curfew in Algiers"); "from Damascus" may be a government's envoy.
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout"}


def is_locative(token: Token) -> bool:
    """True for a place named as where something happens: "in Algiers", "near Basra"."""
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


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


def is_stance(token: Token) -> bool:
    """True for "Syria" in "anti-Syria" / "pro-Iranian" / "Iran-backed": a stance towards a
    country or its backing, not the actor's own nationality."""
    doc = token.doc
    if (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_ in BACKING_WORDS
    ):
        return True
    if token.lower_.endswith(tuple("-" + w for w in BACKING_WORDS)):
        return True
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return doc[token.i - 2].lower_ in STANCE_PREFIXES
    return token.lower_.startswith(tuple(p + "-" for p in STANCE_PREFIXES))


# "Iran-backed militias", "Rwandan-supported rebels": the country backs them, they are not its own
BACKING_WORDS = ("backed", "sponsored", "supported", "funded", "armed", "trained", "allied")


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
            found = _named_place_country(kb, obj)
            if found is not None:
                return found
            placed = prep.lower_ in PLACE_PREPS or (of and prep.lower_ == "of")
            if obj.pos_ == "PROPN" and placed and _untagged_place(kb, obj):
                # "local authorities in Sumy": a town the parser took for a name
                return place_country(kb, obj.text)
    return None


def _untagged_place(kb: ActorKB, token: Token) -> bool:
    ent = entity_of(token)
    if ent is not None and (ent.label_ not in {"PERSON", "ORG", "NORP"} or len(ent) > 1):
        return False
    return not kb.lookup_name(token.text) and place_country(kb, token.text) is not None


def group_home(kb: ActorKB, text: str, main: str | None) -> str | None:
    """Country of a people, group or region named ``text`` ("Chechen", "Kurds", "Darfur"): the
    article's country when the group lives there, else the group's main home; None if no group."""
    homes = kb.group_countries(text)
    if not homes:
        return None
    return main if main in homes else homes[0]


def modifier_home(kb: ActorKB, span: Span, head: Token, main: str | None) -> str | None:
    """Country of a people or place premodifying the noun: "Chechen rebels", "Karen guerrillas",
    "Gaza residents", "Benghazi militias". Names of organisations ("Hamas gunmen") do not count."""
    for token in span:
        if token.i >= head.i or token.dep_ not in MODIFIER_NOUN_DEPS or is_stance(token):
            continue
        ent = entity_of(token)
        if not token.text[:1].isupper():
            continue
        for text in dict.fromkeys((ent.text if ent is not None else token.text, token.text)):
            found = group_home(kb, text, main)
            if found is None and is_place_word(token, ent):
                found = place_country(kb, text)
            if found is not None:
                return found
    return None


MODIFIER_NOUN_DEPS = {"amod", "compound", "nmod", "npadvmod"}


def is_place_word(token: Token, ent: Span | None) -> bool:
    """A place name (tagged as one, or an untagged proper noun: "Benghazi militias")."""
    if ent is not None:
        return ent.label_ in {"GPE", "LOC"}
    return token.pos_ == "PROPN"


def clause_place_country(kb: ActorKB, head: Token) -> str | None:
    """Country of where the noun's clause happens: "killed four civilians in Kherson", "arrested
    dozens of protesters in Belgrade". Only the nearest verb's own locative phrase counts."""
    verb = head.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    # the verb's own locative, or its object's ("attacked a checkpoint in Raqqa"), or that of
    # the clause it adds to ("struck a building in Kharkiv, killing three civilians")
    verbs = [verb]
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        verbs.append(verb.head)
    objects = [c for v in verbs for c in v.children if c.dep_ == "dobj" and c.i != head.i]
    preps = [p for t in (*verbs, *objects) for p in t.children if p.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ not in PLACE_PREPS or prep.i < head.i - 12:
            continue
        for obj in prep.children:
            found = _named_place_country(kb, obj) if obj.dep_ == "pobj" else None
            if found is not None:
                return found
    return None


def sentence_place_country(kb: ActorKB, head: Token) -> str | None:
    """Country of the places the noun's sentence names as where things happen ("in Kharkiv",
    "near Goma"), when they all lie in one country."""
    found = {_place_named(kb, t) for t in head.sent if t.i != head.i and is_locative(t)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _place_named(kb: ActorKB, token: Token) -> str | None:
    """Country of a place the token itself names ("Kharkiv" in "in Kharkiv"; not "an exchange
    mediated by the UAE" in "in an exchange mediated by the UAE")."""
    ent = entity_of(token)
    if ent is None or ent.label_ not in {"GPE", "LOC", "FAC"} or is_stance(token):
        return None
    return place_country(kb, ent.text)


def _named_place_country(kb: ActorKB, obj: Token) -> str | None:
    """Country of the first place entity in a preposition's object ("in eastern Aleppo"); a
    place inside it ("a US base in Syria") before one that only modifies it ("a US base")."""
    tokens = list(obj.subtree)
    inner = [t for t in tokens if t.dep_ in {"pobj", "appos"} or t.i == obj.i]
    for token in [*inner, *(t for t in tokens if t not in inner)]:
        ent = entity_of(token)
        if ent is not None and ent.label_ in {"GPE", "LOC", "FAC"} and not is_stance(token):
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
        elif ent.label_ == "GPE" and (place := place_country(kb, ent.text)) is not None:
            counts[place] += 1  # "Kherson", "Kaduna": a town or province of the country
    for ent in doc.ents:  # "UNITA", "President Putin": a named actor's country counts too
        if ent.label_ in {"ORG", "PERSON"}:
            entry = next(iter(kb.lookup_name(ent.text)), None)
            if entry is not None and entry.role == "media":
                continue  # "(Reuters)", "AFP reported": the wire is no clue to the story's country
            if entry is not None and entry.country:
                counts[entry.country] += 1
            elif ent.label_ == "ORG" and (found := country_of_name(kb, ent[0].text)) is not None:
                counts[found[0]] += 1  # "the Kenya Anti-Corruption Commission"
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


def member_organisation(kb: ActorKB, head: Token, on: dt.date | None) -> Actor | None:
    """The organisation a sector noun belongs to: "U.N. troops", "Hamas fighters"."""
    for child in head.children:
        if child.dep_ not in {"compound", "nmod", "poss"} or child.i > head.i:
            continue
        ent = entity_of(child)
        text = ent.text if ent is not None else child.text
        entry = next((e for e in kb.lookup_name(text, on) if e.kind == "organisation"), None)
        if entry is not None:
            return Actor(
                id=entry.id,
                name=entry.name,
                country=entry.country,
                sector=entry.sector,
                kind="organisation",
                resolved_by="organisation-member",
            )
    return None


# Words naming a private association, and words saying it reaches beyond one country.
ASSOCIATION_NOUNS = {
    "association", "forum", "federation", "foundation", "institute", "network", "society",
    "league", "alliance", "coalition", "centre", "center", "committee", "council", "union",
    "watch", "campaign", "congress", "confederation", "trust", "fund", "initiative",
}  # fmt: skip
INTERNATIONAL_WORDS = {
    "international", "world", "global", "african", "arab", "asian", "european", "american",
    "latin", "pan", "third", "islamic", "muslim", "christian", "catholic", "worldwide",
    "mediterranean", "pacific", "atlantic", "caribbean", "nordic", "commonwealth",
}  # fmt: skip


# Heads of the names of private bodies: the association nouns that are never a state organ
# ("council", "committee", "congress" may be), and a few more.
PRIVATE_BODY_NOUNS = ASSOCIATION_NOUNS - {
    "committee", "council", "union", "congress", "confederation", "fund",
} | {"observatory", "collective"}  # fmt: skip
_NAME_LINKS = {"for", "of", "to", "and", "on", "the", "&"}


def untagged_body_name(head: Token) -> Span | None:
    """The name of a private body the parser did not tag: a capitalised association noun with
    its capitalised modifiers and of/for phrases ("Congolese Association for Access to
    Justice"); None when ``head`` heads no such name."""
    if (
        head.ent_type_ not in {"", "NORP"}
        or head.lemma_.lower() not in PRIVATE_BODY_NOUNS
        or not head.text[:1].isupper()
        or head.i == head.sent.start  # a sentence's first word is capitalised anyway
        and not any(t.text[:1].isupper() for t in head.lefts)
    ):
        return None
    doc = head.doc
    start = head.i
    while (
        start > head.sent.start
        and doc[start - 1].text[:1].isupper()
        and (doc[start - 1].head.i == head.i or doc[start - 1].head.i == start)
    ):
        start -= 1
    end = head.i + 1
    while end < head.sent.end and (
        doc[end].text[:1].isupper()
        and not doc[end].is_sent_start
        or doc[end].lower_ in _NAME_LINKS
        and end + 1 < head.sent.end
        and doc[end + 1].text[:1].isupper()
    ):
        end += 1
    return doc[start:end]


def is_international_association(span: Span) -> bool:
    """An unknown organisation whose name says it is an association reaching beyond one
    country: "Association of African Jurists", "International Press Institute"."""
    words = {t.lower_.strip("-") for t in span}
    return span.root.lower_ in ASSOCIATION_NOUNS and bool(words & INTERNATIONAL_WORDS)
