"""The parsed text of a Doc, read once per Doc.

``Doc.text`` joins every token each time it is read, so reading it once per entity, quote or
figure makes an extractor quadratic in the article's length (a 100k-character article took
minutes). Every extractor that slices the Doc's text calls ``doc_text`` instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "dyad_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call and kept in the Doc's user_data."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)


def span_at(doc: Doc, start: int, end: int, offset: int = 0) -> Span | None:
    """The tokens covering characters ``start``..``end`` of the article, for a Doc parsed from
    the article's text from ``offset`` on; None when no token is there."""
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return span if span is not None and len(span) else None
