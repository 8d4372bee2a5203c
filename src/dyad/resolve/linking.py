"""Tie each event to where and when it happened: the place and time of its own clause first."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.article import DateMention, EventPlace, Place
from dyad.resolve.places import is_event_location

CLAUSE_BARRIERS = {"ccomp", "relcl"}  # a time or place inside these belongs to another clause


def clause_tokens(head: Token, barriers: frozenset[str] | set[str] = CLAUSE_BARRIERS) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses (``barriers``) with their own verb."""
    ids = {head.i}
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in barriers:
            continue
        ids.add(token.i)
        stack.extend(token.children)
    return ids


def governing_heads(head: Token, limit: int = 4) -> list[Token]:
    """The clause head and the clauses above it (a participle's main verb, a conjunct's head)."""
    heads = [head]
    current = head
    while len(heads) <= limit and current.dep_ in {
        "advcl",
        "xcomp",
        "conj",
        "pcomp",
        "acl",
        "prep",
        "pobj",
        "dobj",
    }:
        current = current.head
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT":
            heads.append(current)
        if current.dep_ == "ROOT":
            break
    return heads


def _spans_in(doc: Doc, ids: set[int], offset: int, items: list, attr_ok: object = None) -> list:
    """The items (with article offsets) that overlap any of the tokens ``ids``."""
    inside = []
    for item in items:
        span = doc.char_span(item.start - offset, item.end - offset, alignment_mode="expand")
        if span is not None and any(i in ids for i in range(span.start, span.end)):
            inside.append(item)
    return inside


# A time inside a participle or relative modifier dates that modifier's own event ("the deal
# originally reached on March 10, 2025"), not the clause around it.
_DATE_BARRIERS = CLAUSE_BARRIERS | {"acl"}
# Precisions that place an event in time; durations ("for three years") and unknowns do not.
_EVENT_PRECISIONS = frozenset({"day", "week", "month", "year", "range", "decade"})


