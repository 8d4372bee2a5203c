"""JSON Lines ingest: field maps, default dates, gzip, hostile lines."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.jsonl import MAX_LINE_BYTES, read_jsonl

GOMA = "Rebels attacked a convoy near Goma on Tuesday, the army said."


def test_field_map_reads_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    record = {"body": GOMA, "published": "2025-05-01", "headline": "Convoy attacked"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fields = FieldMap(text="body", date="published", title="headline")
    [article] = list(read_jsonl(path, fields))
    assert isinstance(article, Article)
    assert (article.date, article.title) == ("2025-05-01", "Convoy attacked")


def test_missing_mapped_text_field_names_it(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": GOMA}) + "\n", encoding="utf-8")
    [error] = list(read_jsonl(path, FieldMap(text="body")))
    assert isinstance(error, IngestError) and "'body'" in error.reason


def test_record_without_date_takes_the_default_date(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": GOMA}) + "\n", encoding="utf-8")
    [article] = list(read_jsonl(path, default_date="2025-06-30"))
    assert isinstance(article, Article)
    assert (article.date, article.date_source) == ("2025-06-30", "flag")


def test_gzip_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": GOMA}) + "\n")
    assert [a.id for a in read_jsonl(path) if isinstance(a, Article)] == ["g1"]


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    [error] = list(read_jsonl(path))
    assert isinstance(error, IngestError) and error.line == 1


def test_overlong_line_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"text": "' + b"x" * (MAX_LINE_BYTES + 1) + b'"}\n')
        handle.write(json.dumps({"id": "ok", "text": GOMA}).encode() + b"\n")
    items = list(read_jsonl(path))
    assert isinstance(items[0], IngestError) and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].id == "ok"
