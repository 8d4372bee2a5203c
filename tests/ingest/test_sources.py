"""Reading articles from text files, folders and JSON Lines, with per-article errors."""

from __future__ import annotations

import json
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.sources import iter_articles
from dyad.ingest.text import parse_date_header


def test_header_on_the_same_line_as_the_text_is_read() -> None:
    date, start = parse_date_header(" date 2026-01-08 US Special Envoy said")
    assert date == "2026-01-08"
    assert " date 2026-01-08 US Special Envoy said"[start:] == "US Special Envoy said"


def test_header_on_its_own_line_is_read() -> None:
    text = "date 2025-11-19\n\nThe army shelled the town."
    date, start = parse_date_header(text)
    assert (date, text[start:]) == ("2025-11-19", "The army shelled the town.")


def test_no_header_means_no_date() -> None:
    assert parse_date_header("The army shelled the town.") == (None, 0)


def test_folder_yields_articles_and_errors_without_stopping(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2025-01-02\n\nRebels attacked a convoy near Goma.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("date 2025-01-02\n\n   ", encoding="utf-8")
    (tmp_path / "d.txt").write_bytes("Caf\xe9 latin-1".encode("latin-1"))
    items = list(iter_articles([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestError)]
    assert [a.date for a in articles] == ["2025-01-02"]
    assert len(failures) == 3
    assert {
        "binary" in f.reason or "UTF-8" in f.reason or "empty" in f.reason for f in failures
    } == {True}


def test_jsonl_bad_lines_are_reported_with_their_line_number(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {"id": "x1", "date": "2025-05-01", "text": "Police arrested ten protesters in Tbilisi."}
        ),
        "{not json",
        json.dumps({"id": "x3", "text": 5}),
        json.dumps({"id": "x4", "date": "May 1st", "text": "Text."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert isinstance(items[0], Article) and items[0].id == "x1" and items[0].date == "2025-05-01"
    assert [e.line for e in items[1:] if isinstance(e, IngestError)] == [2, 3, 4]


def test_same_text_gets_the_same_id_whatever_the_whitespace(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2025-01-02\n\nRebels  attacked\na convoy.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "date 2025-01-02\n\nRebels attacked a convoy.", encoding="utf-8"
    )
    ids = {a.id for a in iter_articles([tmp_path]) if isinstance(a, Article)}
    assert len(ids) == 1


def test_missing_path_is_an_error_not_a_crash() -> None:
    items = list(iter_articles(["/nonexistent/dyad/path"]))
    assert isinstance(items[0], IngestError) and "no such file" in items[0].reason
