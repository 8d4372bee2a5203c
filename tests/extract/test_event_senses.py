"""Senses of a trigger that depend on its object, and acts a clause only aims at or blames."""

from __future__ import annotations

from pathlib import Path

from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book, load_pattern_book
from dyad.nlp.model import parse


def types_of(sentence: str) -> list[str]:
    return [e.event_type for e in find_events(parse(sentence), default_pattern_book())]


def test_a_none_pattern_names_a_sense_that_is_no_event(tmp_path: Path) -> None:
    for name in ("light_verbs.txt", "intent_modes.tsv", "weapon_modes.tsv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "patterns.tsv").write_text(
        "v:mobilize\tMOBILIZE\ttroops\tmilitary\t154\tdobj\t\n"
        "v:mobilize >voter|voters\tNONE\t\t\t\t\t\n",
        encoding="utf-8",
    )
    book = load_pattern_book(tmp_path)
    assert find_events(parse("The party mobilized young voters."), book) == []
    coded = find_events(parse("Russia mobilized its reservists."), book)
    assert [e.event_type for e in coded] == ["MOBILIZE"]


def test_the_object_decides_what_hit_and_mobilize_mean() -> None:
    assert types_of("The EU hit two Iranian airlines with new sanctions.")[:1] == ["SANCTION"]
    assert types_of("A roadside bomb hit an army convoy near the border.")[:1] == ["ASSAULT"]
    assert types_of("The candidate mobilized young voters through social media.") == []
    assert types_of("Russia mobilized 300,000 reservists for the war.")[:1] == ["MOBILIZE"]


def test_agreeing_to_a_demand_is_a_concession_and_meeting_a_deadline_no_event() -> None:
    assert types_of("The company agreed to the strikers' demands.")[:1] == ["CONCEDE"]
    assert types_of("The two sides agreed to a ceasefire on Sunday.")[:1] == ["AGREE"]
    assert types_of("The ministry met the deadline for the report.") == []


def test_acts_on_wild_animals_are_no_events() -> None:
    assert types_of("Rangers captured two leopards that had strayed into a village.") == []
    assert types_of("Police captured two suspected gang leaders.")[:1] == ["COERCE"]


def test_an_act_a_bill_or_a_purpose_clause_aims_at_has_not_happened() -> None:
    assert types_of("Lawmakers debated a bill to ban smoking in restaurants.") == []
    assert types_of("The party began a drive to amend the law so that rallies are banned.") == []
    assert types_of("The junta banned all political parties on Thursday.") == ["COERCE"]


def test_what_someone_is_arrested_for_is_not_a_second_event() -> None:
    assert types_of("A teacher was arrested in Minsk for collaborating with the opposition.") == [
        "COERCE"
    ]


def test_a_clause_under_no_evidence_or_whether_did_not_happen() -> None:
    assert types_of("There is no evidence that the army attacked the village.") == []
    assert types_of("It was unclear whether anyone had been arrested.") == []
    assert types_of("There is evidence that the army attacked the village.")[:1] == ["ASSAULT"]


def test_continuing_an_act_is_the_act_not_a_promise() -> None:
    assert types_of("The country will continue to support Ukraine.") == ["SUPPORT"]
    assert types_of("The country will support Ukraine.") == ["AGREE"]


def test_damage_done_with_a_weapon_is_an_assault_and_a_seized_weapon_a_seizure() -> None:
    assert types_of("Insurgents destroyed the bridge with explosives.")[:1] == ["ASSAULT"]
    assert types_of("Police seized rockets and grenades from a warehouse.")[:1] == ["COERCE"]
    # the gunmen carry the weapon: burning homes stays the destruction of property
    assert types_of("Gunmen burned dozens of homes in the village.")[:1] == ["COERCE"]


def test_charged_with_a_crime_or_with_batons() -> None:
    assert types_of("Police charged the activist with inciting violence.")[:1] == ["COERCE"]
    assert types_of("Police charged the protesters with batons.")[:1] == ["ASSAULT"]


def test_a_claim_accuses_only_when_it_claims_an_act_or_blame() -> None:
    assert types_of("Moscow claimed that Kyiv had shelled the nuclear plant.")[:1] == ["ACCUSE"]
    assert types_of("The company claimed that its profits had doubled.") == []


def test_saying_someone_was_behind_an_attack_is_an_accusation() -> None:
    assert types_of("Washington said Tehran was behind the attack on the tanker.") == ["ACCUSE"]
    assert types_of("Officials said Hamas was not behind the blast.") == []


def test_a_market_or_the_weather_as_subject_acts_on_no_one() -> None:
    assert types_of("Stocks rallied on hopes of a rate cut.") == []
    assert types_of("Oil prices retreated from their record high on Monday.") == []
    assert types_of("Thousands of supporters rallied in the capital to demand new elections.")[
        :1
    ] == ["PROTEST"]
    assert types_of("The rebels retreated from the town on Sunday.")[:1] == ["RETREAT"]


def test_a_none_sense_row_names_the_verbs_object_not_the_place_of_the_act() -> None:
    assert types_of("The band hit the road for a world tour.") == []
    assert types_of("An air strike hit a convoy on the road to Kabul.")[:1] == ["ASSAULT"]
    assert types_of("Crowds deployed umbrellas against the rain.") == []
    assert types_of("The army deployed tanks in the capital.")[:1] == ["MOBILIZE"]
