"""Toponym resolution: pick the gazetteer entry a place name refers to, given the article.

Each candidate gets an additive score from features (name match, kind, population, the
article's countries, nearby resolved places, the enclosing city of a neighbourhood); the best
one wins and the features that fired become the resolution's reason.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from dyad.resolve.gazetteer import Candidate, Gazetteer, Match, load_gazetteer, name_key

# Score weights: a country named outright beats a big city of the same name; article context
# (countries, nearby places) outweighs a population difference of about two orders of magnitude.
KIND_PRIOR = {
    "country": 4.0,
    "region": 2.5,
    "admin1": 1.5,
    "admin2": 0.5,
    "city": 0.0,
    "neighbourhood": 0.5,
}
CURATED_PRIOR = {"dyad-regions": 5.0, "dyad-neighbourhoods": 1.0}
POPULATION_WEIGHT = 0.8
AREA_POPULATION_DISCOUNT = 1.0  # log10 units: an area's summed town populations overstate it
ALIAS_PENALTY = {"name": 0.0, "alias": -0.4, "demonym": -0.5, "variant": -1.0}
ALIAS_BESIDE_NAME = -1.5
COUNTRY_CONTEXT = 3.0
PLACE_COUNTRY_CONTEXT = 1.5
ADMIN1_CONTEXT = 2.0
WANTS_ADMIN1 = 3.0
WITHIN_CONTEXT = 4.0
SAME_NAME_CITY = -3.0
# "Oregon" among "Michigan, Oregon, Indiana": a town named like its own country's admin1 area
# is the area unless the town is big (New York City, Washington).
SAME_NAME_AREA = -2.0
SAME_NAME_AREA_TOWN = 100_000
# "Georgia" in an article whose other places are all American is the state, not the country.
AREA_OVER_COUNTRY = 3.0
# A national capital is what a bare name usually means ("Rome", "Moscow"), even in an article
# whose other places are in another country.
CAPITAL_PRIOR = 2.0
PROXIMITY = ((50.0, 2.5), (150.0, 2.0), (400.0, 1.2), (1000.0, 0.5))
CONFIDENT_MARGIN = 2.0
ALIAS_VILLAGE = 10_000  # a village abroad reached only through an alternate spelling
FALLBACK_POPULATION = 100_000


@dataclass(frozen=True)
class GeoContext:
    """What the article says besides the toponym: its countries and other places."""

    countries: tuple[str, ...] = ()  # ISO3, most mentioned first
    places: tuple[Candidate, ...] = ()  # other resolved places of the article
    names: tuple[str, ...] = ()  # other toponyms as written (for a neighbourhood's city)


@dataclass(frozen=True)
class Resolution:
    """The chosen candidate (None: unresolved), its score and the features behind it."""

    candidate: Candidate | None
    score: float
    reason: str
    alternatives: int = field(default=0)  # how many candidates competed
    margin: float = field(default=0.0)  # score lead over the runner-up


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _context_keys(context: GeoContext) -> set[str]:
    keys = {name_key(n) for n in context.names}
    keys |= {name_key(p.name) for p in context.places}
    keys |= {k[:-5] for k in keys if k.endswith(" city")}
    return keys


def _score(
    match: Match,
    context: GeoContext,
    keys: set[str],
    big_city_countries: set[str | None],
    has_exact: bool,
) -> tuple[float, list[str]]:
    c = match.candidate
    score = KIND_PRIOR[c.precision] + ALIAS_PENALTY[match.how] + CURATED_PRIOR.get(c.source, 0.0)
    reasons = [match.how if match.how != "name" else "exact"]
    if match.how != "name" and has_exact and c.source not in CURATED_PRIOR:
        score += ALIAS_BESIDE_NAME  # another place bears this as its own name
        reasons.append("alias-beside-name")
    if c.feature == "PPLC":
        score += CAPITAL_PRIOR
        reasons.append("capital")
    if c.population > 0:
        magnitude = math.log10(c.population + 1)
        if c.precision in ("admin1", "admin2"):
            magnitude = max(0.0, magnitude - AREA_POPULATION_DISCOUNT)
        score += POPULATION_WEIGHT * magnitude
        reasons.append("population")
    if match.wants_admin1 and c.precision in ("admin1", "region"):
        score += WANTS_ADMIN1
        reasons.append("admin-suffix")
    elif c.precision in ("admin1", "admin2") and c.country in big_city_countries:
        score += SAME_NAME_CITY  # "Aleppo" alone means the city, not the governorate
    if c.precision != "country" and c.country in context.countries:
        rank = context.countries.index(c.country)
        score += COUNTRY_CONTEXT / (1 + 0.5 * rank)
        reasons.append("country-context")
    elif c.precision != "country" and any(p.country == c.country for p in context.places):
        score += PLACE_COUNTRY_CONTEXT
        reasons.append("place-country-context")
    if (
        c.admin1
        and c.precision != "admin1"
        and any(p.precision == "admin1" and p.admin1 == c.admin1 for p in context.places)
    ):
        score += ADMIN1_CONTEXT
        reasons.append("admin1-context")
    nearby = [p for p in context.places if p.precision not in ("country", "region")]
    if nearby:
        distance = min(haversine_km(c.lat, c.lon, p.lat, p.lon) for p in nearby)
        for limit, bonus in PROXIMITY:
            if distance <= limit:
                score += bonus
                reasons.append("proximity")
                break
    if c.within:
        within = name_key(c.within)
        if within in keys or f"{within} city" in keys:
            score += WITHIN_CONTEXT
            reasons.append("within-city-context")
    return score, reasons


def rank_candidates(
    text: str, context: GeoContext, gazetteer: Gazetteer | None = None
) -> list[tuple[float, Candidate, str]]:
    """All candidates for a toponym, best first, each with its score and reason."""
    gaz = gazetteer or load_gazetteer()
    matches = gaz.matches(text)
    if not matches:
        return []
    own = name_key(text)
    keys = _context_keys(context) - {own}
    big_cities = {
        m.candidate.country
        for m in matches
        if m.candidate.precision == "city" and m.candidate.population >= 50_000
    }
    regions = any(
        m.candidate.precision == "region" and m.how == "name" and m.candidate.country is None
        for m in matches
    )
    area_countries = {
        m.candidate.country
        for m in matches
        if m.candidate.precision == "admin1"
        and m.how == "name"
        and name_key(m.candidate.name) == own
    }
    has_exact = any(m.how == "name" for m in matches)
    seen: set[int] = set()
    ranked = []
    for match in matches:
        if id(match.candidate) in seen:
            continue
        seen.add(id(match.candidate))
        score, reasons = _score(match, context, keys, big_cities, has_exact)
        c = match.candidate
        if (
            c.precision == "city"
            and (c.country in area_countries or regions)
            and c.population < SAME_NAME_AREA_TOWN
        ):
            score += SAME_NAME_AREA
            reasons.append("area-of-same-name")
        if (
            c.precision == "admin1"
            and c.country in area_countries
            and _area_not_country(c, matches, context)
        ):
            score += AREA_OVER_COUNTRY
            reasons.append("area-over-country")
        ranked.append((round(score, 3), match.candidate, "+".join(reasons)))
    ranked.sort(key=lambda r: (-r[0], -r[1].population))
    return ranked


def _area_not_country(area: Candidate, matches: Sequence[Match], context: GeoContext) -> bool:
    """Whether a name that is both a country and ``area`` (an admin1 area) means the area: the
    article's other places all lie in the area's country, and the country of that name is not
    mentioned in another form ("Georgian", "Republic of Georgia")."""
    named = {m.candidate.country for m in matches if m.candidate.precision == "country"}
    named.discard(area.country)
    if not named or any(iso in context.countries for iso in named):
        return False
    return {p.country for p in context.places if p.country} == {area.country}


def resolve_toponym(
    text: str, context: GeoContext | None = None, gazetteer: Gazetteer | None = None
) -> Resolution:
    """Resolve one toponym; unknown names give ``Resolution(None, 0.0, "not-in-gazetteer")``."""
    ranked = rank_candidates(text, context or GeoContext(), gazetteer) if text.strip() else []
    if not ranked:
        return Resolution(None, 0.0, "not-in-gazetteer")
    score, candidate, reason = ranked[0]
    margin = score - ranked[1][0] if len(ranked) > 1 else score
    return Resolution(candidate, score, reason, alternatives=len(ranked), margin=round(margin, 3))


def resolve_demonym(text: str) -> Resolution:
    """A demonym ("Syrian", "North American") to its country or region; None if it is none."""
    matches = [m for m in load_gazetteer().matches(text) if m.how == "demonym"]
    if not matches:
        return Resolution(None, 0.0, "not-a-demonym")
    best = max(matches, key=lambda m: (m.candidate.precision == "country", m.candidate.population))
    return Resolution(best.candidate, 1.0, "demonym", alternatives=len(matches))
