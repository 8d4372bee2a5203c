"""Toponyms that the syntax, not the model's entity label, says are places: names beside a
settlement or facility noun ("the village of Umm Tuweinat", "the Dumayr Military Airport",
"Gamba police station"), and names the gazetteer knows that the model left unlabelled after a
locative cue ("in eastern Aleppo"). Unknown names are reported unresolved, never given a point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}


@dataclass(frozen=True)
class Toponym:
    """A toponym's characters in the parsed text and its role there."""

    start: int
    end: int
    text: str
    role: str = "place"
    query: str = ""  # the name to look up when it differs from the text ("New York state")
    site: bool = False  # a building or site: never placed in the article's town by default

    @property
    def name(self) -> str:
        return self.query or self.text


# Common nouns that say the proper name beside them is a settlement or an area: "the village of
# Umm Tuweinat", "Kafr Zeita district", "the Damascus suburb of Harasta", "the Minyan and
# Al-Assad suburbs", "villages like Cailaco and Manapa".
SETTLEMENT_NOUNS = frozenset({
    "village", "villages", "town", "towns", "city", "cities", "district", "districts",
    "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "suburb", "suburbs",
    "governorate", "governorates", "province", "provinces", "township", "hamlet", "settlement",
    "settlements", "camp", "camps", "locality", "municipality", "countryside", "quarter",
    "quarters", "area", "areas", "airbase", "stronghold", "island", "region", "sector", "axis",
    "commune", "outskirts",
})  # fmt: skip
# Lower-case nouns of a site named after its place: "Gamba police station", "the Torkham border
# crossing", "the Hmeymim airbase", "Istanbul's Bayrampasa prison". Only the name before counts.
SITE_NOUNS = frozenset({
    "prison", "jail", "stadium", "airport", "airbase", "base", "bridge", "crossing", "market",
    "station", "junction", "bastion", "checkpoint", "camp", "gorge", "mountains", "valley",
})  # fmt: skip
# Capitalised last words that make a name a place: "Deir Ezzor Governorate", "Al-Manishiyah
# District", "Kuweires Military Airport", "Al-Quds Hospital", "Kodori Gorge".
ADMIN_HEADS = frozenset({
    "governorate", "province", "district", "suburb", "quarter", "village", "town", "camp",
    "lga", "oblast", "prefecture", "region", "sector", "neighbourhood", "neighborhood",
})  # fmt: skip
SITE_HEADS = frozenset({
    "airport", "airbase", "base", "hospital", "university", "prison", "gorge", "mountains",
    "mountain", "hill", "hills", "square", "bazaar", "park", "roundabout", "fields", "crossing",
    "bridge", "mosque", "forests", "forest", "straits", "strait", "valley", "dam", "stadium",
    "auditorium", "complex", "ridge", "plateau", "peninsula", "island", "islands", "desert",
})  # fmt: skip
PLURAL_OF = {"like", "including"}  # "villages like X and Y", "towns including X"
NAME_PARTICLES = {"al", "el", "as", "ad", "ar", "ash", "at", "az", "an", "de", "del", "da", "do"}
LOCATIVE_CUES = {"in", "at", "near", "from", "outside", "into", "across", "throughout", "around",
                 "toward", "towards", "through", "inside", "over", "on"}  # fmt: skip
# Bearings before a name: "eastern Aleppo", "east Aleppo", "southwest Aleppo".
BEARINGS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "rural", "downtown",
})  # fmt: skip


