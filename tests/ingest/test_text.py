"""Plain text files: date from the header, else the --date flag, else (opt-in) the file's mtime."""

from __future__ import annotations

import datetime as dt
import gzip
import os
from pathlib import Path

import pytest

from dyad.ingest.errors import IngestError
from dyad.ingest.text import MAX_ARTICLE_BYTES, article_from_text, read_text_file

BODY = "Rebels attacked a convoy near Goma on Tuesday, the army said."
MTIME = dt.datetime(2024, 7, 9, 12, 0, tzinfo=dt.UTC).timestamp()


def _headerless(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    os.utime(path, (MTIME, MTIME))
    return path


def test_headerless_file_has_no_date_by_default(tmp_path: Path) -> None:
    article = read_text_file(_headerless(tmp_path))
    assert (article.date, article.date_source) == (None, "none")


def test_use_mtime_dates_a_headerless_file_by_its_modification_time(tmp_path: Path) -> None:
    article = read_text_file(_headerless(tmp_path), use_mtime=True)
    assert (article.date, article.date_source) == ("2024-07-09", "file-mtime")


def test_the_date_flag_wins_over_the_mtime(tmp_path: Path) -> None:
    article = read_text_file(_headerless(tmp_path), "2025-01-02", use_mtime=True)
    assert (article.date, article.date_source) == ("2025-01-02", "flag")


def test_the_header_wins_over_the_mtime(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(f"date 2025-11-04\n\n{BODY}", encoding="utf-8")
    article = read_text_file(path, use_mtime=True)
    assert (article.date, article.date_source) == ("2025-11-04", "article")


def test_gzip_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(f"date 2025-11-04\n\n{BODY}".encode()))
    assert read_text_file(path).date == "2025-11-04"


def test_gzip_bomb_is_refused_without_unpacking_it_all(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (MAX_ARTICLE_BYTES + 1)))
    with pytest.raises(IngestError, match="too large"):
        read_text_file(path)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("WASHINGTON, Jan. 7, 1998 (AP) _ The Senate voted on Tuesday.", "1998-01-07"),
        ("KYIV, Ukraine, 8 January 2026 (Reuters) - Russia struck the city.", "2026-01-08"),
        ("NEW YORK, Oct. 3, 2025 — Stocks fell sharply.", "2025-10-03"),
        ("ALEPPO, Syria (AP) — Jan. 8 — Shelling continued.", None),  # no year: no full date
        ("The army said on Jan. 7, 1998 (AP) that it had withdrawn.", None),  # not a dateline
        ("BEIRUT, September 31, 2025 (AFP) - No such day.", None),
    ],
)
def test_dateline_dates_an_article_without_a_header(body: str, expected: str | None) -> None:
    article = article_from_text(body, "wire.txt", date="2026-11-25", date_source="flag")
    if expected is None:
        assert (article.date, article.date_source) == ("2026-11-25", "flag")
    else:
        assert (article.date, article.date_source) == (expected, "dateline")


def test_header_date_beats_the_dateline() -> None:
    article = article_from_text("date 2026-01-09\nWASHINGTON, Jan. 7, 1998 (AP) _ Text.", "a.txt")
    assert (article.date, article.date_source) == ("2026-01-09", "article")
