"""The trained event model: it loads, codes verbs no pattern names, leaves non-events alone,
never touches a sentence the patterns coded, and trains deterministically."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

import dyad.extract.event_model as event_model
from dyad.article import Article
from dyad.extract.event_model import (
    EventModel,
    EventModelMissingError,
    default_event_model,
    known_to_patterns,
    model_event,
    read_event_model,
    save_event_model,
    with_model_events,
)
from dyad.extract.event_model_data import LabelledSentence, examples_from
from dyad.extract.event_model_features import candidate_triggers
from dyad.extract.event_model_train import train
from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book
from dyad.nlp.model import parse, parse_many
from dyad.pipeline import code_article

# "blitz" is named by no pattern: only the model can code it.
UNSEEN_VERB = "Insurgents blitzed the army garrison with mortars on Monday."


def _model(threshold: float = 0.3) -> EventModel:
    return dataclasses.replace(default_event_model(), threshold=threshold)


def test_the_shipped_model_loads_with_its_labels_and_threshold() -> None:
    model = default_event_model()
    assert "NONE" in model.types and "ASSAULT" in model.types and len(model.types) == 17
    assert 0.0 < model.threshold < 1.0
    assert model.rule == "model:event-clf-1"
    assert set(model.roots_of_type["ASSAULT"]) <= set(model.roots)


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EventModelMissingError, match="event_model_train"):
        read_event_model(tmp_path / "event_model.npz")


def test_a_saved_model_reads_back_the_same(tmp_path: Path) -> None:
    model = default_event_model()
    save_event_model(model, tmp_path / "m.npz")
    again = read_event_model(tmp_path / "m.npz")
    assert again.types == model.types and again.threshold == model.threshold
    assert np.array_equal(again.type_head.dense, model.type_head.dense)


def test_an_unseen_verb_is_coded_by_the_model_with_its_rule_and_probability() -> None:
    doc = parse(UNSEEN_VERB)
    book = default_pattern_book()
    assert find_events(doc, book) == []  # no pattern names "blitz"
    triggers = candidate_triggers(next(iter(doc.sents)))
    assert [doc[t.verb].lemma_ for t in triggers] == ["blitz"]
    assert not known_to_patterns(doc[triggers[0].verb], book)
    event = model_event(doc, triggers, _model(), book)
    assert event is not None
    assert event.event_type == "ASSAULT"
    assert event.rule == "model:event-clf-1"
    assert doc[event.trigger_start].text == "blitzed"
    assert event.source is not None and doc[event.source].text == "Insurgents"
    assert event.target is not None and doc[event.target].text == "garrison"
    label, probability, _ = default_event_model().predict(triggers)[0]
    assert label == "ASSAULT" and event.confidence == round(probability, 2)


def test_the_model_event_goes_through_the_whole_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_model, "MODEL_ENABLED", True)
    monkeypatch.setattr(event_model, "default_event_model", lambda: _model())
    coded = code_article(Article(id="t", text=UNSEEN_VERB, date="2026-01-05"))
    assert [e.event_type for e in coded.events] == ["ASSAULT"]
    event = coded.events[0]
    assert event.rule.startswith("model:event-clf-1")
    assert event.source is not None and event.source.text == "Insurgents"


@pytest.mark.parametrize(
    "sentence",
    [
        "The company reported higher profits in the third quarter.",
        "Officials said the weather remained cold across the region.",
        "The central bank kept interest rates unchanged on Thursday.",
        "Thousands of fans celebrated the team's victory in the capital.",
    ],
)
def test_a_sentence_reporting_no_act_is_left_alone(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_model, "MODEL_ENABLED", True)
    monkeypatch.setattr(event_model, "default_event_model", lambda: _model(0.6))
    doc = parse(sentence)
    book = default_pattern_book()
    assert find_events(doc, book) == []
    assert with_model_events(doc, [], book) == []


def test_a_sentence_the_patterns_coded_is_not_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_model, "MODEL_ENABLED", True)
    monkeypatch.setattr(event_model, "default_event_model", lambda: _model(0.0))
    doc = parse("The army shelled the town. Insurgents blitzed the garrison.")
    book = default_pattern_book()
    found = find_events(doc, book)
    assert [e.event_type for e in found] == ["ASSAULT"]
    both = with_model_events(doc, found, book)
    assert both[0] == found[0]
    assert [e.rule for e in both[1:]] == ["model:event-clf-1"]  # only the second sentence


def test_a_verb_the_patterns_name_is_never_the_models() -> None:
    doc = parse("The government will fight corruption in the ports.")
    verb = next(t for t in doc if t.lemma_ == "fight")
    assert known_to_patterns(verb, default_pattern_book())


def test_training_is_deterministic() -> None:
    rows = [
        LabelledSentence("Rebels shelled the town on Monday.", "ASSAULT", "19", "t:1"),
        LabelledSentence("The two leaders met in Geneva.", "CONSULT", "04", "t:2"),
        LabelledSentence("Police arrested three protesters.", "COERCE", "17", "t:3"),
        LabelledSentence("The minister said the economy grew.", "NONE", None, "t:4"),
        LabelledSentence("Japan sent food aid to Haiti.", "AID", "07", "t:5"),
        LabelledSentence("The firm reported record sales.", "NONE", None, "t:6"),
    ]
    book = default_pattern_book()
    examples = list(examples_from(rows, parse_many(r.text for r in rows), book))
    assert {e.event_type for e in examples} >= {"ASSAULT", "CONSULT", "COERCE", "NONE"}
    first, second = train(examples, 0.5), train(examples, 0.5)
    assert first.types == second.types and first.roots == second.roots
    assert np.array_equal(first.type_head.sparse, second.type_head.sparse)
    assert np.array_equal(first.type_head.dense, second.type_head.dense)
    assert np.array_equal(first.root_head.bias, second.root_head.bias)
