"""CAMEO choices that only the resolved actors, the target or the weapon can make, applied to
coded events after actor resolution (see ``event_plausibility``). Each change is appended to the
event's ``rule``:

* Violent repression (CAMEO 175): police, security forces, troops or a government using force
  against protesters, demonstrators, rioters or a crowd ("riot police beat marchers",
  "troops opened fire on demonstrators") is repression, not an assault or combat.
* Non-military bombing (CAMEO 183; 1831 suicide, 1832 car or vehicle, 1833 roadside): a bomb
  that explodes or strikes with no armed force or state named as its doer ("a roadside bomb
  struck a convoy"; "a bomb exploded ..., killing 12", where the killing is the bomb's).
* Taking people (CAMEO 173 or 181): people seized, detained or captured by police or a state
  are arrested (173); by gunmen, rebels, criminals or an unstated doer they are abducted (181).
* Wire datelines ("NEW YORK --", "BULAWAYO, Zimbabwe -", "ALGIERS, Oct. 27 (Xinhua) --") name
  where a story was filed: a source or target inside one is dropped (or trimmed to the words
  after it), the event kept.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dyad.article import Event, Mention, Participant
from dyad.nlp.doc_text import span_at

# Who represses: police, security and intelligence services, armed forces, governments.
REPRESSOR_SECTORS = frozenset({"COP", "MIL", "SPY", "GOV"})
# Whom they repress: a crowd and the people in it.
CROWD_LEMMAS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "marcher", "crowd", "mob", "picket"}
    | {"protest", "demonstration", "rally", "march", "sit-in", "gathering", "striker"}
    | {"protesters", "demonstrators", "rioters", "marchers", "crowds", "strikers"}
)
# Verbs of a relative clause that make the target a crowd: "students who were protesting".
PROTEST_VERBS = frozenset({"protest", "demonstrate", "march", "rally", "riot", "picket"})
# Crowd-control weapons: police who use them on anyone are dispersing a crowd ("fired rubber
# bullets at football fans", "used water cannon"). Pairs: both words must be there.
# Batons are not among them: "beat a suspect with batons" is an assault (182).
CROWD_WEAPONS = frozenset({"teargas", "tear-gas", "birdshot"})
CROWD_WEAPON_PAIRS = (
    ("tear", frozenset({"gas"})),
    ("water", frozenset({"cannon", "cannons"})),
    ("rubber", frozenset({"bullet", "bullets"})),
    ("pepper", frozenset({"spray"})),
    ("stun", frozenset({"grenade", "grenades"})),
)
# Assault codes that a crowd target turns into repression; kidnapping, bombing, torture and
# killings aimed at one person keep their own codes.
REPRESSIBLE_CODES = frozenset({"180", "182", "1823", "190", "193"})

# Bombs of irregular doers and the words that say which kind (CAMEO 1831, 1832, 1833).
BOMB_NOUNS = frozenset({"bomb", "bomber", "ied", "car-bomb", "carbomb", "explosive"})
DEVICE_MODIFIERS = frozenset({"explosive", "improvised"})
SUICIDE_WORDS = frozenset({"suicide", "bomber", "self-detonate"})
VEHICLE_WORDS = frozenset(
    {"car", "truck", "vehicle", "van", "lorry", "motorcycle", "motorbike", "car-bomb", "carbomb"}
    | {"vbied", "tanker"}
)
ROADSIDE_WORDS = frozenset({"roadside", "wayside", "ied", "improvised", "landmine", "mine"})
# Bombs that come from the air or from an army: conventional force (CAMEO 19x or 204).
MILITARY_BOMB_WORDS = frozenset(
    {"barrel", "cluster", "aerial", "air", "guided", "smart", "napalm", "nuclear", "atomic"}
    | {"dropped", "drop", "airdropped", "air-dropped", "laser-guided", "hydrogen", "dirty"}
    | {"jet", "jets", "warplane", "warplanes", "aircraft", "plane", "planes", "helicopter"}
    | {"helicopters", "drone", "drones", "air-force"}
)
# Of those, the ones that leave a bomb no weapon of mass destruction (CAMEO 204).
MASS_DESTRUCTION_WORDS = frozenset({"nuclear", "atomic", "hydrogen", "dirty"})
BOMBABLE_CODES = frozenset({"180", "182", "1823", "183", "190", "193", "195"})
ARMED_STATE_SECTORS = frozenset({"MIL", "GOV"})

# Taking people: who takes them decides between arrest and abduction.
TAKE_LEMMAS = frozenset(
    {"seize", "capture", "detain", "arrest", "abduct", "kidnap", "snatch", "grab", "hold", "take"}
)
STATE_TAKERS = frozenset({"COP", "GOV", "JUD", "SPY"})
IRREGULAR_TAKERS = frozenset({"REB", "UAF", "CRM", "IMG"})
# Words a target names a place or thing by: "seized the town", "captured the base".
PLACE_WORDS = frozenset(
    {"town", "city", "village", "base", "airport", "port", "territory", "area", "hill", "road"}
    | {"building", "ship", "vessel", "tanker", "plane", "aircraft", "oil", "field", "district"}
    | {"province", "region", "border", "crossing", "checkpoint", "post", "camp", "compound"}
)


def without_dateline_actors(
    event: Event, datelines: list[tuple[int, int]], subject: Participant | None = None
) -> Event:
    """The event with a source or target that lies in a dateline dropped, or trimmed to the
    words after the dateline when it runs on past it ("Zimbabwe - Soldiers": "Soldiers"). A
    source dropped gives way to ``subject``, the trigger verb's other subject, when there is one
    ("MOSCOW, Sept. 24 -- President Putin offered ...": the parser makes both subjects)."""
    update: dict[str, Participant | None] = {}
    notes = []
    for role in ("source", "target"):
        part: Participant | None = getattr(event, role)
        if part is None:
            continue
        for start, end in datelines:
            if not (part.start < end and start < part.end):
                continue
            if part.end > end:
                cut = end - part.start
                text = part.text[cut:].lstrip()
                new_start = part.end - len(text)
                update[role] = part.model_copy(update={"text": text, "start": new_start})
                notes.append(f"{role} {part.text!r} trimmed to {text!r} after the dateline")
            elif role == "source" and subject is not None and subject.start >= end:
                update[role] = subject
                notes.append(f"source {part.text!r} is a dateline, the subject {subject.text!r}")
            else:
                update[role] = None
                notes.append(f"{role} {part.text!r} is a dateline, dropped")
            break
    if event.source is None and subject is not None:
        # "LAGOS, May 3 (Reuters) - Gunmen killed ...": the dateline, left unresolved, took the
        # subject's place
        update["source"] = subject
        notes.append(f"no source but a dateline, the subject {subject.text!r}")
    if not update:
        return event
    rule = event.rule + "".join(f"; plausibility: {note}" for note in notes)
    return event.model_copy(update={**update, "rule": rule})


def subject_after_dateline(
    trigger: Span,
    datelines: list[tuple[int, int]],
    offset: int,
    mention_for: Callable[[int], Mention] | None,
) -> Participant | None:
    """The resolved subject of the trigger's verb that lies after every dateline, when the
    verb has a subject inside one too (the parser's reading of "NAIROBI, Kenya -- Police
    arrested ..."), else None."""
    if mention_for is None or not datelines:
        return None
    subjects = [c for c in verb_of(trigger).children if c.dep_ in {"nsubj", "nsubjpass"}]
    inside = [end for start, end in datelines for c in subjects if start <= c.idx + offset < end]
    if not inside:
        return None
    last = inside[0]
    # "Raipur, India - Rights activists ... have called": the subject set beside the dateline
    subjects += [a for c in subjects for a in c.children if a.dep_ == "appos"]
    for token in subjects:
        if token.idx + offset < last or token.pos_ == "PRON":
            continue
        mention = mention_for(token.i)
        if mention.actor is None:
            continue
        # "India - Rights activists": the mention's words after the dateline
        text = mention.text[max(0, last - mention.start) :].lstrip()
        if text:
            start = mention.end - len(text)
            return Participant(text=text, start=start, end=mention.end, actor=mention.actor)
    return None


def with_code(
    event: Event, event_type: str, mode: str | None, context: list[str], cameo: str, why: str
) -> Event:
    """The event recoded, the change noted in its rule."""
    note = f"; plausibility: {event.event_type} {event.cameo} -> {event_type} {cameo} ({why})"
    update = {"event_type": event_type, "mode": mode, "context": context, "cameo": cameo}
    return event.model_copy(update={**update, "rule": event.rule + note})


def verb_of(trigger: Span) -> Token:
    """The trigger's verb ("blew" of "blew up", "blown" of "was blown up"), else its head
    word."""
    verbs = [t for t in trigger if t.pos_ == "VERB"] or [t for t in trigger if t.pos_ == "AUX"]
    return verbs[0] if verbs else trigger.root


def doers(verb: Token) -> list[Token]:
    """The active subject and the passive "by" agent of ``verb``, or of the verb it is
    coordinated with or completes ("tried to kill": the subject of "tried")."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    # "Fireworks exploded, injuring twenty": the participle's doer is its clause's subject.
    inherits = verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    if not found and not passive and inherits and verb.head.i != verb.i:
        return doers(verb.head)
    return found


def recoded_by_roles(event: Event, trigger: Span, doc: Doc, offset: int) -> Event:
    """The event with the CAMEO code that its source, target and weapon call for."""
    if event.cameo is None:
        return event
    source = event.source.actor if event.source is not None else None
    sector = source.sector if source is not None else None
    state = source is not None and source.kind == "country"
    repressor = sector in REPRESSOR_SECTORS or state
    assault = event.event_type == "ASSAULT"
    crowd = assault and event.cameo in REPRESSIBLE_CODES and repressor
    if crowd and (_crowd_target(event, doc, offset) or _crowd_weapon(trigger)):
        # CAMEO2PLOVER gives 175 no weapon: a weapon the event names ("opened fire": firearms)
        # stays its mode, as in PLOVER's own coding; rubber bullets are no heavy weapon.
        heavy = event.mode in {None, "heavy-weapons"}
        mode = "pro_autocracy" if heavy else event.mode
        return with_code(event, "ASSAULT", mode, ["military"], "175", "force on a crowd")
    if event.event_type == "ASSAULT" and event.cameo in BOMBABLE_CODES:
        bombed = _bombing_code(event, trigger, sector in ARMED_STATE_SECTORS or state)
        if bombed == "195":
            context = [*[c for c in event.context if c != "military"], "military"]
            why = "a bomb from the air"
            return with_code(event, "ASSAULT", "heavy-weapons", context, "195", why)
        if bombed is not None and bombed != event.cameo:
            mode = "suicide-attack" if bombed == "1831" else "explosives"
            context = [c for c in event.context if c != "military"]
            return with_code(event, "ASSAULT", mode, context, bombed, "bombing, no armed force")
    return _taking_recoded(event, trigger, doc, offset, sector, state)


def _crowd_target(event: Event, doc: Doc, offset: int) -> bool:
    """Whether the event's target is protesters, demonstrators, rioters or a crowd."""
    head = _participant_head(event.target, doc, offset)
    if head is None:
        return False
    if head.lemma_.lower() in CROWD_LEMMAS or head.lower_ in CROWD_LEMMAS:
        return True
    return any(
        c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in PROTEST_VERBS for c in head.children
    )


def _crowd_weapon(trigger: Span) -> bool:
    """Whether the trigger or its verb's object and phrases name a crowd-control weapon ("fired
    tear gas", "fired rubber bullets", "used water cannon")."""
    verb = verb_of(trigger)
    words = {t.lower_ for t in trigger}
    words |= {t.lower_ for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree}
    if words & CROWD_WEAPONS:
        return True
    return any(first in words and words & second for first, second in CROWD_WEAPON_PAIRS)


def _participant_head(part: Participant | None, doc: Doc, offset: int) -> Token | None:
    if part is None:
        return None
    span = span_at(doc, part.start, part.end, offset)
    return span.root if span is not None else None


def _bombing_code(event: Event, trigger: Span, armed_source: bool) -> str | None:
    """183, 1831, 1832 or 1833 when a bomb with no armed force or state behind it is the
    trigger or its doer ("a car bomb", "a roadside bomb struck ...", "a bomb exploded ...,
    killing 12"); 195 for a bomb coded 183 that came from the air; else None."""
    bombs = [t for t in trigger if _is_bomb(t)]
    bombs += [d for d in doers(verb_of(trigger)) if _is_bomb(d)]
    if not bombs:
        return None
    around = {t.lower_ for b in bombs for t in b.subtree} | {t.lemma_.lower() for t in trigger}
    if around & MILITARY_BOMB_WORDS:
        # "a bomb dropped by a warplane", "barrel bombs": aerial weapons (195), not 183
        aerial = (event.cameo or "").startswith("183") and not around & MASS_DESTRUCTION_WORDS
        return "195" if aerial else None
    if armed_source:
        return None
    # The kind is named before the bomb ("a roadside bomb", "a suicide car bomber"), not after
    # it ("a bomb planted under a car").
    words = {t.lower_ for b in bombs for t in [*b.lefts, b]} | {t.lower_ for t in trigger}
    if words & SUICIDE_WORDS:
        return "1831"
    if words & VEHICLE_WORDS:
        return "1832"
    if words & ROADSIDE_WORDS:
        return "1833"
    return "183"


def _is_bomb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in BOMB_NOUNS or token.lower_ in BOMB_NOUNS:
        return token.pos_ in {"NOUN", "PROPN"}
    return lemma == "device" and any(m.lower_ in DEVICE_MODIFIERS for m in token.lefts)


def _taking_recoded(
    event: Event, trigger: Span, doc: Doc, offset: int, sector: str | None, state: bool
) -> Event:
    """People taken: arrest (173) by police or a state, abduction (181) by gunmen, rebels,
    criminals, or by no one named when the verb is no arrest."""
    if event.cameo not in {"173", "181", "192"}:
        return event
    lemmas = {t.lemma_.lower() for t in trigger}
    if not lemmas & TAKE_LEMMAS or not _person_target(event, doc, offset):
        return event
    arrest = bool(lemmas & {"arrest", "detain"})
    if sector in STATE_TAKERS or state:
        if event.cameo != "192":
            return event
        return with_code(event, "COERCE", "arrest", ["legal"], "173", f"people taken by {sector}")
    if sector in IRREGULAR_TAKERS or (sector is None and not state and not arrest):
        if event.cameo == "181" or (sector is None and event.source is not None):
            return event
        doer = sector or "an unstated doer"
        return with_code(event, "ASSAULT", "abduct", [], "181", f"people taken by {doer}")
    return event


def _person_target(event: Event, doc: Doc, offset: int) -> bool:
    """Whether the target is people ("two aid workers", "the governor's son"), not a place or a
    thing ("the town", "a cargo ship")."""
    head = _participant_head(event.target, doc, offset)
    if head is None or event.target is None or event.target.actor is None:
        return False
    if head.ent_type_ in {"GPE", "LOC", "FAC"} or event.target.actor.kind == "country":
        return False
    return head.lemma_.lower() not in PLACE_WORDS
