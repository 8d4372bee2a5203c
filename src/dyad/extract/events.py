"""Event triggers and their arguments from the dependency parse, by dyad's verb and noun patterns.

For every verb or noun that matches a pattern in data/events, the extractor finds the source
(subject, passive agent, possessor, "between X and Y"), the target (the pattern's slots), and the
modality: negated and hypothetical acts are dropped, future acts become intents (AGREE/THREATEN),
and an act named inside a request, refusal, threat, promise or accusation is folded into that
speech act ("urged them to de-escalate" is one REQUEST with mode yield, not a RETREAT).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dyad.extract.patterns import EventPattern, PatternBook

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_LINKS = {"xcomp", "advcl", "conj", "pcomp", "ccomp", "acl", "relcl"}
SPEECH_TYPES = {"REQUEST", "REJECT", "THREATEN", "AGREE", "ACCUSE", "SUPPORT"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must"}
INTENT_VERBS = {"plan", "intend", "prepare", "aim", "want", "hope", "expect", "seek", "promise"}
# "is willing to withdraw", "ready to contribute": an adjective of readiness makes an intention.
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "determined", "eager", "poised", "set"}
# "said that Sudan must return the helicopter": a reported obligation is a demand (CAMEO 10).
REPORT_VERBS = {
    "say", "announce", "declare", "insist", "conclude", "state", "tell", "add", "stress",
    "warn", "reiterate", "emphasize", "emphasise", "argue", "remind",
}  # fmt: skip
OBLIGATION_AUX = {"must", "should"}
CONDITION_MARKS = {"unless", "if"}
INTENT_CAMEO = {"AGREE": "030", "THREATEN": "130", "REJECT": "120"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
DOCUMENTS = {
    "report", "statement", "study", "document", "video", "data", "figure", "book", "film",
    "list", "survey", "poll", "letter", "footage", "transcript", "result", "record",
}  # fmt: skip
OCCUR_VERBS = {
    "erupt", "continue", "rage", "break", "kill", "hit", "destroy", "intensify", "escalate",
    "resume", "occur", "happen", "take", "leave", "target", "wound", "injure", "damage", "begin",
}  # fmt: skip
CONDITIONAL_MARKS = {"if", "unless"}


@dataclass(frozen=True)
class EventCandidate:
    """An event found in the parse, as token indices into the Doc (no spaCy objects kept)."""

    trigger_start: int
    trigger_end: int  # exclusive token index
    clause_head: int  # token whose clause governs the event's time and place
    source: int | None
    target: int | None
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    reciprocal: bool
    confidence: float
    rule: str
    note: str = ""


def find_events(doc: Doc, book: PatternBook) -> list[EventCandidate]:
    """All events in a parsed document, in text order, speech acts already folded."""
    events: list[EventCandidate] = []
    consumed: set[int] = set()
    for sent in doc.sents:
        found: list[tuple[EventCandidate, Token]] = []
        for token in sent:
            if token.i in consumed:
                continue
            match = _match(token, book)
            if match is None:
                continue
            pattern, trigger_tokens = match
            consumed.update(t.i for t in trigger_tokens)
            candidate = _build(token, pattern, trigger_tokens, book)
            if candidate is not None:
                found.append((candidate, token))
        for token in sent:
            demand = _reported_demand(token, book)
            if demand is not None:
                found.append((demand, token))
        folded = _fold_speech_acts(found, book)
        # The main-clause event comes first: it is the sentence's primary event.
        folded.sort(key=lambda e: (_depth(doc[e.clause_head]), e.trigger_start))
        events.extend(folded)
    return events


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _reported_demand(verb: Token, book: PatternBook) -> EventCandidate | None:
    """ "Russia said Sudan must return the helicopter": a REQUEST (demand) from the speaker."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in {"ccomp", "conj"}:
        return None
    must = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX), None)
    clause = verb.head if verb.dep_ == "ccomp" else verb.head.head
    if must is None or clause.lemma_.lower() not in REPORT_VERBS or clause.pos_ != "VERB":
        return None
    if any(c.dep_ == "neg" for c in verb.children) or _modality(clause) != "actual":
        return None
    source = subject_of(clause)
    target = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if target is not None and target.lower_ in {"it", "they", "we", "i", "he", "she"}:
        target = None if source is None or target.lower_ in {"we", "i"} else target
    match = _match(verb, book)
    inner = match[0].event_type if match is not None else None
    mode = None
    for key in (verb.lemma_.lower(), inner or ""):
        found = book.intent_modes.get(("REQUEST", key))
        if found is not None:
            mode = found
            break
    source = source if _can_be_actor(source) else None
    return EventCandidate(
        trigger_start=must.i,
        trigger_end=verb.i + 1,
        clause_head=clause.i,
        source=None if source is None else source.i,
        target=None if target is None or not _can_be_actor(target) else target.i,
        event_type="REQUEST",
        mode=mode.mode if mode else None,
        contexts=(mode.context,) if mode and mode.context else (),
        cameo=mode.cameo if mode else "100",
        reciprocal=False,
        confidence=0.6 if source is not None else 0.45,
        rule="demand:reported-obligation",
    )


