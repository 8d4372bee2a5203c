"""Direct and indirect quotes from a spaCy parse: content, cue and speaker spans as offsets.

Direct quotes are found from quote marks in the text, then tied to a cue verb and its subject
after or before the quote (or to the previous speaker when a quote merely continues). Indirect
quotes come from ``indirect_quotes``; cue lists and speaker helpers from ``quote_cues``.
Speakers are returned as written ("he", "the ministry"); resolving them is the caller's job.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dyad.extract.indirect_quotes import indirect_candidates
from dyad.extract.quote_cues import (
    CueFileError,
    Cues,
    QuoteSpan,
    according_to,
    is_cue_verb,
    load_cues,
    np_bounds,
    subject_of,
    token_index,
)
from dyad.extract.quote_marks import QUOTE_MARK_CHARS, marked_spans
from dyad.nlp.doc_text import doc_text

__all__ = ["CueFileError", "QuoteSpan", "find_quotes", "load_cues", "speaker_head_token"]

SCARE_MAX_WORDS = 3  # a quoted phrase this short needs a cue that governs it
_ALL_MARKS = QUOTE_MARK_CHARS
_SENT_END = {".", "!", "?"}


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    speaker: tuple[int, int] | None
    token: int  # index of the cue token, for governance checks


def _cue_in(
    tokens: list[Token], cues: Cues, nearest_last: bool, quote: range | None = None
) -> _Cue | None:
    """The cue verb (or "according to") in a window of tokens, with its speaker."""
    ordered = reversed(tokens) if nearest_last else tokens
    for token in ordered:
        source = according_to(token)
        if source is not None:
            to = token.doc[token.i + 1]
            return _Cue(token.idx, to.idx + len(to.text), np_bounds(source), token.i)
        if is_cue_verb(token, cues) or (
            token.tag_.startswith("VB") and token.lemma_.lower() in cues.direct_verbs
        ):
            subject = subject_of(token)
            if subject is not None and quote is not None and subject.i in quote:
                # the parse took a word of the quote as the subject: another subject of the
                # cue outside the quote ("'... One of the brightest,' Rep. Cummings said")
                others = [c for c in token.children if c.dep_ == "nsubj" and c.i not in quote]
                subject = others[0] if others else None
            if subject is None:  # "..., said Barrack" parsed without a subject
                following = [t for t in tokens if t.i > token.i and t.pos_ in ("PROPN", "PRON")]
                subject = following[0] if following else None
            speaker = np_bounds(subject) if subject is not None else None
            return _Cue(token.idx, token.idx + len(token.text), speaker, token.i)
    return None


def _is_break(token: Token) -> bool:
    return token.text in _SENT_END or (token.is_space and "\n" in token.text)


def _is_mark(token: Token) -> bool:
    return all(ch in _ALL_MARKS + "`" for ch in token.text)


def _after_window(doc: Doc, first: int, limit: int = 40) -> tuple[list[Token], int | None]:
    """Tokens after a quote that may hold its cue, and the char where their clause ends."""
    window: list[Token] = []
    for token in doc[first : first + 4 * limit]:
        if _is_break(token):
            return window, token.idx + len(token.text)
        if _is_mark(token):
            return window, None
        if len(window) < limit:
            window.append(token)
    return window, None


def _before_window(doc: Doc, last: int, limit: int = 40) -> list[Token]:
    """Tokens before a quote back to the start of its sentence (or the previous quote)."""
    window: list[Token] = []
    for i in range(last, max(last - limit, -1), -1):
        token = doc[i]
        if _is_break(token) or _is_mark(token):
            break
        window.append(token)
    return window[::-1]


_TITLE_SMALL = {"a", "an", "the", "of", "and", "with", "to", "in", "on", "for", "at", "by", "or"}
_TITLE_MAX_WORDS = 6


def _is_title(inner: str) -> bool:
    """Whether quoted words look like a title ("Morning Joe", "Contract with America")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", inner)]
    if not words or len(inner.split()) > _TITLE_MAX_WORDS:
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in _TITLE_SMALL for w in words)


def _governs(doc: Doc, cue: _Cue, first: int, last: int) -> bool:
    """Whether the cue token is an ancestor of some token of the quote (partial quotes)."""
    head = doc[cue.token]
    return any(head in doc[i].ancestors for i in range(first, last + 1))


