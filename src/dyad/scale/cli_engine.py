"""What `dyad code --engine ray [--address ...]` does; the CLI parses options and calls this.

``out`` ending in ``.parquet`` gets Ray's Parquet folder (schema in ``article_parquet``; on a
cluster, a path every node can write). Any other ``out`` (or none: standard output) gets the same
JSON Lines the local engine writes, streamed back from the workers in input order.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from dyad.ingest.errors import IngestError

ENGINES = ("local", "ray")


class EngineError(RuntimeError):
    """A problem the user can act on: options that do not go together, Ray missing, too few CPUs."""


def check_engine_options(engine: str, address: str | None) -> None:
    """Raise EngineError with a message for the user when the options do not go together."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if address is not None and engine != "ray":
        raise EngineError("--address names a Ray cluster; it needs --engine ray")


def code_with_ray_engine(
    paths: Sequence[str],
    out: Path | None,
    workers: int = 2,
    address: str | None = None,
    default_date: str | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    stdout: IO[str] | None = None,
) -> int:
    """Code ``paths`` on Ray with ``workers`` actors; returns the number of articles written."""
    from dyad.scale.ray_runner import NotEnoughCpusError

    try:
        import ray  # noqa: F401  (only to say clearly when it is missing)
    except ImportError as exc:
        raise EngineError(
            f"--engine ray needs Ray: pip install 'ray[data]==2.60.0' ({exc})"
        ) from exc
    try:
        return _code(paths, out, workers, address, default_date, on_error, stdout)
    except NotEnoughCpusError as exc:
        raise EngineError(str(exc)) from exc


def _code(
    paths: Sequence[str],
    out: Path | None,
    workers: int,
    address: str | None,
    default_date: str | None,
    on_error: Callable[[IngestError], None] | None,
    stdout: IO[str] | None,
) -> int:
    from dyad.scale.ray_runner import code_with_ray, iter_coded_with_ray

    workers = max(1, workers)
    if out is not None and out.suffix == ".parquet":
        return code_with_ray(
            paths, out, address, workers, default_date=default_date, on_error=on_error
        )
    handle = out.open("w", encoding="utf-8") if out else (stdout or sys.stdout)
    count = 0
    try:
        coded = iter_coded_with_ray(
            paths, address, workers, default_date=default_date, on_error=on_error
        )
        for _, line in coded:
            handle.write(line + "\n")
            count += 1
    finally:
        if out:
            handle.close()
    return count
