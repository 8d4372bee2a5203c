"""Where a token stands in the article's layout: inside a direct quote (whose "we" and "they"
wait for the speaker), or in the wire dateline ("KYIV, Jan 12 (Reuters) -"), which names where
a story was filed, not an actor."""

from __future__ import annotations

from spacy.tokens import Doc


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks (a paragraph break closes a quote)."""
    inside, quoted = False, set()
    for token in doc:
        if token.text in {"\u201c", "\u201d", '"'} or "\n\n" in token.text_with_ws:
            inside = token.text == "\u201c" or (token.text == '"' and not inside)
        elif inside:
            quoted.add(token.i)
    return quoted


def dateline_tokens(doc: Doc) -> set[int]:
    """The place words of a wire dateline opening the article ("KYIV, Jan 12 (Reuters) -",
    "CAIRO/GAZA, Feb 3", "WASHINGTON (AP) -"): words in capitals, then a date or a bracket."""
    words: list[int] = []
    for token in doc[:12]:
        if token.is_alpha and token.is_upper or token.text in {"/", "-", "'"} and words:
            words.append(token.i)
            continue
        break
    if not words:
        return set()
    after = doc[words[-1] + 1 : words[-1] + 4]
    dated = len(after) > 1 and after[0].text == "," and after[1].lower_[:3] in MONTHS
    bracketed = len(after) > 0 and after[0].text == "("
    return set(words) if dated or bracketed else set()


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
