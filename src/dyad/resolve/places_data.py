"""Loaders for dyad's curated place files (data/places/*.tsv), validated line by line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.datafiles import DataFileError, read_table

PLACES_DIR = Path(__file__).resolve().parents[1] / "data" / "places"

NEIGHBOURHOOD_KINDS = frozenset({"neighbourhood", "district", "camp", "crossing", "base"})
REGION_PRECISIONS = frozenset({"region", "admin1"})


class PlacesDataError(DataFileError):
    """A bad line in a curated place file; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class NeighbourhoodRow:
    name: str
    aliases: tuple[str, ...]
    within: str
    country: str
    lat: float
    lon: float
    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class RegionRow:
    """A region or admin1 area; without lat/lon it only adds names to an existing entry."""

    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    precision: str
    country: str | None
    lat: float | None
    lon: float | None
    note: str
    path: Path
    line: int


@dataclass(frozen=True, slots=True)
class CountryRow:
    iso3: str
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    note: str


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    return read_table(path, columns, PlacesDataError)


def _coordinate(path: Path, line: int, value: str, limit: float, what: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise PlacesDataError(path, line, f"{what} {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise PlacesDataError(path, line, f"{what} {number} is out of range")
    return number


def _iso3(path: Path, line: int, value: str) -> str:
    if len(value) != 3 or not value.isalpha() or not value.isupper():
        raise PlacesDataError(path, line, f"country {value!r} is not an ISO3 code")
    return value


def _names(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def _required(path: Path, line: int, fields: dict[str, str], key: str) -> str:
    if not fields[key]:
        raise PlacesDataError(path, line, f"{key} is empty")
    return fields[key]


def load_neighbourhoods(path: Path | None = None) -> list[NeighbourhoodRow]:
    """Read neighbourhoods.tsv: sub-city places (districts, camps, crossings, bases)."""
    path = path or PLACES_DIR / "neighbourhoods.tsv"
    columns = ("name", "aliases", "within", "country", "lat", "lon", "kind", "note")
    out = []
    for line, f in _rows(path, columns):
        kind = f["kind"]
        if kind not in NEIGHBOURHOOD_KINDS:
            raise PlacesDataError(path, line, f"kind {kind!r} not in {sorted(NEIGHBOURHOOD_KINDS)}")
        out.append(
            NeighbourhoodRow(
                name=_required(path, line, f, "name"),
                aliases=_names(f["aliases"]),
                within=_required(path, line, f, "within"),
                country=_iso3(path, line, f["country"]),
                lat=_coordinate(path, line, f["lat"], 90, "lat"),
                lon=_coordinate(path, line, f["lon"], 180, "lon"),
                kind=kind,
                note=f["note"],
            )
        )
    return out


def load_regions(path: Path | None = None) -> list[RegionRow]:
    """Read regions.tsv: named regions and admin1 aliases with a representative point."""
    path = path or PLACES_DIR / "regions.tsv"
    columns = ("name", "aliases", "demonyms", "precision", "country", "lat", "lon", "note")
    out = []
    for line, f in _rows(path, columns):
        if f["precision"] not in REGION_PRECISIONS:
            raise PlacesDataError(path, line, f"precision {f['precision']!r} not region|admin1")
        has_point = bool(f["lat"]) or bool(f["lon"])
        out.append(
            RegionRow(
                name=_required(path, line, f, "name"),
                aliases=_names(f["aliases"]),
                demonyms=_names(f["demonyms"]),
                precision=f["precision"],
                country=_iso3(path, line, f["country"]) if f["country"] else None,
                lat=_coordinate(path, line, f["lat"], 90, "lat") if has_point else None,
                lon=_coordinate(path, line, f["lon"], 180, "lon") if has_point else None,
                note=f["note"],
                path=path,
                line=line,
            )
        )
    return out


def load_countries(path: Path | None = None) -> list[CountryRow]:
    """Read countries.tsv: extra country names, demonyms and representative points."""
    path = path or PLACES_DIR / "countries.tsv"
    columns = ("iso3", "lat", "lon", "aliases", "demonyms", "note")
    out = []
    for line, f in _rows(path, columns):
        has_point = bool(f["lat"]) or bool(f["lon"])
        out.append(
            CountryRow(
                iso3=_iso3(path, line, f["iso3"]),
                lat=_coordinate(path, line, f["lat"], 90, "lat") if has_point else None,
                lon=_coordinate(path, line, f["lon"], 180, "lon") if has_point else None,
                aliases=_names(f["aliases"]),
                demonyms=_names(f["demonyms"]),
                note=f["note"],
            )
        )
    return out
