"""Actor mentions -> identities: knowledge base, titles, metonyms, sector nouns, coreference.

One ``ActorResolver`` per article walks the parse in text order so that later mentions can use
earlier ones: "Barrack" after "Ambassador Tom Barrack", "he" after a person, "the envoy" after
an envoy, "we" inside a quote as the speaker's side. A mention that cannot be resolved keeps its
text with ``actor=None``; nothing is guessed silently (every Actor says ``resolved_by``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor, Mention
from dyad.resolve.actor_countries import (
    MODIFIER_DEPS,
    country_mention,
    group_mention,
    people_modifier,
)
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import (
    OFFICE_SECTORS,
    adjusted_sector,
    after_title,
    appositive_home,
    clause_place_country,
    country_of_name,
    entity_of,
    holds_title,
    is_ethnic,
    is_former,
    is_international_association,
    is_stance,
    located_country,
    main_country,
    member_organisation,
    modifier_country,
    modifier_home,
    sentence_place_country,
    title_sector,
)
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

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
NON_STATE = {"IGO", "NGO", "IMG"}  # sectors that belong to no country
ARMED = {"MIL", "COP", "SPY"}  # state force sectors
# Sectors whose members are usually of the place where they act (not soldiers or diplomats).
LOCAL_SECTORS = {"CVL", "REB", "UAF", "CRM", "EDU", "LAB", "BUS", "REF", "HLH", "REL", "OPP"}
LOCAL_SECTORS |= {"AGR", "COP", "MED"}
# Sectors of people who live where the article's events happen (armed men and negotiators may
# come from elsewhere): civilians, refugees, workers.
RESIDENT_SECTORS = {"CVL", "REF", "HLH", "EDU", "LAB", "AGR", "BUS"}
DROP_CHILDREN = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "punct", "prep", "xcomp"}
# Definite descriptions that stand for a person named earlier ("the envoy" after Tom Barrack).
PERSON_NOMINALS = {"envoy", "minister", "president", "leader", "ambassador", "official"}
# Definite descriptions of an organisation named earlier ("the group" after the SDF).
ORG_NOMINALS = {"group", "organisation", "organization", "movement", "alliance", "coalition"}
# Definite descriptions of an earlier actor that say which kind it is: "the bloc" after the EU,
# "the agency" after the WFP, "the kingdom" after Saudi Arabia.
ORG_NOMINALS |= {"bloc", "agency", "body", "kingdom", "nation", "country", "republic"}
# "the island nation", "the UN agency", "the armed group" still refer back; "the civil protection
# agency" or "the Wagner group" is a different, more specific one.
GENERIC_MODIFIERS = {
    "island", "regional", "armed", "militant", "rebel", "islamist", "jihadist", "insurgent",
    "separatist", "paramilitary", "un", "u.n.", "aid", "relief", "humanitarian", "international",
    "global", "western", "military", "political", "opposition", "protest", "student", "gulf",
    "african", "asian", "european", "arab", "nuclear", "watchdog", "trade", "economic",
}  # fmt: skip
STATE_NOMINALS = {"kingdom", "nation", "country", "republic"}
# Sectors of the organisations a nominal may refer back to (an empty set: any organisation).
NOMINAL_SECTORS: dict[str, set[str]] = {
    "bloc": {"IGO"},
    "agency": {"IGO", "GOV", "SPY", "COP", "NGO", "HLH"},
    "body": {"IGO", "GOV", "LEG", "JUD", "NGO"},
    "group": {"REB", "OPP", "PTY", "UAF", "CRM", "IMG", "NGO", "REL", "LAB", "EDU", "BUS"},
    "movement": {"REB", "OPP", "PTY", "UAF", "IMG", "REL", "LAB", "EDU"},
}
RELATIVE = {"who", "which", "that"}
# Arms that name no one's forces when they are said to fire: "killed by artillery fire".
WEAPON_TERMS = {"artillery", "drone", "missile", "rocket", "mortar", "tank", "gunfire"}
# Nouns for a body of a force, whose compound says which force: "Army units", "police patrols".
UNIT_NOUNS = {"unit", "patrol", "detachment", "squad", "battalion", "brigade", "contingent"}
# Nouns that are an organisation's people: "Hezbollah members", "supporters of the PKK".
MEMBER_NOUNS = {"member", "supporter", "loyalist", "operative", "cadre", "affiliate", "activist"}
# Who speaks for an actor named after "for"/"of" takes that actor's country and sector.
SPOKESPERSONS = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy"}


class ActorResolver:
    """Resolves actor mentions of one parsed article; offsets are shifted by ``offset``."""

    def __init__(self, doc: Doc, offset: int, kb: ActorKB, on: dt.date | None) -> None:
        self.doc, self.offset, self.kb, self.on = doc, offset, kb, on
        self.sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        self.by_head: dict[int, Mention] = {}
        self.history = MentionHistory(self.sentence_of)
        self.persons: dict[str, Actor] = {}
        self.main_country = main_country(kb, doc)
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
        if token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and self._untagged_titled_name(
            token
        ):
            return True  # "extradited British militant Haroon Rashid Aswad"
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
        if head.pos_ == "PRON" and head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            return self._relative(head)
        if head.pos_ == "PRON":
            return self.history.pronoun(head, self.offset, self._country_name)
        ent = entity_of(head)
        if ent is not None and ent.label_ in {"GPE", "NORP", "LOC"}:
            own = country_mention(self.kb, head, ent, self.main_country, self._named(span))
            if own is not None:
                return own[0], own[1], None
        named = self._named(span, head)
        if named is not None and named.sector == "IMG":
            named = self._local_branch(named, head, span)
        if named is not None and named.sector in {"GOV", "PTY"} and not head.ent_type_:
            words = [t.text for t in head.lefts if t.dep_ in MODIFIER_DEPS and not t.ent_type_]
            armed = self.kb.sector_for_term(" ".join([*words, head.text]))
            if armed in ARMED:  # "Sandinista troops", "Taliban security forces"
                named = named.model_copy(update={"sector": armed})
        if named is not None:
            return named, named.kind, None
        misspelt = ent is None and head.pos_ == "PROPN" and len(span) == 1
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
        # a bracketed acronym after the phrase is no part of the term: "Union of Teachers (NUT)"
        phrase = _strip_det(span.text).split(" (")[0]
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

    def _member_of(self, head: Token) -> Actor | None:
        """The organisation a member noun belongs to: "Hezbollah members", "members of Hamas",
        "its members" after the group."""
        found = member_organisation(self.kb, head, self.on)
        for poss in head.children if found is None else ():
            if poss.dep_ == "poss" and poss.lower_ in {"its", "their"}:
                owner = self.mention_for(poss.i).actor
                if owner is not None and owner.kind == "organisation":
                    found = owner.model_copy(update={"resolved_by": "organisation-member"})
        for prep in head.children if found is None else ():
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    ent = entity_of(obj) if obj.dep_ == "pobj" else None
                    entries = self.kb.lookup_name(ent.text, self.on) if ent is not None else []
                    entry = next((e for e in entries if e.kind == "organisation"), None)
                    if entry is not None:
                        found = Actor(
                            id=entry.id, name=entry.name, country=entry.country,
                            sector=entry.sector, kind="organisation",
                            resolved_by="organisation-member",
                        )  # fmt: skip
        return found

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

    def _sector_noun(self, head: Token, span: Span, sector: str) -> Resolution:
        member_of = member_organisation(self.kb, head, self.on) or self._organisation_of(
            head, sector
        )
        if member_of is not None and member_of.sector == "IMG":
            member_of = self._local_branch(member_of, head, span)
        if member_of is not None and member_of.sector in {"GOV", "PTY"} and sector in ARMED:
            # "Sandinista troops", "Taliban security forces": a ruling movement's armed men
            member_of = member_of.model_copy(update={"sector": sector})
        if member_of is not None:
            return member_of, "sector", None
        speaks_for = self._speaks_for(head)
        if speaks_for is not None:
            return speaks_for, "sector", None
        country = modifier_country(self.kb, span, head)
        sector = adjusted_sector(span, head, sector)
        if sector == "MIL" and country is None and people_modifier(self.kb, head):
            sector = "REB"  # "Kurdish forces", "Moslem forces", "Karen troops": no state's army
        owner = self._possessor(head) if country is None else None
        if owner is not None:
            # "his forces" after a rebel leader, "Putin's troops": the possessor's side
            country = owner.country
            if sector in ARMED and owner.sector in {"REB", "IMG", "UAF", "OPP"}:
                sector = "REB"
        # Only a common noun refers back ("the army"); a name ("the Liberation Front") does not.
        definite = head.pos_ == "NOUN" and any(
            c.lower_ in {"the", "this", "that"} for c in head.children if c.dep_ == "det"
        )
        nominal = head.lemma_.lower()
        if definite and nominal in PERSON_NOMINALS:
            # "the envoy" is the last person of that sector (and country, when it names one)
            # whose known office has that title: the minister named before is no envoy
            earlier = self.history.antecedent(
                head,
                lambda e: (
                    e.kind == "person"
                    and e.mention.actor is not None
                    and e.mention.actor.sector == sector
                    and country in {None, e.mention.actor.country}
                    and holds_title(self.kb, e.mention.actor, nominal)
                ),
            )
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
        elif definite and country is None:
            earlier = self.history.antecedent(
                head, lambda e: e.mention.actor is not None and e.mention.actor.sector == sector
            )
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
        how = "sector-noun" if owner is None else "sector-noun+possessor"
        if country is None:
            country = located_country(self.kb, head, of=sector in {"GOV", "LEG", "CVL"})
            how = "sector-noun" if country is None else "sector-noun+place"
        if country is None:
            # "Chechen rebels", "Gaza residents": a people or place before the noun
            country = modifier_home(self.kb, span, head, self.main_country)
            how = "sector-noun" if country is None else "sector-noun+group"
        if country is None and sector in LOCAL_SECTORS:
            # civilians, gunmen, protesters belong where the clause happens: "killed four
            # civilians in Kherson" (a state's forces or officials may act abroad)
            country = clause_place_country(self.kb, head)
            how = "sector-noun" if country is None else "sector-noun+clause-place"
        if country is None and sector in RESIDENT_SECTORS:
            # or where the sentence happens, before the article's main country: "Drones hit
            # Kharkiv overnight. Three civilians were killed."
            country = sentence_place_country(self.kb, head)
            how = "sector-noun" if country is None else "sector-noun+sentence-place"
        foreign = any(
            t.lower_ == "foreign"
            for t in [*head.lefts, *(head.head.lefts if head.dep_ == "compound" else [])]
        )
        if (
            country is None
            and self.main_country is not None
            and sector not in NON_STATE
            and not foreign
        ):
            country, how = self.main_country, "sector-noun+article-country"
        return Actor(country=country, sector=sector, kind="sector", resolved_by=how), "sector", None

    def _possessor(self, head: Token) -> Actor | None:
        """The actor of a person, organisation or pronoun owning the noun ("his forces",
        "Museveni's soldiers"), when it has a country; countries are read as modifiers."""
        for child in head.children:
            if child.dep_ != "poss" or child.i > head.i:
                continue
            if child.pos_ == "PRON" and child.lower_ not in {"his", "her", "its", "their"}:
                continue
            if child.pos_ != "PRON" and child.ent_type_ not in {"PERSON", "ORG"}:
                continue
            owner = self.mention_for(child.i).actor
            if owner is not None and owner.country is not None:
                return owner
        return None

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

    def _organisation_of(self, head: Token, sector: str) -> Actor | None:
        """ "gunmen from the Sinaloa Cartel", "officials of the WHO": the named organisation
        the people of a sector noun come from ("a spokesman for" speaks for one instead)."""
        if head.lemma_.lower() in SPOKESPERSONS:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
                continue
            for obj in prep.children:
                ent = entity_of(obj) if obj.dep_ == "pobj" else None
                if ent is None or ent.label_ != "ORG":
                    continue
                entries = self.kb.lookup_name(ent.text, self.on)
                entry = next((e for e in entries if e.kind == "organisation"), None)
                if entry is None or (entry.role == "media") != (sector == "MED"):
                    continue
                return Actor(
                    id=entry.id, name=entry.name, country=entry.country or None,
                    sector=entry.sector or None, kind="organisation",
                    resolved_by="organisation-of",
                )  # fmt: skip
        return None

    def _local_branch(self, actor: Actor, head: Token, span: Span) -> Actor:
        """An international armed group where the sentence places it ("Iraq's al-Qaeda", "ISIS
        militants attacked ... in Raqqa") is coded as that country's rebels, as Phoenix codes
        al-Qaeda's regional branches (AQIM, al-Qaeda in Iraq); elsewhere it stays IMG."""
        country = (
            modifier_country(self.kb, span, head)
            or located_country(self.kb, head)
            or clause_place_country(self.kb, head)
        )
        if country is None:
            return actor
        return actor.model_copy(update={"country": country, "sector": "REB"})

    def _speaks_for(self, head: Token) -> Actor | None:
        """ "a spokesman for the army", "a representative of Hamas": the actor spoken for."""
        if head.lemma_.lower() not in SPOKESPERSONS:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "of"}:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.pos_ not in {"NOUN", "PROPN"}:
                    continue
                actor = self.mention_for(obj.i).actor
                if actor is not None and actor.sector is not None:
                    update = {"resolved_by": "spokesperson-for", "kind": "sector", "id": None}
                    return actor.model_copy(update={**update, "name": None})
        return None

    def _other_noun(self, head: Token, span: Span) -> Resolution:
        """A noun that is no actor term: "the group" (an earlier organisation) or an actor's
        decision ("Turkey's efforts", "an Australian ultimatum": the possessor or demonym)."""
        definite = any(c.lower_ in {"the", "this"} for c in head.children if c.dep_ == "det")
        if (
            definite
            and head.tag_ == "NN"
            and head.lemma_.lower() in ORG_NOMINALS
            and all(
                c.lower_ in GENERIC_MODIFIERS
                for c in head.children
                if c.dep_ in {"amod", "compound", "nmod"}
            )
        ):
            earlier = self.history.antecedent(head, nominal_accepts(head.lemma_.lower()))
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
            return UNRESOLVED
        if head.ent_type_ == "ORG" and span.root.i == head.i:
            # an organisation we do not know, named after its country ("the Kenya Anti-Corruption
            # Commission", "Montenegro Municipality Association"): its country, no sector
            country = modifier_country(self.kb, span, head) or modifier_home(
                self.kb, span, head, self.main_country
            )
            if country is not None:
                actor = Actor(
                    name=_strip_det(span.text),
                    country=country,
                    kind="organisation",
                    resolved_by="organisation-name-country",
                )
                return actor, "organisation", None
            if is_international_association(span):
                # "the Association of African Jurists", "the Third World Water Forum": a body of
                # no one state that is no known intergovernmental one
                actor = Actor(
                    name=_strip_det(span.text), sector="NGO", kind="organisation",
                    resolved_by="organisation-name-international",
                )  # fmt: skip
                return actor, "organisation", None
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
        texts = [e.text for e in ents if e.label_ in {"PERSON", "ORG"}] + [_strip_det(span.text)]
        for text in texts:
            # a name two actors share ("Justice and Development Party" in Turkey and Morocco)
            # goes to the one of the article's country
            found = sorted(
                self.kb.lookup_name(text, self.on),
                key=lambda e: self.main_country is not None and e.country != self.main_country,
            )
            for entry in found:
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
                former = entry.kind == "person" and actor.sector in OFFICE_SECTORS
                if former and _former_before(span):  # "former President Jair Bolsonaro"
                    actor = actor.model_copy(update={"sector": "ELI"})
                if entry.kind == "person":
                    self._register_person(text, actor)
                return actor
        return None

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


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks (a paragraph break closes a quote)."""
    inside, quoted = False, set()
    for token in doc:
        if token.text in {"\u201c", "\u201d", '"'} or "\n\n" in token.text_with_ws:
            inside = token.text == "\u201c" or (token.text == '"' and not inside)
        elif inside:
            quoted.add(token.i)
    return quoted


def nominal_accepts(nominal: str) -> Callable[[HistoryEntry], bool]:
    """Which earlier mentions a definite description may stand for: "the kingdom" a state,
    "the bloc" an intergovernmental body, "the group" an armed group, party or association."""
    sectors = NOMINAL_SECTORS.get(nominal, set())

    def accept(entry: HistoryEntry) -> bool:
        actor = entry.mention.actor
        if actor is None:
            return False
        if nominal in STATE_NOMINALS:
            return entry.kind == "country"
        return entry.kind == "organisation" and (
            not sectors or actor.sector is None or actor.sector in sectors
        )

    return accept


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


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "an ", "all "):
        if text.startswith(det):
            return text[len(det) :]
    return text
