"""Actor mentions -> identities: knowledge base, titles, metonyms, sector nouns, coreference.

One ``ActorResolver`` per article walks the parse in text order so that later mentions can use
earlier ones: "Barrack" after "Ambassador Tom Barrack", "he" after a person, "the envoy" after
an envoy, "we" inside a quote as the speaker's side. A mention that cannot be resolved keeps its
text with ``actor=None``; nothing is guessed silently (every Actor says ``resolved_by``).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor, Mention
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import (
    country_of_name,
    entity_of,
    is_ethnic,
    is_stance,
    located_country,
    main_country,
    modifier_country,
    place_country,
    title_sector,
)
from dyad.resolve.coref import (
    FIRST_PERSON,
    PERSONAL,
    PLURAL,
    UNRESOLVED,
    HistoryEntry,
    MentionHistory,
    Resolution,
    copy_of,
)

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
DROP_CHILDREN = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "punct", "prep", "xcomp"}
# Definite descriptions that stand for a person named earlier ("the envoy" after Tom Barrack).
PERSON_NOMINALS = {"envoy", "minister", "president", "leader", "ambassador", "official"}
# Definite descriptions of an organisation named earlier ("the group" after the SDF).
ORG_NOMINALS = {"group", "organisation", "organization", "movement", "alliance", "coalition"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}


class ActorResolver:
    """Resolves actor mentions of one parsed article; offsets are shifted by ``offset``."""

    def __init__(self, doc: Doc, offset: int, kb: ActorKB, on: dt.date | None) -> None:
        self.doc, self.offset, self.kb, self.on = doc, offset, kb, on
        self.sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        self.by_head: dict[int, Mention] = {}
        self.history = MentionHistory(self.sentence_of)
        self.persons: dict[str, Actor] = {}
        self.main_country = main_country(kb, doc)

    # -- public -----------------------------------------------------------------------------
    def resolve_all(self) -> None:
        """Resolve every candidate mention in text order (first-person pronouns wait for quotes)."""
        for token in self.doc:
            if self._is_candidate(token) and token.lower_ not in FIRST_PERSON:
                self.mention_for(token.i)

    def set_quote_speakers(self, regions: list[tuple[int, int, Actor | None]]) -> None:
        """Character regions (article offsets) of direct quotes and their speakers' actors."""
        self.history.speaker_regions = regions

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
        self.history.add(
            HistoryEntry(
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
        if token.pos_ != "NOUN" or token.dep_ == "compound":
            return False
        return self.kb.sector_for_term(lower) is not None or token.lemma_.lower() in ORG_NOMINALS

    def _anchor(self, token: Token) -> Token:
        """The token a mention is about: the person inside a title, the noun a compound modifies.

        "Envoy ... to ... Tom Barrack" -> Barrack; "army" in "Panamanian army officers" -> officers.
        """
        if token.pos_ == "PRON":
            return token
        if token.ent_type_ in {"PERSON", "ORG"}:
            return token
        if (
            not token.ent_type_
            and token.dep_ == "compound"
            and token.pos_ == "NOUN"
            and token.head.pos_ == "NOUN"
            and not token.head.ent_type_
        ):
            return self._anchor(token.head)
        for child in token.subtree:
            if child.ent_type_ == "PERSON" and child.dep_ in {"pobj", "appos", "compound"}:
                ent = entity_of(child)
                if (
                    ent is not None
                    and ent.root.dep_ in {"pobj", "appos"}
                    and ent.root.head.head.i == token.i
                ):
                    return ent.root
                if ent is not None and ent.root.dep_ == "appos" and ent.root.head.i == token.i:
                    return ent.root
        return token

    def _span(self, head: Token) -> Span:
        ent = entity_of(head)
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
    def _resolve(self, head: Token, span: Span) -> Resolution:
        if head.pos_ == "PRON":
            return self.history.pronoun(head, self.offset, self._country_name)
        ent = entity_of(head)
        if ent is not None and ent.label_ in {"GPE", "NORP", "LOC"}:
            own = self._place_or_country(head, ent, span)
            if own is not None:
                return own
        named = self._named(span)
        if named is not None:
            return named, named.kind, None
        if head.ent_type_ == "PERSON":
            return self._person(head, span)
        sector = self.kb.sector_for_term(_strip_det(span.text)) or self.kb.sector_for_term(
            head.lower_
        )
        if sector is None:
            return self._other_noun(head, span)
        return self._sector_noun(head, span, sector)

    def _place_or_country(self, head: Token, ent: Span, span: Span) -> Resolution | None:
        """A country, capital, demonym or place that heads the mention."""
        if is_stance(head) or any(e.kind != "country" for e in self.kb.lookup_name(ent.text)):
            return None  # "Brussels" for the EU is a name in the knowledge base, not a capital
        found = country_of_name(self.kb, ent.text)
        if found is not None and found[1] == "demonym" and is_ethnic(head):
            # "ethnic Albanians in south Serbia": the people of the place, not of Albania
            country = located_country(self.kb, head)
            how = "ethnic-group+place"
            if country is None:
                country, how = self.main_country, "ethnic-group+article-country"
            actor = Actor(country=country, sector="CVL", kind="group", resolved_by=how)
            return actor, "group", None
        if found is not None:
            country, how = found
            for child in head.children:
                outer = country_of_name(self.kb, child.text) if child.dep_ == "amod" else None
                if outer is not None and outer[1] == "demonym":  # "Bosnian Serbs" live in Bosnia
                    country = outer[0]
            if how == "demonym":
                sector = self._modified_sector(head)
                actor = Actor(
                    country=country, sector=sector or "CVL", kind="group", resolved_by="demonym"
                )
                return actor, "group", None
            how = "capital-metonym" if how == "capital" else "country-metonym"
            name = self._country_name(country)
            actor = Actor(name=name, country=country, sector="GOV", kind="country", resolved_by=how)
            return actor, "country", None
        if ent.label_ in {"GPE", "LOC"} and self._named(span) is None:
            place = place_country(self.kb, ent.text)
            if place is not None:
                actor = Actor(country=place, kind="place", resolved_by="place-country")
                return actor, "place", None
        return None

    def _modified_sector(self, token: Token) -> str | None:
        """Sector of the noun a demonym modifies: "Israeli" in "Israeli intelligence officials"."""
        if token.dep_ not in MODIFIER_DEPS or token.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        noun = token.head
        words = [t.text for t in noun.lefts if t.dep_ == "compound" and t.i > token.i]
        return self.kb.sector_for_term(" ".join([*words, noun.text]))

    def _sector_noun(self, head: Token, span: Span, sector: str) -> Resolution:
        country = modifier_country(self.kb, span, head)
        # Only a common noun refers back ("the army"); a name ("the Liberation Front") does not.
        definite = head.pos_ == "NOUN" and any(
            c.lower_ in {"the", "this", "that"} for c in head.children if c.dep_ == "det"
        )
        if definite and head.lemma_.lower() in PERSON_NOMINALS:
            # "the envoy" is the last person of that sector (and country, when it names one)
            earlier = self.history.antecedent(
                head,
                lambda e: (
                    e.kind == "person"
                    and e.mention.actor is not None
                    and e.mention.actor.sector == sector
                    and country in {None, e.mention.actor.country}
                ),
            )
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
        if definite and country is None:
            earlier = self.history.antecedent(
                head, lambda e: e.mention.actor is not None and e.mention.actor.sector == sector
            )
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
        how = "sector-noun"
        if country is None:
            country = located_country(self.kb, head, of=sector in {"GOV", "LEG", "CVL"})
            how = "sector-noun" if country is None else "sector-noun+place"
        if country is None and self.main_country is not None:
            country, how = self.main_country, "sector-noun+article-country"
        return Actor(country=country, sector=sector, kind="sector", resolved_by=how), "sector", None

    def _other_noun(self, head: Token, span: Span) -> Resolution:
        """A noun that is no actor term: "the group" (an earlier organisation) or an actor's
        decision ("Turkey's efforts", "an Australian ultimatum": the possessor or demonym)."""
        definite = any(c.lower_ in {"the", "this"} for c in head.children if c.dep_ == "det")
        if definite and head.lemma_.lower() in ORG_NOMINALS:
            earlier = self.history.antecedent(
                head, lambda e: e.kind == "organisation" and e.mention.actor is not None
            )
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
            return UNRESOLVED
        if head.pos_ != "NOUN":
            return UNRESOLVED
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
                owner = self._owner(child)
                if owner is not None:
                    return owner, "possessor", None
        for child in (t for left in head.lefts for t in left.subtree):
            if child.dep_ in MODIFIER_DEPS and child.ent_type_ in {"GPE", "NORP"}:
                ent = entity_of(child)
                found = country_of_name(self.kb, ent.text if ent is not None else child.text)
                if found is not None and not is_stance(child) and not is_ethnic(child):
                    # A country's decision or offer is its government's; its homes, towns or
                    # web sites that something is done to belong to its people.
                    doer = head.dep_ in {"nsubj", "nsubjpass", "agent"}
                    actor = Actor(
                        name=self._country_name(found[0]),
                        country=found[0],
                        sector="GOV" if doer else "CVL",
                        kind="country",
                        resolved_by="country-modifier",
                    )
                    return actor, "possessor", None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ in {"PROPN", "NOUN"}:
                        owner = self._owner(obj)
                        if owner is not None:
                            return owner, "possessor", None
        return UNRESOLVED

    def _owner(self, token: Token) -> Actor | None:
        """The possessor's actor ("Turkey" in "Turkey's efforts", "the rights of Palestinians")."""
        owner = self.mention_for(token.i)
        if owner.actor is None:
            return None
        return owner.actor.model_copy(update={"resolved_by": "possessor"})

    def _named(self, span: Span) -> Actor | None:
        ents = sorted(
            (
                e
                for e in span.ents
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

    def _person(self, head: Token, span: Span) -> Resolution:
        known = self.persons.get(span.text.lower()) or self.persons.get(span[-1].lower_)
        if known is not None:
            return known.model_copy(update={"resolved_by": "earlier-mention"}), "person", None
        outer = head
        while outer.dep_ in {"compound", "appos", "pobj", "prep"} and outer.head.i != outer.i:
            outer = outer.head
        context = self.doc[min(t.i for t in outer.subtree) : max(t.i for t in outer.subtree) + 1]
        country = modifier_country(self.kb, context, head)
        for ent in context.ents if country is None else ():
            if ent.label_ == "ORG":  # "UN Secretary-General Kofi Annan" speaks for the UN
                org = next(iter(self.kb.lookup_name(ent.text, self.on)), None)
                if org is not None and org.kind == "organisation" and org.country is None:
                    actor = Actor(
                        name=span.text,
                        country=org.country,
                        sector=org.sector,
                        kind="person",
                        resolved_by="title-organisation",
                    )
                    self._register_person(span.text, actor)
                    return actor, "person", None
        sector = title_sector(self.kb, context, head)
        if sector is None:
            return None, "person", None
        how = "title"
        if country is None and self.main_country is not None:
            country, how = self.main_country, "title+article-country"
        actor = Actor(
            name=span.text, country=country, sector=sector, kind="person", resolved_by=how
        )
        self._register_person(span.text, actor)
        return actor, "person", None

    def _register_person(self, text: str, actor: Actor) -> None:
        self.persons[text.lower()] = actor
        self.persons.setdefault(text.split()[-1].lower(), actor)
        if actor.name:
            self.persons.setdefault(actor.name.lower(), actor)
            self.persons.setdefault(actor.name.split()[-1].lower(), actor)

    def _country_name(self, iso3: str) -> str | None:
        country = self.kb.country(iso3)
        return country.name if country is not None else None


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "an ", "all "):
        if text.startswith(det):
            return text[len(det) :]
    return text
