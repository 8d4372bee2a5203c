"""Actor mentions -> identities: knowledge base, titles, metonyms, sector nouns, coreference.

One ``ActorResolver`` per article walks the parse in text order so that later mentions can use
earlier ones: "Barrack" after "Ambassador Tom Barrack", "he" after a person, "the envoy" after
an envoy, "we" inside a quote as the speaker's side. A mention that cannot be resolved keeps its
text with ``actor=None``; nothing is guessed silently (every Actor says ``resolved_by``).

Names and titles are read in ``actor_names``, actor nouns in ``actor_sector_nouns``, other nouns
(definite descriptions, possessors, demonyms) in ``actor_other_nouns``; this module finds the
mentions, their spans and which rule resolves each.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor, Mention
from dyad.resolve.actor_bodies import untagged_body_name
from dyad.resolve.actor_countries import (
    MODIFIER_DEPS,
    country_mention,
    group_mention,
    national_branch,
    national_namesake,
)
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_layout import dateline_tokens, quoted_tokens
from dyad.resolve.actor_names import NameRules, strip_det
from dyad.resolve.actor_other_nouns import ORG_NOMINALS, OtherNounRules
from dyad.resolve.actor_phrases import entity_of, modifier_country, other_side, ranked_countries
from dyad.resolve.actor_sector_nouns import ARMED, PERSON_NOMINALS, SPOKESPERSONS, SectorNounRules
from dyad.resolve.actor_titles import after_title
from dyad.resolve.coref import (
    FIRST_PERSON,
    NEUTER,
    PERSONAL,
    PLURAL,
    UNRESOLVED,
    HistoryEntry,
    MentionHistory,
    Resolution,
    acts_as_agent,
    copy_of,
)

DROP_CHILDREN = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "punct", "prep", "xcomp"}
RELATIVE = {"who", "which", "that"}
# Arms that name no one's forces when they are said to fire: "killed by artillery fire".
WEAPON_TERMS = {"artillery", "drone", "missile", "rocket", "mortar", "tank", "gunfire"}
# Nouns for a body of a force, whose compound says which force: "Army units", "police patrols".
UNIT_NOUNS = {"unit", "patrol", "detachment", "squad", "battalion", "brigade", "contingent"}
# Nouns that are an organisation's people: "Hezbollah members", "supporters of the PKK".
MEMBER_NOUNS = {"member", "supporter", "loyalist", "operative", "cadre", "affiliate", "activist"}


# Verbs whose "of" phrase after the object is the charge: "accused the army of abuses".
CHARGE_VERBS = {"accuse", "suspect", "convict", "acquit", "charge", "clear", "absolve", "warn"}


class ActorResolver(NameRules, SectorNounRules, OtherNounRules):
    """Resolves actor mentions of one parsed article; offsets are shifted by ``offset``."""

    def __init__(self, doc: Doc, offset: int, kb: ActorKB, on: dt.date | None) -> None:
        self.doc, self.offset, self.kb, self.on = doc, offset, kb, on
        self.sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        self.by_head: dict[int, Mention] = {}
        self.history = MentionHistory(self.sentence_of)
        self.persons: dict[str, Actor] = {}
        ranked = ranked_countries(kb, doc)
        self.main_country = ranked[0][0] if ranked else None
        self.second_country = other_side(ranked)
        self.dateline = dateline_tokens(doc)
        self.deferred: list[int] = []

    # -- public -----------------------------------------------------------------------------
    def resolve_all(self) -> None:
        """Resolve every candidate mention in text order (first-person pronouns wait for quotes)."""
        quoted = quoted_tokens(self.doc)
        for token in self.doc:
            if not self._is_candidate(token) or token.lower_ in FIRST_PERSON:
                continue
            if token.pos_ == "PRON" and token.i in quoted:
                self.deferred.append(token.i)  # "they" in a quote: resolved once speakers known
                continue
            self.mention_for(token.i)

    def set_quote_speakers(self, regions: list[tuple[int, int, Actor | None]]) -> None:
        """Character regions (article offsets) of direct quotes and their speakers' actors;
        the pronouns inside quotes are resolved now, knowing who speaks."""
        self.history.speaker_regions = regions
        for i in self.deferred:
            early = self.by_head.pop(i, None)  # resolved early, for a quote's cue: redo it
            if early is not None:
                self.history.entries = [e for e in self.history.entries if e.mention is not early]
            self.mention_for(i)
        self.deferred = []

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
            return lower in PERSONAL | PLURAL | FIRST_PERSON or (
                lower in NEUTER and acts_as_agent(token)
            )
        if token.ent_type_ in {"PERSON", "ORG"} and token.ent_iob_ in {"B", "I"}:
            return token.head.ent_type_ != token.ent_type_ or token.head.i == token.i
        if self._inside_body_name(token):
            return False  # "Justice" in "the Association for Access to Justice"
        if token.ent_type_ in {"GPE", "NORP"} and token.dep_ in {
            "nsubj",
            "nsubjpass",
            "dobj",
            "poss",
        }:
            return True
        if (
            token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}
            and token.ent_type_ not in {"GPE", "LOC", "FAC", "PERSON"}
            and token.text[:1].isupper()
            and self.kb.group_countries(token.text)
        ):
            return True  # a people the parser did not tag: "Tamils", "Crimean Tatars"
        if (
            token.pos_ == "PROPN"
            and not token.ent_type_
            and token.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and self.kb.country_by_misspelling(token.text) is not None
        ):
            return True  # "Ethopia has agreed ...": a misspelt country the parser did not tag
        if token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and (
            self._untagged_titled_name(token) or self._description_of(token) is not None
        ):
            return True  # "extradited British militant Haroon Rashid Aswad"
        if token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and untagged_body_name(token):
            return True  # "the Congolese Association for Access to Justice urged ..."
        if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound" or token.ent_type_:
            return False
        # "tribal leaders", "riot police": the term may need the noun's premodifiers;
        # "the Union of Teachers", "Parliament": an untagged proper noun may be an actor noun
        premods = [t.text for t in token.lefts if t.dep_ in {"amod", "compound"}][-2:]
        return (
            self.kb.sector_for_term(lower) is not None
            or (bool(premods) and self.kb.sector_for_term(" ".join([*premods, lower])) is not None)
            or token.lemma_.lower() in ORG_NOMINALS
            or (token.lemma_.lower() in MEMBER_NOUNS and self._member_of(token) is not None)
            or (
                token.lemma_.lower() in UNIT_NOUNS
                and any(
                    c.dep_ == "compound" and self.kb.sector_for_term(c.lower_) is not None
                    for c in token.lefts
                )
            )
        )

    @staticmethod
    def _inside_body_name(token: Token) -> bool:
        """``token`` is a word of an untagged private body's name headed by another token."""
        for above in token.ancestors:
            body = untagged_body_name(above)
            if body is not None:
                return body.start <= token.i < body.end
        return False

    def _anchor(self, token: Token) -> Token:
        """The token a mention is about: the person inside a title, the noun a compound modifies.

        "Envoy ... to ... Tom Barrack" -> Barrack; "army" in "Panamanian army officers" -> officers.
        """
        if token.pos_ == "PRON":
            return token
        if token.pos_ == "ADP":  # a phrase written with its preposition: "in central Baghdad"
            objects = [c for c in token.children if c.dep_ == "pobj"]
            return self._anchor(objects[0]) if objects else token
        if token.ent_type_ in {"PERSON", "ORG"}:
            return token
        if (
            not token.ent_type_
            and token.dep_ == "compound"
            and token.pos_ == "NOUN"
            and token.head.pos_ == "NOUN"
            and not token.head.ent_type_
            and not self._owns_thing(token)
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

    def _owns_thing(self, token: Token) -> bool:
        """ "army" in "an army checkpoint", "police" in "police stations": the force named before
        a thing owns it, and is the actor (in "army officers", "army units" the head is)."""
        head = token.head
        lemma = head.lemma_.lower()
        return (
            self.kb.sector_for_term(token.lower_) is not None
            and token.lemma_.lower() not in WEAPON_TERMS
            and self.kb.sector_for_term(head.lower_) is None
            and lemma not in UNIT_NOUNS | MEMBER_NOUNS | ORG_NOMINALS | PERSON_NOMINALS
            and lemma not in SPOKESPERSONS
        )

    def _span(self, head: Token) -> Span:
        ent = entity_of(head)
        if ent is not None and ent.label_ in {"PERSON", "ORG"}:
            return ent
        if head.pos_ == "PRON":
            return self.doc[head.i : head.i + 1]
        body = untagged_body_name(head)
        if body is not None:
            return body
        keep = [head.i]
        for child in head.children:
            if child.dep_ in DROP_CHILDREN and not self._owner_of_phrase(head, child):
                continue
            keep.extend(t.i for t in child.subtree)
        start, end = min(keep), max(keep) + 1
        while start < head.i and self.doc[start].is_punct:
            start += 1
        while end - 1 > head.i and self.doc[end - 1].is_punct:
            end -= 1
        return self.doc[start:end]

    @staticmethod
    def _owner_of_phrase(head: Token, child: Token) -> bool:
        """An "of" phrase that belongs to the actor's name ("the government of Sudan"), not a
        charge ("accused the army of abuses", "of stepping up attacks")."""
        return (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(c.dep_ == "pobj" for c in child.children)
            and not (head.dep_ == "dobj" and head.head.lemma_ in CHARGE_VERBS)
        )

    # -- resolution --------------------------------------------------------------------------
    def _resolve(self, head: Token, span: Span) -> Resolution:
        if head.i in self.dateline:
            return UNRESOLVED  # "PORT SUDAN, March 9 (Reuters) -": where the story was filed
        if head.pos_ == "PRON" and head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            return self._relative(head)
        if head.pos_ == "PRON":
            return self.history.pronoun(head, self.offset, self._country_name)
        described = self._described_name(head, span)
        if described is not None:  # "Amal Saleh, a Yemeni journalist": the description says
            return described, "person", None
        named_before = self._apposed_to(head)
        if named_before is not None:
            # "The National Unity Government, the shadow administration formed by ...": the
            # description is the actor it is set beside
            return copy_of(named_before, "apposition")
        ent = entity_of(head)
        if ent is not None and ent.label_ in {"GPE", "NORP", "LOC"}:
            own = country_mention(self.kb, head, ent, self.main_country, self._named(span))
            branch = (
                national_branch(self.kb, head, own[0].country) if own and own[0].country else None
            )
            if branch is not None:  # "Amnesty International Kenya"
                return branch, "organisation", None
            if own is not None:
                return own[0], own[1], None
        named = self._named(span, head)
        named = national_namesake(self.kb, head, named) or named
        if named is not None and named.sector == "IMG":
            named = self._local_branch(named, head, span)
        if named is not None and named.sector in {"GOV", "PTY"} and not head.ent_type_:
            words = [t.text for t in head.lefts if t.dep_ in MODIFIER_DEPS and not t.ent_type_]
            armed = self.kb.sector_for_term(" ".join([*words, head.text]))
            if armed in ARMED:  # "Sandinista troops", "Taliban security forces"
                named = named.model_copy(update={"sector": armed})
            elif armed == "REB" and named.sector == "PTY":  # a party's "armed wing"
                named = named.model_copy(update={"sector": "REB"})
        if named is not None:
            return named, named.kind, None
        # "Ethopia" untagged, "Tanzana" or "Venezuala" tagged as a one-word organisation or person
        guessed = ent is None or (len(ent) == 1 and ent.label_ in {"ORG", "PERSON"})
        misspelt = guessed and head.pos_ == "PROPN" and len(span) == 1
        typo = self.kb.country_by_misspelling(head.text) if misspelt else None
        if typo is not None:
            actor = Actor(
                name=typo.name, country=typo.iso3, sector="GOV", kind="country",
                resolved_by="country-misspelt",
            )  # fmt: skip
            return actor, "country", None
        if named is None and (ent is None or ent.label_ not in {"GPE", "NORP", "LOC", "FAC"}):
            group = group_mention(self.kb, head, ent, span, self.main_country)
            if group is not None:  # "Karen" in "Karen guerrillas" is a people, not a person
                return group[0], group[1], None
        if head.ent_type_ == "PERSON" or (head.ent_type_ == "ORG" and after_title(head)):
            # the small model tags some titled names ORG: "Vice-President Moody Awori"
            return self._person(head, span)
        if self._untagged_titled_name(head):
            # "British militant Haroon Rashid Aswad": a name the parser did not tag
            return self._person(head, span)
        body = untagged_body_name(head)
        # "the Association of Teachers" is its members' sector; "... for Justice" a cause
        members = body is not None and head.i + 1 < len(self.doc) and head.nbor().lower_ == "of"
        if body is not None and not self.kb.sector_for_term(
            strip_det(body.text if members else self.doc[body.start : head.i + 1].text)
        ):
            # a private body's name the parser did not tag: its country if the name says one
            actor = Actor(
                name=strip_det(body.text), country=modifier_country(self.kb, body, head),
                sector="NGO", kind="organisation", resolved_by="organisation-name-private",
            )  # fmt: skip
            return actor, "organisation", None
        # a bracketed acronym after the phrase is no part of the term: "Union of Teachers (NUT)"
        phrase = strip_det(span.text).split(" (")[0]
        premods = [t.text for t in head.lefts if t.dep_ in {"amod", "compound"}][-2:]
        sector = (
            self.kb.sector_for_term(phrase)
            # the noun with its premodifiers, when a phrase after it ends the span: "the town
            # council of Kramatorsk"
            or self.kb.sector_for_term(" ".join([*premods, head.text]))
            or self.kb.sector_for_term(head.lower_)
        )
        if sector is None and head.lemma_.lower() in UNIT_NOUNS:
            # "Army units", "police patrols": the sector of the force the unit belongs to
            kinds = [c for c in head.lefts if c.dep_ == "compound"]
            sector = next((self.kb.sector_for_term(c.lower_) for c in kinds[-1:]), None)
        if sector is None and head.lemma_.lower() in MEMBER_NOUNS:
            member_of = self._member_of(head)
            if member_of is not None:  # "two Hezbollah members", "members of Hamas"
                return member_of, "sector", None
        if sector is None:
            return self._other_noun(head, span)
        return self._sector_noun(head, span, sector)

    def _apposed_to(self, head: Token) -> HistoryEntry | None:
        """The resolved named mention a common-noun description is in apposition to."""
        if head.dep_ != "appos" or head.pos_ != "NOUN" or head.ent_type_:
            return None
        return next(
            (
                e
                for e in reversed(self.history.entries)
                if e.token == head.head.i
                and e.mention.actor is not None
                and e.kind in {"organisation", "country", "group"}
            ),
            None,
        )

    def _relative(self, pronoun: Token) -> Resolution:
        """ "who" in "Smith, who said ...": the noun the relative clause hangs on."""
        noun = pronoun.head.head
        if noun.i == pronoun.i or noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return UNRESOLVED
        earlier = self.mention_for(noun.i)
        if earlier.actor is None:
            return UNRESOLVED
        kind = next((e.kind for e in self.history.entries if e.mention is earlier), None)
        return copy_of(
            HistoryEntry(noun.i, self.sentence_of[noun.i], earlier, kind, False), "relative"
        )
