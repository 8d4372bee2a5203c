"""Load on `dyad serve` (loopback) while an ingest writes; not part of the test suite.

    PYTHONPATH=src .venv/bin/python bench/load_test.py [--events 200000] [--seconds 60]
        [--clients 6] [--store /tmp/dyad-load.duckdb]

DuckDB lets one process write a file, and `dyad serve --token` holds it, so the ingest writes
through POST /api/ingest (the token's route) rather than a second `dyad ingest` process. Readers
cycle through /api/events, /api/aggregates and /api/events.geojson; prints requests/s, p50/p99
and errors per endpoint. Bounded: ``--seconds`` of load, loopback only.
"""

from __future__ import annotations

import argparse
import itertools
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import QUERIES, build_base, percentile, replicate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Aleppo", "Mosul", "Kharkiv", "Khartoum", "Goma", "Sanaa", "Kabul", "Tripoli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(f"{base}/api/stats", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("dyad serve did not start")


def _reader(base: str, stop: float, seed: int, results: dict[str, list[float]], errors: list[str]):
    requests = [(path, params) for path, many in QUERIES.items() for params in many]
    with httpx.Client(base_url=base, timeout=60) as client:
        for path, params in itertools.islice(itertools.cycle(requests), seed, None):
            if time.monotonic() >= stop:
                return
            started = time.perf_counter()
            try:
                answer = client.get(path, params=params)  # type: ignore[arg-type]
                if answer.status_code != 200:
                    errors.append(f"{path} {answer.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path} {type(exc).__name__}")
            results.setdefault(path, []).append(time.perf_counter() - started)


def _writer(base: str, token: str, stop: float, stored: list[int], errors: list[str]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
        for batch in itertools.count():
            if time.monotonic() >= stop:
                return
            articles = [
                {
                    "text": f"Police arrested {n + 3} protesters in {PLACES[n % 8]} on Friday,"
                    f" officials said (load batch {batch}, item {n}, {token[:4]}).",
                    "date": "2026-03-02",
                }
                for n in range(8)
            ]
            answer = client.post("/api/ingest", json={"articles": articles})
            if answer.status_code != 200:
                errors.append(f"/api/ingest {answer.status_code} {answer.text[:120]}")
            else:
                stored.append(int(answer.json()["stored"]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--store", type=Path, default=Path("/tmp/dyad-load.duckdb"))
    args = parser.parse_args()
    if not args.store.exists():
        base_store = args.store.with_suffix(".base.duckdb")
        base_store.unlink(missing_ok=True)
        build_base(base_store)
        replicate(base_store, args.store, args.events)
    token, port = secrets.token_urlsafe(16), _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "dyad"), "serve", "--store", str(args.store),
         "--port", str(port), "--token", token],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait(base, server)
        events_before = httpx.get(f"{base}/api/stats", timeout=60).json()["events"]
        stop = time.monotonic() + args.seconds
        results: dict[str, list[float]] = {}
        errors: list[str] = []
        stored: list[int] = []
        threads = [
            threading.Thread(target=_reader, args=(base, stop, n * 3, results, errors))
            for n in range(args.clients)
        ]
        threads.append(threading.Thread(target=_writer, args=(base, token, stop, stored, errors)))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        events_after = httpx.get(f"{base}/api/stats", timeout=60).json()["events"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(v) for v in results.values())
    print(f"store: {events_before:,} events before, {events_after:,} after;"
          f" {args.clients} readers + 1 writer for {elapsed:.1f} s")  # fmt: skip
    print(f"ingest: {sum(stored)} articles stored in {len(stored)} POST /api/ingest calls")
    print("| endpoint | requests | req/s | p50 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for path, times in sorted(results.items()):
        print(
            f"| {path} | {len(times)} | {len(times) / elapsed:.1f} |"
            f" {percentile(times, 0.5) * 1000:.0f} | {percentile(times, 0.99) * 1000:.0f} |"
        )
    print(f"| all reads | {total} | {total / elapsed:.1f} | | |")
    print(f"errors: {len(errors)} {sorted(set(errors))[:10]}")


if __name__ == "__main__":
    main()
