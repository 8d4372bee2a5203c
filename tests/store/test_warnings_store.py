"""Warnings (coded, but worth knowing) kept apart from errors (not coded) in the store, and the
upgrade of a version 3 store whose warnings were error rows starting with "warning: "."""

from __future__ import annotations

from typing import Any

from tests.store.conftest import StoreMaker, store_at_version

from dyad.article import Article, ArticleInfo, CodedArticle
from dyad.batch import article_warnings
from dyad.pipeline import code_article
from dyad.store.base import MIGRATIONS

UNDATED = Article(
    id="undated",
    text="Protesters marched through the capital on Friday, demanding the minister resign.",
    date=None,
    origin="feeds/undated.txt",
)


def test_an_undated_article_is_coded_with_a_warning_not_an_error() -> None:
    coded = code_article(UNDATED)
    assert coded.errors == []
    assert coded.warnings == ["article has no date; events carry no date (precision 'reported')"]
    assert coded.events  # coded all the same
    assert article_warnings(UNDATED, coded) == [
        "feeds/undated.txt: article has no date; events carry no date (precision 'reported')"
    ]


def test_warnings_and_errors_round_trip_apart(make_store: StoreMaker) -> None:
    store: Any = make_store.open()
    coded = CodedArticle(
        article=ArticleInfo(id="mixed"),
        errors=["not coded: language is 'de', dyad codes English only"],
        warnings=["article has no date; events carry no date (precision 'reported')"],
        coder="test",
    )
    store.save(Article(id="mixed", text="Die Armee griff an."), coded)
    stored = store.get_article("mixed")
    assert stored["errors"] == coded.errors
    assert stored["warnings"] == coded.warnings


def test_a_version_3_store_turns_prefixed_errors_into_warnings(make_store: StoreMaker) -> None:
    make_store.execute(
        store_at_version(3)
        + "INSERT INTO articles (article_id, date_source, text, coded_at, status)"
        " VALUES ('old', 'none', 'The army shelled the town.', TIMESTAMP '2026-01-05 00:00:00',"
        " 'ok');"
        + "INSERT INTO errors (error_id, article_id, ordinal, origin, reason, recorded_at) VALUES"
        " ('w', 'old', 0, NULL, 'warning: article has no date', TIMESTAMP '2026-01-05 00:00:00'),"
        " ('e', 'old', 1, NULL, 'dates: could not resolve it', TIMESTAMP '2026-01-05 00:00:00'),"
        " ('f', NULL, NULL, 'a.warc', 'truncated gzip', TIMESTAMP '2026-01-05 00:00:00');"
    )
    upgraded: Any = make_store.open()
    assert upgraded.schema_version() == MIGRATIONS[-1].version
    stored = upgraded.get_article("old")
    assert stored["warnings"] == ["article has no date"]
    assert stored["errors"] == ["dates: could not resolve it"]
    severities = upgraded.read("SELECT error_id, severity FROM errors ORDER BY error_id", [])
    assert [(r["error_id"], r["severity"]) for r in severities] == [
        ("e", "error"),
        ("f", "error"),
        ("w", "warning"),
    ]
