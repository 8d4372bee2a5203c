"""CSV/TSV ingest: header row, field maps, bad records reported by line, huge fields bounded."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from dyad.article import Article
from dyad.ingest.csv_source import MAX_RECORD_CHARS, read_csv
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.text import MAX_ARTICLE_BYTES

GOMA = "Rebels attacked a convoy near Goma on Tuesday, the army said."
TBILISI = "Police arrested ten protesters outside parliament in Tbilisi."


def _write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_each_record_becomes_an_article_with_its_fields(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "in.csv",
        [["id", "date", "title", "text"], ["a1", "2025-05-01", "Convoy attacked", GOMA]],
    )
    [article] = list(read_csv(path))
    assert isinstance(article, Article)
    assert (article.id, article.date, article.title, article.text) == (
        "a1",
        "2025-05-01",
        "Convoy attacked",
        GOMA,
    )
    assert article.origin == f"{path}:2"


def test_a_quoted_field_may_span_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.csv", [["text"], [GOMA + "\n\n" + TBILISI]])
    [article] = list(read_csv(path))
    assert isinstance(article, Article) and article.text.endswith(TBILISI)


def test_field_map_renames_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.csv", [["body", "published"], [GOMA, "2025-05-01T09:00:00Z"]])
    [article] = list(read_csv(path, FieldMap(text="body", date="published")))
    assert isinstance(article, Article) and article.date == "2025-05-01"


def test_tsv_is_tab_separated(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.tsv", [["text", "source"], [GOMA, "Wire, Inc."]], "\t")
    [article] = list(read_csv(path))
    assert isinstance(article, Article) and article.source == "Wire, Inc."


def test_empty_date_cell_takes_the_default_date(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.csv", [["date", "text"], ["", GOMA]])
    [article] = list(read_csv(path, default_date="2025-06-30"))
    assert isinstance(article, Article)
    assert (article.date, article.date_source) == ("2025-06-30", "flag")


def test_bad_records_are_reported_with_their_line_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        b"id,date,text\n"
        b"a1,2025-05-01,Rebels attacked a convoy.\n"
        b"a2,2025-05-01\n"  # too few fields
        b"a3,May 1st,Police arrested ten protesters.\n"  # bad date
        b"a4,2025-05-02,Caf\xe9 latin-1\n"  # not UTF-8
        b"a5,2025-05-03,Troops entered the town.\n"
    )
    items = list(read_csv(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["a1", "a5"]
    assert [i.line for i in items if isinstance(i, IngestError)] == [3, 4, 5]


def test_missing_text_column_is_one_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.csv", [["id", "body"], ["a1", GOMA]])
    [error] = list(read_csv(path))
    assert isinstance(error, IngestError) and "'text' column" in error.reason and error.line == 1


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"")
    [error] = list(read_csv(path))
    assert isinstance(error, IngestError) and "empty" in error.reason


def test_field_over_the_article_limit_is_reported_not_coded(tmp_path: Path) -> None:
    big = "word " * (MAX_ARTICLE_BYTES // 5 + 10)
    path = _write(tmp_path / "in.csv", [["id", "text"], ["big", big], ["ok", GOMA]])
    items = list(read_csv(path))
    assert isinstance(items[0], IngestError) and "too large" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_line_over_the_record_limit_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    with path.open("wb") as handle:
        handle.write(b"id,text\n")
        handle.write(b"huge," + b"x" * (MAX_RECORD_CHARS + 10) + b"\n")
        handle.write(f'ok,"{GOMA}"\n'.encode())
    items = list(read_csv(path))
    assert isinstance(items[0], IngestError) and items[0].line == 2
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_gzip_csv_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "in.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["text"], [GOMA], [TBILISI]])
    assert [a.text for a in read_csv(path) if isinstance(a, Article)] == [GOMA, TBILISI]


def test_truncated_gzip_ends_in_an_error_after_the_good_records(tmp_path: Path) -> None:
    path = tmp_path / "in.csv.gz"
    rows = "text\n" + "".join(f'"Report {n}: {GOMA}"\n' for n in range(2000))
    data = gzip.compress(rows.encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_csv(path))
    assert isinstance(items[-1], IngestError) and "truncated gzip" in items[-1].reason
    assert sum(isinstance(i, Article) for i in items) > 0
