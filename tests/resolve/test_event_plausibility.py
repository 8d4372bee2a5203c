"""Events checked once their actors are resolved: an event needs an agent, and CAMEO 18 or 19 for
an attack follows who attacked (armed forces in combat: 19; police, gunmen, criminals, unstated
doers: 18). Team-written sentences through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.article import Article, Event, article_id_for
from dyad.pipeline import code_article
from dyad.resolve.event_plausibility import non_agent_nouns
from event_helpers import coded_events as coded


def types(text: str) -> list[str]:
    return [e.event_type for e in coded(text)]


def assault(text: str) -> Event:
    found = [e for e in coded(text) if e.event_type == "ASSAULT"]
    assert found, [(e.event_type, e.trigger.text) for e in coded(text)]
    return found[0]


# --- an event needs an agent ---


def test_a_disease_that_kills_is_no_attacker() -> None:
    assert types("Cholera has killed 40 people in the camps this month.") == []


def test_an_event_left_out_is_named_in_the_article_warnings() -> None:
    text = "Cholera has killed 40 people in the camps this month."
    article = Article(id=article_id_for(text), text=text, date=None, date_source="none")
    notes = [w for w in code_article(article).warnings if w.startswith("not coded:")]
    assert len(notes) == 1
    assert "'killed' at 12-18" in notes[0] and "'cholera' is a disease" in notes[0].lower()


def test_a_disease_named_before_its_strain_is_no_attacker() -> None:
    assert types("In Portugal, the new influenza strain has killed nine people as of Monday.") == []


def test_flames_that_shoot_up_are_no_shooting() -> None:
    text = "Black smoke and bright flames shot up over the warehouse district on Monday night."
    assert types(text) == []


def test_weather_that_strikes_is_no_air_strike() -> None:
    assert "ASSAULT" not in types("Lightning struck a school in the village, injuring six pupils.")


def test_a_storm_and_the_deaths_it_caused_are_no_event() -> None:
    assert types("A typhoon battered the island, killing twelve people.") == []


def test_a_gas_explosion_is_a_mishap() -> None:
    assert types("A gas explosion at the mine killed nine workers.") == []


def test_an_animal_is_no_attacker() -> None:
    assert types("A stray dog attacked a girl in the park.") == []


def test_a_fire_someone_set_keeps_its_event() -> None:
    assert types("A fire set by protesters destroyed the town hall.") == ["COERCE"]


def test_gunfire_is_a_weapon_not_a_blaze() -> None:
    assert assault("Sniper fire wounded three soldiers on the front line.").cameo == "193"


def test_an_unstated_attacker_keeps_the_event() -> None:
    event = assault("A local journalist was shot in the capital on Friday.")
    assert event.cameo is not None and event.cameo.startswith("18")


# --- CAMEO 18 or 19 by the attacker ---


def test_a_police_shooting_is_unconventional_violence() -> None:
    event = assault("An off-duty police officer shot a teenager in a parking lot.")
    assert event.cameo == "182"
    assert event.mode == "firearms" and "military" not in event.context
    assert "plausibility: ASSAULT 193 -> ASSAULT 182" in event.rule


def test_troops_shooting_stays_military_force() -> None:
    event = assault("Army troops shot two insurgents near the border crossing.")
    assert event.cameo == "193" and "plausibility" not in event.rule


def test_gunmen_who_shoot_and_kill_commit_a_killing() -> None:
    assert assault("Gunmen shot and killed a shopkeeper in the old market.").cameo == "1823"


def test_a_criminal_killing_by_an_unstated_attacker_is_18() -> None:
    assert assault("A taxi driver was shot dead in a robbery on the ring road.").cameo == "1823"


def test_insurgents_bombing_a_bus_station_is_a_non_military_bombing() -> None:
    event = assault("Insurgents bombed a crowded bus station in the provincial capital.")
    assert (event.cameo, event.mode) == ("183", "explosives")


def test_a_missile_named_keeps_military_force() -> None:
    event = assault("The airliner was blown up by a missile fired by separatist rebels.")
    assert event.cameo == "195"


def test_deaths_in_an_air_strike_stay_military_force() -> None:
    event = assault("Eleven civilians were killed in an air strike on the market, witnesses said.")
    assert event.cameo is not None and event.cameo.startswith("19")


def test_a_state_air_strike_stays_military_force() -> None:
    event = assault("Turkey struck Kurdish militant positions in northern Iraq overnight.")
    assert event.cameo == "195"


def test_rebels_clashing_with_soldiers_stays_combat() -> None:
    assert assault("Rebels clashed with army units outside the town.").cameo == "190"


def test_a_workers_strike_is_a_protest_not_an_attack() -> None:
    events = coded("Workers at the state oil company began an unlimited strike on Monday.")
    assert [(e.event_type, e.cameo) for e in events] == [("PROTEST", "143")]
    assert "a strike by a LAB body" in events[0].rule


# --- the data ---


def test_a_bad_line_in_the_non_agent_list_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "non_agents.tsv"
    path.write_text("# header\nvirus\tdisease\nflood\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"non_agents.tsv:3"):
        non_agent_nouns(path)
