"""Reported magnitudes: deaths, injuries and crowd or force sizes, and the event each belongs to.

A number counts something only through the parse: it must be the object or passive subject of
a killing verb ("killed 12 people"), the subject of "died", a count of the dead ("30 dead",
"45 deaths"), the figure of a death toll ("rose to 45"), or the size of a group of people who act
("thousands of protesters", "a crowd of 2,000"). Dates, ages, model names, money and percentages
never are. Numbers are read in digits and words; vague words ("dozens") take the conservative
values of data/magnitudes/quantities.tsv; "at least", "up to", ... are kept as qualifiers.
A running total ("since 2011", "the war has killed") is marked cumulative and never given to an
event. ``magnitude_owners`` gives each figure to the event whose clause holds it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.datafiles import DataFileError, read_table

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "magnitudes"
KINDS = ("fatalities", "injured", "size")
# Which events a kind of magnitude can describe: deaths and injuries are the result of force,
# a size is the strength of a crowd or of a force that moves or strikes.
EVENT_TYPES: dict[str, frozenset[str]] = {
    "fatalities": frozenset({"ASSAULT", "COERCE", "PROTEST"}),
    "injured": frozenset({"ASSAULT", "COERCE", "PROTEST"}),
    "size": frozenset({"PROTEST", "MOBILIZE", "ASSAULT"}),
}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_NOT_COUNT_NEXT = {"percent", "per", "third", "thirds", "quarter", "quarters", "half", "fifth"}
_TOTAL_PREPS = {"in", "during", "of", "from", "throughout", "since", "over"}
_RUNNING = {"so far", "to date", "in total", "in all", "overall", "this year", "since"}


class MagnitudeDataError(DataFileError):
    """A bad line in a magnitudes data file."""


@dataclass(frozen=True)
class Lexicon:
    numbers: dict[str, tuple[str, float]]  # word -> (unit | scale | big, value)
    vague: frozenset[str]
    qualifiers: dict[str, str]  # phrase -> label
    cues: dict[str, frozenset[str]]  # kind -> lemmas


@functools.cache
def load_lexicon(directory: Path = DATA_DIR) -> Lexicon:
    numbers: dict[str, tuple[str, float]] = {}
    vague: set[str] = set()
    qualifiers: dict[str, str] = {}
    path = directory / "quantities.tsv"
    for number, row in read_table(path, ("kind", "phrase", "value", "note"), MagnitudeDataError):
        kind = row["kind"].removeprefix("vague-")
        if row["kind"] == "qualifier":
            qualifiers[row["phrase"].lower()] = row["value"]
            continue
        if kind not in {"unit", "scale", "big"}:
            raise MagnitudeDataError(path, number, f"unknown kind {row['kind']!r}")
        try:
            numbers[row["phrase"].lower()] = (kind, float(row["value"]))
        except ValueError:
            raise MagnitudeDataError(path, number, f"{row['value']!r} is not a number") from None
        if row["kind"].startswith("vague-"):
            vague.add(row["phrase"].lower())
    cues: dict[str, set[str]] = defaultdict(set)
    for _, row in read_table(directory / "cues.tsv", ("kind", "lemma"), MagnitudeDataError):
        cues[row["kind"]].add(row["lemma"].lower())
    return Lexicon(
        numbers, frozenset(vague), qualifiers, {k: frozenset(v) for k, v in cues.items()}
    )


@dataclass(frozen=True)
class MagnitudeSpan:
    """A reported figure: character offsets into the Doc's text, the token it qualifies."""

    kind: str  # fatalities | injured | size
    value: int
    qualifier: str | None  # at least | more than | up to | less than | nearly | about | vague
    start: int
    end: int
    rule: str
    anchor: int  # the predicate or noun the figure belongs to (token index)
    argument: int  # the counted phrase's head (token index), for coordination
    cumulative: bool = False


def find_magnitudes(doc: Doc) -> list[MagnitudeSpan]:
    """Every reported death, injury and size figure in the Doc, in text order."""
    lex = load_lexicon()
    found: list[MagnitudeSpan] = []
    seen: set[int] = set()
    for token in doc:
        if token.i in seen or not _is_number_word(token, lex):
            continue
        quantity = _quantity(doc, token, lex)
        if quantity is None:
            continue
        start, end, value, vague = quantity
        seen.update(range(start, end))
        head = _span_head(doc, start, end)
        reading = _reading(head, lex)
        if reading is None:
            continue
        kind, anchor, argument, counted, rule = reading
        qualifier_start, qualifier = _qualifier(doc, start, lex)
        last = max(end - 1, counted.i if counted is not None else end - 1)
        found.append(
            MagnitudeSpan(
                kind=kind,
                value=value,
                qualifier=qualifier or ("vague" if vague else None),
                start=doc[qualifier_start].idx,
                end=doc[last].idx + len(doc[last]),
                rule=rule,
                anchor=anchor.i,
                argument=argument.i,
                cumulative=kind != "size" and _cumulative(anchor, argument, lex),
            )
        )
    return found


