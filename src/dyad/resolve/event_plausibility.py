"""Checks on coded events once their actors are resolved: who did it decides what it is.

Two kinds of check, each general and each recorded in the event's ``rule``:

* An event needs an agent: a person, group, organisation, state or force. When the doer of the
  trigger is a disease, fire, weather, a natural hazard, a substance or a mishap ("the virus has
  killed ten people", "flames shot up", "the storm forced evacuations"), no one acted and the
  event is dropped. An unstated agent ("he was shot") keeps the event.
* CAMEO 19 ("use conventional military force") is for armed forces in combat; CAMEO 18 ("use
  unconventional violence") covers shootings, stabbings, beatings and bombings by police,
  criminals, individuals, unidentified gunmen and militants. An ASSAULT coded 19x is recoded to
  18x (180, 182, 1823 or 183) unless its source is a military, rebel or state actor, its trigger
  is combat wording, its weapon is heavy (194/195) or its target is an armed force. A "strike"
  by a union, workers or another civilian body is a labour strike: PROTEST 143, not an attack.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dyad.article import Event, Mention, Participant
from dyad.extract.non_agents import non_agent_nouns
from dyad.nlp.doc_text import doc_text, span_at
from dyad.resolve.actor_layout import dateline_spans
from dyad.resolve.event_cameo_codes import (
    doers,
    recoded_by_roles,
    subject_after_dateline,
    verb_of,
    with_code,
    without_dateline_actors,
)

# The last word of a company's name: "St. Joe Minerals Corp.", "Acme Holdings Ltd".
COMPANY_SUFFIXES = frozenset(
    {"corp", "inc", "ltd", "llc", "plc", "co", "gmbh", "ag", "sa", "nv", "bv", "lp", "llp"}
    | {"corporation", "incorporated", "limited", "holdings", "company", "firm"}
)
# Verbal and cooperative acts: a business's apology, warning or deal with its customers is
# commerce; its force or seizure is not.
VERBAL_TYPES = frozenset(
    {"ACCUSE", "CONCEDE", "THREATEN", "REQUEST", "SUPPORT", "REJECT", "AGREE", "CONSULT"}
)
# Sectors of the actors who wage conventional war: armed forces, rebels and armed groups,
# international militarised groups. A state (an actor of kind "country", or its government)
# counts too: "Israel struck Gaza".
ARMED_SECTORS = frozenset({"MIL", "REB", "IMG"})
STATE_SECTORS = frozenset({"GOV"})
# Irregular doers whose bombings are CAMEO 183 ("non-military bombing"), not air strikes.
IRREGULAR_SECTORS = frozenset({"REB", "UAF", "CRM", "CVL", "IMG"})
# Civilian bodies whose "strike" is a stoppage of work.
CIVIL_SECTORS = frozenset(
    {"LAB", "EDU", "HLH", "JUD", "MED", "BUS", "AGR", "CVL", "NGO", "OPP", "PTY", "REL", "REF"}
    | {"LEG", "ELI"}
)
# Modifiers of a labour "strike" ("an unlimited strike"); any other ("air strike") is an attack.
LABOUR_STRIKE_MODIFIERS = frozenset(
    {"general", "unlimited", "indefinite", "national", "nationwide", "labour", "labor", "wildcat"}
    | {"token", "one-day", "two-day", "24-hour", "48-hour", "teachers", "workers", "doctors"}
)
# Trigger lemmas that are combat between armed sides whoever the source: they keep CAMEO 19.
COMBAT_LEMMAS = frozenset(
    {"fight", "fighting", "clash", "battle", "skirmish", "firefight", "gunbattle", "gunfight"}
    | {"invade", "invasion", "offensive", "combat", "hostility", "storm", "overrun", "retake"}
    | {"recapture", "capture", "shell", "shelling", "bombard", "bombardment", "pound", "strafe"}
    | {"airstrike", "exchange", "engage", "ambush"}
)
# Heavy weapons and combat named in the verb's phrases ("killed in an air strike", "blown up by a
# missile", "killed in clashes"): the work of an armed force, CAMEO 19 stays.
HEAVY_WEAPONS = frozenset(
    {"missile", "rocket", "artillery", "mortar", "shell", "shelling", "bombardment", "airstrike"}
    | {"warplane", "jet", "aircraft", "helicopter", "gunship", "drone", "tank", "airstrikes"}
)
AIR_STRIKE_MODIFIERS = frozenset({"air", "drone", "missile", "rocket", "aerial", "artillery"})
MEANS_PREPS = frozenset({"in", "by", "during", "with", "from", "amid"})
# Bombing words: by an irregular doer, CAMEO 183.
BOMB_LEMMAS = frozenset(
    {"bomb", "bombing", "blast", "explosion", "explode", "detonate", "explosive", "blow"}
)
# Killing words, and the words that make a shooting fatal ("shot dead"): CAMEO 1823.
KILL_LEMMAS = frozenset(
    {"kill", "killing", "murder", "slay", "execute", "behead", "assassinate", "lynch"}
)
FATAL_WORDS = frozenset({"dead", "death", "fatally", "fatal"})
# Bodily harm short of killing: CAMEO 182 ("physically assault").
HARM_LEMMAS = frozenset(
    {"shoot", "shooting", "wound", "injure", "stab", "beat", "gun", "shot", "gunfire"}
)
# Modifiers that make "fire" gunfire ("artillery fire", "sniper fire") and "gas" a weapon ("tear
# gas"): a force used them, so the noun is no mishap.
WEAPON_MODIFIERS = {
    "fire": frozenset(
        {"artillery", "sniper", "tank", "mortar", "rocket", "machine", "machine-gun", "gun"}
        | {"enemy", "hostile", "cross", "friendly", "small-arms", "automatic", "heavy", "live"}
        | {"naval"}
    ),
    "gas": frozenset({"tear", "nerve", "poison", "mustard", "chlorine", "sarin", "pepper"}),
}
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Incidents whose compound modifier names their cause: "a gas explosion", "a chemical fire".
INCIDENT_NOUNS = frozenset(
    {"explosion", "blast", "fire", "blaze", "leak", "spill", "accident", "crash", "collapse"}
)


def checked_events(
    events: list[Event],
    doc: Doc,
    offset: int,
    dropped: list[str] | None = None,
    mention_for: Callable[[int], Mention] | None = None,
) -> list[Event]:
    """The events that have an agent, each with its CAMEO code fitted to its source actor.

    ``doc`` is the parse of the article body, which starts at character ``offset`` of the
    article text (the events' offsets are article offsets). Each event left out is described in
    ``dropped`` when given, so that the article can say what was not coded and why.
    ``mention_for`` (token index -> resolved mention) lets a source read from a wire dateline
    give way to the verb's real subject."""
    kept: list[Event] = []
    datelines = [(start + offset, end + offset) for start, end in dateline_spans(doc_text(doc))]
    at_war = _armed_story(events)
    for event in events:
        trigger = span_at(doc, event.trigger.start, event.trigger.end, offset)
        if trigger is None:
            kept.append(without_dateline_actors(event, datelines))
            continue
        subject = subject_after_dateline(trigger, datelines, offset, mention_for)
        event = without_dateline_actors(event, datelines, subject)
        reason = implausible_reason(event, trigger, offset)
        reason = f"has no agent ({reason})" if reason else business_dispute(event, trigger)
        reason = reason or press_contact(event)
        if reason is not None:
            if dropped is not None:
                dropped.append(
                    f"not coded: {event.event_type} {event.trigger.text!r} at "
                    f"{event.trigger.start}-{event.trigger.end} {reason}"
                )
            continue
        kept.append(recoded_by_roles(_recoded(event, trigger, at_war), trigger, doc, offset))
    return kept


def _armed_story(events: list[Event]) -> bool:
    """Whether an armed force or a state attacks in the article: its attacks whose doer goes
    unstated ("two workers were killed") are then taken for that war's, and keep CAMEO 19."""
    armed = ARMED_SECTORS | STATE_SECTORS
    actors = [e.source.actor for e in events if e.event_type == "ASSAULT" and e.source is not None]
    return any(a is not None and (a.sector in armed or a.kind == "country") for a in actors)


def implausible_reason(event: Event, trigger: Span, offset: int) -> str | None:
    """Why ``event`` has no agent ("doer 'virus' is a disease"), or None when it may have one.
    ``trigger`` is the event's trigger in the parse of the body starting at ``offset``."""
    verb = verb_of(trigger)
    cause = _mishap_clause(verb)
    if cause is not None:
        return f"the harm came when {cause[0]!r}, a {cause[1]}, did it"
    for doer in doers(verb):
        found = _non_agent_class(doer)
        if found is None:
            continue
        # The trigger verb's own subject or agent is the doer whatever source was resolved
        # ("The pandemic struck the tourism industry hard"); a doer inherited from another
        # clause gives way to an actor named elsewhere.
        own = doer.head.i == verb.i or doer.head.head.i == verb.i
        if not own and event.source is not None and event.source.actor is not None:
            start = doer.idx + offset
            # "A passenger train derailed": the source read from the doer's own modifier
            phrase = doer.doc[doer.left_edge.i : doer.i + 1]
            inside = phrase.start_char + offset <= event.source.start < phrase.end_char + offset
            if not event.source.start <= start < event.source.end and not inside:
                continue  # an actor is named elsewhere: "the fire set by rebels"
        return f"doer {found[0]!r} is a {found[1]}"
    return None


def business_dispute(event: Event, trigger: Span) -> str | None:
    """Why ``event`` is commerce, not politics, or None. A lawsuit, a complaint or a deal
    between companies ("Apple sued Samsung over patents", "the firm filed suit to block the
    takeover") is no political event: both sides are businesses, or a business brings a case or
    a complaint against no one named. Force stays an event whoever uses it."""
    if event.event_type == "ASSAULT":
        return None
    if not _is_business(event.source) and not (
        event.source is None and _reported_by_company(verb_of(trigger))
    ):
        return None
    if _is_business(event.target):
        return "is commerce (a dispute or deal between businesses)"
    if event.target is None and event.event_type in {"ACCUSE", "CONCEDE", "THREATEN", "REQUEST"}:
        return "is commerce (a business's legal step or word to no one named)"
    target = event.target.actor if event.target is not None else None
    if target is not None and target.sector == "CVL" and event.event_type in VERBAL_TYPES:
        return "is commerce (a business's word to its customers or the public)"
    return None


def press_contact(event: Event) -> str | None:
    """ "The minister met with reporters", "the host spoke with the president": an interview
    or a briefing is how a statement is made (CAMEO 01), not a consultation between actors."""
    if event.event_type != "CONSULT":
        return None
    sides = [p.actor for p in (event.source, event.target) if p is not None]
    if any(a is not None and a.sector == "MED" for a in sides):
        return "is a press contact (an interview or briefing), no consultation"
    return None


def _reported_by_company(verb: Token) -> bool:
    """ "Acme Corp. said it had filed suit": the pronoun doer is the company that said so."""
    subjects = doers(verb)
    if not subjects or subjects[0].pos_ != "PRON" or verb.dep_ != "ccomp":
        return False
    # any subject of the report verb: a wire dateline ("NEW YORK --") is parsed as one too
    return any(_is_company_name([t.text for t in s.subtree]) for s in doers(verb.head))


def _is_company_name(words: list[str]) -> bool:
    words = [w for w in words if w not in {",", "."}]
    return bool(words) and words[-1].lower().rstrip(".") in COMPANY_SUFFIXES


def _is_business(part: Participant | None) -> bool:
    if part is None:
        return False
    if part.actor is not None and part.actor.sector is not None:
        return part.actor.sector == "BUS"
    return _is_company_name(part.text.replace(",", " ").split())


def _mishap_clause(verb: Token) -> tuple[str, str] | None:
    """ "Two people were injured when a car crashed into a restaurant": a harm with no doer
    of its own, set by a clause whose subject is a vehicle, fire or hazard, is an accident."""
    if doers(verb) or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    for clause in verb.children:
        marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"}}
        if clause.dep_ != "advcl" or not marks & {"when", "after", "as"}:
            continue
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            found = _non_agent_class(subject)
            if found is not None:
                return found
    return None


def _recoded(event: Event, trigger: Span, at_war: bool = False) -> Event:
    if event.event_type != "ASSAULT" or event.cameo is None:
        return event
    lemmas = {t.lemma_.lower() for t in trigger} | {t.lower_ for t in trigger}
    source = event.source.actor if event.source is not None else None
    sector = source.sector if source is not None else None
    if source is None and at_war:
        return event  # an unstated doer in a story of armed attacks: the war's, CAMEO 19 stays
    if "strike" in lemmas and sector in CIVIL_SECTORS and _is_noun_strike(trigger):
        return with_code(event, "PROTEST", "boycott", [], "143", f"a strike by a {sector} body")
    if event.cameo == "182" and _fatal(trigger, event):
        return with_code(event, "ASSAULT", event.mode, event.context, "1823", "the assault killed")
    if not event.cameo.startswith("19") or event.cameo == "196":
        return event
    if _by_armed_means(verb_of(trigger)):
        return event
    if lemmas & BOMB_LEMMAS and sector in IRREGULAR_SECTORS:
        context = [c for c in event.context if c != "military"]
        return with_code(event, "ASSAULT", "explosives", context, "183", f"bombing by {sector}")
    heavy = event.cameo in {"194", "195"} and (source is not None or _names_heavy_weapon(trigger))
    if heavy or _conventional(
        event, lemmas, sector, source is not None and source.kind == "country"
    ):
        return event
    code = "180"
    if lemmas & KILL_LEMMAS or _fatal(trigger, event):
        code = "1823"
    elif lemmas & HARM_LEMMAS:
        code = "182"
    context = [c for c in event.context if c != "military"]
    doer = sector or "an unstated or unarmed doer"
    return with_code(event, "ASSAULT", event.mode, context, code, f"violence by {doer}, not combat")


def _names_heavy_weapon(trigger: Span) -> bool:
    """ "a rocket attack", "an air strike", "shelled": the trigger or its modifiers name a heavy
    weapon. A bare "was struck" by no one named is no air raid by itself (CAMEO 18, not 195)."""
    words = [*trigger, *(c for t in trigger for c in t.children if c.dep_ in MODIFIER_DEPS)]
    return any(
        w.lemma_.lower() in HEAVY_WEAPONS | AIR_STRIKE_MODIFIERS or w.lower_ in HEAVY_WEAPONS
        for w in words
    )


def _conventional(event: Event, lemmas: set[str], sector: str | None, state: bool) -> bool:
    """Whether the attack is an armed force's: CAMEO 19 stays."""
    if lemmas & COMBAT_LEMMAS:
        return True
    if state or sector in ARMED_SECTORS or sector in STATE_SECTORS:
        return True
    target = event.target.actor if event.target is not None else None
    return target is not None and target.sector in ARMED_SECTORS


def _by_armed_means(verb: Token) -> bool:
    """Whether the verb's "in", "by" or "with" phrase names a heavy weapon or combat: "killed in an
    air strike", "blown up by a surface-to-air missile", "died in clashes"."""
    for prep in verb.children:
        if prep.dep_ not in {"prep", "agent"} or prep.lower_ not in MEANS_PREPS:
            continue
        for word in prep.subtree:
            lemma = word.lemma_.lower()
            if lemma in HEAVY_WEAPONS or lemma in COMBAT_LEMMAS:
                return True
            if lemma == "strike" and any(m.lower_ in AIR_STRIKE_MODIFIERS for m in word.lefts):
                return True
    return False


def _non_agent_class(doer: Token) -> tuple[str, str] | None:
    """(word, class) when the doer, the noun of its "of" phrase ("two tanks of fuel") or the cause
    named before an incident ("a gas explosion") is in non_agents.tsv."""
    # a subject is a noun even when tagged as an adjective ("The pandemic struck ...")
    if doer.pos_ not in {"NOUN", "PROPN", "ADJ"} or doer.ent_type_ in {"PERSON", "NORP", "GPE"}:
        return None
    if any(
        d.dep_ in {"agent", "nsubj"}
        for c in doer.children
        if c.dep_ in {"acl", "relcl"}
        for d in c.subtree
    ):
        return None  # "a fire set by protesters", "the blaze that rioters started": someone acted
    nouns = non_agent_nouns()
    words = [doer] + [
        g
        for c in doer.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if doer.lemma_.lower() in INCIDENT_NOUNS:
        words += [m for m in doer.lefts if m.dep_ in MODIFIER_DEPS]
    for word in words:
        for key in (word.lemma_.lower(), word.lower_):
            found = nouns.get(key)
            if found is None:
                continue
            weapons = WEAPON_MODIFIERS.get(key, frozenset())
            if any(m.lower_ in weapons for m in word.lefts if m.dep_ in MODIFIER_DEPS):
                return None  # "artillery fire killed two soldiers": a force fired
            if found == "vehicle" and any(
                t.lemma_.lower() in BOMB_LEMMAS | {"explosives"} for t in word.subtree
            ):
                return None  # "a truck packed with explosives blew up": a vehicle bomb
            return key, found
    return None


def _is_noun_strike(trigger: Span) -> bool:
    """A bare noun "strike" ("began a strike"), not "air strike" nor "drone strike"."""
    for token in trigger:
        if token.lemma_.lower() == "strike" and token.pos_ == "NOUN":
            return all(
                m.lower_ in LABOUR_STRIKE_MODIFIERS
                for m in token.lefts
                if m.dep_ in {"compound", "amod", "nmod"}
            )
    return False


def _fatal(trigger: Span, event: Event) -> bool:
    """A killing: "shot dead", "shot and killed", or deaths reported for the event."""
    verb = verb_of(trigger)
    words = {c.lower_ for c in verb.children} | {t.lower_ for t in trigger}
    # "stabbed to death", "beaten to death"
    words |= {g.lower_ for c in verb.children if c.lower_ == "to" for g in c.children}
    killed = any(c.dep_ == "conj" and c.lemma_.lower() in KILL_LEMMAS for c in verb.children)
    return (
        killed
        or bool(words & FATAL_WORDS)
        or (event.fatalities is not None and event.fatalities.value > 0)
    )
