"""Direct and indirect quotes from a spaCy parse: content, cue and speaker spans as offsets.

Direct quotes are found from quote marks in the text, then tied to a cue verb and its subject
after or before the quote (or to the previous speaker when a quote merely continues). Indirect
quotes are clausal complements of cue verbs, "according to X" and "in a statement, X ...".
Speakers are returned as written ("he", "the ministry"); resolving them is the caller's job.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.extract.quote_marks import QUOTE_MARK_CHARS, marked_spans

CUE_FILE = Path(__file__).resolve().parents[1] / "data" / "quotes" / "cue_verbs.tsv"
SCARE_MAX_WORDS = 3  # a quoted phrase this short needs a cue that governs it
CUE_KINDS = ("verb", "verb+object", "noun", "phrase")
_ALL_MARKS = QUOTE_MARK_CHARS
_SENT_END = {".", "!", "?"}
_SPEAKER_RIGHT_DEPS = {"compound", "flat", "nummod", "prep", "poss", "cc", "conj"}
_SPEAKER_PREPS = {"of", "for", "at", "from", "with", "in"}
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "relcl", "acl", "pcomp"}


class CueFileError(ValueError):
    """A malformed line in the cue list, named by file and line number."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")


@dataclass(frozen=True)
class Cues:
    """Cue lemmas by kind, as loaded from ``cue_verbs.tsv``."""

    verbs: frozenset[str]  # every cue verb, object-taking ones included
    object_verbs: frozenset[str]  # verbs whose object can be the content
    nouns: frozenset[str]
    phrases: frozenset[str]


@dataclass(frozen=True)
class QuoteSpan:
    """A quote as character offsets: content, cue and speaker (None where not found)."""

    start: int
    end: int
    kind: str  # direct | indirect
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    rule: str


@functools.cache
def load_cues(path: Path = CUE_FILE) -> Cues:
    """Read the cue list once per process; a bad line raises CueFileError."""
    found: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) != 3:
            raise CueFileError(path, number, f"expected 3 tab-separated fields, got {len(fields)}")
        lemma, kind, _note = (field.strip() for field in fields)
        if kind not in CUE_KINDS:
            raise CueFileError(path, number, f"kind {kind!r} is not one of {CUE_KINDS}")
        if not lemma or lemma != lemma.lower():
            raise CueFileError(path, number, f"lemma {lemma!r} must be non-empty lower case")
        if any(lemma in found[k] for k in (kind, "verb", "verb+object") if kind.startswith("verb")):
            raise CueFileError(path, number, f"duplicate {kind} cue {lemma!r}")
        found[kind].add(lemma)
    return Cues(
        verbs=frozenset(found["verb"] | found["verb+object"]),
        object_verbs=frozenset(found["verb+object"]),
        nouns=frozenset(found["noun"]),
        phrases=frozenset(found["phrase"]),
    )


# --- tokens, speakers and cues ---------------------------------------------------------------


def _token_index(starts: list[int], char: int) -> int:
    """Index of the token that contains ``char`` (or the last one starting before it)."""
    return max(bisect.bisect_right(starts, char) - 1, 0)


