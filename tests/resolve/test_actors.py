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
    text = "Ethnic Albanians in south Serbia are demanding a U.N. military presence."
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
    text = "French National Assembly president Laurent Fabius held talks in Bucharest."
    found = mention(resolve(text), "Fabius")
    assert found.actor is not None
    assert (found.actor.country, found.actor.sector) == ("FRA", "GOV")


def test_a_role_that_ended_is_not_used_for_later_news() -> None:
    # Mohammed al-Bashir was Syria's caretaker prime minister until March 2025.
    found = mention(resolve("Mohammed al-Bashir said the cabinet would meet."), "Mohammed")
    assert found.actor is None or found.actor.id != "mohammed-al-bashir"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in ("countries.tsv", "organisations.tsv", "people.tsv", "sectors.tsv"):
        shutil.copy(ACTORS_DIR / name, tmp_path / name)
    return tmp_path


def test_an_actor_added_in_one_line_is_used(data_copy: Path) -> None:
    # The Chin National Army (Myanmar, founded 1988) is not in dyad's own files.
    text = "The Chin National Army seized the town on Sunday."
    before = mention(resolve(text, load_actor_kb(data_copy)), "Army")
    assert before.actor is None or before.actor.id != "chin-national-army"
    line = "chin-national-army\tChin National Army\tCNA\tMMR\tREB\tarmed_group\t1988\t"
    with (data_copy / "organisations.tsv").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    found = mention(resolve(text, load_actor_kb(data_copy)), "Army")
    assert found.actor is not None
    assert (found.actor.id, found.actor.country, found.actor.sector) == (
        "chin-national-army",
        "MMR",
        "REB",
    )
