"""Which place an event happened at: sentences from dyad's demo corpus (examples/) and sentences
the team wrote in wire style, through the real parse, toponym resolution and linker."""

from __future__ import annotations

import pytest

from dyad.article import Place
from dyad.nlp.model import parse
from dyad.resolve.places import resolve_places
from place_helpers import linked_place


def linked(text: str, trigger: str) -> str | None:
    """The text of the place linked to the event whose trigger is the first word ``trigger``."""
    found = linked_place(text, trigger)
    return None if found is None else found.text


def places_of(text: str) -> list[Place]:
    return resolve_places(parse(text), 0, [])


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # examples/01: the neighbourhood, not the city that owns it
        (
            "Syrian government forces and fighters of the Kurdish-led Syrian Democratic Forces "
            "(SDF) clashed overnight in Aleppo's Sheikh Maqsoud neighbourhood, killing at least "
            "four people.",
            "clashed",
            "Sheikh Maqsoud",
        ),
        # examples/02: a bearing's reference point yields to the place it locates
        (
            "The convoy reached Tawila, about 60 kilometres west of El Fasher, on Monday.",
            "reached",
            "Tawila",
        ),
        # the article ("the") hangs from the area noun: the name itself is still the finer place
        (
            "A truck left at the gate of the Zayouna al-Jadida quarter in eastern Baghdad "
            "exploded on Wednesday.",
            "exploded",
            "the Zayouna al-Jadida",
        ),
        # ... and "The Ottawa-born" still says where a person comes from
        (
            "The Ottawa-born fighter was captured in Somalia in 2009.",
            "captured",
            "Somalia",
        ),
        # "the neighbourhood of X" names X: the city owning it only locates it
        (
            "A parked car bomb exploded in Baghdad's northwestern neighbourhood of Hurriyah on "
            "Sunday.",
            "exploded",
            "Hurriyah",
        ),
        # "the X district of Y": X names the district, Y only locates it ...
        (
            "A car bomb struck a busy bus station in the Bayaa district of Baghdad on Tuesday.",
            "struck",
            "Bayaa",
        ),
        # ... but in "the Y suburb of X" a town before the noun locates the name after "of"
        (
            "A retired judge was stabbed outside his house in the Kampala suburb of Ntinda.",
            "stabbed",
            "Ntinda",
        ),
        # a participle modifying the subject has a scene of its own
        (
            "Three marines stationed at Camp Pendleton, California, were captured during a raid "
            "near Fallujah.",
            "captured",
            "Fallujah",
        ),
        # a town described as near another: the other is only a reference point
        (
            "A bomber blew himself up at a police post in Baiji, a town near Tikrit, on Friday.",
            "blew",
            "Baiji",
        ),
    ],
)
def test_the_scene_is_the_finest_place_of_the_events_own_clause(
    text: str, trigger: str, place: str
) -> None:
    assert linked(text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the object of "against", "with", "for", "by" is a party or a topic, not a scene
        (
            "Hundreds of lawyers demonstrated against France and its allies on Monday.",
            "demonstrated",
        ),
        ("Protesters clashed with Turkey's riot police on Friday.", "clashed"),
        # a movement's origin or destination is not where it happened
        ("The militants infiltrated from Lebanon before dawn.", "infiltrated"),
        ("The army deployed reinforcements to Mogadishu on Thursday.", "deployed"),
        # "X-backed", "X-led": the place names a sponsor (examples/07, /12)
        ("The Turkey-backed rebels captured two villages overnight.", "captured"),
        # a country modifying a thing or a person says whose it is, not where
        ("Rebels shot down a U.S. surveillance drone on Friday.", "shot"),
        ("Only Norway's Erik Solberg captured three straight titles.", "captured"),
        ("Egypt captured the east bank of the canal in the 1973 war.", "captured"),
    ],
)
def test_a_place_that_names_a_party_a_path_or_an_owner_is_no_scene(text: str, trigger: str) -> None:
    assert linked(text, trigger) is None


