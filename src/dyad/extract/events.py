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

from dyad.extract.event_arguments import (
    RECIPROCAL_TYPES,
    REPORT_VERBS,
    can_be_actor,
    coordinated_partner,
    find_arguments,
    noun_source,
    pobj_of,
    subject_of,
    target_options,
)
from dyad.extract.event_pruning import prune_events, with_weapon_mode, without_non_actor_source
from dyad.extract.patterns import EventPattern, PatternBook

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_LINKS = {"xcomp", "advcl", "conj", "pcomp", "ccomp", "acl", "relcl"}
SPEECH_TYPES = {"REQUEST", "REJECT", "THREATEN", "AGREE", "ACCUSE", "SUPPORT"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must"}
INTENT_VERBS = {"plan", "intend", "prepare", "aim", "want", "hope", "expect", "seek", "promise"}
# "is willing to withdraw", "ready to contribute": an adjective of readiness makes an intention.
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "determined", "eager", "poised", "set"}
OBLIGATION_AUX = {"must", "should"}
CONDITION_MARKS = {"unless", "if"}
INTENT_CAMEO = {"AGREE": "030", "THREATEN": "130", "REJECT": "120", "MOBILIZE": "150"}
# "the army prepared to resume shelling": readying force is a force posture, not a threat.
PREPARE_WORDS = {"prepare", "prepared", "poised", "gear"}
STANCE_TYPES = {"REJECT", "SUPPORT", "ACCUSE", "REQUEST"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
DOCUMENTS = {
    "report", "statement", "study", "document", "video", "data", "figure", "book", "film",
    "list", "survey", "poll", "letter", "footage", "transcript", "result", "record",
}  # fmt: skip
OCCUR_VERBS = {
    "erupt", "continue", "rage", "break", "kill", "hit", "destroy", "intensify", "escalate",
    "resume", "occur", "happen", "take", "leave", "target", "wound", "injure", "damage", "begin",
    "explode", "go", "rock", "rip", "tear", "claim", "spread", "flare", "mark", "paralyse",
    "paralyze", "cripple", "disrupt", "grip", "sweep", "engulf", "shake", "halt",
}  # fmt: skip
CONDITIONAL_MARKS = {"if", "unless", "until"}
INTENT_NOUNS = {"intention", "intent", "plan", "desire", "interest", "wish"}
# Nouns that take their event from a compound: "mediation effort", "bombing campaign".
GENERIC_EVENT_HEADS = {
    "effort", "efforts", "campaign", "mission", "operation", "package", "programme", "program",
    "process", "initiative", "drive", "wave", "spree",
}  # fmt: skip
# "stepped down", "set free": the parser sometimes attaches a verb's particle as an adverb.
PARTICLE_LIKE_DEPS = {"advmod", "acomp", "oprd", "advcl", "ccomp"}
# Who strikes in the labour sense: "teachers struck", unlike "drones struck".
STRIKING_TRADES = {
    "worker", "union", "teacher", "doctor", "nurse", "driver", "miner", "docker", "dockworker",
    "employee", "staff", "pilot", "trucker", "farmer", "student", "lecturer", "controller",
    "porter", "labourer", "laborer", "physician",
}  # fmt: skip
# Plain verbs that are an event only with a telling subject: (verbs, subjects, the verb pattern
# that codes them). "Protesters gathered" is a demonstration, "the last troops left" a withdrawal.
SUBJECT_KEYED: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (
        frozenset({"gather", "assemble", "converge", "flock", "pour", "throng", "mass"}),
        frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "striker"}),
        "demonstrate",
    ),
    (
        frozenset({"leave", "exit", "quit", "depart", "vacate"}),
        frozenset({"troop", "troops", "soldier", "force", "forces", "army", "peacekeeper"}),
        "withdraw",
    ),
    (
        frozenset({"attack", "target", "hit", "strike", "breach", "infiltrate"}),
        frozenset({"hacker", "hackers"}),
        "hack",
    ),
    (
        frozenset({"block", "occupy", "blockade", "barricade", "paralyse", "paralyze"}),
        frozenset(
            {
                "protester",
                "protestor",
                "demonstrator",
                "driver",
                "farmer",
                "worker",
                "resident",
                "villager",
                "student",
                "activist",
                "trucker",
                "striker",
                "crowd",
                "supporter",
            }
        ),
        "barricade",
    ),
    (
        frozenset({"protest"}),
        frozenset({"ministry", "government", "embassy", "ambassador", "minister", "spokesman"}),
        "complain",
    ),
    (  # "teachers struck for a third day": a labour strike, not an air strike
        frozenset({"strike"}),
        frozenset(STRIKING_TRADES),
        "boycott",
    ),
    (  # "protesters clashed with police": a violent protest
        frozenset({"clash", "scuffle", "brawl", "fight"}),
        frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "striker"}),
        "riot",
    ),
    (  # "rioters torched cars": the riot is the event, not a seizure of property
        frozenset({"torch", "loot", "burn", "smash", "ransack", "vandalize", "vandalise"}),
        frozenset({"rioter", "mob", "looter", "hooligan"}),
        "riot",
    ),
    (
        frozenset({"land", "fall", "slam", "crash", "rain"}),
        frozenset({"round", "shell", "mortar", "rocket", "missile", "bomb", "projectile", "drone"}),
        "shell",
    ),
)
JOINT_ADVERBS = {"jointly"}
ARRIVAL_VERBS = {"sit", "arrive", "gather", "meet", "convene", "travel", "fly", "head", "come"}
NON_AGENTS = {
    "storm", "hurricane", "typhoon", "cyclone", "earthquake", "quake", "flood", "flooding",
    "wildfire", "drought", "heatwave", "tornado", "rain", "snow", "landslide", "tsunami",
    "virus", "pandemic", "epidemic", "outbreak", "disease", "recession", "inflation", "share",
    "stock", "price", "market", "index", "currency", "economy", "crisis",
}  # fmt: skip
WORKFORCES = {
    "worker", "workers", "union", "unions", "teacher", "teachers", "doctor", "doctors", "nurse",
    "nurses", "driver", "drivers", "miner", "miners", "docker", "dockers", "employee", "staff",
    "pilot", "pilots", "farmer", "farmers", "trucker", "truckers", "student", "students",
    "labour", "labor", "transport", "rail", "postal", "port", "dock", "taxi",
}  # fmt: skip
ABSTRACT_FOES = {
    "corruption", "poverty", "crime", "inflation", "disease", "epidemic", "pandemic", "hunger",
    "unemployment", "graft", "fraud", "racism", "discrimination", "malaria", "cancer", "virus",
    "wildfire", "wildfires", "drought", "piracy", "smuggling", "trafficking", "illiteracy",
    "misinformation", "disinformation", "climate", "pollution", "deforestation", "impunity",
}  # fmt: skip
VOW_VERBS = {"vow", "pledge", "promise", "swear"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
MEASURE_HEADS = {
    "wave", "series", "spate", "barrage", "string", "round", "volley", "salvo", "flurry",
    "delivery", "deliveries", "distribution", "shipment", "shipments", "provision", "imposition",
}  # fmt: skip
PARTICIPATION_VERBS = {"engage", "participate", "join", "involve", "persist", "continue"}


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
    # Further places the target may be named, best first ("to Britain", "from the rebels", the
    # subject of "allowed X to ..."); the resolver keeps the first that names an actor.
    target_options: tuple[int, ...] = ()


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
            candidate = _build(trigger_tokens[0], pattern, trigger_tokens, book)
            if candidate is not None:
                found.append((candidate, token))
        for token in sent:
            demand = _reported_demand(token, book)
            if demand is not None:
                found.append((demand, token))
        folded = prune_events(doc, _fold_speech_acts(found, book))
        folded = [without_non_actor_source(doc, with_weapon_mode(doc, e, book)) for e in folded]
        # The main-clause event comes first: it is the sentence's primary event.
        folded.sort(key=lambda e: (_depth(doc[e.clause_head]), e.trigger_start))
        events.extend(folded)
    return events


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
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
    source = source if can_be_actor(source) else None
    return EventCandidate(
        trigger_start=must.i,
        trigger_end=verb.i + 1,
        clause_head=clause.i,
        source=None if source is None else source.i,
        target=None if target is None or not can_be_actor(target) else target.i,
        event_type="REQUEST",
        mode=mode.mode if mode else None,
        contexts=(mode.context,) if mode and mode.context else (),
        cameo=mode.cameo if mode else "100",
        reciprocal=False,
        confidence=0.6 if source is not None else 0.45,
        rule="demand:reported-obligation",
    )


def lemma_forms(token: Token) -> list[str]:
    """The token's lemma, then base forms guessed from its spelling: the statistical lemmatizer
    gets some verbs wrong ("staged" -> "stag"), and a pattern must not be lost to that."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if lower.endswith("ied") or lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
        if len(lower) > 4 and lower[-3] == lower[-4]:
            forms.append(lower[:-3])  # "shelled" -> "shell", "stopped" -> "stop"
    if lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
        if len(lower) > 5 and lower[-4] == lower[-5]:
            forms.append(lower[:-4])
    if lower.endswith("es"):
        forms.append(lower[:-2])
    if lower.endswith("s"):
        forms.append(lower[:-1])
    return list(dict.fromkeys(forms))


def _match(token: Token, book: PatternBook) -> tuple[EventPattern, list[Token]] | None:
    lemma = token.lemma_.lower()
    # "the captured soldiers", "the detained journalist": a participle before its noun
    # describes the noun; the act is an earlier one, not this sentence's event.
    attributive = token.dep_ == "amod" and token.tag_ == "VBN" and token.i < token.head.i
    if attributive:
        pass
    elif token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
        forms = _hyphen_prefixed(token, lemma_forms(token))
        for verbs, doers, stand_in in SUBJECT_KEYED:
            if lemma in verbs and stand_in in book.verbs and _subject_is(token, doers):
                forms = [stand_in]  # "protesters gathered outside parliament"
        key = next((f for f in forms if f in book.verbs), lemma)
        for pattern in book.verbs.get(key, ()):
            tokens = _verb_fits(token, pattern)
            if tokens is not None:
                return pattern, tokens
        # A verb no pattern codes may still be an act by how it is done.
        fallback = None
        if any(c.lower_ in JOINT_ADVERBS for c in token.children):
            fallback = "cooperate"  # "the two firms will jointly develop the field"
        elif _in_protest(token):
            fallback = "demonstrate"  # "farmers drove tractors into the capital in protest"
        for pattern in book.verbs.get(fallback or "", ()):
            if not pattern.particle and not pattern.objects and not pattern.needs_clause:
                return pattern, [token]
    # "staged military drills": the tagger sometimes calls a plural noun object a verb.
    misparsed_noun = token.pos_ == "VERB" and token.dep_ in {"dobj", "pobj", "nsubjpass"}
    if token.pos_ in {"NOUN", "PROPN"} or misparsed_noun:
        keys = {lemma, token.lower_}
        if lemma == "strike" and _by_workers(token):
            keys = {"walkout"}  # "a strike by dock workers", "the teachers' strike"
        for key in keys:
            for pattern in book.nouns.get(key, ()):
                tokens = _noun_fits(token, pattern, book)
                if tokens is not None:
                    return pattern, tokens
    return None


def _subject_is(verb: Token, nouns: frozenset[str]) -> bool:
    """The verb's subject, or what it counts ("thousands of protesters"), is one of ``nouns``."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    crowd = [subject] if subject is not None else []
    crowd += [g for c in crowd for p in c.children if p.lower_ == "of" for g in p.children]
    return any(c.lemma_.lower() in nouns or c.lower_ in nouns for c in crowd)


def _hyphen_prefixed(token: Token, forms: list[str]) -> list[str]:
    """ "test-fired" is parsed as "test" "-" "fired": try "test-fire" before "fire"."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].head.i == token.i:
        prefix = doc[token.i - 2].lower_
        return [f"{prefix}-{f}" for f in forms] + forms
    return forms


def _verb_fits(verb: Token, pattern: EventPattern) -> list[Token] | None:
    tokens = [verb]
    particle_tok = None
    if pattern.particle:
        words = pattern.particle.split()
        particle_tok = next(
            (
                c
                for c in verb.children
                if (
                    c.dep_ in {"prt", "prep", "agent"}
                    or (c.dep_ in PARTICLE_LIKE_DEPS and c.i > verb.i)
                )
                and c.lower_ == words[0]
                and not _names_time(c)
            ),
            None,
        )
        if particle_tok is None:
            return None
        tokens.append(particle_tok)
    if pattern.needs_clause:
        if not any(c.dep_ == "ccomp" for c in verb.children):
            return None
    elif pattern.objects:
        objects = [
            c
            for c in verb.children
            if c.dep_ in {"dobj", "attr", "oprd", "acomp", "nsubjpass", "npadvmod"}
        ]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the agreement, signed on Tuesday"
            objects.append(verb.head)
        if any(c.dep_ == "oprd" for c in objects):  # "called the strike a violation": the
            objects = [c for c in objects if c.dep_ != "dobj"]  # label, not the thing named
        # "withdrew from the treaty": a prepositional particle names where its object is.
        preps = [particle_tok] if particle_tok is not None and particle_tok.dep_ == "prep" else []
        for prep in preps or [c for c in verb.children if c.dep_ in {"prep", "prt"}]:
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
        # "flight MH17", "ceasefire agreement": a compound before the object names it too.
        objects.extend(c for o in list(objects) for c in o.lefts if c.dep_ == "compound")
        # "held Hamas responsible": an adjective after the object is its complement.
        objects.extend(
            c for o in list(objects) for c in o.rights if c.dep_ == "amod" and o.dep_ == "dobj"
        )
        # "doctors and medical equipment": each conjoined object counts.
        objects.extend(c for o in list(objects) for c in o.children if c.dep_ == "conj")
        # "700 kg of medicine", "$2 billion in military aid": the measured thing counts.
        for head in list(objects):
            measured = {"of", "in"} if head.pos_ == "NUM" or head.lower_ == "million" else {"of"}
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in measured):
                inner = [c for c in prep.children if c.dep_ == "pobj"]
                objects.extend(inner)
                objects.extend(c for o in inner for c in o.children if c.dep_ == "compound")
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
        if pattern.event_type in {"ACCUSE", "MOBILIZE", "ASSAULT", "COERCE"} and any(
            c.dep_ == "amod" and c.lower_ == "joint" for c in obj.children
        ):
            return None  # "launched a joint investigation": the joint noun codes cooperation
        tokens.append(obj)
    return tokens


def _names_time(prep: Token) -> bool:
    """ "agreed on Saturday": a preposition before a date is no particle of the verb."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


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
    # "a mediation effort", "a bombing campaign": the event noun names what the effort is.
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in GENERIC_EVENT_HEADS:
        noun = noun.head
        tokens.insert(0, noun)
    # "a wave of strikes", "a fresh round of talks": the measure stands where the event noun would.
    elif noun.dep_ == "pobj" and (
        (noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURE_HEADS)
        or (noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "responsibility")
    ):  # "claimed responsibility for the attack": the claim is of the attack
        noun = noun.head.head
        tokens.insert(0, noun)
    # A bare noun ("the agreement remains achievable") is a topic, not an event: it needs a light
    # verb, an argument of its own, or to be what happened ("fighting erupted").
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and _light_verb(head, book):
        return tokens
    if noun.dep_ in {"nsubj", "nsubjpass"} and _in_force(head):
        return tokens  # "the truce came into force", "a curfew remained in force"
    # "fighting erupted", "talks resumed"; a stance noun ("the opposition tore into ...") names
    # who speaks, not what happened.
    if (
        noun.dep_ == "nsubj"
        and pattern.event_type not in STANCE_TYPES
        and any(f in OCCUR_VERBS for f in lemma_forms(head))
    ):
        return tokens
    if _taking_part(noun):
        return tokens
    if _own_argument(noun, pattern) is not None or noun_source(noun) is not None:
        return tokens
    return None


def _in_protest(verb: Token) -> bool:
    """ "... in protest": the phrase may hang off the verb or, misparsed, off its object."""
    for prep in verb.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        if any(g.lemma_.lower() == "protest" and g.dep_ == "pobj" for g in prep.children):
            up = prep.head
            while up.i != verb.i and up.pos_ not in {"VERB", "AUX"} and up.head.i != up.i:
                up = up.head
            if up.i == verb.i:
                return True
    return False


def _in_force(verb: Token) -> bool:
    return verb.lemma_.lower() in {"come", "remain", "stay", "enter", "go"} and any(
        g.lower_ in {"force", "effect"}
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"in", "into"}
        for g in c.children
    )


