"""One reader for the team's tab-separated data files (actors, places, patterns, cues, weights).

Every data file follows the same rules: UTF-8, one record a line, fields separated by tabs,
'#' lines and blank lines skipped. A file may start with a header line naming its columns.
A bad line stops loading with a DataFileError that names the file and the line number, so
an analyst who edits a file sees exactly where the mistake is.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


class DataFileError(ValueError):
    """A bad line in a data file; the message names the file and line."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


def read_fields(
    path: Path, error: type[DataFileError] = DataFileError
) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, raw tab-separated fields) for each data line of `path`.

    `error` lets a loader raise its own subclass of DataFileError.
    """
    if not path.is_file():
        raise error(path, 0, "file not found")
    with path.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield number, next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def read_table(
    path: Path, columns: tuple[str, ...], error: type[DataFileError] = DataFileError
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, {column: stripped value}) for a file whose first line is `columns`."""
    header_seen = False
    for number, fields in read_fields(path, error):
        if not header_seen:
            if tuple(fields) != columns:
                raise error(path, number, f"header must be {'<TAB>'.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise error(
                path, number, f"expected {len(columns)} tab-separated fields, got {len(fields)}"
            )
        yield number, {k: v.strip() for k, v in zip(columns, fields, strict=True)}
    if not header_seen:
        raise error(path, 0, "no header line")
