"""A coding worker's start-up: models and data loaded, one article coded; time and memory.

Usage: python bench/startup.py   (DYAD_CACHE_DIR=off to build the gazetteer instead of reading it)
Prints one JSON object: seconds to load spaCy, seconds to warm the rest (knowledge base,
gazetteer, patterns) and the process's peak and current RSS in MB.
"""

from __future__ import annotations

import json
import time
from pathlib import Path


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    start = time.perf_counter()
    from dyad.nlp.model import load_nlp
    from dyad.pipeline import code_article
    from dyad.scale.ray_runner import ArticleCoder

    load_nlp()
    nlp_s = time.perf_counter() - start
    ArticleCoder()  # what every Ray actor does first: load_nlp() and one warm-up article
    from dyad.resolve.gazetteer import load_gazetteer

    gazetteer_start = time.perf_counter()
    load_gazetteer()  # already loaded by the warm-up: ~0 here; kept to show it is cached
    figures = {
        "spacy_load_s": round(nlp_s, 2),
        "warm_up_s": round(gazetteer_start - start - nlp_s, 2),
        "total_s": round(time.perf_counter() - start, 2),
        "peak_rss_mb": _status_mb("VmHWM"),
        "rss_mb": _status_mb("VmRSS"),
    }
    del code_article
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
