"""Event source and target spans as event coders mark them: the actor phrase, trimmed."""

from __future__ import annotations

from event_helpers import coded_roles


def test_determiners_and_numbers_are_not_part_of_the_actor() -> None:
    roles = coded_roles("The Sudanese army killed 12 Chadian soldiers near the border.")
    assert roles[0] == ("ASSAULT", "Sudanese army", "Chadian soldiers")


def test_a_title_and_nationality_stay_with_the_name() -> None:
    roles = coded_roles("Brazilian Foreign Minister Mauro Vieira praised Chile for its help.")
    assert roles[0][1] == "Brazilian Foreign Minister Mauro Vieira"


def test_the_owner_of_a_thing_is_the_target() -> None:
    roles = coded_roles("Ghana rejected Togo's proposal on the fishing dispute.")
    assert roles[0] == ("REJECT", "Ghana", "Togo")


def test_a_nationality_on_a_thing_is_the_target() -> None:
    roles = coded_roles("Government troops shelled Karen rebel camps overnight.")
    assert roles[0][2] == "Karen rebel"


def test_a_pronoun_subject_takes_its_antecedent_in_the_sentence() -> None:
    roles = coded_roles("Nigeria said it will withdraw its troops from Mali.")
    assert roles[0][1] == "Nigeria"


def test_a_thing_that_names_no_actor_is_no_target() -> None:
    roles = coded_roles("Rebels blew up two power lines outside the town on Monday.")
    assert roles[0][0] == "COERCE" and roles[0][2] is None


def test_a_name_set_right_after_its_title_is_part_of_the_actor() -> None:
    roles = coded_roles("Iraq's foreign minister Hoshyar Zebari rejected the Turkish proposal.")
    assert roles[0][1] == "Iraq's foreign minister Hoshyar Zebari"


def test_officials_of_a_named_organisation_code_as_the_organisation() -> None:
    roles = coded_roles("World Bank officials suspended loans to Zambia.")
    assert roles[0] == ("SANCTION", "World Bank", "Zambia")


def test_members_of_a_named_organisation_code_as_the_organisation() -> None:
    roles = coded_roles(
        "Members of the International Committee of the Red Cross visited the prisoners."
    )
    assert roles[0][1] == "International Committee of the Red Cross"


def test_where_an_actor_is_based_is_part_of_the_actor() -> None:
    roles = coded_roles("A militia based in eastern Congo attacked a UN convoy.")
    assert roles[0][1] == "militia based in eastern Congo"


def test_a_bracketed_part_of_a_name_stays_in_the_span() -> None:
    roles = coded_roles("The radical Democratic Union (DU) party boycotted the vote.")
    assert roles[0][1] == "Democratic Union (DU) party"


def test_a_person_named_by_an_apposition_is_an_actor() -> None:
    roles = coded_roles(
        "Karim Tabbou, Algeria's best known opposition activist, staged a hunger strike on Monday."
    )
    assert roles[0][1] == "Karim Tabbou"


def test_an_abbreviated_rank_stays_with_the_name() -> None:
    roles = coded_roles("Col. Gen. Ivan Petrov resigned on Monday.")
    assert roles[0][1] == "Col. Gen. Ivan Petrov"


def test_a_named_town_is_the_target_with_its_name() -> None:
    roles = coded_roles("Rebels shelled the besieged Syrian town of Zabadani on Monday.")
    assert roles[0] == ("ASSAULT", "Rebels", "Syrian town of Zabadani")


def test_a_named_institution_people_belong_to_is_part_of_the_target() -> None:
    roles = coded_roles("Troops shot dead two students at Makerere University.")
    assert roles[0][2] == "students at Makerere University"


def test_where_a_person_comes_from_is_part_of_the_target() -> None:
    roles = coded_roles("Gunmen kidnapped an engineer from Lahore on Monday.")
    assert roles[0][2] == "engineer from Lahore"


def test_the_owner_of_a_burnt_office_is_the_target() -> None:
    roles = coded_roles("Villagers set fire to the offices of the Kurdish mayor on Sunday.")
    assert roles[0] == ("COERCE", "Villagers", "Kurdish mayor")


def test_a_descriptive_participle_compound_is_not_part_of_a_place() -> None:
    roles = coded_roles("Britain has promised military aid to war-torn Sierra Leone.")
    assert roles[0][2] == "Sierra Leone"


def test_a_name_of_several_capitalised_words_is_an_actor() -> None:
    roles = coded_roles(
        "Finance Minister Ali Hassan has refused to appear despite growing pressure by the "
        "Uganda Revenue Oversight Commision."
    )
    assert roles[0][2] == "Uganda Revenue Oversight Commision"


