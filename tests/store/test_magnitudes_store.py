"""Reported figures (Event.fatalities, .injured, .size) in the store, the exports, and the
upgrade of a version 2 store (events stored before keep null figures)."""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.store.conftest import StoreMaker, make_event, store_at_version

from dyad.article import Article, ArticleInfo, CodedArticle, Magnitude, SentenceSpan
from dyad.store.base import MIGRATIONS, EventFilters
from dyad.store.export import export_events

TEXT = (
    "date 2026-02-03\n"
    "Government forces killed at least 12 people in an air strike on Saraqeb on Tuesday, "
    "and dozens were wounded."
)


def figure(phrase: str, value: int, qualifier: str | None, rule: str) -> Magnitude:
    start = TEXT.index(phrase)
    return Magnitude(
        value=value,
        qualifier=qualifier,
        text=phrase,
        start=start,
        end=start + len(phrase),
        rule=rule,
    )


def deadly_article() -> tuple[Article, CodedArticle]:
    article = Article(id="deadly", text=TEXT, date="2026-02-03", body_start=16)
    event = make_event(
        article.id,
        TEXT,
        "killed",
        "ASSAULT",
        sentence=SentenceSpan(start=16, end=len(TEXT)),
        fatalities=figure("at least 12 people", 12, "at least", "object:kill"),
        injured=figure("dozens", 12, "vague", "object:wound"),
    )
    coded = CodedArticle(
        article=ArticleInfo(id=article.id, date=article.date), events=[event], coder="test"
    )
    return article, coded


def test_figures_round_trip_through_the_store(make_store: StoreMaker) -> None:
    store = make_store.open()
    article, coded = deadly_article()
    store.save(article, coded)
    expected = coded.events[0].model_dump(mode="json")
    (stored,) = store.get_article(article.id)["events"]
    assert stored["fatalities"] == expected["fatalities"]
    assert stored["injured"] == expected["injured"]
    assert stored["size"] is None
    (listed,) = list(store.iter_events(EventFilters()))
    assert listed["fatalities"]["value"] == 12
    assert TEXT[listed["fatalities"]["start"] : listed["fatalities"]["end"]] == "at least 12 people"


def test_csv_export_has_one_column_per_figure_field(make_store: StoreMaker) -> None:
    store = make_store.open()
    store.save(*deadly_article())
    out = io.BytesIO()
    export_events(store, EventFilters(), "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().decode("utf-8")))
    assert (row["fatalities_value"], row["fatalities_qualifier"]) == ("12", "at least")
    assert (row["injured_value"], row["injured_qualifier"]) == ("12", "vague")
    assert row["size_value"] == ""


def test_a_version_2_store_gains_the_figure_columns(make_store: StoreMaker) -> None:
    make_store.execute(
        store_at_version(2)
        + "INSERT INTO articles (article_id, date, date_source, text, coded_at, status)"
        " VALUES ('old', '2026-01-05', 'article', 'The army shelled the town.',"
        " TIMESTAMP '2026-01-05 00:00:00', 'ok');"
        + "INSERT INTO events (event_id, article_id, ordinal, event_type, reciprocal, confidence,"
        " trigger_text, trigger_start, trigger_end, date_precision, sentence_start, sentence_end,"
        " rule, coder) VALUES ('e1', 'old', 0, 'ASSAULT', false, 0.8, 'shelled', 9, 16,"
        " 'reported', 0, 26, 'test', 'dyad 0.0');"
    )
    upgraded: Any = make_store.open()
    assert upgraded.schema_version() == MIGRATIONS[-1].version
    (old,) = upgraded.get_article("old")["events"]
    assert old["trigger"]["text"] == "shelled"
    assert (old["fatalities"], old["injured"], old["size"]) == (None, None, None)
    upgraded.save(*deadly_article())
    (new,) = upgraded.get_article("deadly")["events"]
    assert new["fatalities"]["value"] == 12
