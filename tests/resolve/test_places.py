"""Toponyms in the parse: roles (place, actor, demonym, embedded), resolution and event linking."""

from dyad.article import Place
from dyad.nlp.model import parse
from dyad.resolve.place_linking import link_place
from dyad.resolve.places import is_event_location, resolve_places, toponym_spans
from place_helpers import linked_place as _linked


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


def test_a_place_naming_who_acted_is_not_where_the_event_happened() -> None:
    linked = _linked(
        "U.S. warplanes patrolled the skies over northern Iraq on Friday.", "patrolled"
    )
    assert linked is not None and linked.text == "Iraq"


def test_a_place_given_only_as_a_bearing_yields_to_the_scene() -> None:
    text = "Gunmen shot two guards in Mallawi, about 40 kilometers south of Minya, on Sunday."
    linked = _linked(text, "shot")
    assert linked is not None and linked.text == "Mallawi"


def test_a_neighbourhood_is_preferred_to_its_city() -> None:
    text = "A car bomb killed six people in Baghdad's Karrada district on Friday."
    linked = _linked(text, "killed")
    assert linked is not None and linked.text == "Karrada"


def test_a_reporting_verb_takes_no_place_from_another_clause() -> None:
    text = "The ministry said that rebels had attacked a convoy near Homs."
    assert _linked(text, "said") is None
    linked = _linked(text, "attacked")
    assert linked is not None and linked.text == "Homs"


def test_a_conjoined_clause_with_its_own_subject_keeps_its_place() -> None:
    text = "A soldier in Hebron shot a man, and a settler in Nablus killed two farmers."
    linked = _linked(text, "shot")
    assert linked is not None and linked.text == "Hebron"


def test_a_name_after_village_of_is_a_toponym_even_when_the_model_misses_it() -> None:
    text = "Militants attacked the village of Umm Tuweinat and burned the Kafr Zeita district."
    spans = {t.text for t in toponym_spans(parse(text))}
    assert {"Umm Tuweinat", "Kafr Zeita"} <= spans
    linked = _linked(text, "attacked")
    assert linked is not None and linked.text == "Umm Tuweinat"


def test_a_sentence_initial_capitalised_word_before_a_place_noun_is_no_toponym() -> None:
    spans = {t.text for t in toponym_spans(parse("Every village in the valley voted."))}
    assert "Every" not in spans


def test_an_unknown_name_after_in_is_an_unresolved_place_not_dropped() -> None:
    text = "The convoy was ambushed outside Dhuluiya late on Friday."  # the model says ORG
    place = _places(text).get("Dhuluiya")
    assert place is not None and is_event_location(place)
    linked = _linked(text, "ambushed")
    assert linked is not None and linked.text == "Dhuluiya"
    text = "He appealed to local authorities in Kurdish-administered areas to stop the shelling."
    assert "Kurdish" not in _places(text)


def test_words_the_model_leaves_out_join_a_name_the_gazetteer_knows() -> None:
    places = _places("Two children died in a village in East Java last week.")
    assert "East Java" in places and places["East Java"].precision == "admin1"
    places = _places("Three cases were confirmed in Rio Grande do Sul on Monday.")
    assert places["Rio Grande do Sul"].country == "BRA"
    assert places["Rio Grande do Sul"].precision == "admin1"


def test_a_trailing_participle_clause_keeps_its_own_place() -> None:
    text = "Rebels shelled villages in Idlib province on Monday, destroying houses in Kafr Nabl."
    linked = _linked(text, "shelled")
    assert linked is not None and linked.text.startswith("Idlib")
    linked = _linked(text, "destroying")
    assert linked is not None and linked.text == "Kafr Nabl"


def test_a_name_followed_by_state_is_the_state_in_every_mention() -> None:
    text = (
        "The New York state health department confirmed three new cases on Friday. "
        "Hospitals in New York have been told to prepare more beds."
    )
    mentions = [p for p in resolve_places(parse(text), 0, []) if p.text == "New York"]
    assert len(mentions) == 2
    assert all(p.precision == "admin1" and p.admin1 == "New York" for p in mentions)


def test_the_state_of_a_name_is_the_state() -> None:
    washington = _places(
        "Inspectors confirmed the infection in a dairy herd in the state of Washington."
    )
    assert washington["Washington"].precision == "admin1"


def test_a_part_of_a_state_named_like_a_city_is_the_state() -> None:
    washington = _places("Wildfires forced hundreds of families out of central Washington.")
    assert washington["Washington"].precision == "admin1"
    mexico = _places("Gunmen attacked a police convoy in northern Mexico on Sunday.")["Mexico"]
    assert mexico.precision == "country" and mexico.country == "MEX"


def test_names_listed_with_states_are_states() -> None:
    text = (
        "Health officials counted new infections in five states including Oklahoma, Georgia, "
        "Iowa, Pennsylvania and Maine."
    )
    places = _places(text)
    assert {places[n].precision for n in ("Georgia", "Oklahoma", "Pennsylvania")} == {"admin1"}
    assert places["Georgia"].country == "USA"


def test_a_town_qualified_by_its_state_lies_in_that_state() -> None:
    places = _places("She grew up in Paris, Texas, and later taught in Athens, Georgia.")
    assert places["Paris"].admin1 == "Texas"
    assert places["Athens"].country == "USA" and places["Athens"].admin1 == "Georgia"


def test_a_two_word_demonym_resolves_to_its_region() -> None:
    central = _places(
        "Hundreds of Central American asylum seekers crossed into Guatemala on Monday."
    )
    assert central["Central American"].name == "Central America"


def test_a_compass_word_at_the_start_of_a_name_is_no_embedded_place() -> None:
    places = _places("A teenager was robbed near the South Acton Estate in west London.")
    assert "South" not in places
    assert places["London"].country == "GBR"


def test_a_kinshasa_commune_stays_in_kinshasa() -> None:
    text = "Students marched in Kinshasa on Monday. Police fired tear gas at them in Lemba."
    places = resolve_places(parse(text), 0, ["COD"])
    lemba = next(p for p in places if p.text == "Lemba")
    assert (lemba.country, lemba.within, lemba.precision) == ("COD", "Kinshasa", "neighbourhood")


def test_a_place_name_split_by_the_tagger_is_taken_whole() -> None:
    text = "Insurgents attacked villages near Mocímboa da Praia on Sunday."
    places = resolve_places(parse(text), 0, ["MOZ"])
    assert [(p.text, p.country) for p in places] == [("Mocímboa da Praia", "MOZ")]


def test_a_town_missing_from_the_gazetteer_is_not_placed_abroad_by_its_namesake() -> None:
    places = _places(
        "Islamist insurgents attacked villages in Mozambique's Cabo Delgado province on Sunday. "
        "The fighters burned homes near Palma before Mozambique's army arrived from Pemba."
    )
    assert not places["Palma"].resolved  # Palma, Mozambique is not Palma de Mallorca
    assert places["Pemba"].country == "MOZ"


def test_an_acronym_opening_an_organisation_name_is_no_town() -> None:
    places = _places("The UN Human Rights Office said on Tuesday that aid had reached Goma.")
    assert "UN" not in places  # not Un, a town in Gujarat
    assert places["Goma"].country == "COD"


def test_the_first_member_of_an_elliptic_pair_takes_the_shared_name() -> None:
    places = _places("Fighting continued in North and South Kivu on Monday.")
    assert "North and" not in places
    assert places["North"].name == "North Kivu" and places["North"].country == "COD"
    assert places["South Kivu"].name == "South Kivu"
