"""CSV/TSV articles: a header row naming the columns, then one article per record."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap, article_from_record
from dyad.ingest.streams import READ_ERRORS, open_binary, read_failure, skip_rest_of_line
from dyad.ingest.text import MAX_ARTICLE_BYTES

# A record (and so any field) may hold up to twice the article limit, so an over-long article is
# reported by the text check with its real size rather than by the csv module's generic error.
MAX_RECORD_CHARS = MAX_ARTICLE_BYTES * 2


class _BadLine(Exception):
    """A physical line (or the record it belongs to) that cannot be read; reading goes on."""


class _Lines:
    """Decoded lines for csv.reader, each bounded; counts physical lines and record size.

    A class rather than a generator: it raises _BadLine for one line and can still be iterated,
    and csv.reader starts the next record afresh after an error from its input.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.line = 0
        self.record_chars = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.handle.readline(MAX_RECORD_CHARS + 1)
        if not raw:
            raise StopIteration
        self.line += 1
        if len(raw) > MAX_RECORD_CHARS:
            if not raw.endswith(b"\n"):
                skip_rest_of_line(self.handle)
            raise _BadLine("line too large")
        try:
            text = raw.decode("utf-8-sig" if self.line == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise _BadLine(f"not valid UTF-8 at byte {exc.start} of the line") from None
        self.record_chars += len(text)
        if self.record_chars > MAX_RECORD_CHARS:
            raise _BadLine("record too large")
        return text


def read_csv(
    path: Path,
    fields: FieldMap | None = None,
    default_date: str | None = None,
    delimiter: str | None = None,
) -> Iterator[Article | IngestError]:
    """Stream articles from a CSV (``.tsv``: tab-separated; ``.gz`` too) with a header row.

    Each bad record yields an IngestError with the line it starts on, and reading goes on.
    """
    fields = fields or FieldMap()
    origin = str(path)
    if delimiter is None:
        delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    if csv.field_size_limit() < MAX_RECORD_CHARS:
        csv.field_size_limit(MAX_RECORD_CHARS)
    try:
        handle = open_binary(path)
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from _read_records(_Lines(handle), origin, fields, default_date, delimiter)


def _read_records(
    lines: _Lines, origin: str, fields: FieldMap, default_date: str | None, delimiter: str
) -> Iterator[Article | IngestError]:
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    while True:
        start = lines.line + 1
        lines.record_chars = 0
        try:
            row = next(reader)
        except StopIteration:
            if header is None:
                yield IngestError(origin, "empty file (no header row)")
            return
        except _BadLine as exc:
            yield IngestError(origin, str(exc), lines.line)
            continue
        except csv.Error as exc:
            yield IngestError(origin, f"malformed CSV: {exc}", start)
            continue
        except READ_ERRORS as exc:
            reason = f"{read_failure(exc)}; the records before it were read"
            yield IngestError(origin, reason, lines.line + 1)
            return
        if not row or row == [""]:
            continue
        if header is None:
            header = [name.strip() for name in row]
            if fields.text not in header:
                reason = f"no {fields.text!r} column in the header {header}"
                yield IngestError(origin, reason, start)
                return
            continue
        if len(row) != len(header):
            reason = f"expected {len(header)} fields as in the header, found {len(row)}"
            yield IngestError(origin, reason, start)
            continue
        record = dict(zip(header, row, strict=True))
        yield article_from_record(record, fields, origin, start, default_date)