def test_a_possessive_country_before_part_of_its_territory_is_still_the_scene() -> None:
    text = "Navy frigates will patrol Somalia's northern coast starting in March."
    assert linked(text, "patrol") in {"Somalia", "northern coast"}
    text = "Farmers clashed with police near Kenya's parliament."
    assert linked(text, "clashed") == "Kenya"


def test_a_territory_captured_in_the_passive_is_where_it_happened() -> None:
    """The subject of a passive act on a territory is taken for an actor by the toponym finder,
    but it is the scene of that act (and of no other)."""
    text = "South Ossetia was captured by Russia in 2008."
    assert linked(text, "captured") == "South Ossetia"
    text = "Western Sahara is patrolled by a UN monitoring mission."
    assert linked(text, "patrolled") == "Western Sahara"
    assert linked("Kazakhstan has destroyed its stock of chemical shells.", "destroyed") is None


def test_an_adjective_the_gazetteer_does_not_know_is_no_scene() -> None:
    text = "Gunmen wounded eleven shoppers at a bakery inside a Shiite district in Basra."
    assert linked(text, "wounded") == "Basra"


def test_a_country_elsewhere_in_the_sentence_counts_only_when_named_as_a_scene() -> None:
    text = (
        "About 650 villagers have been killed in clashes that have swept districts in northern "
        "Mozambique this year."
    )
    assert linked(text, "killed") == "Mozambique"
    text = "He was shot after he said that Russia was behind the poisoning."
    assert linked(text, "shot") is None


def test_a_place_in_the_attribution_of_a_report_is_not_the_scene() -> None:
    text = (
        "According to a security official in Mosul, warplanes struck militant camps near Sinjar "
        "on Thursday."
    )
    assert linked(text, "struck") == "Sinjar"
    text = (
        "Two car bombs killed nine people in Pakistan on Tuesday as the foreign minister in "
        "London said that Britain would send aid."
    )
    assert linked(text, "killed") == "Pakistan"
    # a verb of naming is no report: the village is where the attack was
    text = "Bandits attacked a hamlet called Dogo Nahawa in Plateau state on Monday."
    assert linked(text, "attacked") in {"Dogo Nahawa", "Plateau"}


def test_the_threshold_of_a_place_is_at_that_place_not_a_destination() -> None:
    text = "Around fifty taxi drivers demonstrated at the entrance to Nablus on Wednesday."
    assert linked(text, "demonstrated") == "Nablus"
    text = "Army units destroyed six guerrilla camps close to Batticaloa on Thursday."
    assert linked(text, "destroyed") == "Batticaloa"


def test_planes_based_somewhere_patrol_elsewhere() -> None:
    text = "NATO warplanes based in Aviano have been patrolling over central Bosnia."
    assert linked(text, "patrolling") == "Bosnia"


def test_a_name_after_of_a_proper_noun_is_part_of_that_name() -> None:
    text = "Luis Ordonez of El Salvador was fatally shot in eastern Congo."
    assert linked(text, "shot") == "Congo"


def test_a_place_after_of_in_the_subject_says_who_not_where() -> None:
    text = "Residents of Kirkuk were attacked at a checkpoint outside Tikrit on Tuesday."
    assert linked(text, "attacked") == "Tikrit"
    # the subject may be a place noun: "the roads of Beirut were patrolled"
    text = "The streets of Beirut were patrolled by army units on Friday."
    assert linked(text, "patrolled") == "Beirut"


def test_lower_case_words_the_gazetteer_does_not_know_are_no_scene() -> None:
    text = (
        "Rebels shelled the harbour used by the navy at its base in Trincomalee, on the east "
        "coast of Sri Lanka, wounding ten sailors."
    )
    assert linked(text, "shelled") == "Trincomalee"


def test_a_man_captured_in_the_passive_is_no_territory() -> None:
    text = "Haddad was captured by militants after his helicopter was shot down over Syria in 2014."
    assert linked(text, "captured") == "Syria"
