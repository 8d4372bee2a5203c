"""Resolve an article's toponyms together: passes that share what earlier passes were sure of,
then the list, "town, area", fallback and home-over-abroad corrections (see ``resolve_document``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from dyad.resolve.gazetteer import Candidate, load_gazetteer, name_key
from dyad.resolve.geo import (
    ALIAS_VILLAGE,
    CONFIDENT_MARGIN,
    FALLBACK_POPULATION,
    PROXIMITY,
    GeoContext,
    Resolution,
    haversine_km,
    rank_candidates,
    resolve_toponym,
)
from dyad.resolve.place_focus import (
    country_counts,
    country_mentions,
    focus_city,
    focus_country,
    mentioned_countries,
    unlikely_abroad,
)
from dyad.resolve.place_words import FACILITY_WORDS, GENERIC_WORDS


def _confident(resolution: Resolution) -> bool:
    return resolution.candidate is not None and (
        resolution.alternatives == 1 or resolution.margin >= CONFIDENT_MARGIN
    )


def resolve_document(
    toponyms: Sequence[str],
    text: str = "",
    leading: Sequence[str] = (),
    lists: Sequence[Sequence[int]] = (),
    within: Sequence[tuple[int, int]] = (),
) -> list[Resolution]:
    """Resolve an article's toponyms together, in three passes: (1) each alone with the
    countries named in the text (``leading``, ISO3, ranked ahead), (2) with the places that pass
    1 was sure of, (3) with all places of pass 2. A name listed among areas of one kind
    (``lists``: positions in ``toponyms`` of names written as one list, "Texas, Utah, Washington
    and Wyoming") then takes the area of that kind it names; a town qualified by an area
    (``within``: positions of "Bogota" and "Colombia" in "Bogota, Colombia") takes a town of
    that name inside the area when the gazetteer has one. Names the gazetteer lacks fall back
    on a place they contain ("Seoul Central District Court") or, for a street or building, on
    the article's main city."""
    surfaces = country_mentions(text) if text else Counter()
    names = tuple(dict.fromkeys(toponyms))
    keys = {name: name_key(name) for name in names}
    countries = {
        name: tuple(dict.fromkeys((*leading, *mentioned_countries(surfaces, keys[name]))))
        for name in names
    }
    others = {name: tuple(n for n in names if keys[n] != keys[name]) for name in names}

    def run(previous: dict[str, Resolution], keep: Callable[[Resolution], bool]) -> dict:
        out = {}
        for name in names:
            places = tuple(
                r.candidate
                for n, r in previous.items()
                if r.candidate is not None and keys[n] != keys[name] and keep(r)
            )
            out[name] = resolve_toponym(name, GeoContext(countries[name], places, others[name]))
        return out

    first = run({}, _confident)
    second = run(first, _confident)
    final = run(second, lambda r: r.candidate is not None)
    for group in lists:
        _same_kind_as_list([toponyms[i] for i in group], final)
    for town, area in within:
        _inside(toponyms[town], final[toponyms[area]].candidate, final, countries[toponyms[town]])
    resolved = tuple(r.candidate for r in final.values() if r.candidate is not None)
    focus = focus_city([final[name].candidate for name in toponyms])
    for name in names:
        if final[name].candidate is None:
            context = GeoContext(countries[name], resolved, others[name])
            final[name] = _fallback(name, context, focus)
    _home_over_abroad(names, keys, final, countries, surfaces)
    return [final[name] for name in toponyms]


def _home_over_abroad(
    names: Sequence[str],
    keys: dict[str, str],
    final: dict[str, Resolution],
    countries: dict[str, tuple[str, ...]],
    surfaces: Counter[str],
) -> None:
    """In an article about one country, a mid-size town abroad, named exactly, that nothing else
    in the article supports gives way to a place of that name in the article's countries, else
    to no place ("Palma" among places of Mozambique is not Palma de Mallorca)."""
    home = focus_country(
        country_counts(surfaces), [r.candidate for r in final.values() if r.candidate]
    )
    if home is None:
        return
    for name in names:
        current = final[name].candidate
        others = [r.candidate for n, r in final.items() if r.candidate and keys[n] != keys[name]]
        if current is None:
            continue
        if name_key(current.name) != keys[name] and current.population >= ALIAS_VILLAGE:
            continue  # a town's other name ("Auschwitz") may be how it is known abroad
        if not unlikely_abroad(current, home, countries[name], others):
            continue
        context = GeoContext(countries[name], tuple(others), ())
        found = next(
            (
                r
                for r in rank_candidates(name, context)
                if r[1].country in countries[name] and name_key(r[1].name) == keys[name]
            ),
            None,
        )
        if found is not None:
            final[name] = Resolution(found[1], found[0], f"{found[2]}+home-over-abroad")
        else:
            reason = f"unresolved: {current.name}, {current.country}, is abroad; article on {home}"
            final[name] = Resolution(None, 0.0, reason)


LISTED_KINDS = ("admin1", "country")
LISTED_SHARE = 2 / 3  # of the other members, resolved to one kind, make the list that kind


def _same_kind_as_list(members: Sequence[str], final: dict[str, Resolution]) -> None:
    """In a list whose other members (two thirds of them) resolved to countries, or to admin1
    areas of one country, a member resolved otherwise takes the country or area of its exact
    name, if any: "Georgia, Oklahoma, Pennsylvania" are states, "Chad, Niger and Mali"
    countries."""
    gazetteer = load_gazetteer()
    for name in dict.fromkeys(members):
        current = final[name].candidate
        others = [final[m].candidate for m in members if name_key(m) != name_key(name)]
        kinds = Counter(
            (c.precision, c.country if c.precision == "admin1" else None) for c in others if c
        )
        if not kinds:
            continue
        (kind, country), count = kinds.most_common(1)[0]
        if count < len(others) * LISTED_SHARE:
            continue
        if kind not in LISTED_KINDS or (current is not None and current.precision == kind):
            continue
        key = name_key(name)
        options = [
            m.candidate
            for m in gazetteer.matches(name)
            if m.candidate.precision == kind
            and (country is None or m.candidate.country == country)
            and (m.how == "name" or name_key(m.candidate.name) == key)
        ]
        if options:
            best = max(options, key=lambda c: c.population)
            reason = f"{final[name].reason}; listed with {kind} areas"
            final[name] = replace(final[name], candidate=best, reason=reason)


QUALIFIED = ("city", "neighbourhood", "admin2")


def _inside(
    name: str, area: Candidate | None, final: dict[str, Resolution], countries: tuple[str, ...]
) -> None:
    """A town written "<town>, <area>" ("Stroud, Ontario", "Bogota, Colombia") lies in that
    country or admin1 area: the best-ranked candidate there replaces one outside it."""
    current = final[name].candidate
    if area is None or area.precision not in ("country", "admin1") or current is None:
        return
    if current.precision not in QUALIFIED or _in_area(current, area):
        return
    context = GeoContext(countries, (area,), ())
    for score, candidate, reason in rank_candidates(name, context):
        if candidate.precision in QUALIFIED and _in_area(candidate, area):
            final[name] = Resolution(candidate, score, f"{reason}+qualified-by-area")
            return


def _in_area(candidate: Candidate, area: Candidate) -> bool:
    if area.precision == "country":
        return candidate.country == area.country
    return candidate.country == area.country and candidate.admin1 == area.admin1


def _supported(candidate: Candidate, part: list[str], context: GeoContext) -> bool:
    """A place inside an unknown name counts when it lies near the article's other places, or
    is a country or a big city named exactly (not an area such as "Central District")."""
    near = any(
        haversine_km(candidate.lat, candidate.lon, p.lat, p.lon) <= PROXIMITY[1][0]
        for p in context.places
        if p.precision not in ("country", "region")
    )
    exact = name_key(candidate.name) == name_key(" ".join(part))
    return near or (
        exact
        and (
            candidate.precision == "country"
            or (candidate.precision == "city" and candidate.population >= FALLBACK_POPULATION)
        )
    )


def _fallback(name: str, context: GeoContext, focus: Candidate | None) -> Resolution:
    """An unknown name's place: one it contains, trusted only with support from the article or
    when prominent; else, for a street or building, the article's main city."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for begin in range(len(words) - size + 1):
            part = words[begin : begin + size]
            if not part[0][:1].isupper() or all(
                w.lower() in FACILITY_WORDS or w.lower() in GENERIC_WORDS for w in part
            ):
                continue
            found = resolve_toponym(" ".join(part), context)
            if found.candidate is not None and _supported(found.candidate, part, context):
                return replace(found, reason=f"contains '{' '.join(part)}': {found.reason}")
    if focus is not None and words and FACILITY_WORDS & {words[0].lower(), words[-1].lower()}:
        return Resolution(focus, 0.0, f"facility in the article's main city ({focus.name})")
    return Resolution(None, 0.0, "not-in-gazetteer")
