"""How ``dyad`` commands reach the store: the --store option, opening it with clear errors,
naming it in messages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from dyad.serve.cli_console import fail
from dyad.store.base import StoreError, open_store

StoreOpt = Annotated[str, typer.Option("--store", help="DuckDB file or postgresql:// URL.")]


def is_server_url(store: str) -> bool:
    return store.startswith(("postgresql://", "postgres://"))


def shown(store: str) -> str:
    """How a store is named in messages: a server URL never with its password."""
    if is_server_url(store):
        from dyad.store.postgres import describe_url

        return describe_url(store)
    return store


class open_for_command:
    """Open a store for a command; a bad URL or locked file is a clear error, not a traceback."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url, self.read_only = url, read_only

    def __enter__(self) -> Any:
        if self.read_only and not is_server_url(self.url) and not Path(self.url).exists():
            fail(f"no store at {self.url} (run `dyad ingest PATH --store {self.url}` first)")
        try:
            self.store = open_store(self.url, read_only=self.read_only)
        except StoreError as exc:
            fail(str(exc))
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()
