"""Throughput of near-duplicate detection on synthetic ~300-word articles, one in ten a wire copy.

Timings are CPU time of this process (robust to other load on the machine).
Usage: PYTHONPATH=src python bench/dedup_throughput.py [--articles 2000] [--words 300]
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from dyad.article import Article, article_id_for
from dyad.ingest.dedup import DuplicateIndex, signature


def synthetic_articles(count: int, words: int, seed: int = 7) -> list[Article]:
    """Random-vocabulary articles; every tenth copies an earlier one with its last 10% rewritten."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(20_000)]
    bodies: list[list[str]] = []
    for number in range(count):
        if number % 10 == 9:
            body = list(bodies[rng.randrange(len(bodies))])
            body[-words // 10 :] = rng.choices(vocabulary, k=words // 10)
        else:
            body = rng.choices(vocabulary, k=words)
        bodies.append(body)
    return [Article(id=article_id_for(" ".join(b)), text=" ".join(b)) for b in bodies]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    articles = synthetic_articles(args.articles, args.words)
    index = DuplicateIndex()
    start = time.process_time()
    flagged = [index.check_and_add(a) is not None for a in articles]
    elapsed = time.process_time() - start
    planted = [number % 10 == 9 for number in range(len(articles))]
    hits = sum(f and p for f, p in zip(flagged, planted, strict=True))
    start = time.process_time()
    stored = [(a.id, signature(a)) for a in articles]
    sig_elapsed = time.process_time() - start
    rebuilt = DuplicateIndex()
    start = time.process_time()
    for article_id, sig in stored:
        rebuilt.restore(article_id, sig, index.canonical(article_id))
    restore_elapsed = time.process_time() - start
    assert all(rebuilt.canonical(i) == index.canonical(i) for i, _ in stored)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)} of {args.words} words; copies planted: {len(articles) // 10}")
    print(f"check_and_add: {len(articles) / elapsed:,.0f} articles/s")
    recall = hits / sum(planted)
    print(f"flagged: {sum(flagged)}, of them planted copies: {hits} (recall {recall:.3f})")
    print(f"signature() alone: {len(articles) / sig_elapsed:,.0f} articles/s")
    print(f"restore from stored signatures: {len(articles) / restore_elapsed:,.0f} articles/s")
    print(f"peak RSS: {rss_mb:,.0f} MB")


if __name__ == "__main__":
    main()
