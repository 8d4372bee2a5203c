"""Event patterns, light verbs and intent modes: loaded once from data/events and validated."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.article import PLOVER_TYPES
from dyad.datafiles import DataFileError, read_fields

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
KNOWN_SLOTS = {"dobj", "dative"}
# A pattern typed NONE names a sense of the verb that is no event ("mobilized voters",
# "released a statement"): it wins over the verb's bare pattern and codes nothing.
NO_EVENT = "NONE"


class PatternDataError(DataFileError):
    """A bad line in an event data file; the message names the file and line."""


@dataclass(frozen=True)
class EventPattern:
    """One trigger pattern: a verb (with particle/object) or a noun (with modifier)."""

    rule_id: str
    kind: str  # "v" or "n"
    lemma: str
    particle: str | None
    objects: frozenset[str]
    modifier: str | None
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    targets: tuple[str, ...]
    symmetric: bool
    intent_type: str | None
    recipient: bool = False  # "X received aid from Y": the subject is the target, "from" the source
    needs_clause: bool = False  # "claimed that ...": only with a that-clause (">@clause")

    @property
    def plain(self) -> bool:
        """No particle, object or clause: the verb alone ("attacked")."""
        return not (self.particle or self.objects or self.needs_clause)

    @property
    def via_kin(self) -> bool:
        """A pattern lent to a verb it does not name, through their WordNet kinship."""
        return "+wordnet:" in self.rule_id

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particle) + bool(self.modifier)


@dataclass(frozen=True)
class IntentMode:
    mode: str | None
    context: str | None
    cameo: str


@dataclass(frozen=True)
class PatternBook:
    """All event knowledge, indexed for lookup by a token's lemma."""

    verbs: dict[str, tuple[EventPattern, ...]]
    nouns: dict[str, tuple[EventPattern, ...]]
    light_verbs: frozenset[str]
    intent_modes: dict[tuple[str, str], IntentMode]
    version: str
    weapon_modes: dict[str, IntentMode] | None = None  # weapon lemma -> ASSAULT mode and code
    # verbs no pattern names, typed through their WordNet kin (extract/verb_kin.py)
    kin_aliases: dict[str, tuple[EventPattern, ...]] = field(default_factory=dict)


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    return list(read_fields(path, PatternDataError))


def _parse_trigger(
    path: Path, line: int, trigger: str
) -> tuple[str, str, str | None, frozenset[str], str | None]:
    kind, sep, rest = trigger.partition(":")
    if not sep or kind not in {"v", "n"} or not rest.strip():
        raise PatternDataError(path, line, f"trigger {trigger!r} must start with 'v:' or 'n:'")
    objects: frozenset[str] = frozenset()
    if ">" in rest:
        rest, _, obj = rest.partition(">")
        objects = frozenset(o.strip().lower() for o in obj.split("|") if o.strip())
        if not objects or kind != "v":
            raise PatternDataError(
                path, line, "'>OBJECT' is only for verb triggers and needs a lemma"
            )
    words = rest.lower().split()
    if kind == "v":
        return kind, words[0], " ".join(words[1:]) or None, objects, None
    return kind, words[-1], None, objects, " ".join(words[:-1]) or None


def _parse_pattern(path: Path, line: int, cols: list[str]) -> EventPattern:
    if len(cols) < 6:
        raise PatternDataError(
            path, line, f"expected at least 6 tab-separated columns, got {len(cols)}"
        )
    cols = cols + [""] * (7 - len(cols))
    trigger, event_type, mode, context, cameo, targets, flags = (c.strip() for c in cols[:7])
    if event_type not in PLOVER_TYPES and event_type != NO_EVENT:
        raise PatternDataError(path, line, f"unknown PLOVER type {event_type!r}")
    if cameo and not cameo.isdigit():
        raise PatternDataError(path, line, f"CAMEO code {cameo!r} must be digits")
    kind, lemma, particle, objects, modifier = _parse_trigger(path, line, trigger)
    slots = tuple(s.strip() for s in targets.split(",") if s.strip())
    for slot in slots:
        if slot not in KNOWN_SLOTS and not slot.isalpha():
            raise PatternDataError(path, line, f"bad target slot {slot!r}")
    flag_set = {f.strip() for f in flags.split(",") if f.strip()}
    intent = None
    for flag in flag_set:
        if flag.startswith("intent:"):
            intent = flag.split(":", 1)[1]
            if intent not in PLOVER_TYPES:
                raise PatternDataError(path, line, f"unknown intent type {intent!r}")
        elif flag not in {"sym", "recv"}:
            raise PatternDataError(path, line, f"unknown flag {flag!r}")
    return EventPattern(
        rule_id=f"{path.stem}:{line}",
        kind=kind,
        lemma=lemma,
        particle=particle,
        objects=objects,
        modifier=modifier,
        event_type=event_type,
        mode=mode or None,
        contexts=tuple(c.strip() for c in context.split(";") if c.strip()),
        cameo=cameo or None,
        targets=slots,
        symmetric="sym" in flag_set,
        recipient="recv" in flag_set,
        needs_clause="@clause" in objects,
        intent_type=intent,
    )


