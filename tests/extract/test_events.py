"""Event triggers, arguments and modality on real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.extract.events import EventCandidate, find_events
from dyad.extract.patterns import PatternDataError, default_pattern_book, load_pattern_book
from dyad.nlp.model import parse


def events_of(sentence: str) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    doc = parse(sentence)
    found: list[EventCandidate] = find_events(doc, default_pattern_book())
    return [
        (
            e.event_type,
            e.mode,
            doc[e.source].text if e.source is not None else None,
            doc[e.target].text if e.target is not None else None,
            e.reciprocal,
        )
        for e in found
    ]


def test_an_airstrike_by_the_army_is_an_assault() -> None:
    events = events_of("The Syrian army on Thursday carried out additional strikes on the town.")
    assert events[0][:3] == ("ASSAULT", "heavy-weapons", "army")


def test_a_call_to_de_escalate_is_a_request_to_yield_not_a_retreat() -> None:
    events = events_of("The envoy called on all parties to immediately de-escalate.")
    assert [(e[0], e[1]) for e in events] == [("REQUEST", "yield")]


def test_fighting_between_two_sides_is_reciprocal() -> None:
    events = events_of("Fighting between government forces and the rebels continued in the north.")
    assert events[0][0] == "ASSAULT" and events[0][4] is True
    assert events[0][2:4] == ("forces", "rebels")


def test_a_threat_to_attack_is_a_threat_not_an_assault() -> None:
    assert [e[0] for e in events_of("Iran threatened to attack the tankers.")] == ["THREATEN"]


def test_a_denied_attack_is_a_rejection_not_an_assault() -> None:
    assert [e[0] for e in events_of("The army denied attacking the village.")] == ["REJECT"]


def test_a_negated_attack_is_no_event() -> None:
    assert events_of("The army did not attack the village.") == []


def test_a_future_meeting_is_an_intent_to_meet() -> None:
    assert [e[0] for e in events_of("The two presidents will meet in Doha next week.")] == ["AGREE"]


def test_a_statement_without_an_act_is_no_event() -> None:
    assert events_of("The minister said the talks were useful.") == []


def test_the_passive_agent_is_the_source() -> None:
    events = events_of("Three journalists were arrested by the police in Tbilisi.")
    assert events[0][0] == "COERCE" and events[0][2] == "police" and events[0][3] == "journalists"


def test_a_bad_pattern_line_names_the_file_and_line(tmp_path: Path) -> None:
    for name in ("light_verbs.txt", "intent_modes.tsv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "patterns.tsv").write_text(
        "# header\nv:attack\tASSAULTS\t\t\t190\tdobj\t\n", encoding="utf-8"
    )
    with pytest.raises(PatternDataError, match=r"patterns.tsv:2: unknown PLOVER type"):
        load_pattern_book(tmp_path)


def test_a_reported_obligation_is_a_demand_on_its_subject() -> None:
    events = events_of("Turkey said on Friday that Greece must hand back the seized fishing boat.")
    assert events[0][0] == "REQUEST" and events[0][2:4] == ("Turkey", "Greece")


def test_a_future_act_with_an_unless_clause_is_a_threat() -> None:
    events = events_of("Nigeria said it will withdraw its troops unless the rebels disarm.")
    assert events[0][0] == "THREATEN"


def test_willingness_to_withdraw_is_an_intent_to_agree() -> None:
    events = events_of("Armenia says it is willing to withdraw its soldiers from Azerbaijan.")
    assert [e[0] for e in events] == ["AGREE"] and events[0][2] == "Armenia"


def test_a_negated_promise_of_aid_is_a_rejection() -> None:
    assert [e[0] for e in events_of("Obama said he would not provide weapons to Israel.")] == [
        "REJECT"
    ]


def test_a_released_report_is_not_a_prisoner_release() -> None:
    events = events_of("A report released on Tuesday alleged that the army had killed civilians.")
    assert events[0][0] == "ACCUSE" and "RETREAT" not in [e[0] for e in events]


def test_an_appeal_keeps_the_cameo_appeal_code() -> None:
    doc = parse("The envoy called on all parties to immediately de-escalate.")
    event = find_events(doc, default_pattern_book())[0]
    assert event.cameo == "0256"


def test_the_main_clause_event_comes_first() -> None:
    events = events_of("Police arrested the men who had attacked the convoy.")
    assert [e[0] for e in events] == ["COERCE", "ASSAULT"]


# --- coverage, arguments and side mentions (third pass) ---------------------------------------


def test_a_misread_lemma_still_finds_the_pattern() -> None:
    # spaCy lemmatises "staged" as "stag"; the base form read from the spelling is tried too.
    events = events_of("Farmers staged a protest outside the ministry in Nairobi.")
    assert [(e[0], e[1]) for e in events] == [("PROTEST", "demo")]


def test_a_measured_object_counts_as_the_object() -> None:
    events = events_of("Volunteers handed over 40 tons of food to the refugees.")
    assert events[0][0] == "AID"


def test_coordinated_partners_of_an_agreement_are_reciprocal() -> None:
    events = events_of("Kenya and Ethiopia agreed to reopen their common border.")
    assert events[0][0] == "AGREE"
    assert events[0][2:] == ("Kenya", "Ethiopia", True)


def test_receiving_aid_makes_the_giver_the_source() -> None:
    events = events_of("The rebels received weapons from a neighbouring government.")
    assert events[0][:4] == ("AID", None, "government", "rebels")


def test_a_claim_that_another_party_attacked_is_an_accusation() -> None:
    events = events_of("The ministry claimed that the militia had attacked two villages.")
    assert [e[0] for e in events] == ["ACCUSE"]


def test_a_claim_without_a_clause_is_no_accusation() -> None:
    assert events_of("The runner claimed victory in the marathon.") == []


def test_an_earlier_act_named_as_the_reason_is_not_a_second_event() -> None:
    events = events_of("Police arrested ten men after violent protests by students in the city.")
    assert [e[0] for e in events] == ["COERCE"]


def test_the_same_dyad_and_type_is_reported_once_per_sentence() -> None:
    events = events_of("Rebels shelled the town and bombed the town again at night.")
    assert [e[0] for e in events] == ["ASSAULT"]


def test_a_participle_describing_a_participant_is_not_a_second_event() -> None:
    events = events_of("The council urged monitors investigating the killings to leave the area.")
    assert [e[0] for e in events] == ["REQUEST"]


def test_a_target_is_looked_for_in_the_promised_act() -> None:
    doc = parse("The bank promised to lend 50 million dollars to Malawi.")
    found = find_events(doc, default_pattern_book())
    assert found[0].event_type == "AGREE"
    candidates = [found[0].target, *found[0].target_options]
    assert "Malawi" in [doc[i].text for i in candidates if i is not None]


def test_the_weapon_in_the_clause_sets_the_attack_mode() -> None:
    events = events_of("Two soldiers were killed by a roadside bomb near the checkpoint.")
    assert events[0][:2] == ("ASSAULT", "explosives")


def test_a_passive_victim_is_the_target_and_the_reporter_is_not_the_source() -> None:
    events = events_of("Police said a local reporter was killed on Sunday.")
    assert events[0][0] == "ASSAULT"
    assert events[0][2:4] == (None, "reporter")


def test_an_effort_named_by_its_event_noun_is_that_event() -> None:
    events = events_of("Norway launched a mediation effort between the two parties.")
    assert events[0][0] == "CONSULT"


def test_taking_part_in_an_act_is_the_act() -> None:
    events = events_of("Militias engaged in ethnic cleansing in the eastern province.")
    assert events[0][:2] == ("ASSAULT", "cleansing")


def test_the_people_counted_are_the_actor_not_the_number() -> None:
    events = events_of("Thousands of teachers staged a protest in the capital.")
    assert events[0][0] == "PROTEST" and events[0][2] == "teachers"


def test_a_reported_pronoun_subject_is_the_reporter() -> None:
    events = events_of("Ghana announced that it will send troops to the border.")
    assert events[0][2] == "Ghana"


def test_a_date_after_a_verb_is_no_particle() -> None:
    doc = parse("The two ministers agreed on Saturday to share border data.")
    found = find_events(doc, default_pattern_book())
    assert doc[found[0].trigger_start : found[0].trigger_end].text == "agreed"


def test_a_sum_of_money_points_to_its_recipient() -> None:
    doc = parse("The donors agreed to provide 20 million dollars of aid for Haiti.")
    found = find_events(doc, default_pattern_book())
    candidates = [found[0].target, *found[0].target_options]
    assert "Haiti" in [doc[i].text for i in candidates if i is not None]


def test_a_vow_to_use_force_is_a_threat_not_a_promise() -> None:
    assert [e[0] for e in events_of("Israel vowed to retaliate against Iran.")] == ["THREATEN"]
    assert [e[0] for e in events_of("The president pledged to fight corruption.")] == ["AGREE"]


def test_a_participle_before_its_noun_is_no_event_of_its_own() -> None:
    events = events_of("The rebels handed over the captured soldiers to the Red Cross.")
    assert [e[0] for e in events] == ["RETREAT"]


def test_a_plain_verb_with_a_telling_subject_is_coded() -> None:
    assert events_of("The last US troops left Afghanistan on August 30.")[0][0] == "RETREAT"
    assert events_of("Thousands of protesters gathered outside parliament.")[0][0] == "PROTEST"
    assert events_of("Leaders gathered in Brussels for the annual summit dinner.") == []


def test_a_hyphenated_verb_is_matched_whole() -> None:
    events = events_of("North Korea test-fired a ballistic missile into the sea.")
    assert events[0][:3] == ("MOBILIZE", "weapons", "Korea")


def test_a_label_given_to_an_act_is_a_criticism_of_it() -> None:
    events = events_of(
        'The ministry called the strike a "flagrant violation" of international law.'
    )
    assert events[0][0] == "ACCUSE"


def test_a_particle_parsed_as_an_adverb_still_completes_the_verb() -> None:
    assert events_of("The defence minister stepped down after the scandal.")[0][0] == "CONCEDE"
    assert events_of("The kidnappers set the hostages free.")[0][0] == "RETREAT"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Fighting erupted in the city on Monday.", None),  # the event is not its own actor
        ("A missile hit the school in Kharkiv.", None),  # a munition is not who acted
        ("The fire burned dozens of homes.", None),
        ("Russian missiles hit Kyiv overnight.", "missiles"),  # the side is named: Russia
        ("Israeli warplanes struck targets in southern Lebanon.", "warplanes"),
        ("A suicide bomber killed 12 people at a market in Mogadishu.", "bomber"),
        ("Gunmen attacked a police station in Zamfara.", "Gunmen"),
    ],
)
def test_only_actors_are_sources(sentence: str, source: str | None) -> None:
    assert events_of(sentence)[0][2] == source


def test_a_plural_object_tagged_as_a_verb_still_triggers_its_noun_pattern() -> None:
    # The tagger reads "drills" after "staged large-scale military" as a verb.
    events = events_of("China staged large-scale military drills around the island.")
    assert [e[0] for e in events] == ["MOBILIZE"]


def test_a_prepositional_particle_takes_its_object_from_that_preposition_only() -> None:
    assert events_of("The United States withdrew from the nuclear treaty.")[0][0] == "REJECT"
    # "under the deal" is no object of "withdrew from": the fighters' withdrawal is a retreat.
    pulled = events_of("Rebels withdrew their fighters from the town under the deal.")
    assert pulled[0][0] == "RETREAT"


def test_an_adjective_after_the_object_completes_the_verb() -> None:
    events = events_of("The government held Hamas responsible for the attack.")
    assert events[0][:4] == ("ACCUSE", "allege", "government", "Hamas")


def test_workers_who_strike_stage_a_labour_strike_and_drones_that_strike_attack() -> None:
    assert events_of("Teachers struck for a third day on Wednesday.")[0][:2] == (
        "PROTEST",
        "boycott",
    )
    assert events_of("Drones struck an oil depot in the south.")[0][0] == "ASSAULT"


def test_rioters_burning_cars_is_a_riot() -> None:
    assert events_of("Rioters torched cars in the suburbs.")[0][:2] == ("PROTEST", "riot")


def test_an_intention_governs_a_chain_of_infinitives() -> None:
    events = events_of("Japan is ready to help defend the Philippines if it is attacked.")
    assert events and all(e[0] == "AGREE" for e in events)


def test_readying_an_attack_is_a_force_posture_not_a_threat() -> None:
    events = events_of("The army prepared to resume shelling the rebel-held hills.")
    assert [e[0] for e in events] == ["MOBILIZE"]
    assert [e[0] for e in events_of("Iran threatened to attack the tankers.")] == ["THREATEN"]


def test_a_conditional_offer_of_help_is_a_promise_and_an_unless_a_threat() -> None:
    offer = events_of("Norway will send medical teams to Jordan if the refugees arrive.")
    assert offer[0][0] == "AGREE"
    ultimatum = events_of("The rebels will withdraw from the talks unless the raids stop.")
    assert ultimatum[0][0] == "THREATEN"


def test_a_question_put_to_a_spokesperson_is_no_request() -> None:
    assert events_of("Asked about the remarks, a spokesperson said nothing had changed.") == []
    assert events_of("Reporters asked the minister about the talks.") == []
    assert events_of("Kenya asked Uganda to extradite the suspect.")[0][0] == "REQUEST"


def test_an_event_named_to_date_another_is_no_event() -> None:
    sentence = "Ties have not changed since the fighting between the two countries in May."
    assert events_of(sentence) == []


def test_a_passive_subject_that_completes_its_verb_is_what_the_act_is_done_to() -> None:
    # "Sanctions" would code a SANCTION of its own; it is what Washington eased.
    events = events_of("Sanctions on Belarusian potash exports were eased by Washington on Friday.")
    assert [(e[0], e[2]) for e in events] == [("RETREAT", "Washington")]


def test_in_support_of_names_what_a_rally_is_for() -> None:
    events = events_of("Rallies in support of the jailed leader drew thousands in Islamabad.")
    assert [e[0] for e in events] == ["PROTEST"]


def test_a_strike_called_by_unions_is_a_labour_strike() -> None:
    events = events_of("A strike called by the transport unions paralysed the city.")
    assert events[0][0] == "PROTEST"
    assert "ASSAULT" not in [e[0] for e in events]


def test_a_noun_event_with_a_light_verb_in_the_passive() -> None:
    events = events_of("A request for military assistance was submitted by Mali to ECOWAS.")
    assert events[0][0] == "REQUEST"


def test_a_relative_clause_can_say_that_the_noun_happened() -> None:
    assert events_of("The talks, which began on Monday, are due to end on Thursday.")[0][0] == (
        "CONSULT"
    )
    # "ends" with an object: the agreement does something; it is the signing that is the act.
    events = events_of("The agreement, signed on Tuesday, ends two years of conflict.")
    assert [e[0] for e in events] == ["AGREE"]


def test_a_headline_parsed_as_one_noun_phrase_still_codes_its_verb() -> None:
    events = events_of("Rebels attack army base in eastern Congo")
    assert [(e[0], e[2]) for e in events] == [("ASSAULT", "Rebels")]
    assert events_of("Peace talks in Geneva") == []  # no doer, no verb: a topic


def test_coordinated_verbs_share_the_last_ones_object() -> None:
    events = events_of("The army imposed and then lifted a curfew in the town.")
    assert [e[0] for e in events] == ["COERCE", "CONCEDE"]


def test_called_for_with_a_clause_is_a_request() -> None:
    events = events_of("The opposition leader called for observers to monitor the elections.")
    assert events[0][:3] == ("REQUEST", None, "leader")


def test_a_capitalised_plural_opening_the_sentence_is_still_an_event_noun() -> None:
    # the tagger reads "Airstrikes" as a proper noun and leaves it without a singular lemma
    events = events_of("Airstrikes were reported near Khan Younis on Monday.")
    assert events and events[0][0] == "ASSAULT"
    assert not events_of("Airlines cancelled flights because of the storm.")


def test_a_prefixed_irregular_past_is_read_as_its_verb() -> None:
    # the lemmatizer leaves "retook" as it is; its table knows "took"
    events = events_of("Government troops retook the town on Sunday.")
    assert events and events[0][0] == "ASSAULT" and events[0][3] == "town"
