"""Bound sentence length before the parser: an overlong run of tokens is cut into sentences.

dyad's linking and resolution walk a sentence or a clause per event, so their cost grows with
the square of one sentence's length; a 100,000-character text with no full stop would take
minutes. Runs of more than ``max_tokens`` tokens without a sentence-final mark are cut, at a
line break, else a semicolon or colon, else a comma, dash or coordinating conjunction (the
latest such place in the run's back half), else hard. The parser respects sentence starts set
before it. Text with ordinary punctuation is left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "dyad_long_sentences"
MAX_TOKENS = 200  # news sentences rarely pass ~100 tokens; this only catches degenerate text
SENTENCE_FINAL = frozenset({".", "!", "?", "\u2026", "...", "?!", "!?"})
CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "while", "whereas", "yet", "so", "then"})
# How natural a cut after these tokens is (a line break ranks 3, a conjunction 1).
_AFTER = {";": 2, ":": 2, ",": 1, "\u2014": 1, "\u2013": 1, "--": 1}


class LongSentenceSplitter:
    """Set sentence starts inside runs of more than ``max_tokens`` tokens with no full stop."""

    def __init__(self, max_tokens: int = MAX_TOKENS) -> None:
        if max_tokens < 2:
            raise ValueError(f"max_tokens must be at least 2, not {max_tokens}")
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        run_start = 0  # first token of the current run without a sentence-final mark
        for i, token in enumerate(doc):
            if i - run_start >= self.max_tokens:
                cut = self._cut(doc, run_start, i)
                doc[cut].is_sent_start = True
                run_start = cut
            if token.text in SENTENCE_FINAL:
                run_start = i + 1
        return doc

    def _cut(self, doc: Doc, start: int, end: int) -> int:
        """The best token to start a new sentence in the back half of ``doc[start:end]``."""
        best, best_rank = end, 0
        for j in range(end, start + max(1, self.max_tokens // 2) - 1, -1):
            rank = _cut_rank(doc, j)
            if rank > best_rank:
                best, best_rank = j, rank
                if rank == 3:
                    break
        return best


def _cut_rank(doc: Doc, j: int) -> int:
    """How natural a sentence start at token ``j`` is: 3 after a line break, 0 not at all."""
    before = doc[j - 1]
    if "\n" in before.text or "\n" in before.whitespace_:
        return 3
    if before.text in _AFTER:
        return _AFTER[before.text]
    # After the conjunction: a sentence starting with "and" is split off again by the parser.
    return 1 if before.lower_ in CONJUNCTIONS else 0


@Language.factory(COMPONENT, default_config={"max_tokens": MAX_TOKENS})
def make_long_sentence_splitter(nlp: Language, name: str, max_tokens: int) -> LongSentenceSplitter:
    """spaCy factory: ``nlp.add_pipe("dyad_long_sentences", first=True)``."""
    return LongSentenceSplitter(max_tokens)
