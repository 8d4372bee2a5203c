"""Save rate of the stores: synthetic coded articles (5 events, 4 mentions, 2 places, 1 date and
1 quote each) written with ``save_many`` in batches, into a new DuckDB file and/or PostgreSQL.

Usage: PYTHONPATH=src python bench/store_save_rate.py [--articles 1000] [--batch 200]
           [--postgres postgresql://...]   (an empty database or schema; tables are created)
Times are wall clock: a store's work happens partly in its server.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from dyad.article import (
    Actor,
    Article,
    ArticleInfo,
    CodedArticle,
    DateMention,
    Event,
    EventPlace,
    Mention,
    Participant,
    Place,
    Quote,
    SentenceSpan,
    TextSpan,
    article_id_for,
    stable_id,
)
from dyad.store.base import Store, open_store

SENTENCE = (
    "The Syrian army carried out strikes on the outskirts of Aleppo on Thursday, "
    "while the envoy met rebel leaders in Damascus to discuss a ceasefire. "
)
ARMY = Actor(id="syr-army", name="Syrian Arab Army", country="SYR", sector="MIL")
ENVOY = Actor(id="un-envoy", name="UN envoy", country="IGO", sector="IGO", kind="person")
ALEPPO = EventPlace(
    text="Aleppo",
    start=44,
    end=50,
    geonameid=170063,
    name="Aleppo",
    lat=36.20124,
    lon=37.16117,
    admin1="Aleppo",
    country="SYR",
    precision="city",
)
TYPES = ("ASSAULT", "CONSULT", "THREATEN", "ACCUSE", "AGREE")


def synthetic(number: int) -> tuple[Article, CodedArticle]:
    """One ~1,500-character article and its coding; ``number`` makes the text (and ids) unique."""
    text = f"date 2026-01-08\nReport {number}. " + SENTENCE * 10
    aid = article_id_for(text)
    events = []
    for i, event_type in enumerate(TYPES):
        base = 16 + len(f"Report {number}. ") + i * len(SENTENCE)
        events.append(
            Event(
                event_id=stable_id(aid, event_type, base),
                article_id=aid,
                event_type=event_type,
                confidence=0.8,
                trigger=TextSpan(text="carried out strikes", start=base + 16, end=base + 35),
                source=Participant(text="The Syrian army", start=base, end=base + 15, actor=ARMY),
                target=Participant(text="the envoy", start=base + 81, end=base + 90, actor=ENVOY),
                location=ALEPPO,
                date="2026-01-08",
                date_precision="day",
                date_text="on Thursday",
                sentence=SentenceSpan(start=base, end=base + len(SENTENCE) - 1),
                rule=f"bench:{event_type.lower()}",
                coder="dyad bench",
            )
        )
    mentions = [
        Mention(text="The Syrian army", start=16 + k, end=31 + k, actor=ARMY) for k in range(4)
    ]
    places = [
        Place(text="Aleppo", start=60, end=66, resolved=True, geonameid=170063, name="Aleppo"),
        Place(text="Damascus", start=120, end=128),
    ]
    dates = [DateMention(text="on Thursday", start=67, end=78, value="2026-01-08", precision="day")]
    quotes = [
        Quote(
            quote_id=stable_id(aid, "quote", 100),
            article_id=aid,
            start=100,
            end=160,
            text=text[100:160],
            kind="indirect",
            rule="bench:quote",
        )
    ]
    article = Article(id=aid, text=text, date="2026-01-08", body_start=16, origin=f"bench:{number}")
    coded = CodedArticle(
        article=ArticleInfo(id=aid, date="2026-01-08"),
        events=events,
        mentions=mentions,
        places=places,
        dates=dates,
        quotes=quotes,
        coder="dyad bench",
    )
    return article, coded


def save_rate(store: Store, items: list[tuple[Article, CodedArticle]], batch: int) -> float:
    """Articles per second saved into ``store`` in batches of ``batch``."""
    start = time.perf_counter()
    for first in range(0, len(items), batch):
        store.save_many(items[first : first + batch])
    elapsed = time.perf_counter() - start
    stats = store.stats()
    assert stats["articles"] == len(items) and stats["events"] == 5 * len(items), stats
    return len(items) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--postgres", help="postgresql:// URL of an empty database or schema")
    parser.add_argument("--no-duckdb", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    items = [synthetic(n) for n in range(args.articles)]
    urls: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_duckdb:
            urls.append(("duckdb", str(Path(tmp) / "bench.duckdb")))
        if args.postgres:
            urls.append(("postgresql", args.postgres))
        for name, url in urls:
            store = open_store(url)
            try:
                rate = save_rate(store, items, args.batch)
            finally:
                store.close()
            print(
                f"{name:<11} {rate:8.0f} articles/s  ({args.articles} articles x 5 events,"
                f" save_many batches of {args.batch})"
            )


if __name__ == "__main__":
    main()