def test_an_organisation_name_keeps_its_capitalised_phrases() -> None:
    roles = coded_roles(
        "The Syrian Observatory for Human Rights accused the army of shelling Idlib."
    )
    assert roles[0][1] == "Syrian Observatory for Human Rights"


def test_a_village_named_by_its_people_is_the_place_hit() -> None:
    roles = coded_roles("A Kurdish village was attacked by Turkish jets on Monday.")
    assert roles[0] == ("ASSAULT", "Turkish jets", "Kurdish village")


def test_officers_of_an_institution_code_as_the_institution() -> None:
    roles = coded_roles("Kenyan police officers arrested three smugglers near the port.")
    assert roles[0] == ("COERCE", "Kenyan police", "smugglers")


def test_officials_of_an_organisation_with_its_acronym_code_as_the_organisation() -> None:
    roles = coded_roles(
        "Zambia National Farmers Union (ZNFU) officials rejected the new maize levy."
    )
    assert roles[0][:2] == ("REJECT", "Zambia National Farmers Union")


def test_helicopters_stand_for_the_organisation_that_owns_them() -> None:
    roles = coded_roles("African Union helicopters evacuated the wounded from the camp.")
    assert roles[0][:2] == ("AID", "African Union")


def test_a_regime_named_after_its_leader_is_the_leader() -> None:
    roles = coded_roles("Thousands of students denounced President Kabila's government on Monday.")
    assert roles[0] == ("ACCUSE", "students", "President Kabila")


def test_whom_an_armed_group_is_loyal_to_is_part_of_the_actor() -> None:
    roles = coded_roles("Gunmen loyal to a local warlord ambushed a police convoy near the border.")
    assert roles[0][:2] == ("ASSAULT", "Gunmen loyal to a local warlord")


def test_a_language_named_by_a_nationality_is_no_target() -> None:
    roles = coded_roles(
        "The regional parliament lifted restrictions on the use of the Uzbek language in schools."
    )
    assert roles[0] == ("CONCEDE", "parliament", None)


def test_a_government_department_is_an_actor_with_its_name() -> None:
    roles = coded_roles("Kenya's health department accused the union of blocking the talks.")
    assert roles[0] == ("ACCUSE", "Kenya's health department", "union")


def test_a_name_the_parser_hung_on_a_weekday_keeps_its_title() -> None:
    roles = coded_roles(
        "Qatar's foreign minister met with Sudanese President Omar al-Bashir Sunday to discuss"
        " the peace talks."
    )
    assert roles[0] == ("CONSULT", "Qatar's foreign minister", "Sudanese President Omar al-Bashir")


def test_a_plural_possessor_stays_in_the_span() -> None:
    roles = coded_roles("Teachers' unions rejected the plan.")
    assert roles[0][:2] == ("REJECT", "Teachers' unions")


def test_the_people_a_group_is_made_of_are_part_of_it() -> None:
    roles = coded_roles("A delegation of Kurds met the prime minister in Baghdad.")
    assert roles[0] == ("CONSULT", "delegation of Kurds", "prime minister")


def test_who_holds_a_shelled_territory_is_the_target() -> None:
    roles = coded_roles("Government forces shelled Albanian rebel-held territory near the border.")
    assert roles[0] == ("ASSAULT", "Government forces", "Albanian rebel")


def test_a_capital_that_imposed_the_thing_condemned_is_the_target() -> None:
    roles = coded_roles(
        "Chinese and Russian diplomats condemned the sanctions imposed by Washington."
    )
    assert roles[0] == ("ACCUSE", "Chinese and Russian diplomats", "Washington")


def test_an_institution_keeps_the_adjective_of_its_name() -> None:
    roles = coded_roles(
        "Opposition leader Raila Odinga accused the electoral commission of rigging the vote."
    )
    assert roles[0] == ("ACCUSE", "Opposition leader Raila Odinga", "electoral commission")


def test_the_people_an_attacked_vehicle_carried_are_the_target() -> None:
    roles = coded_roles("Gunmen ambushed a bus carrying Christian pilgrims in Minya province.")
    assert roles[0] == ("ASSAULT", "Gunmen", "Christian pilgrims")


def test_a_spokesman_for_a_body_codes_as_the_body() -> None:
    roles = coded_roles(
        "A spokesman for the Russian foreign ministry accused Kyiv of shelling the plant."
    )
    assert roles[0] == ("ACCUSE", "Russian foreign ministry", "Kyiv")