def _by_workers(noun: Token) -> bool:
    """A strike whose doer is a workforce is a labour strike, not an air strike."""
    doers = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
    doers += [g for c in noun.children if c.lower_ == "by" for g in c.children]
    doers += [c for d in list(doers) for c in d.children if c.dep_ == "compound"]
    return any(d.lemma_.lower() in WORKFORCES or d.lower_ in WORKFORCES for d in doers)


def _taking_part(noun: Token) -> bool:
    """ "engaged in ethnic cleansing", "took part in the attack", "joined in the protests"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.pos_ not in {"VERB", "AUX"}:
        return False
    verb = prep.head
    if prep.lower_ == "for" and verb.lemma_.lower() in ARRIVAL_VERBS:
        return True  # "sat down for talks", "arrived for a summit"
    if prep.lower_ != "in":
        return False
    if verb.lemma_.lower() in PARTICIPATION_VERBS:
        return True
    return verb.lemma_.lower() == "take" and any(c.lower_ == "part" for c in verb.children)


def _light_verb(verb: Token, book: PatternBook) -> bool:
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    forms = lemma_forms(verb)  # "staged" is sometimes lemmatised "stag"
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(
        f in book.light_verbs or any(f"{f} {p}" in book.light_verbs for p in particles)
        for f in forms
    )


def _own_argument(noun: Token, pattern: EventPattern) -> Token | None:
    slots = tuple(s for s in pattern.targets if s not in {"dobj", "dative"}) + ("by",)
    return pobj_of(noun, slots)


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
    elif not is_verb and _taking_part(token):
        clause = token.head.head
    modality = _modality(clause)
    if modality in {"negated", "hypothetical"}:
        return None
    if modality == "refused" and pattern.event_type not in COOPERATIVE:
        return None
    if _document_participle(token) and pattern.kind == "v":
        return None
    if _reporters_question(token) or _time_reference(token, is_verb):
        return None
    if pattern.event_type in {"ASSAULT", "COERCE"} and (_abstract_foe(token) or _no_agent(token)):
        return None
    if pattern.event_type in {"RETREAT", "ASSAULT"} and is_verb and _on_document(token):
        return None  # "the bank released its report"
    source, target, reciprocal = find_arguments(token, pattern, trigger_tokens, clause)
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
    elif modality == "future" and pattern.event_type == "ASSAULT" and _preparing(clause):
        event_type, note = "MOBILIZE", "prepared ASSAULT coded as MOBILIZE"
    elif modality == "future" and _conditional(clause, pattern.event_type in COOPERATIVE):
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
        target_options=options,
    )


def _preparing(verb: Token) -> bool:
    """ "prepared to attack", "poised to resume shelling": force made ready, not yet used."""
    link = verb
    for _ in range(3):
        if link.dep_ != "xcomp":
            return False
        if link.head.lemma_.lower() in PREPARE_WORDS or link.head.lower_ in PREPARE_WORDS:
            return True
        link = link.head
    return False


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


def _time_reference(noun: Token, is_verb: bool) -> bool:
    """ "since the fighting last May": an earlier event used to date the sentence's own."""
    return not is_verb and noun.dep_ == "pobj" and noun.head.lower_ == "since"


