"""Event source and target spans as event coders mark them: the actor phrase, trimmed."""

from __future__ import annotations

from dyad.article import Article, article_id_for
from dyad.pipeline import code_article


def coded_roles(text: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(id=article_id_for(text), text=text, date=None, date_source="none")
    return [
        (
            e.event_type,
            e.source.text if e.source is not None else None,
            e.target.text if e.target is not None else None,
        )
        for e in code_article(article).events
    ]


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
