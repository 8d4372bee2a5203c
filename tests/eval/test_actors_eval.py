"""`dyad eval actors`: the Phoenix country slot, the split check and the sample's actor list."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval.actors import country_slot, evaluate_actors, evaluate_sample_actors

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SAMPLE_GOLD = SHARED / "samples" / "000_3966e904bfca8fb5.gold.json"


def test_country_slot_is_iso3_or_the_non_state_code() -> None:
    assert country_slot("SYR", "MIL") == "SYR"
    assert country_slot(None, "IGO") == "IGO"
    assert country_slot(None, "REB") is None


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="split"):
        evaluate_actors(SHARED / "eval" / "events", "train")


def test_every_actor_alias_of_the_sample_is_resolved_right() -> None:
    report = evaluate_sample_actors(SAMPLE_GOLD)
    wrong = [(r["alias"], r["wrong"]) for r in report["rows"] if r["wrong"]]
    assert wrong == []
    assert report["aliases_found"] == report["aliases"]
    he = [r for r in report["rows"] if r["alias"] in {"He", "he"}]
    assert he and all(r["mentions"] and r["right"] == r["mentions"] for r in he)
