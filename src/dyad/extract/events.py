"""Event triggers and their arguments from the dependency parse, by dyad's verb and noun patterns.

For every verb or noun that matches a pattern in data/events (``event_triggers``,
``event_nouns``), the extractor finds the source (subject, passive agent, possessor, "between X
and Y") and the target (the pattern's slots, ``event_arguments``, ``event_targets``), and the
modality (``event_modality``): negated and hypothetical acts are dropped, future acts become
intents (AGREE/THREATEN). An act named inside a request, refusal, threat, promise or accusation is
folded into that speech act (``speech_acts``: "urged them to de-escalate" is one REQUEST with mode
yield, not a RETREAT), and ``event_pruning`` keeps a sentence's own acts.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyad.extract.event_arguments import (
    RECIPROCAL_TYPES,
    can_be_actor,
    coordinated_partner,
    find_arguments,
)
from dyad.extract.event_candidate import EventCandidate
from dyad.extract.event_contests import is_contest_result, is_effort
from dyad.extract.event_conventions import (
    charged_by_critic,
    declines_comment,
    dismisses_a_person,
    has_own_anchor,
    hedged_threat,
    in_background,
    is_announced_decision,
    is_forecast_warning,
    is_household_violence,
    noun_agent,
    option_verb,
    seeks_own_act,
    sent_to_a_state,
    survived_act,
)
from dyad.extract.event_modality import (
    clause_modality,
    default_intent,
    is_conditional,
    is_deliberated,
    is_forecast,
    is_preparing,
)
from dyad.extract.event_modality_cues import is_unrealised, is_without, judged_act
from dyad.extract.event_nouns import is_light_verb, suffered_in, taking_part
from dyad.extract.event_options import kept_hostile_option
from dyad.extract.event_pruning import prune_events, with_weapon_mode, without_non_actor_source
from dyad.extract.event_reported import reported_blame, reported_demand
from dyad.extract.event_targets import target_options
from dyad.extract.event_triggers import match_trigger, object_of_verb_match, raised_object
from dyad.extract.non_agents import is_natural_force
from dyad.extract.patterns import EventPattern, PatternBook, lemma_forms
from dyad.extract.speech_acts import fold_speech_acts, intent_code

__all__ = ["EventCandidate", "find_events"]

INTENT_CAMEO = {"AGREE": "030", "THREATEN": "130", "REJECT": "120", "MOBILIZE": "150"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
DOCUMENTS = {
    "report", "statement", "study", "document", "video", "data", "figure", "book", "film",
    "list", "survey", "poll", "letter", "footage", "transcript", "result", "record",
}  # fmt: skip
# "New rules target emissions": a policy attacks no one (it may still ban: "the law bans rallies").
POLICIES = {
    "rule", "law", "policy", "measure", "regulation", "reform", "programme", "program", "budget",
    "tax", "bill", "plan", "proposal", "initiative", "strategy", "cut", "hike", "increase",
    "rise", "decision", "change", "shortage", "price", "tariff", "austerity",
}  # fmt: skip
ABSTRACT_FOES = {
    "corruption", "poverty", "crime", "inflation", "disease", "epidemic", "pandemic", "hunger",
    "unemployment", "graft", "fraud", "racism", "discrimination", "malaria", "cancer", "virus",
    "wildfire", "wildfires", "drought", "piracy", "smuggling", "trafficking", "illiteracy",
    "misinformation", "disinformation", "climate", "pollution", "deforestation", "impunity",
}  # fmt: skip
# "captured two leopards", "a shark attacked a swimmer": acts by or on wild animals code no
# event (livestock is left out: a cattle raid is one).
ANIMALS = {
    "animal", "leopard", "lion", "tiger", "elephant", "gorilla", "monkey", "ape", "chimpanzee",
    "bear", "wolf", "shark", "crocodile", "snake", "bird", "rhino", "rhinoceros", "hippo",
    "whale", "dolphin", "turtle", "deer", "boar", "hyena", "jaguar", "cheetah", "eagle", "parrot",
    "rat", "mosquito", "locust", "wildlife",
}  # fmt: skip


def find_events(doc: Doc, book: PatternBook) -> list[EventCandidate]:
    """All events in a parsed document, in text order, speech acts already folded."""
    events: list[EventCandidate] = []
    consumed: set[int] = set()
    for sent in doc.sents:
        found: list[tuple[EventCandidate, Token]] = []
        for token in sent:
            if token.i in consumed:
                continue
            match = object_of_verb_match(token, book) or match_trigger(token, book)
            if match is None:
                continue
            pattern, trigger_tokens = match
            consumed.update(t.i for t in trigger_tokens)
            candidate = _build(trigger_tokens[0], pattern, trigger_tokens, book)
            if candidate is not None:
                found.append((candidate, token))
        for token in sent:
            demand = reported_demand(token, book) or reported_blame(token)
            if demand is not None:
                found.append((demand, token))
        if not found:
            found = _headline_events(sent, book)
        found = _without_background(found)
        folded = prune_events(doc, fold_speech_acts(found, book))
        folded = [without_non_actor_source(doc, with_weapon_mode(doc, e, book)) for e in folded]
        # The main-clause event comes first: it is the sentence's primary event.
        folded.sort(key=lambda e: (_depth(doc[e.clause_head]), e.trigger_start))
        events.extend(folded)
    return events


def _without_background(
    found: list[tuple[EventCandidate, Token]],
) -> list[tuple[EventCandidate, Token]]:
    """Participles that only describe a participant and clauses that date the sentence's act
    (``is_background``) are no events of their own when the sentence reports another act; alone,
    a participle stays only with its own doer or date ("the accord, signed on Tuesday")."""
    background = [in_background(t) for _, t in found]
    if not all(background):
        return [f for f, b in zip(found, background, strict=True) if not b]
    return [(e, t) for e, t in found if t.dep_ != "advcl" and has_own_anchor(t)]


def _headline_events(sent: Span, book: PatternBook) -> list[tuple[EventCandidate, Token]]:
    """ "Rebels attack army base in eastern Congo": a headline with no verb is sometimes parsed
    as one noun phrase. A noun spelled like a coded verb, after a plural or named doer and before
    what it is done to, is then read as the verb, its doer and object taken from the words."""
    if len(sent) > 14 or any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return []
    for token in sent:
        doer = token.doc[token.i - 1] if token.i > sent.start else None
        if (
            doer is None
            or token.tag_ != "NN"
            or doer.tag_ not in {"NNS", "NNPS", "NNP"}
            or token.head.i == token.i
            or token.head.pos_ not in {"NOUN", "PROPN"}
        ):
            continue
        plain = [p for f in lemma_forms(token) for p in book.verbs.get(f, ()) if p.plain]
        if not plain:
            continue
        candidate = _build(token, plain[0], [token], book)
        if candidate is None:
            continue
        target = token.head.i if can_be_actor(token.head) else None
        source = doer.i if can_be_actor(doer) else None
        candidate = replace(candidate, source=source, target=target, note="headline read as a verb")
        return [(candidate, token)]
    return []


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _build(
    token: Token, pattern: EventPattern, trigger_tokens: list[Token], book: PatternBook
) -> EventCandidate | None:
    is_verb = pattern.kind == "v"
    if is_verb and pattern.cameo == "173" and charged_by_critic(token):
        pattern = replace(
            pattern,
            event_type="ACCUSE",
            mode="allege",
            cameo="1121",
            contexts=("crime",),
            intent_type=None,
        )
    clause = token
    if (
        not is_verb
        and token.dep_ in {"dobj", "nsubjpass", "nsubj"}
        and token.head.pos_ in {"VERB", "AUX"}
    ):
        clause = token.head
    elif not is_verb and taking_part(token):
        clause = token.head.head
    modality = clause_modality(clause)
    if not is_verb and clause is not token:  # "The attack would be the deadliest": it happened
        modality = judged_act(token, clause, modality)
    if modality == "hypothetical" and pattern.event_type == "CONSULT" and is_forecast(clause):
        modality = "future"  # "is expected to visit Moscow": a visit on the calendar (CAMEO 036)
    ruled_out = option_verb(token, modality)
    if pattern.event_type == "REJECT" and ruled_out is not None:
        option = kept_hostile_option(ruled_out, book)
        if option is not None:
            return hedged_threat(token, option, pattern, trigger_tokens, book)
    if modality in {"negated", "hypothetical"} or (not is_verb and is_deliberated(token)):
        return None
    if not is_verb and (
        any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
        or is_without(token)
        or is_unrealised(token)
    ):
        return None  # "police made no arrests", "there was no fighting", "without a fight"
    if pattern.event_type == "REQUEST" and is_verb and seeks_own_act(token):
        return None
    if pattern.event_type == "THREATEN" and is_verb and is_forecast_warning(token):
        return None
    if pattern.event_type == "REJECT" and is_verb and declines_comment(token):
        return None  # "declined to comment": no event
    if pattern.event_type == "REJECT" and is_verb and dismisses_a_person(token):
        return None
    if modality == "refused" and pattern.event_type not in COOPERATIVE:
        return None
    if _document_participle(token) and pattern.kind == "v":
        return None
    if _reporters_question(token) or _time_reference(token, is_verb) or _imperative(token):
        return None
    if pattern.event_type in {"ASSAULT", "COERCE"} and (
        _abstract_foe(token)
        or _no_agent(token, pattern.event_type)
        or _on_animals(token)
        or is_contest_result(token)  # "Arsenal beat Chelsea 2-0": a win, no assault
        or (is_verb and is_effort(token))  # "doctors fought to save him"
        or is_household_violence(token)  # "a man stabbed his neighbour": private crime
    ):
        return None
    if pattern.lemma == "claim" and pattern.needs_clause and not _claims_an_act(token, book):
        return None  # "the firm claimed its profits had doubled": a claim, no accusation
    if pattern.event_type in {"RETREAT", "ASSAULT"} and is_verb and _on_document(token):
        return None  # "the bank released its report"
    source, target, reciprocal = find_arguments(token, pattern, trigger_tokens, clause)
    if is_verb and target is None and "dobj" in pattern.targets:
        target = raised_object(token)  # "let the hostages go", "allowed monitors to enter"
    if not is_verb and survived_act(token):
        # "the governor survived an assassination attempt": the survivor is the target
        survivor = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        source, target = noun_agent(token), survivor if survivor is not None else target
    elif not is_verb and target is None and (casualty := suffered_in(token)) is not None:
        # "seven women lost their lives in a rocket attack": the victims are the target
        target = next((c for c in casualty.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    elif not is_verb and token.dep_ == "nsubjpass" and clause is not token:
        # "the bombing was carried out by the rebels": the light verb's agent is the doer
        source = noun_agent(token) or source
    if (
        target is None
        and source is not None
        and (pattern.symmetric or pattern.event_type in RECIPROCAL_TYPES)
    ):
        partner = coordinated_partner(source)
        if partner is not None:  # "Jordan and Britain agreed": each is the other's partner
            target, reciprocal = partner, True
    options = target_options(token, trigger_tokens, clause, pattern.event_type, source, target)
    event_type, note = pattern.event_type, ""
    if modality == "refused":
        event_type, note = "REJECT", f"refused {pattern.event_type} coded as REJECT"
    elif modality == "future" and pattern.event_type == "ASSAULT" and is_preparing(clause):
        event_type, note = "MOBILIZE", "prepared ASSAULT coded as MOBILIZE"
    elif modality == "future" and is_conditional(clause, pattern.event_type in COOPERATIVE):
        event_type, note = "THREATEN", f"conditional {pattern.event_type} coded as THREATEN"
    elif (
        modality == "future"
        and pattern.event_type == "SANCTION"
        and pattern.intent_type is None  # the data's own intent wins ("will withdraw monitors")
        and is_announced_decision(clause)
    ):
        note = "announced SANCTION coded as the act"
    elif modality == "future" and pattern.event_type == "MOBILIZE" and sent_to_a_state(token):
        event_type, note = "AGREE", "future deployment to a state coded as AGREE"
    elif modality == "future":
        intent = pattern.intent_type or default_intent(pattern.event_type)
        if intent != event_type:
            event_type, note = intent, f"future {pattern.event_type} coded as {intent}"
    cameo = pattern.cameo if event_type == pattern.event_type else None
    if note.startswith("future deployment"):
        cameo = "0312"
    mode = pattern.mode if event_type == pattern.event_type else None
    if cameo is None:
        intent_mode = book.intent_modes.get((event_type, token.lemma_.lower()))
        # The data file's keys are read lowercased, inner PLOVER types included.
        intent_mode = intent_mode or book.intent_modes.get((event_type, pattern.event_type.lower()))
        cameo = intent_mode.cameo if intent_mode else INTENT_CAMEO.get(event_type)
        # "will release the prisoners" (0841): the intent to do that act, 0353
        cameo = intent_code(event_type, pattern.cameo) or cameo
        mode = intent_mode.mode if intent_mode else None
    start = min(t.i for t in trigger_tokens)
    end = max(t.i for t in trigger_tokens) + 1
    if not is_verb and clause is not token and is_light_verb(clause, book):
        start = min(start, clause.i)
    confidence = 0.55 + 0.1 * pattern.specificity + (0.1 if is_verb else 0.0)
    confidence += 0.1 if source is not None else -0.1
    if pattern.via_kin:
        confidence -= 0.2  # typed through a WordNet kin, not by a pattern of its own
    return EventCandidate(
        trigger_start=start,
        trigger_end=end,
        clause_head=clause.i,
        source=None if source is None else source.i,
        target=None if target is None else target.i,
        event_type=event_type,
        mode=mode,
        contexts=pattern.contexts,
        cameo=cameo,
        reciprocal=reciprocal,
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        rule=pattern.rule_id,
        note=note,
        target_options=options,
    )


def _reporters_question(verb: Token) -> bool:
    """ "Asked about the remarks, a spokesperson said": a question to a speaker, no request."""
    if verb.lemma_.lower() != "ask" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in {"nsubjpass", "agent"} for c in verb.children)
    )


def _imperative(verb: Token) -> bool:
    """ "Talk to a teenager in Harlem and ...", "Meet the rebels who ...": a bare verb heading the
    sentence addresses the reader; no one is reported doing anything."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


