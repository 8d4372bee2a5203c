"""Where a token stands in the article's layout: inside a direct quote (whose "we" and "they"
wait for the speaker), or in the wire dateline ("KYIV, Jan 12 (Reuters) -"), which names where
a story was filed, not an actor."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.doc_text import doc_text


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks (a paragraph break closes a quote)."""
    inside, quoted = False, set()
    for token in doc:
        if token.text in {"\u201c", "\u201d", '"'} or "\n\n" in token.text_with_ws:
            inside = token.text == "\u201c" or (token.text == '"' and not inside)
        elif inside:
            quoted.add(token.i)
    return quoted


# A dateline at the start of the article or of a paragraph: a place in capitals ("NEW YORK",
# "BULAWAYO, Zimbabwe", "TOWER, Minn."), or in title case when a region follows ("Raipur,
# India"), then a date and an agency in brackets, each optional, then a dash (AP: "_") or a
# colon.
_PLACE = r"(?:[A-Z][A-Z.'’/&-]*(?:\s+[A-Z][A-Z.'’/&-]*){0,3})"
_TITLE_PLACE = r"(?:[A-Z][a-z.'’-]+(?:\s+[A-Z][a-z.'’-]+){0,2})"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})"
_DATE = r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
_AGENCY = r"(?:\s*\([A-Za-z .&-]{2,30}\))"
DATELINE = re.compile(
    rf"(?:{_PLACE}{_REGION}?|{_TITLE_PLACE}{_REGION}){_DATE}?{_AGENCY}?\s*(?:--|[-—–:_])\s"
    rf"|{_AGENCY}\s*(?:--|[-—–])\s"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each wire dateline opening ``text`` or one of its paragraphs."""
    spans = []
    for start in [0] + [m.end() for m in re.finditer(r"\n\s*\n\s*", text)]:
        while start < len(text) and text[start].isspace():
            start += 1
        match = DATELINE.match(text, start)
        if match is not None and match.end() - start <= 60:
            spans.append((start, match.end()))
    return spans


def dateline_tokens(doc: Doc) -> set[int]:
    """The words of each wire dateline (``dateline_spans``): where a story was filed, and by
    which agency, never an actor."""
    spans = dateline_spans(doc_text(doc))
    words = (t for t in doc if not (t.is_punct or t.is_space))
    return {t.i for t in words if any(s <= t.idx < e for s, e in spans)}
