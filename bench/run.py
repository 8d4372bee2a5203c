"""dyad's benchmarks, one command: python bench/run.py [--articles 2000] [--postgres] [--no-ray]

Coding rate and peak memory for `dyad code` on 1 and 2 workers and on Ray, each next to spaCy's
parse alone of the same texts in the same run; worker start-up with and without the gazetteer
cache; ingest rate into DuckDB (and PostgreSQL with --postgres); near-duplicate detection rate.
Every configuration runs in its own process. Writes bench/out/latest.json (RESULTS.md: figures).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus import build_corpus, corpus_words
from memory import run_and_watch
from stores import coded_pairs, dedup_rate, ingest_rate, postgres_url, stop_postgres

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
ENV = os.environ | {
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    "RAY_USAGE_STATS_ENABLED": "0",
}


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    model = next(
        (ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if "model name" in ln), "?"
    )
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
    ram_gb = int(meminfo[meminfo.index("MemTotal:") + 1]) / 2**20
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gb": round(ram_gb, 1),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
    }


def workload(kind: str, workers: int, corpus: Path, scratch: Path) -> dict[str, Any]:
    """Run one configuration in its own process; its timings plus its process tree's usage."""
    out = scratch / f"{kind}-{workers}-{corpus.name}.jsonl"
    command = [
        sys.executable,
        str(BENCH / "workload.py"),
        kind,
        str(workers),
        str(corpus),
        str(out),
    ]
    stdout, usage = run_and_watch(command, ENV)
    figures: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    figures |= {
        "articles_per_s": round(figures["steady_articles"] / figures["steady_s"], 2),
        "end_to_end_articles_per_s": round(figures["articles"] / figures["total_s"], 2),
        "peak_process_rss_mb": round(usage.peak_process_rss_mb),
        "peak_total_rss_mb": round(usage.peak_total_rss_mb),
        "processes": usage.processes,
        "cpu_s": round(usage.total_cpu_s, 1),
        "output": str(out),
    }
    print(f"  {kind} x{workers} on {corpus.name}: {figures}", file=sys.stderr, flush=True)
    return figures


def startup(cache: bool) -> dict[str, Any]:
    """One worker's start-up, reading the gazetteer cache or building the index."""
    env = ENV if cache else ENV | {"DYAD_CACHE_DIR": "off"}
    stdout, _ = run_and_watch([sys.executable, str(BENCH / "startup.py")], env)
    return dict(json.loads(stdout.strip().splitlines()[-1]))


def ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="size of the large corpus")
    parser.add_argument("--postgres", action="store_true", help="also time a PostgreSQL store")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray runner")
    args = parser.parse_args()
    small_size = max(args.articles // 4, 100)
    result: dict[str, Any] = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M")}
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as folder:
        scratch = Path(folder)
        large = build_corpus(args.articles, scratch / f"corpus{args.articles}")
        small = build_corpus(small_size, scratch / f"corpus{small_size}")
        result["corpus"] = {"articles": args.articles, "words": corpus_words(large)}

        print("worker start-up", file=sys.stderr)
        startup(cache=True)  # makes sure the cache file exists
        result["startup"] = {"gazetteer_built": startup(cache=False), "cached": startup(True)}

        print("coding", file=sys.stderr)
        runs = {
            "parse_1": workload("parse", 1, large, scratch),
            "dyad_1": workload("dyad", 1, large, scratch),
            "parse_2": workload("parse", 2, large, scratch),
            "dyad_2": workload("dyad", 2, large, scratch),
        }
        if not args.no_ray:
            runs["ray_2"] = workload("ray", 2, large, scratch)
        runs["dyad_1_small"] = workload("dyad", 1, small, scratch)
        runs["dyad_2_small"] = workload("dyad", 2, small, scratch)
        result["runs"] = runs
        rate = {name: run["articles_per_s"] for name, run in runs.items()}
        result["headline"] = {
            "dyad_over_parse_1_worker": ratio(rate["parse_1"], rate["dyad_1"]),
            "dyad_over_parse_2_workers": ratio(rate["parse_2"], rate["dyad_2"]),
            "speedup_2_workers": ratio(rate["dyad_2"], rate["dyad_1"]),
            "parse_speedup_2_processes": ratio(rate["parse_2"], rate["parse_1"]),
            "peak_rss_growth_1_worker": ratio(
                runs["dyad_1"]["peak_process_rss_mb"], runs["dyad_1_small"]["peak_process_rss_mb"]
            ),
            "peak_rss_growth_2_workers": ratio(
                runs["dyad_2"]["peak_total_rss_mb"], runs["dyad_2_small"]["peak_total_rss_mb"]
            ),
        }
        if "ray_2" in runs:
            result["headline"]["ray_over_parse_2"] = ratio(rate["parse_2"], rate["ray_2"])

        print("stores and dedup", file=sys.stderr)
        pairs = coded_pairs(large, Path(runs["dyad_1"]["output"]), limit=1000)
        result["ingest"] = {"duckdb": ingest_rate(str(scratch / "bench.duckdb"), pairs)}
        if args.postgres:
            url, why = postgres_url()
            try:
                result["ingest"]["postgresql"] = (
                    ingest_rate(url, pairs) if url else {"skipped": why}
                )
            finally:
                if url:
                    stop_postgres(url)
        result["dedup"] = dedup_rate(large)
    result["machine"]["load_average_at_end"] = os.getloadavg()
    out = BENCH / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result["headline"], indent=2))


if __name__ == "__main__":
    main()
