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
    roles = coded_roles("Settlers set fire to the offices of the Palestinian governor overnight.")
    assert roles[0] == ("COERCE", "Settlers", "Palestinian governor")


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