def _match(token: Token, book: PatternBook) -> tuple[EventPattern, list[Token]] | None:
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
        for pattern in book.verbs.get(lemma, ()):
            tokens = _verb_fits(token, pattern)
            if tokens is not None:
                return pattern, tokens
    if token.pos_ in {"NOUN", "PROPN"}:
        for key in {lemma, token.lower_}:
            for pattern in book.nouns.get(key, ()):
                tokens = _noun_fits(token, pattern, book)
                if tokens is not None:
                    return pattern, tokens
    return None


def _verb_fits(verb: Token, pattern: EventPattern) -> list[Token] | None:
    tokens = [verb]
    particle_tok = None
    if pattern.particle:
        words = pattern.particle.split()
        particle_tok = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"prt", "prep", "agent"} and c.lower_ == words[0]
            ),
            None,
        )
        if particle_tok is None:
            return None
        tokens.append(particle_tok)
    if pattern.objects:
        objects = [
            c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd", "acomp", "nsubjpass"}
        ]
        for prep in (c for c in verb.children if c.dep_ in {"prep", "prt"}):
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
        obj = next(
            (
                o
                for o in objects
                if o.lemma_.lower() in pattern.objects or o.lower_ in pattern.objects
            ),
            None,
        )
        if obj is None:
            return None
        tokens.append(obj)
    return tokens


def _noun_fits(noun: Token, pattern: EventPattern, book: PatternBook) -> list[Token] | None:
    tokens = [noun]
    if pattern.modifier:
        mod = next(
            (
                c
                for c in noun.children
                if c.dep_ in {"compound", "amod"} and c.lemma_.lower() == pattern.modifier
            ),
            None,
        )
        if mod is None:
            return None
        tokens.append(mod)
    # A bare noun ("the agreement remains achievable") is a topic, not an event: it needs a light
    # verb, an argument of its own, or to be what happened ("fighting erupted").
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and _light_verb(head, book):
        return tokens
    if noun.dep_ == "nsubj" and head.lemma_.lower() in OCCUR_VERBS:
        return tokens
    if _own_argument(noun, pattern) is not None or _noun_source(noun) is not None:
        return tokens
    return None


def _light_verb(verb: Token, book: PatternBook) -> bool:
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return lemma in book.light_verbs or any(f"{lemma} {p}" in book.light_verbs for p in particles)


def _pobj(head: Token, preps: tuple[str, ...]) -> Token | None:
    for prep in preps:
        for child in head.children:
            if child.dep_ in {"prep", "agent", "prt"} and child.lower_ == prep:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _own_argument(noun: Token, pattern: EventPattern) -> Token | None:
    slots = tuple(s for s in pattern.targets if s not in {"dobj", "dative"}) + ("by",)
    return _pobj(noun, slots)


def _noun_source(noun: Token) -> Token | None:
    """Who did a noun event: "Israel's strikes", "strikes by Israel", "Israeli strikes"."""
    by = _pobj(noun, ("by",))
    if by is not None:
        return by
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            return child
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through coordinated, participial and control clauses."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is not None:
            return _relative_head(subject)
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ in {"VBG", "VBD"}):
            return current.head
        if (
            current.dep_ in {"xcomp", "advcl", "conj", "acl", "ccomp", "acomp"}
            and current.head is not current
        ):
            current = current.head
        elif current.dep_ == "pcomp" and current.head.head is not current.head:
            current = current.head.head
        else:
            return None
    return None


