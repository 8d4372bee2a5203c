"""Events checked once their actors are resolved: an event needs an agent, and CAMEO 18 or 19 for
an attack follows who attacked (armed forces in combat: 19; police, gunmen, criminals, unstated
doers: 18). Team-written sentences through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.article import Article, Event, article_id_for
from dyad.extract.non_agents import non_agent_nouns
from dyad.pipeline import code_article
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
    # the pattern data or the plausibility check ("a strike by a LAB body") makes it a strike


# --- repression, bombings, taking people, datelines (event_cameo_codes) ---


def test_police_beating_marchers_is_violent_repression() -> None:
    event = assault("Police beat marchers with batons near the central square.")
    assert (event.cameo, event.mode) == ("175", "beat")
    assert "ASSAULT 182 -> ASSAULT 175 (force on a crowd)" in event.rule


def test_troops_firing_on_rioters_is_violent_repression() -> None:
    event = assault("Troops fired live rounds at rioters in the port city.")
    assert event.cameo == "175" and event.context == ["military"]


def test_rubber_bullets_fired_at_fans_are_crowd_control() -> None:
    event = assault("Police fired rubber bullets at football fans after the match.")
    assert (event.cameo, event.mode) == ("175", "pro_autocracy")


def test_police_beating_one_suspect_is_an_assault_not_repression() -> None:
    assert assault("Police beat a suspect with batons in the cell.").cameo == "182"


def test_police_arresting_protesters_stays_an_arrest() -> None:
    events = coded("Police arrested 30 protesters outside the court.")
    assert [(e.event_type, e.cameo) for e in events] == [("COERCE", "173")]


def test_gunmen_firing_on_a_crowd_is_no_repression() -> None:
    event = assault("Gunmen opened fire on a crowd at a wedding, killing six.")
    assert event.cameo == "1823"


def test_troops_firing_on_insurgents_stays_combat() -> None:
    assert assault("Troops fired live rounds at insurgents in the port city.").cameo != "175"


def test_a_roadside_bomb_is_a_roadside_bombing_not_an_air_strike() -> None:
    event = assault(
        "A roadside bomb struck an army convoy near the border, killing three soldiers."
    )
    assert (event.cameo, event.mode) == ("1833", "explosives")
    assert "military" not in event.context and "bombing, no armed force" in event.rule


def test_the_killing_after_a_bomb_exploded_is_the_bombing() -> None:
    event = assault("A bomb exploded in a busy market in the city, killing 12 people.")
    assert event.cameo == "183"


def test_a_bomb_under_a_car_is_no_car_bomb() -> None:
    assert assault("A bomb planted under a car killed a judge in the capital.").cameo == "183"


def test_a_bomb_dropped_by_jets_is_an_aerial_weapon() -> None:
    events = coded("A bomb dropped by government jets destroyed a clinic in the town.")
    assert events and all((e.cameo, e.mode) == ("195", "heavy-weapons") for e in events)


def test_people_seized_by_gunmen_are_abducted() -> None:
    events = coded("Armed men seized the mayor's son and demanded a ransom.")
    assert (events[0].event_type, events[0].mode, events[0].cameo) == ("ASSAULT", "abduct", "181")


def test_people_detained_by_rebels_are_hostages() -> None:
    events = coded("Rebels detained four election officials in the north.")
    assert [(e.event_type, e.cameo) for e in events] == [("ASSAULT", "181")]


def test_people_seized_by_police_are_arrested() -> None:
    events = coded("Police seized the leader of the gang at a hotel.")
    assert [(e.event_type, e.mode, e.cameo) for e in events] == [("COERCE", "arrest", "173")]


def test_people_seized_by_an_unstated_doer_are_abducted() -> None:
    events = coded("Two foreign engineers were seized in the oil-producing south.")
    assert [(e.event_type, e.cameo) for e in events] == [("ASSAULT", "181")]


def test_a_town_seized_by_rebels_is_no_abduction() -> None:
    assert all(e.cameo != "181" for e in coded("Rebels seized the town after heavy fighting."))


def test_a_dateline_is_never_a_source() -> None:
    events = coded("LUSAKA, Zambia -- The ministry said on Monday it had sued the mining company.")
    assert [e.cameo for e in events] == ["115"]
    assert events[0].source is None or "LUSAKA" not in events[0].source.text


def test_a_dateline_read_as_the_source_gives_way_to_the_subject() -> None:
    events = coded("NAIROBI, Kenya -- Police arrested a senior official on Friday.")
    assert [e.cameo for e in events] == ["173"]
    assert events[0].source is not None and events[0].source.text == "Police"
    assert "source 'NAIROBI' is a dateline, the subject 'Police'" in events[0].rule


def test_the_subject_after_an_agency_dateline_is_the_source() -> None:
    event = assault("KANO, June 9 (Reuters) - Gunmen shot dead four traders, police said.")
    assert event.source is not None and event.source.text == "Gunmen"


def test_a_dateline_run_into_the_subject_is_trimmed() -> None:
    events = coded("HARARE, Zimbabwe - Soldiers arrested five opposition supporters on Sunday.")
    assert events[0].source is not None and events[0].source.text == "Soldiers"


# --- the data ---


def test_a_bad_line_in_the_non_agent_list_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "non_agents.tsv"
    path.write_text("# header\nvirus\tdisease\nflood\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"non_agents.tsv:3"):
        non_agent_nouns(path)


def test_an_unstated_killer_in_a_war_story_keeps_the_war_code() -> None:
    text = (
        "Russian forces shelled the city of Kherson on Sunday. "
        "Three civilians were killed and nine wounded, the regional governor said."
    )
    killed = [e for e in coded(text) if e.trigger.text == "killed"]
    assert killed and killed[0].cameo is not None and killed[0].cameo.startswith("19")


def test_an_unstated_killer_outside_a_war_story_is_unconventional_violence() -> None:
    text = "A shopkeeper was shot dead outside his store in the port city on Friday night."
    shot = assault(text)
    assert shot.cameo is not None and shot.cameo.startswith("18")


# --- commerce is no political event ---


def test_a_lawsuit_between_two_companies_is_commerce() -> None:
    assert types("Microsoft sued Google over a search advertising patent.") == []


def test_a_company_suing_a_state_is_still_coded() -> None:
    assert types("Exxon Mobil filed a lawsuit against the state of New York.") == ["ACCUSE"]


def test_a_suit_filed_by_a_named_corporation_against_no_one_named_is_commerce() -> None:
    text = "Pacific Timber Corp. filed suit in federal court to block the merger."
    article = Article(id=article_id_for(text), text=text, date=None, date_source="none")
    coded_article = code_article(article)
    assert coded_article.events == []
    assert any("is commerce" in w for w in coded_article.warnings)


def test_a_company_saying_it_filed_suit_is_the_doer_of_the_suit() -> None:
    text = "Harbor Steel Inc. said on Tuesday it had filed suit to stop the hostile takeover."
    assert types(text) == []


# --- a vehicle in an accident is no attacker ---


def test_a_bus_that_plunges_off_a_road_kills_no_one_by_an_act() -> None:
    assert types("A minibus plunged off a mountain road in Nepal, killing 14 pilgrims.") == []


def test_a_derailed_train_is_an_accident() -> None:
    assert types("A passenger train derailed near the border, killing at least 30 people.") == []


def test_a_truck_packed_with_explosives_is_a_bomb() -> None:
    text = "A truck packed with explosives blew up at a checkpoint, killing nine soldiers."
    assert "ASSAULT" in types(text)


def test_a_business_apologising_to_its_customers_is_commerce() -> None:
    assert types("The budget airline apologised to passengers for the cancellations.") == []


def test_a_business_accusing_a_government_is_still_coded() -> None:
    text = "Shell accused the Nigerian government of failing to protect its pipelines."
    assert types(text) == ["ACCUSE"]


# --- a press contact is no consultation ---


def test_meeting_reporters_is_a_briefing_not_a_consultation() -> None:
    assert types("The defence minister met with reporters after the cabinet meeting.") == []


def test_meeting_a_counterpart_is_still_a_consultation() -> None:
    assert types("The Kenyan president met his Ugandan counterpart in Kampala.") == ["CONSULT"]


def test_harm_set_by_a_crash_clause_is_an_accident() -> None:
    assert types("Two pedestrians were injured when a van crashed into a bus stop.") == []


def test_harm_set_by_gunmen_in_a_clause_is_still_an_attack() -> None:
    assert types("Five people were wounded when gunmen opened fire on a bus.") == ["ASSAULT"]


def test_a_stabbing_to_death_is_a_killing() -> None:
    assert assault("A shopkeeper was stabbed to death in Lagos on Friday.").cameo == "1823"
