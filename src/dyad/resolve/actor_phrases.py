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
    if kb.is_region(text):
        return None  # "the Gulf" is no Gulf Province of Papua New Guinea
    for candidate in load_gazetteer().lookup(text)[:1]:
        big = (candidate.population or 0) >= PLACE_MIN_POPULATION
        if candidate.country and (big or candidate.precision in PLACE_AREAS):
            return candidate.country
    return None


# Where something happens ("a curfew in Algiers"); "from Damascus" may be a government's envoy.
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout"}


def is_locative(token: Token) -> bool:
    """True for a place named as where something happens: "in Algiers", "near Basra"."""
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


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
            homes = kb.group_countries(token.text) if token.i + 1 < head.i else ()
            if len(homes) == 1 and kb.country_by_demonym(token.nbor().text) is not None:
                return homes[0]  # "Krajina Serb forces": the region before the people
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
    return _direction_country(kb, head)


# Words that place something relative to a place: "militants north of Baghdad".
DIRECTIONS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "outskirts",
}  # fmt: skip


def _direction_country(kb: ActorKB, head: Token) -> str | None:
    """Country of a place the noun lies in a direction from: "militants north of Baghdad", "an
    Islamic State target southwest of Baghdad" (where the parser may head the phrase with the
    direction word, the noun being its compound)."""
    outer = head
    while outer.dep_ == "compound" and outer.head.i != outer.i:
        outer = outer.head
    for word in (outer, *outer.children):
        if word.lower_ not in DIRECTIONS:
            continue
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    found = _named_place_country(kb, obj) if obj.dep_ == "pobj" else None
                    if found is not None:
                        return found
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
    ranked = ranked_countries(kb, doc)
    return ranked[0][0] if ranked else None


def other_side(ranked: list[tuple[str, int]]) -> str | None:
    """The other country of a two-country story: the second most named, when named twice and
    a third as often as the first at least (not a capital named once in a civil-war story)."""
    if len(ranked) < 2:
        return None
    country, count = ranked[1]
    return country if count >= max(2, ranked[0][1] / 3) else None


def ranked_countries(kb: ActorKB, doc: Doc) -> list[tuple[str, int]]:
    """The countries an article names (by country, demonym, capital, place or known actor)
    and how often, the most named first."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "NORP"} or is_ethnic(ent[0]) or is_stance(ent[0]):
            continue
        if _is_base(ent[-1]):
            continue  # "a UK-based monitor": where a source sits, not what the story is about
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
    return counts.most_common()


def _is_base(token: Token) -> bool:
    """True for "UK" in "UK-based", "London" in "London-headquartered"."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3]
    return (
        len(after) == 2
        and after[0].text == "-"
        and after[1].lower_ in {"based", "headquartered", "registered"}
    ) or token.lower_.endswith(("-based", "-headquartered"))
