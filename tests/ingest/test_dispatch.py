"""iter_articles picks the reader by file name, refuses archives clearly and never hangs."""

from __future__ import annotations

import csv
import gzip
import json
import os
import zipfile
from pathlib import Path

import pytest

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.sources import file_format, iter_articles

GOMA = "Rebels attacked a convoy near Goma on Tuesday, the army said."


@pytest.mark.parametrize(
    "name,kind",
    [
        ("a.txt", "text"),
        ("README", "text"),
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv.gz", "csv"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.xml", "feed"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.zip", None),
        ("a.pdf", None),
    ],
)
def test_file_name_selects_the_reader(name: str, kind: str | None) -> None:
    assert file_format(Path(name)) == kind


def test_a_folder_of_mixed_formats_is_read_by_each_reader(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"date 2025-01-02\n\n{GOMA}", encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "j1", "text": GOMA + " (jsonl)"}) + "\n")
    with gzip.open(tmp_path / "c.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["c1", GOMA + " (csv)"]])
    feed = f"<rss><channel><item><title>Goma</title><description>{GOMA}</description></item>"
    (tmp_path / "d.rss").write_text(feed + "</channel></rss>", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert all(isinstance(i, Article) for i in items)
    assert len(items) == 4


def test_zip_named_explicitly_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "articles.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", GOMA)
    [error] = list(iter_articles([path]))
    assert isinstance(error, IngestError) and "zip archives are not read" in error.reason


def test_zip_with_a_misleading_name_is_recognised_by_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "articles.dat"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", GOMA)
    [error] = list(iter_articles([path]))
    assert isinstance(error, IngestError) and "zip archive" in error.reason


def test_archives_in_a_folder_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "x.tar.gz").write_bytes(gzip.compress(b"not really a tar"))
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    [error] = list(iter_articles([tmp_path]))
    assert isinstance(error, IngestError) and "tar archive" in error.reason


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOMA, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "self", tmp_path / "self")
    items = list(iter_articles([tmp_path]))
    assert [type(i) for i in items] == [Article]


def test_options_reach_the_readers(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"body": GOMA}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Troops entered the town of Masisi.", encoding="utf-8")
    os.utime(tmp_path / "b.txt", (1_700_000_000, 1_700_000_000))
    items = list(
        iter_articles([tmp_path], fields=FieldMap(text="body"), use_mtime=True, ingest_clock=None)
    )
    assert [(type(i), getattr(i, "date_source", None)) for i in items] == [
        (Article, "none"),
        (Article, "file-mtime"),
    ]