def _relative_head(subject: Token) -> Token:
    if subject.lower_ in {"who", "which", "that"} and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _build(
    token: Token, pattern: EventPattern, trigger_tokens: list[Token], book: PatternBook
) -> EventCandidate | None:
    is_verb = pattern.kind == "v"
    clause = token
    if (
        not is_verb
        and token.dep_ in {"dobj", "nsubjpass", "nsubj"}
        and token.head.pos_ in {"VERB", "AUX"}
    ):
        clause = token.head
    modality = _modality(clause)
    if modality in {"negated", "hypothetical"}:
        return None
    if modality == "refused" and pattern.event_type not in COOPERATIVE:
        return None
    if _document_participle(token) and pattern.kind == "v":
        return None
    source, target, reciprocal = _arguments(token, pattern, trigger_tokens, clause, book)
    event_type, note = pattern.event_type, ""
    if modality == "refused":
        event_type, note = "REJECT", f"refused {pattern.event_type} coded as REJECT"
    elif modality == "future" and _conditional(clause):
        event_type, note = "THREATEN", f"conditional {pattern.event_type} coded as THREATEN"
    elif modality == "future":
        intent = pattern.intent_type or _default_intent(pattern.event_type)
        if intent != event_type:
            event_type, note = intent, f"future {pattern.event_type} coded as {intent}"
    cameo = pattern.cameo if event_type == pattern.event_type else None
    mode = pattern.mode if event_type == pattern.event_type else None
    if cameo is None:
        intent_mode = book.intent_modes.get((event_type, token.lemma_.lower()))
        intent_mode = intent_mode or book.intent_modes.get((event_type, pattern.event_type))
        cameo = intent_mode.cameo if intent_mode else INTENT_CAMEO.get(event_type)
        mode = intent_mode.mode if intent_mode else None
    start = min(t.i for t in trigger_tokens)
    end = max(t.i for t in trigger_tokens) + 1
    if not is_verb and clause is not token and _light_verb(clause, book):
        start = min(start, clause.i)
    confidence = 0.55 + 0.1 * pattern.specificity + (0.1 if is_verb else 0.0)
    confidence += 0.1 if source is not None else -0.1
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
    )


def _default_intent(event_type: str) -> str:
    """A future act: conflict becomes THREATEN, cooperation (support included) AGREE."""
    if event_type in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}:
        return "THREATEN"
    if event_type in {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}:
        return event_type
    return "AGREE"


def _document_participle(verb: Token) -> bool:
    """ "a report released Tuesday": a participle on a document names no act on people."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in DOCUMENTS


def _conditional(verb: Token) -> bool:
    """A future act with an "unless"/"if" clause is an ultimatum ("will withdraw unless ...")."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children
        ):
            return True
    return False


def _modality(verb: Token) -> str:
    """'negated', 'refused', 'hypothetical', 'future' or 'actual' for the clause of ``verb``.

    'refused': a negated intention ("will not provide") or a failure ("failed to reach").
    """
    chain = [verb]
    if verb.dep_ in {"xcomp", "conj"}:
        chain.append(verb.head)
    negated = future = False
    for head in chain:
        for child in head.children:
            if child.dep_ == "neg" or child.lower_ in {"never", "not", "n't"}:
                negated = True
            elif child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return "hypothetical"
            elif child.dep_ == "aux":
                if child.lower_ in HYPOTHETICAL_AUX:
                    return "hypothetical"
                if child.lower_ in FUTURE_AUX or child.lower_ == "would":
                    future = True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail":
        return "refused"
    if negated:
        return "refused" if future else "negated"
    if future:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ in INTENT_ADJECTIVES:
        return "future"
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "go"
        and any(c.lower_ == "going" for c in [verb.head])
    ):
        return "future"
    return "actual"