def _time_reference(noun: Token, is_verb: bool) -> bool:
    """ "since the fighting last May": an earlier event used to date the sentence's own."""
    return not is_verb and noun.dep_ == "pobj" and noun.head.lower_ == "since"


def _abstract_foe(token: Token) -> bool:
    """ "fight corruption", "the battle against poverty": a campaign against an ill, no attack."""
    foes = [c for c in token.children if c.dep_ == "dobj"]
    foes += [g for c in token.children if c.lower_ in {"against", "on"} for g in c.children]
    return any(f.lemma_.lower() in ABSTRACT_FOES for f in foes)


def _no_agent(verb: Token, event_type: str) -> bool:
    """ "The storm hit the coast", "shares struck a high": nature and markets attack no one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    lemma = subject.lemma_.lower()
    return is_natural_force(lemma) or (event_type == "ASSAULT" and lemma in POLICIES)


# "claimed Iran was behind the attack": words that make a claim an accusation without an act.
BLAME_WORDS = {"behind", "responsible", "guilty", "complicit", "involved", "liable", "culpable"}


def _claims_an_act(verb: Token, book: PatternBook) -> bool:
    """A claim accuses only when what it claims is an act (or blame): "claimed Kyiv shelled"."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for t in clause.subtree:
            if t.lower_ in BLAME_WORDS or match_trigger(t, book) is not None:
                return True
    return False


def _on_animals(verb: Token) -> bool:
    """ "Rangers captured two leopards", "a crocodile attacked a fisherman": no political act."""
    parts = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    return any(p.lemma_.lower() in ANIMALS or p.lower_ in ANIMALS for p in parts)


def _on_document(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in verb.children)


def _document_participle(verb: Token) -> bool:
    """ "a report released Tuesday": a participle on a document names no act on people."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in DOCUMENTS
