"""Names and titled persons -> actors: knowledge-base names, titles, appositions, nationality,
and persons remembered so that a later short form ("Barrack") finds the full name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor, Mention
from dyad.resolve.actor_bodies import ASSOCIATION_NOUNS
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_kb_records import KBEntry, normalise_name
from dyad.resolve.actor_phrases import (
    clause_place_country,
    entity_of,
    located_country,
    modifier_country,
)
from dyad.resolve.actor_titles import OFFICE_SECTORS, appositive_home, is_former, title_sector
from dyad.resolve.coref import Resolution

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


class NameRules:
    """``ActorResolver``'s rules for names: a known actor, a titled or described person."""

    # state and methods of the ActorResolver these rules are mixed into
    doc: Doc
    kb: ActorKB
    on: dt.date | None
    main_country: str | None
    persons: dict[str, Actor]
    mention_for: Callable[[int], Mention]

    def _named(self, span: Span, head: Token | None = None) -> Actor | None:
        # "Djindjic's opposition coalition" is a coalition, not Djindjic: a possessor names the
        # head only when the head is no actor noun of its own.
        own_noun = False
        if head is not None and not head.ent_type_ and head.pos_ == "NOUN":
            words = [t.text for t in span if t.i <= head.i and t.dep_ in {"compound", "amod"}]
            own_noun = self.kb.sector_for_term(" ".join([*words[-2:], head.text])) is not None
        ents = sorted(
            (
                e
                for e in _ents_in(span)
                if e.start >= span.start
                and e.end <= span.end
                and e.label_ in ACTOR_ENTS
                and not (own_noun and e.root.dep_ == "poss")
            ),
            key=lambda e: (e.label_ not in {"PERSON", "ORG"}, e.start),
        )
        texts = [e.text for e in ents if e.label_ in {"PERSON", "ORG"}] + [strip_det(span.text)]
        for text in texts:
            # a name two actors share ("Justice and Development Party" in Turkey and Morocco)
            # goes to the one of the article's country
            found = sorted(
                self.kb.lookup_name(text, self.on),
                key=lambda e: self.main_country is not None and e.country != self.main_country,
            )
            if self.on is None:  # undated: the title beside the name picks the role
                found = _by_title(found, _title_before(span))
            for entry in found:
                if entry.kind == "country":
                    continue
                other = self._other_country_institution(text, entry.country, span, head)
                if other is not None:  # "Peru's Congress", "Congress in the Philippines"
                    return other
                actor = Actor(
                    id=entry.id,
                    name=entry.name,
                    country=entry.country or None,
                    sector=entry.sector or None,
                    kind=entry.kind,
                    resolved_by="kb",
                )
                former = entry.kind == "person" and actor.sector in OFFICE_SECTORS
                if former and _former_before(span):  # "former President Jair Bolsonaro"
                    actor = actor.model_copy(update={"sector": "ELI"})
                if entry.kind == "person":
                    self._register_person(text, actor)
                return actor
        return None

    def _former_holder(self, text: str) -> Actor | None:
        """A person known only in roles that ended before the article's date: one of the
        country's elite (ELI) after an office, as Phoenix codes former office holders; after
        another role (a wartime rebel leader) only the country is known. A person whose known
        roles all begin after the date is that country's, in no sector."""
        on = self.on
        if on is None:
            return None
        people = [e for e in self.kb.lookup_name(text) if e.kind == "person"]
        ended = [e for e in people if e.valid_to is not None and e.valid_to < on]
        if not ended:
            # known only from a later role ("Jaswant Singh" in 1998, months before he became
            # foreign minister): a national of that country, in no sector yet
            later = [e for e in people if e.valid_from is not None and e.valid_from > on]
            first = min(later, key=lambda e: e.valid_from or on, default=None)
            if first is None or not first.country:
                return None
            return Actor(
                id=first.id, name=first.name, country=first.country, kind="person",
                resolved_by="kb-later",
            )  # fmt: skip
        last = max(ended, key=lambda e: e.valid_to or on)
        sector = "ELI" if last.sector in OFFICE_SECTORS else None
        actor = Actor(
            id=last.id, name=last.name, country=last.country or None, sector=sector,
            kind="person", resolved_by="kb-former",
        )  # fmt: skip
        return actor

    def _other_country_institution(
        self, text: str, country: str | None, span: Span, head: Token | None
    ) -> Actor | None:
        """A bare institution word that names one country's body in the knowledge base
        ("Congress": the US Congress) used for another's: "Peru's Congress", "the Philippine
        Congress", "Congress in Manila". The phrase itself must name the other country."""
        words = normalise_name(text).split()
        sector = self.kb.sector_for_term(text) if len(words) == 1 else None
        if sector is None or head is None:
            return None
        # the name's span is the entity alone: its possessor or modifier stands before it
        left = head.doc[min(t.i for t in head.subtree) : max(head.i + 1, span.end)]
        other = (
            modifier_country(self.kb, left, head)
            or located_country(self.kb, head)
            # "urged Congress in the Philippines to ...": the parser hangs the place on the verb
            or (clause_place_country(self.kb, head) if head.dep_ == "dobj" else None)
        )
        if other is None or other == country:
            return None
        return Actor(
            name=f"{self._country_name(other) or other} {strip_det(text)}",
            country=other,
            sector=sector,
            kind="organisation",
            resolved_by="institution+country",
        )

    def _description_of(self, head: Token) -> Token | None:
        """The actor noun set beside a name the parser did not tag as a known actor:
        "journalist" in "Amal Saleh, a Yemeni journalist", "activist" in "Salaheddine Sidhoum,
        Algeria's leading human rights activist"."""
        if head.pos_ != "PROPN" or head.ent_type_ not in {"", "PERSON"}:
            return None
        if not head.text[:1].isupper():
            return None
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
                words = [t.text for t in child.lefts if t.dep_ in {"compound", "amod"}]
                if self.kb.sector_for_term(" ".join([*words[-2:], child.text])) is not None:
                    return child
        return None

    def _described_name(self, head: Token, span: Span) -> Actor | None:
        """A name unknown to the knowledge base, resolved by the description apposed to it
        (its country and sector; the name stays the person's)."""
        description = self._description_of(head)
        if description is None or self.kb.lookup_name(strip_det(span.text), self.on):
            return None
        if any(
            self.kb.lookup_name(e.text, self.on) for e in _ents_in(span) if e.label_ == "PERSON"
        ):
            return None
        described = self.mention_for(description.i).actor
        if described is None or described.sector is None:
            return None
        # "The Congolese Association for Access to Justice, a rights group": an organisation,
        # and the country its own name gives when the description names none
        labels = {e.label_ for e in _ents_in(span)} | {head.ent_type_}
        body = labels & {"ORG", "FAC"} or head.lower_ in ASSOCIATION_NOUNS
        kind = "organisation" if body and "PERSON" not in labels else "person"
        country = described.country or modifier_country(self.kb, span, head)
        actor = described.model_copy(
            update={"id": None, "name": strip_det(span.text), "kind": kind, "country": country,
                    "resolved_by": "name+description"}
        )  # fmt: skip
        if kind == "person":
            self._register_person(strip_det(span.text), actor)
        return actor

    def _person(self, head: Token, span: Span) -> Resolution:
        known = self.persons.get(span.text.lower()) or self.persons.get(span[-1].lower_)
        if known is not None:
            return known.model_copy(update={"resolved_by": "earlier-mention"}), "person", None
        outer = head
        while (
            outer.dep_ in {"compound", "appos", "pobj", "prep"}
            and outer.head.i != outer.i
            and outer.head.pos_ not in {"VERB", "AUX"}  # "advanced on Bukavu": no title there
        ):
            outer = outer.head
        context = self.doc[min(t.i for t in outer.subtree) : max(t.i for t in outer.subtree) + 1]
        country = modifier_country(self.kb, context, head) or appositive_home(
            self.kb, context, head, self.main_country
        )
        for ent in _ents_in(context) if country is None else ():
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
        # "Bolsonaro" in 2026: known only in an office that has ended (a title beside the name
        # says more: "rebel leader John Garang")
        past = self._former_holder(span.text) if sector is None else None
        if past is not None and country in {None, past.country}:
            self._register_person(span.text, past)
            return past, "person", None
        if sector is None and country is not None and context.start < head.i:
            # "Bosnian Serb leader Radovan Karadzic": a nationality without a known title
            actor = Actor(name=span.text, country=country, kind="person", resolved_by="nationality")
            self._register_person(span.text, actor)
            return actor, "person", None
        if sector is None:
            return None, "person", None
        if is_former(context, head):
            sector = "ELI"
        how = "title"
        earlier = self._former_holder(span.text) if country is None else None
        if earlier is not None:  # "former President Rodrigo Duterte": the country he led
            country, how = earlier.country, "title+kb-former"
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

    def _untagged_titled_name(self, head: Token) -> bool:
        """A proper noun with no entity that follows a title noun through name words only
        ("militant Haroon Rashid Aswad"), as a person's name does."""
        if head.pos_ != "PROPN" or head.ent_type_ or not head.text[:1].isupper():
            return False
        i = head.i - 1
        while i >= 0 and self.doc[i].pos_ == "PROPN" and not self.doc[i].ent_type_:
            i -= 1
        if i < 0 or i == head.i - 1 or self.doc[i].pos_ != "NOUN":
            return False  # no name word before the head, or no title before the name
        return self.kb.sector_for_term(self.doc[i].lower_) is not None


