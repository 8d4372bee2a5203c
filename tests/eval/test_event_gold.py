"""The event gold readers against the real sets in ../shared/eval/events."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dyad.article import PLOVER_TYPES
from dyad.eval.cameo_gold import (
    NO_EVENT,
    rater_agreement,
    read_cameo_conflibert_annotations,
    read_conflibert_cameo_test,
    read_petr2_gsr_validation,
    read_petrarch_unittest,
)
from dyad.eval.cameo_plover import CameoMapping, load_cameo_plover, pentaclass_for_plover
from dyad.eval.event_gold import (
    GSR_TYPES,
    GoldSentence,
    dev_test_split,
    locate,
    pentaclass_for_gsr,
    read_plover_gsr,
    split_key_for,
    split_of,
    split_phoenix_code,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EVENTS = SHARED / "eval" / "events"


@pytest.fixture(scope="module")
def table() -> dict[str, CameoMapping]:
    return load_cameo_plover(SHARED / "reference" / "CAMEO2PLOVER-2021.txt")


@pytest.fixture(scope="module")
def gsr() -> list[GoldSentence]:
    return read_plover_gsr(EVENTS / "plover_gsr")


@pytest.fixture(scope="module")
def petr2(table: dict[str, CameoMapping]) -> list[GoldSentence]:
    return read_petr2_gsr_validation(EVENTS / "petr2_gsr_validation", table)


@pytest.fixture(scope="module")
def conflibert() -> list[GoldSentence]:
    return read_conflibert_cameo_test(EVENTS / "conflibert_cameo_test")


def _by_id(sentences: list[GoldSentence], sent_id: str) -> GoldSentence:
    return next(s for s in sentences if s.sent_id == sent_id)


def test_plover_gsr_has_322_sentences_with_unique_ids(gsr: list[GoldSentence]) -> None:
    assert len(gsr) == 322
    assert len({s.sent_id for s in gsr}) == 322  # the file repeats COERCE-0004


def test_plover_gsr_labels_are_mapped_to_the_16_types(gsr: list[GoldSentence]) -> None:
    types = Counter(e.event_type for s in gsr for e in s.events)
    assert set(types) <= set(PLOVER_TYPES)
    assert not set(types) & {"DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE"}
    assert types["REQUEST"] == 34 and types["ASSAULT"] == 15 + 17 and types["ACCUSE"] == 16 + 9


def test_plover_gsr_investigate_becomes_accuse_with_mode_investigate(
    gsr: list[GoldSentence],
) -> None:
    event = _by_id(gsr, "PLOVER-GSR01-INVESTIGATE-0003").events[0]
    assert (event.event_type, event.mode, event.original_label) == (
        "ACCUSE",
        "investigate",
        "INVESTIGATE",
    )


def test_plover_gsr_actor_has_span_country_and_sector(gsr: list[GoldSentence]) -> None:
    sentence = _by_id(gsr, "PLOVER-GSR01-AGREE-0001")
    event = sentence.events[0]
    assert event.source is not None and event.source.start is not None
    assert sentence.text[event.source.start : event.source.end] == "Hungarian"
    assert (event.source.country, event.source.sector) == ("HUN", "GOV")
    assert event.reciprocal and [a.country for a in event.sources] == ["HUN", "ROU"]


def test_plover_gsr_non_iso_country_codes_are_corrected(gsr: list[GoldSentence]) -> None:
    event = _by_id(gsr, "PLOVER-GSR01-AGREE-0002").events[0]
    assert event.target is not None and event.target.country == "JPN"
    assert event.source is not None and (event.source.country, event.source.sector) == (
        None,
        "IGO",
    )


def test_locate_bridges_an_ellipsis_in_the_actor_text() -> None:
    text = "U.S. and Chinese envoys meet again in Oslo next month."
    assert locate(text, "U.S. ... envoys") == (0, len("U.S. and Chinese envoys"))
    assert locate(text, "Chinese  envoys") == (9, 23)
    assert locate(text, "French envoys") is None


def test_gsr_pentaclass_agrees_with_the_cameo_table(table: dict[str, CameoMapping]) -> None:
    for label in ("AGREE", "DEMAND", "DISAPPROVE", "RETREAT", "SANCTION", "FIGHT", "COERCE"):
        event_type, mode = GSR_TYPES.get(label, (label, None))
        assert pentaclass_for_gsr(label) == pentaclass_for_plover(event_type, mode, table)


def test_petr2_has_78_sentences_80_codings_and_12_without_events(
    petr2: list[GoldSentence],
) -> None:
    assert len(petr2) == 78
    assert sum(len(s.events) for s in petr2) == 80
    assert sum(not s.events for s in petr2) == 12


def test_petr2_cameo_code_maps_to_plover_and_actors_split(petr2: list[GoldSentence]) -> None:
    sentence = _by_id(petr2, "AFP0808020625_4")
    assert sentence.text.startswith("The stopover came as the US leader")
    event = sentence.events[0]
    assert (event.cameo, event.event_type, event.mode, event.pentaclass) == (
        "042",
        "CONSULT",
        "visit",
        1,
    )
    assert event.source is not None and event.source.country == "USA"


def test_petr2_statements_keep_cameo_but_have_no_plover_type(petr2: list[GoldSentence]) -> None:
    statements = [e for s in petr2 for e in s.events if e.cameo and e.cameo.startswith("01")]
    assert statements and all(e.event_type is None and e.pentaclass == 0 for e in statements)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("SYRMIL", ("SYR", "MIL")),
        ("IGOUNO", (None, "IGO")),
        ("IGOUNOMIL", (None, "IGO")),
        ("---", (None, None)),
        ("---REB", (None, "REB")),
        ("USAGOVMIL", ("USA", "GOV")),
        ("PSEGZACVL", ("PSE", "CVL")),
        ("PSEGZA", ("PSE", None)),
        ("IMGMUSISI", (None, "IMG")),
    ],
)
def test_phoenix_codes_split_into_country_and_sector(
    code: str, expected: tuple[str | None, str | None]
) -> None:
    assert split_phoenix_code(code) == expected


def test_conflibert_test_has_451_sentences_with_pentaclass(
    conflibert: list[GoldSentence],
) -> None:
    assert len(conflibert) == 451
    classes = Counter(e.pentaclass for s in conflibert for e in s.events)
    assert classes == {3: 150, 4: 108, 1: 80, 2: 57, 0: 56}


def test_conflibert_bio_spans_become_actor_offsets(conflibert: list[GoldSentence]) -> None:
    sentence = conflibert[0]
    event = sentence.events[0]
    assert event.source is not None and event.target is not None
    assert event.source.text == "U.S. military chief General Colin Powell"
    assert sentence.text[event.target.start : event.target.end] == "NATO"


def test_rater_rounds_give_each_raters_cameo_roots() -> None:
    rated = read_cameo_conflibert_annotations(EVENTS / "cameo_conflibert_annotations")
    assert len(rated) == 200
    sentence = next(s for s in rated if s.sent_id == "cameo-167-r9")
    assert sentence.labels["3"] == ("11", "13")
    assert sentence.primary("4") == "12"
    assert "2" not in sentence.labels  # rater 2 did not complete this round
    quiet = next(s for s in rated if s.sent_id == "cameo-047-r7")
    assert {quiet.primary(r) for r in quiet.labels} == {NO_EVENT}


def test_rater_agreement_is_lower_on_event_sentences() -> None:
    rated = read_cameo_conflibert_annotations(EVENTS / "cameo_conflibert_annotations")
    everything = rater_agreement(rated)
    events = rater_agreement(rated, events_only=True)
    assert everything["sentences"] == 200 and 0 < events["sentences"] < 200
    assert events["majority_rate"] < everything["majority_rate"]


def test_petrarch_unittest_has_284_records(table: dict[str, CameoMapping]) -> None:
    records = read_petrarch_unittest(EVENTS / "petrarch_unittest", table)
    assert len(records) == 284
    assert records[0].events[0].cameo == "064"


def test_split_is_deterministic_and_roughly_even(gsr: list[GoldSentence]) -> None:
    dev, test = dev_test_split(gsr)
    assert len(dev) + len(test) == 322 and 0.4 < len(dev) / 322 < 0.6
    assert [s.sent_id for s in dev] == [s.sent_id for s in dev_test_split(gsr)[0]]


def test_same_sentence_in_two_sets_gets_the_same_split(
    gsr: list[GoldSentence], conflibert: list[GoldSentence]
) -> None:
    assert split_key_for("Moscow\u2019s  will") == split_key_for("moscow's will")
    splits = {s.split_key: split_of(s.split_key) for s in gsr}
    shared = [s for s in conflibert if s.split_key in splits]
    assert len(shared) > 200
    assert all(split_of(s.split_key) == splits[s.split_key] for s in shared)
