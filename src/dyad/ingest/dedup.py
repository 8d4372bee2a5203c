"""Near-duplicate articles (wire copies republished by many outlets) found with MinHash LSH.

Exact duplicates need none of this: the same normalised text already gets the same article id.
A near-duplicate is an article whose word 5-grams overlap an earlier article's by at least
``threshold``, measured on the shorter of the two (containment), so that a wire copy with an
extra or a rewritten closing paragraph still counts. See README.md for persisting signatures.
"""

from __future__ import annotations

import functools
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dyad.article import Article

SHINGLE_WORDS = 5
# The signature format: shingle hashing, seed and scheme. Changing any of them invalidates stored
# signatures, so bump FORMAT and have stores recompute (from_signature refuses other versions).
FORMAT = 1
SEED = 1
_SCHEME = "affine32"
_MIX = np.uint64(1_000_003)
_WORD = re.compile(r"\w+")
_HEADER = struct.Struct("<BI")  # format, number of distinct shingles
# LSH on Jaccard can only propose candidates; weighting false negatives 4:1 trades a few more
# candidate checks (cheap, exact on the sketches) for recall near the threshold.
_LSH_WEIGHTS = (0.2, 0.8)


@dataclass(frozen=True)
class Signature:
    """An article's MinHash sketch and the number of distinct shingles it summarises."""

    minhash: LeanMinHash
    shingles: int


