"""Place mentions in the parse -> gazetteer entries, resolved with the article's context."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dyad.article import Place
from dyad.resolve.gazetteer import load_gazetteer
from dyad.resolve.geo import GeoContext, resolve_toponym

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"PERSON", "NORP", "ORG"}
BIG_CITY = 100_000  # a PERSON/NORP/ORG entity named exactly like a city this big is the city
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}


def toponym_spans(doc: Doc) -> list[Span]:
    """Entities that name places; a country or capital used as the subject of an act is an actor
    ("Washington said"), and is reported as a mention, not a place."""
    spans = []
    for ent in doc.ents:
        if ent.label_ in MISLABELLED and _is_known_place(_clean(ent.text)):
            spans.append(ent)
            continue
        if ent.label_ not in PLACE_LABELS:
            continue
        if (
            ent.root.dep_ in ACTOR_DEPS
            and ent.root.head.pos_ in {"VERB", "AUX"}
            and ent.label_ == "GPE"
        ):
            continue
        spans.append(ent)
    return spans


def resolve_places(doc: Doc, offset: int, countries: list[str]) -> list[Place]:
    """Resolve every toponym of the article, the others serving as context."""
    spans = toponym_spans(doc)
    context = GeoContext(countries=tuple(countries), names=tuple(s.text for s in spans))
    places: list[Place] = []
    for span in spans:
        resolution = resolve_toponym(_clean(span.text), context)
        start, end = span.start_char + offset, span.end_char + offset
        candidate = resolution.candidate
        if candidate is None:
            places.append(
                Place(
                    text=span.text,
                    start=start,
                    end=end,
                    resolved=False,
                    resolved_by=resolution.reason,
                )
            )
            continue
        places.append(
            Place(
                text=span.text,
                start=start,
                end=end,
                resolved=True,
                geonameid=candidate.geonameid,
                name=candidate.name,
                lat=candidate.lat,
                lon=candidate.lon,
                country=candidate.country,
                admin1=candidate.admin1,
                precision=candidate.precision,
                within=candidate.within,
                resolved_by=resolution.reason,
            )
        )
    return places


def _is_known_place(text: str) -> bool:
    """spaCy's small model calls many Arabic, Kurdish and African toponyms persons or groups."""
    for candidate in load_gazetteer().lookup(text):
        if candidate.source != "geonames" and candidate.precision != "country":
            return True
        if (candidate.population or 0) >= BIG_CITY and candidate.name.lower() == text.lower():
            return True
    return False


def _clean(text: str) -> str:
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