def _is_number_word(token: Token, lex: Lexicon) -> bool:
    word = token.lower_
    if not (word[:1].isdigit() or word in lex.numbers or "-" in word):
        return False  # most words: decided without looking at their neighbour
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if word == "few" and before != "a":
        return False  # "few were hurt" says almost none
    if word == "one" and before in {"no", "any", "every", "each", "the", "this", "that"}:
        return False  # "no one was hurt", "the one that"
    if "-" in word and all(part in lex.numbers for part in word.split("-")):
        return True  # "twenty-five" as one token
    return bool(_DIGITS.match(word)) or word in lex.numbers


def _quantity(doc: Doc, token: Token, lex: Lexicon) -> tuple[int, int, int, bool] | None:
    """(first token, end token, value, vague) of the number phrase starting at ``token``."""
    end = token.i + 1
    while end < len(doc):
        if _is_number_word(doc[end], lex):
            end += 1
            continue
        joiner = doc[end].lower_
        follower = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if follower in lex.numbers and (
            joiner == "-"  # "twenty - five"
            or (joiner == "and" and lex.numbers[follower][0] == "unit")  # "hundred and fifty"
            or (joiner == "of" and lex.numbers[follower][0] != "unit")  # "tens of thousands"
        ):
            end += 2
            continue
        break
    start = token.i
    if start > 0 and doc[start - 1].lower_ in {"a", "an"}:
        start -= 1  # "a dozen", "a few", "a hundred"
    tokens = doc[start:end]
    if any(t.ent_type_ in _NOT_COUNTS for t in tokens):
        return None
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and (after.text in {"-", "%", "–"} or after.lower_ in _NOT_COUNT_NEXT):
        return None  # "12-year-old", "30%", "30 per cent"
    if before is not None and (
        before.text in {"-", "$", "€", "£", "#", "No."} or before.is_currency
    ):
        return None  # "F-16", "$5 million"
    words = [
        w for t in tokens for w in t.lower_.split("-") if w and w not in {"and", "of", "a", "an"}
    ]
    if not words:
        return None
    value = _value(words, lex)
    if value is None or value <= 0:
        return None
    if (
        len(words) == 1
        and _DIGITS.match(words[0])
        and 1900 <= value <= 2100
        and "," not in words[0]
    ):
        return None  # a year
    return start, end, value, any(w in lex.vague for w in words)


def _value(words: Sequence[str], lex: Lexicon) -> int | None:
    total, current = 0.0, 0.0
    for word in words:
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
            continue
        kind, value = lex.numbers[word]
        if kind == "unit":
            current += value
        elif kind == "scale":
            current = (current or 1) * value
        else:
            total, current = total + (current or 1) * value, 0.0
    return round(total + current)


