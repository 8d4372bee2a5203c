"""What every store does, run on each backend (a DuckDB file, a real PostgreSQL server):
idempotence, transactions, filters, injection attempts, round trips, schema versions."""

from __future__ import annotations

from typing import Any

import pytest

from dyad.article import Article, CodedArticle, DateMention, Event, Mention, Place, Quote
from dyad.store.base import MIGRATIONS, EventFilters, Store, StoreError
from dyad.store.rows import TABLE_COLUMNS, columns

Samples = list[tuple[Article, CodedArticle]]
CHILD_TABLES = ("events", "mentions", "places", "dates", "quotes", "errors")


def event_ids(events: list[dict]) -> set[str]:
    return {e["event_id"] for e in events}


def ids_of(samples: Samples, *event_types: str) -> set[str]:
    return {e.event_id for _, c in samples for e in c.events if e.event_type in event_types}


def table_counts(store: Any) -> dict[str, int]:
    stats = store.stats()
    return {t: stats[t] for t in ("articles", *CHILD_TABLES)}


def test_the_store_implements_the_store_protocol(store: Any) -> None:
    assert isinstance(store, Store)


def test_saving_an_article_again_stores_nothing_new(store: Any, samples: Samples) -> None:
    before = table_counts(store)
    assert [store.save(a, c) for a, c in samples] == [False, False, False]
    assert table_counts(store) == before
    assert before == {
        "articles": 3,
        "events": 4,
        "mentions": 1,
        "places": 2,
        "dates": 1,
        "quotes": 1,
        "errors": 2,  # one error and one warning of the same article
    }


def test_save_returns_true_only_the_first_time(make_store: Any, samples: Samples) -> None:
    article, coded = samples[0]
    store = make_store.open()
    assert store.save(article, coded) is True
    assert store.save(article, coded) is False


def test_save_many_skips_stored_and_repeated_articles(make_store: Any, samples: Samples) -> None:
    store = make_store.open()
    store.save(*samples[0])
    assert store.save_many([samples[0], samples[1], samples[1], samples[2]]) == 2
    assert store.stats()["events"] == 4


def test_a_failing_save_stores_nothing_of_the_article(make_store: Any, samples: Samples) -> None:
    article, coded = samples[0]
    # The second event reuses the first one's id: the primary key fails after rows were written.
    clash = coded.events[1].model_copy(update={"event_id": coded.events[0].event_id})
    broken = coded.model_copy(update={"events": [coded.events[0], clash]})
    store = make_store.open()
    with pytest.raises(StoreError, match="cannot save"):
        store.save(article, broken)
    assert not store.has_article(article.id)
    assert all(n == 0 for n in table_counts(store).values())
    assert store.save(article, coded) is True


def test_a_constraint_violation_in_a_child_rolls_back_the_article(
    make_store: Any, samples: Samples
) -> None:
    article, coded = samples[1]
    bad = coded.events[0].model_copy(update={"confidence": 1.7})
    store = make_store.open()
    with pytest.raises(StoreError):
        store.save(article, coded.model_copy(update={"events": [bad]}))
    assert store.get_article(article.id) is None
    assert store.stats()["errors"] == 0


def test_a_failing_batch_stores_none_of_its_articles(make_store: Any, samples: Samples) -> None:
    article, coded = samples[2]
    bad = coded.events[0].model_copy(update={"confidence": -0.1})
    broken = (article, coded.model_copy(update={"events": [bad]}))
    store = make_store.open()
    with pytest.raises(StoreError):
        store.save_many([samples[0], samples[1], broken])
    assert store.known_article_ids(a.id for a, _ in samples) == set()


def test_get_article_rebuilds_the_coded_article(store: Any, samples: Samples) -> None:
    for article, coded in samples:
        stored = store.get_article(article.id)
        assert stored is not None
        assert {k: stored[k] for k in CodedArticle.model_fields} == coded.model_dump(mode="json")
        assert stored["text"] == article.text
        assert stored["status"] == "ok"


