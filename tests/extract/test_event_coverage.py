"""Coverage of wire-service wordings: every sentence in fixtures/event_coverage.tsv, coded by the
real parser and dyad's patterns, must yield its PLOVER type (and CAMEO root) as the first event."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import pytest

from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book
from dyad.nlp.model import parse_many

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "event_coverage.tsv"


class Case(NamedTuple):
    line: int
    event_type: str
    cameo_root: str
    sentence: str


def _cases() -> list[Case]:
    cases = []
    for number, raw in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        event_type, root, sentence = raw.split("\t")
        cases.append(Case(number, event_type, root, sentence))
    return cases


CASES = _cases()


@functools.cache
def _coded() -> dict[str, list[tuple[str, str | None]]]:
    """Every fixture sentence parsed in one batch: (type, CAMEO code) of each event, in order."""
    book = default_pattern_book()
    sentences = [c.sentence for c in CASES]
    return {
        text: [(e.event_type, e.cameo) for e in find_events(doc, book)]
        for text, doc in zip(sentences, parse_many(sentences), strict=True)
    }


def test_the_fixture_is_well_formed_and_covers_every_type() -> None:
    types = {c.event_type for c in CASES}
    assert len(CASES) > 300
    assert len(types) == 17  # the 16 PLOVER types and NONE
    assert all(
        c.cameo_root == "" or (len(c.cameo_root) == 2 and c.cameo_root.isdigit()) for c in CASES
    )


@pytest.mark.parametrize("case", CASES, ids=[f"line{c.line}-{c.event_type}" for c in CASES])
def test_sentence_is_coded_with_its_type_and_cameo_root(case: Case) -> None:
    events = _coded()[case.sentence]
    if case.event_type == "NONE":
        assert events == [], case.sentence
        return
    assert events, f"no event: {case.sentence}"
    event_type, cameo = events[0]
    assert event_type == case.event_type, (case.sentence, events)
    if case.cameo_root:
        assert (cameo or "")[:2] == case.cameo_root, (case.sentence, events)