# Title words that name the same office differently in text and in the role column.
_TITLE_SYNONYMS = {"defense": "defence", "premier": "prime", "pm": "prime", "chief": "head"}
_TITLE_STOP = {"former", "ex", "of", "the", "and", "then", "acting", "interim"}


def _title_before(span: Span) -> list[str]:
    """The words of the title just before a name ("Interior Minister" in "Interior Minister
    Nicolas Sarkozy") or else set beside it ("Sarkozy, the interior minister"), lowercased and
    without "former" or "of"; empty when no title stands there."""
    doc = span.doc
    start = next((t.i for t in span if t.ent_type_ == "PERSON"), span.start)
    words: list[str] = []
    for i in range(start - 1, max(start - 6, -1), -1):
        token = doc[i]
        if token.pos_ not in {"NOUN", "PROPN", "ADJ", "ADP"} or token.ent_type_ == "PERSON":
            break
        if token.pos_ == "ADP" and token.lower_ != "of":
            break
        words.append(token.lower_)
    words.reverse()
    if not words:  # "Nicolas Sarkozy, the interior minister, said": the title in apposition
        root = doc[start].head if doc[start].dep_ == "compound" else doc[start]
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                phrase = list(child.subtree)[:6]  # "the head of the IMF"
                words = [t.lower_ for t in phrase if t.pos_ in {"NOUN", "PROPN", "ADJ"}]
                break
    found = [_TITLE_SYNONYMS.get(w, w) for w in words]
    return [w for w in found if w not in _TITLE_STOP]


