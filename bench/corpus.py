"""A benchmark corpus: examples/ replicated to N articles, each copy varied so its id differs."""

from __future__ import annotations

from pathlib import Path

from dyad.article import Article
from dyad.ingest.sources import iter_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATE = "2025-12-01"


def example_articles() -> list[Article]:
    """The team's example corpus as Articles."""
    return [a for a in iter_articles([ROOT / "examples"]) if isinstance(a, Article)]


def build_corpus(size: int, folder: Path) -> Path:
    """Write ``size`` dated text files under ``folder`` and return it.

    Copy ``n`` of an example gets one closing sentence naming ``n``: a new id, nearly the same
    parse cost, and a near-duplicate of its original (which the dedup benchmark relies on).
    """
    folder.mkdir(parents=True, exist_ok=True)
    originals = example_articles()
    for number in range(size):
        article = originals[number % len(originals)]
        body = article.text[article.body_start :].strip()
        if number >= len(originals):
            body += f"\n\nThis is archive copy {number} of the report."
        date = article.date or DEFAULT_DATE
        (folder / f"{number:06d}.txt").write_text(f"date {date}\n\n{body}\n", encoding="utf-8")
    return folder


def corpus_words(folder: Path) -> int:
    """Whitespace-separated words in the bodies of a corpus."""
    return sum(
        len(a.text[a.body_start :].split())
        for a in iter_articles([folder])
        if isinstance(a, Article)
    )
