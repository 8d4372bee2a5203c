"""Near-duplicate detection: wire copies are linked to the first article, others are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.article import Article, article_id_for
from dyad.ingest.dedup import (
    DuplicateIndex,
    compute_signature,
    containment,
    from_signature,
    signature,
)
from dyad.ingest.text import read_text_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KHARKIV = EXAMPLES / "03_ukraine_kharkiv_energy_strikes.txt"
KHARKIV_WIRE = EXAMPLES / "04_ukraine_kharkiv_energy_strikes_wire2.txt"
ALEPPO = EXAMPLES / "01_syria_aleppo_clashes.txt"
TAWILA = EXAMPLES / "02_sudan_tawila_aid_convoy.txt"


def _article(text: str) -> Article:
    return Article(id=article_id_for(text), text=text)


def test_wire_copy_is_a_near_duplicate_of_the_first_article() -> None:
    index = DuplicateIndex()
    first, copy = read_text_file(KHARKIV), read_text_file(KHARKIV_WIRE)
    assert first.id != copy.id
    assert index.check_and_add(first) is None
    assert index.check_and_add(copy) == first.id


def test_different_articles_are_not_duplicates() -> None:
    index = DuplicateIndex()
    assert index.check_and_add(read_text_file(ALEPPO)) is None
    assert index.check_and_add(read_text_file(TAWILA)) is None
    assert index.check_and_add(read_text_file(KHARKIV)) is None


def test_a_stricter_threshold_keeps_the_rewritten_wire_copy_apart() -> None:
    index = DuplicateIndex(threshold=0.95)
    index.check_and_add(read_text_file(KHARKIV))
    assert index.check_and_add(read_text_file(KHARKIV_WIRE)) is None


def test_the_same_article_again_returns_its_canonical_id() -> None:
    index = DuplicateIndex()
    first, copy = read_text_file(KHARKIV), read_text_file(KHARKIV_WIRE)
    index.check_and_add(first)
    index.check_and_add(copy)
    assert index.check_and_add(first) == first.id
    assert index.check_and_add(copy) == first.id
    assert len(index) == 2


def test_a_truncated_copy_counts_by_containment() -> None:
    full = read_text_file(KHARKIV)
    body = full.text[full.body_start :]
    shortened = _article(body[: int(len(body) * 0.8)])
    index = DuplicateIndex()
    index.check_and_add(full)
    assert index.check_and_add(shortened) == full.id


def test_header_and_whitespace_do_not_matter() -> None:
    a = read_text_file(KHARKIV)
    reflowed = _article(" ".join(a.text[a.body_start :].split()).upper())
    assert containment(compute_signature(a), compute_signature(reflowed)) == 1.0


def test_empty_body_is_never_a_duplicate() -> None:
    index = DuplicateIndex()
    empty = Article(id="e1", text="date 2025-01-01\n\n...", body_start=17)
    assert index.check_and_add(empty) is None
    assert index.check_and_add(Article(id="e2", text="…", body_start=0)) is None


def test_signature_round_trips_through_bytes() -> None:
    article = read_text_file(KHARKIV)
    data = signature(article)
    assert len(data) == 128 * 4 + 18
    restored = from_signature(data)
    assert restored.shingles == compute_signature(article).shingles
    assert containment(restored, compute_signature(article)) == 1.0


@pytest.mark.parametrize("data", [b"", b"\x01\x00", b"\x02" + bytes(600)])
def test_bytes_that_are_not_a_signature_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a dyad MinHash signature"):
        from_signature(data)


def test_index_rebuilt_from_stored_signatures_finds_the_same_duplicates() -> None:
    first, copy = read_text_file(KHARKIV), read_text_file(KHARKIV_WIRE)
    original = DuplicateIndex()
    stored = []
    for article in (read_text_file(ALEPPO), first, copy):
        stored.append((article.id, signature(article), original.check_and_add(article)))
    rebuilt = DuplicateIndex()
    for article_id, data, canonical in stored:
        rebuilt.restore(article_id, data, canonical)
    assert rebuilt.canonical(copy.id) == first.id
    wire3 = _article(copy.text[copy.body_start :] + " Officials gave no further details.")
    assert rebuilt.check_and_add(wire3) == first.id


def test_signature_of_another_size_is_refused() -> None:
    index = DuplicateIndex(num_perm=128)
    with pytest.raises(ValueError, match="64 permutations"):
        index.add("x", signature(read_text_file(KHARKIV), num_perm=64))
