"""Schema version 2 on each backend: signatures, wire copies, and multi-source event clusters."""

from __future__ import annotations

import io
import json
from typing import Any

from tests.store.conftest import CODER, StoreMaker, make_event, participant, span, store_at_version

from dyad.article import (
    Actor,
    Article,
    ArticleInfo,
    CodedArticle,
    EventPlace,
    SentenceSpan,
    article_id_for,
)
from dyad.ingest.dedup import signature
from dyad.store.base import MIGRATIONS, EventFilters
from dyad.store.clusters import event_clusters
from dyad.store.export import export_clusters, export_events

Samples = list[tuple[Article, CodedArticle]]

# Two outlets' own wording of one strike: same day, type, actors and place, different text.
REUTERS = (
    "date 2026-02-03\n"
    "Russian forces struck the Kharkiv power plant overnight, Ukrainian officials said on Tuesday."
)
AFP = (
    "date 2026-02-03\n"
    "A Russian missile attack hit a power station in Kharkiv on Tuesday, leaving thousands"
    " without heat, the regional governor said."
)
RUSSIA = Actor(id="rus-mil", name="Russian Armed Forces", country="RUS", sector="MIL")
KHARKIV = {"geonameid": 706483, "name": "Kharkiv", "lat": 49.98081, "lon": 36.25272}


def strike_article(text: str, trigger: str, attacker: str) -> tuple[Article, CodedArticle]:
    aid = article_id_for(text)
    article = Article(id=aid, text=text, date="2026-02-03", body_start=16, origin=f"{aid}.txt")
    start, end = span(text, "Kharkiv")
    event = make_event(
        aid,
        text,
        trigger,
        "ASSAULT",
        source=participant(text, attacker, RUSSIA),
        location=EventPlace(text="Kharkiv", start=start, end=end, country="UKR", **KHARKIV),
        date="2026-02-03",
        date_precision="day",
        sentence=SentenceSpan(start=16, end=len(text)),
    )
    coded = CodedArticle(
        article=ArticleInfo(id=aid, date="2026-02-03"), events=[event], coder=CODER
    )
    return article, coded


def wire_copy(article: Article, outlet: str) -> Article:
    text = article.text + f" ({outlet})"
    return Article(
        id=article_id_for(text),
        text=text,
        date=article.date,
        body_start=article.body_start,
        title=f"Copy in {outlet}",
        url=f"https://{outlet}.example/story",
        source=outlet,
        origin=f"{outlet}.jsonl:3",
    )


def test_a_version_1_store_upgrades_in_place(make_store: StoreMaker, samples: Samples) -> None:
    make_store.execute(store_at_version(1))
    store = make_store.open()
    assert store.schema_version() == MIGRATIONS[-1].version
    assert store.save(*samples[0])
    assert store.save_duplicate(wire_copy(samples[0][0], "wire"), samples[0][0].id)
    assert [a.id for a in store.unsigned_articles()] == [samples[0][0].id]


def test_a_copy_is_recorded_once_and_listed_with_its_article(store: Any, samples: Samples) -> None:
    original = samples[0][0]
    copy = wire_copy(original, "herald")
    assert store.save_duplicate(copy, original.id, 0.93) is True
    assert store.save_duplicate(copy, original.id) is False
    (listed,) = store.get_article(original.id)["copies"]
    assert {k: listed[k] for k in ("article_id", "source", "url", "origin", "similarity")} == {
        "article_id": copy.id,
        "source": "herald",
        "url": "https://herald.example/story",
        "origin": "herald.jsonl:3",
        "similarity": 0.93,
    }
    assert store.get_article(samples[1][0].id)["copies"] == []
    assert store.get_article(copy.id) is None
    assert not store.has_article(copy.id)


def test_signatures_replay_in_saved_order_then_copies(store: Any, samples: Samples) -> None:
    rows = [(a.id, signature(a), a.id) for a, _ in samples]
    store.save_signatures(rows)
    store.save_signatures(rows[:1])  # stored once
    copy = wire_copy(samples[0][0], "post")
    store.save_duplicate(copy, samples[0][0].id)
    assert list(store.signatures()) == [*rows, (copy.id, None, samples[0][0].id)]
    assert list(store.unsigned_articles()) == []


def test_duplicate_groups_list_articles_with_most_copies_first(
    store: Any, samples: Samples
) -> None:
    first, second = samples[0][0], samples[1][0]
    for outlet in ("a", "b"):
        store.save_duplicate(wire_copy(first, outlet), first.id)
    store.save_duplicate(wire_copy(second, "c"), second.id)
    groups = store.duplicate_groups()
    assert [(g["canonical_id"], len(g["copies"])) for g in groups] == [
        (first.id, 2),
        (second.id, 1),
    ]
    assert groups[1]["title"] == "US envoy meets Kurdish leaders"
    assert store.copy_counts() == {first.id: 2, second.id: 1}


def test_two_articles_reporting_one_event_make_one_cluster(make_store: StoreMaker) -> None:
    store = make_store.open()
    store.save(*strike_article(REUTERS, "struck", "Russian forces"))
    store.save(*strike_article(AFP, "hit", "A Russian missile attack"))
    (cluster,) = event_clusters(store, EventFilters())
    assert (cluster["source_count"], cluster["articles"], cluster["events"]) == (2, 2, 2)
    assert (cluster["source_key"], cluster["location_key"]) == ("RUS:MIL", "706483")
    assert {cluster["first_article"], cluster["last_article"]} == {
        article_id_for(REUTERS),
        article_id_for(AFP),
    }


def test_wire_copies_count_as_sources_of_a_cluster(make_store: StoreMaker) -> None:
    store = make_store.open()
    article, coded = strike_article(REUTERS, "struck", "Russian forces")
    store.save(article, coded)
    store.save_duplicate(wire_copy(article, "daily"), article.id)
    (cluster,) = event_clusters(store, EventFilters())
    assert (cluster["articles"], cluster["copies"], cluster["source_count"]) == (1, 1, 2)
    assert event_clusters(store, EventFilters(), min_sources=3) == []


def test_different_events_stay_in_different_clusters(store: Any) -> None:
    clusters = event_clusters(store, EventFilters())
    assert len(clusters) == 4  # the samples' four events differ in type, day or actors
    assert {c["source_count"] for c in clusters} == {1}
    assert len(event_clusters(store, EventFilters(event_type=("CONSULT",)))) == 1


def test_exports_carry_copy_counts_and_clusters(store: Any, samples: Samples) -> None:
    original = samples[1][0]
    store.save_duplicate(wire_copy(original, "gazette"), original.id)
    out = io.BytesIO()
    export_events(store, EventFilters(), "jsonl", out)
    copies = {e["article_id"]: e["copies"] for e in map(json.loads, out.getvalue().splitlines())}
    assert copies[original.id] == 1 and copies[samples[0][0].id] == 0
    out = io.BytesIO()
    assert export_clusters(store, EventFilters(), "csv", out) == 4
    header, *rows = out.getvalue().decode("utf-8").splitlines()
    assert header.startswith("cluster_id,date,event_type") and len(rows) == 4


def test_a_batch_of_copies_counts_each_new_copy_once(store: Any, samples: Samples) -> None:
    original = samples[0][0]
    first, second = wire_copy(original, "one"), wire_copy(original, "two")
    store.save_duplicate(first, original.id)
    batch = [(first, original.id, None), (second, original.id, 0.9), (second, original.id, None)]
    assert store.save_duplicates(batch) == 1
    assert [c["article_id"] for c in store.copies_of(original.id)] == [first.id, second.id]
