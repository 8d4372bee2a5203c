"""A per-user cache of built indexes (the gazetteer), keyed by everything they are built from.

Building the gazetteer from its JSON/CSV/TSV sources takes ~7 s and peaks at ~550 MB per process;
reading the pickled index back takes ~1.5 s and ~130 MB. The file lives under
``$DYAD_CACHE_DIR`` (default ``$XDG_CACHE_HOME/dyad`` or ``~/.cache/dyad``); ``DYAD_CACHE_DIR=off``
disables it. Any change to a source file, to the building code or to Python's version changes
the key, so a stale index is never read; a cache that cannot be read or written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = 1  # bump when the pickled layout changes without a source change
_HASHED_BELOW = 4_000_000  # bytes: smaller files are keyed by content, larger by size and mtime


def cache_dir() -> Path | None:
    """Where cached indexes live; None when caching is switched off."""
    configured = os.environ.get("DYAD_CACHE_DIR")
    if configured is not None:
        return None if configured.lower() in {"", "off", "0", "none"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyad"


def cache_key(sources: Iterable[Path]) -> str:
    """A digest of the sources (content, or size and mtime for big files) and the Python version."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version_info[:2]}".encode())
    for path in sources:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}".encode())
        if stat.st_size < _HASHED_BELOW:
            digest.update(path.read_bytes())
        else:
            digest.update(str(stat.st_mtime_ns).encode())
    return digest.hexdigest()[:20]


def load_cached(name: str, sources: Iterable[Path], build: Callable[[], T], kind: type[T]) -> T:
    """The cached ``kind`` built from ``sources``; built with ``build`` (and cached) when absent."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{cache_key(sources)}.pickle"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if isinstance(value, kind):
            return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass  # absent, unreadable or from another layout: rebuild below
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write atomically (rename into place), so concurrent workers never read half a file."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        # A read-only or full disk only costs the next process a rebuild.
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
