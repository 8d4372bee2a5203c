"""The actor knowledge base: data files load, validate and answer lookups from real news phrases."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyad.resolve.actor_kb import (
    ACTORS_DIR,
    EXTRA_ISO3,
    SECTORS,
    ActorDataError,
    ActorKB,
    load_actor_kb,
    normalise_name,
)

ARTICLE_DATE = date(2026, 1, 8)  # the sample article's publication date


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_actor_kb()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    files = ("countries.tsv", "organisations.tsv", "people.tsv", "sectors.tsv", "groups.tsv")
    for name in (*files, "regions.tsv"):
        shutil.copy(ACTORS_DIR / name, tmp_path / name)
    return tmp_path


def _append(path: Path, line: str) -> int:
    """Append a line to a data file and return its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_the_syrian_army_is_military_and_syrian(kb: ActorKB) -> None:
    assert kb.sector_for_term("The Syrian army") == "MIL"
    country = kb.country_by_demonym("Syrian")
    assert country is not None and country.iso3 == "SYR"


def test_the_syrian_army_names_the_post_assad_army_in_2026(kb: ActorKB) -> None:
    entries = kb.lookup_name("The Syrian army", on=ARTICLE_DATE)
    assert [(e.id, e.country, e.sector) for e in entries] == [("syrian-army", "SYR", "MIL")]


def test_the_syrian_arab_army_is_the_assad_era_army_before_december_2024(kb: ActorKB) -> None:
    entries = kb.lookup_name("Syrian Arab Army", on=date(2024, 6, 1))
    assert [e.id for e in entries] == ["saa"]


def test_sdf_is_a_syrian_rebel_organisation(kb: ActorKB) -> None:
    (sdf,) = kb.lookup_name("SDF", on=ARTICLE_DATE)
    assert (sdf.kind, sdf.country, sdf.sector, sdf.name) == (
        "organisation",
        "SYR",
        "REB",
        "Syrian Democratic Forces",
    )


def test_kurdish_led_sdf_alias_resolves(kb: ActorKB) -> None:
    names = {e.id for e in kb.lookup_name("the Kurdish-led Syrian Democratic Forces")}
    assert names == {"sdf"}


def test_tom_barrack_is_a_us_government_envoy(kb: ActorKB) -> None:
    (barrack,) = kb.lookup_name("Tom Barrack", on=ARTICLE_DATE)
    assert (barrack.kind, barrack.country, barrack.sector) == ("person", "USA", "GOV")


def test_surname_alone_finds_the_person(kb: ActorKB) -> None:
    assert [e.id for e in kb.lookup_name("Barrack", on=ARTICLE_DATE)] == ["tom-barrack"]


def test_damascus_is_syria_by_capital(kb: ActorKB) -> None:
    country = kb.country_by_capital("Damascus")
    assert country is not None and country.iso3 == "SYR"


def test_seat_of_government_metonyms_give_the_country(kb: ActorKB) -> None:
    found = {t: kb.country_by_capital(t) for t in ("the Kremlin", "Downing Street", "Kiev")}
    assert {t: c.iso3 if c else None for t, c in found.items()} == {
        "the Kremlin": "RUS",
        "Downing Street": "GBR",
        "Kiev": "UKR",
    }


def test_un_before_secretary_general_resolves_to_an_igo(kb: ActorKB) -> None:
    (un,) = kb.lookup_name("UN", on=ARTICLE_DATE)
    assert (un.id, un.country, un.sector) == ("un", None, "IGO")


def test_dotted_acronyms_match_undotted_ones(kb: ActorKB) -> None:
    assert [e.id for e in kb.lookup_name("U.N.")] == ["un"]
    country = kb.country_by_name("the U.S.")
    assert country is not None and country.iso3 == "USA"


def test_possessive_and_hyphen_variants_match(kb: ActorKB) -> None:
    assert [e.id for e in kb.lookup_name("al Qaeda's")] == ["al-qaeda"]
    assert [e.id for e in kb.lookup_name("Syria’s")] == ["country:SYR"]


def test_person_who_left_office_in_2025_is_not_returned_for_2026(kb: ActorKB) -> None:
    assert kb.lookup_name("Olaf Scholz", on=date(2026, 1, 8)) == []
    assert [e.id for e in kb.lookup_name("Scholz", on=date(2025, 3, 1))] == ["olaf-scholz"]


def test_successor_is_returned_from_the_handover(kb: ActorKB) -> None:
    assert kb.lookup_name("Merz", on=date(2025, 5, 5)) == []
    assert [e.id for e in kb.lookup_name("Merz", on=date(2025, 5, 6))] == ["friedrich-merz"]


