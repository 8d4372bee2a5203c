"""Quote marks in raw text: pairing openers and closers into quoted spans, offsets kept.

Handles curly, straight, guillemet and typewriter (``''``) marks, mixed pairs such as
``“...,"``, quotes that run over paragraphs (each reopened by a mark) and unclosed marks, which
end at their paragraph so that one stray mark never swallows an article.
"""

from __future__ import annotations

import re

MAX_QUOTE_CHARS = 2000  # an unclosed mark never swallows more than this
_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'
_ALL_MARKS = _DOUBLE + "‘’'"
_OPEN_BEFORE = "([{—–-/"  # characters after which a straight mark opens a quote
_CLOSE_AFTER = ".,;:!?)]}—–-"  # characters before which a straight mark closes a quote
_DOUBLED = re.compile(r"''|``")  # typewriter double quotes (NYT style ''like this'')
_FILL = "\x01"  # stands for the second character of a doubled mark, keeping offsets
_PARAGRAPH = re.compile(r"\n\s*\n")
_SINGLE = re.compile(r"(?<!\w)[‘'](?=\w)(?:[^‘’'\n]|[’'](?=\w))*?[^\s‘’'][’'](?!\w)")
QUOTE_MARK_CHARS = _ALL_MARKS


def _mark_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the double quote mark at ``text[i]``, from its context."""
    j, k = i - 1, i + 1
    while k < len(text) and text[k] == _FILL:
        k += 1
    while j >= 0 and text[j] == _FILL:
        j -= 2 if j > 0 else 1  # skip the whole doubled mark
    prev = text[j] if j >= 0 else " "
    nxt = text[k] if k < len(text) else " "
    opens = (prev.isspace() or prev in _OPEN_BEFORE or prev in _DOUBLE) and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _DOUBLE)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if text[i] in _DOUBLE_OPEN:
        return "open"
    return "close" if text[i] in _DOUBLE_CLOSE else "either"


def _pair_paragraph(
    text: str, start: int, end: int, open_at: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """Pair double marks in ``text[start:end]``; returns closed spans and a dangling opener."""
    spans: list[tuple[int, int]] = []
    for i in range(start, end):
        if text[i] not in _DOUBLE:
            continue
        role = _mark_role(text, i)
        if open_at is None:
            if role != "close":
                open_at = i
        elif role != "open":
            spans.append((open_at, i + 2 if text[i + 1 : i + 2] == _FILL else i + 1))
            open_at = None
        else:  # a second opener: the first one was never closed, keep the newer
            open_at = i
    return spans, open_at


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, last = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((last, match.start()))
        last = match.end()
    bounds.append((last, len(text)))
    return bounds


def marked_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans in quote marks, marks included, and how they end: closed, unclosed or single."""
    text = _DOUBLED.sub('"' + _FILL, text)
    out: list[tuple[int, int, str]] = []
    paragraphs = _paragraphs(text)
    carried: int | None = None  # opener left open by the previous paragraph
    for n, (p_start, p_end) in enumerate(paragraphs):
        first = p_start + 1 if carried is not None else p_start  # skip the reopening mark
        spans, dangling = _pair_paragraph(text, first, p_end, carried)
        carried = None
        out.extend((s, e, "closed") for s, e in spans)
        if dangling is None:
            continue
        nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
        # Multi-paragraph quotes leave the paragraph open and reopen the next one.
        if (
            nxt is not None
            and nxt < len(text)
            and text[nxt] in _DOUBLE_OPEN + '"'
            and p_end - dangling < MAX_QUOTE_CHARS
        ):
            carried = dangling
            continue
        end = min(p_end, dangling + MAX_QUOTE_CHARS)
        if len(text[dangling:end].split()) > 1:
            out.append((dangling, end, "unclosed"))
    inside = [(s, e) for s, e, _ in out]
    for match in _SINGLE.finditer(text):
        if not any(s <= match.start() < e for s, e in inside):
            out.append((match.start(), match.end(), "single"))
    return sorted(out)
