"""A store coded from examples/ and the sample article, and a real API server on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from dyad.batch import ingest
from dyad.ingest.text import article_from_text
from dyad.pipeline import code_article
from dyad.serve.api import create_app
from dyad.store.duckdb import DuckDBStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SAMPLE = ROOT / ".." / "shared" / "samples" / "000_3966e904bfca8fb5.txt"
TOKEN = "test-token-8d1c"

# Untrusted text as an attacker would post it: markup that must be shown, never run.
HOSTILE_TEXT = (
    "date 2026-01-09\n"
    '<script>window.__pwned = "script"</script>Rebels shelled '
    "<img src=x onerror=\"window.__pwned = 'img'\"> the centre of Aleppo on Friday, "
    "the Syrian army said."
)
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned = 'title'\">Hostile"


def hostile_article_id() -> str:
    return article_from_text(HOSTILE_TEXT, "hostile").id


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/, the sample and a hostile article, coded once per test session."""
    assert SAMPLE.exists(), f"sample article missing: {SAMPLE}"
    path = tmp_path_factory.mktemp("serve") / "dyad.duckdb"
    with DuckDBStore(path) as store:
        report = ingest([str(EXAMPLES), str(SAMPLE)], store)
        assert report.failed == 0, report.failures
        hostile = article_from_text(HOSTILE_TEXT, "hostile", title=HOSTILE_TITLE)
        store.save(hostile, code_article(hostile))
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(coded_store: Path) -> Iterator[str]:
    """The API over the coded store, writes allowed with TOKEN."""
    with running(create_app(str(coded_store), TOKEN)) as url:
        yield url


@pytest.fixture(scope="session")
def write_token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def serve_app() -> object:
    """The ``running`` context manager, for tests that need a server of their own."""
    return running


@pytest.fixture(scope="session")
def sample_id() -> str:
    return article_from_text(SAMPLE.read_text(encoding="utf-8"), "sample").id


@pytest.fixture(scope="session")
def hostile_id() -> str:
    return hostile_article_id()
