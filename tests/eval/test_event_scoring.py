"""The event scorer on small hand-made gold/prediction cases with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.article import Actor, Event, Participant, SentenceSpan, TextSpan
from dyad.eval.cameo_plover import CameoMapping, load_cameo_plover
from dyad.eval.event_gold import GoldActor, GoldEvent, GoldSentence, gold_sentence
from dyad.eval.event_scoring import (
    MATCHING_RULES,
    NONE,
    PredEvent,
    align,
    pred_from_event,
    render_report,
    score_events,
)

TABLE_PATH = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
)

STRIKE = "The Syrian army shelled rebel positions in Aleppo on Thursday."
PROTEST = "Thousands of students marched in Khartoum to demand the release of detainees."
TALKS = "Turkey and Russia held talks in Ankara while Iran criticised Israel."


def _actor(text: str, phrase: str, country: str | None = None) -> GoldActor:
    start = text.index(phrase)
    return GoldActor(phrase, start, start + len(phrase), country=country)


def _gold() -> list[GoldSentence]:
    army = _actor(STRIKE, "The Syrian army", "SYR")
    rebels = _actor(STRIKE, "rebel positions", "SYR")
    students = _actor(PROTEST, "Thousands of students", "SDN")
    return [
        gold_sentence(
            "strike",
            STRIKE,
            [
                GoldEvent(
                    "ASSAULT",
                    "heavy-weapons",
                    cameo="194",
                    source=army,
                    target=rebels,
                    pentaclass=4,
                    sources=(army,),
                    targets=(rebels,),
                )
            ],
        ),
        gold_sentence(
            "protest",
            PROTEST,
            [GoldEvent("PROTEST", "demo", cameo="141", source=students, sources=(students,))],
        ),
    ]


def _pred(text: str, event_type: str, source: str | None = None, **kw: object) -> PredEvent:
    if source is None:
        return PredEvent(event_type, **kw)  # type: ignore[arg-type]
    start = text.index(source)
    return PredEvent(
        event_type,
        source_text=source,
        source_start=start,
        source_end=start + len(source),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def table() -> dict[str, CameoMapping]:
    return load_cameo_plover(TABLE_PATH)


def _perfect() -> dict[str, list[PredEvent]]:
    return {
        "strike": [
            PredEvent(
                "ASSAULT",
                "heavy-weapons",
                "194",
                "The Syrian army",
                0,
                15,
                "SYR",
                target_text="rebel positions",
                target_start=STRIKE.index("rebel"),
                target_end=STRIKE.index("rebel") + 15,
                target_country="SYR",
            )
        ],
        "protest": [_pred(PROTEST, "PROTEST", "Thousands of students", mode="demo", cameo="141")],
    }


def test_perfect_predictions_score_one_everywhere() -> None:
    metrics = score_events(_gold(), _perfect())
    assert metrics["micro"] | {} == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 2,
        "fp": 0,
        "fn": 0,
    }
    assert metrics["macro_f1"] == 1.0 and metrics["macro_f1_types"] == ["PROTEST", "ASSAULT"]
    assert metrics["sentence_type_accuracy"] == {"value": 1.0, "n": 2}
    assert metrics["mode_accuracy"]["value"] == 1.0
    assert metrics["cameo_root_accuracy"]["value"] == 1.0
    assert metrics["pentaclass_accuracy"] == {"value": 1.0, "n": 1}
    assert metrics["actors"]["source"]["exact"]["f1"] == 1.0
    assert metrics["actors"]["target"]["country_accuracy"]["value"] == 1.0


def test_a_wrong_type_lands_in_its_confusion_cell() -> None:
    preds = _perfect()
    preds["strike"] = [_pred(STRIKE, "PROTEST", "The Syrian army")]
    metrics = score_events(_gold(), preds)
    assert metrics["confusion"]["ASSAULT"]["PROTEST"] == 1
    assert metrics["confusion"]["ASSAULT"]["ASSAULT"] == 0
    assert metrics["micro"]["precision"] == 0.5 and metrics["micro"]["recall"] == 0.5
    assert metrics["per_type"]["PROTEST"]["precision"] == 0.5
    assert metrics["sentence_type_accuracy"]["value"] == 0.5


def test_a_missing_prediction_lowers_recall_only() -> None:
    preds = _perfect()
    del preds["protest"]
    metrics = score_events(_gold(), preds)
    assert metrics["micro"]["precision"] == 1.0 and metrics["micro"]["recall"] == 0.5
    assert metrics["confusion"]["PROTEST"][NONE] == 1
    assert metrics["sentence_type_accuracy"]["value"] == 0.5


def test_a_prediction_on_a_sentence_without_events_is_spurious() -> None:
    gold = [*_gold(), gold_sentence("quiet", "The weather in Geneva was mild on Monday.", [])]
    preds = _perfect() | {"quiet": [PredEvent("CONSULT")]}
    metrics = score_events(gold, preds)
    assert metrics["no_event_accuracy"] == {"value": 0.0, "n": 1}
    assert metrics["confusion"][NONE]["CONSULT"] == 1
    assert metrics["micro"]["fp"] == 1


def test_the_first_prediction_decides_sentence_accuracy() -> None:
    preds = _perfect()
    preds["protest"] = [PredEvent("ACCUSE"), *preds["protest"]]
    metrics = score_events(_gold(), preds)
    assert metrics["sentence_type_accuracy"]["value"] == 0.5
    assert metrics["sentence_any_type_accuracy"]["value"] == 1.0
    assert metrics["micro"]["tp"] == 2 and metrics["micro"]["fp"] == 1


def test_two_events_of_one_type_pair_by_actor_overlap() -> None:
    turkey, iran = _actor(TALKS, "Turkey", "TUR"), _actor(TALKS, "Iran", "IRN")
    gold = [
        GoldEvent("CONSULT", source=turkey, sources=(turkey,)),
        GoldEvent("ACCUSE", source=iran, sources=(iran,)),
        GoldEvent("CONSULT", source=iran, sources=(iran,)),
    ]
    preds = [_pred(TALKS, "CONSULT", "Iran"), _pred(TALKS, "CONSULT", "Turkey")]
    pairs = align(TALKS, gold, preds)
    assert sorted(pairs, key=lambda pair: pair[0] or 0) == [
        (0, 1, "match"),
        (1, None, "missed"),
        (2, 0, "match"),
    ]


def test_actor_spans_score_exact_and_token_overlap() -> None:
    preds = _perfect()
    preds["strike"] = [_pred(STRIKE, "ASSAULT", "Syrian army")]
    source = score_events(_gold(), preds)["actors"]["source"]
    assert source["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    # "Syrian army" vs "The Syrian army": token P 1, R 2/3 -> F1 0.8; the other pair scores 1.
    assert source["overlap"]["f1"] == pytest.approx((1 + 0.8) / 2)


def test_type_only_predictions_get_class_and_root_from_the_table(
    table: dict[str, CameoMapping],
) -> None:
    preds = {"strike": [PredEvent("ASSAULT")], "protest": [PredEvent("PROTEST")]}
    without = score_events(_gold(), preds)
    with_table = score_events(_gold(), preds, table=table)
    assert without["pentaclass_accuracy"]["value"] == 0.0
    assert with_table["pentaclass_accuracy"]["value"] == 1.0
    assert with_table["cameo_root_accuracy"] == {"value": 0.5, "n": 2}  # 180 vs 194; 140 vs 141


def test_report_is_text_with_the_matching_rules_and_json_serialisable() -> None:
    metrics = score_events(_gold(), _perfect(), label="hand-made")
    report = render_report(metrics)
    assert "Event scores hand-made" in report and MATCHING_RULES in report
    assert "confusion (rows gold, columns predicted)" in report
    assert json.loads(json.dumps(metrics))["micro"]["f1"] == 1.0


def test_pred_from_event_makes_offsets_sentence_relative() -> None:
    event = Event(
        event_id="e1",
        article_id="a1",
        event_type="ASSAULT",
        mode="heavy-weapons",
        cameo="194",
        confidence=0.9,
        trigger=TextSpan(text="shelled", start=116, end=123),
        source=Participant(
            text="The Syrian army", start=100, end=115, actor=Actor(country="SYR", sector="MIL")
        ),
        sentence=SentenceSpan(start=100, end=162),
        rule="test",
        coder="test",
    )
    pred = pred_from_event(event, offset=100)
    assert (pred.source_start, pred.source_end, pred.source_country, pred.source_sector) == (
        0,
        15,
        "SYR",
        "MIL",
    )
    assert pred.target_text is None
