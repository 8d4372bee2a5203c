"""The shared reader every data loader uses: comments, headers and errors with line numbers."""

from pathlib import Path

import pytest

from dyad.datafiles import DataFileError, read_fields, read_table


def test_read_fields_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("# a comment\n\nsay\tverb\tnote\n  # indented comment\nwarn\tverb\t\n")
    assert list(read_fields(path)) == [(3, ["say", "verb", "note"]), (5, ["warn", "verb", ""])]


def test_read_table_checks_header_and_width(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text("name\tlat\n Aleppo \t36.2\nHoms\n")
    rows = read_table(path, ("name", "lat"))
    assert next(rows) == (2, {"name": "Aleppo", "lat": "36.2"})
    with pytest.raises(DataFileError, match=r"places\.tsv:3: expected 2 tab-separated"):
        next(rows)


def test_read_table_wrong_header_and_missing_file_raise_the_loaders_error(
    tmp_path: Path,
) -> None:
    class MyError(DataFileError):
        pass

    path = tmp_path / "x.tsv"
    path.write_text("wrong\theader\n")
    with pytest.raises(MyError, match=r"x\.tsv:1: header must be name<TAB>lat"):
        list(read_table(path, ("name", "lat"), MyError))
    with pytest.raises(MyError, match=r"missing\.tsv:0: file not found"):
        list(read_fields(tmp_path / "missing.tsv", MyError))
