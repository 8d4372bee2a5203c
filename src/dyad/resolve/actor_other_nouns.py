"""Nouns that are no actor term -> actors: a definite description of an earlier actor ("the
group", "the kingdom"), an organisation named after its country, an actor's possession."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from dyad.article import Actor, Mention
from dyad.resolve.actor_bodies import is_international_association
from dyad.resolve.actor_countries import MODIFIER_DEPS, military_act
from dyad.resolve.actor_kb import ActorKB
from dyad.resolve.actor_names import strip_det
from dyad.resolve.actor_phrases import (
    country_of_name,
    entity_of,
    is_ethnic,
    is_stance,
    modifier_country,
    modifier_home,
)
from dyad.resolve.coref import UNRESOLVED, HistoryEntry, MentionHistory, Resolution, copy_of

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
# Formal names of states, written with the country's name: "the Republic of Moldova", "the
# Kingdom of Saudi Arabia", "the Sultanate of Oman".
STATE_FORMS = STATE_NOMINALS | {
    "state", "federation", "principality", "sultanate", "emirate", "commonwealth", "union",
}  # fmt: skip
# What a country does as a state, so its government's: "a Senegalese peace plan", "US
# mediation", "Indonesian rule", "an Australian ultimatum".
STATE_ACTS = {
    "plan", "proposal", "ultimatum", "mediation", "rule", "policy", "sanction", "offer",
    "demand", "decision", "initiative", "effort", "aid", "assistance", "pressure", "request",
    "warning", "bid", "veto", "embargo", "blockade", "occupation", "annexation", "recognition",
    "tariff", "crackdown", "intervention", "invasion", "offensive", "diplomacy", "delegation",
}  # fmt: skip
# What a people does, never its government: "Palestinian riots", "Kenyan protests".
PEOPLE_ACTS = {
    "riot", "protest", "demonstration", "uprising", "unrest", "rally", "march", "intifada",
}  # fmt: skip
# Sectors of the organisations a nominal may refer back to (an empty set: any organisation).
NOMINAL_SECTORS: dict[str, set[str]] = {
    "bloc": {"IGO"},
    "agency": {"IGO", "GOV", "SPY", "COP", "NGO", "HLH"},
    "body": {"IGO", "GOV", "LEG", "JUD", "NGO"},
    "group": {"REB", "OPP", "PTY", "UAF", "CRM", "IMG", "NGO", "REL", "LAB", "EDU", "BUS"},
    "movement": {"REB", "OPP", "PTY", "UAF", "IMG", "REL", "LAB", "EDU"},
}


class OtherNounRules:
    """``ActorResolver``'s rules for nouns that are no actor term."""

    # state and methods of the ActorResolver these rules are mixed into
    kb: ActorKB
    main_country: str | None
    history: MentionHistory
    mention_for: Callable[[int], Mention]
    _country_name: Callable[[str], str | None]

    def _other_noun(self, head: Token, span: Span) -> Resolution:
        """A noun that is no actor term: "the group" (an earlier organisation) or an actor's
        decision ("Turkey's efforts", "an Australian ultimatum": the possessor or demonym)."""
        formal = self._state_form(head)
        if formal is not None:  # "the Republic of Slovenia"
            return formal, "country", None
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
                    name=strip_det(span.text),
                    country=country,
                    kind="organisation",
                    resolved_by="organisation-name-country",
                )
                return actor, "organisation", None
            if is_international_association(span):
                # "the Association of African Jurists", "the Third World Water Forum": a body of
                # no one state that is no known intergovernmental one
                actor = Actor(
                    name=strip_det(span.text), sector="NGO", kind="organisation",
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
                    lemma = head.lemma_.lower()
                    doer = head.dep_ in {"nsubj", "nsubjpass", "agent"}
                    state = (doer or lemma in STATE_ACTS) and lemma not in PEOPLE_ACTS
                    sector = "MIL" if military_act(head) else "GOV" if state else "CVL"
                    actor = Actor(
                        name=self._country_name(found[0]),
                        country=found[0],
                        sector=sector,
                        kind="country",
                        resolved_by="country-modifier",
                    )
                    return actor, "possessor", None
        # "the rights of Palestinians"; who makes it: "calls by Belarus's rulers", "demands from
        # Shona rebels", "representatives from civil society groups"
        for prep in head.children:
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"of", "by", "from"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ in {"PROPN", "NOUN"}:
                        owner = self._owner(obj)
                        if owner is not None:
                            return owner, "possessor", None
        return UNRESOLVED

    def _state_form(self, head: Token) -> Actor | None:
        """The state a formal name stands for: "Republic" of "the Republic of Moldova"."""
        if head.lemma_.lower() not in STATE_FORMS:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                ent = entity_of(obj) if obj.dep_ == "pobj" else None
                country = self.kb.country_by_name(ent.text) if ent is not None else None
                if country is not None:
                    return Actor(
                        name=country.name, country=country.iso3, sector="GOV", kind="country",
                        resolved_by="country-formal-name",
                    )  # fmt: skip
        return None

    def _owner(self, token: Token) -> Actor | None:
        """The possessor's actor ("Turkey" in "Turkey's efforts", "the rights of Palestinians")."""
        owner = self.mention_for(token.i)
        if owner.actor is None:
            return None
        return owner.actor.model_copy(update={"resolved_by": "possessor"})


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
