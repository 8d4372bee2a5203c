"""Place mentions in the parse -> gazetteer entries, resolved together with the article's context.

A toponym has a role: ``place`` (a location: "strikes on Aleppo"), ``actor`` (metonymy: the
subject of an act, "Washington said"), ``demonym`` ("Syrian forces") or ``embedded`` (part of an
organisation's name: "the Aleppo Chamber of Commerce"). All are resolved and reported; only
``place`` toponyms can be where an event happened (``is_event_location``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dyad.article import Place
from dyad.nlp.doc_text import doc_text
from dyad.resolve.gazetteer import load_gazetteer, name_key
from dyad.resolve.geo import Resolution, resolve_demonym
from dyad.resolve.geo_document import resolve_document
from dyad.resolve.place_cues import (
    ADMIN_HEADS,
    CALENDAR,
    SITE_HEADS,
    Toponym,
    named_by_place_noun,
    possessed_by_place,
    syntax_says_place,
    unlabelled_places,
)
from dyad.resolve.place_filters import (
    EMBEDDED_TOWN,
    is_people,
    known_actor,
    person_like,
    starts_a_longer_name,
    strong_place,
)
from dyad.resolve.place_lists import elliptic_toponym, toponym_lists
from dyad.resolve.place_words import GENERIC_WORDS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"PERSON", "NORP", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"}
EMBEDDING = {"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}  # names that may start with a place
BIG_CITY = 100_000  # an entity named exactly like a city this big is the city
CUED_TOWN = 1_000  # ...or like a town this big when a locative cue says so ("in Greer")
CURATED = {"dyad-regions", "dyad-neighbourhoods"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}
LOCATIVE = {"in", "at", "near", "from", "outside", "into", "across", "throughout", "around",
            "toward", "towards", "to", "through", "inside", "between", "of"}  # fmt: skip
ROLES_NOT_LOCATIONS = ("actor", "demonym", "embedded")
_LOST_APOSTROPHE = re.compile(r"\w\s{2,}s\s")
_DATELINE = re.compile(r"\s*(?P<name>[A-Z][A-Z.'’ -]{2,40}?)\s*(?:,|\(|\s[-—–]\s|—|–)")


def toponym_spans(doc: Doc) -> list[Toponym]:
    """Every toponym of the parse, in text order, each with its role."""
    known = _document_places(doc)
    found: dict[tuple[int, int], Toponym] = {}
    for _ in range(2):  # the second pass knows the names the first accepted ("in Greer")
        for ent in doc.ents:
            for toponym in _from_entity(ent, known):
                found.setdefault((toponym.start, toponym.end), toponym)
        known |= {name_key(t.text) for t in found.values() if t.role != "demonym"}
    dateline = _dateline(doc)
    if dateline:
        inside = [(s, e) for s, e in found if s < dateline.end and dateline.start < e]
        if all(dateline.start <= s and e <= dateline.end for s, e in inside):
            for span in inside:  # "ST" of "ST. LOUIS —" gives way to the whole name
                del found[span]
            found[(dateline.start, dateline.end)] = dateline
    for named in [*named_by_place_noun(doc), *unlabelled_places(doc, _is_prominent_place)]:
        if _is_demonym(named.text) or is_people(named.text):
            continue  # "the Arab sector of east Jerusalem", "the Kurdish region"
        overlapping = [(s, e) for s, e in found if s < named.end and named.start < e]
        within = all(
            named.start <= s and e <= named.end and (s, e) != (named.start, named.end)
            for s, e in overlapping
        )
        headed = named.text.split()[-1].lower() in ADMIN_HEADS | SITE_HEADS
        replaceable = ("place", "actor") if headed else ("place", "actor", "embedded")
        if overlapping and within and all(found[k].role in replaceable for k in overlapping):
            for span in overlapping:  # "Idlib" of "Idlib Governorate", "Hamra" of "Kafr Hamra"
                del found[span]
            overlapping = []
        if not overlapping:
            found[(named.start, named.end)] = named
    return sorted(found.values(), key=lambda t: t.start)


def _from_entity(ent: Span, known: set[str]) -> list[Toponym]:
    text = _clean(ent.text)
    end = ent.start_char + len(text)
    if person_like(ent, text, name_key(text) in known, _cued(ent)) or _LOST_APOSTROPHE.search(text):
        return []  # "the People   s Protection Units": a possessive whose apostrophe was lost
    elliptic = ent.label_ in PLACE_LABELS and ent[-1].lower_ in ("and", "or")
    if elliptic and (pair := elliptic_toponym(ent)):
        return pair  # "North" (Kivu) of "North and South Kivu"
    if ent.label_ in PLACE_LABELS and starts_a_longer_name(ent):
        return []  # "Aden" of "the house of Aden Hashi Ayro"
    if ent.label_ in PLACE_LABELS:
        start, end = _extended(ent, end)
        text = doc_text(ent.doc)[start:end]
        return [Toponym(start, end, text, _role(ent), _area_query(ent, text))]
    if ent.label_ == "NORP" and _is_demonym(text):
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and _name_word(before) and before.lower_ != "the":
            longer = doc_text(ent.doc)[before.idx : end]  # "Central American", "Latin American"
            if _is_demonym(longer):
                return [Toponym(before.idx, end, longer, "demonym")]
        return [Toponym(ent.start_char, end, text, "demonym")]
    if ent.label_ in MISLABELLED and _is_known_place(text, _cued(ent) or name_key(text) in known):
        return [Toponym(ent.start_char, end, text, _role(ent))]
    if _name_like(ent) and (_scene_cued(ent) or syntax_says_place(ent, known_actor)):
        return [Toponym(ent.start_char, end, text, "place")]
    if ent.label_ in EMBEDDING:
        return _embedded(ent, known)
    return []


def _extended(ent: Span, end: int) -> tuple[int, int]:
    """The toponym's characters: the entity, or the longer name the gazetteer knows when the
    model left out a word before it ("East" of "East Java", "Goz" of "Goz Beida") or one or two
    after it ("do Sul" of "Rio Grande do Sul")."""
    doc, start = ent.doc, ent.start_char
    for size in (2, 1):  # "Mocímboa da" of "Mocímboa da Praia", tagged a person's name
        before = doc[max(ent.start - size, 0) : ent.start]
        if (
            len(before) == size
            and _name_word(before[0])
            and before[0].lower_ != "the"
            and all(_name_word(t) or t.lower_ in NAME_PARTICLES for t in before[1:])
            and _known_exactly(doc_text(doc)[before.start_char : end])
        ):
            start = before.start_char
            break
    for size in (2, 1):
        after = doc[ent.end : ent.end + size]
        if len(after) < size or not _name_word(after[-1]) or not all(t.is_alpha for t in after):
            continue
        if _known_exactly(doc_text(doc)[start : after.end_char]):
            return start, after.end_char
    head = doc[ent.end] if ent.end < len(doc) else None
    if head is not None and head.lower_ in AREA_NOUNS - {"state"} and head.text[:1].isupper():
        return start, head.idx + len(head.text)  # "Idlib Governorate", "Aceh Province"
    return start, end


# Lower-case words inside place names: "Mocímboa da Praia", "Ras al Ain", "Rio de Janeiro".
NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "al", "el", "la", "di", "du"})
# Lower-case nouns that say the name beside them is an admin area: "New York state governor",
# "the state of Washington", "Jiangsu province", "the province of Aceh".
AREA_NOUNS = frozenset({"state", "province", "governorate", "oblast", "prefecture"})
# "central Washington", "northern California": a part of an area, not of the town of that name.
AREA_PARTS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western", "upstate", "downstate", "rural",
})  # fmt: skip


def _area_query(ent: Span, text: str) -> str:
    """``text`` with the area noun that follows it or precedes it with "of" ("New York state"),
    so that the area, not the town of that name, is looked up; else the empty string."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.text in AREA_NOUNS:
        return f"{text} {after.text}"
    if after is not None and after.lower_ in AREA_NOUNS and text.endswith(after.text):
        return text  # the head word is part of the toponym: "Idlib Governorate"
    if (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].text in AREA_NOUNS
    ):
        return f"{text} {doc[ent.start - 2].text}"
    if ent.start >= 1 and doc[ent.start - 1].text in AREA_PARTS and _area_and_town(text):
        return f"{text} state"
    return ""


