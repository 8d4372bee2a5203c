"""Organisations in a noun phrase: the one a sector noun belongs to ("U.N. troops", "Hamas
fighters") and the names of private bodies the parser did not tag ("Congolese Association for
Access to Justice", "the Association of African Jurists").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from dyad.article import Actor
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import entity_of


def member_organisation(kb: ActorKB, head: Token, on: dt.date | None) -> Actor | None:
    """The organisation a sector noun belongs to: "U.N. troops", "Hamas fighters"."""
    for child in head.children:
        if child.dep_ not in {"compound", "nmod", "poss"} or child.i > head.i:
            continue
        ent = entity_of(child)
        text = ent.text if ent is not None else child.text
        entry = next((e for e in kb.lookup_name(text, on) if e.kind == "organisation"), None)
        if entry is not None:
            return Actor(
                id=entry.id,
                name=entry.name,
                country=entry.country,
                sector=entry.sector,
                kind="organisation",
                resolved_by="organisation-member",
            )
    return None


# Words naming a private association, and words saying it reaches beyond one country.
ASSOCIATION_NOUNS = {
    "association", "forum", "federation", "foundation", "institute", "network", "society",
    "league", "alliance", "coalition", "centre", "center", "committee", "council", "union",
    "watch", "campaign", "congress", "confederation", "trust", "fund", "initiative",
}  # fmt: skip
INTERNATIONAL_WORDS = {
    "international", "world", "global", "african", "arab", "asian", "european", "american",
    "latin", "pan", "third", "islamic", "muslim", "christian", "catholic", "worldwide",
    "mediterranean", "pacific", "atlantic", "caribbean", "nordic", "commonwealth",
}  # fmt: skip


# Heads of the names of private bodies: the association nouns that are never a state organ
# ("council", "committee", "congress" may be), and a few more.
PRIVATE_BODY_NOUNS = ASSOCIATION_NOUNS - {
    "committee", "council", "union", "congress", "confederation", "fund",
} | {"observatory", "collective"}  # fmt: skip
_NAME_LINKS = {"for", "of", "to", "and", "on", "the", "&"}


def untagged_body_name(head: Token) -> Span | None:
    """The name of a private body the parser did not tag: a capitalised association noun with
    its capitalised modifiers and of/for phrases ("Congolese Association for Access to
    Justice"); None when ``head`` heads no such name."""
    if (
        head.ent_type_ not in {"", "NORP"}
        or head.lemma_.lower() not in PRIVATE_BODY_NOUNS
        or not head.text[:1].isupper()
        or head.i == head.sent.start  # a sentence's first word is capitalised anyway
        and not any(t.text[:1].isupper() for t in head.lefts)
    ):
        return None
    doc = head.doc
    start = head.i
    while (
        start > head.sent.start
        and doc[start - 1].text[:1].isupper()
        and (doc[start - 1].head.i == head.i or doc[start - 1].head.i == start)
    ):
        start -= 1
    end = head.i + 1
    while end < head.sent.end and (
        doc[end].text[:1].isupper()
        and not doc[end].is_sent_start
        or doc[end].lower_ in _NAME_LINKS
        and end + 1 < head.sent.end
        and doc[end + 1].text[:1].isupper()
    ):
        end += 1
    return doc[start:end]


def is_international_association(span: Span) -> bool:
    """An unknown organisation whose name says it is an association reaching beyond one
    country: "Association of African Jurists", "International Press Institute"."""
    words = {t.lower_.strip("-") for t in span}
    return span.root.lower_ in ASSOCIATION_NOUNS and bool(words & INTERNATIONAL_WORDS)
