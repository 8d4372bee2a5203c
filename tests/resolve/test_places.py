"""Toponyms in the parse: roles (place, actor, demonym, embedded), resolution and event linking."""

from dyad.article import Place
from dyad.nlp.model import parse
from dyad.resolve.linking import link_place
from dyad.resolve.places import is_event_location, resolve_places, toponym_spans


def _places(text: str) -> dict[str, Place]:
    return {p.text: p for p in resolve_places(parse(text), 0, [])}


def test_a_capital_as_subject_of_an_act_is_an_actor_not_an_event_location() -> None:
    places = _places("Washington said on Monday that it would send more aid to Kyiv.")
    assert not is_event_location(places["Washington"])
    assert is_event_location(places["Kyiv"]) and places["Kyiv"].country == "UKR"


def test_a_demonym_resolves_to_its_country_and_is_no_event_location() -> None:
    syrian = _places("Syrian forces shelled the town overnight.")["Syrian"]
    assert syrian.country == "SYR" and syrian.precision == "country"
    assert not is_event_location(syrian)


def test_a_town_at_the_start_of_an_organisation_name_is_an_embedded_toponym() -> None:
    fargo = _places("Officers from the Fargo Police Department arrested two men on Friday.")[
        "Fargo"
    ]
    assert fargo.country == "USA" and fargo.admin1 == "North Dakota"
    assert (fargo.resolved_by or "").startswith("embedded")


def test_a_town_the_model_calls_a_person_is_a_place_after_a_locative_cue() -> None:
    spans = toponym_spans(
        parse("The fire started in Greer on Tuesday, and Greer firefighters left.")
    )
    assert [(t.text, t.role) for t in spans] == [("Greer", "place"), ("Greer", "place")]


def test_a_wire_dateline_names_a_place() -> None:
    beirut = _places("BEIRUT (AP) — Fighting broke out on Sunday.")["BEIRUT"]
    assert beirut.country == "LBN" and beirut.precision == "city"


def test_an_event_links_to_the_town_in_its_clause_not_the_country_of_the_reporter() -> None:
    doc = parse("The army shelled villages near Aleppo on Monday, Syria's state media said.")
    places = resolve_places(doc, 0, [])
    shelled = next(t for t in doc if t.text == "shelled")
    linked = link_place(doc, shelled, 0, places, None)
    assert linked is not None and linked.name == "Aleppo"


def test_a_country_is_the_event_location_when_no_finer_place_is_named() -> None:
    doc = parse("The rebels were captured in Kenya last year.")
    captured = next(t for t in doc if t.text == "captured")
    linked = link_place(doc, captured, 0, resolve_places(doc, 0, []), None)
    assert linked is not None and linked.country == "KEN"
