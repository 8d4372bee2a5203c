"""Rates that do not involve coding: storing coded articles, and near-duplicate detection."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

from dyad.article import Article, CodedArticle
from dyad.ingest.sources import iter_articles

ROOT = Path(__file__).resolve().parents[1]
BATCH = 64  # the batch size dyad's ingest uses


def coded_pairs(corpus: Path, coded_jsonl: Path, limit: int) -> list[tuple[Article, CodedArticle]]:
    """(Article, CodedArticle) for the first ``limit`` articles, from a dyad run's JSON Lines."""
    coded = {}
    with coded_jsonl.open(encoding="utf-8") as handle:
        for line in handle:
            value = CodedArticle.model_validate_json(line)
            coded[value.article.id] = value
    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    return [(a, coded[a.id]) for a in articles[:limit]]


def _store_rate(store: Any, pairs: list[tuple[Article, CodedArticle]]) -> dict[str, float]:
    start = time.perf_counter()
    for at in range(0, len(pairs), BATCH):
        store.save_many(pairs[at : at + BATCH])
    seconds = time.perf_counter() - start
    events = sum(len(c.events) for _, c in pairs)
    return {
        "articles": len(pairs),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(pairs) / seconds, 1),
        "events_per_s": round(events / seconds, 1),
    }


def ingest_rate(url: str, pairs: list[tuple[Article, CodedArticle]]) -> dict[str, float]:
    """Articles stored per second into the (new, empty) store at ``url``, in ingest's batches."""
    from dyad.store.base import open_store

    with open_store(url) as store:
        return _store_rate(store, pairs)


def postgres_url() -> tuple[str | None, str]:
    """Start a throwaway, durable PostgreSQL with the project's script: (URL or None, why not)."""
    script = ROOT / "scripts" / "pg_test_server.sh"
    if not script.exists():
        return None, "no scripts/pg_test_server.sh"
    env = os.environ | {"DYAD_PG_DURABLE": "1"}
    done = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return None, done.stderr.strip()[-300:]
    return done.stdout.strip(), ""


def stop_postgres(url: str) -> None:
    """Stop and delete the cluster ``postgres_url`` started."""
    script = ROOT / "scripts" / "pg_test_server.sh"
    subprocess.run(["bash", str(script), "stop", url], capture_output=True, check=False)


def dedup_rate(corpus: Path) -> dict[str, float]:
    """Articles per second through the near-duplicate index, and how many it flagged."""
    from dyad.ingest.dedup import DuplicateIndex

    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    index = DuplicateIndex()
    start = time.perf_counter()
    flagged = sum(index.check_and_add(a) not in (None, a.id) for a in articles)
    seconds = time.perf_counter() - start
    return {
        "articles": len(articles),
        "flagged": flagged,
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(articles) / seconds, 1),
    }
