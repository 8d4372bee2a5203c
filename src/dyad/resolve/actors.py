"""Actor mentions -> identities: knowledge base, titles, metonyms, sector nouns, coreference.

One ``ActorResolver`` per article walks the parse in text order so that later mentions can use
earlier ones: "Barrack" after "Ambassador Tom Barrack", "he" after a person, "the envoy" after
an envoy, "we" inside a quote as the speaker's side. A mention that cannot be resolved keeps its
text with ``actor=None``; nothing is guessed silently (every Actor says ``resolved_by``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor, Mention, TextSpan
from dyad.resolve.actor_kb import ActorKB

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
PERSONAL = {"he", "she", "him", "her", "his"}
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}
PLURAL = {"they", "them", "their"}
DROP_CHILDREN = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "punct", "prep", "xcomp"}
LOCATIVE_PREPS = {"in", "at", "near", "from", "across", "inside", "outside", "around", "into"}
COREF_WINDOW = 4  # sentences back that a pronoun or nominal may reach


@dataclass
class _Entry:
    token: int
    sentence: int
    mention: Mention
    kind: str | None
    is_subject: bool


class ActorResolver:
    """Resolves actor mentions of one parsed article; offsets are shifted by ``offset``."""

    def __init__(self, doc: Doc, offset: int, kb: ActorKB, on: dt.date | None) -> None:
        self.doc, self.offset, self.kb, self.on = doc, offset, kb, on
        self.sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        self.by_head: dict[int, Mention] = {}
        self.history: list[_Entry] = []
        self.persons: dict[str, Actor] = {}
        self.speaker_regions: list[tuple[int, int, Actor | None]] = []
        self.main_country = self._main_country()

    # -- public -----------------------------------------------------------------------------
    def resolve_all(self) -> None:
        """Resolve every candidate mention in text order (first-person pronouns wait for quotes)."""
        for token in self.doc:
            if self._is_candidate(token) and token.lower_ not in FIRST_PERSON:
                self.mention_for(token.i)

    def set_quote_speakers(self, regions: list[tuple[int, int, Actor | None]]) -> None:
        """Character regions (article offsets) of direct quotes and their speakers' actors."""
        self.speaker_regions = regions

    def mention_for(self, i: int) -> Mention:
        """The mention headed by token ``i`` (resolved once, then remembered)."""
        if i in self.by_head:
            return self.by_head[i]
        token = self.doc[i]
        anchor = self._anchor(token)
        if anchor.i != i and anchor.i in self.by_head:
            self.by_head[i] = self.by_head[anchor.i]
            return self.by_head[i]
        span = self._span(anchor)
        actor, kind, antecedent = self._resolve(anchor, span)
        mention = Mention(
            text=span.text,
            start=span.start_char + self.offset,
            end=span.end_char + self.offset,
            actor=actor,
            antecedent=antecedent,
        )
        self.by_head[i] = self.by_head[anchor.i] = mention
        self.history.append(
            _Entry(
                anchor.i,
                self.sentence_of[anchor.i],
                mention,
                kind,
                anchor.dep_ in {"nsubj", "nsubjpass"},
            )
        )
        return mention

    def mentions(self) -> list[Mention]:
        unique = {(m.start, m.end): m for m in self.by_head.values()}
        return [unique[k] for k in sorted(unique)]

    # -- candidates and spans ------------------------------------------------------------------
    def _is_candidate(self, token: Token) -> bool:
        lower = token.lower_
        if token.pos_ == "PRON":
            return lower in PERSONAL | PLURAL | FIRST_PERSON
        if token.ent_type_ in {"PERSON", "ORG"} and token.ent_iob_ in {"B", "I"}:
            return token.head.ent_type_ != token.ent_type_ or token.head.i == token.i
        if token.ent_type_ in {"GPE", "NORP"} and token.dep_ in {
            "nsubj",
            "nsubjpass",
            "dobj",
            "poss",
        }:
            return True
        return (
            token.pos_ == "NOUN"
            and self.kb.sector_for_term(lower) is not None
            and token.dep_ != "compound"
        )

    def _anchor(self, token: Token) -> Token:
        """Move from a title head ("Envoy ... to ... Tom Barrack") to the named person inside it."""
        if token.ent_type_ in {"PERSON", "ORG"} or token.pos_ == "PRON":
            return token
        for child in token.subtree:
            if child.ent_type_ == "PERSON" and child.dep_ in {"pobj", "appos", "compound"}:
                ent = _entity_of(child)
                if (
                    ent is not None
                    and ent.root.dep_ in {"pobj", "appos"}
                    and ent.root.head.head is token
                ):
                    return ent.root
                if ent is not None and ent.root.dep_ == "appos" and ent.root.head is token:
                    return ent.root
        return token

    def _span(self, head: Token) -> Span:
        ent = _entity_of(head)
        if ent is not None and ent.label_ in {"PERSON", "ORG"}:
            return ent
        if head.pos_ == "PRON":
            return self.doc[head.i : head.i + 1]
        keep = [head.i]
        for child in head.children:
            if child.dep_ in DROP_CHILDREN and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            keep.extend(t.i for t in child.subtree)
        start, end = min(keep), max(keep) + 1
        while start < head.i and self.doc[start].is_punct:
            start += 1
        while end - 1 > head.i and self.doc[end - 1].is_punct:
            end -= 1
        return self.doc[start:end]

    # -- resolution --------------------------------------------------------------------------
    def _resolve(self, head: Token, span: Span) -> tuple[Actor | None, str | None, TextSpan | None]:
        lower = head.lower_
        if head.pos_ == "PRON":
            return self._pronoun(head)
        named = self._named(span)
        if named is not None:
            return named, named.kind, None
        if head.ent_type_ == "PERSON":
            return self._person(head, span)
        country = self._country_in(span, head)
        if head.ent_type_ in {"GPE", "NORP"} and country is not None and _ent_is_head(head, span):
            if head.ent_type_ == "NORP":
                actor = Actor(country=country, sector="CVL", kind="group", resolved_by="demonym")
                return actor, "group", None
            how = "capital-metonym" if self.kb.country_by_capital(span.text) else "country-metonym"
            name = self._country_name(country)
            return (
                Actor(name=name, country=country, sector="GOV", kind="country", resolved_by=how),
                "country",
                None,
            )
        sector = self.kb.sector_for_term(_strip_det(span.text).lower()) or self.kb.sector_for_term(
            lower
        )
        if sector is None:
            return None, None, None
        definite = any(
            c.lower_ in {"the", "this", "that"} for c in head.children if c.dep_ == "det"
        )
        if definite and country is None:
            earlier = self._antecedent(
                head, lambda e: e.mention.actor is not None and e.mention.actor.sector == sector
            )
            if earlier is not None:
                return self._copy(earlier, "nominal-coref")
        if definite and country is not None:
            earlier = self._antecedent(
                head,
                lambda e: (
                    e.kind == "person"
                    and e.mention.actor is not None
                    and e.mention.actor.country == country
                    and e.mention.actor.sector == sector
                ),
            )
            if earlier is not None and head.lemma_.lower() in {
                "envoy",
                "minister",
                "president",
                "leader",
                "ambassador",
                "official",
            }:
                return self._copy(earlier, "nominal-coref")
        how = "sector-noun"
        if country is None and self.main_country is not None:
            country, how = self.main_country, "sector-noun+article-country"
        return Actor(country=country, sector=sector, kind="sector", resolved_by=how), "sector", None

    def _named(self, span: Span) -> Actor | None:
        ents = sorted(
            (
                e
                for e in self.doc.ents
                if e.start >= span.start and e.end <= span.end and e.label_ in ACTOR_ENTS
            ),
            key=lambda e: (e.label_ not in {"PERSON", "ORG"}, e.start),
        )
        texts = [e.text for e in ents if e.label_ in {"PERSON", "ORG"}] + [_strip_det(span.text)]
        for text in texts:
            for entry in self.kb.lookup_name(text, self.on):
                if entry.kind == "country":
                    continue
                actor = Actor(
                    id=entry.id,
                    name=entry.name,
                    country=entry.country or None,
                    sector=entry.sector or None,
                    kind=entry.kind,
                    resolved_by="kb",
                )
                if entry.kind == "person":
                    self._register_person(text, actor)
                return actor
        return None

    def _person(self, head: Token, span: Span) -> tuple[Actor | None, str | None, TextSpan | None]:
        known = self.persons.get(span.text.lower()) or self.persons.get(span[-1].lower_)
        if known is not None:
            return known.model_copy(update={"resolved_by": "earlier-mention"}), "person", None
        outer = head
        while outer.dep_ in {"compound", "appos", "pobj", "prep"} and outer.head is not outer:
            outer = outer.head
        context = self.doc[min(t.i for t in outer.subtree) : max(t.i for t in outer.subtree) + 1]
        country = self._country_in(context, head)
        sector = None
        for token in context:
            if token.ent_type_ != "PERSON":
                sector = sector or self.kb.sector_for_term(token.lower_)
        if country is None and sector is None:
            return None, "person", None
        actor = Actor(
            name=span.text, country=country, sector=sector, kind="person", resolved_by="title"
        )
        self._register_person(span.text, actor)
        return actor, "person", None

    def _register_person(self, text: str, actor: Actor) -> None:
        self.persons[text.lower()] = actor
        self.persons.setdefault(text.split()[-1].lower(), actor)
        if actor.name:
            self.persons.setdefault(actor.name.lower(), actor)
            self.persons.setdefault(actor.name.split()[-1].lower(), actor)

    def _pronoun(self, head: Token) -> tuple[Actor | None, str | None, TextSpan | None]:
        lower = head.lower_
        if lower in FIRST_PERSON:
            char = head.idx + self.offset
            for start, end, actor in self.speaker_regions:
                if start <= char < end and actor is not None:
                    if lower in {"we", "us", "our"} and actor.country:
                        side = Actor(
                            name=self._country_name(actor.country),
                            country=actor.country,
                            sector=actor.sector,
                            kind="country",
                            resolved_by="quote-speaker-side",
                        )
                        return side, "country", None
                    return actor.model_copy(update={"resolved_by": "quote-speaker"}), "person", None
            return None, None, None
        if lower in PERSONAL:
            earlier = self._antecedent(
                head, lambda e: e.kind == "person" and e.mention.actor is not None
            )
        else:
            earlier = self._antecedent(
                head,
                lambda e: (
                    e.kind in {"organisation", "sector", "group", "country"}
                    and e.mention.actor is not None
                ),
            )
        if earlier is None:
            return None, None, None
        return self._copy(earlier, "pronoun-coref")

    def _antecedent(self, head: Token, accept: Callable[[_Entry], bool]) -> _Entry | None:
        """The closest earlier mention (within COREF_WINDOW sentences) that ``accept`` takes."""
        sentence = self.sentence_of[head.i]
        usable = [
            entry
            for entry in self.history
            if entry.token < head.i and sentence - entry.sentence <= COREF_WINDOW and accept(entry)
        ]
        return max(usable, key=lambda entry: entry.token, default=None)

    def _copy(self, entry: _Entry, how: str) -> tuple[Actor | None, str | None, TextSpan | None]:
        actor = entry.mention.actor
        assert actor is not None
        antecedent = TextSpan(
            text=entry.mention.text, start=entry.mention.start, end=entry.mention.end
        )
        root = entry.mention.antecedent or antecedent
        return actor.model_copy(update={"resolved_by": how}), entry.kind, root

    def _country_in(self, span: Span, head: Token) -> str | None:
        """A country named inside a noun phrase by name, demonym or capital ("Syrian", "US")."""
        for token in span:
            if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
                continue
            if token.ent_type_ in {"GPE", "NORP"} or token.pos_ in {"PROPN", "ADJ"}:
                ent = _entity_of(token)
                text = ent.text if ent is not None else token.text
                country = (
                    self.kb.country_by_name(text)
                    or self.kb.country_by_demonym(text)
                    or self.kb.country_by_capital(text)
                    or self.kb.country_by_demonym(token.text)
                    or self.kb.country_by_name(token.text)
                )
                if country is not None:
                    return country.iso3
        return None

    def _country_name(self, iso3: str) -> str | None:
        country = self.kb.country_by_name(iso3)
        return country.name if country is not None else None

    def _main_country(self) -> str | None:
        counts: Counter[str] = Counter()
        for ent in self.doc.ents:
            if ent.label_ not in {"GPE", "NORP"}:
                continue
            country = (
                self.kb.country_by_name(ent.text)
                or self.kb.country_by_demonym(ent.text)
                or self.kb.country_by_capital(ent.text)
            )
            if country is not None:
                counts[country.iso3] += 1
        return counts.most_common(1)[0][0] if counts else None


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _ent_is_head(head: Token, span: Span) -> bool:
    ent = _entity_of(head)
    return (
        ent is not None and ent.start <= span.root.i < ent.end if span.root is not None else False
    )


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "an ", "all "):
        if text.startswith(det):
            return text[len(det) :]
    return text
