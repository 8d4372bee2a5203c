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
ATTRIBUTION_CHARS = 200  # text between two quotes of one speaker that names who speaks
# Sectors whose speaker's "we" is the state itself ("we will respond", said the minister).
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
# Verbs whose object is someone addressed: "urged it", "warned it", "accused it".
ADDRESSED_VERBS = {"urge", "press", "ask", "warn", "accuse", "pressure", "invite", "condemn"}
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
        if lower.endswith("thing"):
            return UNRESOLVED  # "everything", "nothing": no earlier actor
        in_quote = self._not_quote_speaker(head.idx + offset)
        subjects = _own_subjects(head)

        def outside(entry: HistoryEntry) -> bool:
            # "the UN urged it to ...": an object pronoun is not its own clause's subject
            return in_quote(entry) and entry.token not in subjects

        if lower in PERSONAL:
            earlier = self.antecedent(
                head, lambda e: e.kind == "person" and e.mention.actor is not None and outside(e)
            ) or self.antecedent(
                # no named person: "a suspected ELN commander ... he", "the minister ... she"
                head,
                lambda e: (
                    e.kind in {"sector", "organisation"}
                    and e.mention.actor is not None
                    and _last_word(e.mention.text) in PERSON_NOUNS
                    and outside(e)
                ),
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
                    # nor "the rebels" after the M23: a plural noun, whatever it names
                    and not _plural_noun(e.mention.text)
                    and outside(e)
                ),
            )
        else:

            def plural(e: HistoryEntry) -> bool:
                return (
                    e.kind in {"organisation", "sector", "group", "country"}
                    and e.mention.actor is not None
                    and outside(e)
                )

            sentence = self.sentence_of[head.i]
            char = head.idx + offset
            # a "they" opening a sentence outside quotes continues the last sentence's subject
            # ("Protesters gathered outside parliament. They demanded ...")
            continues = (
                head.dep_ in {"nsubj", "nsubjpass"}
                and head.head.dep_ == "ROOT"
                and not any(start <= char < end for start, end, _ in self.speaker_regions)
            )
            earlier = self.antecedent(
                head,
                lambda e: continues and e.is_subject and sentence - e.sentence == 1 and plural(e),
            ) or self.antecedent(head, plural)
        return UNRESOLVED if earlier is None else copy_of(earlier, "pronoun-coref")

    def _not_quote_speaker(self, char: int) -> Callable[[HistoryEntry], bool]:
        """Inside a direct quote, "they"/"he" is not the speaker (who says "I"/"we") nor anyone
        named in the attribution between this quote and the speaker's previous one ("...," a
        student told reporters. "They can arrest us ...")."""
        regions = sorted(self.speaker_regions, key=lambda region: region[0])
        here = next((r for r in regions if r[0] <= char < r[1]), None)
        if here is None:
            return lambda entry: True
        before = [r for r in regions if r[1] <= here[0] and here[0] - r[1] <= ATTRIBUTION_CHARS]
        gap = (before[-1][1], here[0]) if before else (here[0], here[0])
        speaker = here[2]

        def outside(entry: HistoryEntry) -> bool:
            actor = entry.mention.actor
            if gap[0] <= entry.mention.start < gap[1]:
                return False
            return speaker is None or actor is None or not _same_actor(actor, speaker)

        return outside

    def _first_person(
        self, lower: str, char: int, country_name: Callable[[str], str | None]
    ) -> Resolution:
        for start, end, actor in self.speaker_regions:
            if start <= char < end and actor is not None:
                if lower in {"we", "us", "our"} and actor.country:
                    if actor.kind == "organisation":  # "we" of a Hamas spokesman is Hamas
                        return (
                            actor.model_copy(update={"resolved_by": "quote-speaker"}),
                            ("organisation"),
                            None,
                        )
                    state = actor.sector in STATE_SECTORS
                    side = Actor(  # an official's "we" is the state; a student's, the students
                        name=country_name(actor.country) if state else None,
                        country=actor.country,
                        sector=actor.sector,
                        kind="country" if state else "sector",
                        resolved_by="quote-speaker-side",
                    )
                    return side, "country" if state else "sector", None
                return actor.model_copy(update={"resolved_by": "quote-speaker"}), "person", None
        return UNRESOLVED


# Singular nouns for one person, that "he" or "she" may stand for when no name was given.
PERSON_NOUNS = {
    "commander", "leader", "minister", "president", "official", "spokesman", "spokeswoman",
    "envoy", "ambassador", "general", "governor", "mayor", "chief", "secretary", "premier",
    "chancellor", "prosecutor", "judge", "lawyer", "activist", "journalist", "reporter",
    "militant", "suspect", "soldier", "officer", "diplomat", "cleric", "king", "emir", "sultan",
    "candidate", "lawmaker", "senator", "businessman", "businesswoman", "dissident",
}  # fmt: skip


def _last_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.id is not None or b.id is not None:
        return a.id == b.id
    return (a.name, a.country, a.sector) == (b.name, b.country, b.sector)


def _own_subjects(pronoun: Token) -> set[int]:
    """Tokens of the subject of the verb an object pronoun depends on, with its conjuncts."""
    if pronoun.dep_ not in {"dobj", "dative", "pobj"}:
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            found |= {child.i, *(t.i for t in child.conjuncts)}
            found |= {t.i for t in child.subtree if t.dep_ == "conj"}
    return found


def acts_as_agent(pronoun: Token) -> bool:
    """True for "it"/"its" that stand for an actor: a possessor, the subject of a verb that
    is not impersonal ("it said", "it launched"; not "it is clear", "it seems"), or the one
    urged, asked or warned ("urged it to let more aid in")."""
    if pronoun.lower_ == "its":
        return pronoun.dep_ == "poss"
    head = pronoun.head
    if pronoun.dep_ == "dobj" and head.lemma_.lower() in ADDRESSED_VERBS:
        return True
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


def _plural_noun(text: str) -> bool:
    """True for a mention ending in a plural common noun ("the rebels", "M23 rebels"), not a
    name ("the United States", "Israel Defense Forces")."""
    words = text.split()
    last = words[-1] if words else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")