def test_a_role_change_gives_the_role_held_on_the_date(kb: ActorKB) -> None:
    in_2025 = kb.lookup_name("Lammy", on=date(2025, 3, 1))
    in_2026 = kb.lookup_name("Lammy", on=ARTICLE_DATE)
    assert [e.role for e in in_2025] == ["Foreign Secretary"]
    assert [e.role for e in in_2026] == ["Deputy Prime Minister and Justice Secretary"]


def test_without_a_date_current_entries_come_first(kb: ActorKB) -> None:
    taliban = kb.lookup_name("the Taliban")
    assert [(e.id, e.sector) for e in taliban] == [
        ("taliban", "GOV"),
        ("taliban-insurgency", "REB"),
    ]


def test_kurdish_is_not_a_country_demonym(kb: ActorKB) -> None:
    assert kb.country_by_demonym("Kurdish") is None


def test_demonym_plurals_are_generated(kb: ActorKB) -> None:
    israelis = kb.country_by_demonym("Israelis")
    chinese = kb.country_by_demonym("Chinese")
    assert (israelis and israelis.iso3, chinese and chinese.iso3) == ("ISR", "CHN")


def test_demonyms_in_man_take_the_plural_in_men(kb: ActorKB) -> None:
    irishmen = kb.country_by_demonym("Irishmen")
    germans = kb.country_by_demonym("Germans")
    assert (irishmen and irishmen.iso3, germans and germans.iso3) == ("IRL", "DEU")
    assert kb.country_by_demonym("Germen") is None


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Syrian government forces", "MIL"),
        ("the foreign ministry", "GOV"),
        ("Lebanese security forces", "COP"),
        ("the Houthi rebels", "REB"),
        ("Turkish-backed militiamen", "REB"),
        ("protesters", "CVL"),
        ("the opposition leader", "OPP"),
        ("the defence minister", "GOV"),
        ("state media", "GOV"),
        ("a prosecutor", "JUD"),
        ("displaced families", "CVL"),
        ("Palestinian refugees", "REF"),
        ("unidentified gunmen", "UAF"),
        ("the former president", "ELI"),
        ("aid workers", "NGO"),
    ],
)
def test_sector_from_the_head_of_a_noun_phrase(kb: ActorKB, phrase: str, sector: str) -> None:
    assert kb.sector_for_term(phrase) == sector


def test_a_name_has_no_sector_term(kb: ActorKB) -> None:
    assert kb.sector_for_term("Barrack") is None


def test_all_iso3_codes_are_valid(kb: ActorKB) -> None:
    codes = {c.iso3 for c in kb.countries} | {e.country for e in kb.entries if e.country}
    invalid = {c for c in codes if c not in EXTRA_ISO3 and not pycountry.countries.get(alpha_3=c)}
    assert invalid == set()


def test_all_sovereign_states_and_key_territories_are_present(kb: ActorKB) -> None:
    codes = {c.iso3 for c in kb.countries}
    assert len(codes) >= 200
    assert {"PSE", "XKX", "TWN", "ESH", "VAT", "SSD"} <= codes


def test_every_entry_has_a_known_sector_except_countries(kb: ActorKB) -> None:
    sectors = {e.sector for e in kb.entries if e.kind != "country"}
    assert sectors <= SECTORS


def test_surface_forms_feed_the_entity_ruler(kb: ActorKB) -> None:
    forms = set(kb.all_surface_forms())
    expected = {
        ("SDF", "ORG"),
        ("Tom Barrack", "PERSON"),
        ("Damascus", "GPE"),
        ("Syria", "GPE"),
        ("Syrian", "NORP"),
        ("Kremlin", "GPE"),
    }
    assert expected <= forms
    assert ("Philippines", "NORP") not in forms


def test_default_kb_is_loaded_once() -> None:
    assert load_actor_kb() is load_actor_kb()


def test_malformed_line_raises_an_error_naming_file_and_line(data_copy: Path) -> None:
    people = data_copy / "people.tsv"
    line = _append(people, "bad-sector\tJane Doe\t\tUSA\tGOVT\tenvoy\t2025\t")
    with pytest.raises(ActorDataError) as info:
        load_actor_kb(data_copy)
    assert info.value.line == line
    assert f"people.tsv:{line}:" in str(info.value)
    assert "GOVT" in str(info.value)


def test_unknown_country_code_is_rejected(data_copy: Path) -> None:
    line = _append(data_copy / "organisations.tsv", "x-group\tX Group\t\tXYZ\tREB\tarmed_group\t\t")
    with pytest.raises(ActorDataError, match=rf"organisations.tsv:{line}: unknown ISO3"):
        load_actor_kb(data_copy)


def test_bad_date_is_rejected(data_copy: Path) -> None:
    line = _append(data_copy / "people.tsv", "jane-doe\tJane Doe\t\tUSA\tGOV\tenvoy\t2025-13\t")
    with pytest.raises(ActorDataError, match=rf"people.tsv:{line}: bad date"):
        load_actor_kb(data_copy)


