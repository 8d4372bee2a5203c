"""An event trigger's clause, without the clauses embedded in it, and the clauses above it."""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_BARRIERS = {"ccomp", "relcl"}  # a time or place inside these belongs to another clause


def clause_tokens(head: Token, barriers: frozenset[str] | set[str] = CLAUSE_BARRIERS) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses (``barriers``) with their own verb."""
    ids = {head.i}
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in barriers:
            continue
        ids.add(token.i)
        stack.extend(token.children)
    return ids


def governing_heads(head: Token, limit: int = 4) -> list[Token]:
    """The clause head and the clauses above it (a participle's main verb, a conjunct's head)."""
    heads = [head]
    current = head
    while len(heads) <= limit and current.dep_ in {
        "advcl",
        "xcomp",
        "conj",
        "pcomp",
        "acl",
        "prep",
        "pobj",
        "dobj",
    }:
        current = current.head
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT":
            heads.append(current)
        if current.dep_ == "ROOT":
            break
    return heads
