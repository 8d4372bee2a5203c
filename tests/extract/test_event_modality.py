"""Modality and main-event conventions: which act a sentence reports, and as what (CAMEO/PLOVER)."""

from __future__ import annotations

from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book
from dyad.nlp.model import parse


def types_of(sentence: str) -> list[str]:
    return [e.event_type for e in find_events(parse(sentence), default_pattern_book())]


def test_a_comment_on_talks_is_no_consultation() -> None:
    # CAMEO 013 (optimistic comment): PLOVER codes no event for an evaluation of talks.
    assert types_of("The envoy said the negotiations with Caracas had been constructive.") == []
    assert types_of("Negotiations with the union were held in Lagos on Monday.") == ["CONSULT"]


def test_a_comment_does_not_hide_a_scheduled_act() -> None:
    assert types_of("Negotiations over the port, which opened on Friday, are due to end soon.") == [
        "CONSULT"
    ]


def test_an_act_under_consideration_has_not_happened() -> None:
    # CAMEO 014 (consider policy option) is a statement, not the act weighed.
    assert types_of("Ottawa is weighing fresh sanctions against Minsk.") == []
    assert types_of("The cabinet is considering expelling the Iranian ambassador.") == []
    assert types_of("Ottawa imposed fresh sanctions on Minsk.") == ["SANCTION"]


def test_seeking_ones_own_aim_is_no_request() -> None:
    assert types_of("The junta is seeking to consolidate its hold on the capital.") == []
    assert types_of("Bolivia sought emergency loans from the IMF.") == ["REQUEST"]


def test_a_warning_of_what_may_happen_is_a_comment_not_a_threat() -> None:
    # CAMEO 012 (pessimistic comment) vs 13 (threaten): a threat says what will be done.
    assert types_of("Relief agencies warned that the drought could uproot millions.") == []
    assert types_of("Doctors cautioned that hospitals were running out of fuel.") == []
    assert types_of("Seoul warned that it would respond to any further provocation.") == [
        "THREATEN"
    ]
    assert types_of("The general warned that tanks would be sent in if the riots went on.") == [
        "THREATEN"
    ]


def test_a_vow_to_protest_is_a_threat() -> None:
    # CAMEO 133: threaten with political dissent or protest.
    assert types_of("The teachers' union vowed to stage further strikes next term.")[:1] == [
        "THREATEN"
    ]
    assert types_of("The mayor vowed to rebuild the flooded market.")[:1] != ["THREATEN"]


def test_an_act_named_in_a_threat_or_offer_noun_has_not_happened() -> None:
    assert "PROTEST" not in types_of(
        "Relations soured after a threat by the athletes to boycott the opening ceremony."
    )
    assert types_of("Hanoi rejected calls to release the detained bloggers.") == ["REJECT"]


def test_an_announced_sanction_is_the_sanction_and_a_threatened_one_a_threat() -> None:
    # CAMEO 16: an unconditional decision announced by the side that imposes it is the act.
    assert types_of("Ottawa announced that it would freeze all aid to the junta.")[:1] == [
        "SANCTION"
    ]
    assert types_of("Ottawa threatened to freeze all aid to the junta.")[:1] == ["THREATEN"]
    assert types_of("Ottawa announced it would freeze aid unless the junta freed Ms Tan.")[:1] == [
        "THREATEN"
    ]


def test_an_act_labelled_by_the_speaker_is_no_event() -> None:
    assert types_of("Pretoria called the new tariffs unlawful.") == []
    assert types_of("Pretoria imposed new tariffs on steel imports.") != []


def test_a_finite_verb_misparsed_under_a_gerund_is_the_speakers_next_act() -> None:
    # The parser hangs "called" on "violating"; the call is still Iraq's own request.
    types = types_of(
        "Iraq accused the United States of violating the nuclear deal and called on Europe to act."
    )
    assert types[:1] == ["ACCUSE"]
    assert "REQUEST" in types


def test_the_grievance_a_protest_names_is_not_a_second_act_of_the_protesters() -> None:
    assert types_of("Nurses held a vigil to protest the detention of their colleagues.") == [
        "PROTEST"
    ]


