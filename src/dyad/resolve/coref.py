"""Coreference for actor mentions: pronouns and definite descriptions take an earlier mention.

"he" after "Ambassador Tom Barrack", "the envoy" after an envoy, "the group" after the SDF, and
"we" inside a direct quote as the speaker's side. The history is filled in text order by
``ActorResolver``; a pronoun with no acceptable antecedent stays unresolved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dyad.article import Actor, Mention, TextSpan

PERSONAL = {"he", "she", "him", "her", "his"}
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}
PLURAL = {"they", "them", "their"}
NEUTER = {"it", "its"}
# "it" is an organisation or a state only when it acts: "it said", "its forces"; not "it is
# clear", "it seems", "it was raining" (impersonal uses).
IMPERSONAL_VERBS = {"be", "seem", "appear", "rain", "happen", "remain", "matter", "mean", "take"}
COREF_WINDOW = 4  # sentences back that a pronoun or nominal may reach

Resolution = tuple[Actor | None, str | None, TextSpan | None]  # actor, kind, antecedent
UNRESOLVED: Resolution = (None, None, None)


@dataclass
class HistoryEntry:
    """One resolved mention, remembered for later pronouns and descriptions."""

    token: int
    sentence: int
    mention: Mention
    kind: str | None
    is_subject: bool


class MentionHistory:
    """Earlier mentions of an article and the direct quotes' speakers."""

    def __init__(self, sentence_of: dict[int, int]) -> None:
        self.sentence_of = sentence_of
        self.entries: list[HistoryEntry] = []
        self.speaker_regions: list[tuple[int, int, Actor | None]] = []

    def add(self, entry: HistoryEntry) -> None:
        self.entries.append(entry)

    def antecedent(
        self, head: Token, accept: Callable[[HistoryEntry], bool]
    ) -> HistoryEntry | None:
        """The closest earlier mention (within COREF_WINDOW sentences) that ``accept`` takes."""
        sentence = self.sentence_of[head.i]
        usable = [
            entry
            for entry in self.entries
            if entry.token < head.i and sentence - entry.sentence <= COREF_WINDOW and accept(entry)
        ]
        return max(usable, key=lambda entry: entry.token, default=None)

    def pronoun(
        self, head: Token, offset: int, country_name: Callable[[str], str | None]
    ) -> Resolution:
        """Personal pronoun -> last person; "they" -> last group; "we" -> the speaker's side."""
        lower = head.lower_
        if lower in FIRST_PERSON:
            return self._first_person(lower, head.idx + offset, country_name)
        if lower in PERSONAL:
            earlier = self.antecedent(
                head, lambda e: e.kind == "person" and e.mention.actor is not None
            )
        elif lower in NEUTER:
            if not acts_as_agent(head):
                return UNRESOLVED
            earlier = self.antecedent(
                head,
                lambda e: (
                    e.kind in {"organisation", "country", "sector"}
                    and e.mention.actor is not None
                    # "the militants" are "they"; "the Israel Defense Forces", "the United
                    # States" are names and may be "it"
                    and not (e.kind == "sector" and e.mention.text.lower().endswith("s"))
                ),
            )
        else:
            earlier = self.antecedent(
                head,
                lambda e: (
                    e.kind in {"organisation", "sector", "group", "country"}
                    and e.mention.actor is not None
                ),
            )
        return UNRESOLVED if earlier is None else copy_of(earlier, "pronoun-coref")

    def _first_person(
        self, lower: str, char: int, country_name: Callable[[str], str | None]
    ) -> Resolution:
        for start, end, actor in self.speaker_regions:
            if start <= char < end and actor is not None:
                if lower in {"we", "us", "our"} and actor.country:
                    side = Actor(
                        name=country_name(actor.country),
                        country=actor.country,
                        sector=actor.sector,
                        kind="country",
                        resolved_by="quote-speaker-side",
                    )
                    return side, "country", None
                return actor.model_copy(update={"resolved_by": "quote-speaker"}), "person", None
        return UNRESOLVED


def acts_as_agent(pronoun: Token) -> bool:
    """True for "it"/"its" that stand for an actor: a possessor, or the subject of a verb that
    is not impersonal ("it said", "it launched"; not "it is clear", "it seems")."""
    if pronoun.lower_ == "its":
        return pronoun.dep_ == "poss"
    head = pronoun.head
    return (
        pronoun.dep_ == "nsubj"
        and head.pos_ == "VERB"
        and head.lemma_.lower() not in IMPERSONAL_VERBS
    )


def copy_of(entry: HistoryEntry, how: str) -> Resolution:
    """The earlier mention's actor, saying how it was reached and which span it came from."""
    actor = entry.mention.actor
    assert actor is not None
    antecedent = TextSpan(text=entry.mention.text, start=entry.mention.start, end=entry.mention.end)
    root = entry.mention.antecedent or antecedent
    return actor.model_copy(update={"resolved_by": how}), entry.kind, root
