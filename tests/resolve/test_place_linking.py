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
            "A car parked at the entrance of the Hurriyah al-Ola district in northern Baghdad "
            "exploded on Sunday.",
            "exploded",
            "the Hurriyah al-Ola",
        ),
        # ... and "The Toronto-born" still says where a person comes from
        (
            "The Toronto-born Khadr was captured in Afghanistan in 2002.",
            "captured",
            "Afghanistan",
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
            "A suicide bomber struck a coffee shop in the Washash district of Baghdad on Sunday.",
            "struck",
            "Washash",
        ),
        # ... but in "the Y suburb of X" a town before the noun locates the name after "of"
        (
            "A former MP was shot dead at his home in the Nairobi suburb of Syokimau.",
            "shot",
            "Syokimau",
        ),
        # a participle modifying the subject has a scene of its own
        (
            "Five soldiers stationed at Fort Bliss, Texas, were captured in an ambush near "
            "Nasiriyah.",
            "captured",
            "Nasiriyah",
        ),
        # a town described as near another: the other is only a reference point
        (
            "The suicide bomber blew himself up in the market of Hawija, a town near Kirkuk, on "
            "Saturday.",
            "blew",
            "Hawija",
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
            "Thousands of students demonstrated against Israel and the United States.",
            "demonstrated",
        ),
        ("Protesters clashed with Turkey's riot police on Friday.", "clashed"),
        # a movement's origin or destination is not where it happened
        ("The militants infiltrated from Lebanon before dawn.", "infiltrated"),
        ("The army deployed reinforcements to Mogadishu on Thursday.", "deployed"),
        # "X-backed", "X-led": the place names a sponsor (examples/07, /12)
        ("The Turkey-backed rebels captured two villages overnight.", "captured"),
        # a country modifying a thing or a person says whose it is, not where
        ("Insurgents shot down a U.S. helicopter on Sunday.", "shot"),
        ("Only Spain's Miguel Indurain captured five titles in a row.", "captured"),
        ("Israel captured the heights in the 1967 Mideast war.", "captured"),
    ],
)
def test_a_place_that_names_a_party_a_path_or_an_owner_is_no_scene(text: str, trigger: str) -> None:
    assert linked(text, trigger) is None


def test_a_possessive_country_before_part_of_its_territory_is_still_the_scene() -> None:
    text = "Police boats will patrol Sri Lanka's west coast from next week."
    assert linked(text, "patrol") in {"Sri Lanka", "west coast"}
    text = "Supporters of the opposition clashed with police near Pakistan's parliament."
    assert linked(text, "clashed") == "Pakistan"


def test_a_territory_captured_in_the_passive_is_where_it_happened() -> None:
    """The subject of a passive act on a territory is taken for an actor by the toponym finder,
    but it is the scene of that act (and of no other)."""
    text = "East Jerusalem was captured by Israel in the 1967 war."
    assert linked(text, "captured") == "East Jerusalem"
    text = "Kosovo is patrolled by a NATO-led peacekeeping force."
    assert linked(text, "patrolled") == "Kosovo"
    assert linked("Ukraine has destroyed its SS-19 missiles.", "destroyed") is None


def test_an_adjective_the_gazetteer_does_not_know_is_no_scene() -> None:
    text = (
        "A suicide bomber killed seven people at a checkpoint outside a Shiite district in Baghdad."
    )
    assert linked(text, "killed") == "Baghdad"


def test_a_country_elsewhere_in_the_sentence_counts_only_when_named_as_a_scene() -> None:
    text = (
        "More than 2,400 people have been killed in violence that has rocked towns in southern "
        "Thailand for three years."
    )
    assert linked(text, "killed") == "Thailand"
    text = "He was shot after he said that Russia was behind the poisoning."
    assert linked(text, "shot") is None


def test_a_place_in_the_attribution_of_a_report_is_not_the_scene() -> None:
    text = (
        "According to a military source in Aleppo, the air force struck rebel positions near "
        "Saraqib on Monday."
    )
    assert linked(text, "struck") == "Saraqib"
    text = (
        "A string of bombs killed 14 people in Iraq on Saturday as the new ambassador in "
        "Washington said that the United States would help."
    )
    assert linked(text, "killed") == "Iraq"
    # a verb of naming is no report: the village is where the attack was
    text = "Gunmen attacked a village called Kadarko in Nasarawa state on Sunday."
    assert linked(text, "attacked") in {"Kadarko", "Nasarawa"}


def test_the_threshold_of_a_place_is_at_that_place_not_a_destination() -> None:
    text = "Several hundred Palestinians demonstrated at the entrance to Bethlehem on Friday."
    assert linked(text, "demonstrated") == "Bethlehem"
    text = "Government troops destroyed 14 rebel bunkers close to Jaffna on Sunday."
    assert linked(text, "destroyed") == "Jaffna"


def test_planes_based_somewhere_patrol_elsewhere() -> None:
    text = "A U.S.-led air force based in Incirlik has been patrolling over northern Iraq."
    assert linked(text, "patrolling") == "Iraq"


def test_a_name_after_of_a_proper_noun_is_part_of_that_name() -> None:
    text = "Ricardo Munguia of El Salvador was shot and killed in southern Afghanistan."
    assert linked(text, "shot") == "Afghanistan"


def test_a_place_after_of_in_the_subject_says_who_not_where() -> None:
    text = "Residents of Kirkuk were attacked at a checkpoint outside Tikrit on Tuesday."
    assert linked(text, "attacked") == "Tikrit"
    # the subject may be a place noun: "the roads of Beirut were patrolled"
    text = "The streets of Beirut were patrolled by army units on Friday."
    assert linked(text, "patrolled") == "Beirut"


def test_lower_case_words_the_gazetteer_does_not_know_are_no_scene() -> None:
    text = (
        "Militants bombed the main hotel used by the party at its conference in Brighton, on "
        "the south coast of England, killing five people."
    )
    assert linked(text, "bombed") == "Brighton"


def test_a_man_captured_in_the_passive_is_no_territory() -> None:
    text = "Haddad was captured by militants after his helicopter was shot down over Syria in 2014."
    assert linked(text, "captured") == "Syria"
