"""HTML pages: main text and metadata via trafilatura, offline, robust to hostile markup."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.html import article_from_html, read_html_file

PARAGRAPHS = (
    "<p>Rebels of the M23 movement seized the town of Masisi on Friday after two days of "
    "fighting with the Congolese army, residents and local officials said.</p>"
    "<p>The army said it had withdrawn from its positions to protect civilians and would "
    "retake the town.</p>"
)
PAGE = f"""<!DOCTYPE html><html><head><title>Rebels seize Masisi - Kivu Times</title>
<meta property="og:site_name" content="Kivu Times">
<meta property="article:published_time" content="2025-03-14T08:00:00Z">
<link rel="canonical" href="https://kivutimes.example/2025/03/rebels-seize-masisi"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Rebels seize Masisi</h1>{PARAGRAPHS}</article>
<footer>Copyright Kivu Times. All rights reserved.</footer></body></html>"""
UNDATED = (
    f"<html><head><title>Masisi</title></head><body><article>{PARAGRAPHS}</article></body></html>"
)


def test_main_text_and_metadata_are_extracted(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_html_file(path))
    assert isinstance(article, Article)
    assert "seized the town of Masisi" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert (article.date, article.date_source) == ("2025-03-14", "article")
    assert article.url == "https://kivutimes.example/2025/03/rebels-seize-masisi"
    assert article.source == "Kivu Times"
    assert article.title is not None and "Rebels seize Masisi" in article.title


def test_page_without_a_date_takes_the_default_date(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(UNDATED, encoding="utf-8")
    [article] = list(read_html_file(path, default_date="2025-06-30"))
    assert isinstance(article, Article)
    assert (article.date, article.date_source) == ("2025-06-30", "flag")


def test_page_without_any_date_has_none() -> None:
    article = article_from_html(UNDATED, "test")
    assert (article.date, article.date_source) == (None, "none")


def test_extraction_makes_no_network_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    article = article_from_html(PAGE, "test", url="https://kivutimes.example/2025/03/masisi")
    assert article.date == "2025-03-14"


def test_ten_thousand_nested_divs_are_reported_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    inner = "<p>Police arrested ten protesters outside parliament in Tbilisi on Monday.</p>"
    path.write_text(
        "<html><body>" + "<div>" * 10_000 + inner + "</div>" * 10_000 + "</body></html>",
        encoding="utf-8",
    )
    start = time.perf_counter()
    [item] = list(read_html_file(path))
    assert isinstance(item, Article | IngestError)
    assert time.perf_counter() - start < 10


def test_page_with_no_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    [error] = list(read_html_file(path))
    assert isinstance(error, IngestError) and "no main text" in error.reason


def test_binary_bytes_named_html_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(bytes(range(256)) * 20)
    [error] = list(read_html_file(path))
    assert isinstance(error, IngestError)


def test_tag_soup_still_yields_its_text() -> None:
    soup = (
        "<html><body><div><p>Soldiers opened fire on a crowd in <b><i>Bamako</b></i> on "
        "Sunday, killing two people & wounding <span>seven others</div></p>, witnesses said "
        "in the capital, where protests have continued for a week.</body>"
    )
    article = article_from_html(soup, "test")
    assert "Soldiers opened fire" in article.text


def test_parser_complaints_are_not_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "junk.html"
    path.write_bytes(b"\x00\x01garbage" * 50)
    list(read_html_file(path))
    assert capsys.readouterr().err == ""
