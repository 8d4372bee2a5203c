"""Hostile inputs generated per test: every broken or adversarial article form dyad may meet."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = (
    "date 2025-11-19\n\n"
    "Syrian government forces clashed with fighters of the Kurdish-led Syrian Democratic Forces"
    " in Aleppo on Tuesday, the defence ministry said.\n"
)
BIG_BYTES = 50 * 1024 * 1024


def _sentence(words: int) -> str:
    return " ".join(["rebels shelled the town near Aleppo"] * (words // 6))


def write_hostile_corpus(
    folder: Path, long_chars: int = 5_000, sentence_chars: int = 100_000
) -> dict[str, str]:
    """Write one file per hostile case under ``folder``; returns file name -> what it is.
    ``long_chars`` sizes the floods (emoji, quote marks), ``sentence_chars`` the sentence with
    no punctuation."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, str] = {}

    def put(name: str, data: bytes | str, what: str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (folder / name).write_bytes(raw)
        cases[name] = what

    put("empty.txt", b"", "empty file")
    put("whitespace.txt", " \n\t\r\n \u00a0\u2003\n" * 50, "whitespace only")
    put("binary.txt", bytes(range(256)) * 64, "binary bytes with a text name")
    put(
        "invalid_utf8.txt",
        b"date 2025-11-19\n\nRebels \xff\xfe\xc3\x28 shelled Aleppo.",
        "bad UTF-8",
    )
    put(
        "mixed_encodings.txt",
        b"date 2025-11-19\n\nThe minister said "
        + "café".encode("latin-1")
        + " talks in Zürich ".encode("utf-16-le")
        + b"failed.",
        "latin-1 and UTF-16 bytes inside UTF-8",
    )
    big = ("Rebels shelled Aleppo on Friday, the army said. " * (BIG_BYTES // 48 + 1))[:BIG_BYTES]
    put("huge_50mb.txt", "date 2025-11-19\n\n" + big, "a 50 MB single article")
    # Sentences are cut before the parser (dyad.nlp.long_sentences), so a sentence with no full
    # stop no longer costs time quadratic in its length: the suite codes it at full size.
    put(
        "long_sentence.txt",
        "date 2025-11-19\n\n" + _sentence(sentence_chars)[:sentence_chars],
        f"unpunctuated sentence of {sentence_chars:,} characters",
    )
    nested = "<div>" * 50_000 + "Rebels shelled Aleppo." + "</div>" * 50_000
    put("deep.html", f"<html><body>{nested}</body></html>", "50k nested divs")
    put("unclosed.html", "<html><body><p>Rebels<b><i><table><tr><td>" * 2000, "unclosed markup")
    put(
        "bad.jsonl",
        '{"text": "unterminated\n{"id": 1}\n[1,2]\n"just a string"\n' + "[" * 100_000 + "\n"
        '{"text": 5}\n{"text": null, "date": "yesterday"}\n\x00\x01\x02\n'
        '{"text": "ok", "date": "2025-99-99"}\n',
        "malformed JSON lines",
    )
    put(
        "bad.csv",
        'text,date\n"unterminated,2025-01-01\nx\x00y,2025\n,,,,,,\n"a""b",\n',
        "malformed CSV",
    )
    put("bad.rss", "<rss><channel><item><title>x</title><description>Rebels", "truncated RSS")
    put(
        "entities.xml",
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;'
        '&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
        '&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><description>&lol3;</description>'
        "</item></channel></rss>",
        "billion-laughs entity expansion",
    )
    put(
        "external.atom",
        '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>&x;</content></entry></feed>',
        "external entity (XXE)",
    )
    put("not_xml.rss", b"\x89PNG\r\n\x1a\n" + bytes(500), "binary with a feed name")
    put(
        "bad.warc",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n<p>x",
        "WARC record shorter than its Content-Length",
    )
    put("garbage.warc", b"GET / HTTP/1.1\r\n\r\n" + bytes(range(256)) * 10, "not a WARC")
    put("truncated.warc.gz", gzip.compress(b"WARC/1.0\r\n" * 1000)[:200], "truncated gzip WARC")
    put("truncated.jsonl.gz", gzip.compress(b'{"text": "a"}\n' * 1000)[:60], "truncated gzip JSONL")
    put("fake.txt.gz", b"not gzip at all", "not gzip despite .gz")
    put(
        "control_chars.txt",
        "date 2025-11-19\n\nRebels\x00 shelled\x07 Aleppo\x1b[31m on\x0b Friday\x0c, the army\u200b"
        " said\ufeff.\u2028Police\x85 arrested ten.\ud7ff",
        "NUL, escape, bell, zero-width and line separators",
    )
    put(
        "control_no_nul.txt",
        "date 2025-11-19\n\nRebels\x07 shelled\x1b[31m Aleppo\x0b on Friday\x0c, the army\u200b"
        " said\ufeff.\u2028Police\x85 arrested\x7f ten people.",
        "control characters without NUL",
    )
    put(
        "rtl.txt",
        "date 2025-11-19\n\n\u202eThe army said\u202c rebels shelled Aleppo"
        " \u200fقصف\u200f on Friday.",
        "right-to-left overrides mixed with English",
    )
    put(
        "arabic.txt",
        "date 2025-11-19\n\nقصف المتمردون وسط مدينة حلب يوم الجمعة، وقال الجيش السوري إن عشرة أشخاص"
        " قتلوا في الهجوم على الحي السكني.",
        "Arabic article",
    )
    put(
        "french.txt",
        "date 2025-11-19\n\nLes rebelles ont bombardé le centre d'Alep vendredi, a déclaré l'armée"
        " syrienne, qui affirme que dix personnes ont été tuées dans le quartier.",
        "French article",
    )
    put(
        "chinese.txt",
        "date 2025-11-19\n\n叛军周五炮击了阿勒颇市中心，叙利亚军队说有十人在袭击中丧生。",
        "Chinese article",
    )
    buffer = folder / "archive.zip"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", GOOD)
    cases["archive.zip"] = "zip archive"
    (folder / "zip_named.txt").write_bytes(buffer.read_bytes())
    cases["zip_named.txt"] = "zip archive with a .txt name"
    loop = folder / "loop"
    loop.mkdir()
    os.symlink(loop, loop / "self")
    os.symlink(folder / "a_link", folder / "b_link")
    os.symlink(folder / "b_link", folder / "a_link")
    cases["loop/self"] = "symlink to its own folder"
    cases["a_link"] = "two symlinks pointing at each other"
    put(
        "emoji.txt",
        "date 2025-11-19\n\n" + "🔥💣 " * (long_chars // 3) + "Rebels shelled Aleppo.",
        "emoji flood",
    )
    put(
        "dates.txt",
        "date 9999-99-99\n\nRebels shelled Aleppo on 31 February 10000.",
        "impossible dates",
    )
    put(
        "only_quotes.txt",
        "date 2025-11-19\n\n"
        + '"' * long_chars
        + " said the minister "
        + "\u201c" * (long_chars // 4),
        "unbalanced quote marks",
    )
    put(
        "json_depth.jsonl",
        json.dumps({"text": "x", "meta": [[[[[[[]]]]]]]}) + "\n",
        "nested JSON meta",
    )
    return cases


@pytest.fixture
def good_article(tmp_path: Path) -> Path:
    path = tmp_path / "good" / "good.txt"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    return path


def run_env() -> dict[str, str]:
    """The environment for a ``dyad`` subprocess: the source tree importable."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _store_fixtures() -> ModuleType:
    """tests/store/conftest.py, whose PostgreSQL server fixture the crash tests share."""
    spec = importlib.util.spec_from_file_location(
        "dyad_store_test_fixtures", ROOT / "tests" / "store" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STORE_FIXTURES = _store_fixtures()
postgres_url = STORE_FIXTURES.postgres_url  # the session's throwaway PostgreSQL 15 server


@pytest.fixture(scope="session")
def postgres_or_skip(request: pytest.FixtureRequest) -> str:
    """The PostgreSQL server's URL; the test is skipped (saying why) only if none can be had."""
    try:
        return str(request.getfixturevalue("postgres_url"))
    except pytest.fail.Exception as exc:
        pytest.skip(f"no PostgreSQL server for the crash tests: {exc}")
