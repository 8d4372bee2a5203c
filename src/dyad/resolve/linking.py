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


# Nouns for a state's agents: a toponym modifying them describes who acted ("U.S. warplanes",
# "the Khartoum government"), not where; before other nouns it usually is where ("a Jerusalem
# hotel", "the Tokyo subway").
AGENT_NOUNS = frozenset({
    "administration", "agent", "agents", "air", "aircraft", "airplanes", "ambassador", "army",
    "armies", "authorities", "authority", "coalition", "commander", "commanders", "commandos",
    "counterpart", "delegation", "delegates", "diplomat", "diplomats", "drones", "embassy",
    "envoy", "fighter", "fighters", "force", "forces", "government", "governments",
    "helicopters", "intelligence", "jets", "leader", "leaders", "leadership", "marines",
    "military", "minister", "ministers", "ministry", "navy", "officer", "officers", "official",
    "officials", "peacekeepers", "planes", "police", "policemen", "president", "prime",
    "regime", "representative", "representatives", "soldiers", "spokesman", "spokeswoman",
    "troops", "warplanes", "warships"
})  # fmt: skip
# "40 km south of Minya": a place that only gives a bearing is a reference point.
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern",
    "eastern", "western"
})  # fmt: skip
MOTION_PREPOSITIONS = frozenset({"to", "toward", "towards", "from", "into"})
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
    span = doc.char_span(place.start - offset, place.end - offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attributive(token: Token) -> bool:
    """A toponym that says who acted rather than where: a modifier of a state agent ("U.S.
    warplanes", "the Khartoum government"), the seat of a group ("the London-based ...") or a
    person's origin ("a businessman from Sydney")."""
    head = token.head
    nxt = token.doc[token.i + 1 : token.i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in {"based", "born"}:
        return True  # "the London-based Observatory", "the Paris-born reporter"
    if token.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in {"NOUN", "PROPN"}:
        return True  # "a businessman from Sydney": where a person comes from
    if head.i == token.i or token.dep_ not in {"compound", "amod", "nmod"}:
        return False
    return head.pos_ in {"NOUN", "PROPN"} and head.lower_ in AGENT_NOUNS


def _reference(token: Token) -> int:
    """2 for a place named only as a bearing ("40 km south of Minya", "east of the capital,
    Damascus"), 1 for an origin or destination ("flown to Cairo", "smuggled from Turkey"), 0
    otherwise."""
    current = token
    for _ in range(3):
        bearing = current.head.lower_ in {"of", "from"} and current.head.head.lower_ in DIRECTIONS
        if current.dep_ == "pobj" and bearing:
            return 2
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


def _contained(token: Token, others: list[Token]) -> int:
    """1 when ``token`` only locates another candidate place, which governs it through
    containment dependencies ("in", "of", commas, possessives), itself or through the area noun
    it names ("the Raman district of Yala"); 0 otherwise."""
    others_ids = {o.i for o in others if o.i != token.i}
    others_ids |= {
        o.head.i
        for o in others
        if o.i != token.i and o.dep_ == "compound" and o.head.lower_ in _AREA_NOUNS
    }
    current = token
    for _ in range(6):
        if current.dep_ not in _CONTAINER_DEPS or current.head.i == current.i:
            return 0
        if current.dep_ == "prep" and current.lower_ not in {"in", "of"}:
            return 0
        current = current.head
        if current.i in others_ids:
            return 1
    return 0


def link_place(
    doc: Doc, head: Token, offset: int, places: list[Place], previous: EventPlace | None
) -> EventPlace | None:
    """Where an event happened: the finest place in its clause (a place given only as a bearing
    last, an origin or destination next to last, then the nearest), else in the clauses above
    it, else its sentence, else the paragraph's last event place. A country counts only where no
    finer place is named; actors, demonyms, parts of names and toponyms that describe a person
    or thing ("U.S. warplanes") never count; an unresolved toponym may be linked (its coordinates
    stay unknown). A reporting verb ("said") takes only a place of its own clause."""
    sentence = head.sent
    low, high = sentence.start_char + offset, sentence.end_char + offset
    rooted = [
        (p, root)
        for p in places
        if low <= p.start < high and is_event_location(p)
        if (root := _place_root(doc, p, offset)) is not None and not _attributive(root)
    ]
    trigger = head.idx + offset
    speech = head.lemma_.lower() in SPEECH_LEMMAS
    for level, clause in enumerate(governing_heads(head)):
        ids = _place_clause_tokens(clause)
        found = [(p, r) for p, r in rooted if r.i in ids]
        if found:
            return _event_place(
                _best(found, trigger), "own-clause" if level == 0 else "governing-clause"
            )
        if speech:
            return None
    # a country elsewhere in the sentence is rarely the scene
    in_sentence = [(p, r) for p, r in rooted if p.precision != "country"]
    if in_sentence:
        return _event_place(_best(in_sentence, trigger), "same-sentence")
    if previous is not None:
        return previous.model_copy(update={"linked_by": "previous-event"})
    return None


def _best(found: list[tuple[Place, Token]], trigger: int) -> Place:
    """The scene among candidate places (each with its parse root): not a bearing, origin or
    destination; the finest; not the area that only locates another candidate; the nearest."""
    roots = [r for _, r in found]
    best, _ = min(
        found,
        key=lambda pr: (
            _reference(pr[1]),
            _coarse(pr[0]),
            _contained(pr[1], roots),
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