def named_by_place_noun(doc: Doc) -> list[Toponym]:
    """Proper names that a settlement, site or admin noun marks as places: "<noun> of <Name>",
    "<Name> <noun>", "<Name> and <Name> <nouns>", "<Name> police station", "<Name> Governorate"
    (the name capitalised, at most four words). They are resolved like any toponym (a site name
    falls back on a town it contains, or the article's town), or reported unresolved."""
    found: list[Toponym] = []
    for token in doc:
        lower = token.lower_
        if token.text[:1].isupper():
            if lower in ADMIN_HEADS or lower in SITE_HEADS:
                found.extend(_headed(doc, token))
            continue
        runs: list[Span | None] = []
        if lower in SETTLEMENT_NOUNS:
            runs.extend(_conjoined(doc, token.i - 1, -1))
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is not None and (after.lower_ == "of" or after.lower_ in PLURAL_OF):
                runs.extend(_conjoined(doc, after.i + 1, 1))
        if lower in SITE_NOUNS:
            first = token.i - 1
            while first >= 0 and token.i - first <= 2 and _modifier(doc[first]):
                first -= 1  # "border" of "Torkham border crossing"
            if first < token.i - 1 or lower not in SETTLEMENT_NOUNS:
                runs.append(_name_run(doc, first, -1))
        for run in runs:
            if run is not None and not run.text.isupper() and not _norp(run):
                found.append(_toponym(run, run.end_char, site=lower in SITE_NOUNS))
    return found


def _norp(run: Span) -> bool:
    """A faith's name, not a place's: "Sunni areas", "Jewish settlements"."""
    return all(t.ent_type_ == "NORP" and t.lower_ in FAITHS or t.is_punct for t in run)


FAITHS = frozenset({
    "arab", "arabs", "sunni", "shia", "shiite", "muslim", "christian", "jewish", "hindu",
    "buddhist", "alawite", "druze", "catholic", "protestant", "islamist", "nazi", "soviet",
    "sikh", "coptic",
})  # fmt: skip


def _modifier(token: Token) -> bool:
    return token.dep_ in {"compound", "amod"} and token.is_lower and token.is_alpha


def _toponym(run: Span, end: int, site: bool = False) -> Toponym:
    text = _clean(run.doc.text[run.start_char : end])
    root = run.root
    role = "actor" if root.dep_ in ACTOR_DEPS and root.head.pos_ in {"VERB", "AUX"} else "place"
    return Toponym(run.start_char, run.start_char + len(text), text, role, site=site)


def _headed(doc: Doc, head: Token) -> list[Toponym]:
    """ "the Dumayr Military Airport", "Deir Ezzor Governorate": the capitalised words before a
    place head word and the head; a bare head ("the Military Airport") names nothing."""
    run = _name_run(doc, head.i - 1, -1, heads=True)
    if run is None:
        return []
    words = {t.lower_ for t in run if any(c.isalpha() for c in t.text)}
    if not words - GENERIC_HEAD_WORDS:
        return []
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return []  # the name goes on ("Harwinton Democratic Town Committee"), or a headline
    span = doc[run.start : head.i + 1]
    if (
        head.lower_ in SURNAME_HEADS
        and head.ent_type_ == "PERSON"
        and span[0].ent_type_ == "PERSON"
    ):
        return []  # "the body of Juantissa Hill"
    site = head.lower_ in SITE_HEADS
    return [_toponym(span, head.idx + len(head.text), site)]


SURNAME_HEADS = frozenset({"hill", "hills", "park", "field", "fields", "ridge", "forest"})


# Capitalised words of a site name that name no place alone: "Military" of "Military Airport".
GENERIC_HEAD_WORDS = frozenset({
    "military", "air", "gas", "oil", "refugee", "border", "maximum", "security", "housing",
    "industrial", "storage", "special", "forces", "national", "international", "central", "main",
    "local", "government", "general", "state", "new", "old", "grand", "great", "upper", "lower",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "the",
    "apartment", "memorial", "peace", "city", "public", "army", "naval", "police",
})  # fmt: skip