def _span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of the number phrase whose head lies outside it."""
    inside = range(start, end)
    for token in doc[start:end]:
        outside = token.head.i not in inside or token.head.i == token.i
        if outside and token.lower_ not in {"a", "an"}:
            return token
    return doc[end - 1]


def _qualifier(doc: Doc, start: int, lex: Lexicon) -> tuple[int, str | None]:
    """The qualifier just before the number ("at least 30"), if any, and where it starts."""
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start - width : start])
        if phrase in lex.qualifiers:
            return start - width, lex.qualifiers[phrase]
    return start, None


def _reading(head: Token, lex: Lexicon) -> tuple[str, Token, Token, Token | None, str] | None:
    """What the number counts: (kind, anchor, argument, counted noun, rule), or None."""
    cues = lex.cues
    # The counted noun: "12 people" (nummod), "dozens of people" / "two of its members" (of).
    if head.dep_ in {"nummod", "amod", "quantmod"} and head.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        counted: Token | None = head.head
        argument = head.head
    else:
        argument = head
        pobj = next(
            (
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        counted = pobj
    if any(t is not None and t.pos_ == "PROPN" and t.i < head.i for t in (argument, counted)):
        return None  # "Resolution 2254", "Brigade 77" (but "12 Christians" is a count)
    noun = counted or argument
    lemma = noun.lemma_.lower()
    if lemma in cues["fatal-noun"] or noun.lower_ == "dead":
        return "fatalities", noun, argument, counted, "count:dead"
    if lemma in cues["injury-noun"] or noun.lower_ in {"wounded", "injured", "hurt"}:
        return "injured", noun, argument, counted, "count:injured"
    for child in noun.children:  # "12 people killed in the blast", "residents wounded"
        if child.dep_ in {"acl", "amod"} and child.tag_ == "VBN":
            found = _verb_kind(child.lemma_.lower(), cues)
            if found:
                return found, child, argument, counted, f"participle:{child.lemma_.lower()}"
    after = _verb_after(noun, cues)  # "... and eight people were wounded" (misattached)
    if after is not None:
        return after[0], after[1], argument, counted, f"subject:{after[1].lemma_.lower()}"
    state = _state_word(argument)  # "leaving three militants and one officer dead"
    if state is not None:
        kind = "fatalities" if state.lower_ == "dead" else "injured"
        return kind, state.head, argument, counted, f"left:{state.lower_}"
    subject = argument
    while subject.dep_ == "conj" and subject.head.pos_ in {"NOUN", "NUM", "PRON"}:
        subject = subject.head  # "killed two soldiers and three civilians"
    role, predicate = subject.dep_, subject.head
    if role == "pobj" and predicate.dep_ == "prep":
        prep, owner = predicate, predicate.head
        if owner.lemma_.lower() in cues["toll-noun"] or (
            owner.pos_ in {"VERB", "AUX"} and _has_toll_subject(owner, cues)
        ):
            return "fatalities", owner, argument, counted, f"toll:{prep.lower_}"
        if prep.lower_ == "of" and owner.lemma_.lower() in cues["gathering-noun"]:
            return "size", owner, argument, counted, f"gathering:{owner.lemma_.lower()}"
        return _size(noun, owner, argument, counted, lex, via_prep=True)
    if role in {"dobj", "attr"} and _has_toll_subject(predicate, cues):
        return "fatalities", predicate, argument, counted, "toll:reached"
    verb = predicate.lemma_.lower()
    if role in {"nsubj", "nsubjpass"}:  # "80 villagers were reported to have been killed"
        raised = next((c for c in predicate.children if c.dep_ in {"xcomp", "oprd"}), None)
        found = _verb_kind(raised.lemma_.lower(), cues) if raised is not None else None
        if raised is not None and found:
            return found, raised, argument, counted, f"raised:{raised.lemma_.lower()}"
    passive = role == "nsubjpass" or (role == "nsubj" and predicate.tag_ == "VBN")
    if role == "dobj" and noun.lemma_.lower() == "life" and verb in cues["lives-verb"]:
        return "fatalities", predicate, argument, counted, f"lives:{verb}"
    if (
        role == "dobj"
        and verb in cues["loss-verb"]
        and (lemma in cues["group-noun"] or lemma in cues["people-noun"] or lemma == "man")
    ):
        return "fatalities", predicate, argument, counted, f"lost:{lemma}"
    if (role == "dobj" or passive) and _fatal_manner(predicate):
        return "fatalities", predicate, argument, counted, f"fatally:{verb}"
    if role == "dobj" or passive:
        if verb in cues["fatal-verb"] or (verb == "shoot" and _has_child(predicate, "dead")):
            return "fatalities", predicate, argument, counted, f"object:{verb}"
        if verb in cues["injury-verb"]:
            return "injured", predicate, argument, counted, f"object:{verb}"
    if role == "nsubj" and verb in cues["fatal-intransitive"]:
        return "fatalities", predicate, argument, counted, f"subject:{verb}"
    if role == "nsubj" and verb == "lose" and _has_child(predicate, "lives"):
        return "fatalities", predicate, argument, counted, "subject:lost-lives"
    if role == "nsubj" and predicate.lower_ in {"dead", "wounded", "injured"}:
        kind = "fatalities" if predicate.lower_ == "dead" else "injured"
        return kind, predicate, argument, counted, f"subject:{predicate.lower_}"
    if role in {"nsubj", "npadvmod"} and predicate.tag_ == "VBN":  # "several hundred injured"
        found = _verb_kind(verb, cues)
        if found:
            return found, predicate, argument, counted, f"object:{verb}"
    if role in {"conj"} and predicate.pos_ == "VERB":  # "killed and four wounded"
        found = _verb_kind(verb, cues)
        if found and argument.i > predicate.i:
            return found, predicate, argument, counted, f"coordinated:{verb}"
    if role == "nsubj" and predicate.pos_ in {"ADJ", "VERB"}:
        for child in predicate.children:  # "four (were) wounded" parsed under a conjunct
            if child.dep_ in {"acomp", "oprd"} and child.lower_ in {"dead", "wounded", "injured"}:
                kind = "fatalities" if child.lower_ == "dead" else "injured"
                return kind, predicate, argument, counted, f"subject:{child.lower_}"
    return _size(noun, predicate, argument, counted, lex, via_prep=False)


def _size(
    noun: Token,
    predicate: Token,
    argument: Token,
    counted: Token | None,
    lex: Lexicon,
    via_prep: bool,
) -> tuple[str, Token, Token, Token | None, str] | None:
    cues = lex.cues
    lemma, verb = noun.lemma_.lower(), predicate.lemma_.lower()
    if verb in cues["non-size-verb"] or _verb_kind(verb, cues):
        return None
    role = argument.dep_
    if role in {"dobj", "nsubjpass"} and verb not in cues["deploy-verb"]:
        return None  # "gunmen shot two soldiers": a target, not a force
    if lemma in cues["group-noun"]:
        return "size", predicate, argument, counted, f"group:{lemma}"
    if lemma in cues["people-noun"] and verb in cues["gather-verb"] and not via_prep:
        return "size", predicate, argument, counted, f"gathered:{verb}"
    return None


def _verb_kind(lemma: str, cues: dict[str, frozenset[str]]) -> str | None:
    if lemma in cues["fatal-verb"] or lemma in cues["fatal-intransitive"]:
        return "fatalities"
    if lemma in cues["injury-verb"]:
        return "injured"
    return None


def _verb_after(noun: Token, cues: dict[str, frozenset[str]]) -> tuple[str, Token] | None:
    """A subject followed by its passive verb ("eight people were wounded"), whatever the parse
    attached the noun to."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].dep_ not in {"auxpass", "aux"}:
        return None
    verb = doc[noun.i + 1].head
    if verb.tag_ != "VBN" or verb.i <= noun.i:
        return None
    if _fatal_manner(verb) or (verb.lemma_.lower() == "shoot" and _has_child(verb, "dead")):
        return "fatalities", verb
    found = _verb_kind(verb.lemma_.lower(), cues)
    return (found, verb) if found else None


