"""Event triggers, arguments and modality on real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.extract.events import EventCandidate, find_events
from dyad.extract.patterns import PatternDataError, default_pattern_book, load_pattern_book
from dyad.nlp.model import parse


def events_of(sentence: str) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    doc = parse(sentence)
    found: list[EventCandidate] = find_events(doc, default_pattern_book())
    return [
        (
            e.event_type,
            e.mode,
            doc[e.source].text if e.source is not None else None,
            doc[e.target].text if e.target is not None else None,
            e.reciprocal,
        )
        for e in found
    ]


def test_an_airstrike_by_the_army_is_an_assault() -> None:
    events = events_of("The Syrian army on Thursday carried out additional strikes on the town.")
    assert events[0][:3] == ("ASSAULT", "heavy-weapons", "army")


def test_a_call_to_de_escalate_is_a_request_to_yield_not_a_retreat() -> None:
    events = events_of("The envoy called on all parties to immediately de-escalate.")
    assert [(e[0], e[1]) for e in events] == [("REQUEST", "yield")]


def test_fighting_between_two_sides_is_reciprocal() -> None:
    events = events_of("Fighting between government forces and the rebels continued in the north.")
    assert events[0][0] == "ASSAULT" and events[0][4] is True
    assert events[0][2:4] == ("forces", "rebels")


def test_a_threat_to_attack_is_a_threat_not_an_assault() -> None:
    assert [e[0] for e in events_of("Iran threatened to attack the tankers.")] == ["THREATEN"]


def test_a_denied_attack_is_a_rejection_not_an_assault() -> None:
    assert [e[0] for e in events_of("The army denied attacking the village.")] == ["REJECT"]


def test_a_negated_attack_is_no_event() -> None:
    assert events_of("The army did not attack the village.") == []


def test_a_future_meeting_is_an_intent_to_meet() -> None:
    assert [e[0] for e in events_of("The two presidents will meet in Doha next week.")] == ["AGREE"]


def test_a_statement_without_an_act_is_no_event() -> None:
    assert events_of("The minister said the talks were useful.") == []


def test_the_passive_agent_is_the_source() -> None:
    events = events_of("Three journalists were arrested by the police in Tbilisi.")
    assert events[0][0] == "COERCE" and events[0][2] == "police" and events[0][3] == "journalists"


def test_a_bad_pattern_line_names_the_file_and_line(tmp_path: Path) -> None:
    for name in ("light_verbs.txt", "intent_modes.tsv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "patterns.tsv").write_text(
        "# header\nv:attack\tASSAULTS\t\t\t190\tdobj\t\n", encoding="utf-8"
    )
    with pytest.raises(PatternDataError, match=r"patterns.tsv:2: unknown PLOVER type"):
        load_pattern_book(tmp_path)


def test_a_reported_obligation_is_a_demand_on_its_subject() -> None:
    events = events_of("Russia said on Tuesday that Sudan must return the captured helicopter.")
    assert events[0][0] == "REQUEST" and events[0][2:4] == ("Russia", "Sudan")


def test_a_future_act_with_an_unless_clause_is_a_threat() -> None:
    events = events_of("Nigeria said it will withdraw its troops unless the rebels disarm.")
    assert events[0][0] == "THREATEN"


def test_willingness_to_withdraw_is_an_intent_to_agree() -> None:
    events = events_of("Syria says it is willing to withdraw its troops from Lebanon.")
    assert [e[0] for e in events] == ["AGREE"] and events[0][2] == "it"


def test_a_negated_promise_of_aid_is_a_rejection() -> None:
    assert [e[0] for e in events_of("Obama said he would not provide weapons to Israel.")] == [
        "REJECT"
    ]


def test_a_released_report_is_not_a_prisoner_release() -> None:
    events = events_of("A report released on Tuesday alleged that the army had killed civilians.")
    assert events[0][0] == "ACCUSE" and "RETREAT" not in [e[0] for e in events]


def test_an_appeal_keeps_the_cameo_appeal_code() -> None:
    doc = parse("The envoy called on all parties to immediately de-escalate.")
    event = find_events(doc, default_pattern_book())[0]
    assert event.cameo == "0256"


def test_the_main_clause_event_comes_first() -> None:
    events = events_of("Police arrested the men who had attacked the convoy.")
    assert [e[0] for e in events] == ["COERCE", "ASSAULT"]
