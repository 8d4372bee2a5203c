"""Toponyms written as one list: "Georgia, Oklahoma and Texas", "North and South Kivu"."""

from __future__ import annotations

import re

from spacy.tokens import Span

from dyad.resolve.gazetteer import load_gazetteer
from dyad.resolve.place_cues import Toponym

_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+(?:and|or|&)\s+")


def toponym_lists(toponyms: list[Toponym], text: str) -> list[list[int]]:
    """Runs of toponyms written as one list ("Georgia, Oklahoma and Texas"): three or more
    joined by commas, "and", "or", or two joined by "and"/"or" ("Dallas, Texas" is no list)."""
    runs: list[list[int]] = []
    run = [0] if toponyms else []
    joined_by_word = False
    for i in range(1, len(toponyms) + 1):
        gap = text[toponyms[i - 1].end : toponyms[i].start] if i < len(toponyms) else None
        if gap is not None and _LIST_GAP.fullmatch(gap):
            run.append(i)
            joined_by_word |= "," not in gap
            continue
        if len(run) >= 3 or (len(run) == 2 and joined_by_word):
            runs.append(run)
        run, joined_by_word = [i], False
    return runs


def elliptic_toponym(ent: Span) -> list[Toponym]:
    """The first member of an elliptic pair, an entity ending in "and"/"or" before a longer name
    ("North and" of "North and South Kivu"): its words with the rest of the next name ("North
    Kivu") when the gazetteer knows that name; else nothing."""
    doc = ent.doc
    following = next((e for e in doc.ents if e.start == ent.end), None)
    if len(ent) < 2 or following is None or len(following) < 2:
        return []
    head = ent[:-1]
    name = f"{head.text} {following[1:].text}"
    if not load_gazetteer().lookup(name):
        return []
    return [Toponym(head.start_char, head.end_char, head.text, "place", name)]
