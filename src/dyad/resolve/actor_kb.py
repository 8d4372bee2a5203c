"""dyad's actor knowledge base: countries, organisations, people and sector nouns (data/actors).

Pure data access: the files are read and validated once per process, then looked up by
normalised surface text. Resolving a mention in context (titles, coreference) is resolve/actors.py.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry

from dyad.datafiles import DataFileError, read_table

_TYPO_MEMO_SIZE = 50_000  # names remembered by country_by_misspelling before it starts afresh
ACTORS_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"

# CAMEO/Phoenix agent codes; UAF is "unidentified armed forces" (gunmen, attackers); IMG an
# "international militarized group" with no home country (al-Qaeda, the Islamic State's core).
SECTORS = frozenset(
    {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "NGO", "MED", "EDU"}
    | {"BUS", "CRM", "CVL", "REF", "HLH", "LEG", "ELI", "LAB", "AGR", "REL", "UAF", "IMG"}
)
ORG_TYPES = frozenset(
    {"armed_group", "igo", "ngo", "party", "movement", "agency", "military", "legislature"}
    | {"court", "company", "media", "criminal_group"}
)
# Codes outside ISO 3166-1 that news and event data use for real actors.
EXTRA_ISO3 = frozenset({"XKX"})

COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capitals", "metonyms")
ORG_COLUMNS = ("id", "name", "aliases", "country", "sector", "type", "valid_from", "valid_to")
PEOPLE_COLUMNS = ("id", "name", "aliases", "country", "sector", "role", "valid_from", "valid_to")
SECTOR_COLUMNS = ("term", "sector", "notes")
GROUP_COLUMNS = ("term", "countries", "notes")

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class ActorDataError(DataFileError):
    """A bad line in an actor data file; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class KBEntry:
    """A named actor: an organisation, a person in one role, or a country (kind says which)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: str  # organisation | person | country
    role: str | None  # a person's role; an organisation's type
    valid_from: date | None
    valid_to: date | None  # inclusive
    source_file: str
    line: int

    def valid_on(self, on: date) -> bool:
        """True when the entry's name and role held on ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """Text as compared: case-folded, no accents, possessive 's, dots or leading "the"."""
    # compatibility forms may decompose to capitals ("\u1d36" is "J"): fold after decomposing
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = unicodedata.normalize("NFKD", decomposed.casefold()).translate(_APOSTROPHES)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _POSSESSIVE.sub("", folded).replace("'", "").replace(".", "")
    folded = folded.replace("&", " and ").replace("+", " plus ")
    folded = _SPACES.sub(" ", _NON_WORD.sub(" ", folded)).strip()
    while folded.startswith("the "):
        folded = folded[4:]
    return folded


def demonym_plurals(demonym: str) -> tuple[str, ...]:
    """The demonym and its regular plural ("Syrian" -> "Syrians"; "Swiss", "Chinese" unchanged)."""
    lowered = demonym.lower()
    if lowered.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return (demonym,)
    if lowered.endswith("man") and lowered != "german":  # "Irishman" -> "Irishmen"
        return (demonym, demonym[:-3] + "men")
    return (demonym, demonym + "s")


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one deletion, insertion, substitution or swap."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def _word_forms(word: str) -> list[str]:
    """The word and its regular singular and plural forms, for matching sector nouns."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    if word.endswith("man"):
        forms.append(word[:-3] + "men")
    forms.extend((word + "s", word + "es"))
    return forms


