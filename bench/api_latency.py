"""API latency with a million events: p50/p99 of the main queries and the dashboard's first load.

    PYTHONPATH=src .venv/bin/python bench/api_latency.py [--events 1000000] [--out bench/out]

Codes examples/ (and the sample, when ../shared is there) once, replicates the rows with new ids
and dates spread over two years until the store holds ``--events`` events, then serves it with
uvicorn on loopback and times each query. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import uvicorn

from dyad.batch import ingest
from dyad.serve.api import create_app
from dyad.store.duckdb import DuckDBStore
from dyad.store.rows import TABLE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT / ".." / "shared" / "samples" / "000_3966e904bfca8fb5.txt"]
SPREAD_DAYS = 730

QUERIES: dict[str, list[dict[str, object]]] = {
    "/api/events": [
        {"limit": 100},
        {"limit": 100, "with_total": True},
        {"limit": 100, "event_type": "ASSAULT", "country": "SYR"},
        {"limit": 100, "date_from": "2026-03-01", "date_to": "2026-03-31"},
        {"limit": 100, "q": "strikes"},
        {"limit": 100, "bbox": "35,35,39,38"},
        {"limit": 500, "actor": "barrack"},
    ],
    "/api/aggregates": [
        {"by": "day", "group": "type"},
        {"by": "week", "group": "country"},
        {"by": "month", "group": "dyad", "event_type": "ASSAULT"},
        {"by": "day", "group": "type", "country": "UKR", "date_from": "2026-01-01"},
    ],
    "/api/events.geojson": [
        {"per": "place"},
        {"per": "place", "event_type": "ASSAULT"},
        {"limit": 1000},
        {"limit": 1000, "bbox": "30,30,45,40"},
    ],
}


def build_base(path: Path) -> None:
    with DuckDBStore(path) as store:
        report = ingest([str(s) for s in SOURCES if s.exists()], store)
    print(f"coded {report.coded} articles, {report.events} events", file=sys.stderr)


def _shifted(column: str) -> str:
    # ISO day dates move by the copy's offset; months, years and durations stay as they are.
    return (
        f"CASE WHEN length({column}) = 10 THEN strftime(CAST({column} AS DATE)"
        f" + CAST(r.i % {SPREAD_DAYS} AS INTEGER), '%Y-%m-%d') ELSE {column} END"
    )


def replicate(base: Path, target: Path, events: int) -> None:
    """Copies of the base rows with new ids (``id-N``) and dates shifted by N days."""
    with DuckDBStore(target):
        pass  # creates the schema
    con = duckdb.connect(str(target))
    con.execute(f"ATTACH '{base}' AS base (READ_ONLY)")
    per_copy = con.execute("SELECT count(*) FROM base.events").fetchone()[0]  # type: ignore[index]
    copies = -(-events // per_copy)
    for table, ids in (("articles", ("article_id",)), ("events", ("event_id", "article_id"))):
        columns = TABLE_COLUMNS[table]
        values = []
        for c in columns:
            if c in ids:
                values.append(f"{c} || '-' || r.i")
            elif c == "date":
                values.append(_shifted(c))
            else:
                values.append(f'"{c}"')
        con.execute(
            f"INSERT INTO {table} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)})"
            f" SELECT {', '.join(values)} FROM base.{table}, range({copies}) r(i)"
        )
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    con.close()
    print(f"replicated {copies} copies: {total:,} events", file=sys.stderr)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_queries(base_url: str, repeats: int) -> list[tuple[str, float, float, int]]:
    rows = []
    with httpx.Client(base_url=base_url, timeout=120) as client:
        for path, variants in QUERIES.items():
            timings: list[float] = []
            for params in variants:
                client.get(path, params=params).raise_for_status()  # warm the caches
                for _ in range(repeats):
                    start = time.perf_counter()
                    client.get(path, params=params).raise_for_status()
                    timings.append((time.perf_counter() - start) * 1000)
            rows.append((path, statistics.median(timings), percentile(timings, 0.99), len(timings)))
    return rows


def first_load(base_url: str, repeats: int) -> list[float]:
    """Milliseconds from navigation until the dashboard has drawn map, timeline and table."""
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(repeats):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(f"{base_url}/")
            page.wait_for_selector("body[data-ready=true]", timeout=120_000)
            times.append((time.perf_counter() - start) * 1000)
            context.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    base, big = args.out / "base.duckdb", args.out / f"events-{args.events}.duckdb"
    if not base.exists():
        build_base(base)
    if not big.exists():
        replicate(base, big, args.events)
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(big), None), host="127.0.0.1", port=8799, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = "http://127.0.0.1:8799"
    try:
        rows = time_queries(url, args.repeats)
        loads = first_load(url, 5)
    finally:
        server.should_exit = True
        thread.join()
    print("| endpoint | p50 ms | p99 ms | requests |")
    print("|---|---|---|---|")
    for path, p50, p99, n in rows:
        print(f"| {path} | {p50:.1f} | {p99:.1f} | {n} |")
    print(
        f"\ndashboard first load (ms, 5 runs): median {statistics.median(loads):.0f},"
        f" max {max(loads):.0f}"
    )


if __name__ == "__main__":
    main()
