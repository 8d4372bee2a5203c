"""One benchmark configuration, run in its own process so its memory is its own.

Usage: python bench/workload.py {parse|dyad|ray} WORKERS CORPUS_DIR OUT_JSONL
Prints one JSON object: articles, load_s (models, before the clock), and the wall-clock times
at which results arrived, summarised as total_s (start to last result) and steady_s (time for
the last half of the results: start-up excluded).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.article import Article
from dyad.ingest.sources import iter_articles

_NLP = None  # the plain spaCy model, loaded before the fork so parse workers share it


def _parse_one(text: str) -> int:
    return len(_NLP(text))  # type: ignore[misc]


def parse_results(folder: Path, workers: int) -> Iterator[str]:
    """spaCy's parse alone (en_core_web_sm, no dyad ruler) of each article's body."""
    bodies = (a.text[a.body_start :] for a in iter_articles([folder]) if isinstance(a, Article))
    if workers <= 1:
        for body in bodies:
            yield str(_parse_one(body))
        return
    with mp.get_context("fork").Pool(workers) as pool:
        for tokens in pool.imap(_parse_one, bodies, chunksize=4):
            yield str(tokens)


def dyad_results(folder: Path, workers: int) -> Iterator[str]:
    """dyad's local runner, as `dyad code --workers N` runs it (models load in each worker)."""
    from dyad.batch import code_stream
    from dyad.scale.article_parquet import coded_json

    for result in code_stream(iter_articles([folder]), workers):
        if not isinstance(result, tuple):
            raise SystemExit(f"ingest error in the corpus: {result}")
        yield coded_json(result[1])


def ray_results(folder: Path, workers: int) -> Iterator[str]:
    """The Ray runner in local mode (Ray start-up and per-actor model loading included)."""
    from dyad.scale.ray_runner import iter_coded_with_ray

    for _, line in iter_coded_with_ray([str(folder)], None, workers):
        yield line


def measure(results: Iterable[str], out: Path) -> dict[str, float | int]:
    """Drain ``results`` into ``out``, timing when each arrived."""
    start = time.perf_counter()
    stamps: list[float] = []
    with out.open("w", encoding="utf-8") as handle:
        for line in results:
            handle.write(line + "\n")
            stamps.append(time.perf_counter() - start)
    warm = len(stamps) // 2  # Ray hands results back in bursts: skip a wide start-up window
    return {
        "articles": len(stamps),
        "first_s": round(stamps[0], 3),
        "total_s": round(stamps[-1], 3),
        "steady_articles": len(stamps) - warm,
        "steady_s": round(stamps[-1] - stamps[warm - 1] if warm else stamps[-1], 3),
    }


def main() -> None:
    global _NLP
    kind, workers, folder, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    load_start = time.perf_counter()
    if kind == "parse":
        import spacy

        from dyad.nlp.model import MODEL_PACKAGE

        _NLP = spacy.load(MODEL_PACKAGE)
        results = parse_results(folder, workers)
    elif kind == "dyad":
        results = dyad_results(folder, workers)
    elif kind == "ray":
        results = ray_results(folder, workers)
    else:
        raise SystemExit(f"unknown workload {kind!r}")
    load_s = time.perf_counter() - load_start
    figures = {"kind": kind, "workers": workers, "load_s": round(load_s, 3)}
    print(json.dumps(figures | measure(results, out)), flush=True)


if __name__ == "__main__":
    main()