def _direct_quotes(doc: Doc, cues: Cues, starts: list[int]) -> list[QuoteSpan]:
    text = doc_text(doc)
    out: list[QuoteSpan] = []
    prev: QuoteSpan | None = None
    prev_tail = 0  # where the previous quote's own cue clause ends
    for start, end, how in marked_spans(text):
        inner = text[start:end].strip(_ALL_MARKS + " \n")
        words = len(inner.split())
        if not words:
            continue
        first = bisect.bisect_left(starts, start)
        last = token_index(starts, end - 1)
        after, after_end = _after_window(doc, last + 1)
        before = _before_window(doc, first - 1)
        soft_end = inner[-1] in ",?!—–-" or (bool(after) and after[0].text[:1].islower())
        cue, rule = None, ""
        if soft_end and how != "unclosed":
            cue = _cue_in(after, cues, nearest_last=False, quote=range(first, last + 1))
            rule = "cue-after"
        if cue is None:
            cue, rule = _cue_in(before, cues, nearest_last=True), "cue-before"
        if cue is not None and words <= SCARE_MAX_WORDS and not _governs(doc, cue, first, last):
            cue = None
        if _is_title(inner):
            continue
        if cue is not None:
            speaker = cue.speaker
            cue_span: tuple[int, int] | None = (cue.start, cue.end)
        elif (
            prev is not None
            and prev.speaker_start is not None
            and not any(ch.isalnum() for ch in text[max(prev_tail, prev.end) : start])
        ):
            rule = "continuation"
            speaker = (prev.speaker_start, prev.speaker_end)  # type: ignore[assignment]
            cue_span = (prev.cue_start, prev.cue_end)  # type: ignore[assignment]
        elif words > SCARE_MAX_WORDS and how != "single":
            rule, speaker, cue_span = _uncued_speaker(doc, inner, start, first, last, prev)
        else:
            continue
        if how != "closed":
            rule += "+" + how
        quote = QuoteSpan(
            start,
            end,
            "direct",
            cue_span[0] if cue_span else None,
            cue_span[1] if cue_span else None,
            speaker[0] if speaker else None,
            speaker[1] if speaker else None,
            rule,
        )
        out.append(quote)
        prev = quote
        prev_tail = after_end if rule == "cue-after" and after_end is not None else end
    return out


_LABEL = re.compile(r"^[\s\W]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)?):\s")
_PRONOUN_SPEAKERS = {"he", "she", "they", "i", "we"}


def _uncued_speaker(
    doc: Doc, inner: str, start: int, first: int, last: int, prev: QuoteSpan | None
) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """(rule, speaker, cue) for a quote with no cue verb near it.

    A transcript label opens it ("PENCE: Well, ..."); or a verb outside the quote governs it
    and has a subject ("Cruz called Trump a "..."", "Ham described Clinton as "...""); or it
    stands alone in the paragraph of an earlier quote and takes that quote's speaker.
    """
    label = _LABEL.match(doc_text(doc)[start : start + 60])
    if label is not None:
        at = start + label.start(1)
        return "transcript-label", (at, at + len(label.group(1))), None
    inside = range(first, last + 1)
    for i in inside:
        head = doc[i].head
        while head.i in inside and head.head.i != head.i:
            head = head.head
        if head.i in inside or head.pos_ not in ("VERB", "AUX"):
            continue
        between = doc[head.i + 1 : first]
        if head.i > first or any(_is_break(t) or _is_mark(t) for t in between):
            break  # only a verb before the quote, in its sentence, introduces it
        subject = subject_of(head)
        if subject is not None and subject.i not in inside and _speaker_like(subject):
            return "governor-subject", np_bounds(subject), (head.idx, head.idx + len(head.text))
        break
    if (
        prev is not None
        and prev.speaker_start is not None
        and prev.speaker_end is not None
        and "\n" not in doc_text(doc)[prev.end : start]
    ):
        return "paragraph-speaker", (prev.speaker_start, prev.speaker_end), None
    return "no-cue", None, None


def _speaker_like(token: Token) -> bool:
    """A subject that can be a speaker: a name, a personal pronoun or a common noun phrase."""
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUN_SPEAKERS
    return token.pos_ in ("PROPN", "NOUN") and token.ent_type_ not in ("DATE", "TIME")


def _covered(quote: QuoteSpan, direct: list[QuoteSpan]) -> bool:
    """Whether an indirect candidate is really a direct quote's content (or sits inside one)."""
    size = quote.end - quote.start
    for d in direct:
        overlap = min(quote.end, d.end) - max(quote.start, d.start)
        if overlap > 0.5 * size or d.start <= (quote.cue_start or quote.start) < d.end:
            return True
    return False


def find_quotes(doc: Doc, offset: int = 0) -> list[QuoteSpan]:
    """Direct and indirect quotes of a Doc parsed from ``text[offset:]``, offsets into ``text``."""
    cues = load_cues()
    starts = [token.idx for token in doc]
    direct = _direct_quotes(doc, cues, starts)
    indirect = [q for q in indirect_candidates(doc, cues) if not _covered(q, direct)]
    found = sorted(direct + indirect, key=lambda q: (q.start, q.end, q.kind))
    if not offset:
        return found
    return [_shifted(q, offset) for q in found]


def _shifted(q: QuoteSpan, offset: int) -> QuoteSpan:
    def move(x: int | None) -> int | None:
        return None if x is None else x + offset

    return replace(
        q,
        start=q.start + offset,
        end=q.end + offset,
        cue_start=move(q.cue_start),
        cue_end=move(q.cue_end),
        speaker_start=move(q.speaker_start),
        speaker_end=move(q.speaker_end),
    )


def speaker_head_token(doc: Doc, quote: QuoteSpan, offset: int = 0) -> int | None:
    """Index in ``doc`` of the head token of the quote's speaker span, or None."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    span = doc.char_span(
        quote.speaker_start - offset, quote.speaker_end - offset, alignment_mode="expand"
    )
    return None if span is None else span.root.i
