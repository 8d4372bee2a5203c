"""Which act a clause reports: scheduled acts, permissions, halts, particles, survivors, intent
codes and background participles (CAMEO/PLOVER conventions)."""

from __future__ import annotations

from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book
from dyad.nlp.model import parse


def coded(sentence: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(type, CAMEO, source word, target word or first target option) of each event."""
    doc = parse(sentence)
    result = []
    for e in find_events(doc, default_pattern_book()):
        target = e.target if e.target is not None else next(iter(e.target_options), None)
        result.append(
            (
                e.event_type,
                e.cameo,
                doc[e.source].text if e.source is not None else None,
                doc[target].text if target is not None else None,
            )
        )
    return result


def types_of(sentence: str) -> list[str]:
    return [e[0] for e in coded(sentence)]


def test_a_visit_on_the_calendar_is_an_intent_to_meet() -> None:
    # CAMEO 036 (express intent to meet or negotiate), not 042 (make a visit).
    assert coded("The Peruvian president is due to visit Madrid in April.")[0][:2] == (
        "AGREE",
        "036",
    )
    assert coded("The envoy is scheduled to meet rebel leaders on Monday.")[0][:2] == (
        "AGREE",
        "036",
    )
    assert coded("The king is expected to visit the flooded provinces next week.")[0][:2] == (
        "AGREE",
        "036",
    )
    assert types_of("The Peruvian president visited Madrid in April.") == ["CONSULT"]


def test_a_forecast_act_other_than_a_meeting_is_still_no_event() -> None:
    assert types_of("Canberra is expected to impose tariffs on steel.") == []


def test_being_prepared_to_use_force_is_a_threat_but_preparing_an_attack_a_mobilization() -> None:
    assert types_of("The junta said it is prepared to use force against the strikers.") == [
        "THREATEN"
    ]
    assert types_of("The militia was preparing to attack the garrison.") == ["MOBILIZE"]


def test_the_permission_is_the_act_not_what_it_permits() -> None:
    # CAMEO 0862 (receive inspectors): the allowing, not a visit by the inspectors.
    events = coded("Pyongyang allowed IAEA inspectors to visit the reactor site.")
    assert events == [("RETREAT", "0862", "Pyongyang", "inspectors")]


def test_the_halt_is_the_act_not_what_was_halted() -> None:
    assert coded("The militia stopped shelling the airport on Sunday.") == [
        ("RETREAT", "087", "militia", "airport")
    ]
    assert types_of("Several donors stopped providing aid to the ministry.") == ["SANCTION"]
    assert types_of("The militia shelled the airport on Sunday.") == ["ASSAULT"]


def test_declining_to_comment_is_no_event() -> None:
    assert types_of("A palace spokeswoman declined to comment on the rumours.") == []
    assert types_of("The Kremlin refused to elaborate on its plans.") == []
    assert types_of("The rebels refused to lay down their arms.")[:1] == ["REJECT"]


def test_a_particle_of_two_words_is_matched_whole() -> None:
    # CAMEO 164 (halt negotiations): "out of the talks", not a troop withdrawal.
    events = coded("The separatists pulled out of the talks with Belgrade.")
    assert events[0][:3] == ("SANCTION", "164", "separatists")
    assert coded("The battalion pulled out of the village.")[0][:2] == ("RETREAT", "0872")


def test_the_survivor_of_an_attack_is_its_target() -> None:
    assert coded("The mayor survived an assassination attempt last year.") == [
        ("ASSAULT", "185", None, "mayor")
    ]
    assert coded("The judge escaped an ambush by gunmen near Quetta.")[0][2:] == (
        "gunmen",
        "judge",
    )


def test_an_act_named_after_a_preposition_lends_its_doer() -> None:
    # One act: the killing is the massacre, done by the massacre's doers.
    events = coded("Forty farmers were killed in a massacre by paramilitaries.")
    assert [(e[0], e[2], e[3]) for e in events] == [("ASSAULT", "paramilitaries", "farmers")]


def test_a_request_takes_the_code_of_the_act_it_asks_for() -> None:
    # 0254 (appeal for easing of economic sanctions), not 0256 (de-escalation).
    assert coded("Caracas urged Brussels to lift the sanctions on its oil firms.")[0][:2] == (
        "REQUEST",
        "0254",
    )
    assert coded("The EU demanded that the junta release the jailed reporters.")[0][:2] == (
        "REQUEST",
        "1053",
    )


def test_a_stated_intent_takes_the_code_of_the_act_it_promises() -> None:
    # 0354 (express intent to ease economic sanctions)
    assert coded("Ottawa will lift the embargo on Cuban nickel.")[0][:2] == ("AGREE", "0354")


def test_a_participle_that_describes_a_noun_is_no_act_of_its_own() -> None:
    assert types_of("Three tourists detained in Yangon were deported on Friday.") == ["COERCE"]
    assert types_of("Two fishermen arrested in Goa appeared on television.") == []
    assert types_of("Striking dockers marched through the port city.") == ["PROTEST"]


def test_a_clause_dating_an_earlier_act_is_background() -> None:
    events = types_of("Decades after he was jailed, the dissident was pardoned by the king.")
    assert events == ["CONCEDE"]


def test_a_participle_with_its_own_doer_stays_when_alone() -> None:
    assert types_of("The accord signed by the two presidents covers fishing rights.") == ["AGREE"]


def test_a_missile_fired_by_a_side_is_that_sides_attack() -> None:
    assert coded("A rocket fired by militants hit a market in Sderot.")[0][2] == "militants"
    assert coded("A stray rocket hit a market in Sderot.")[0][2] is None


def test_the_doer_of_a_carried_out_act_is_the_passive_agent() -> None:
    events = coded("Police said the bombing was carried out by the guerrillas.")
    assert events[0][0] == "ASSAULT" and events[0][2] == "guerrillas"


def test_an_attack_victims_died_in_happened_to_them() -> None:
    assert coded("Four pilgrims died in a suicide bombing near the shrine.")[0][::3] == (
        "ASSAULT",
        "pilgrims",
    )
    assert types_of("The army lost ground in the fighting.") == []


def test_a_killing_in_riots_is_not_a_second_event() -> None:
    assert types_of("Nine people were killed in sectarian riots last month.") == ["ASSAULT"]


def test_a_threat_takes_the_code_of_the_act_it_threatens() -> None:
    # 1311 (threaten to reduce or stop aid), 134 (threaten to halt negotiations)
    assert coded("Washington threatened to cut aid to the junta.")[0][:2] == ("THREATEN", "1311")
    assert coded("The miners threatened to pull out of the talks.")[0][:2] == ("THREATEN", "134")


def test_letting_captives_go_is_a_release() -> None:
    # CAMEO 0841 (return, release persons)
    assert coded("The pirates let the crew go after a ransom was paid.")[0] == (
        "RETREAT",
        "0841",
        "pirates",
        "crew",
    )
    assert types_of("The senator shrugged and let it go.") == []


def test_a_bare_verb_addressed_to_the_reader_is_no_event() -> None:
    assert types_of("Ask any shopkeeper in Kabul and he will tell you the same.") == []
    assert types_of("Meet the militia that runs the border crossing.") == []
    assert types_of("The envoy met the militia that runs the border crossing.") == ["CONSULT"]