def _area_and_town(text: str) -> bool:
    """Whether the name is both an admin1 area and a town ("Washington", "New York"), and no
    country ("northern Mexico" is part of the country)."""
    key = name_key(text)
    exact = [c for c in load_gazetteer().lookup(text) if name_key(c.name) == key]
    kinds = {c.precision for c in exact}
    return "admin1" in kinds and "city" in kinds and "country" not in kinds


def _name_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _known_exactly(text: str) -> bool:
    key = name_key(text)
    return any(name_key(c.name) == key for c in load_gazetteer().lookup(text))


def _role(ent: Span) -> str:
    """A country or capital used as the subject of an act is an actor ("Washington said")."""
    if ent.root.dep_ in ACTOR_DEPS and ent.root.head.pos_ in {"VERB", "AUX"}:
        return "actor"
    return "place"


def _cued(ent: Span) -> bool:
    """A locative preposition before, or ", State" after: "in Greer", "Greer, S.C."."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in LOCATIVE and before.lower_ != "of":
        return True
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if possessed_by_place(ent.doc, ent.start) and (
        following is None or following.pos_ not in {"NOUN", "PROPN", "ADJ"}
    ):
        return True  # "Syria's Manbij", not "Algeria's Berber minority"
    after = ent.doc[ent.end : ent.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE"


SCENE_PREPOSITIONS = {"in", "near", "outside", "inside", "around"}


def _scene_cued(ent: Span) -> bool:
    """A bare name (no article, not an acronym, not modifying a noun) right after "in", "near",
    "outside" ... is a place even when the model calls it a person or group and the gazetteer
    does not know it ("killed in Mayadeen"); it is reported unresolved."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ not in SCENE_PREPOSITIONS:
        return False
    if ent.text.isupper() or ent[0].lower_ == "the" or len(ent) > 3:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    # "in Kurdish-administered areas", "in Kurdish areas", "in Obama's speech": a modifier
    return after is None or not (
        after.tag_ == "POS" or after.pos_ in {"NOUN", "PROPN", "ADJ"} or after.text in {"-", "–"}
    )


