"""Actor resolution in context: names, titles, metonyms, sector nouns, places and coreference."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from dyad.article import Mention
from dyad.nlp.model import parse
from dyad.resolve.actor_kb import ACTORS_DIR, ActorKB, load_actor_kb
from dyad.resolve.actors import ActorResolver

ARTICLE_DATE = date(2026, 1, 8)  # the sample article's publication date


def resolve(text: str, kb: ActorKB | None = None) -> ActorResolver:
    resolver = ActorResolver(parse(text), 0, kb or load_actor_kb(), ARTICLE_DATE)
    resolver.resolve_all()
    return resolver


def mention(resolver: ActorResolver, word: str, nth: int = 0) -> Mention:
    """The mention headed by the ``nth`` token spelled ``word``."""
    tokens = [t.i for t in resolver.doc if t.text == word]
    return resolver.mention_for(tokens[nth])


def test_the_syrian_army_is_syrian_military() -> None:
    found = mention(resolve("The Syrian army shelled the Sheikh Maqsoud district."), "army")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("SYR", "MIL")


def test_kurdish_led_sdf_is_a_named_syrian_armed_group() -> None:
    resolver = resolve("Kurdish-led Syrian Democratic Forces (SDF) said they repelled the attack.")
    found = mention(resolver, "Forces")
    assert found.actor is not None
    assert (found.actor.id, found.actor.country, found.actor.sector) == ("sdf", "SYR", "REB")
    assert found.actor.kind == "organisation"


def test_envoy_title_before_a_name_gives_the_named_us_official() -> None:
    text = "US Special Envoy to Syria Ambassador Tom Barrack met officials in Damascus."
    found = mention(resolve(text), "Envoy")
    assert found.text == "Tom Barrack"
    assert found.actor is not None
    assert (found.actor.name, found.actor.country, found.actor.sector) == (
        "Tom Barrack",
        "USA",
        "GOV",
    )
    assert found.actor.kind == "person"


def test_capital_as_subject_stands_for_the_government() -> None:
    found = mention(resolve("Damascus said the agreement was binding."), "Damascus")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("SYR", "GOV")
    assert found.actor.resolved_by == "capital-metonym"


def test_a_place_in_the_phrase_gives_protesters_their_country() -> None:
    resolver = resolve("Iraqi officials said protesters in Tehran burned flags.")
    found = mention(resolver, "protesters")
    assert resolver.main_country == "IRQ"  # the place wins over the article's main country
    assert found.actor is not None
    assert found.actor.country == "IRN" and found.actor.sector in {"OPP", "CVL"}
    assert found.actor.resolved_by == "sector-noun+place"


def test_un_secretary_general_is_an_international_organisation() -> None:
    found = mention(resolve("The UN Secretary-General called for restraint in Gaza."), "General")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == (None, "IGO")


def test_he_takes_the_last_person_named() -> None:
    text = (
        "Ambassador Tom Barrack arrived in Damascus on Thursday. "
        "He said the talks had been constructive."
    )
    found = mention(resolve(text), "He")
    assert found.actor is not None and found.actor.name == "Tom Barrack"
    assert found.actor.resolved_by == "pronoun-coref"
    assert found.antecedent is not None and found.antecedent.text == "Tom Barrack"


def test_the_envoy_takes_the_earlier_envoy_not_the_nearest_officials() -> None:
    text = (
        "Tom Barrack, the US envoy, met Syrian officials in Damascus. "
        "The envoy later said the talks were useful."
    )
    found = mention(resolve(text), "envoy", nth=1)
    assert found.actor is not None and found.actor.id == "tom-barrack"
    assert found.actor.resolved_by == "nominal-coref"


def test_the_group_takes_the_organisation_named_before() -> None:
    text = (
        "The SDF withdrew from the neighbourhood on Friday. "
        "The group said it had evacuated civilians."
    )
    found = mention(resolve(text), "group")
    assert found.actor is not None and found.actor.id == "sdf"
    assert found.antecedent is not None and found.antecedent.text == "SDF"


def test_security_forces_in_an_article_about_syria_are_syrian() -> None:
    text = (
        "Syria's government announced a curfew in Aleppo. "
        "Security forces patrolled the streets on Friday."
    )
    found = mention(resolve(text), "forces")
    assert found.actor is not None
    assert found.actor.country == "SYR" and found.actor.sector in {"COP", "MIL"}
    assert found.actor.resolved_by == "sector-noun+article-country"


def test_unknown_name_keeps_its_text_and_stays_unresolved() -> None:
    found = mention(resolve("Zorbak Quintel arrived on Monday."), "Zorbak")
    assert found.text == "Zorbak Quintel"
    assert found.actor is None


def test_pronoun_without_antecedent_stays_unresolved() -> None:
    found = mention(resolve("They left the city before dawn."), "They")
    assert found.text == "They" and found.actor is None and found.antecedent is None


def test_ethnic_group_belongs_to_the_place_not_the_demonym() -> None:
    text = "Ethnic Albanians in southern Serbia are demanding more schools in their own language."
    found = mention(resolve(text), "Albanians")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("SRB", "CVL")


def test_country_after_a_locative_preposition_is_still_the_country() -> None:
    text = "Nigeria announced it will withdraw its peacekeeping force from Chad."
    found = mention(resolve(text), "Chad")
    assert found.actor is not None and found.actor.country == "TCD"


def test_possessor_stands_for_the_actor_of_a_decision() -> None:
    found = mention(resolve("Sweden's decision angered the protesters."), "decision")
    assert found.actor is not None and found.actor.country == "SWE"
    assert found.actor.resolved_by == "possessor"


def test_stance_prefix_is_not_a_nationality() -> None:
    text = "A prominent anti-Syria journalist was killed in Beirut, Lebanese police said."
    found = mention(resolve(text), "journalist")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("LBN", "MED")


def test_title_nearest_the_name_gives_the_sector() -> None:
    text = "German Federal Council president Klaus Berger arrived in Warsaw on Monday."
    found = mention(resolve(text), "Berger")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("DEU", "GOV")


def test_a_role_that_ended_is_not_used_for_later_news() -> None:
    # Mohammed al-Bashir was Syria's caretaker prime minister until March 2025: in later news
    # he is a former office holder, one of Syria's elite, no longer its government.
    found = mention(resolve("Mohammed al-Bashir said the cabinet would meet."), "Bashir")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("SYR", "ELI")
    assert found.actor.resolved_by == "kb-former"


def test_a_region_of_several_countries_gives_no_country() -> None:
    # "the Gulf" is no Gulf Province of Papua New Guinea, whatever the gazetteer holds
    found = mention(resolve("Iranian forces seized a tanker in the Gulf on Friday."), "Gulf")
    assert found.actor is None or found.actor.country != "PNG"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in ("countries.tsv", "organisations.tsv", "people.tsv", "sectors.tsv", "groups.tsv"):
        shutil.copy(ACTORS_DIR / name, tmp_path / name)
    return tmp_path


def test_an_actor_added_in_one_line_is_used(data_copy: Path) -> None:
    # The Zomi Revolutionary Army (Myanmar, founded 1997) is not in dyad's own files.
    text = "The Zomi Revolutionary Army seized the town on Sunday."
    before = mention(resolve(text, load_actor_kb(data_copy)), "Army")
    assert before.actor is None or before.actor.id != "zomi-revolutionary-army"
    line = "zomi-revolutionary-army\tZomi Revolutionary Army\tZRA\tMMR\tREB\tarmed_group\t1997\t"
    with (data_copy / "organisations.tsv").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    found = mention(resolve(text, load_actor_kb(data_copy)), "Army")
    assert found.actor is not None
    assert (found.actor.id, found.actor.country, found.actor.sector) == (
        "zomi-revolutionary-army",
        "MMR",
        "REB",
    )


def test_relative_pronoun_speaker_takes_the_named_person() -> None:
    resolver = resolve("Reporters met Ambassador Tom Barrack, who said the deal was near.")
    found = mention(resolver, "who")
    assert found.actor is not None and found.actor.id == "tom-barrack"
    assert found.antecedent is not None and found.antecedent.text == "Tom Barrack"


def test_a_capital_as_the_place_of_an_action_is_its_people() -> None:
    found = mention(resolve("The president imposed a curfew in Algiers."), "Algiers")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector, found.actor.kind) == ("DZA", "CVL", "place")


def test_a_former_office_holder_is_elite() -> None:
    text = "Former Socialist prime minister Andreas Kostas criticised the budget in Athens."
    found = mention(resolve(text), "Kostas")
    assert found.actor is not None and found.actor.sector == "ELI"


def test_official_media_speak_for_the_government() -> None:
    found = mention(resolve("An official Syrian newspaper criticised the talks."), "newspaper")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("SYR", "GOV")


def test_a_possessor_does_not_name_an_opposition_coalition() -> None:
    text = "Zoran Djindjic's opposition coalition rejected the offer in Belgrade."
    found = mention(resolve(text), "coalition")
    assert found.actor is not None and found.actor.sector == "OPP"


def test_members_of_an_international_body_belong_to_it() -> None:
    found = mention(resolve("NATO troops patrolled the border near Pristina."), "troops")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == (None, "IGO")


def test_a_regional_peacekeeping_force_is_international() -> None:
    text = "Ivory Coast asked for a regional peacekeeping force to be deployed."
    found = mention(resolve(text), "force")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == (None, "IGO")


def test_an_unknown_organisation_named_after_its_country() -> None:
    text = "The Kenya Anti-Corruption Authority questioned Vice-President Moody Awori."
    resolver = resolve(text)
    org = mention(resolver, "Authority")
    assert org.actor is not None and org.actor.country == "KEN"
    person = mention(resolver, "Awori")
    assert person.actor is not None
    assert (person.actor.country, person.actor.sector) == ("KEN", "GOV")


def test_it_that_acts_takes_the_last_organisation() -> None:
    text = "The SDF said it repelled the attack. It is unclear how many fighters died."
    resolver = resolve(text)
    acting = mention(resolver, "it")
    assert acting.actor is not None and acting.actor.id == "sdf"
    assert mention(resolver, "It").actor is None  # impersonal "it is unclear"


def test_a_named_defence_ministry_is_government_as_in_cameo() -> None:
    found = mention(
        resolve("The Russian Defence Ministry said the strikes hit depots."), "Ministry"
    )
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("RUS", "GOV")


def test_a_shared_party_name_goes_to_the_article_country() -> None:
    text = "In Rabat, Morocco's Justice and Development Party criticised the Moroccan government."
    found = mention(resolve(text), "Party")
    assert found.actor is not None and found.actor.country == "MAR"


def _code(resolver: ActorResolver, word: str) -> tuple[str | None, str | None]:
    found = mention(resolver, word)
    assert found.actor is not None, found
    return found.actor.country, found.actor.sector


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Chechen rebels attacked a police post.", "rebels", ("RUS", "REB")),
        ("Karen guerrillas ambushed an army convoy.", "Karen", ("MMR", "REB")),
        ("Baluch militants attacked a train.", "militants", ("PAK", "REB")),
        ("Gaza residents fled south as Israeli troops advanced.", "residents", ("PSE", "CVL")),
        ("Benghazi militias clashed overnight.", "militias", ("LBY", "REB")),
        ("Crimean Tatars protested the annexation.", "Tatars", ("UKR", "CVL")),
    ],
)
def test_a_people_or_place_before_the_noun_gives_the_country(
    text: str, word: str, expected: tuple[str, str]
) -> None:
    assert _code(resolve(text), word) == expected


def test_a_place_in_the_sentence_beats_a_groups_home() -> None:
    assert _code(resolve("Kurds in Germany rallied against the offensive."), "Kurds")[0] == "DEU"


def test_a_first_name_that_is_also_a_people_stays_a_person() -> None:
    found = mention(resolve("Karen Bass said the city would rebuild."), "Bass")
    assert found.actor is None or found.actor.kind != "group"


def test_victims_belong_where_the_clause_happens() -> None:
    resolver = resolve("Russian forces killed four civilians in Kherson.")
    assert _code(resolver, "civilians") == ("UKR", "CVL")
    assert _code(resolver, "forces") == ("RUS", "MIL")


def test_a_backer_is_not_the_nationality() -> None:
    found = mention(resolve("Rwandan-backed rebels advanced on Bukavu."), "rebels")
    assert found.actor is not None and found.actor.country != "RWA"


def test_a_wire_service_does_not_set_the_article_country() -> None:
    assert _code(resolve("Reuters reported that the army had withdrawn."), "army")[0] is None


def test_a_spokesman_for_an_actor_speaks_for_it() -> None:
    assert _code(resolve("A spokesman for Hamas rejected the proposal."), "spokesman") == (
        "PSE",
        "REB",
    )


def test_a_known_former_office_holder_is_elite() -> None:
    text = "Former president Jair Bolsonaro was sentenced by the Supreme Court."
    assert _code(resolve(text), "Bolsonaro") == ("BRA", "ELI")


def test_a_union_named_after_a_profession_takes_its_sector() -> None:
    assert _code(resolve("The Nigerian Union of Teachers called a strike."), "Union") == (
        "NGA",
        "EDU",
    )
    assert _code(resolve("Tribal leaders met in Kandahar."), "leaders")[1] == "ELI"


def test_a_title_inside_the_name_gives_the_sector() -> None:
    assert _code(resolve("Archbishop Peter Smith condemned the violence."), "Smith")[1] == "REL"


def test_a_misspelt_country_is_still_the_country() -> None:
    text = "Mozambque has agreed to lift its ban on foreign trawlers."
    assert _code(resolve(text), "Mozambque") == (
        "MOZ",
        "GOV",
    )


def test_an_international_group_placed_in_one_country_is_its_rebels() -> None:
    resolver = resolve("ISIS militants attacked a checkpoint in Raqqa.")
    assert _code(resolver, "militants") == ("SYR", "REB")
    unplaced = resolve("The Islamic State released a new video.")
    assert _code(unplaced, "State") == (None, "IMG")


def test_members_of_an_organisation_are_that_organisation() -> None:
    resolver = resolve("An Israeli drone killed two Hezbollah members.")
    assert _code(resolver, "members") == ("LBN", "REB")
    assert _code(resolve("Police arrested three members of the PKK."), "members")[1] == "REB"


def test_a_ruling_movements_troops_are_military() -> None:
    found = mention(resolve("Taliban security forces detained two journalists."), "forces")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("AFG", "COP")


def test_ethnic_kin_named_with_their_country_of_residence() -> None:
    assert _code(resolve("Kosovo Albanians boycotted the election."), "Albanians") == (
        "XKX",
        "CVL",
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Ukraine's army lost ground. Kyiv called on European governments to send more.",
            "governments",
        ),
        ("Syria's army retook the town. Arab governments condemned the shelling.", "governments"),
        ("Iraqi forces advanced. Western diplomats said talks had stalled.", "diplomats"),
    ],
)
def test_a_regional_modifier_keeps_the_article_country_off(text: str, word: str) -> None:
    found = mention(resolve(text), word)
    assert found.actor is not None
    assert found.actor.country is None and found.actor.sector == "GOV"


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        (
            "Police in Kinshasa arrested 40 students. The Congolese Association for Access to"
            " Justice urged the authorities to release them.",
            "Association",
            "COD",
        ),
        ("Police detained members of the Kenya Human Rights Network in Nairobi.", "Network", "KEN"),
        ("Troops fired on marchers, the Global Peace Foundation said.", "Foundation", None),
    ],
)
def test_an_untagged_private_body_is_an_ngo_of_the_country_its_name_says(
    text: str, word: str, country: str | None
) -> None:
    resolver = resolve(text)
    found = mention(resolver, word)
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == (country, "NGO")
    assert all(m.text != "Justice" for m in resolver.mentions())


def test_a_description_in_apposition_is_the_named_actor() -> None:
    resolver = resolve(
        "The National Unity Government, the shadow administration formed by ousted lawmakers,"
        " accused the military of stepping up air attacks."
    )
    found = mention(resolver, "administration")
    assert found.actor is not None and found.actor.name == "National Unity Government"
    assert found.actor.resolved_by == "apposition"


def test_an_institution_never_refers_back_to_its_spokesman() -> None:
    resolver = resolve(
        "Junta spokesman Major General Zaw Min Tun denied the reports. Later the military"
        " admitted the raid. The military of Myanmar has denied abuses."
    )
    found = mention(resolver, "military")
    assert found.actor is not None and found.actor.name != "Zaw Min Tun"
    assert found.text == "the military"


def test_the_charge_after_accused_is_no_part_of_the_actor() -> None:
    resolver = resolve("Rights groups accused the army of abuses in the north.")
    assert mention(resolver, "army").text == "the army"


def test_a_possessing_country_outside_a_tagged_force_gives_its_country() -> None:
    resolver = resolve(
        "Manila protested on Tuesday. China's coast guard said it had expelled the Philippine"
        " ship from the shoal."
    )
    found = mention(resolver, "guard")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("CHN", "COP")


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("The Namibia Wildlife Service fined the lodge.", "Service", ("NAM", "GOV")),
        ("The Botswana Reserve Bank cut its rate.", "Bank", ("BWA", "GOV")),
        ("Malawi's National Police Service detained him.", "Service", ("MWI", "COP")),
        ("The Burundi Investigation Bureau questioned her.", "Bureau", ("BDI", "COP")),
        ("The Gabon Electoral Commision published results.", "Commision", ("GAB", "GOV")),
    ],
)
def test_state_bodies_named_after_their_country(
    text: str, head: str, expected: tuple[str, str]
) -> None:
    found = mention(resolve(text), head)
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == expected


def test_a_wire_dateline_is_no_actor() -> None:
    resolver = resolve("PORT SUDAN, March 9 (Reuters) - Drones struck a fuel depot in the city.")
    assert mention(resolver, "PORT").actor is None


def test_a_capitalised_name_opening_a_sentence_is_no_dateline() -> None:
    found = mention(resolve("NATO, the Western alliance, said it would send jets."), "NATO")
    assert found.actor is not None and found.actor.sector == "IGO"


def test_those_the_articles_own_forces_attack_are_of_the_other_country() -> None:
    # the other side must be named often enough: a foreign capital named once in a civil-war
    # story is no side
    text = (
        "Israeli officials said Israel would keep its troops in Gaza. The Israeli military said"
        " it had targeted militants who approached its troops. Palestinian officials in Gaza"
        " said two men were killed."
    )
    found = mention(resolve(text), "militants")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("PSE", "REB")


def test_one_mention_of_a_foreign_country_makes_no_other_side() -> None:
    text = (
        "Sudan's army said it had shelled rebel positions near Omdurman. The army said it"
        " killed dozens of fighters. Sudanese officials thanked Egypt for its support."
    )
    found = mention(resolve(text), "fighters")
    assert found.actor is not None and found.actor.country == "SDN"


def test_a_described_body_keeps_the_country_its_name_gives() -> None:
    text = (
        "The Kenyan Association for Media Freedom (KAMF), a rights group, urged the police to act."
    )
    found = mention(resolve(text), "Association")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector, found.actor.kind) == (
        "KEN",
        "NGO",
        "organisation",
    )


def test_the_government_is_not_a_countryless_plural_named_before() -> None:
    text = (
        "Niger's junta closed the border on Monday. Several European governments urged calm. "
        "The transitional government accused foreign powers of arming the rebels."
    )
    found = mention(resolve(text), "government")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("NER", "GOV")


@pytest.mark.parametrize(
    ("text", "word", "iso3"),
    [
        ("Tanzana has agreed to reopen its border.", "Tanzana", "TZA"),
        ("Venezuala has agreed to free the prisoners.", "Venezuala", "VEN"),
    ],
)
def test_a_misspelt_country_the_parser_tags_as_a_name_is_still_the_country(
    text: str, word: str, iso3: str
) -> None:
    found = mention(resolve(text), word)
    assert found.actor is not None and found.actor.country == iso3
