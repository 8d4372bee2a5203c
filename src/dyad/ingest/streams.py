"""Opening input files as byte streams (gzip-aware) and reading them in bounded pieces."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

# What reading a damaged or truncated file (plain or gzip) can raise; BadGzipFile is an OSError.
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)
_SKIP_CHUNK = 1 << 20


def read_failure(exc: BaseException) -> str:
    """A plain reason for what reading a file raised: a truncated or damaged gzip, or I/O."""
    if isinstance(exc, EOFError):
        return "truncated gzip: the file ends before its end-of-stream marker (a cut-off copy?)"
    if isinstance(exc, gzip.BadGzipFile):
        return f"damaged gzip: {exc}"
    if isinstance(exc, zlib.error):
        return f"damaged gzip data: {exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"cannot read: {exc}"


def is_gzip_name(path: Path) -> bool:
    """Whether the file is named as gzip-compressed (``.gz``)."""
    return path.name.lower().endswith(".gz")


def open_binary(path: Path) -> BinaryIO:
    """Open ``path`` for reading bytes, decompressing a ``.gz`` file as a stream."""
    if is_gzip_name(path):
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def read_capped(path: Path, limit: int) -> bytes | None:
    """All (decompressed) bytes of ``path``, or None when there are more than ``limit``."""
    with open_binary(path) as handle:
        raw = handle.read(limit + 1)
    return None if len(raw) > limit else raw


def skip_rest_of_line(handle: BinaryIO) -> None:
    """Read and drop bytes up to and including the next newline (or the end)."""
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, line)``; a line longer than ``limit`` bytes comes as None, unread.

    Memory stays bounded by ``limit`` whatever the file holds (one huge line is skipped in chunks).
    """
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit:
            if not raw.endswith(b"\n"):
                skip_rest_of_line(handle)
            yield number, None
            continue
        yield number, raw
