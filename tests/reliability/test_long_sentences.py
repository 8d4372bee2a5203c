"""Overlong sentences are cut before the parser, so one article's coding time stays bounded;
text with ordinary punctuation parses exactly as it would without the cut."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from spacy.tokens import Doc

from dyad.article import Article
from dyad.ingest.text import read_text_file
from dyad.nlp.long_sentences import COMPONENT, MAX_TOKENS
from dyad.nlp.model import load_nlp, parse
from dyad.pipeline import code_article

from .conftest import ROOT

CLAUSE = "rebels shelled the town near Aleppo"
NAMED = "Tom Barrack met Ahmed al-Sharaa in Damascus and the Syrian army attacked the SDF"


@contextmanager
def without_the_cut() -> Iterator[None]:
    nlp = load_nlp()
    nlp.disable_pipe(COMPONENT)
    try:
        yield
    finally:
        nlp.enable_pipe(COMPONENT)


def _sentence_lengths(doc: Doc) -> list[int]:
    return [len(sentence) for sentence in doc.sents]


@pytest.mark.parametrize("unit", ["word", CLAUSE, NAMED])
def test_no_sentence_is_longer_than_the_bound(unit: str) -> None:
    doc = parse(" ".join([unit] * (3000 // len(unit.split()))))
    assert len(doc) >= 2900
    assert max(_sentence_lengths(doc)) <= MAX_TOKENS


def test_without_the_cut_the_same_text_is_one_sentence() -> None:
    with without_the_cut():
        doc = parse(" ".join([CLAUSE] * 300))
    assert _sentence_lengths(doc) == [1800]  # what the cut is there to prevent


def test_cuts_fall_after_commas_where_there_are_some() -> None:
    text = ", ".join([CLAUSE] * 200)  # a comma every seven tokens, no full stop
    doc = parse(text)
    starts = [sentence.start for sentence in doc.sents][1:]
    assert starts
    assert all(doc[start - 1].text == "," for start in starts)
    assert max(_sentence_lengths(doc)) <= MAX_TOKENS


def test_cuts_fall_after_a_conjunction_when_there_is_no_comma() -> None:
    doc = parse(" and ".join([CLAUSE] * 200))
    starts = [sentence.start for sentence in doc.sents][1:]
    assert starts and all(doc[start - 1].lower_ == "and" for start in starts)
    assert max(_sentence_lengths(doc)) <= MAX_TOKENS


def _normal_texts() -> list[str]:
    paths = sorted((ROOT / "examples").glob("*.txt"))
    sample = ROOT.parent / "shared" / "samples" / "000_3966e904bfca8fb5.txt"
    articles = [read_text_file(p) for p in [*paths, sample] if p.exists()]
    return [a.text[a.body_start :] for a in articles]


def test_punctuated_news_parses_exactly_as_without_the_cut() -> None:
    texts = _normal_texts()
    assert len(texts) >= 20
    for text in texts:
        with_cut = parse(text)
        with without_the_cut():
            plain = parse(text)
        assert [s.start for s in with_cut.sents] == [s.start for s in plain.sents]
        assert [(t.head.i, t.dep_, t.tag_, t.ent_type_) for t in with_cut] == [
            (t.head.i, t.dep_, t.tag_, t.ent_type_) for t in plain
        ]


@pytest.mark.slow
def test_a_100k_character_unpunctuated_sentence_is_coded_in_bounded_time() -> None:
    text = " ".join([CLAUSE] * (100_000 // (len(CLAUSE) + 1) + 1))[:100_000]
    started = time.process_time()
    coded = code_article(Article(id="long", text=text, date="2025-11-19"))
    assert time.process_time() - started < 45  # without the cut: minutes (see the report)
    assert coded.events and all(e.sentence.end - e.sentence.start < 2_000 for e in coded.events)


def test_the_component_sits_before_the_parser() -> None:
    names = load_nlp().pipe_names
    assert names.index(COMPONENT) < names.index("parser")