def _conjoined(doc: Doc, index: int, step: int) -> list[Span]:
    """The name at ``index`` and the names listed with it: "of Kafr Rouma and Saraqib", "the
    Minyan and Al-Assad suburbs", "like Koloma and Betasi" (a place spaCy found is passed over,
    not repeated)."""
    runs: list[Span] = []
    i = index
    while len(runs) < 6:
        run = _name_run(doc, i, step) or _place_entity(doc, i, step)
        if run is None:
            break
        if run.label_ not in {"GPE", "LOC"}:
            runs.append(run)
        i = run.end if step == 1 else run.start - 1
        if not 0 <= i < len(doc) or doc[i].text not in {",", "and", "or"}:
            break
        i += step
        if 0 <= i < len(doc) and doc[i].text in {"and", "or"}:
            i += step
    return runs


def _place_entity(doc: Doc, index: int, step: int) -> Span | None:
    """The GPE or LOC entity at ``index`` (skipping a doubled space), or, with the place word
    before it, the whole name ("Kafr Hamra" where spaCy found "Hamra")."""
    while 0 <= index < len(doc) and doc[index].is_space:
        index += step
    if not 0 <= index < len(doc):
        return None
    token = doc[index]
    if token.lower_ in PLACE_PREFIXES and token.text[:1].isupper() and step == 1:
        entity = _place_entity(doc, index + 1, 1)
        if entity is not None and entity.start == index + 1:
            return doc[index : entity.end]
    if token.ent_type_ not in {"GPE", "LOC"}:
        return None
    return next((e for e in doc.ents if e.start <= index < e.end), None)


def _name_word(token: Token, ids: list[int], step: int, heads: bool) -> bool:
    doc = token.doc
    word = token.text.lstrip("‘'\u202a")
    if token.text in {"-", "’", "'"}:
        return bool(ids)
    if word[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ", "VERB", "NUM"}:
        if token.like_num:
            return heads and bool(ids)  # "T-4" of "T-4 Military Airport"
        return token.pos_ == "PROPN" or not token.is_stop
    if token.lower_ not in NAME_PARTICLES:
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.text == "-":
        return True  # "al-Ansari", "Ain el-Helweh"
    return bool(ids) and step == 1 and following is not None


def _particle(token: Token) -> bool:
    doc = token.doc
    return (
        token.lower_ in NAME_PARTICLES and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    )


def _name_run(doc: Doc, index: int, step: int, heads: bool = False) -> Span | None:
    """The capitalised name (1-4 tokens) starting at ``index`` and running in direction ``step``."""
    ids: list[int] = []
    i = index
    while 0 <= i < len(doc) and doc[i].is_space and not ids:
        i += step  # "of  Al-Bayaa": a doubled space
    while 0 <= i < len(doc) and len(ids) < 7:
        if not _name_word(doc[i], ids, step, heads):
            break
        ids.append(i)
        i += step
    while ids and not (
        doc[ids[-1]].text.lstrip("‘'\u202a")[:1].isupper() or step == -1 and _particle(doc[ids[-1]])
    ):
        ids.pop()
    if not ids or len([i for i in ids if doc[i].text[:1].isupper()]) > 4:
        return None
    first, last = min(ids), max(ids)
    span = doc[first : last + 1]
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and step == -1 and before.text[:1].isupper() and not before.is_punct:
        return None  # a longer name than four words, or a sentence-initial phrase
    if span[0].text.strip(".").lower() in TITLES and span[0].text.istitle():
        return None  # "President Park", "Gen. Hill"
    if any(t.ent_type_ in {"GPE", "LOC"} or t.lower_ in CALENDAR for t in span):
        return None  # places spaCy already found, and dates
    if span[0].i == span.sent.start and step == -1 and len(span) == 1 and span[0].pos_ != "PROPN":
        return None
    return span


# Words before a person's name ("President Bashar al-Assad", "police Col. Somchai").
TITLES = frozenset({
    "president", "pope", "minister", "premier", "chancellor", "senator", "sen", "rep", "gov",
    "mayor", "gen", "col", "colonel", "lt", "lieutenant", "maj", "capt", "captain", "sgt",
    "sergeant", "cmdr", "commander", "mr", "mrs", "ms", "dr", "spokesman", "ambassador",
    "ayatollah",
})  # fmt: skip
CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
})  # fmt: skip