def test_stored_events_validate_as_events(store: Any, samples: Samples) -> None:
    article, coded = samples[0]
    stored = store.get_article(article.id)
    assert stored is not None
    assert [Event.model_validate(e) for e in stored["events"]] == coded.events
    assert [Quote.model_validate(q) for q in stored["quotes"]] == coded.quotes


def test_get_article_of_an_unknown_id_is_none(store: Any) -> None:
    assert store.get_article("0000000000000000") is None


@pytest.mark.parametrize(
    ("filters", "expected_types"),
    [
        (EventFilters(), ("ASSAULT", "THREATEN", "CONSULT", "PROTEST")),
        (EventFilters(date_from="2026-01-09"), ("CONSULT", "PROTEST")),
        (EventFilters(date_to="2026-01-10"), ("ASSAULT", "THREATEN", "CONSULT")),
        (EventFilters(date_from="2026-01-10", date_to="2026-01-10"), ("CONSULT",)),
        (EventFilters(country="usa"), ("CONSULT",)),
        (EventFilters(country="SYR"), ("ASSAULT", "CONSULT")),  # actor country or place country
        (EventFilters(actor="barrack"), ("CONSULT",)),
        (EventFilters(actor="SYRIAN ARAB"), ("ASSAULT",)),  # resolved actor name
        (EventFilters(actor="kurdish"), ("CONSULT",)),  # unresolved target text
        (EventFilters(event_type="protest"), ("PROTEST",)),
        (EventFilters(event_type=("ASSAULT", "CONSULT")), ("ASSAULT", "CONSULT")),
        (EventFilters(text="additional strikes"), ("ASSAULT",)),  # trigger
        (EventFilters(text="TAX LAW"), ("PROTEST",)),  # sentence
        (EventFilters(text="meets kurdish"), ("CONSULT",)),  # article title
        (EventFilters(country="SYR", date_from="2026-01-09"), ("CONSULT",)),
    ],
)
def test_filters_select_the_matching_events(
    store: Any, samples: Samples, filters: EventFilters, expected_types: tuple[str, ...]
) -> None:
    assert event_ids(store.query_events(filters)) == ids_of(samples, *expected_types)
    assert store.count_events(filters) == len(ids_of(samples, *expected_types))


def test_article_id_filter_selects_one_article(store: Any, samples: Samples) -> None:
    article, coded = samples[0]
    events = store.query_events(EventFilters(article_id=article.id))
    assert event_ids(events) == {e.event_id for e in coded.events}


def test_an_event_without_a_date_is_filtered_by_its_article_date(
    store: Any, samples: Samples
) -> None:
    assert event_ids(store.query_events(EventFilters(date_from="2026-01-12"))) == ids_of(
        samples, "PROTEST"
    )


@pytest.mark.parametrize(
    "attack",
    [
        "x'; DROP TABLE events; --",
        "' OR '1'='1",
        "%",
        "_",
        "\\",
    ],
)
def test_filter_values_are_never_sql(store: Any, attack: str) -> None:
    for filters in (
        EventFilters(actor=attack),
        EventFilters(text=attack),
        EventFilters(country=attack),
        EventFilters(event_type=attack),
        EventFilters(article_id=attack),
    ):
        assert store.query_events(filters) == []
    assert store.stats()["events"] == 4


def test_an_invalid_date_filter_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="date_from must be an ISO date"):
        EventFilters(date_from="8 January")


def test_query_events_pages_newest_first(store: Any) -> None:
    first = store.query_events(EventFilters(), limit=2)
    second = store.query_events(EventFilters(), limit=2, offset=2)
    assert [e["event_type"] for e in first] == ["PROTEST", "CONSULT"]
    assert [e["event_type"] for e in second] == ["ASSAULT", "THREATEN"]


def test_iter_events_streams_every_match(store: Any, samples: Samples) -> None:
    events = list(store.iter_events(EventFilters(country="SYR")))
    assert event_ids(events) == ids_of(samples, "ASSAULT", "CONSULT")


