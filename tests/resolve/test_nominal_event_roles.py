"""Whole-pipeline checks on nominal events framed by another verb, and on subjects that can do
nothing: who the doer of a reported, lasting or handed-over act is, and that a disease, a
market or the weather as the verb's subject leaves the event out whether or not a source actor
was resolved. Team-written sentences (2026-11-25)."""

from __future__ import annotations

import pytest

from event_helpers import coded_events, coded_roles


@pytest.mark.parametrize(
    "text",
    [
        "The pandemic struck the tourism industry hard.",
        "The virus hit the economy hard.",
        "The outbreak struck the region in March.",
        "Covid-19 hammered Italy's tourism industry.",
        "Inflation hammered households across the country.",
        "The hurricane battered the coast of Cuba.",
        "The recession hit exporters hardest.",
    ],
)
def test_a_non_agent_subject_leaves_the_event_out(text: str) -> None:
    assert coded_events(text) == []


def test_an_act_by_someone_beside_a_non_agent_stays() -> None:
    roles = coded_roles("The fire set by rebels destroyed the market.")
    assert [(t, s) for t, s, _ in roles] == [("COERCE", "rebels")]


def test_a_reporter_is_not_the_doer_of_what_it_reports() -> None:
    assert coded_roles("Residents reported heavy shelling in the northern suburbs.") == [
        ("ASSAULT", None, None)
    ]


def test_a_reported_act_keeps_the_doer_its_noun_names() -> None:
    (event,) = coded_events("Activists reported Russian airstrikes on villages in Idlib.")
    assert event.event_type == "ASSAULT"
    assert event.source is not None and event.source.actor is not None
    assert event.source.actor.country == "RUS"


def test_a_passive_report_agent_is_not_the_doer() -> None:
    roles = coded_roles("Heavy shelling was reported by residents in the east of the city.")
    assert roles == [("ASSAULT", None, None)]


def test_a_light_verb_subject_does_the_counted_act() -> None:
    assert coded_roles("Police made dozens of arrests in the capital.") == [
        ("COERCE", "Police", None)
    ]


def test_a_handover_takes_its_sides_from_the_noun() -> None:
    text = "The handover of the hostages by Hamas to the Red Cross went smoothly."
    assert coded_roles(text) == [("RETREAT", "Hamas", "Red Cross")]


def test_an_operation_is_done_by_the_verb_subject() -> None:
    text = "Police dismantled a smuggling ring in a joint operation with Interpol."
    (event,) = coded_events(text)
    assert (event.event_type, event.source and event.source.text) == ("COOPERATE", "Police")


def test_a_passive_demand_folds_the_act_it_asks_for() -> None:
    (event,) = coded_events("The release of the hostages was demanded by the families.")
    assert (event.event_type, event.cameo) == ("REQUEST", "1053")
    assert event.source is not None and event.source.text == "families"


def test_a_signed_accord_keeps_its_signing_code() -> None:
    (event,) = coded_events("Ethiopia signed an accord granting Somaliland sea access.")
    assert (event.event_type, event.cameo) == ("AGREE", "057")