def _abstract_foe(token: Token) -> bool:
    """ "fight corruption", "the battle against poverty": a campaign against an ill, no attack."""
    foes = [c for c in token.children if c.dep_ == "dobj"]
    foes += [g for c in token.children if c.lower_ in {"against", "on"} for g in c.children]
    return any(f.lemma_.lower() in ABSTRACT_FOES for f in foes)


def _no_agent(verb: Token) -> bool:
    """ "The storm hit the coast", "shares struck a high": nature and markets attack no one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in NON_AGENTS


def _on_document(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in verb.children)


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


def _intention_noun(verb: Token) -> Token | None:
    """The noun of intention the act completes: "plans to withdraw", "no intention of leaving"."""
    if verb.dep_ not in {"pcomp", "acl"}:
        return None
    noun = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return noun if noun.lemma_.lower() in INTENT_NOUNS and noun.pos_ == "NOUN" else None


def _conditional(verb: Token, cooperative: bool = False) -> bool:
    """A future act with an "unless"/"if" clause is an ultimatum ("will withdraw unless ...").

    A cooperative act offered "if" something happens ("will send aid if it is attacked") stays a
    promise; only "unless" makes it a threat."""
    marks = {"unless"} if cooperative else CONDITION_MARKS
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in marks for m in child.children
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
                elif child.lower_ == "to" and head.dep_ == "ROOT":
                    future = True  # a headline's "Iran to hold talks with EU"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail":
        return "refused"
    intention = _intention_noun(verb)
    if intention is not None:  # "no plans to withdraw": refused; "plans to withdraw": future
        return "refused" if any(c.lower_ == "no" for c in intention.children) else "future"
    if negated:
        return "refused" if future else "negated"
    if future:
        return "future"
    # "plans to help rebuild", "is willing to send troops to help defend": an intention governs
    # the whole chain of infinitives below it.
    link = verb
    for _ in range(3):
        if link.dep_ != "xcomp":
            break
        if link.head.lemma_.lower() in INTENT_VERBS or link.head.lower_ in INTENT_ADJECTIVES:
            return "future"
        link = link.head
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "go"
        and any(c.lower_ == "going" for c in [verb.head])
    ):
        return "future"
    return "actual"


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
    # The speech act's own arguments come first; an inner act's target is a later option.
    acts = [i for i, t in found if t.i in inside and i is not event]
    # "claimed that ISIL had attacked Iraq": the accused is the inner act's doer.
    doers = [i.source for i in acts] if event.event_type == "ACCUSE" else []
    inner_targets = tuple(t for t in [*doers, *(i.target for i in acts)] if t is not None)
    if event.target is None and not event.target_options and inner_targets:
        event = replace(event, target=inner_targets[0])
    else:
        options = tuple(dict.fromkeys(event.target_options + inner_targets))
        event = replace(event, target_options=options)
    if (
        event.event_type == "AGREE"
        and token.lemma_.lower() in VOW_VERBS
        and any(i.event_type in HOSTILE_TYPES for i in acts)
    ):  # "vowed to retaliate", "pledged to crush the rebels": a threat, not a promise
        event = replace(event, event_type="THREATEN", mode=None, cameo="130", note="vow of force")
    for key in keys:
        mode = book.intent_modes.get((event.event_type, key.lower()))
        if mode is not None:
            contexts = (mode.context,) if mode.context else event.contexts
            cameo = mode.cameo
            if event.cameo and event.cameo.startswith("02") and cameo.startswith("10"):
                cameo = "02" + cameo[2:]  # an appeal (02x) mirrors the demand codes (10x)
            return replace(event, mode=mode.mode, cameo=cameo, contexts=contexts)
    return event
