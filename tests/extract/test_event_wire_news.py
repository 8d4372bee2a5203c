"""Wire-news wordings that are no political event, or whose act the sentence names beside
another: sports results, household violence, acts talked about, a trigger phrase with "of"."""

from __future__ import annotations

from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book
from dyad.nlp.model import parse


def coded(sentence: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.cameo) for e in find_events(parse(sentence), default_pattern_book())]


def test_a_score_or_a_match_makes_beating_a_win() -> None:
    assert coded("Liverpool beat Manchester United 3-1 at Anfield on Sunday.") == []
    assert coded("The home side hammered the visitors in the derby.") == []
    assert coded("Riot police beat fans outside the stadium after the match.")[0][0] == "ASSAULT"


def test_a_margin_of_wickets_or_votes_is_a_win() -> None:
    assert coded("Pakistan thrashed Sri Lanka by nine wickets.") == []
    assert coded("The mayor defeated the challenger in the runoff by 4,000 votes.") == []


def test_a_fight_towards_an_aim_of_ones_own_is_an_effort() -> None:
    assert coded("Surgeons fought to save the footballer after he collapsed.") == []
    assert coded("Rebels fought to take control of the airport.")[0][0] == "ASSAULT"


def test_violence_within_a_household_is_private_crime() -> None:
    assert coded("A 52-year-old man shot his wife at their home, police said.") == []
    assert coded("Police officers beat his son outside the family home.")[0][0] == "ASSAULT"


def test_a_formal_charge_is_legal_action_and_a_critics_charge_an_accusation() -> None:
    assert coded("Prosecutors charged the former governor with money laundering.") == [
        ("COERCE", "173")
    ]
    assert coded("Opposition leaders charged the government with rigging the vote.") == [
        ("ACCUSE", "1121")
    ]
    assert coded("The rebels charged that the army had shelled a refugee camp.")[0][0] == "ACCUSE"


def test_admitting_a_fact_is_a_statement_but_admitting_defeat_a_concession() -> None:
    assert coded("The central bank admitted that inflation had been underestimated.") == []
    assert coded("The ruling party's candidate admitted defeat on Sunday.")[0][0] == "CONCEDE"


def test_a_step_in_a_lawsuit_is_no_new_lawsuit() -> None:
    assert coded("The airline lost its lawsuit against the pilots' union.") == []
    assert coded("Residents filed a lawsuit against the mining company.") == [("ACCUSE", "115")]


def test_a_refusal_takes_the_code_of_the_act_refused() -> None:
    assert coded("The junta refused to free the detained journalists.") == [("REJECT", "1243")]
    assert coded("Beijing refused to lift sanctions on the firms.") == [("REJECT", "1244")]
    assert coded("The regime declined to lift the curfew.") == [("REJECT", "1241")]


def test_a_trigger_phrase_with_of_is_no_side_mention() -> None:
    found = coded(
        "Hours after gunmen stormed a police station, the governor declared a state of emergency."
    )
    assert ("COERCE", "1724") in found


def test_an_act_that_is_only_talked_about_is_no_event() -> None:
    assert coded("The foreign ministers discussed the sanctions against Belarus.") == [
        ("CONSULT", "040")
    ]


def test_a_warning_of_hardship_is_a_forecast_and_of_sanctions_a_threat() -> None:
    assert coded("The World Food Programme warned that millions faced starvation.") == []
    assert coded("The EU warned that the junta would face fresh sanctions.")[0][0] == "THREATEN"
