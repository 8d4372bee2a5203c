"""Who did an event to whom: the argument rules of ``extract.event_arguments``, on team-written
sentences run through the whole pipeline."""

from __future__ import annotations

from event_helpers import coded_roles as roles


def test_the_place_a_thing_leads_into_is_the_target_when_no_actor_is_hit() -> None:
    assert roles("Guerrillas blew up three power pylons leading into Bogota last week.")[0] == (
        "COERCE",
        "Guerrillas",
        "Bogota",
    )


def test_a_place_inside_the_object_of_a_threatened_act_is_the_target() -> None:
    assert roles("Hamas threatened to resume suicide attacks in Israel.")[0] == (
        "THREATEN",
        "Hamas",
        "Israel",
    )


def test_troops_the_actor_sends_are_no_target_but_where_they_go_is() -> None:
    assert roles("Kenya has refused to send its troops into Somalia.")[0] == (
        "REJECT",
        "Kenya",
        "Somalia",
    )


def test_an_against_phrase_deep_in_the_clause_names_the_target() -> None:
    found = roles("Iran has trained fighters capable of carrying out attacks against Israel.")
    assert found[0] == ("MOBILIZE", "Iran", "Israel")


def test_the_party_a_threat_is_conditional_on_is_the_target() -> None:
    found = roles("China threatened to cut trade ties if Japan sends warships to the islands.")
    assert found[0] == ("THREATEN", "China", "Japan")


def test_who_pressed_for_what_was_refused_is_the_target() -> None:
    found = roles("The prime minister refused to step down despite pressure from the opposition.")
    assert found[0][0] == "REJECT" and found[0][2] == "opposition"


def test_the_object_of_a_blockade_is_its_target() -> None:
    assert roles("The navy will tighten its blockade of Gaza.")[0][2] == "Gaza"


def test_a_stative_participle_keeps_its_subject_as_the_source() -> None:
    found = roles("Egypt is opposed to Ethiopian control of the dam, a spokesman said.")
    assert found[0] == ("REJECT", "Egypt", "Ethiopian")


def test_a_dangling_preposition_takes_the_noun_phrase_after_it() -> None:
    found = roles(
        "Chile granted political asylum to four Bolivian army officers holed up in its embassy."
    )
    assert found[0] == ("AID", "Chile", "Bolivian army")


def test_up_to_a_number_is_still_the_object() -> None:
    found = roles("Militias have abducted up to 40 Nepali workers from a construction site.")
    assert found[0][2] == "Nepali workers"


def test_a_protest_named_again_in_its_own_clause_is_one_event() -> None:
    found = roles("Teachers staged a strike on Monday in protest against the education ministry.")
    assert found == [("PROTEST", "Teachers", "education ministry")]


def test_talks_with_a_party_name_it_rather_than_the_coordinated_subject() -> None:
    found = roles(
        "Kurdish negotiators and a team of lawyers held talks with envoys of the Iraqi "
        "government on Monday."
    )
    assert found[0] == ("CONSULT", "Kurdish negotiators", "envoys of the Iraqi government")


def test_who_staged_what_was_prevented_is_the_target() -> None:
    found = roles("Soldiers blocked a rally organised by opposition supporters.")
    assert found[0] == ("COERCE", "Soldiers", "opposition supporters")


def test_who_seized_what_protesters_want_back_is_the_target() -> None:
    found = roles("Farmers went on hunger strike to demand the return of land seized by the army.")
    assert found[0] == ("PROTEST", "Farmers", "army")


def test_the_side_named_in_a_compound_of_an_attack_is_its_source() -> None:
    found = roles("Recent Israeli drone strikes have killed six Hezbollah commanders.")
    assert found == [("ASSAULT", "Israeli", "Hezbollah commanders")]


def test_the_author_of_what_a_strike_is_over_is_the_target() -> None:
    found = roles(
        "Thousands of port workers went on strike over a pension law signed by Labour "
        "Minister Peter Kovacs."
    )
    assert found[0] == ("PROTEST", "port workers", "Labour Minister Peter Kovacs")


def test_whoever_went_on_strike_is_the_source() -> None:
    assert roles("Port workers went on strike on Monday.")[0][1] == "Port workers"


def test_the_source_is_not_its_own_target() -> None:
    found = roles(
        "The United States said it would deny visas to the United States to all officials "
        "of the junta."
    )
    assert found[0] == ("THREATEN", "United States", "officials of the junta")


def test_a_participle_describing_the_attack_is_not_a_second_attack() -> None:
    found = roles("Soldiers opened fire on protesters in the square, killing two people.")
    assert found == [("ASSAULT", "Soldiers", "protesters")]


def test_a_pronoun_in_a_when_clause_is_the_main_subject() -> None:
    found = roles("Two gunmen killed four policemen when they attacked a checkpoint near Quetta.")
    assert found == [("ASSAULT", "gunmen", "policemen")]


def test_two_coordinated_refusals_are_two_events() -> None:
    found = roles(
        "The rebels rejected the peace plan and said they opposed the deployment of foreign troops."
    )
    assert [e[0] for e in found] == ["REJECT", "REJECT"]


def test_a_state_of_emergency_is_no_target_but_where_it_holds_is() -> None:
    found = roles("The government declared a state of emergency in Kano.")
    assert found[0] == ("COERCE", "government", "Kano")


def test_the_victims_of_a_strike_named_in_its_participle_are_its_target() -> None:
    found = roles(
        "Russian forces struck energy facilities in the Kharkiv region overnight, killing "
        "three people."
    )
    assert found == [("ASSAULT", "Russian forces", "people")]


def test_a_clause_on_a_staged_strike_is_done_by_its_organisers() -> None:
    found = roles("Teachers' unions organized a strike that shut down schools across the province.")
    assert ("COERCE", "Teachers' unions", "schools") in found


def test_whom_a_call_for_action_binds_is_the_target() -> None:
    found = roles("The bishops called for the junta to release political prisoners.")
    assert found[0] == ("REQUEST", "bishops", "junta")


def test_the_subject_of_engaged_in_does_the_act() -> None:
    found = roles("Government soldiers were involved in the torture of detainees, the report said.")
    assert found[0] == ("ASSAULT", "Government soldiers", "detainees")


def test_the_party_talked_with_is_the_target_of_a_concession() -> None:
    found = roles(
        "The nurses' union called off its strike after negotiations with the health ministry."
    )
    assert found[0] == ("CONCEDE", "nurses' union", "health ministry")


def test_the_place_hit_is_the_target_when_the_victims_are_anonymous() -> None:
    found = roles("Two suicide bombers killed 14 people at a market in Maiduguri on Sunday.")
    assert found[0] == ("ASSAULT", "suicide bombers", "Maiduguri")


def test_anonymous_victims_are_the_target_when_no_place_is_named() -> None:
    assert roles("Police arrested 30 people after the clashes.")[0] == (
        "COERCE",
        "Police",
        "people",
    )


def test_whoever_made_a_repelled_attack_is_its_target() -> None:
    found = roles("The Nigerian army said it had repelled an attack by Boko Haram fighters.")
    assert found[0] == ("ASSAULT", "Nigerian army", "Boko Haram fighters")


def test_the_country_a_call_for_a_ceasefire_names_is_the_target() -> None:
    assert roles("The UN envoy called for an immediate ceasefire in Yemen.")[0] == (
        "REQUEST",
        "UN envoy",
        "Yemen",
    )
