"""One team-written sentence's places and the place its event is linked to, for the place tests."""

from dyad.article import Place
from dyad.nlp.model import parse
from dyad.resolve.place_linking import link_place
from dyad.resolve.places import resolve_places


def linked_place(text: str, trigger: str) -> Place | None:
    """The place linked to the event whose trigger is the first word ``trigger``."""
    doc = parse(text)
    places = resolve_places(doc, 0, [])
    head = next(t for t in doc if t.text == trigger)
    linked = link_place(doc, head, 0, places, None)
    return None if linked is None else next(p for p in places if p.start == linked.start)
