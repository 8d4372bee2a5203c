"""Event participants read with the event: a seat of government as the target of a state-directed
act, state bodies named after their country, peoples before flat compounds, coordinated
participants and "both sides" after a pair."""

from __future__ import annotations

from dyad.article import Event, Participant
from event_helpers import coded_events as coded


def codes(participant: Participant | None) -> tuple[str | None, str | None]:
    assert participant is not None and participant.actor is not None
    return participant.actor.country, participant.actor.sector


def only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def test_a_capital_where_an_embassy_opens_is_its_government() -> None:
    event = only(coded("Chile opened an embassy in Hanoi last week."), "SUPPORT")
    assert event.target is not None and event.target.text == "Hanoi"
    assert codes(event.target) == ("VNM", "GOV")


def test_a_capital_where_people_protest_stays_a_place() -> None:
    event = only(coded("Thousands of students protested in Hanoi on Sunday."), "PROTEST")
    assert codes(event.target) == ("VNM", "CVL")


def test_a_misspelt_commission_named_after_its_country_is_that_state() -> None:
    events = coded(
        "The minister refused to step down despite pressure by the Zambia Anti-Graft Commision."
    )
    event = only(events, "REJECT")
    assert codes(event.target) == ("ZMB", "GOV")


def test_a_state_service_named_after_its_country_is_government() -> None:
    event = only(coded("The Uganda Wildlife Service accused villagers of poaching."), "ACCUSE")
    assert event.source is not None and event.source.text == "Uganda Wildlife Service"
    assert codes(event.source) == ("UGA", "GOV")


def test_a_national_body_sharing_an_international_name_is_the_state() -> None:
    event = only(coded("The Malian Human Rights Council accused the army of abuses."), "ACCUSE")
    assert codes(event.source) == ("MLI", "GOV")
    world = only(coded("The UN Human Rights Council accused the army of abuses."), "ACCUSE")
    assert world.source is not None and world.source.actor is not None
    assert world.source.actor.sector == "IGO"


def test_a_people_before_a_flat_compound_beats_the_articles_country() -> None:
    text = (
        "Government troops overran a Shan rebel base near the Thai border, "
        "Thai officials said on Friday."
    )
    event = coded(text)[0]
    assert event.target is not None and event.target.text == "Shan rebel"
    assert codes(event.target) == ("MMR", "REB")


def test_coordinated_nationalities_keep_the_phrase_and_the_first_country() -> None:
    events = coded("Canadian and Mexican farmers protested outside the embassy.")
    first, second = [e for e in events if e.event_type == "PROTEST"]
    assert first.source is not None and first.source.text == "Canadian and Mexican farmers"
    assert codes(first.source)[0] == "CAN"
    # the second nationality is a dyad of its own (``event_compounds``)
    assert second.source is not None and second.source.text == "Mexican"
    assert codes(second.source)[0] == "MEX"


def test_both_sides_after_a_pair_is_that_pair_acting_together() -> None:
    events = coded("Chile and Peru held talks in Lima. Both sides rejected the proposal.")
    event = only(events, "REJECT")
    assert event.reciprocal
    assert event.source is not None and event.source.text == "sides"
    assert codes(event.source) == ("CHL", "GOV")
    assert codes(event.target) == ("PER", "GOV")


def test_both_sides_with_no_pair_before_stays_unresolved() -> None:
    event = only(coded("Both sides rejected the proposal."), "REJECT")
    assert event.source is not None and event.source.actor is None
    assert not event.reciprocal


def test_coordinated_nationalities_that_clash_are_two_sides() -> None:
    event = only(coded("Eritrean and Ethiopian soldiers clashed near the border town."), "ASSAULT")
    assert event.reciprocal
    assert codes(event.source) == ("ERI", "MIL")
    assert event.target is not None and event.target.text == "Ethiopian"
    assert codes(event.target) == ("ETH", "MIL")


def test_coordinated_nationalities_meeting_are_two_sides() -> None:
    event = only(coded("The Kenyan and Tanzanian trade ministers met in Arusha."), "CONSULT")
    assert codes(event.source) == ("KEN", "GOV")
    assert codes(event.target) == ("TZA", "GOV")


def test_the_two_armies_after_a_pair_are_the_pairs_militaries() -> None:
    events = coded("Niger and Mali signed a security pact. The two armies will patrol together.")
    event = [e for e in events if e.source is not None and e.source.text == "armies"][0]
    assert event.reciprocal
    assert codes(event.source) == ("NER", "MIL")
    assert codes(event.target) == ("MLI", "MIL")


def test_expelled_diplomats_are_the_target_not_the_city_they_leave() -> None:
    events = coded("Mali expelled three Algerian diplomats from Bamako on Monday.")
    event = only(events, "SANCTION")
    assert event.target is not None and event.target.text == "Algerian diplomats"
    assert codes(event.target) == ("DZA", "GOV")


def test_a_quantifier_over_a_thing_is_no_target() -> None:
    events = coded("The World Food Programme halted some of its deliveries in Darfur on Friday.")
    assert all(e.target is None or e.target.text != "some" for e in events)
