"""The gazetteer's index: candidates, name keys and the name -> candidate lookup.

``dyad.resolve.gazetteer`` builds and caches one from the data sources; this module holds what a
built index needs at lookup time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a toponym may refer to."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3; None for regions spanning countries
    admin1: str | None
    population: int
    precision: str  # neighbourhood | city | admin2 | admin1 | country | region
    feature: str  # PPL, PPLC (national capital), ADM1, PCLI, CONT, RGN or the neighbourhood kind
    within: str | None  # enclosing city, for neighbourhoods
    source: (
        str  # geonames | country | dyad-admin1 | dyad-admin2 | dyad-regions | dyad-neighbourhoods
    )


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate and how the query matched it: name, alias or variant (article dropped...)."""

    candidate: Candidate
    how: str
    wants_admin1: bool = False


_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015./,()\"]+")
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ath)\s+(?=\w{3})")
_ADMIN_PREFIX = re.compile(
    r"^(?:muhafazat|shabiyat|mayorality of|province of|state of|region of|governorate of|"
    r"provincia de|provincia del|wilayat|misto|oblast)\s+"
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|state|oblast|oblast'|prefecture|department|district|"
    r"krai|kray|raion|muhafazah|city|sheng|shi|(?:zhuangzu |huizu |uygur )?zizhiqu|"
    r"autonomous region)$"  # Chinese admin1 names: "Jiangsu Sheng", "Guangxi Zhuangzu Zizhiqu"
)
# GeoNames admin2 names carry their kind: "Province of Laguna", "Provincia di Lucca", "Partido de
# Tigre", "Politischer Bezirk Bregenz", "City of Leeds"; news writes the bare name.
_ADMIN2_PREFIX = re.compile(
    r"^(?:provincia (?:de|di|del|della)|province (?:of|du|de)|departamento (?:de|del)|"
    r"departement (?:de|du|des)|partido de|municipio de|city of|city and county of|"
    r"city and borough of|borough of|politischer bezirk|canton de|rrethi i|komuna e)\s+"
)
_QUERY_SUFFIX = re.compile(
    r"^(?P<base>.+?)\s+(?P<suffix>province|governorate|region|state|district|oblast|prefecture|"
    r"department)$"
)


_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae"}
    | {"Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h", "Ħ": "H"}
)
NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2010-\u2019\u02b0-\u036f]")


def name_key(text: str) -> str:
    """The comparison form of a place name: accents stripped, case-folded, punctuation spaced."""
    if not text.isascii():
        text = _APOSTROPHES.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD)))
        text = _SEPARATORS.sub(" ", text).encode("ascii", "ignore").decode("ascii")
    key = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text.lower())).strip()
    return key[4:] if key.startswith("the ") else key


_TOWN_OF = re.compile(r"^(?:town|city|village|township|borough|municipality) of (?=\w{3})")


def _variants(key: str) -> list[str]:
    """Looser keys tried when the exact key is unknown (Arabic article, St., trailing 'city')."""
    out = []
    if _ARTICLE.match(key):
        out.append(_ARTICLE.sub("", key))
    if key.startswith("st "):
        out.append("saint " + key[3:])
    if key.startswith("mt "):
        out.append("mount " + key[3:])
    if key.endswith(" city"):
        out.append(key[:-5])
    town = _TOWN_OF.match(key)
    if town:  # "the Town of Groton", "City of Oxford residents"
        out.append(key[town.end() :])
    return out


def admin2_keys(name: str) -> set[str]:
    """Keys for an admin2 name, also without its "Province of" / "Provincia di" decoration."""
    key = name_key(name)
    bare = _ADMIN2_PREFIX.sub("", key)
    return {key, bare} if bare else {key}


def admin_keys(name: str) -> set[str]:
    """Keys for an admin1 name without its 'Governorate' / 'Muhafazat' decorations."""
    key = name_key(name)
    keys = {key}
    bare = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", key))
    if bare:
        keys.add(bare)
        keys.add(_ARTICLE.sub("", bare))
    return keys


_HOW = ("name", "alias", "demonym", "alias")


class Gazetteer:
    """An in-memory name index over candidates; ``lookup`` is a few dict reads."""

    def __init__(self) -> None:
        self.candidates: list[Candidate] = []
        # value: candidate position * 4 + (0 name, 1 alias, 2 demonym); a list if key is shared
        self._index: dict[str, int | list[int]] = {}
        self.countries: dict[str, Candidate] = {}  # ISO3 -> country candidate
        self.country_keys: dict[str, str] = {}  # name key (names, aliases, demonyms) -> ISO3
        self.country_surfaces: dict[str, str] = {}  # as written (names, aliases, demonyms) -> ISO3

    def add(
        self,
        candidate: Candidate,
        names: set[str],
        aliases: set[str],
        demonyms: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        """Index a candidate under its name keys and (lower-ranked) alias and demonym keys."""
        position = len(self.candidates)
        self.candidates.append(candidate)
        for key in names:
            self._put(key, position * 4)
        for key in aliases - names:
            self._put(key, position * 4 + 1)
        for key in demonyms - aliases - names:
            self._put(key, position * 4 + 2)

    def positions(self, key: str) -> list[int]:
        """Positions of the candidates whose own name (not alias) has this key."""
        held = self._index.get(key, ())
        values = (held,) if isinstance(held, int) else held
        return [v >> 2 for v in values if v & 3 == 0]

    def add_aliases(self, position: int, aliases: set[str]) -> None:
        """Index more alias keys for an existing candidate."""
        for key in aliases:
            self._put(key, position * 4 + 1)

    def add_demonyms(self, position: int, demonyms: set[str]) -> None:
        """Index demonym keys ("European") for an existing candidate."""
        for key in demonyms:
            self._put(key, position * 4 + 2)

    def _put(self, key: str, value: int) -> None:
        held = self._index.get(key)
        if held is None:
            self._index[key] = value
        elif isinstance(held, int):
            self._index[key] = [held, value]
        else:
            held.append(value)

    def _exact(self, key: str, how: str | None = None) -> list[Match]:
        held = self._index.get(key, ())
        values = (held,) if isinstance(held, int) else held
        return [Match(self.candidates[v >> 2], how or _HOW[v & 3]) for v in values]

    def matches(self, text: str) -> list[Match]:
        """All candidates for a toponym, with how each matched; an admin suffix prefers admin1."""
        key = name_key(text)
        found = self._exact(key)
        if found:
            return found
        suffixed = _QUERY_SUFFIX.match(key)
        if suffixed:
            base = self._exact(suffixed["base"]) or [
                m for v in _variants(suffixed["base"]) for m in self._exact(v, "variant")
            ]
            areas = [m for m in base if m.candidate.precision in ("admin1", "region")]
            if suffixed["suffix"] == "district":
                return [Match(m.candidate, m.how, wants_admin1=bool(areas)) for m in base]
            return [Match(m.candidate, m.how, wants_admin1=True) for m in (areas or base)]
        return [m for v in _variants(key) for m in self._exact(v, "variant")]

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates whose name or alias matches ``name`` (normalised), best-known first."""
        unique = {id(m.candidate): m.candidate for m in self.matches(name)}
        return sorted(unique.values(), key=lambda c: -c.population)

    def __len__(self) -> int:
        return len(self.candidates)
