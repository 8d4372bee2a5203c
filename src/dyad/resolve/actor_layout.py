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
    """The place words of a wire dateline opening the article: "KYIV, Jan 12 (Reuters) -",
    "CAIRO/GAZA, Feb 3", "WASHINGTON (AP) -", "NAIROBI, Kenya --", "EAST CLEVELAND, Ohio (AP)
    --", "ISLAMABAD:", and the title-case forms "Raipur, India -" and "Cape Town -" (a dash
    must close those). The region after the comma is part of the dateline too."""
    words: list[int] = []
    for token in doc[:8]:
        if (
            token.is_alpha
            and (token.is_upper or token.is_title)
            or token.text in {"/", "'"}
            and words
        ):
            words.append(token.i)
            continue
        break
    if not words or len(words) > 4:
        return set()
    capitals = all(doc[i].is_upper or not doc[i].is_alpha for i in words)
    after = doc[words[-1] + 1 : words[-1] + 10]
    if capitals and len(after) > 0 and after[0].text == ":":
        return set(words)  # "ISLAMABAD: ..."
    if capitals and len(after) > 1 and after[0].text == "," and after[1].lower_[:3] in MONTHS:
        return set(words)
    if capitals and len(after) > 0 and after[0].text == "(":
        return set(words)
    region: list[int] = []
    rest = list(after)
    if rest and rest[0].text == ",":
        for token in rest[1:5]:
            if token.is_title or token.is_upper or token.like_num or token.text == ".":
                region.append(token.i)
                continue
            break
        rest = rest[1 + len(region) :]
    if rest and rest[0].text == "(":
        close = next((k for k, token in enumerate(rest) if token.text == ")"), None)
        rest = rest[close + 1 :] if close is not None and close <= 4 else []
    if rest and rest[0].text in DASHES and (capitals or len(words) <= 3):
        return {*words, *region}
    return set()


DASHES = {"-", "--", "\u2014", "\u2013", "_"}
MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