def test_a_protest_named_as_the_purpose_of_a_recall_is_not_a_second_event() -> None:
    assert types_of("Manila recalled its envoy to protest the seizure of a fishing boat.") == [
        "SANCTION"
    ]


def test_a_call_to_rally_against_a_side_is_an_accusation_of_that_side() -> None:
    # CAMEO 113 (rally opposition against) is coded ACCUSE in the CAMEO2PLOVER table.
    assert types_of("A Tamil weekly urged readers to rise up against the Colombo government.") == [
        "ACCUSE"
    ]
    assert types_of("The governor called on residents to unite against the wildfires.") != [
        "ACCUSE"
    ]


def test_not_ruling_out_force_is_a_veiled_threat() -> None:
    assert types_of("Ankara did not rule out military action against the militia.") == ["THREATEN"]
    assert types_of("The premier declined to rule out the use of force.") == ["THREATEN"]
    assert types_of("The premier did not rule out a snap election.") == []
    assert types_of("The premier ruled out military action.") == ["REJECT"]


def test_a_reporters_forecast_is_no_ones_act_or_intent() -> None:
    assert types_of("Canberra is expected to impose new tariffs on steel.") == []
    assert types_of("Canberra plans to impose new tariffs on steel.")[:1] == ["THREATEN"]


def test_what_a_side_is_held_responsible_for_is_folded_into_the_accusation() -> None:
    assert types_of("Yerevan held Baku responsible for the shelling of the border village.") == [
        "ACCUSE"
    ]
    assert types_of("Caracas urged Havana to unite against a possible US-led blockade.") != [
        "ACCUSE"
    ]


def test_an_act_not_yet_done_or_done_to_no_one_did_not_happen() -> None:
    assert types_of("The militia has yet to withdraw from the port.") == []
    assert types_of("Nobody was detained during the march.") == []
    assert types_of("Police made no arrests at the rally.") == []
    assert types_of("Police made six arrests at the rally.") == ["COERCE"]


def test_a_future_act_someone_hopes_for_or_fears_is_no_intent() -> None:
    assert types_of("The envoy said he hoped the junta would free the detained monks.") == []
    assert types_of("Villagers fear that the militia will raid the valley again.") == []
    assert types_of("The junta said it would free the detained monks.")[:1] == ["AGREE"]


def test_troops_promised_to_a_state_are_an_intent_to_cooperate_not_a_threat() -> None:
    # CAMEO 0312/0334 (intent to cooperate militarily, provide protection) vs 138 (threaten force).
    assert types_of("Rwanda will deploy more troops to Mozambique.")[:1] == ["AGREE"]
    assert types_of("Rwanda said it would send troops against the rebels.")[:1] == ["THREATEN"]


def test_a_threat_takes_its_mode_from_the_plural_noun_it_names() -> None:
    doc = parse("Pyongyang threatened to stop the negotiations on missile testing.")
    threat = find_events(doc, default_pattern_book())[0]
    assert (threat.event_type, threat.mode, threat.cameo) == ("THREATEN", "relations", "134")


def test_a_killing_participle_takes_the_weapon_of_the_clause_it_follows() -> None:
    doc = parse("Junta troops launched mortar and rocket fire against the villages, killing nine.")
    attack = find_events(doc, default_pattern_book())[0]
    assert (attack.event_type, attack.mode) == ("ASSAULT", "heavy-weapons")


def test_a_fronted_passive_participle_describes_the_doer_and_is_no_second_event() -> None:
    assert types_of("Backed by Rwandan artillery, the rebels attacked the garrison.") == ["ASSAULT"]


def test_a_future_act_takes_the_intent_code_of_its_type() -> None:
    # intent_modes.tsv keys inner PLOVER types too ("THREATEN ASSAULT violence ... 138").
    book = default_pattern_book()
    threat = find_events(parse("The junta will shell the valley if the rebels advance."), book)[0]
    assert (threat.event_type, threat.mode, threat.cameo) == ("THREATEN", "violence", "138")
    meeting = find_events(parse("The premier said she would meet the strikers on Friday."), book)
    assert (meeting[0].event_type, meeting[0].cameo) == ("AGREE", "036")
