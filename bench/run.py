"""Throughput of dyad's full pipeline next to spaCy's parse alone, on the same texts, same run.

Usage: python bench/run.py [--repeat N] [PATH ...]   (default: examples/ and the sample article)
Writes bench/out/latest.json and prints a table; see bench/RESULTS.md for recorded figures.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import time
from pathlib import Path

import spacy

from dyad.article import Article
from dyad.ingest.sources import iter_articles
from dyad.nlp.model import MODEL_PACKAGE, load_nlp
from dyad.pipeline import code_article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [
    ROOT / "examples",
    ROOT / ".." / "shared" / "samples" / "000_3966e904bfca8fb5.txt",
]


def _articles(paths: list[Path]) -> list[Article]:
    return [a for a in iter_articles(paths) if isinstance(a, Article)]


def _time(label: str, work: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles = _articles(args.paths)
    bodies = [a.text[a.body_start :] for a in articles]
    words = sum(len(b.split()) for b in bodies)
    baseline_nlp = spacy.load(MODEL_PACKAGE)
    load_nlp()
    code_article(articles[0])  # warm every cache (KB, gazetteer, patterns) before timing

    parse_s = _time("parse", lambda: [baseline_nlp(b) for b in bodies], args.repeat)
    dyad_s = _time("dyad", lambda: [code_article(a) for a in articles], args.repeat)
    result = {
        "machine": f"{platform.node()} {platform.machine()} {platform.processor() or ''}".strip(),
        "articles": len(articles),
        "words": words,
        "repeat": args.repeat,
        "spacy_parse_s": round(parse_s, 3),
        "dyad_code_s": round(dyad_s, 3),
        "spacy_articles_per_s": round(len(articles) / parse_s, 1),
        "dyad_articles_per_s": round(len(articles) / dyad_s, 1),
        "ratio_dyad_to_parse": round(dyad_s / parse_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    for key, value in result.items():
        print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