def _name_like(ent: Span) -> bool:
    """A label the model gives unknown place names: a person, group, product, event, or a date
    that is one capitalised word and no calendar word ("killed in Mayadeen")."""
    if ent.label_ in {"PERSON", "ORG", "NORP", "PRODUCT", "EVENT"}:
        return True
    return (
        ent.label_ == "DATE"
        and len(ent) == 1
        and ent[0].pos_ == "PROPN"
        and ent[0].is_title
        and ent[0].lower_ not in CALENDAR
    )


def _document_places(doc: Doc) -> set[str]:
    """Names the article itself uses as places (one sense per discourse)."""
    return {name_key(_clean(e.text)) for e in doc.ents if e.label_ in {"GPE", "LOC"}}


def _is_demonym(text: str) -> bool:
    matches = load_gazetteer().matches(text)
    return any(m.how == "demonym" for m in matches)


def _is_known_place(text: str, cued: bool = False) -> bool:
    """spaCy's small model calls many Arabic, Kurdish, African and small US toponyms persons or
    groups: trust curated names, countries and admin1 areas, big cities, and cued towns."""
    key = name_key(text)
    for candidate in load_gazetteer().lookup(text):
        exact = name_key(candidate.name) == key
        if candidate.source in CURATED or (exact and candidate.precision == "country"):
            return True
        if exact and candidate.precision == "admin1" and (cued or candidate.population >= BIG_CITY):
            return True
        if exact and candidate.population >= (CUED_TOWN if cued else BIG_CITY):
            return True
    return False


def _is_prominent_place(text: str, cued: bool) -> bool:
    """A name the model left unlabelled is taken for a place only when the gazetteer knows it
    as a country, an admin1 area or a town of 20,000 ("in eastern Aleppo", not "in God")."""
    key = name_key(text)
    return cued and any(
        name_key(c.name) == key
        and (c.precision in ("country", "admin1") or c.population >= EMBEDDED_TOWN)
        for c in load_gazetteer().lookup(text)
    )