def load_pattern_book(data_dir: Path = DATA_DIR) -> PatternBook:
    """Read and validate patterns.tsv, light_verbs.txt, intent_modes.tsv, weapon_modes.tsv and
    kin_verbs.tsv."""
    verbs: dict[str, list[EventPattern]] = defaultdict(list)
    nouns: dict[str, list[EventPattern]] = defaultdict(list)
    path = data_dir / "patterns.tsv"
    for line, cols in _rows(path):
        pattern = _parse_pattern(path, line, cols)
        (verbs if pattern.kind == "v" else nouns)[pattern.lemma].append(pattern)
    light_path = data_dir / "light_verbs.txt"
    light = frozenset(" ".join(cols[0].split()) for _, cols in _rows(light_path))
    modes: dict[tuple[str, str], IntentMode] = {}
    mode_path = data_dir / "intent_modes.tsv"
    for line, cols in _rows(mode_path):
        if len(cols) != 5 or cols[0] not in PLOVER_TYPES or not cols[4].strip().isdigit():
            raise PatternDataError(mode_path, line, "want: outer_type, inner, mode, context, cameo")
        modes[(cols[0], cols[1].strip().lower())] = IntentMode(
            cols[2].strip() or None, cols[3].strip() or None, cols[4].strip()
        )
    weapons: dict[str, IntentMode] = {}
    weapon_path = data_dir / "weapon_modes.tsv"
    for line, cols in _rows(weapon_path):
        if len(cols) != 3 or not cols[2].strip().isdigit():
            raise PatternDataError(weapon_path, line, "want: lemma, mode, cameo")
        weapons.setdefault(
            cols[0].strip().lower(), IntentMode(cols[1].strip(), None, cols[2].strip())
        )
    sorted_verbs = {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in verbs.items()}
    kin_path = data_dir / "kin_verbs.tsv"  # optional: without it, only named verbs are typed
    return PatternBook(
        verbs=sorted_verbs,
        kin_aliases=_kin_aliases(kin_path, sorted_verbs) if kin_path.exists() else {},
        nouns={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in nouns.items()},
        light_verbs=light,
        intent_modes=modes,
        weapon_modes=weapons,
        version=f"rules:{sum(map(len, verbs.values())) + sum(map(len, nouns.values()))}",
    )


@functools.cache
def default_pattern_book() -> PatternBook:
    """The patterns shipped with dyad, loaded once per process."""
    return load_pattern_book()


def _kin_aliases(
    path: Path, verbs: dict[str, tuple[EventPattern, ...]]
) -> dict[str, tuple[EventPattern, ...]]:
    """kin_verbs.tsv (written by extract/verb_kin.py): each alias takes its kin's patterns."""
    aliases: dict[str, tuple[EventPattern, ...]] = {}
    for line, cols in _rows(path):
        if len(cols) != 4:
            raise PatternDataError(path, line, "want: alias, kin, type, WordNet sense")
        alias, kin = cols[0].strip(), cols[1].strip()
        if kin not in verbs:
            raise PatternDataError(
                path, line, f"kin verb {kin!r} has no pattern: run python -m dyad.extract.verb_kin"
            )
        aliases[alias] = tuple(
            replace(p, lemma=alias, rule_id=f"{p.rule_id}+wordnet:{alias}~{kin}")
            for p in verbs[kin]
        )
    return aliases


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
    if lower.startswith("re") and token.lemma_.lower() == lower:
        # "retook": the lemmatizer knows "took" but not the prefixed form
        forms += ["re" + base for base in _irregular_verbs().get(lower[2:], ())]
    return list(dict.fromkeys(forms))


@functools.cache
def _irregular_verbs() -> dict[str, list[str]]:
    """The parser's own table of irregular verb forms ("took" -> "take")."""
    from dyad.nlp.model import load_nlp

    lemmatizer = load_nlp().get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_exc")  # type: ignore[attr-defined]
    return dict(table.get("verb", {}))
