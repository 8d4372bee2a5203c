"""What only DuckDBStore does: stay offline, open by path or duckdb:// URL.

The behaviours every store shares (idempotence, transactions, filters, round trips) are in
test_store_contract.py, run on DuckDB and PostgreSQL alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store.base import open_store
from dyad.store.duckdb import DuckDBStore


def test_duckdb_never_installs_extensions(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        setting = store._con.execute("SELECT current_setting('autoinstall_known_extensions')")
        assert setting.fetchone() == (False,)


@pytest.mark.parametrize("url", ["{dir}/a.duckdb", "duckdb://{dir}/a.duckdb"])
def test_open_store_opens_duckdb_paths_and_urls(tmp_path: Path, url: str) -> None:
    store = open_store(url.format(dir=tmp_path))
    assert isinstance(store, DuckDBStore)
    store.close()
    assert (tmp_path / "a.duckdb").exists()
