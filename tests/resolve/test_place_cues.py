"""Toponyms found from the syntax around a name: admin and site head words, settlement and part
nouns, verbs of territory, locative cues before unlabelled names, and person-like names that
are no places. Sentences written by the dyad team."""

from dyad.article import Place
from dyad.nlp.model import parse
from dyad.resolve.places import is_event_location, resolve_places, toponym_spans
from place_helpers import linked_place as _linked


def _places(text: str) -> dict[str, Place]:
    return {p.text: p for p in resolve_places(parse(text), 0, [])}


def _spans(text: str) -> set[str]:
    return {t.text for t in toponym_spans(parse(text))}


def test_a_governorate_is_an_admin_area_found_with_its_head_word() -> None:
    places = _places("Warplanes struck several towns in the Idlib Governorate on Monday night.")
    assert "Idlib Governorate" in places
    assert places["Idlib Governorate"].precision == "admin1"
    assert places["Idlib Governorate"].country == "SYR"


def test_a_military_airport_is_a_place_reported_without_invented_coordinates() -> None:
    text = "Militants shelled the Qarbeen Military Airport before dawn, a monitor said."
    place = _places(text)["Qarbeen Military Airport"]
    assert is_event_location(place) and not place.resolved
    linked = _linked(text, "shelled")
    assert linked is not None and linked.text == "Qarbeen Military Airport"


def test_a_facility_named_after_a_known_city_resolves_to_that_city() -> None:
    place = _places("Students marched across the campus of Alexandria University on Sunday.")[
        "Alexandria University"
    ]
    assert place.resolved and place.country == "EGY"


def test_an_unknown_name_before_a_site_noun_is_a_place() -> None:
    spans = _spans("Two guards were wounded at the Wadhaab border crossing late on Friday.")
    assert "Wadhaab" in spans
    spans = _spans("Gunmen opened fire at Mirbeni police station on Tuesday.")
    assert "Mirbeni" in spans


def test_names_listed_with_a_plural_settlement_noun_are_all_places() -> None:
    spans = _spans("Troops searched houses in villages like Koloma and Betasi after the raid.")
    assert {"Koloma", "Betasi"} <= spans
    spans = _spans("Shells fell on the towns of Kafr Hamra and Haritan overnight.")
    assert {"Kafr Hamra", "Haritan"} <= spans


def test_an_article_particle_begins_a_place_name_after_a_settlement_noun() -> None:
    assert "al-Hasrat" in _spans("Police sealed off the district of al-Hasrat on Sunday.")


def test_a_known_city_the_model_leaves_unlabelled_is_found_after_a_bearing() -> None:
    places = _places("Government jets bombed rebel positions in eastern Aleppo on Tuesday.")
    assert places["Aleppo"].country == "SYR"


def test_a_name_after_a_place_possessive_with_a_lost_apostrophe_is_a_place() -> None:
    places = _places("Fighting went on in Syria   s Manbij for a third day.")
    assert "Manbij" in places and places["Manbij"].country == "SYR"


def test_a_lost_apostrophe_does_not_make_a_group_name_a_place() -> None:
    spans = _spans("Fighters of the People   s Protection Units repelled the attack.")
    assert not any("People" in s for s in spans)


def test_the_object_of_a_verb_of_territory_is_a_place() -> None:
    text = "Rebel fighters stormed Kafr Nabudah and liberated Tal Maraq on Sunday."
    spans = _spans(text)
    assert {"Kafr Nabudah", "Tal Maraq"} <= spans
    linked = _linked(text, "stormed")
    assert linked is not None and linked.text == "Kafr Nabudah"


def test_a_captured_person_is_no_place() -> None:
    spans = _spans("Police captured Miguel Angel Trevino at a ranch on Monday.")
    assert not any("Miguel" in s for s in spans)


def test_a_known_person_and_a_titled_person_are_no_places() -> None:
    assert "Bush" not in _spans("Protesters urged Bush to sign the climate accord.")
    spans = _spans("The protests against President Bashar al-Assad spread in March.")
    assert not any("Bashar" in s for s in spans)


def test_a_lower_case_currency_is_no_place() -> None:
    spans = _spans("The gunmen destroyed property worth millions of naira.")
    assert "naira" not in spans


def test_a_faith_before_an_area_noun_is_no_place() -> None:
    spans = _spans("Car bombs exploded in Sunni areas of the capital on Sunday.")
    assert "Sunni" not in spans


def test_a_site_gets_no_point_guessed_from_the_article_town() -> None:
    text = "Fighting went on in Aleppo, and rebels later shelled the Qarbeen Military Airport."
    places = _places(text)
    assert places["Aleppo"].resolved
    assert not places["Qarbeen Military Airport"].resolved


def test_a_place_word_before_a_known_name_joins_it() -> None:
    spans = _spans("Shells fell on the towns of Kafr Hamra and Haritan overnight.")
    assert "Kafr Hamra" in spans and "Hamra" not in spans


def test_a_place_name_cut_from_a_longer_personal_name_is_no_place() -> None:
    spans = _spans("Missiles destroyed the home of Aden Abdi Warsame in the town of Dhusamareb.")
    assert "Aden" not in spans and "Dhusamareb" in spans