def _date_clause_tokens(head: Token) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses or modifiers with their own verb."""
    return clause_tokens(head, _DATE_BARRIERS)


def link_date(
    doc: Doc, head: Token, offset: int, dates: list[DateMention]
) -> tuple[DateMention | None, str]:
    """The time expression that governs an event: its own clause, then the clauses above it."""
    # Only a date overlapping the event's sentence can overlap its clauses: checking the others
    # too (a char_span each) made this quadratic in the article's length.
    low, high = head.sent.start_char + offset, head.sent.end_char + offset
    usable = [
        d
        for d in dates
        if d.end > low and d.start < high and d.value is not None
        and d.precision in _EVENT_PRECISIONS
    ]  # fmt: skip
    trigger_char = head.idx + offset
    for level, clause in enumerate(governing_heads(head)):
        found = _spans_in(doc, _date_clause_tokens(clause), offset, usable)
        if found:
            best = min(found, key=lambda d: abs(d.start - trigger_char))
            return best, "own-clause" if level == 0 else "governing-clause"
    return None, "none"


# Nouns for a state's agents and for armed or organised groups: a toponym modifying them
# describes who acted ("U.S. warplanes", "the Khartoum government", "the Sinaloa cartel", "the
# Lashkar-e-Tayyaba group"), not where; before other nouns it usually is where ("a Jerusalem
# hotel", "the Tokyo subway").
AGENT_NOUNS = frozenset({
    "administration", "agent", "agents", "air", "aircraft", "airplanes", "ambassador", "armies",
    "army", "authorities", "authority", "battalion", "brigade", "brigades", "cartel", "clan",
    "club", "coalition", "commander", "commanders", "commandos", "counterpart", "delegates",
    "delegation", "diplomat", "diplomats", "drones", "embassy", "envoy", "faction", "factions",
    "fighter", "fighters", "force", "forces", "front", "gang", "gangs", "government",
    "governments", "group", "groups", "helicopters", "insurgents", "intelligence", "jets",
    "leader", "leaders", "leadership", "marines", "militants", "military", "militia", "militias",
    "minister", "ministers", "ministry", "movement", "navy", "officer", "officers", "official",
    "officials", "organisation", "organization", "party", "peacekeepers", "planes", "police",
    "policemen", "president", "prime", "rebels", "regime", "representative", "representatives",
    "soldiers", "spokesman", "spokeswoman", "team", "tribe", "troops", "warplanes", "warships",
})  # fmt: skip
# "the London-based Observatory", "Turkey-backed rebels", "the Saudi-led coalition": the place
# names a group's seat, sponsor or origin.
HYPHEN_ATTRIBUTES = frozenset({
    "aligned", "allied", "affiliated", "armed", "backed", "based", "born", "bred", "financed",
    "funded", "held", "led", "linked", "made", "owned", "run", "sponsored", "supported",
    "trained",
})  # fmt: skip
# "40 km south of Minya": a place that only gives a bearing is a reference point.
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern",
    "eastern", "western"
})  # fmt: skip
MOTION_PREPOSITIONS = frozenset({"to", "toward", "towards", "from", "into"})
# Where a movement starts or is headed ("smuggled from Turkey", "flown to Cairo") is not where
# it happened; "into" still is ("fired into Gaza", "an incursion into Lebanon"), and so is the
# place whose threshold is named ("at the entrance to Bethlehem", "the road near the gates of").
ORIGIN_DESTINATION = frozenset({"from", "to", "toward", "towards"})
_THRESHOLDS = frozenset({
    "adjacent", "approach", "approaches", "close", "door", "doors", "doorstep", "edge",
    "entrance", "entrances", "entry", "gate", "gates", "highway", "near", "next", "road",
    "roads", "route",
})  # fmt: skip
# Reporting and attitude verbs: where something was said is rarely the place named in it.
SPEECH_LEMMAS = frozenset({
    "say", "tell", "claim", "report", "announce", "believe", "accuse", "call", "want", "urge",
    "add", "state", "confirm", "deny", "warn", "insist", "note", "describe", "quote", "write",
    "think", "hope", "demand", "ask", "vow", "pledge"
})  # fmt: skip


def _place_clause_tokens(head: Token) -> set[int]:
    """Tokens of ``head``'s clause, without embedded clauses and without conjoined clauses that
    have a subject of their own ("a sniper in Hebron shot a man, and a settler in Nablus killed
    two": Nablus is not where the shooting was)."""
    ids = {head.i}
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in CLAUSE_BARRIERS or _own_clause_conjunct(token) or _participle(token):
            continue
        ids.add(token.i)
        stack.extend(token.children)
    return ids


def _participle(token: Token) -> bool:
    """A trailing participial clause ("..., killing 14") is an event of its own."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > token.head.i


def _own_clause_conjunct(token: Token) -> bool:
    return (
        token.dep_ == "conj"
        and token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
    )


def _place_root(doc: Doc, place: Place, offset: int) -> Token | None:
    """The syntactic head of a toponym, its article left out ("the Hurriyah district": the
    article hangs from the noun after the name, which would make it the span's root)."""
    span = doc.char_span(place.start - offset, place.end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if t.pos_ not in {"DET", "PUNCT"}]
    if not words:
        return span.root
    return doc[words[0].i : words[-1].i + 1].root


# Nouns for a territory, part of one or a site in it (the area nouns below among them): a
# country or region that modifies one still says where ("Iraq's northern border", "the West
# Bank town", "the Congo river").
PLACE_NOUNS = frozenset({
    "airport", "airports", "airspace", "area", "areas", "base", "bases", "bay", "belt", "border",
    "borders", "building", "camp", "camps", "capital", "center", "centre", "checkpoint", "church",
    "cities", "city", "coast", "coastline", "coasts", "commune", "communities", "community",
    "compound", "counties", "countryside", "county", "court", "delta", "desert", "district",
    "districts", "east", "embassy", "enclave", "factory", "frontier", "governorate",
    "governorates", "gulf", "headquarters", "heart", "heights", "hideout", "highway", "highways",
    "home", "hospital", "hospitals", "hotel", "house", "island", "islands", "lake", "localities",
    "locality", "market", "markets", "mosque", "mosques", "mountains", "municipalities",
    "municipality", "neighborhood", "neighborhoods", "neighbourhood", "neighbourhoods", "north",
    "office", "outskirts", "parliament", "part", "parts", "plant", "port", "ports", "prison",
    "prisons", "province", "provinces", "quarter", "quarters", "region", "regions", "residence",
    "river", "road", "roads", "school", "schools", "sea", "settlement", "settlements", "side",
    "skies", "soil", "south", "state", "states", "station", "strait", "straits", "street",
    "streets", "strip", "suburb", "suburbs", "territories", "territory", "town", "towns",
    "university", "valley", "village", "villages", "waters", "west", "zone",
})  # fmt: skip
_NAMED_BEINGS = frozenset({"PERSON", "ORG", "NORP"})


def _attributive(token: Token, precision: str | None = None) -> bool:
    """A toponym that says who acted or whose thing it is rather than where: a modifier of a
    state agent ("U.S. warplanes", "the Khartoum government"), a country or region modifying
    anything but part of a territory ("a U.S. helicopter", "the 1967 Mideast war", "Israel's
    confiscation"), the owner of a named person or group ("Spain's Miguel Indurain"), the seat
    of a group ("the London-based ...") or a person's origin ("a businessman from Sydney")."""
    head = token.head
    nxt = token.doc[token.i + 1 : token.i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in HYPHEN_ATTRIBUTES:
        return True  # "the London-based Observatory", "Turkey-backed rebels"
    if token.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in {"NOUN", "PROPN"}:
        return True  # "a businessman from Sydney": where a person comes from
    if token.dep_ == "pobj" and head.lower_ == "of" and _named(head.head):
        return True  # "Erwin Weber of Germany", "the Islamic State of Iraq": part of a name
    if head.i == token.i or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.dep_ == "poss" and head.ent_type_ in _NAMED_BEINGS:
        return True  # "Spain's Miguel Indurain", "India's Congress party"
    if token.dep_ not in {"compound", "amod", "nmod", "poss"}:
        return False
    if precision in {"country", "region"} and head.lower_ not in PLACE_NOUNS:
        return head.ent_type_ not in {"GPE", "LOC", "FAC"}
    return token.dep_ != "poss" and head.lower_ in AGENT_NOUNS


def _named(token: Token) -> bool:
    """A proper name that is not a place noun ("Weber", "State" of "the Islamic State")."""
    return token.pos_ == "PROPN" and token.lower_ not in PLACE_NOUNS


# Prepositions whose object is a party to the event or its topic, not where it happened
# ("protested against Israel", "clashes with Turkey", "a deal for Syria", "backed by Russia").
NON_LOCATIVE_PREPOSITIONS = frozenset({
    "against", "with", "for", "by", "about", "like", "than", "despite", "via", "unlike",
    "per", "between", "as",
})  # fmt: skip


# Entity labels for names of things that are not places: a toponym inside a longer one is part
# of a name ("the Islamic State of Iraq", "the Lashkar-e-Tayyaba group").
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _inside_name(doc: Doc, place: Place, offset: int, root: Token) -> bool:
    """Whether the toponym is a strict part of a longer named entity of another kind."""
    if root.ent_type_ not in _NAME_LABELS:
        return False
    entity = next((e for e in doc.ents if e.start <= root.i < e.end), None)
    if entity is None or entity[-1].lower_ in PLACE_NOUNS:
        return False  # "the al-Azraggiya neighborhood", "Bama town": a place's own name
    start, end = place.start - offset, place.end - offset
    return entity.start_char < start or end < entity.end_char


def _of_subject(token: Token) -> bool:
    """A toponym after "of" in a clause's subject names who acted ("members of the Islamic State
    of Iraq", "the governor of Kirkuk"), not where."""
    of = token.head
    return (
        token.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.dep_ in {"nsubj", "nsubjpass"}
        and of.head.lower_ not in PLACE_NOUNS
    )


def _unknown_adjective(place: Place, root: Token) -> bool:
    """An adjective the gazetteer does not know ("a Shiite district", "a Jewish settlement")
    describes a people or faith, not a place; lower-case words it does not know ("the south
    coast") are a description, not a name."""
    if place.geonameid is not None:
        return False
    return root.tag_ in {"JJ", "JJR", "JJS"} or place.text.islower()


def _non_locative(token: Token) -> bool:
    """A toponym that is the object of a preposition naming a party or topic, directly or
    through an apposition, compound or coordination ("against the U.S. and Israel")."""
    current = token
    for _ in range(4):
        if current.dep_ == "pobj":
            return current.head.lower_ in NON_LOCATIVE_PREPOSITIONS
        if current.dep_ not in {"appos", "compound", "conj"} or current.head.i == current.i:
            return False
        current = current.head
    return False


# Acts done to a territory: their passive subject is the scene ("Kosovo is patrolled by ...",
# "East Jerusalem was captured in 1967"), though a subject is otherwise taken for an actor.
TERRITORIAL_LEMMAS = frozenset({
    "annex", "attack", "besiege", "blockade", "bomb", "capture", "control", "devastate",
    "encircle", "flood", "hit", "invade", "liberate", "occupy", "overrun", "patrol", "raid",
    "rock", "seize", "shake", "shell", "storm", "strike", "surround", "target", "take",
})  # fmt: skip


def _undergoer(doc: Doc, place: Place, offset: int, head: Token) -> bool:
    """Whether a toponym taken for an actor is the passive subject of a territorial act (and
    the tagger takes it for a place too: "Arad was captured" is a man)."""
    if not (place.resolved_by or "").startswith("actor"):
        return False
    root = _place_root(doc, place, offset)
    return (
        root is not None
        and root.ent_type_ in {"GPE", "LOC", "FAC"}
        and root.dep_ == "nsubjpass"
        and root.head.i == head.i
        and head.lemma_.lower() in TERRITORIAL_LEMMAS
    )


def _reference(token: Token) -> int:
    """3 for a place named only as a bearing ("40 km south of Minya", "east of the capital,
    Damascus"), 2 for the origin or destination of a movement ("smuggled from Turkey", "flown
    to Cairo"), 1 for a place entered or reached ("fired into Gaza", "at the entrance to
    Bethlehem"), 0 otherwise."""
    current = token
    for _ in range(3):
        bearing = current.head.lower_ in {"of", "from"} and current.head.head.lower_ in DIRECTIONS
        if current.dep_ == "pobj" and bearing:
            return 3
        prep = current.head
        origin = prep.lower_ in ORIGIN_DESTINATION and prep.head.lower_ not in _THRESHOLDS
        if current.dep_ == "pobj" and origin:
            return 2  # "flown to Cairo", "troops from Chad"; not "the entrance to Bethlehem"
        if current.dep_ == "pobj":
            return int(current.head.lower_ in MOTION_PREPOSITIONS)
        if current.dep_ not in {"appos", "compound", "conj"}:
            return 0
        current = current.head
    return 0


# Dependencies by which a toponym names the area around another ("Saboti in the Elgon region",
# "Khan Touman, south of Aleppo", "Mosul, northern Iraq", "Mogadishu's Shibbis District").
_CONTAINER_DEPS = frozenset({"appos", "poss", "compound", "pobj", "prep", "amod", "npadvmod"})


# "the Raman district of Yala province": the name before such a noun is the finer place.
_AREA_NOUNS = frozenset({
    "district", "area", "neighbourhood", "neighborhood", "province", "governorate", "region",
    "village", "town", "city", "camp", "county", "state", "municipality", "suburb", "quarter",
    "countryside", "locality",
})  # fmt: skip


# Prepositions by which a place locates the noun before it ("the camp near Nablus", "the
# Mubingi commune outside Bujumbura").
_CONTAINER_PREPOSITIONS = frozenset({"in", "of", "near", "outside", "around", "inside"})


def _area_noun(token: Token) -> int:
    """The index of the area noun a toponym names, or -1: "the Raman district" (a compound),
    "the neighbourhood of Zeitun", "the town of Jobar" (the object of its "of")."""
    if token.dep_ == "compound" and token.head.lower_ in _AREA_NOUNS:
        return token.head.i
    of = token.head
    if token.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in _AREA_NOUNS:
        return of.head.i
    return -1


def _area_names(roots: list[Token], minor: frozenset[int]) -> dict[int, int]:
    """Which candidate names each area noun: its compound ("the Zafaraniyah district of
    Baghdad"), unless a minor name follows its "of" and the compound is a known town ("the
    Sarajevo neighbourhood of Dobrinja")."""
    names: dict[int, int] = {}
    for root in sorted(roots, key=lambda r: r.dep_ != "compound"):  # compounds first
        area = _area_noun(root)
        if area < 0:
            continue
        first = names.get(area)
        after_of = root.dep_ == "pobj" and root.lower_ not in _AREA_NOUNS
        if first is None or (after_of and root.i in minor and first not in minor):
            names[area] = root.i
    return names


def _contained(token: Token, others: list[Token], names: dict[int, int] | None = None) -> int:
    """1 when ``token`` only locates another candidate place, which governs it through
    containment dependencies ("in", "of", commas, possessives), itself or through the area noun
    another names (``names``, from ``_area_names``: "the Raman district of Yala"); 0
    otherwise."""
    others_ids = {o.i for o in others if o.i != token.i}
    others_ids |= {area for area, name in (names or {}).items() if name != token.i}
    current = token
    for _ in range(6):
        if current.dep_ not in _CONTAINER_DEPS or current.head.i == current.i:
            return 0
        if current.dep_ == "prep" and current.lower_ not in _CONTAINER_PREPOSITIONS:
            return 0
        current = current.head
        if current.i in others_ids:
            return 1
    return 0


def link_place(
    doc: Doc, head: Token, offset: int, places: list[Place], previous: EventPlace | None
) -> EventPlace | None:
    """Where an event happened: the finest place in its clause (see ``_best``), else in the
    clauses above it, else its sentence (a country there only when named as a scene), else the
    paragraph's last event place. Never counted: actors (but a territory captured or patrolled
    in the passive is the scene), demonyms, parts of names ("the Islamic State of Iraq"),
    toponyms that say who acted or whose thing it is ("U.S. warplanes", "Turkey-backed rebels",
    "Spain's Indurain", "Erwin Weber of Germany"), the object of a preposition naming a party
    ("against Israel", "with Turkey"), the origin or destination of a movement, unknown
    adjectives and lower-case descriptions, and places inside the attribution or content of a
    report that does not govern the event. An unresolved toponym may be linked (its
    coordinates stay unknown). A reporting verb ("said") takes only a place of its own
    clause."""
    sentence = head.sent
    low, high = sentence.start_char + offset, sentence.end_char + offset
    rooted = [
        (p, root)
        for p in places
        if low <= p.start < high
        if is_event_location(p) or _undergoer(doc, p, offset, head)
        if (root := _place_root(doc, p, offset)) is not None
        and not _attributive(root, p.precision) and not _non_locative(root)
        and _reference(root) != 2 and not _unknown_adjective(p, root)
        and not _inside_name(doc, p, offset, root) and not _of_subject(root)
    ]  # fmt: skip
    rooted = [(p, r) for p, r in rooted if not _attribution(r, head)]
    trigger = head.idx + offset
    speech = head.lemma_.lower() in SPEECH_LEMMAS
    for level, clause in enumerate(governing_heads(head)):
        ids = _place_clause_tokens(clause)
        found = [(p, r) for p, r in rooted if r.i in ids]
        if found:
            how = "own-clause" if level == 0 else "governing-clause"
            return _event_place(_best(found, trigger, clause), how)
        if speech:
            return None
    # a country elsewhere in the sentence is rarely the scene
    in_sentence = [(p, r) for p, r in rooted if p.precision != "country" or _scene(r)]
    if in_sentence:
        return _event_place(_best(in_sentence, trigger, sentence.root), "same-sentence")
    if previous is not None:
        return previous.model_copy(update={"linked_by": "previous-event"})
    return None


# Participles that say where a group or thing is kept ("planes based in Incirlik", "troops
# stationed at Fort Bliss"): their place is the home of the doer, not the scene.
STATIONING_LEMMAS = frozenset({
    "base", "deploy", "garrison", "headquarter", "house", "locate", "position", "post",
    "situate", "station",
})  # fmt: skip


def _in_modifier(token: Token, clause: Token) -> int:
    """2 when the toponym hangs from ``clause`` through a participle of stationing modifying a
    noun ("planes based in Incirlik patrol northern Iraq"), 1 through another participle
    modifying a noun ("troops walking near his home"), 0 otherwise: such a participle has a
    scene of its own."""
    current = token
    while current.i != clause.i and current.head.i != current.i:
        if current.dep_ == "acl":
            return 2 if current.lemma_.lower() in STATIONING_LEMMAS else 1
        current = current.head
    return 0


def _scene(token: Token) -> bool:
    """A toponym introduced as a scene ("in southern Thailand", "across Iraq")."""
    return token.dep_ == "pobj" and token.head.lower_ in {"in", "across", "throughout", "inside"}


def _reporting(token: Token) -> bool:
    """A verb of saying ("said", "told", "reported"), not of naming ("a village called Jibu")."""
    lemma = token.lemma_.lower()
    return token.pos_ in {"VERB", "AUX"} and lemma in SPEECH_LEMMAS and lemma != "call"


def _attribution(token: Token, head: Token) -> bool:
    """A toponym under a report that does not govern the event: its attribution ("according to
    a source in Aleppo") or its content ("..., as the envoy said that Iraq ..."). The speaker
    of a report that governs the event ("a resident of Maaloula said rebels attacked") is
    usually there, and counts."""
    above = {a.i for a in head.ancestors} | {head.i}
    current = token.head
    while current.i not in above:
        if current.lower_ == "according" or _reporting(current):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _best(found: list[tuple[Place, Token]], trigger: int, clause: Token) -> Place:
    """The scene among candidate places (each with its parse root): not a bearing or a place
    entered; not where the doer is stationed; the finest; not inside another participle
    modifying a noun; not the area that only locates another candidate; the nearest."""
    roots = [r for _, r in found]
    minor = frozenset(r.i for p, r in found if p.precision in {None, "neighbourhood"})
    names = _area_names(roots, minor)
    best, _ = min(
        found,
        key=lambda pr: (
            _reference(pr[1]),
            _in_modifier(pr[1], clause) == 2,
            _coarse(pr[0]),
            _in_modifier(pr[1], clause),
            _contained(pr[1], roots, names),
            abs(pr[0].start - trigger),
        ),
    )
    return best


def _coarse(place: Place) -> int:
    """0 for a neighbourhood, 1 for a town (or an unknown toponym), 2 for an area, 3 for a
    country."""
    ranks = {"neighbourhood": 0, "country": 3, "region": 2, "admin1": 2}
    return ranks.get(place.precision or "", 1)


def _event_place(place: Place, how: str) -> EventPlace:
    return EventPlace(
        text=place.text,
        start=place.start,
        end=place.end,
        geonameid=place.geonameid,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        country=place.country,
        precision=place.precision,
        within=place.within,
        linked_by=how,
    )
