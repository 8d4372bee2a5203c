"""Compound actors: a coordinated source or target of other countries gives one event per dyad
(PETRARCH/ICEWS convention), the copies marked in their rule; a "between" pair is reciprocal."""

from __future__ import annotations

from dyad.article import Event
from event_helpers import coded_events as coded


def dyads(events: list[Event], event_type: str) -> list[tuple[str | None, str | None]]:
    pairs = []
    for event in events:
        if event.event_type != event_type:
            continue
        source = event.source.actor.country if event.source and event.source.actor else None
        target = event.target.actor.country if event.target and event.target.actor else None
        pairs.append((source, target))
    return pairs


def test_a_list_of_sanctioned_states_gives_one_event_per_state() -> None:
    events = coded("Washington imposed new sanctions on Venezuela, Cuba and Nicaragua on Friday.")
    assert dyads(events, "SANCTION") == [("USA", "VEN"), ("USA", "CUB"), ("USA", "NIC")]
    first, *copies = [e for e in events if e.event_type == "SANCTION"]
    assert "compound:" not in first.rule
    assert all("compound:" in e.rule for e in copies)
    assert len({e.event_id for e in events}) == len(events)
    assert all(e.trigger == first.trigger and e.date == first.date for e in copies)


def test_two_donor_states_are_two_aid_events() -> None:
    events = coded("Jordan and Turkey flew medical supplies to Lebanon on Monday.")
    assert dyads(events, "AID") == [("JOR", "LBN"), ("TUR", "LBN")]


def test_coordinated_nationalities_split_a_crowd_into_its_countries() -> None:
    events = coded("Dutch and Belgian farmers protested outside the EU headquarters on Monday.")
    sources = [e.source.actor.country for e in events if e.source and e.source.actor]
    assert sources[:2] == ["NLD", "BEL"]


def test_members_of_one_country_stay_one_event() -> None:
    events = coded("Police arrested the opposition leader and his deputy in Kampala on Sunday.")
    assert len([e for e in events if e.event_type == "COERCE"]) == 1


def test_casualties_are_counted_on_the_first_event_only() -> None:
    events = coded("Israeli jets struck Syria and Lebanon overnight, killing 12 people.")
    strikes = [e for e in events if e.event_type == "ASSAULT" and e.trigger.text == "struck"]
    assert [e.target.actor.country for e in strikes if e.target and e.target.actor] == [
        "SYR",
        "LBN",
    ]
    assert sum(1 for e in strikes if e.fatalities is not None) <= 1


def test_a_between_pair_with_no_doer_is_reciprocal() -> None:
    events = coded(
        "Heavy clashes raged overnight in the north between rebels and government troops."
    )
    clash = next(e for e in events if e.event_type == "ASSAULT")
    assert clash.reciprocal
    assert clash.source is not None and clash.source.text == "rebels"
    assert clash.target is not None and clash.target.text == "government troops"


def test_ministers_of_two_countries_meet_each_other() -> None:
    events = coded("The defence ministers of Greece and Turkey met in Brussels on Thursday.")
    meeting = next(e for e in events if e.event_type == "CONSULT")
    assert meeting.reciprocal
    assert dyads([meeting], "CONSULT") == [("GRC", "TUR")]