def _state_word(argument: Token) -> Token | None:
    """ "dead" / "wounded" said of a counted phrase or of its coordination ("leaving three
    militants and one officer dead", "left at least twelve people dead")."""
    first = argument
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    group = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ in {"NOUN", "NUM"})]
    if first.dep_ == "dobj":
        group.append(first.head)
    for member in group:
        for child in member.children:
            later = child.dep_ in {"amod", "oprd", "acomp"} and child.i > member.i
            if later and child.lower_ in {"dead", "wounded", "injured"}:
                return child
    return None


def _fatal_manner(verb: Token) -> bool:
    """ "fatally shot", "mortally wounded", "stabbed to death"."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in {"fatally", "mortally"}:
            return True
        to_death = child.dep_ == "prep" and child.lower_ == "to"
        if to_death and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _has_child(token: Token, word: str) -> bool:
    return any(c.lower_ == word for c in token.children)


def _has_toll_subject(verb: Token, cues: dict[str, frozenset[str]]) -> bool:
    """ "the toll rose to 45", "officials put the toll at 19"."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in cues["toll-noun"]
        for c in verb.children
    )


def _cumulative(anchor: Token, argument: Token, lex: Lexicon) -> bool:
    """A running total rather than one event's toll: "since 2011", "so far", "the war has
    killed", "the toll of the conflict"."""
    nodes = [anchor, argument]
    if anchor.pos_ == "NOUN":
        nodes.append(anchor.head)
    if anchor.dep_ == "relcl" and anchor.head.lemma_.lower() in lex.cues["cumulative-noun"]:
        return True  # "the war, which has killed more than 500,000 people"
    for node in nodes:
        for child in node.children:
            words = " ".join(t.lower_ for t in child.subtree)
            if child.lower_ == "since" or any(
                words == r or words.startswith(r + " ") for r in _RUNNING - {"since"}
            ):
                return True
            if child.dep_ in {"nsubj", "agent"} or (
                child.dep_ == "prep" and child.lower_ in _TOTAL_PREPS
            ):
                inner = [child, *(g for g in child.children if g.dep_ == "pobj")]
                if any(t.lemma_.lower() in lex.cues["cumulative-noun"] for t in inner):
                    return True
    return False