def test_known_article_ids_returns_the_stored_subset(store: Any, samples: Samples) -> None:
    stored = [a.id for a, _ in samples]
    assert store.known_article_ids([*stored, "ffffffffffffffff"]) == set(stored)
    assert store.has_article(stored[0])
    assert not store.has_article("ffffffffffffffff")


def test_a_failure_is_recorded_once_per_origin_and_reason(make_store: Any) -> None:
    store = make_store.open()
    store.save_failure("abcdabcdabcdabcd", "feed.jsonl:7", "parse: text is empty")
    store.save_failure("abcdabcdabcdabcd", "feed.jsonl:7", "parse: text is empty")
    store.save_failure(None, "feed.jsonl:9", "invalid JSON")
    stats = store.stats()
    assert (stats["errors"], stats["articles_failed"], stats["articles_coded"]) == (2, 1, 0)
    failed = store.get_article("abcdabcdabcdabcd")
    assert failed is not None
    assert (failed["status"], failed["error"]) == ("error", "parse: text is empty")
    assert not store.has_article("abcdabcdabcdabcd")


def test_a_failed_article_coded_later_replaces_its_failure(
    make_store: Any, samples: Samples
) -> None:
    article, coded = samples[2]
    store = make_store.open()
    store.save_failure(article.id, "protest.txt", "nlp: timeout")
    assert store.save(article, coded) is True
    stored = store.get_article(article.id)
    assert stored is not None
    assert stored["status"] == "ok"
    assert [f["reason"] for f in stored["failures"]] == ["nlp: timeout"]


def test_a_failure_does_not_overwrite_a_coded_article(store: Any, samples: Samples) -> None:
    article = samples[0][0]
    store.save_failure(article.id, "syria.txt", "coded twice")
    assert store.has_article(article.id)
    assert store.stats()["events"] == 4


def test_stats_count_types_and_dates(store: Any) -> None:
    stats = store.stats()
    assert stats["events_by_type"] == {"ASSAULT": 1, "CONSULT": 1, "PROTEST": 1, "THREATEN": 1}
    assert (stats["first_date"], stats["last_date"]) == ("2026-01-08", "2026-01-12")
    assert stats["events_located"] == 2


def test_the_schema_has_a_column_for_every_field(store: Any) -> None:
    for table, model in [
        ("events", Event),
        ("quotes", Quote),
        ("mentions", Mention),
        ("places", Place),
        ("dates", DateMention),
    ]:
        assert {c for c, _ in columns(model)} <= set(TABLE_COLUMNS[table]), table
    for table, expected in TABLE_COLUMNS.items():
        rows = store.read(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = ? AND table_schema = current_schema()",
            [table],
        )
        assert {r["column_name"] for r in rows} == set(expected), table


def test_reopening_keeps_data_and_schema_version(make_store: Any, samples: Samples) -> None:
    writer = make_store.open()
    writer.save(*samples[0])
    writer.close()  # DuckDB allows one writer or many readers of a file at a time
    store = make_store.open(read_only=True)
    assert store.schema_version() == MIGRATIONS[-1].version
    assert store.has_article(samples[0][0].id)


def test_a_store_from_a_newer_dyad_is_refused(make_store: Any) -> None:
    make_store.open().close()
    make_store.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(StoreError, match="newer than this dyad"):
        make_store.open()


def test_an_unmigrated_store_cannot_be_opened_read_only(make_store: Any) -> None:
    make_store.execute("SELECT 1", name="empty")  # an existing, empty file or schema
    latest = MIGRATIONS[-1].version
    with pytest.raises(StoreError, match=f"needs migrating to version {latest}; open it writable"):
        make_store.open("empty", read_only=True)


def test_read_binds_parameters_and_returns_dicts(store: Any, samples: Samples) -> None:
    article = samples[1][0]
    rows = store.read(
        "SELECT article_id, title, 'a?%' AS literal FROM articles WHERE title LIKE ? ESCAPE '\\'",
        ["%Kurdish%"],
    )
    assert rows == [{"article_id": article.id, "title": article.title, "literal": "a?%"}]
