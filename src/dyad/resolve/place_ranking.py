"""Which candidate place of a clause is the event's scene: not a bearing or a destination, not
where the doer is stationed, the finest, not the area that only locates another, the nearest."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.article import Place

# "40 km south of Minya": a place that only gives a bearing is a reference point.
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern",
    "eastern", "western"
})  # fmt: skip
MOTION_PREPOSITIONS = frozenset({"to", "toward", "towards", "from", "into"})
# Where a movement starts or is headed ("smuggled from Turkey", "flown to Cairo") is not where
# it happened; "into" still is ("fired into Gaza", "an incursion into Lebanon"), and so is the
# place whose threshold is named ("at the entrance to Bethlehem", "the road near the gates of").
ORIGIN_DESTINATION = frozenset({"from", "to", "toward", "towards"})
_THRESHOLDS = frozenset({
    "adjacent", "approach", "approaches", "close", "door", "doors", "doorstep", "edge",
    "entrance", "entrances", "entry", "gate", "gates", "highway", "near", "next", "road",
    "roads", "route",
})  # fmt: skip


def reference_rank(token: Token) -> int:
    """3 for a place named only as a bearing ("40 km south of Minya", "east of the capital,
    Damascus"), 2 for the origin or destination of a movement ("smuggled from Turkey", "flown
    to Cairo"), 1 for a place entered or reached ("fired into Gaza", "at the entrance to
    Bethlehem"), 0 otherwise."""
    current = token
    for _ in range(3):
        bearing = current.head.lower_ in {"of", "from"} and current.head.head.lower_ in DIRECTIONS
        if current.dep_ == "pobj" and bearing:
            return 3
        prep = current.head
        origin = prep.lower_ in ORIGIN_DESTINATION and prep.head.lower_ not in _THRESHOLDS
        if current.dep_ == "pobj" and origin:
            return 2  # "flown to Cairo", "troops from Chad"; not "the entrance to Bethlehem"
        if current.dep_ == "pobj":
            return int(current.head.lower_ in MOTION_PREPOSITIONS)
        if current.dep_ not in {"appos", "compound", "conj"}:
            return 0
        current = current.head
    return 0


# Dependencies by which a toponym names the area around another ("Saboti in the Elgon region",
# "Khan Touman, south of Aleppo", "Mosul, northern Iraq", "Mogadishu's Shibbis District").
_CONTAINER_DEPS = frozenset({"appos", "poss", "compound", "pobj", "prep", "amod", "npadvmod"})


# "the Raman district of Yala province": the name before such a noun is the finer place.
_AREA_NOUNS = frozenset({
    "district", "area", "neighbourhood", "neighborhood", "province", "governorate", "region",
    "village", "town", "city", "camp", "county", "state", "municipality", "suburb", "quarter",
    "countryside", "locality",
})  # fmt: skip


# Prepositions by which a place locates the noun before it ("the camp near Nablus", "the
# Mubingi commune outside Bujumbura").
_CONTAINER_PREPOSITIONS = frozenset({"in", "of", "near", "outside", "around", "inside"})


def _area_noun(token: Token) -> int:
    """The index of the area noun a toponym names, or -1: "the Raman district" (a compound),
    "the neighbourhood of Zeitun", "the town of Jobar" (the object of its "of")."""
    if token.dep_ == "compound" and token.head.lower_ in _AREA_NOUNS:
        return token.head.i
    of = token.head
    if token.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in _AREA_NOUNS:
        return of.head.i
    return -1


def _area_names(roots: list[Token], minor: frozenset[int]) -> dict[int, int]:
    """Which candidate names each area noun: its compound ("the Zafaraniyah district of
    Baghdad"), unless a minor name follows its "of" and the compound is a known town ("the
    Sarajevo neighbourhood of Dobrinja")."""
    names: dict[int, int] = {}
    for root in sorted(roots, key=lambda r: r.dep_ != "compound"):  # compounds first
        area = _area_noun(root)
        if area < 0:
            continue
        first = names.get(area)
        after_of = root.dep_ == "pobj" and root.lower_ not in _AREA_NOUNS
        if first is None or (after_of and root.i in minor and first not in minor):
            names[area] = root.i
    return names


def _contained(token: Token, others: list[Token], names: dict[int, int] | None = None) -> int:
    """1 when ``token`` only locates another candidate place, which governs it through
    containment dependencies ("in", "of", commas, possessives), itself or through the area noun
    another names (``names``, from ``_area_names``: "the Raman district of Yala"); 0
    otherwise."""
    others_ids = {o.i for o in others if o.i != token.i}
    others_ids |= {area for area, name in (names or {}).items() if name != token.i}
    current = token
    for _ in range(6):
        if current.dep_ not in _CONTAINER_DEPS or current.head.i == current.i:
            return 0
        if current.dep_ == "prep" and current.lower_ not in _CONTAINER_PREPOSITIONS:
            return 0
        current = current.head
        if current.i in others_ids:
            return 1
    return 0


# Participles that say where a group or thing is kept ("planes based in Incirlik", "troops
# stationed at Fort Bliss"): their place is the home of the doer, not the scene.
STATIONING_LEMMAS = frozenset({
    "base", "deploy", "garrison", "headquarter", "house", "locate", "position", "post",
    "situate", "station",
})  # fmt: skip


def _in_modifier(token: Token, clause: Token) -> int:
    """2 when the toponym hangs from ``clause`` through a participle of stationing modifying a
    noun ("planes based in Incirlik patrol northern Iraq"), 1 through another participle
    modifying a noun ("troops walking near his home"), 0 otherwise: such a participle has a
    scene of its own."""
    current = token
    while current.i != clause.i and current.head.i != current.i:
        if current.dep_ == "acl":
            return 2 if current.lemma_.lower() in STATIONING_LEMMAS else 1
        current = current.head
    return 0


def best_place(found: list[tuple[Place, Token]], trigger: int, clause: Token) -> Place:
    """The scene among candidate places (each with its parse root): not a bearing or a place
    entered; not where the doer is stationed; the finest; not inside another participle
    modifying a noun; not the area that only locates another candidate; the nearest."""
    roots = [r for _, r in found]
    minor = frozenset(r.i for p, r in found if p.precision in {None, "neighbourhood"})
    names = _area_names(roots, minor)
    best, _ = min(
        found,
        key=lambda pr: (
            reference_rank(pr[1]),
            _in_modifier(pr[1], clause) == 2,
            _coarse(pr[0]),
            _in_modifier(pr[1], clause),
            _contained(pr[1], roots, names),
            abs(pr[0].start - trigger),
        ),
    )
    return best


def _coarse(place: Place) -> int:
    """0 for a neighbourhood, 1 for a town (or an unknown toponym), 2 for an area, 3 for a
    country."""
    ranks = {"neighbourhood": 0, "country": 3, "region": 2, "admin1": 2}
    return ranks.get(place.precision or "", 1)