def _arguments(
    token: Token,
    pattern: EventPattern,
    trigger_tokens: list[Token],
    clause: Token,
    book: PatternBook,
) -> tuple[Token | None, Token | None, bool]:
    trigger_ids = {t.i for t in trigger_tokens}
    source: Token | None = None
    target: Token | None = None
    reciprocal = False
    between = None
    for holder in trigger_tokens:
        between = between or _pobj(holder, ("between",))
    if between is not None:
        partner = next((c for c in between.children if c.dep_ == "conj"), None)
        if partner is not None:
            return between, partner, True
    if pattern.kind == "v":
        agent = (
            _pobj(token, ("by",)) if any(c.dep_ == "nsubjpass" for c in token.children) else None
        )
        if agent is not None:
            source = agent
            target = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        else:
            source = subject_of(token)
    else:
        source = _noun_source(token)
        if source is None and clause is not token:
            source = subject_of(clause)
    for slot in pattern.targets:
        if target is not None:
            break
        holders = [token] if pattern.kind == "v" or clause is token else [token, clause]
        for holder in holders:
            if slot == "dobj":
                target = next(
                    (c for c in holder.children if c.dep_ == "dobj" and c.i not in trigger_ids),
                    None,
                )
                if target is None and holder.dep_ == "relcl" and pattern.kind == "v":
                    target = None
            elif slot == "dative":
                target = next((c for c in holder.children if c.dep_ == "dative"), None)
            else:
                target = _pobj(holder, (slot,))
                if target is not None and slot == "with" and pattern.symmetric:
                    reciprocal = True
            if target is not None and target.i not in trigger_ids:
                break
            target = None
    source = source if _can_be_actor(source) else None
    target = target if _can_be_actor(target) else None
    if source is not None and target is not None and source.i == target.i:
        target = None
    return source, target, reciprocal


def _can_be_actor(token: Token | None) -> bool:
    """Times and amounts are never actors ("strikes on Thursday" has no target)."""
    if token is None:
        return False
    return token.ent_type_ not in {
        "DATE",
        "TIME",
        "CARDINAL",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
    }


def _fold_speech_acts(
    found: list[tuple[EventCandidate, Token]], book: PatternBook
) -> list[EventCandidate]:
    """Fold acts named inside a speech act into it; set the speech act's mode from them."""
    absorbed: set[int] = set()
    result: list[EventCandidate] = []
    speech = [(e, t) for e, t in found if e.event_type in SPEECH_TYPES]
    for index, (event, token) in enumerate(found):
        outer = _governing_speech_act(token, event, speech)
        if outer is not None:
            absorbed.add(index)
    for index, (event, token) in enumerate(found):
        if index in absorbed:
            continue
        if event.event_type in SPEECH_TYPES:
            event = _with_intent_mode(event, token, found, book)
        result.append(event)
    return result


def _governing_speech_act(
    token: Token, event: EventCandidate, speech: list[tuple[EventCandidate, Token]]
) -> EventCandidate | None:
    for outer, outer_token in speech:
        if outer_token.i == token.i or outer.clause_head == event.clause_head and outer is event:
            continue
        if token.i in _complement_ids(outer_token) and event is not outer:
            return outer
    return None


def _complement_ids(token: Token) -> set[int]:
    ids: set[int] = set()
    heads = [token]
    if token.dep_ in {"dobj", "nsubjpass"}:
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in {"xcomp", "ccomp", "dobj", "prep", "acl", "advcl", "pcomp"}:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" for m in child.children):
                    continue
                ids.update(t.i for t in child.subtree)
    return ids


def _with_intent_mode(
    event: EventCandidate,
    token: Token,
    found: list[tuple[EventCandidate, Token]],
    book: PatternBook,
) -> EventCandidate:
    inside = _complement_ids(token)
    keys: list[str] = []
    for t in sorted(inside):
        keys.append(token.doc[t].lemma_.lower())
    for inner, inner_token in found:
        if inner_token.i in inside and inner is not event:
            keys.insert(0, inner.event_type)
            keys.insert(0, inner_token.lemma_.lower())
    target = event.target
    if target is None:
        inner_targets = [
            i.target for i, t in found if t.i in inside and i is not event and i.target is not None
        ]
        target = inner_targets[0] if inner_targets else None
    event = replace(event, target=target)
    for key in keys:
        mode = book.intent_modes.get((event.event_type, key.lower()))
        if mode is not None:
            contexts = (mode.context,) if mode.context else event.contexts
            cameo = mode.cameo
            if event.cameo and event.cameo.startswith("02") and cameo.startswith("10"):
                cameo = "02" + cameo[2:]  # an appeal (02x) mirrors the demand codes (10x)
            return replace(event, mode=mode.mode, cameo=cameo, contexts=contexts)
    return event
