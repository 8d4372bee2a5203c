"""The actor files' records and how they are read: one validated value per line of data/actors.

Each reader checks every line and stops at the first bad one with an ``ActorDataError`` naming
the file and line; :mod:`dyad.resolve.actor_kb` indexes what they return.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry

from dyad.datafiles import DataFileError, read_table

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
REGION_COLUMNS = ("term", "notes")

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


@functools.lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Text as compared: case-folded, no accents, possessive 's, dots or leading "the".
    Cached: the resolver asks for the same words many times per article."""
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


def read_entries(path: Path, columns: tuple[str, ...], kind: str) -> list[KBEntry]:
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


def read_countries(path: Path) -> list[Country]:
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


def _term_rows(
    path: Path, columns: tuple[str, ...], normalised: bool = True
) -> Iterator[tuple[int, dict[str, str], str]]:
    """(line, row, key) of each row of a term table; ``key`` is the normalised term (the term as
    written when ``normalised`` is False). An empty or repeated term is an error."""
    seen: set[str] = set()
    for line, row in _rows(path, columns):
        term = normalise_name(row["term"])
        if not term:
            raise ActorDataError(path, line, "empty term")
        key = term if normalised else row["term"]
        if key in seen:
            raise ActorDataError(path, line, f"duplicate term {row['term']!r}")
        seen.add(key)
        yield line, row, key


def read_sector_terms(path: Path) -> dict[str, str]:
    return {
        term: _sector(path, line, row["sector"])
        for line, row, term in _term_rows(path, SECTOR_COLUMNS)
    }


def read_groups(path: Path) -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for line, row, term in _term_rows(path, GROUP_COLUMNS, normalised=False):
        homes = _split(path, line, row["countries"], "countries")
        if not homes:
            raise ActorDataError(path, line, "no country")
        groups[term] = tuple(_iso3(path, line, c, required=True) or c for c in homes)
    return groups


def read_regions(path: Path) -> frozenset[str]:
    """Normalised names of regions, seas and areas that belong to no one country."""
    return frozenset(term for _, _, term in _term_rows(path, REGION_COLUMNS))
