"""Turn paths (files, folders, JSON Lines) into a stream of Articles or per-article errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.jsonl import read_jsonl
from dyad.ingest.text import read_text_file

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def iter_articles(
    paths: Iterable[str | Path], default_date: str | None = None
) -> Iterator[Article | IngestError]:
    """Yield an Article (or the IngestError that replaced it) for every article under ``paths``.

    Folders are walked in sorted order without following symlinks; unknown file types are
    reported, never fatal.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir() and not path.is_symlink():
            for child in sorted(_walk(path)):
                yield from _read_file(child, default_date, from_folder=True)
        elif path.exists():
            yield from _read_file(path, default_date, from_folder=False)
        else:
            yield IngestError(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    for child in folder.iterdir():
        if child.is_symlink():
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file() and not child.name.startswith("."):
            yield child


def _read_file(path: Path, default_date: str | None, from_folder: bool) -> Iterator[Article | IngestError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        try:
            yield read_text_file(path, default_date)
        except IngestError as exc:
            yield exc
    elif not from_folder:
        # Named explicitly: try it as text rather than refuse it.
        try:
            yield read_text_file(path, default_date)
        except IngestError as exc:
            yield exc
    elif suffix != ".md":
        yield IngestError(str(path), f"unsupported file type {suffix!r} (skipped)")