class ActorKB:
    """Indexes over the actor files; build it with :func:`load_actor_kb`."""

    def __init__(
        self,
        countries: Iterable[Country],
        entries: Iterable[KBEntry],
        sector_terms: dict[str, str],
        groups: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.countries: tuple[Country, ...] = tuple(countries)
        self._groups = {
            normalise_name(form): homes
            for term, homes in (groups or {}).items()
            for form in demonym_plurals(term)
        }
        self.entries: tuple[KBEntry, ...] = tuple(entries)
        self._sector_terms = dict(sector_terms)
        self._longest_term = max((len(t.split()) for t in self._sector_terms), default=0)
        self._by_iso3 = {c.iso3: c for c in self.countries}
        self._typos: dict[str, Country | None] = {}  # memo of country_by_misspelling
        self._country_names: dict[str, Country] = {}
        self._demonyms: dict[str, Country] = {}
        self._capitals: dict[str, Country] = {}
        for country in self.countries:
            for form in (country.name, *country.aliases):
                self._country_names.setdefault(normalise_name(form), country)
            for demonym in country.demonyms:
                for form in demonym_plurals(demonym):
                    self._demonyms.setdefault(normalise_name(form), country)
            for form in (*country.capitals, *country.metonyms):
                self._capitals.setdefault(normalise_name(form), country)
        self._roles = {e.id: e.role for e in self.entries if e.role}
        self._names: dict[str, list[KBEntry]] = {}
        for entry in self.entries:
            for key in dict.fromkeys(normalise_name(f) for f in (entry.name, *entry.aliases)):
                self._names.setdefault(key, []).append(entry)

    def role_of(self, entry_id: str) -> str | None:
        """The role (a person's office, an organisation's type) of the entry with this id."""
        return self._roles.get(entry_id)

    def country(self, iso3: str) -> Country | None:
        """The country with this ISO3 code."""
        return self._by_iso3.get(iso3)

    def lookup_name(self, text: str, on: date | None = None) -> list[KBEntry]:
        """Entries named ``text`` (organisations, people, then countries), valid on ``on`` if given.

        Without a date, open-ended (current) entries come before those that have ended.
        """
        found = self._names.get(normalise_name(text), [])
        if on is not None:
            return [e for e in found if e.valid_on(on)]
        return sorted(found, key=lambda e: e.valid_to is not None)

    def country_by_name(self, text: str) -> Country | None:
        """The country whose name or alias is ``text`` ("Syria", "the U.S.", "DRC")."""
        return self._country_names.get(normalise_name(text))

    def country_by_misspelling(self, text: str) -> Country | None:
        """The one country whose name is ``text`` with one letter left out, added, changed or
        two swapped ("Ethopia", "Afghanistan" typed "Afganistan"); names under 6 letters and
        ambiguous typos give None ("Iraq" is no typo of "Iran")."""
        key = normalise_name(text)
        if len(key) < 6 or key in self._country_names:
            return None
        if key in self._typos:
            return self._typos[key]
        found = {
            country.iso3: country
            for name, country in self._country_names.items()
            if len(name) >= 6 and abs(len(name) - len(key)) <= 1 and _one_edit(name, key)
        }
        if len(self._typos) >= _TYPO_MEMO_SIZE:  # a coder runs for days: keep the memo bounded
            self._typos.clear()
        self._typos[key] = next(iter(found.values())) if len(found) == 1 else None
        return self._typos[key]

    def country_by_demonym(self, text: str) -> Country | None:
        """The country of a demonym ("Syrian", "Israelis"); ethnic terms ("Kurdish") give None."""
        return self._demonyms.get(normalise_name(text))

    def country_by_capital(self, text: str) -> Country | None:
        """The country whose capital or seat of power is ``text`` ("Damascus", "the Kremlin")."""
        return self._capitals.get(normalise_name(text))

    def group_countries(self, text: str) -> tuple[str, ...]:
        """Home countries of a people, group or region that is no demonym, main home first.

        "Chechen" -> (RUS,); "Kurds" -> (IRQ, TUR, SYR, IRN); "Syrian" or "Arab" -> ().
        """
        return self._groups.get(normalise_name(text), ())

    def sector_for_term(self, text: str) -> str | None:
        """Sector of the longest sector term ending the noun phrase ``text``, or None.

        "Syrian government forces" -> MIL (via "government forces"); "the foreign ministry" -> GOV.
        Names are not terms: look a phrase up with :meth:`lookup_name` first.
        """
        tokens = normalise_name(text).split()
        for size in range(min(len(tokens), self._longest_term), 0, -1):
            head = " ".join(tokens[-size:-1])
            for form in _word_forms(tokens[-1]):
                sector = self._sector_terms.get(f"{head} {form}" if head else form)
                if sector is not None:
                    return sector
        return None

    def all_surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface text, label) pairs for an entity ruler: ORG, PERSON, GPE and NORP.

        Forms are case-sensitive as written (match them on ORTH, not LOWER: "WHO", "IS", "CAR").
        A leading "the" is dropped so that the pattern also matches without it.
        """
        seen: set[tuple[str, str]] = set()
        labels = {"organisation": "ORG", "person": "PERSON", "country": "GPE"}
        pairs: list[tuple[str, str]] = []
        for entry in self.entries:
            pairs.extend((form, labels[entry.kind]) for form in (entry.name, *entry.aliases))
        for country in self.countries:
            for form in (*country.capitals, *country.metonyms):
                pairs.append((form, "GPE"))
            for demonym in country.demonyms:
                pairs.extend((form, "NORP") for form in demonym_plurals(demonym))
        for surface, label in pairs:
            stripped = surface[4:] if surface[:4].lower() == "the " else surface
            # "Philippines" is the country before it is the plural of "Philippine".
            if label == "NORP" and (stripped, "GPE") in seen:
                continue
            if (stripped, label) not in seen:
                seen.add((stripped, label))
                yield stripped, label


def load_actor_kb(data_dir: Path | None = None) -> ActorKB:
    """Load and validate the actor files in ``data_dir`` (default: dyad's own, cached)."""
    if data_dir is None:
        return _default_kb()
    return _load(Path(data_dir))


@functools.cache
def _default_kb() -> ActorKB:
    return _load(ACTORS_DIR)


_NO_ROLE = (None, None, None, "countries.tsv", 0)  # role, validity, source of a country entry


def _load(data_dir: Path) -> ActorKB:
    countries = _read_countries(data_dir / "countries.tsv")
    organisations = _read_entries(data_dir / "organisations.tsv", ORG_COLUMNS, "organisation")
    people = _read_entries(data_dir / "people.tsv", PEOPLE_COLUMNS, "person")
    seen_ids: dict[str, KBEntry] = {}
    for entry in (*organisations, *people):
        if entry.id in seen_ids:
            first = seen_ids[entry.id]
            path = data_dir / entry.source_file
            reason = f"duplicate id {entry.id!r} (first at {first.source_file}:{first.line})"
            raise ActorDataError(path, entry.line, reason)
        seen_ids[entry.id] = entry
    country_entries = [
        KBEntry(f"country:{c.iso3}", c.name, c.aliases, c.iso3, None, "country", *_NO_ROLE)
        for c in countries
    ]
    terms = _read_sector_terms(data_dir / "sectors.tsv")
    groups_path = data_dir / "groups.tsv"
    groups = _read_groups(groups_path) if groups_path.exists() else {}
    return ActorKB(countries, (*organisations, *people, *country_entries), terms, groups)


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    return read_table(path, columns, ActorDataError)


def _split(path: Path, line: int, value: str, column: str) -> tuple[str, ...]:
    if not value:
        return ()
    items = tuple(item.strip() for item in value.split("|"))
    if any(not normalise_name(item) for item in items):
        raise ActorDataError(path, line, f"empty item in {column} {value!r}")
    return items


def _iso3(path: Path, line: int, value: str, required: bool) -> str | None:
    if not value:
        if required:
            raise ActorDataError(path, line, "missing ISO3 country code")
        return None
    if value not in EXTRA_ISO3 and pycountry.countries.get(alpha_3=value) is None:
        raise ActorDataError(path, line, f"unknown ISO3 country code {value!r}")
    return value


def _sector(path: Path, line: int, value: str) -> str:
    if value not in SECTORS:
        raise ActorDataError(path, line, f"unknown sector {value!r} (known: {sorted(SECTORS)})")
    return value


def _date(path: Path, line: int, value: str, end: bool) -> date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; an end date covers the whole year or month given."""
    if not value:
        return None
    match = _DATE.match(value)
    if match is None or (match.group(3) and not match.group(2)):
        raise ActorDataError(path, line, f"bad date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, month, day)
    except ValueError as err:
        raise ActorDataError(path, line, f"bad date {value!r}: {err}") from None


def _read_entries(path: Path, columns: tuple[str, ...], kind: str) -> list[KBEntry]:
    entries = []
    for line, row in _rows(path, columns):
        if not _ID.match(row["id"]):
            raise ActorDataError(path, line, f"bad id {row['id']!r} (lowercase slug expected)")
        if not normalise_name(row["name"]):
            raise ActorDataError(path, line, "empty name")
        role = row["type"] if kind == "organisation" else row["role"]
        if kind == "organisation" and role not in ORG_TYPES:
            raise ActorDataError(path, line, f"unknown type {role!r} (known: {sorted(ORG_TYPES)})")
        valid_from = _date(path, line, row["valid_from"], end=False)
        valid_to = _date(path, line, row["valid_to"], end=True)
        if valid_from and valid_to and valid_from > valid_to:
            raise ActorDataError(path, line, "valid_from is after valid_to")
        entries.append(
            KBEntry(
                id=row["id"],
                name=row["name"],
                aliases=_split(path, line, row["aliases"], "aliases"),
                country=_iso3(path, line, row["country"], required=False),
                sector=_sector(path, line, row["sector"]),
                kind=kind,
                role=role or None,
                valid_from=valid_from,
                valid_to=valid_to,
                source_file=path.name,
                line=line,
            )
        )
    return entries


def _read_countries(path: Path) -> list[Country]:
    countries: list[Country] = []
    owners: dict[tuple[str, str], str] = {}  # (index, normalised form) -> iso3
    for line, row in _rows(path, COUNTRY_COLUMNS):
        iso3 = _iso3(path, line, row["iso3"], required=True)
        assert iso3 is not None
        if not normalise_name(row["name"]):
            raise ActorDataError(path, line, "empty name")
        country = Country(
            iso3=iso3,
            name=row["name"],
            aliases=_split(path, line, row["aliases"], "aliases"),
            demonyms=_split(path, line, row["demonyms"], "demonyms"),
            capitals=_split(path, line, row["capitals"], "capitals"),
            metonyms=_split(path, line, row["metonyms"], "metonyms"),
        )
        indexes = {
            "name": (country.name, *country.aliases),
            "demonym": tuple(f for d in country.demonyms for f in demonym_plurals(d)),
            "capital": (*country.capitals, *country.metonyms),
        }
        # One surface form must name one country, or lookups would depend on file order.
        for index, forms in indexes.items():
            for form in forms:
                owner = owners.setdefault((index, normalise_name(form)), iso3)
                if owner != iso3:
                    raise ActorDataError(path, line, f"{index} {form!r} already used by {owner}")
        countries.append(country)
    return countries


def _read_sector_terms(path: Path) -> dict[str, str]:
    terms: dict[str, str] = {}
    for line, row in _rows(path, SECTOR_COLUMNS):
        term = normalise_name(row["term"])
        if not term:
            raise ActorDataError(path, line, "empty term")
        if term in terms:
            raise ActorDataError(path, line, f"duplicate term {row['term']!r}")
        terms[term] = _sector(path, line, row["sector"])
    return terms


def _read_groups(path: Path) -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for line, row in _rows(path, GROUP_COLUMNS):
        term = row["term"]
        if not normalise_name(term):
            raise ActorDataError(path, line, "empty term")
        if term in groups:
            raise ActorDataError(path, line, f"duplicate term {term!r}")
        homes = _split(path, line, row["countries"], "countries")
        if not homes:
            raise ActorDataError(path, line, "no country")
        groups[term] = tuple(_iso3(path, line, c, required=True) or c for c in homes)
    return groups