def test_wrong_number_of_fields_is_rejected(data_copy: Path) -> None:
    line = _append(data_copy / "sectors.tsv", "sniper team MIL")
    with pytest.raises(ActorDataError, match=rf"sectors.tsv:{line}: expected 3"):
        load_actor_kb(data_copy)


def test_a_name_claimed_by_two_countries_is_rejected(data_copy: Path) -> None:
    line = _append(data_copy / "countries.tsv", "XKX\tKosovo\tSyria\t\t\t")
    with pytest.raises(ActorDataError, match=rf"countries.tsv:{line}: .*already used by"):
        load_actor_kb(data_copy)


def test_duplicate_id_is_rejected(data_copy: Path) -> None:
    line = _append(data_copy / "people.tsv", "sdf\tSomeone\t\tSYR\tREB\tcommander\t\t")
    with pytest.raises(ActorDataError, match=rf"people.tsv:{line}: duplicate id 'sdf'"):
        load_actor_kb(data_copy)


def test_sample_gold_actors_resolve_to_their_codes(
    kb: ActorKB, sample_gold: dict[str, Any]
) -> None:
    for actor in sample_gold["actors"]:
        codes = {_resolve(kb, alias) for alias in [actor["name"], *actor["aliases"]]}
        assert (actor["country"], actor["sector"]) in codes, actor["name"]


def _resolve(kb: ActorKB, text: str) -> tuple[str | None, str | None]:
    """What a simple resolver built on the KB gives: a name, else demonym + head noun."""
    entries = kb.lookup_name(text, on=ARTICLE_DATE)
    if entries:
        return entries[0].country, entries[0].sector or "GOV"  # a country as actor: its government
    words = normalise_name(text).split()
    country = kb.country_by_demonym(words[0]) if words else None
    return (country.iso3 if country else None), kb.sector_for_term(text)


_NAME_PIECES = ["the ", "The ", " ", "'s", "’s", "s'", ".", "-", "&", "U", "S", "é", "İ", "ß", "al"]


@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=12).map("".join) | st.text(max_size=30))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


def test_defence_ministers_follow_cameo_and_are_government(kb: ActorKB) -> None:
    defence = [
        e
        for e in kb.entries
        if e.kind == "person" and e.role and "defence minister" in e.role.lower()
    ]
    assert len(defence) >= 10
    assert {e.sector for e in defence} == {"GOV"}


def test_transnational_armed_groups_are_img_with_no_country(kb: ActorKB) -> None:
    for name in ("al-Qaeda", "Islamic State"):
        (entry,) = [e for e in kb.lookup_name(name) if e.kind == "organisation"]
        assert (entry.country, entry.sector) == (None, "IMG")


def test_archive_leaders_are_dated_and_do_not_match_current_news(kb: ActorKB) -> None:
    assert [e.country for e in kb.lookup_name("Kuchma", date(2004, 6, 1))] == ["UKR"]
    assert kb.lookup_name("Kuchma", date(2026, 1, 8)) == []


def test_the_role_of_an_entry_is_known(kb: ActorKB) -> None:
    role = kb.role_of("tom-barrack")
    assert role is not None and "Envoy" in role


def test_peoples_and_regions_name_their_home_countries(kb: ActorKB) -> None:
    assert kb.group_countries("Chechens") == ("RUS",)
    assert kb.group_countries("Kurdish")[0] == "IRQ"
    assert kb.group_countries("Arab") == ()  # spread over many countries: the sentence decides
    assert kb.group_countries("Syrian") == ()  # a demonym, not a group


def test_regions_of_several_countries_are_known(kb: ActorKB) -> None:
    assert kb.is_region("the Gulf") and kb.is_region("Sahel") and kb.is_region("the Red Sea")
    assert not kb.is_region("Gaza") and not kb.is_region("Donbas")


def test_a_region_listed_twice_stops_loading(data_copy: Path) -> None:
    line = _append(data_copy / "regions.tsv", "the Gulf\t")
    with pytest.raises(ActorDataError, match=rf"regions.tsv:{line}: duplicate term"):
        load_actor_kb(data_copy)


def test_a_bad_group_country_stops_loading(data_copy: Path) -> None:
    line = _append(data_copy / "groups.tsv", "Zomi\tXYZ\t")
    with pytest.raises(ActorDataError, match=rf"groups.tsv:{line}: unknown ISO3"):
        load_actor_kb(data_copy)


def test_a_misspelt_country_name_is_found_only_when_unambiguous(kb: ActorKB) -> None:
    found = kb.country_by_misspelling("Ethopia")
    assert found is not None and found.iso3 == "ETH"
    assert kb.country_by_misspelling("Iraq") is None  # a real name, not a typo of Iran
    assert kb.country_by_misspelling("Mali") is None  # too short to guess
