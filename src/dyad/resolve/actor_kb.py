"""dyad's actor knowledge base: countries, organisations, people and sector nouns (data/actors).

Pure data access: the files are read and validated once per process (actor_kb_records), then
looked up by normalised surface text. Resolving a mention in context (titles, coreference) is
resolve/actors.py.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from dyad.resolve.actor_kb_records import (
    EXTRA_ISO3,
    ORG_COLUMNS,
    PEOPLE_COLUMNS,
    SECTORS,
    ActorDataError,
    Country,
    KBEntry,
    demonym_plurals,
    normalise_name,
    read_countries,
    read_entries,
    read_groups,
    read_regions,
    read_sector_terms,
)

__all__ = [
    "ACTORS_DIR",
    "EXTRA_ISO3",
    "SECTORS",
    "ActorDataError",
    "ActorKB",
    "Country",
    "KBEntry",
    "load_actor_kb",
    "normalise_name",
]

_TYPO_MEMO_SIZE = 50_000  # names remembered by country_by_misspelling before it starts afresh
ACTORS_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"


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
        regions: Iterable[str] = (),
    ) -> None:
        self._regions = frozenset(normalise_name(r) for r in regions)
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

    def is_region(self, text: str) -> bool:
        """True for a region, sea or area of several countries ("the Gulf", "the Sahel", "the
        Red Sea"), whatever namesake province a gazetteer may hold."""
        return normalise_name(text) in self._regions

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
    countries = read_countries(data_dir / "countries.tsv")
    organisations = read_entries(data_dir / "organisations.tsv", ORG_COLUMNS, "organisation")
    people = read_entries(data_dir / "people.tsv", PEOPLE_COLUMNS, "person")
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
    terms = read_sector_terms(data_dir / "sectors.tsv")
    groups_path = data_dir / "groups.tsv"
    groups = read_groups(groups_path) if groups_path.exists() else {}
    regions_path = data_dir / "regions.tsv"
    regions = read_regions(regions_path) if regions_path.exists() else frozenset()
    entries = (*organisations, *people, *country_entries)
    return ActorKB(countries, entries, terms, groups, regions)