def _by_title(found: list[KBEntry], title: list[str]) -> list[KBEntry]:
    """Undated text: a person's roles ordered by how many words of the title beside the name
    their role shares ("Interior Minister Sarkozy" is Sarkozy the interior minister, not the
    later president); without a title, or a title no role shares, the order stays."""
    if not title or sum(e.kind == "person" for e in found) < 2:
        return found

    def shared(entry: KBEntry) -> int:
        if entry.kind != "person" or not entry.role:
            return 0
        role = {_TITLE_SYNONYMS.get(w, w) for w in normalise_name(entry.role).split()}
        return sum(w in role for w in title)

    return sorted(found, key=lambda e: -shared(e))  # stable: ties keep the lookup's order


def _former_before(span: Span) -> bool:
    """True when "former" or "ex-" stands in the title just before a name ("former President
    X", "ex-army chief X"), not further back in the sentence."""
    doc = span.doc
    for i in range(span.start - 1, max(span.start - 5, -1), -1):
        token = doc[i]
        if token.is_punct and token.text != "-" or token.pos_ in {"VERB", "AUX", "ADP", "DET"}:
            return False
        if token.lower_ in {"former", "ex", "ex-"} or token.lower_.startswith("ex-"):
            return True
    return False


def _ents_in(span: Span) -> list[Span]:
    """The entities inside a span, through the per-Doc index (``span.ents`` rescans the Doc)."""
    found = (entity_of(t) for t in span)
    inside = (e for e in found if e is not None and span.start <= e.start and e.end <= span.end)
    return list({(e.start, e.end): e for e in inside}.values())


def strip_det(text: str) -> str:
    """The text without a leading article or "all"."""
    for det in ("the ", "The ", "a ", "an ", "all "):
        if text.startswith(det):
            return text[len(det) :]
    return text
