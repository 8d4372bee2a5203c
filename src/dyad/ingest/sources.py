"""Turn paths (files, folders) into a stream of Articles or per-article errors, by file type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dyad.article import Article
from dyad.ingest.csv_source import read_csv
from dyad.ingest.errors import IngestError
from dyad.ingest.feeds import read_feed
from dyad.ingest.fields import FieldMap
from dyad.ingest.html import read_html_file
from dyad.ingest.jsonl import read_jsonl
from dyad.ingest.text import read_text_file
from dyad.ingest.warc import read_warc

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
# Containers and documents dyad does not open: refused with a reason the user can act on.
REFUSED_SUFFIXES = {
    ".zip": "zip archive",
    ".tar": "tar archive",
    ".tar.gz": "tar archive",
    ".tgz": "tar archive",
    ".7z": "7-Zip archive",
    ".rar": "RAR archive",
    ".bz2": "bzip2 file",
    ".xz": "xz file",
    ".zst": "zstd file",
    ".pdf": "PDF document",
    ".doc": "Word document",
    ".docx": "Word document",
    ".odt": "OpenDocument file",
    ".parquet": "Parquet file",
}
_MAGIC = {
    b"PK\x03\x04": "zip archive",
    b"PK\x05\x06": "zip archive",
    b"%PDF": "PDF document",
    b"7z\xbc\xaf": "7-Zip archive",
    b"Rar!": "RAR archive",
    b"BZh": "bzip2 file",
    b"\xfd7zXZ": "xz file",
    b"\x1f\x8b": "gzip file",
    b"PAR1": "Parquet file",
}


def utc_now() -> dt.datetime:
    """The current time in UTC (the clock of ingest-time dates)."""
    return dt.datetime.now(dt.UTC)


def iter_articles(
    paths: Iterable[str | Path],
    default_date: str | None = None,
    *,
    fields: FieldMap | None = None,
    use_mtime: bool = False,
    ingest_clock: Callable[[], dt.datetime] | None = utc_now,
) -> Iterator[Article | IngestError]:
    """Yield an Article (or the IngestError that replaced it) for every article under ``paths``.

    Folders are walked in sorted order without following symlinks (so a symlink loop cannot hang
    it); unknown file types are reported, never fatal. ``fields`` names JSONL/CSV fields;
    ``use_mtime`` dates headerless text files by their modification time when no ``default_date``.
    An article that still has no date gets the day ``ingest_clock`` gives when it is read,
    marked ``date_source="ingest-time"`` (None leaves it undated, ``date_source="none"``).
    """
    for raw_path in paths:
        path = Path(raw_path)
        items: Iterator[Article | IngestError]
        if path.is_dir() and not path.is_symlink():
            items = (
                item
                for child in sorted(_walk(path))
                for item in _read_file(child, default_date, fields, use_mtime, from_folder=True)
            )
        elif path.exists():
            items = _read_file(path, default_date, fields, use_mtime, from_folder=False)
        else:
            items = iter([IngestError(str(path), "no such file or folder")])
        for item in items:
            if ingest_clock is not None and isinstance(item, Article) and item.date is None:
                item = dated_by_ingest_time(item, ingest_clock())
            yield item


def dated_by_ingest_time(article: Article, now: dt.datetime) -> Article:
    """``article`` dated by the day (UTC) it was ingested, as it has no date of its own."""
    day = now.astimezone(dt.UTC).date().isoformat()
    return article.model_copy(update={"date": day, "date_source": "ingest-time"})


def _walk(folder: Path) -> Iterator[Path]:
    for child in folder.iterdir():
        if child.is_symlink():
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file() and not child.name.startswith("."):
            yield child


def file_format(path: Path) -> str | None:
    """The reader a file's name selects: text, jsonl, csv, html, feed, warc; None if unknown."""
    name = path.name.lower()
    if name.endswith(".warc.gz") or name.endswith(".warc"):
        return "warc"
    suffix = Path(name.removesuffix(".gz")).suffix
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("csv", CSV_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("text", TEXT_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None


def _read_file(
    path: Path,
    default_date: str | None,
    fields: FieldMap | None,
    use_mtime: bool,
    from_folder: bool,
) -> Iterator[Article | IngestError]:
    kind = file_format(path)
    if kind == "jsonl":
        yield from read_jsonl(path, fields, default_date)
    elif kind == "csv":
        yield from read_csv(path, fields, default_date)
    elif kind == "html":
        yield from read_html_file(path, default_date)
    elif kind == "feed":
        yield from read_feed(path, default_date)
    elif kind == "warc":
        yield from read_warc(path, default_date)
    elif kind == "text" or not from_folder:
        # Named explicitly with an unknown suffix: try it as text rather than refuse it,
        # unless it is plainly an archive or a binary document.
        refused = _refused_kind(path) if kind != "text" else None
        if refused:
            yield IngestError(str(path), f"{refused}s are not read; unpack or convert it first")
            return
        try:
            yield read_text_file(path, default_date, use_mtime)
        except IngestError as exc:
            yield exc
    elif refused := _refused_by_name(path):
        reason = f"{refused}s are not read; unpack or convert it first (skipped)"
        yield IngestError(str(path), reason)
    elif path.suffix.lower() != ".md":
        suffix = "".join(path.suffixes[-2:]) if path.suffix == ".gz" else path.suffix
        yield IngestError(str(path), f"unsupported file type {suffix.lower()!r} (skipped)")


def _refused_kind(path: Path) -> str | None:
    """What kind of archive or binary document a file is, by name or magic number."""
    known = _refused_by_name(path)
    if known:
        return known
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return None  # the text reader reports why it cannot be read
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


def _refused_by_name(path: Path) -> str | None:
    name = path.name.lower()
    return next((kind for suffix, kind in REFUSED_SUFFIXES.items() if name.endswith(suffix)), None)