def _np_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``token``, without appositions or clauses."""
    left = token.left_edge
    while left.i < token.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = token
    for child in token.rights:
        if child.dep_ in _SPEAKER_RIGHT_DEPS and (
            child.dep_ != "prep" or child.lower_ in _SPEAKER_PREPS
        ):
            right = max(right, child.right_edge, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def _subject(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing out of participles and conjuncts."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in _SUBJECTS and child.tag_ != "EX":
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return verb.head  # "Smith, who said ..." -> Smith
                return child
        for child in verb.children:
            if child.dep_ == "agent":  # "it was announced by the ministry"
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
            return None
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        verb = verb.head
    return None


def _is_cue_verb(token: Token, cues: Cues) -> bool:
    return token.lemma_.lower() in cues.verbs and token.tag_.startswith("VB")


def _according_to(token: Token) -> Token | None:
    """The object of "according to" when ``token`` is "according", else None."""
    if token.lower_ != "according":
        return None
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    objects = [c for c in nxt.children if c.dep_ == "pobj"]
    if objects:
        return objects[0]
    return token.doc[nxt.i + 1] if nxt.i + 1 < len(token.doc) else None


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    speaker: tuple[int, int] | None
    token: int  # index of the cue token, for governance checks


def _cue_in(tokens: list[Token], cues: Cues, nearest_last: bool) -> _Cue | None:
    """The cue verb (or "according to") in a window of tokens, with its speaker."""
    ordered = reversed(tokens) if nearest_last else tokens
    for token in ordered:
        source = _according_to(token)
        if source is not None:
            to = token.doc[token.i + 1]
            return _Cue(token.idx, to.idx + len(to.text), _np_bounds(source), token.i)
        if _is_cue_verb(token, cues):
            subject = _subject(token)
            if subject is None:  # "..., said Barrack" parsed without a subject
                following = [t for t in tokens if t.i > token.i and t.pos_ in ("PROPN", "PRON")]
                subject = following[0] if following else None
            speaker = _np_bounds(subject) if subject is not None else None
            return _Cue(token.idx, token.idx + len(token.text), speaker, token.i)
    return None


def _is_break(token: Token) -> bool:
    return token.text in _SENT_END or (token.is_space and "\n" in token.text)


def _is_mark(token: Token) -> bool:
    return all(ch in _ALL_MARKS + "`" for ch in token.text)


def _after_window(doc: Doc, first: int, limit: int = 15) -> tuple[list[Token], int | None]:
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
    text = doc.text
    out: list[QuoteSpan] = []
    prev: QuoteSpan | None = None
    prev_tail = 0  # where the previous quote's own cue clause ends
    for start, end, how in marked_spans(text):
        inner = text[start:end].strip(_ALL_MARKS + " \n")
        words = len(inner.split())
        if not words:
            continue
        first = bisect.bisect_left(starts, start)
        last = _token_index(starts, end - 1)
        after, after_end = _after_window(doc, last + 1)
        before = _before_window(doc, first - 1)
        soft_end = inner[-1] in ",?!—–-" or (bool(after) and after[0].text[:1].islower())
        cue, rule = None, ""
        if soft_end and how != "unclosed":
            cue, rule = _cue_in(after, cues, nearest_last=False), "cue-after"
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
            rule, speaker, cue_span = "no-cue", None, None
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


# --- indirect quotes -------------------------------------------------------------------------

_TRIM = " \t\n,;:—–-"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _complement(verb: Token) -> Token | None:
    """The clausal complement of a cue verb: ccomp, else an infinitival xcomp."""
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return None  # "is said to be": no speaker in the clause
    for child in children:
        if child.dep_ == "ccomp":
            return child
    for child in children:
        if child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children):
            return child
    return None


_OBJECT_PREPS = {"about", "of", "for", "against", "to", "as"}
_TIME_ENTS = {"DATE", "TIME"}


def _object(verb: Token) -> tuple[int, int] | None:
    """Bounds of a cue verb's object content: the direct object with its predicate, or the
    object of about/of/for/against ("complained about ...")."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if objects:
        parts = [objects[0]] + [
            c
            for c in children
            if c.i > objects[0].i
            and (c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") or c.lower_ in _OBJECT_PREPS)
        ]
        return parts[0].left_edge.idx, max(_subtree_bounds(p)[1] for p in parts)
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS - {"to", "as"}:
            pobj = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if pobj and pobj[0].ent_type_ not in _TIME_ENTS:
                return _subtree_bounds(pobj[0])
    return None


def _parenthetical(verb: Token) -> bool:
    """Whether a cue verb with no complement is set off by commas ("X, he said, Y")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    subject = _subject(verb)
    if subject is None or subject.i > verb.i or subject not in verb.children:
        return False
    start = subject.left_edge.i
    doc = verb.doc
    before = doc[start - 1] if start > 0 else None
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return (
        before is not None
        and before.text == ","
        and after is not None
        and (after.text in {",", "."} or after.ent_type_ in _TIME_ENTS)
    )


def _subtree_bounds(token: Token) -> tuple[int, int]:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right.text)


def _sentence_content(token: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """The sentence around a cue phrase, minus the phrase: the side that holds words."""
    text, sent = token.doc.text, token.sent
    before = _trimmed(text, sent.start_char, phrase[0])
    after = _trimmed(text, phrase[1], sent.end_char)
    after = (after[0], after[1] - 1) if text[after[1] - 1 : after[1]] in _SENT_END else after
    if before[1] - before[0] < 2:
        return _trimmed(text, *after)
    if after[1] - after[0] < 2:
        return before
    return _trimmed(text, sent.start_char, sent.end_char)


def _phrase_at(doc: Doc, i: int, phrase: str) -> bool:
    words = phrase.split()
    return i + len(words) <= len(doc) and all(
        doc[i + k].lower_ == word for k, word in enumerate(words)
    )


# content bounds, cue bounds, the speaker's head token, rule name
_Found = tuple[tuple[int, int], tuple[int, int], Token | None, str]


def _verb_quote(token: Token, cues: Cues) -> _Found | None:
    """A cue verb's clausal complement, object ("stressed her support") or host sentence."""
    cue = (token.idx, token.idx + len(token.text))
    comp = _complement(token)
    if comp is not None:
        return _subtree_bounds(comp), cue, _subject(token), "cue-verb"
    obj = _object(token) if token.lemma_.lower() in cues.object_verbs else None
    if obj is not None:
        return obj, cue, _subject(token), "cue-object"
    if _parenthetical(token):
        subject = _subject(token)
        clause = (subject.left_edge.idx if subject else token.idx, cue[1])
        return _sentence_content(token, clause), cue, subject, "parenthetical"
    return None


def _according_quote(token: Token) -> _Found | None:
    """ "according to X": speaker X, content the rest of the sentence."""
    source = _according_to(token)
    if source is None:
        return None
    to = token.doc[token.i + 1]
    phrase = (token.idx, source.right_edge.idx + len(source.right_edge.text))
    cue = (token.idx, to.idx + len(to.text))
    return _sentence_content(token, phrase), cue, source, "according-to"


def _noun_quote(token: Token, cues: Cues) -> _Found | None:
    """A cue noun's "that"-clause ("his claim that ..."), its possessor as speaker."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in cues.nouns:
        return None
    for child in token.children:
        if child.dep_ in ("acl", "ccomp") and child.left_edge.lower_ == "that":
            owner = [c for c in token.children if c.dep_ == "poss"]
            cue = (token.idx, token.idx + len(token.text))
            return _subtree_bounds(child), cue, owner[0] if owner else None, "cue-noun"
    return None


def _phrase_quote(token: Token, cues: Cues) -> _Found | None:
    """A sentence opened by a cue phrase ("In a statement, the ministry accused ...")."""
    if not token.is_sent_start or not any(_phrase_at(token.doc, token.i, p) for p in cues.phrases):
        return None  # checked first: Token.sent is costly
    doc, sent = token.doc, token.sent
    if _is_cue_verb(sent.root, cues):
        return None  # the verb rule has sentences whose root is a cue verb
    for phrase in cues.phrases:
        if phrase != "according to" and _phrase_at(doc, token.i, phrase):
            last = doc[token.i + len(phrase.split()) - 1]
            cue = (token.idx, last.idx + len(last.text))
            subject = [c for c in sent.root.children if c.dep_ in _SUBJECTS]
            content = _sentence_content(last, (sent.start_char, cue[1]))
            return content, cue, subject[0] if subject else None, "phrase"
    return None


def _indirect_candidates(doc: Doc, cues: Cues) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    text = doc.text  # Doc.text joins every token: read it once
    for token in doc:
        if _is_cue_verb(token, cues):
            found = _verb_quote(token, cues)
        else:
            found = (
                _according_quote(token) or _noun_quote(token, cues) or _phrase_quote(token, cues)
            )
        if found is None:
            continue
        content, cue, who, rule = found
        start, end = _trimmed(text, *content)
        if len(text[start:end].split()) >= 2:
            speaker: tuple[int | None, int | None] = (None, None)
            if who is not None:
                speaker = _np_bounds(who)
            out.append(QuoteSpan(start, end, "indirect", cue[0], cue[1], *speaker, rule))
    return out


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
    indirect = [q for q in _indirect_candidates(doc, cues) if not _covered(q, direct)]
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
