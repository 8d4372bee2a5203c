"""Names that look like places but are not: people ("Bush", "President Bashar al-Assad", the
"Aden" of "Aden Hashi Ayro"), peoples ("Kurdish"), titles ("Col.") and lower-case words."""

from __future__ import annotations

from spacy.tokens import Span

from dyad.resolve.actor_kb import load_actor_kb
from dyad.resolve.gazetteer import Candidate, load_gazetteer, name_key
from dyad.resolve.place_cues import ADMIN_HEADS, SITE_HEADS, TITLES
from dyad.resolve.place_words import FACILITY_WORDS, GENERIC_WORDS

# Words of office after a place ("Minnesota Governor Tim Pawlenty", "U.S. Attorney Jane Doe").
ROLE_WORDS = frozenset({
    "governor", "attorney", "general", "secretary", "king", "queen", "prince", "princess",
    "leader", "chief", "judge", "justice", "official", "envoy", "police", "army", "coach",
    "representative", "congressman", "congresswoman", "assemblyman", "councilman", "sheriff",
    "state", "house", "senate", "county", "city", "department", "office", "board", "district",
    "arts", "art", "council", "association", "league", "commission", "service", "public",
    "committee", "club", "society", "union", "party", "company", "group", "foundation", "trust",
    "institute", "bank", "news", "times", "post", "journal", "airlines", "area", "united", "code",
    "act", "law", "section",
})  # fmt: skip


def starts_a_longer_name(ent: Span) -> bool:
    """A one-word place the model cut from a longer unlabelled name of two or more words, none a
    title, a site or admin word, or known to the gazetteer: a person ("Aden Hashi Ayro")."""
    doc = ent.doc
    rest = []
    for token in doc[ent.end : ent.end + 4]:
        if token.pos_ != "PROPN" or token.ent_type_ or token.is_lower:
            break
        rest.append(token)
    words = {t.lower_ for t in rest}
    if len(ent) != 1 or len(rest) < 2 or ent.root.dep_ != "compound" or ent.start == 0:
        return False
    if doc[ent.start - 1].lower_ not in {"of", "by", "with", "for"}:
        return False  # "the house of Aden Hashi Ayro", not "the Dublin Arts Council"
    if words & (TITLES | ROLE_WORDS | ADMIN_HEADS | SITE_HEADS | FACILITY_WORDS | GENERIC_WORDS):
        return False
    return not _known_exactly(doc[ent.start : rest[-1].i + 1].text)


def person_like(ent: Span, text: str, known: bool, cued: bool) -> bool:
    """A name that is no place: a title or its abbreviation ("Col."), a name after or starting
    with a title ("President Bashar al-Assad"), one written lower-case ("naira"), or, where the
    model calls it a person or group, a person the actor knowledge base knows ("urge Bush to"),
    unless a locative cue or another mention says it is a place ("in Greer")."""
    words = [w.strip(".") for w in text.split() if w.lower() != "the"]
    if not any(c.isupper() for c in text):
        return True
    if words and words[0].lower() in TITLES and not words[0].isupper():
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if (
        before is not None
        and before.text.strip(".").lower() in TITLES
        and before.text[:1].isupper()
    ):
        return True
    if ent.label_ in {"PERSON", "ORG", "NORP"} and not known and not cued:
        return known_person(text)
    return False


def known_person(text: str) -> bool:
    return any(e.kind == "person" for e in load_actor_kb().lookup_name(text))


def is_people(text: str) -> bool:
    kb = load_actor_kb()
    return bool(kb.group_countries(text)) or kb.country_by_demonym(text) is not None


def known_actor(text: str) -> bool:
    return bool(load_actor_kb().lookup_name(text))


def _known_exactly(text: str) -> bool:
    key = name_key(text)
    return any(name_key(c.name) == key for c in load_gazetteer().lookup(text))


EMBEDDED_TOWN = 20_000  # a town this big at the start of an organisation's name
ACRONYM = 3  # letters of an upper-case word taken for an acronym ("UN", "IBA"), not a town


def strong_place(candidates: list[Candidate], text: str, known: set[str]) -> bool:
    """Whether a name at the start of an organisation's name is a place: one the article uses
    as a place, a country or area, a county, or a town of ``EMBEDDED_TOWN`` named exactly; an
    acronym ("UN" of "UN Human Rights Office") names no town ("Un", India)."""
    key = name_key(text)
    if key in known:
        return True
    acronym = 1 < len(text) <= ACRONYM and text.isalpha() and text.isupper()
    return any(
        c.precision in ("country", "admin1", "region")
        or (c.precision == "admin2" and key.endswith((" county", " parish")))
        or (
            c.precision == "city"
            and not acronym
            and c.population >= EMBEDDED_TOWN
            and name_key(c.name) == key
        )
        for c in candidates
    )
