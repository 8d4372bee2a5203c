"""Geo gold readers on the real corpora in ../shared, and the scorers on small inputs."""

import json
import re
from pathlib import Path

import pytest

from dyad.eval.geo import (
    GeoGoldDoc,
    GoldToponym,
    read_event_location,
    read_geovirus,
    read_geowebnews,
    read_lgl,
    score_recognition,
    score_resolution,
)
from dyad.resolve.gazetteer import Candidate

GEO = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "geo"


def test_lgl_has_588_documents_with_offsets_matching_text() -> None:
    docs = read_lgl(GEO / "lgl" / "lgl.xml")
    assert len(docs) == 588
    assert sum(len(d.toponyms) for d in docs) == 5088
    assert all(d.text[t.start : t.end] == t.name for d in docs for t in d.toponyms)


def test_geovirus_has_229_documents_with_corrected_offsets() -> None:
    docs = read_geovirus(GEO / "geovirus" / "GeoVirus.xml")
    assert len(docs) == 229
    assert sum(len(d.toponyms) for d in docs) == 2170
    assert all(d.text[t.start : t.end] == t.name for d in docs for t in d.toponyms)


def test_geowebnews_has_200_documents_and_2601_geocoded_toponyms() -> None:
    docs = read_geowebnews(GEO / "geowebnews" / "GWN.xml")
    assert len(docs) == 200
    assert sum(len(d.toponyms) for d in docs) == 2601
    assert all(t.lat is not None for d in docs for t in d.toponyms)


def test_event_location_examples_have_valid_trigger_spans() -> None:
    examples = read_event_location(GEO / "event_location_dev" / "labeled_text_dev.jsonl")
    assert len(examples) > 5000
    assert all(0 <= e.trigger[0] < e.trigger[1] <= len(e.text) for e in examples)
    located = [e for e in examples if e.location is not None]
    assert located and all(e.location[1] > e.location[0] for e in located)


def _doc(spans: list[tuple[int, int]]) -> GeoGoldDoc:
    text = "Shelling hit Aleppo and Idlib overnight."
    return GeoGoldDoc("d1", text, [GoldToponym(s, e, text[s:e], 0.0, 0.0, None) for s, e in spans])


def test_recognition_exact_and_overlap_scores() -> None:
    gold = [_doc([(13, 19), (24, 29)])]
    scores = score_recognition(gold, {"d1": [(13, 19), (20, 29)]})
    assert (scores["exact"].tp, scores["exact"].fp, scores["exact"].fn) == (1, 1, 1)
    assert scores["overlap"].f1 == 1.0


def _candidate(lat: float, lon: float, geonameid: int | None) -> Candidate:
    return Candidate(geonameid, "X", lat, lon, "SYR", None, 0, "city", "PPL", None, "geonames")


def test_resolution_scores_count_unresolved_as_misses() -> None:
    aleppo = GoldToponym(0, 6, "Aleppo", 36.20124, 37.16117, 170063)
    idlib = GoldToponym(0, 5, "Idlib", 35.93, 36.63, 169389)
    pairs = [(aleppo, _candidate(36.21, 37.17, 170063)), (idlib, None)]
    report = score_resolution(pairs)
    assert report["acc@161km"] == pytest.approx(0.5)
    assert report["exact_geonameid"] == pytest.approx(0.5)
    assert report["coverage"] == pytest.approx(0.5)


def test_dev_test_split_is_deterministic_and_alternating() -> None:
    from dyad.eval.places import split_ids

    assert split_ids(["b", "a", "c", "d"]) == {"a": "dev", "b": "test", "c": "dev", "d": "test"}


def test_event_linking_counts_right_wrong_and_missing_links(tmp_path: Path) -> None:
    from dyad.eval.places import evaluate_event_linking

    text = "The army shelled villages near Aleppo on Monday, Syria's state media said."
    record = {
        "text": text,
        "spans": [
            {"start": 9, "end": 16, "token_start": 2, "token_end": 2, "label": "VERB"},
            {"start": 31, "end": 37, "token_start": 5, "token_end": 5, "label": "LOCATION"},
        ],
        "tokens": [],
        "_id": "x1",
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_event_linking(path)
    assert report["all"]["linking"]["tp"] == 1  # type: ignore[index]
    assert report["all"]["linking"]["f1"] == 1.0  # type: ignore[index]


def test_event_linking_counts_a_link_to_any_of_the_gold_locations(tmp_path: Path) -> None:
    from dyad.eval.places import evaluate_event_linking

    text = "Rebels killed two soldiers in Idlib and three in Hama on Monday."
    verb = {"start": 7, "end": 13, "token_start": 1, "token_end": 1, "label": "VERB"}
    idlib = {"start": 30, "end": 35, "token_start": 5, "token_end": 5, "label": "LOCATION"}
    hama = {"start": 49, "end": 53, "token_start": 9, "token_end": 9, "label": "LOCATION"}
    path = tmp_path / "gold.jsonl"
    # the linker picks Idlib; the gold lists Hama first and Idlib second
    record = {"text": text, "spans": [verb, hama, idlib], "tokens": [], "_id": "x2"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_event_linking(path)
    assert report["all"]["linking"]["tp"] == 1  # type: ignore[index]
    assert report["all"]["linking"]["fp"] == 0  # type: ignore[index]


def test_event_location_spans_with_stray_offsets_take_their_tokens_offsets() -> None:
    from dyad.eval.geo import _span

    text = "Gunmen opened fire in Las Vegas late on Sunday."
    tokens = [{"start": m.start(), "end": m.end()} for m in re.finditer(r"\S+", text)]
    stray = {"start": 3, "end": 4, "token_start": 4, "token_end": 5, "text": "Las Vegas"}
    assert _span({"text": text, "tokens": tokens}, stray) == (22, 31)
    lines = (GEO / "event_location_dev" / "labeled_text_dev.jsonl").read_text(encoding="utf-8")
    named = [
        (record, span)
        for record in map(json.loads, lines.splitlines()[:3000])
        for span in record.get("spans") or []
        if span.get("text") and span["label"] == "LOCATION"
    ]
    assert len(named) > 100
    for record, span in named:
        found = _span(record, span)
        assert found is not None and record["text"][found[0] : found[1]] == span["text"]
