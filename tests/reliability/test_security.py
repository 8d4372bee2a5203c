"""Filters cannot inject SQL, sizes are bounded, and secrets never reach logs or CLI output."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from dyad.batch import ingest
from dyad.serve.api import create_app
from dyad.store.duckdb import DuckDBStore

from .conftest import ROOT, run_env
from .test_crash_safety import write_articles

DYAD = str(ROOT / ".venv" / "bin" / "dyad")
TOKEN = "tok-5f1e9a-never-logged"
PAYLOADS = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    "1) UNION SELECT * FROM articles --",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "x' AND (SELECT count(*) FROM errors) > 0 --",
    "Aleppo'/**/OR/**/1=1",
    "\u0000",
]
EVENT_FILTERS = ["country", "admin1", "actor", "source", "target", "event_type", "mode", "q"]
EVENT_FILTERS += ["bbox", "article_id", "date_from", "date_to"]
READ_ENDPOINTS = {
    "/api/events": [*EVENT_FILTERS, "cursor"],
    "/api/events.geojson": [*EVENT_FILTERS, "per", "cursor"],
    "/api/aggregates": [*EVENT_FILTERS, "by", "group"],
    "/api/quotes": ["speaker", "actor", "q", "article_id", "kind", "cursor"],
    "/api/actors": ["q", "country", "sector", "cursor"],
    "/api/places": ["q", "country", "cursor"],
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sec")
    write_articles(folder / "in", 12)
    with DuckDBStore(folder / "dyad.duckdb") as store:
        assert ingest([str(folder / "in")], store).coded == 12
    return folder / "dyad.duckdb"


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(store_path), TOKEN)) as test_client:
        yield test_client


def _found(body: object) -> int:
    if isinstance(body, dict):
        for key in ("items", "features"):
            if key in body:
                return len(body[key])
        if "series" in body:
            return sum(sum(s.get("counts", [])) for s in body["series"])
    return 0


def test_sql_injection_in_every_filter_is_refused_or_finds_nothing(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    tried = 0
    for endpoint, params in READ_ENDPOINTS.items():
        for param in params:
            for payload in PAYLOADS:
                answer = client.get(endpoint, params={param: payload})
                tried += 1
                where = f"{endpoint}?{param}={payload!r}"
                assert answer.status_code < 500, where
                if answer.status_code == 200:
                    assert _found(answer.json()) == 0, f"{where} matched rows"
                else:
                    assert 400 <= answer.status_code < 500, where
    assert tried == sum(len(p) for p in READ_ENDPOINTS.values()) * len(PAYLOADS)
    assert client.get("/api/stats").json() == stats


def test_oversize_inputs_are_refused(client: TestClient) -> None:
    assert client.get("/api/events", params={"q": "a" * 10_000}).status_code == 422
    assert client.get("/api/events", params={"limit": 10**9}).status_code == 422
    huge = {"text": "Rebels shelled Aleppo. " * 400_000}
    assert client.post("/api/code", json=huge).status_code in {413, 422}
    many = {"articles": [{"text": "Rebels shelled Aleppo."}] * 5000}
    answer = client.post("/api/ingest", json=many, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code in {413, 422}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_the_token_never_appears_in_server_logs(store_path: Path, tmp_path: Path) -> None:
    port = _free_port()
    log, db = tmp_path / "serve.log", tmp_path / "copy.duckdb"
    shutil.copy(store_path, db)  # the module's TestClient holds the original's lock
    with log.open("w") as sink:
        server = subprocess.Popen(
            [DYAD, "serve", "--store", str(db), "--port", str(port), "--token", TOKEN],
            env=run_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/api/stats", timeout=2)
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and server.poll() is None, log.read_text()
                    time.sleep(0.2)
            body = {"articles": [{"text": "Police arrested ten protesters in Basra on Friday."}]}
            for token in (TOKEN, TOKEN + "x"):
                httpx.post(
                    f"{base}/api/ingest",
                    json=body,
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=60,
                )
            httpx.get(f"{base}/api/events", params={"q": "x"}, timeout=10)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text()
    assert "/api/ingest" in text  # the access log was captured
    assert TOKEN not in text


def test_a_postgres_password_never_appears_in_cli_output() -> None:
    password = "pw-Zq81-secret"
    url = f"postgresql://dyad:{password}@127.0.0.1:9/dyad"
    for args in (["stats", "--store", url], ["events", "--store", url]):
        run = subprocess.run(
            [DYAD, *args], capture_output=True, text=True, env=run_env(), timeout=120
        )
        assert run.returncode != 0
        assert password not in run.stdout + run.stderr, args
