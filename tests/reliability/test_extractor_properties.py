"""Invariants of code_article over arbitrary text: spans inside the text and equal to their slice,
dates valid ISO. Bounded example counts keep this fast."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.article import CodedArticle
from dyad.ingest.errors import IngestError
from dyad.ingest.text import article_from_text
from dyad.pipeline import code_article

WORDS = [
    "Rebels", "shelled", "Aleppo", "on", "Friday", "the", "army", "said", "Police", "arrested",
    "protesters", "in", "Kharkiv", "March", "3,", "2025", "yesterday", "\"We", "will", "fight,\"",
    "minister", "told", "Reuters.", "Hamas", "Israel", "attacked", "Gaza", "last", "week", "and",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
ANY_TEXT = st.text(min_size=1, max_size=400)
MIXED = st.lists(st.one_of(NEWSY, ANY_TEXT), min_size=1, max_size=4).map("\n".join)
HEADER = st.sampled_from(["", "date 2025-11-19\n\n", "date 2024-02-29\n"])
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every nested object with integer start/end, with where it sits."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield path, value
        for key, child in value.items():
            yield from _spans(child, f"{path}.{key}")
    elif isinstance(value, list):
        for n, child in enumerate(value):
            yield from _spans(child, f"{path}[{n}]")


# A TIMEX3 duration of a plausible length: "P3Y", "P1.5Y", "P2W", "PT6H", "PXY" (years, unknown).
_DURATION = re.compile(r"PT?(?:X|\d{1,3}(?:\.\d+)?)(?:Y|M|W|D|H|DE|CE|Q|S)")


def _valid_iso(value: str) -> bool:
    """An ISO 8601 calendar date, month, year or week that exists."""
    try:
        if len(value) == 4:
            return value.isdigit()
        if len(value) == 7 and value[4] == "-":
            dt.date.fromisoformat(value + "-01")
            return True
        if "W" in value:
            dt.date.fromisoformat(value + "-1" if len(value) == 8 else value)
            return True
        dt.date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


def _check(text: str, coded: CodedArticle) -> None:
    dump = coded.model_dump(mode="json")
    dump.pop("article")
    for where, span in _spans(dump):
        assert 0 <= span["start"] <= span["end"] <= len(text), where
        if "text" in span and isinstance(span["text"], str):
            assert span["text"] == text[span["start"] : span["end"]], where
    for date in coded.dates:
        for value in (date.value, date.end_value):
            if date.precision == "duration" and value is not None:
                assert _DURATION.fullmatch(value), (date.text, value)
                continue
            assert value is None or _valid_iso(value), (date.text, value)
    for event in coded.events:
        assert event.date is None or _valid_iso(event.date), event.date


@PROPERTY
@given(header=HEADER, body=NEWSY)
def test_spans_of_newsy_text_are_exact_slices(header: str, body: str) -> None:
    article = article_from_text(header + body, "prop")
    _check(article.text, code_article(article))


@PROPERTY
@given(header=HEADER, body=MIXED)
def test_spans_of_arbitrary_unicode_are_exact_slices(header: str, body: str) -> None:
    try:
        article = article_from_text(header + body, "prop")
    except IngestError:  # refused with a reason (empty, binary): nothing to code
        return
    _check(article.text, code_article(article))
