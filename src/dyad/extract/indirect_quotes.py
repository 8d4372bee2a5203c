"""Indirect quotes from a spaCy parse: cue verbs with their complement or object, stance verbs,
cue nouns, "according to X", "In a statement, X ..." and "Name: ..." headlines.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.extract.quote_cues import (
    Cues,
    QuoteSpan,
    according_to,
    is_cue_verb,
    np_bounds,
    subject_of,
    subtree_bounds,
    verb_lemma,
)
from dyad.nlp.doc_text import doc_text

_SENT_END = {".", "!", "?"}
_SUBJECTS = ("nsubj", "nsubjpass")
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
        return parts[0].left_edge.idx, max(subtree_bounds(p)[1] for p in parts)
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS - {"to", "as"}:
            pobj = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if pobj and pobj[0].ent_type_ not in _TIME_ENTS:
                return subtree_bounds(pobj[0])
    return None


def _parenthetical(verb: Token) -> bool:
    """Whether a cue verb with no complement is set off by commas ("X, he said, Y")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    subject = subject_of(verb)
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


def _sentence_content(token: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """The sentence around a cue phrase, minus the phrase: the side that holds words."""
    text, sent = doc_text(token.doc), token.sent
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
        return subtree_bounds(comp), cue, subject_of(token), "cue-verb"
    obj = _object(token) if verb_lemma(token, cues.verbs) in cues.object_verbs else None
    if obj is not None:
        return obj, cue, subject_of(token), "cue-object"
    if _parenthetical(token):
        subject = subject_of(token)
        clause = (subject.left_edge.idx if subject else token.idx, cue[1])
        return _sentence_content(token, clause), cue, subject, "parenthetical"
    return None


_AGENT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})
_NOT_AGENT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"})


def _is_agent(token: Token) -> bool:
    """Whether a subject can hold a stance: not "it", "there" or a date or number."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head != token:
        return _is_agent(token.head.head)  # "states that may not want ...": judge "states"
    if token.pos_ == "PRON":
        return token.lower_ in _AGENT_PRONOUNS
    return token.ent_type_ not in _NOT_AGENT_ENTS


def _stance_quote(token: Token, cues: Cues) -> _Found | None:
    """A stance or advocacy verb with a subject ("Cruz endorsed Trump", "she wants to ..."):
    PolNeAR counts these as attributions; the content is the complement or the object."""
    if not token.tag_.startswith("VB") or verb_lemma(token, cues.stance_verbs) not in (
        cues.stance_verbs
    ):
        return None
    subject = subject_of(token)
    if subject is None or not _is_agent(subject):
        return None
    cue = (token.idx, token.idx + len(token.text))
    comp = _complement(token)
    if comp is not None:
        return subtree_bounds(comp), cue, subject, "stance"
    obj = _object(token)
    if obj is not None:
        return obj, cue, subject, "stance-object"
    return None


def _according_quote(token: Token) -> _Found | None:
    """ "according to X": speaker X, content the rest of the sentence."""
    source = according_to(token)
    if source is None:
        return None
    to = token.doc[token.i + 1]
    phrase = (token.idx, source.right_edge.idx + len(source.right_edge.text))
    cue = (token.idx, to.idx + len(to.text))
    return _sentence_content(token, phrase), cue, source, "according-to"


def _noun_quote(token: Token, cues: Cues) -> _Found | None:
    """A cue noun's content: its "that"-clause ("his claim that ..."), its infinitive when it
    has an owner ("Trump's refusal to ..."), or its "about" object ("questions about ...")."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in cues.nouns:
        return None
    owners = [c for c in token.children if c.dep_ == "poss"]
    owner = owners[0] if owners else None
    cue = (token.idx, token.idx + len(token.text))
    for child in token.children:
        if child.dep_ in ("acl", "ccomp") and child.left_edge.lower_ == "that":
            return subtree_bounds(child), cue, owner, "cue-noun"
        if (
            owner is not None
            and child.dep_ == "acl"
            and child.i > token.i
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children)
        ):
            return subtree_bounds(child), cue, owner, "cue-noun"
        if child.dep_ == "prep" and child.lower_ == "about":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return subtree_bounds(objects[0]), cue, owner, "cue-noun"
    return None


def _phrase_quote(token: Token, cues: Cues) -> _Found | None:
    """A sentence opened by a cue phrase ("In a statement, the ministry accused ...")."""
    if not token.is_sent_start or not any(_phrase_at(token.doc, token.i, p) for p in cues.phrases):
        return None  # checked first: Token.sent is costly
    doc, sent = token.doc, token.sent
    if is_cue_verb(sent.root, cues):
        return None  # the verb rule has sentences whose root is a cue verb
    for phrase in cues.phrases:
        if phrase != "according to" and _phrase_at(doc, token.i, phrase):
            last = doc[token.i + len(phrase.split()) - 1]
            cue = (token.idx, last.idx + len(last.text))
            subject = [c for c in sent.root.children if c.dep_ in _SUBJECTS]
            content = _sentence_content(last, (sent.start_char, cue[1]))
            return content, cue, subject[0] if subject else None, "phrase"
    return None


COLON_PREFIX_MAX = 6  # "Rush Limbaugh: ...", "Obama on climate change: ..."
_NOT_SPEAKERS = frozenset(
    {"update", "updated", "note", "correction", "editor", "photo", "video", "watch", "read"}
)


def _line_start(token: Token, limit: int) -> int | None:
    """Index of the first token of ``token``'s sentence or line, if within ``limit`` tokens."""
    doc, first = token.doc, token.i
    while first > 0 and not doc[first].is_sent_start and "\n" not in doc[first - 1].text:
        if token.i - first >= limit:
            return None
        first -= 1
    return first


def _colon_quote(token: Token) -> _Found | None:
    """A line opened by a short name and a colon ("Pence: Flowers won't be at debate"): the
    name is the speaker, the rest of the sentence the content. Verbs before it are other rules'."""
    if token.text != ":" or token.i == 0:
        return None
    first = _line_start(token, COLON_PREFIX_MAX)
    if first is None or first == token.i:
        return None
    doc = token.doc
    prefix = doc[first : token.i]
    if prefix[0].lower_ in _NOT_SPEAKERS or not any(t.pos_ == "PROPN" for t in prefix):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("GPE", "DATE", "TIME") for t in prefix):
        return None  # "Barrack said: ..." is the verb rule's; "WASHINGTON: ..." a dateline
    end = token.i + 1
    while end < len(doc) and not doc[end].is_sent_start and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[token.i + 1 : end] if not t.is_punct]
    if len(words) < 3 or all(t.ent_type_ in _NOT_AGENT_ENTS for t in words):
        return None
    last = doc[end - 1]
    content = (doc[token.i + 1].idx, last.idx + len(last.text))
    speaker = prefix.root
    return content, (token.idx, token.idx + 1), speaker, "colon"


def indirect_candidates(doc: Doc, cues: Cues) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    text = doc_text(doc)
    for token in doc:
        if is_cue_verb(token, cues):
            found = _verb_quote(token, cues)
        else:
            found = (
                _stance_quote(token, cues)
                or _according_quote(token)
                or _noun_quote(token, cues)
                or _phrase_quote(token, cues)
                or _colon_quote(token)
            )
        if found is None:
            continue
        content, cue, who, rule = found
        start, end = _trimmed(text, *content)
        if len(text[start:end].split()) >= 2:
            speaker: tuple[int | None, int | None] = (None, None)
            if who is not None:
                speaker = np_bounds(who)
            out.append(QuoteSpan(start, end, "indirect", cue[0], cue[1], *speaker, rule))
    return out
