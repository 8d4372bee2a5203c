"""Actor coverage on news sentences the team wrote: country and sector of one mention each.

The fixture (tests/fixtures/actor_coverage.tsv) spans seats of power, IGOs and NGOs, armed
groups of current conflicts, heads of government, sector nouns with nationality adjectives,
possessors, place-of-origin modifiers and pronouns; it is written for 2025-2026 news and shares
no sentence with any evaluation set. An optional fifth column dates archive sentences (YYYY-MM-DD,
or "none" for an undated sentence): earlier office holders and armed groups resolve to the role
they held on that date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest

from dyad.nlp.model import parse
from dyad.resolve.actor_kb import load_actor_kb
from dyad.resolve.actors import ActorResolver

FIXTURE = Path(__file__).parent.parent / "fixtures" / "actor_coverage.tsv"
ARTICLE_DATE = date(2026, 1, 15)


class Case(NamedTuple):
    text: str
    word: str
    nth: int
    country: str | None
    sector: str | None
    on: date | None = ARTICLE_DATE


def _article_date(column: str) -> date | None:
    """The fifth column: an archive sentence's date, or None for "none" (undated)."""
    return None if column == "none" else date.fromisoformat(column)


def read_cases() -> list[Case]:
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line]
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    cases = []
    for text, head, country, sector, *dated in rows:
        word, _, nth = head.partition("@")
        on = _article_date(dated[0]) if dated else ARTICLE_DATE
        cases.append(
            Case(
                text,
                word,
                int(nth or 0),
                None if country == "-" else country,
                None if sector == "-" else sector,
                on,
            )
        )
    return cases


CASES = read_cases()


def test_the_fixture_has_about_a_hundred_and_fifty_varied_cases() -> None:
    assert len(CASES) >= 150
    assert len({c.country for c in CASES}) >= 60
    assert len({c.sector for c in CASES}) >= 15


def test_archive_cases_cover_dated_and_undated_sentences() -> None:
    dated = [c for c in CASES if c.on not in (ARTICLE_DATE, None)]
    assert len(dated) >= 40 and min(c.on for c in dated if c.on) < date(2000, 1, 1)
    assert sum(c.on is None for c in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[f"{c.word}:{c.text[:40]}" for c in CASES])
def test_mention_resolves_to_country_and_sector(case: Case) -> None:
    resolver = ActorResolver(parse(case.text), 0, load_actor_kb(), case.on)
    resolver.resolve_all()
    heads = [t.i for t in resolver.doc if t.text == case.word]
    assert len(heads) > case.nth, f"no token {case.word!r} in the sentence"
    actor = resolver.mention_for(heads[case.nth]).actor
    assert actor is not None, f"{case.word!r} unresolved"
    assert (actor.country, actor.sector) == (case.country, case.sector), actor.resolved_by
