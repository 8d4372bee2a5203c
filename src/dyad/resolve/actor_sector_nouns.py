"""Actor nouns -> actors: the sector of "troops", "civilians", "a spokesman for", and which
country or organisation they belong to (possessor, modifier, place, article country)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dyad.article import Actor, Mention
from dyad.resolve.actor_bodies import member_organisation
from dyad.resolve.actor_countries import people_modifier
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_phrases import (
    clause_place_country,
    entity_of,
    located_country,
    modifier_country,
    modifier_home,
    sentence_place_country,
)
from dyad.resolve.actor_titles import adjusted_sector, holds_title
from dyad.resolve.coref import MentionHistory, Resolution, copy_of

NON_STATE = {"IGO", "NGO", "IMG"}  # sectors that belong to no country
ARMED = {"MIL", "COP", "SPY"}  # state force sectors
# Sectors whose members are usually of the place where they act (not soldiers or diplomats).
LOCAL_SECTORS = {"CVL", "REB", "UAF", "CRM", "EDU", "LAB", "BUS", "REF", "HLH", "REL", "OPP"}
LOCAL_SECTORS |= {"AGR", "COP", "MED"}
# Sectors of people who live where the article's events happen (armed men and negotiators may
# come from elsewhere): civilians, refugees, workers.
RESIDENT_SECTORS = {"CVL", "REF", "HLH", "EDU", "LAB", "AGR", "BUS"}
# Definite descriptions that stand for a person named earlier ("the envoy" after Tom Barrack).
PERSON_NOMINALS = {"envoy", "minister", "president", "leader", "ambassador", "official"}
# Who speaks for an actor named after "for"/"of" takes that actor's country and sector.
SPOKESPERSONS = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy"}

# Verbs of commanding forces: their object is the subject's own forces.
COMMAND_VERBS = {"order", "deploy", "send", "dispatch", "mobilise", "mobilize", "command"}
# Offices for foreign affairs are the country's own: "the foreign ministry said".
OWN_FOREIGN_OFFICES = {"ministry", "minister", "secretary", "office", "affair", "service"}
# Acts of force whose object is the other side: "killed", "targeted", "struck".
HOSTILE_VERBS = {
    "kill", "attack", "target", "strike", "shell", "bomb", "shoot", "hit", "wound", "injure",
    "fire", "raid", "abduct", "besiege", "ambush", "massacre", "execute", "torture", "displace",
}  # fmt: skip
# Modifiers saying the noun is not of the article's own country: "foreign fighters", "European
# governments", "world leaders". Without a country of their own they keep none.
NOT_THE_ARTICLES = {
    "foreign", "overseas", "international", "world", "global", "western", "european", "arab",
    "african", "asian", "gulf", "nordic", "baltic", "balkan", "latin", "allied",
}  # fmt: skip


class SectorNounRules:
    """``ActorResolver``'s rules for nouns with a sector and for members of organisations."""

    # state and methods of the ActorResolver these rules are mixed into
    doc: Doc
    kb: ActorKB
    on: dt.date | None
    main_country: str | None
    second_country: str | None
    history: MentionHistory
    mention_for: Callable[[int], Mention]

    def _sector_noun(self, head: Token, span: Span, sector: str) -> Resolution:
        member_of = member_organisation(self.kb, head, self.on) or self._organisation_of(
            head, sector
        )
        if member_of is not None and member_of.sector == "IMG":
            member_of = self._local_branch(member_of, head, span)
        if member_of is not None and member_of.sector in {"GOV", "PTY"} and sector in ARMED:
            # "Sandinista troops", "Taliban security forces": a ruling movement's armed men
            member_of = member_of.model_copy(update={"sector": sector})
        elif member_of is not None and member_of.sector == "PTY" and sector == "REB":
            member_of = member_of.model_copy(update={"sector": "REB"})  # "Fatah's armed wing"
        if member_of is not None:
            return member_of, "sector", None
        speaks_for = self._speaks_for(head)
        if speaks_for is not None:
            return speaks_for, "sector", None
        modified = self._with_sibling_modifiers(head, span)
        country = modifier_country(self.kb, modified, head) or self._possessing_country(head)
        sector = adjusted_sector(span, head, sector)
        if sector == "MIL" and country is None and people_modifier(self.kb, head):
            sector = "REB"  # "Kurdish forces", "Moslem forces", "Karen troops": no state's army
        owner = self._possessor(head) if country is None else None
        if owner is not None and owner.country is None and owner.sector in {"IGO", "NGO"}:
            # "its peacekeepers" after the SADC: an international body's own people
            return owner.model_copy(update={"resolved_by": "sector-noun+possessor"}), "sector", None
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
        if (
            nominal == "officer"
            and country is None
            and not any(c.dep_ in {"amod", "compound"} for c in head.lefts)
        ):
            # bare "officers" are of the force named before: police after "Kenyan police"
            force = self.history.antecedent(
                head, lambda e: e.mention.actor is not None and e.mention.actor.sector in ARMED
            )
            if force is not None and force.mention.actor is not None:
                sector = force.mention.actor.sector or sector
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
            # "the military" is an institution: never the general who spoke for it
            earlier = self.history.antecedent(
                head,
                lambda e: (
                    e.kind != "person"
                    and e.mention.actor is not None
                    and e.mention.actor.sector == sector
                    # "several Western governments" name no country: "the transitional
                    # government" after them is still the article's own
                    and e.mention.actor.country is not None
                    # "the government" is a government named as one ("Colombia's government"),
                    # not any country named before ("Japan also voiced concern")
                    and not (e.kind == "country" and sector == "GOV")
                    # "the foreign ministry" is no "two Ivorian diplomats": a body is one
                    and not (head.tag_ == "NN" and self.doc[e.token].tag_ in {"NNS", "NNPS"})
                ),
            )
            if earlier is not None:
                return copy_of(earlier, "nominal-coref")
        how = "sector-noun" if owner is None else "sector-noun+possessor"
        if country is None:
            country = located_country(self.kb, head, of=sector in {"GOV", "LEG", "CVL"})
            how = "sector-noun" if country is None else "sector-noun+place"
        if country is None:
            # "Chechen rebels", "Gaza residents": a people or place before the noun
            country = modifier_home(self.kb, modified, head, self.main_country)
            how = "sector-noun" if country is None else "sector-noun+group"
        commander = self._commander(head) if country is None and sector in ARMED | {"REB"} else None
        if commander is not None:
            # "Maduro ordered militia units to mobilise": the forces of the one who orders them
            country, how = commander.country, "sector-noun+commander"
            sector = "MIL" if sector == "REB" and commander.sector in {"GOV", "MIL"} else sector
        local = any(t.lower_ == "local" for t in span if t.i < head.i)
        if country is None and (sector in LOCAL_SECTORS or local):
            # civilians, gunmen, protesters belong where the clause happens: "killed four
            # civilians in Kherson" (a state's forces or officials may act abroad)
            country = clause_place_country(self.kb, head)
            how = "sector-noun" if country is None else "sector-noun+clause-place"
        if country is None and (sector in RESIDENT_SECTORS or local):
            # or where the sentence happens, before the article's main country: "Drones hit
            # Kharkiv overnight. Three civilians were killed."
            country = sentence_place_country(self.kb, head)
            how = "sector-noun" if country is None else "sector-noun+sentence-place"
        # "the foreign ministry" is the country's own; "foreign intelligence services" are not
        before = self.doc[head.i - 1] if head.i > 0 else head
        own_office = nominal in OWN_FOREIGN_OFFICES and before.lower_ == "foreign"
        lefts = [*head.lefts, *(head.head.lefts if head.dep_ == "compound" else [])]
        foreign = not own_office and any(
            t.lower_ in NOT_THE_ARTICLES for left in lefts for t in (left, *left.lefts)
        )
        if (
            country is None
            and self.main_country is not None
            and (sector not in NON_STATE or local)
            and not foreign
        ):
            country, how = self.main_country, "sector-noun+article-country"
            if self._hit_by_own_side(head):
                # "Israeli troops killed militants": those the article's country attacks are
                # of the other country it names
                country, how = self.second_country, "sector-noun+article-other-country"
        if sector == "IGO" and country is not None:
            sector = "GOV"  # "Qatari mediators", "mediators from Egypt": a state's, no body's
        if nominal == "settler" and country == "PSE":
            # settlers in the occupied West Bank are Israeli (as Phoenix codes them), unlike
            # the Palestinian villagers and towns around them
            country, how = "ISR", f"{how}+settlers"
        return Actor(country=country, sector=sector, kind="sector", resolved_by=how), "sector", None

    def _with_sibling_modifiers(self, head: Token, span: Span) -> Span:
        """The span widened by the modifiers the parser hung on the noun the actor noun itself
        modifies: "a Karen guerrilla stronghold" (flat compounds), where "Karen" says whose
        guerrillas they are, before the article's country can."""
        if head.dep_ != "compound":
            return span
        start = span.start
        while start > 0:
            before = self.doc[start - 1]
            if before.head.i != head.head.i or before.dep_ not in {"compound", "amod"}:
                break
            start -= 1
        return self.doc[start : span.end]

    def _possessing_country(self, head: Token) -> str | None:
        """A country owning the noun outside the mention's span: "China's" before a "coast
        guard" the entity ruler tagged on its own."""
        for child in head.children:
            if child.dep_ == "poss" and child.ent_type_ in {"GPE", "NORP"} and child.i < head.i:
                return modifier_country(self.kb, self.doc[child.left_edge.i : head.i + 1], head)
        return None

    def _possessor(self, head: Token) -> Actor | None:
        """The actor of a person, organisation or pronoun owning the noun ("his forces",
        "Museveni's soldiers"), when it has a country; countries are read as modifiers."""
        for child in head.children:
            if child.dep_ != "poss" or child.i > head.i:
                continue
            if child.pos_ == "PRON" and child.lower_ not in {"his", "her", "its", "their"}:
                continue
            named = child.ent_type_ in {"PERSON", "ORG"}
            if child.pos_ not in {"PRON", "NOUN"} and not named:
                continue
            owner = self.mention_for(child.i).actor
            if child.pos_ == "NOUN" and (owner is None or owner.kind not in {"organisation"}):
                continue  # "the group's armed wing" after Hamas; not "the city's police"
            if owner is not None and owner.country is not None:
                return owner
            if (
                owner is not None
                and owner.kind == "organisation"
                and owner.sector in {"IGO", "NGO"}
            ):
                return owner  # "its peacekeepers" after the SADC, "the UN's envoy"
        return None

    def _commander(self, head: Token) -> Actor | None:
        """Who orders or sends the forces the noun names: "Putin ordered troops into ...",
        "Maduro deployed soldiers", when that actor is a state's or an armed group's."""
        verb = head.head
        if head.dep_ != "dobj" or verb.lemma_.lower() not in COMMAND_VERBS:
            return None
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            actor = self.mention_for(subject.i).actor
            if actor is not None and actor.country and actor.sector in ARMED | {"GOV", "REB"}:
                return actor
        return None

    def _hit_by_own_side(self, head: Token) -> bool:
        """True when the noun is what a hostile act of the article's own country's state forces
        is done to: "the military said it targeted militants", "civilians killed by Israeli
        forces" in an article mostly about Israel."""
        if self.second_country is None:
            return False
        verb, doer = head.head, None
        if head.dep_ == "pobj" and verb.lower_ in {"on", "against", "at"}:
            verb = verb.head
        act = verb.lemma_.lower()
        if head.dep_ in {"dobj", "pobj"}:
            doers = [c for c in verb.children if c.dep_ == "nsubj"]
            while not doers and verb.dep_ in {"xcomp", "pcomp", "advcl", "conj"}:
                verb = verb.head  # "denies attacking civilians": the subject of "denies"
                doers = [c for c in verb.children if c.dep_ == "nsubj"]
            doer = doers[0] if doers else None
        elif head.dep_ == "nsubjpass":
            agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children]
            doer = agents[0] if agents else None
        if doer is None or act not in HOSTILE_VERBS:
            return False
        actor = self.mention_for(doer.i).actor
        return (
            actor is not None
            and actor.country == self.main_country
            and actor.sector in ARMED | {"GOV"}
        )

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
