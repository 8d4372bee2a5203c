"""An article's focus country, and the towns abroad that its context makes unlikely.

"Palma" in an article that names Mozambique again and again, among Mozambican places, is not
Palma de Mallorca merely because the Mozambican town is missing from the gazetteer: a mid-size
town in a country the article never mentions, and where none of its other places lie, is then
left unresolved rather than placed on the wrong continent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from dyad.resolve.gazetteer import Candidate, load_gazetteer, name_key

FOCUS_MENTIONS = 2  # times the focus country is named (name, alias or demonym), more than any other
FOCUS_PLACES = 1  # towns, areas or neighbourhoods of the focus country among the other places
WORLD_CITY = 1_000_000  # a town this big (or a capital) is known well enough to be meant abroad
ABROAD_KINDS = ("city", "admin2")
ABROAD_SOURCES = ("geonames", "dyad-admin2")  # not curated names


def focus_country(counts: Counter[str], places: Sequence[Candidate]) -> str | None:
    """ISO3 of the country the article is about: named at least ``FOCUS_MENTIONS`` times and
    more often than any other, with at least ``FOCUS_PLACES`` of its places (not the country
    itself) among the article's resolved ``places``; else None."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < FOCUS_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    iso3 = ranked[0][0]
    inside = sum(1 for p in places if p.country == iso3 and p.precision != "country")
    return iso3 if inside >= FOCUS_PLACES else None


def unlikely_abroad(
    candidate: Candidate,
    focus: str,
    countries: Sequence[str],
    others: Sequence[Candidate],
) -> bool:
    """Whether ``candidate`` is a mid-size town (no capital) outside the article's focus
    country, in a country the article neither names (``countries``) nor places any of its
    ``others`` in."""
    return (
        candidate.precision in ABROAD_KINDS
        and candidate.source in ABROAD_SOURCES
        and candidate.feature != "PPLC"
        and candidate.population < WORLD_CITY
        and candidate.country is not None
        and candidate.country != focus
        and candidate.country not in countries
        and all(p.country != candidate.country for p in others)
    )


@cache
def _country_pattern() -> re.Pattern[str]:
    surfaces = sorted(load_gazetteer().country_surfaces, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?!\w)")


def country_mentions(text: str) -> Counter[str]:
    """How often each surface form of a country (name, alias, demonym) occurs in ``text``."""
    return Counter(m.group(0) for m in _country_pattern().finditer(text))


def mentioned_countries(surfaces: Counter[str], skip: str) -> tuple[str, ...]:
    """ISO3 codes by frequency, leaving out the toponym's own mentions."""
    kept = Counter({s: n for s, n in surfaces.items() if name_key(s) != skip})
    return tuple(iso3 for iso3, _ in country_counts(kept).most_common())


def country_counts(surfaces: Counter[str]) -> Counter[str]:
    """How often each country (ISO3) is named, from ``country_mentions``."""
    table = load_gazetteer().country_surfaces
    counts: Counter[str] = Counter()
    for surface, n in surfaces.items():
        counts[table[surface]] += n
    return counts


def focus_city(candidates: Sequence[Candidate | None]) -> Candidate | None:
    """The article's most mentioned town or neighbourhood's city (ties: the first named)."""
    towns = [c for c in candidates if c is not None and c.precision in ("city", "neighbourhood")]
    if not towns:
        return None
    counts = Counter(c.geonameid if c.geonameid is not None else c.name for c in towns)
    return max(towns, key=lambda c: counts[c.geonameid if c.geonameid is not None else c.name])
