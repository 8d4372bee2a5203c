"""Reported deaths, injuries and sizes: what a number counts, its qualifier, its span, and the
event it belongs to. Real news-style sentences through the real parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.article import Article
from dyad.extract.events import find_events
from dyad.extract.magnitude_owners import assign_magnitudes
from dyad.extract.magnitudes import (
    MagnitudeDataError,
    MagnitudeSpan,
    find_magnitudes,
    load_lexicon,
)
from dyad.extract.patterns import default_pattern_book
from dyad.nlp.model import parse
from dyad.pipeline import code_article


def figures(sentence: str) -> list[tuple[str, int, str | None, str]]:
    """(kind, value, qualifier, text) of every figure found in ``sentence``."""
    return [
        (m.kind, m.value, m.qualifier, sentence[m.start : m.end])
        for m in find_magnitudes(parse(sentence))
    ]


def assigned(sentence: str) -> list[tuple[str, str, dict[str, int]]]:
    """(event type, trigger, {kind: value}) for each event of ``sentence``."""
    doc = parse(sentence)
    events = find_events(doc, default_pattern_book())
    found = assign_magnitudes(doc, find_magnitudes(doc), events)
    return [
        (
            e.event_type,
            doc[e.trigger_start : e.trigger_end].text,
            {k: m.value for k, m in f.items()},
        )
        for e, f in zip(events, found, strict=True)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Government forces killed 12 people in an air strike on Saraqeb.",
            ("fatalities", 12, None, "12 people"),
        ),
        (
            "At least 30 dead after an air strike on Idlib.",
            ("fatalities", 30, "at least", "At least 30 dead"),
        ),
        (
            "A strike that killed three civilians hit a school in Idlib on Tuesday.",
            ("fatalities", 3, None, "three civilians"),
        ),
        ("The death toll rose to 45 on Monday.", ("fatalities", 45, None, "45")),
        (
            "Dozens were killed when the army shelled the market.",
            ("fatalities", 12, "vague", "Dozens"),
        ),
        (
            "Two soldiers died when their vehicle hit a mine, the army said.",
            ("fatalities", 2, None, "Two soldiers"),
        ),
        (
            "Twenty-five people were injured when police dispersed the rally.",
            ("injured", 25, None, "Twenty-five people"),
        ),
        (
            "Venezuela deployed thousands of troops to the border.",
            ("size", 1000, "vague", "thousands of troops"),
        ),
        (
            "Some 500 troops were sent to Kidal on Monday.",
            ("size", 500, "about", "Some 500 troops"),
        ),
        (
            "Police fired tear gas at a crowd of 2,000 protesters.",
            ("size", 2000, None, "2,000 protesters"),
        ),
        (
            "Tens of thousands of people marched in Belgrade.",
            ("size", 10000, "vague", "Tens of thousands of people"),
        ),
        (
            "More than 1,200 demonstrators gathered outside parliament.",
            ("size", 1200, "more than", "More than 1,200 demonstrators"),
        ),
        (
            "Unknown attackers killed 17 Hindus in a temple raid.",
            ("fatalities", 17, None, "17 Hindus"),
        ),
        (
            "Over 80 villagers were reported to have been killed near the border.",
            ("fatalities", 80, "more than", "Over 80 villagers"),
        ),
        ("The blast claimed five lives.", ("fatalities", 5, None, "five lives")),
        (
            "Two journalists were stabbed to death in the capital on Friday.",
            ("fatalities", 2, None, "Two journalists"),
        ),
        (
            "Two soldiers were shot dead at a checkpoint.",
            ("fatalities", 2, None, "Two soldiers"),
        ),
        (
            "The clashes left at least twelve people dead.",
            ("fatalities", 12, "at least", "at least twelve people"),
        ),
        (
            "The SDF lost 11 fighters in the clashes.",
            ("fatalities", 11, None, "11 fighters"),
        ),
    ],
)
def test_a_reported_figure_is_read_with_its_qualifier_and_span(
    sentence: str, expected: tuple[str, int, str | None, str]
) -> None:
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "A 12-year-old boy was among those wounded in the attack on Gaza City.",
        "The Security Council adopted Resolution 2254 in 2015.",
        "Ukraine asked for more F-16 jets on 12 March.",
        "The government pledged $5 million in aid to 3 provinces.",
        "Officials said 30 percent of the city was destroyed in 2024.",
        "The 45-year-old commander was arrested with 20 fighters.",
        "Police arrested at least 40 protesters in the capital.",
        "Few were hurt and no one was killed in the attack.",
        "The strike cut power to tens of thousands of homes.",
        "On Friday, snipers in Aleppo shot three Turkish engineers walking near the market.",
    ],
)
def test_dates_ages_names_money_percentages_and_arrests_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_coordinated_victims_add_up_for_their_event() -> None:
    events = assigned(
        "Gunmen killed two soldiers and three civilians in an attack on a checkpoint."
    )
    assert ("ASSAULT", "killed", {"fatalities": 5}) in events


def test_a_subset_is_not_counted_twice() -> None:
    found = assigned(
        "Militants attacked the village, killing 17 civilians, including six children."
    )
    deaths = [f["fatalities"] for _, _, f in found if "fatalities" in f]
    assert deaths == [17]


def test_deaths_and_injuries_of_one_sentence_go_to_their_own_clauses() -> None:
    events = assigned(
        "The governor said that two workers at a heating plant had been killed and four wounded."
    )
    assert ("ASSAULT", "killed", {"fatalities": 2}) in events
    assert ("ASSAULT", "wounded", {"injured": 4}) in events


def test_a_running_total_is_marked_cumulative_and_given_to_no_event() -> None:
    for sentence in (
        "Since 2011 more than 500,000 people have died in the Syrian war.",
        "The war, which has killed more than 500,000 people, entered its 14th year.",
        "Raids by armed groups have killed at least 14 people in Marsabit county since November.",
    ):
        doc = parse(sentence)
        found = find_magnitudes(doc)
        assert found and all(m.cumulative for m in found), sentence
        events = find_events(doc, default_pattern_book())
        assert all(f == {} for f in assign_magnitudes(doc, found, events)), sentence


def test_deaths_in_a_denied_strike_do_not_make_the_denial_deadly() -> None:
    events = assigned(
        "The military government on Friday denied carrying out an airstrike on a village that"
        " residents said killed 17 civilians."
    )
    assert all(not f for t, _, f in events if t not in {"ASSAULT", "COERCE", "PROTEST"})


def test_deaths_that_caused_a_protest_are_not_the_protests() -> None:
    events = assigned("Protests erupted after police killed two students in Nairobi.")
    assert all("fatalities" not in f for t, _, f in events if t == "PROTEST")


def test_conflicting_reports_keep_the_lowest_figure() -> None:
    events = assigned(
        "A suicide bomber killed 15 people at a market in Mogadishu, police said,"
        " while a hospital official put the toll at 19."
    )
    assert ("ASSAULT", "killed", {"fatalities": 15}) in events


def test_coded_events_carry_their_figures_with_article_offsets() -> None:
    text = "date 2026-01-08\nAt least nine people were killed by artillery fire in the camp."
    article = Article(id="camp", text=text, date="2026-01-08", body_start=16)
    (event,) = [e for e in code_article(article).events if e.fatalities is not None]
    deaths = event.fatalities
    assert deaths is not None
    assert (deaths.value, deaths.qualifier) == (9, "at least")
    assert text[deaths.start : deaths.end] == deaths.text == "At least nine people"


def test_vague_words_take_documented_conservative_values() -> None:
    lexicon = load_lexicon()
    assert {w: lexicon.numbers[w][1] for w in ("dozens", "hundreds", "tens")} == {
        "dozens": 12,
        "hundreds": 100,
        "tens": 10,
    }
    assert {"dozens", "several", "thousands"} <= lexicon.vague


def test_a_bad_data_line_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "quantities.tsv").write_text(
        "kind\tphrase\tvalue\tnote\nunit\tone\tone\t\n", encoding="utf-8"
    )
    (tmp_path / "cues.tsv").write_text("kind\tlemma\n", encoding="utf-8")
    with pytest.raises(MagnitudeDataError, match="quantities.tsv:2"):
        load_lexicon.__wrapped__(tmp_path)


def test_magnitude_spans_are_plain_values() -> None:
    (found,) = find_magnitudes(parse("Two soldiers died."))
    assert isinstance(found, MagnitudeSpan) and (found.start, found.end) == (0, 12)


def test_dead_and_hurt_in_one_phrase_are_told_apart() -> None:
    assert figures("Post-election riots left five people dead and 220 hurt.") == [
        ("fatalities", 5, None, "five people"),
        ("injured", 220, None, "220 hurt"),
    ]


def test_a_misattached_subject_keeps_its_own_verb() -> None:
    found = figures(
        "Israeli soldiers shot dead a policeman and a boy in Tulkarm and eight people were wounded."
    )
    assert found == [("injured", 8, None, "eight people")]


def test_part_of_a_group_and_an_increment_do_not_replace_the_total() -> None:
    found = assigned(
        "Rebel fighters killed nine captured policemen, beheading at least three of them."
    )
    assert [f["fatalities"] for _, _, f in found if "fatalities" in f] == [9]
    found = assigned("Gunmen killed more than 30 people in the attack, and two more villagers.")
    assert [f["fatalities"] for _, _, f in found if "fatalities" in f] == [30]
