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
