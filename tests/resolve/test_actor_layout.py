"""Wire datelines are where a story was filed, never an actor (team-written openings)."""

from __future__ import annotations

import pytest

from dyad.nlp.model import parse
from dyad.resolve.actor_layout import dateline_tokens


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "KYIV, Jan 12 (Reuters) - Russia launched drones overnight.",
            ["KYIV", "Jan", "12", "Reuters"],
        ),
        ("WASHINGTON (AP) _ The Senate voted on the bill.", ["WASHINGTON", "AP"]),
        ("MOMBASA, Kenya -- Police arrested ten dock workers.", ["MOMBASA", "Kenya"]),
        (
            "WEST PALM BEACH, Fla. (AP) -- A deputy was hurt.",
            ["WEST", "PALM", "BEACH", "Fla.", "AP"],
        ),
        ("PESHAWAR: The provincial government announced a curfew.", ["PESHAWAR"]),
        ("Kisumu, Kenya - Opposition supporters marched on Friday.", ["Kisumu", "Kenya"]),
        (
            "Kisumu, Kenya - Opposition supporters marched.\n\nNAIROBI -- Police said.",
            ["Kisumu", "Kenya", "NAIROBI"],
        ),
    ],
)
def test_dateline_forms_are_found(text: str, words: list[str]) -> None:
    doc = parse(text)
    assert [doc[i].text for i in sorted(dateline_tokens(doc))] == words


@pytest.mark.parametrize(
    "text",
    [
        "NATO said on Monday it would send more troops.",
        "Ethiopia, Eritrea and Sudan met in Addis Ababa.",
        "Iran and Israel - the two foes traded threats again.",
        "Port Elizabeth - Striking workers blocked the harbour road.",  # no region: too loose
        "President Ruto said the talks would resume.",
    ],
)
def test_an_opening_actor_is_no_dateline(text: str) -> None:
    assert dateline_tokens(parse(text)) == set()