def shingle_hashes(article: Article) -> np.ndarray:
    """Distinct 32-bit hashes of the word 5-grams of the normalised body (sorted).

    A body shorter than five words is one shingle of all its words. Words are hashed once with
    CRC-32 and combined per 5-gram in numpy: several times faster than hashing each 5-gram
    string, and stable across processes (unlike ``hash()``), as stored signatures require.
    """
    # normalise_text's NFKC and case folding; its whitespace collapsing is moot for \w+ words.
    body = unicodedata.normalize("NFKC", article.text[article.body_start :]).casefold()
    words = _WORD.findall(body)
    if not words:
        return np.zeros(0, dtype=np.uint32)
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = combined * _MIX + hashes[offset : offset + count]  # wraps modulo 2**64
    folded = (combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(folded.astype(np.uint32))


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The permutation parameters for ``SEED``: drawn once per process, not per article."""
    permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=_SCHEME).permutations
    return permutations[0], permutations[1]


def compute_signature(article: Article, num_perm: int = 128) -> Signature:
    """The MinHash signature of an article's body."""
    grams = shingle_hashes(article)
    minhash = MinHash(
        num_perm=num_perm,
        seed=SEED,
        hashfunc=int,  # the shingles are hashed already
        permutations=_permutations(num_perm),
        scheme=_SCHEME,
    )
    minhash.update_batch(grams)
    return Signature(LeanMinHash(minhash), len(grams))


def signature(article: Article, num_perm: int = 128) -> bytes:
    """The signature as bytes a store can keep (``num_perm * 4 + 18`` bytes, little-endian)."""
    return _encode(compute_signature(article, num_perm))


def from_signature(data: bytes) -> Signature:
    """Read bytes written by ``signature``; ValueError if they are not one."""
    try:
        version, count = _HEADER.unpack_from(data, 0)
        if version != FORMAT:
            raise ValueError(f"signature format {version}, this dyad writes {FORMAT}")
        minhash = LeanMinHash.deserialize(data[_HEADER.size :], byteorder="<")
    except (struct.error, ValueError) as exc:
        raise ValueError(f"not a dyad MinHash signature: {exc}") from None
    size_ok = len(data) == _HEADER.size + minhash.bytesize(byteorder="<")
    if not size_ok or minhash.seed != SEED or minhash.scheme != _SCHEME:
        raise ValueError("not a dyad MinHash signature (wrong length, seed or scheme)")
    return Signature(minhash, count)


def _encode(sig: Signature) -> bytes:
    buffer = bytearray(sig.minhash.bytesize(byteorder="<"))
    sig.minhash.serialize(buffer, byteorder="<")
    return _HEADER.pack(FORMAT, sig.shingles) + bytes(buffer)


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller shingle set found in the other (0 for an empty one)."""
    if not a.shingles or not b.shingles:
        return 0.0
    jaccard = float(a.minhash.jaccard(b.minhash))
    # |A ∩ B| = J (|A| + |B|) / (1 + J), from J = |A ∩ B| / (|A| + |B| - |A ∩ B|).
    overlap = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    return min(1.0, overlap / min(a.shingles, b.shingles))


class DuplicateIndex:
    """Remembers articles seen so far and says which earlier article a new one duplicates.

    Only canonical (first-seen) articles are indexed; copies are linked to them.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        # Two equal-length articles with containment c have Jaccard c / (2 - c). datasketch
        # chooses the bands (b) and rows (r); the band tables are ours, one dict per band from a
        # band's hash to the article(s) holding it: a third of the memory of MinHashLSH's
        # set-per-bucket tables (about 2 KB an article instead of 6.6 KB).
        lsh = MinHashLSH(
            threshold=threshold / (2.0 - threshold), num_perm=num_perm, weights=_LSH_WEIGHTS
        )
        self.bands, self.rows = lsh.b, lsh.r
        self._tables: list[dict[int, str | list[str]]] = [{} for _ in range(self.bands)]
        self._canonical: dict[str, str] = {}
        self._indexed: dict[str, tuple[int, Signature]] = {}

    def __len__(self) -> int:
        return len(self._canonical)

    def canonical(self, article_id: str) -> str | None:
        """The canonical id recorded for ``article_id`` (its own if first), None if never seen."""
        return self._canonical.get(article_id)

    def check_and_add(self, article: Article) -> str | None:
        """The id of the earlier article this one duplicates (its canonical), else None.

        An id seen before returns its canonical id (its own id if it was the first of its kind).
        """
        known = self._canonical.get(article.id)
        if known is not None:
            return known
        return self.add(article.id, compute_signature(article, self.num_perm))

    def add(self, article_id: str, sig: Signature | bytes) -> str | None:
        """``check_and_add`` for a signature already computed (or read back from a store)."""
        known = self._canonical.get(article_id)
        if known is not None:
            return known
        sig = self._checked(sig)
        match = self.find(sig)
        self.restore(article_id, sig, match)
        return match

    def find(self, sig: Signature) -> str | None:
        """The earliest indexed article that ``sig`` duplicates, without adding anything."""
        if not sig.shingles:
            return None
        best: tuple[int, str] | None = None
        candidates: set[str] = set()
        for table, band in zip(self._tables, self._band_keys(sig), strict=True):
            found = table.get(band)
            if isinstance(found, str):
                candidates.add(found)
            elif found is not None:
                candidates.update(found)
        for key in candidates:
            order, other = self._indexed[key]
            if containment(sig, other) >= self.threshold and (best is None or order < best[0]):
                best = (order, key)
        return best[1] if best else None

    def restore(
        self, article_id: str, sig: Signature | bytes, canonical_id: str | None = None
    ) -> None:
        """Put back a stored decision without searching: how an index is rebuilt on restart."""
        if article_id in self._canonical:
            return
        if canonical_id is not None and canonical_id != article_id:
            self._canonical[article_id] = canonical_id
            return
        sig = self._checked(sig)
        self._canonical[article_id] = article_id
        if sig.shingles:
            self._indexed[article_id] = (len(self._indexed), sig)
            for table, band in zip(self._tables, self._band_keys(sig), strict=True):
                found = table.setdefault(band, article_id)
                if isinstance(found, list):
                    found.append(article_id)
                elif found != article_id:
                    table[band] = [found, article_id]

    def _checked(self, sig: Signature | bytes) -> Signature:
        """The signature, read from bytes if need be, and made with this index's num_perm."""
        if isinstance(sig, bytes):
            sig = from_signature(sig)
        if len(sig.minhash) != self.num_perm:
            raise ValueError(f"signature of {len(sig.minhash)} permutations, not {self.num_perm}")
        return sig

    def _band_keys(self, sig: Signature) -> list[int]:
        """One key per band; Python's hash suffices as the tables are rebuilt in each process."""
        values = sig.minhash.hashvalues
        r = self.rows
        return [hash(values[i * r : (i + 1) * r].tobytes()) for i in range(self.bands)]