def _embedded(ent: Span, known: set[str]) -> list[Toponym]:
    """A place at the start of a name ("the Alexandria Zoo", "Levy County Sheriff's Office") or
    after its "of" ("the University of Rochester")."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    gaz = load_gazetteer()
    for size in range(min(4, len(tokens) - 1), 0, -1):
        head = tokens[:size]
        if tokens[size].lower_ == "of" or not all(t.text[:1].isupper() for t in head):
            continue
        if all(t.lower_ in GENERIC_WORDS for t in head):
            continue  # "South" of "South Kilburn Estate", "Federal" of "Federal University"
        text = ent.doc[head[0].i : head[-1].i + 1].text
        candidates = gaz.lookup(text)
        if candidates and (strong_place(candidates, text, known) or _is_demonym(text)):
            start = head[0].idx
            if tokens[-1].lower_ in SITE_HEADS and not _is_demonym(text):
                end = tokens[-1].idx + len(tokens[-1].text)  # "Alexandria University": a site
                site = doc_text(ent.doc)[start:end]
                return [Toponym(start, end, site, _role(ent), text, site=True)]
            return [Toponym(start, start + len(text), text, "embedded")]
    of = next((t for t in tokens if t.lower_ == "of"), None)
    if of is not None and of.i + 1 < ent.end:
        tail = ent.doc[of.i + 1 : ent.end]
        text = _clean(tail.text)
        if text[:1].isupper() and strong_place(gaz.lookup(text), text, known):
            return [Toponym(tail.start_char, tail.start_char + len(text), text, "embedded")]
    return []


def _dateline(doc: Doc) -> Toponym | None:
    """A wire dateline's place ("BEIRUT (AP) —", "MANSFIELD, Ohio —") at the article's start."""
    match = _DATELINE.match(doc_text(doc)[:60])
    if match is None:
        return None
    name = match["name"].strip()
    if len(name) < 3 or not load_gazetteer().lookup(name):
        return None
    start = match.start("name")
    return Toponym(start, start + len(name), name, "place")


def is_event_location(place: Place) -> bool:
    """Whether a toponym may be where an event happened (not an actor, demonym or name part)."""
    return not (place.resolved_by or "").startswith(ROLES_NOT_LOCATIONS)


def resolve_places(doc: Doc, offset: int, countries: list[str]) -> list[Place]:
    """Resolve every toponym of the article, the others and all countries named serving as
    context; ``countries`` (ISO3) are ranked first (the article's main country)."""
    toponyms = toponym_spans(doc)
    names = [t for t in toponyms if t.role != "demonym"]
    text = doc_text(doc)
    cued = {t.text: t.query for t in names if t.query}  # one sense per discourse
    queries = [t.query or cued.get(t.text, t.text) for t in names]
    within = [
        (i, i + 1)
        for i in range(len(names) - 1)
        if _COMMA.fullmatch(text[names[i].end : names[i + 1].start])
    ]
    together = iter(
        resolve_document(queries, text, tuple(countries), toponym_lists(names, text), within)
    )
    resolutions = [
        resolve_demonym(t.text) if t.role == "demonym" else next(together) for t in toponyms
    ]
    places: list[Place] = []
    for toponym, resolution in zip(toponyms, resolutions, strict=True):
        if toponym.site and resolution.reason.startswith(FOCUS_FALLBACK):
            resolution = Resolution(None, 0.0, "site not in gazetteer")  # never a guessed point
        if toponym.role == "actor" and resolution.candidate is None:
            continue  # an unknown name as the subject of an act is a person or group
        start, end = toponym.start + offset, toponym.end + offset
        reason = (
            resolution.reason if toponym.role == "place" else f"{toponym.role}; {resolution.reason}"
        )
        candidate = resolution.candidate
        if candidate is None:
            places.append(Place(text=toponym.text, start=start, end=end, resolved_by=reason))
            continue
        places.append(
            Place(
                text=toponym.text,
                start=start,
                end=end,
                resolved=True,
                geonameid=candidate.geonameid,
                name=candidate.name,
                lat=candidate.lat,
                lon=candidate.lon,
                country=candidate.country,
                admin1=candidate.admin1,
                precision=candidate.precision,
                within=candidate.within,
                resolved_by=reason,
            )
        )
    return places


FOCUS_FALLBACK = "facility in the article's main city"
_COMMA = re.compile(r"\s*,\s*")


def _clean(text: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