def _clean(text: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text.strip()


def unlabelled_places(doc: Doc, is_place: Callable[[str, bool], bool]) -> list[Toponym]:
    """Names the model left without a place label (or called a language) that the gazetteer
    knows, after a locative cue or a bearing: "in Donetsk", "in eastern Aleppo". ``is_place``
    says whether a name is a known place, given whether a cue stands before it."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ not in {"", "LANGUAGE"}:
            continue
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN":
            continue  # not the first word of its name
        end = token.i
        while end + 1 < len(doc) and end - token.i < 2 and doc[end + 1].pos_ == "PROPN":
            end += 1
        span = doc[token.i : end + 1]
        if not all(t.text[:1].isupper() and t.ent_type_ in {"", "LANGUAGE"} for t in span):
            continue
        if span.text.isupper() or not _cued(doc, token.i):
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and (after.tag_ == "POS" or after.pos_ in {"NOUN", "PROPN"}):
            continue  # "in Aleppo countryside" is found by the place nouns; "in Obama's speech"
        if after is not None and after.text in {"-", "–"}:
            continue
        if (
            is_place(span.text, True)
            or _scene(doc, token.i)
            and not ABSTRACT & {t.lower_ for t in span}
        ):
            found.append(_toponym(span, span.end_char))
    return found


# Capitalised words that follow "in" without being places: "believe in God", "in Parliament".
ABSTRACT = frozenset({
    "god", "allah", "christ", "jesus", "heaven", "hell", "parliament", "congress", "senate",
    "court", "government", "islam", "christianity", "judaism", "english", "arabic", "french",
    "spanish", "german", "russian", "chinese", "internet", "web", "office", "power", "time",
    "twitter", "facebook", "instagram", "youtube", "google", "television", "tv", "state",
})  # fmt: skip


def _scene(doc: Doc, index: int) -> bool:
    """A scene preposition right before the name ("killed in Adhaim", "inside Sheikh Hadeed")."""
    i = index - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].lower_ in {"in", "near", "outside", "inside", "around"}


def _cued(doc: Doc, index: int) -> bool:
    """A locative preposition or a bearing before the name ("in", "near", "eastern"), or "of"
    after a part noun ("the western sector of Aleppo")."""
    i = index - 1
    while i >= 0 and (doc[i].lower_ in BEARINGS or doc[i].text in {"and", "-"}):
        i -= 1  # "in northern and northeastern Aleppo"
    if i < index - 1 and doc[index - 1].lower_ in BEARINGS:
        return True
    if i < 0:
        return False
    if doc[i].lower_ in LOCATIVE_CUES or possessed_by_place(doc, index):
        return True
    return doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in PART_NOUNS


# Nouns of a part of a place: "the western sector of Aleppo", "the outskirts of Homs".
PART_NOUNS = SETTLEMENT_NOUNS | {"part", "parts", "outskirts", "centre", "center", "heart",
                                 "streets", "edge", "north", "south", "east", "west"}  # fmt: skip


def possessed_by_place(doc: Doc, index: int) -> bool:
    """The name at ``index`` follows a place's possessive: "Syria's Manbij", and "Syria   s
    Manbij" where the feed lost the apostrophe."""
    i = index - 1
    if i < 1 or doc[i].dep_ != "case" or doc[i].lower_ not in {"'s", "’s", "s"}:
        return False
    i -= 1
    while i > 0 and doc[i].is_space:
        i -= 1
    return doc[i].ent_type_ in {"GPE", "LOC"}


# First words of Arabic, Kurdish and Persian place names ("Tal Afar", "Kafr Saghir", "Jabal
# Al-Koz", "Wadi Barada", "Ein Tini"): a name that starts with one is a place, whatever the
# model calls it.
PLACE_PREFIXES = frozenset({
    "tal", "tall", "tell", "kafr", "kfar", "kafar", "jabal", "jebel", "jbel", "ain", "ayn", "ein",
    "deir", "dayr", "wadi", "bir", "khirbet", "khirbat", "ras", "beit", "bayt", "qasr", "hay",
    "dahiyat", "tal-", "marj", "sahl", "bab", "mazraat", "qalaat", "nahr", "jisr", "birnin",
})  # fmt: skip
# Verbs whose object is a territory: "stormed Najarah", "liberated Tal Areen", "entered Rityan".
TERRITORY_VERBS = frozenset({
    "enter", "storm", "liberate", "overrun", "shell", "besiege", "encircle", "recapture",
    "retake", "bombard", "occupy", "invade", "patrol",
})  # fmt: skip
# Verbs whose object is a place or a person: "captured Knin", "captured Ramzi Yousef". A one-word
# name is taken for a place, a longer person-labelled one for a person.
CAPTURE_VERBS = frozenset({"capture", "seize", "bomb", "raid"})
# Nouns whose "of" introduces a place: "the outskirts of Bosra", "the streets of Saba al-Bor",
# "northeast of Karmah", "within 11 km of Menbeij", "residents of Kasumbalesa".
PART_OF_NOUNS = frozenset({
    "outskirts", "perimeter", "streets", "centre", "center", "heart", "slope", "slopes", "edge",
    "environs", "vicinity", "gates", "north", "south",
    "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometers",
    "kilometres", "miles", "outskirt", "countryside",
})  # fmt: skip
# Nouns whose "of" may introduce a place or a person: "residents of Kasumbalesa", "the part of
# Peter Schepis". Only a one-word name is taken for a place.
PEOPLE_OF = frozenset({"residents", "people", "inhabitants", "council", "mayor", "part", "parts"})


def syntax_says_place(ent: Span, is_actor: Callable[[str], bool]) -> bool:
    """A person- or group-labelled name that the syntax makes a place: it starts with a place
    word ("Tal Maksour"), is the object of a verb of territory ("captured Knin", "stormed Gidan
    Gambo"), follows a part noun's "of" ("the outskirts of Bosra Alsham") or is a person-labelled
    bare name after "at" ("killed at Olangur"). Known actors (``is_actor``) are excluded."""
    doc = ent.doc
    words = [t for t in ent if t.lower_ != "the"]
    if not words or ent.text.isupper() or len(words) > 5 or is_actor(ent.text):
        return False
    if words[0].lower_ in PLACE_PREFIXES and len(words) > 1:
        return True
    root = ent.root
    before = doc[ent.start - 1] if ent.start > 0 else None
    if ent[0].lower_ == "the" or any(t.tag_ == "POS" for t in ent):
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and (after.tag_ == "POS" or after.pos_ in {"NOUN", "PROPN"}):
        return False  # "the Atmeh headquarters", "Obama's speech"
    head = root.head
    while root.dep_ == "conj" and head.dep_ in {"dobj", "pobj"}:
        root, head = head, head.head  # "shelling Fuah and Kafraya"
    if root.dep_ == "dobj" and head.pos_ == "VERB" and ent.label_ != "NORP":
        verb = head.lemma_.lower()
        if verb in TERRITORY_VERBS or verb in CAPTURE_VERBS and len(words) == 1:
            return True
    if before is not None and before.lower_ == "of" and ent.start > 1:
        noun = doc[ent.start - 2].lower_
        if noun in PART_OF_NOUNS or noun in BEARINGS or noun in PEOPLE_OF and len(words) == 1:
            return True
    # "killed at Olangur"; a longer name after "at" is a person or a venue named after one
    return (
        before is not None and before.lower_ == "at" and ent.label_ == "PERSON" and len(words) == 1
    )
