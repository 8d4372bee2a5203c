"""Toponyms near an event that are not its scene: who acted or whose thing it is ("U.S.
warplanes"), a party ("against Israel"), part of a name, a people described, a report's place."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.article import Place
from dyad.nlp.doc_text import span_at

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


# Reporting and attitude verbs: where something was said is rarely the place named in it.
SPEECH_LEMMAS = frozenset({
    "say", "tell", "claim", "report", "announce", "believe", "accuse", "call", "want", "urge",
    "add", "state", "confirm", "deny", "warn", "insist", "note", "describe", "quote", "write",
    "think", "hope", "demand", "ask", "vow", "pledge"
})  # fmt: skip


def place_root(doc: Doc, place: Place, offset: int) -> Token | None:
    """The syntactic head of a toponym, its article left out ("the Hurriyah district": the
    article hangs from the noun after the name, which would make it the span's root)."""
    span = span_at(doc, place.start, place.end, offset)
    if span is None:
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


def attributive(token: Token, precision: str | None = None) -> bool:
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


def inside_name(doc: Doc, place: Place, offset: int, root: Token) -> bool:
    """Whether the toponym is a strict part of a longer named entity of another kind."""
    if root.ent_type_ not in _NAME_LABELS:
        return False
    entity = next((e for e in doc.ents if e.start <= root.i < e.end), None)
    if entity is None or entity[-1].lower_ in PLACE_NOUNS:
        return False  # "the al-Azraggiya neighborhood", "Bama town": a place's own name
    start, end = place.start - offset, place.end - offset
    return entity.start_char < start or end < entity.end_char


def of_subject(token: Token) -> bool:
    """A toponym after "of" in a clause's subject names who acted ("members of the Islamic State
    of Iraq", "the governor of Kirkuk"), not where."""
    of = token.head
    return (
        token.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.dep_ in {"nsubj", "nsubjpass"}
        and of.head.lower_ not in PLACE_NOUNS
    )


def unknown_adjective(place: Place, root: Token) -> bool:
    """An adjective the gazetteer does not know ("a Shiite district", "a Jewish settlement")
    describes a people or faith, not a place; lower-case words it does not know ("the south
    coast") are a description, not a name."""
    if place.geonameid is not None:
        return False
    return root.tag_ in {"JJ", "JJR", "JJS"} or place.text.islower()


def non_locative(token: Token) -> bool:
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


def undergoer(doc: Doc, place: Place, offset: int, head: Token) -> bool:
    """Whether a toponym taken for an actor is the passive subject of a territorial act (and
    the tagger takes it for a place too: "Arad was captured" is a man)."""
    if not (place.resolved_by or "").startswith("actor"):
        return False
    root = place_root(doc, place, offset)
    return (
        root is not None
        and root.ent_type_ in {"GPE", "LOC", "FAC"}
        and root.dep_ == "nsubjpass"
        and root.head.i == head.i
        and head.lemma_.lower() in TERRITORIAL_LEMMAS
    )


def _reporting(token: Token) -> bool:
    """A verb of saying ("said", "told", "reported"), not of naming ("a village called Jibu")."""
    lemma = token.lemma_.lower()
    return token.pos_ in {"VERB", "AUX"} and lemma in SPEECH_LEMMAS and lemma != "call"


def attribution(token: Token, head: Token) -> bool:
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
