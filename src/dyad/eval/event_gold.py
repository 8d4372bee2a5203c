"""Readers for the event gold sets under ../shared/eval/events, as GoldSentence values.

Every reader takes its dataset folder; nothing is copied into dyad. Event types are PLOVER (2021,
16 types); sets coded in CAMEO are converted with the CAMEO2PLOVER table (``cameo_plover``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class GoldActor:
    """A gold source or target: its span (when the set gives one) and its country + sector."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # the code as written in the set ("SYRMIL", "HUN/GOV")


@dataclass(frozen=True)
class GoldEvent:
    """One gold event. ``event_type`` is None where the set has no PLOVER type for it."""

    event_type: str | None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    cameo: str | None = None
    source: GoldActor | None = None
    target: GoldActor | None = None
    pentaclass: int | None = None
    trigger_text: str | None = None
    sources: tuple[GoldActor, ...] = ()  # every source actor (compound actors); source = first
    targets: tuple[GoldActor, ...] = ()
    reciprocal: bool = False  # actors act on each other (PLOVER GSR "SRC/TAR", ConfliBERT "R")
    original_label: str | None = None  # label as written before mapping ("DEMAND", "FIGHT/other")


@dataclass(frozen=True)
class GoldSentence:
    sent_id: str
    text: str
    events: list[GoldEvent]
    split_key: str


class GoldFormatError(ValueError):
    """A gold file that does not have the expected layout."""

    def __init__(self, path: Path, where: str, reason: str) -> None:
        super().__init__(f"{path}:{where}: {reason}")


# --- dev/test split --------------------------------------------------------------------------


def split_key_for(text: str) -> str:
    """Letters and digits of the case-folded text: the same sentence in two sets gets one key."""
    folded = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold()
    return re.sub(r"[\W_]+", "", folded)


def split_of(key: str) -> Literal["dev", "test"]:
    """'dev' or 'test', 50/50 by a hash of the key (readers key on the normalised sentence)."""
    return "dev" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def dev_test_split(
    sentences: Iterable[GoldSentence],
) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """(dev, test). Rules are written looking at dev only; test figures are reported as such."""
    dev: list[GoldSentence] = []
    test: list[GoldSentence] = []
    for sentence in sentences:
        (dev if split_of(sentence.split_key) == "dev" else test).append(sentence)
    return dev, test


def gold_sentence(sent_id: str, text: str, events: list[GoldEvent]) -> GoldSentence:
    """A GoldSentence keyed for the dev/test split by its normalised text."""
    return GoldSentence(sent_id, text, events, split_key_for(text))


# --- actor codes -----------------------------------------------------------------------------

# Primary role codes of CAMEO/Phoenix agents: the first of these in a composite code is the sector.
_SECTOR_CODES = "GOV MIL REB OPP PTY COP JUD SPY IGO NGO IMG MNC MED EDU BUS CRM CVL REF HLH LEG"
SECTORS = frozenset(
    f"{_SECTOR_CODES} ELI LAB AGR UAF DEV ENV HRI MOD RAD REL INS SEP PPL".split(" ")
)
# Codes that stand in the country slot but are not states.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM"})
_PHOENIX_SECTOR_ALIASES = {"CIV": "CVL"}
# PLOVER's agent codes (ngec PLOVER_agents.txt): MED is medical (DOCTOR), JRN is journalist;
# dyad follows Phoenix, where medical is HLH and media MED.
_SECTOR_ALIASES = {"CIV": "CVL", "MED": "HLH", "JRN": "MED"}
_COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # non-ISO codes in the PLOVER GSR


def split_phoenix_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a Phoenix code: "SYRMIL" -> (SYR, MIL), "IGOUNO" -> (None, IGO).

    "---" stands for an unknown country; the sector is the first primary role after the country
    ("USAGOVMIL" -> GOV, "PSEGZACVL" -> CVL, "PSEGZA" -> None).
    """
    code = code.strip().upper()
    head, rest = code[:3], code[3:]
    if head in NON_STATE:
        return None, head
    country = None if head in ("", "---") or not head.isalpha() else head
    for i in range(0, len(rest) - 2, 3):
        chunk = _PHOENIX_SECTOR_ALIASES.get(rest[i : i + 3], rest[i : i + 3])
        if chunk in SECTORS:
            return country, chunk
    return country, None


# --- PLOVER GSR ------------------------------------------------------------------------------

# PLOVER 0.5b1 labels -> the 16 types (../shared/eval/README.md).
GSR_TYPES = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}
# 0.5b1 modes renamed in the 2021 table (PROTEST hunger/boycott/demo/riot, CONSULT "Host a
# visit" = visit, COERCE seize/arrest); other modes are kept as written.
GSR_MODES = {
    "strike-hun": "hunger",
    "strike-gen": "boycott",
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "host": "visit",
    "confiscate": "seize",
    "destroy": "seize",
    "detain": "arrest",
}


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    """Character span of ``phrase`` in ``text``: exact, else whitespace-tolerant with "..." gaps."""
    phrase = phrase.strip()
    start = text.find(phrase)
    if start >= 0:
        return start, start + len(phrase)
    parts = [p for p in re.split(r"\s*\.{2,}\s*", phrase) if p]
    if not parts:
        return None
    pattern = r".*?".join(r"\s+".join(map(re.escape, part.split())) for part in parts)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def _gsr_actor(text: str, raw: Mapping[str, str]) -> GoldActor:
    code = (raw.get("code") or "").strip().upper()
    sector_raw = (raw.get("sector") or "").strip()
    role = _SECTOR_ALIASES.get(sector_raw[:3].upper(), sector_raw[:3].upper())
    country: str | None = code if len(code) == 3 and code.isalpha() else None
    country = _COUNTRY_ALIASES.get(country or "", country)
    sector: str | None = role if role in SECTORS else None
    if code in NON_STATE:  # "IGO" + "REF" (a UN relief office) is an IGO, like Phoenix codes
        country, sector = None, code
    phrase = raw.get("actorText") or ""
    span = locate(text, phrase) if phrase.strip() else None
    return GoldActor(
        text=text[span[0] : span[1]] if span else phrase.strip() or None,
        start=span[0] if span else None,
        end=span[1] if span else None,
        country=country,
        sector=sector,
        code=f"{code}/{sector_raw}" if sector_raw else code or None,
    )


def _gsr_actors(text: str, value: object) -> tuple[GoldActor, ...]:
    # Empty fields are "" or a stray string ("diplomatic" in AGREE-0007); only lists hold actors.
    if not isinstance(value, list):
        return ()
    return tuple(_gsr_actor(text, raw) for raw in value if isinstance(raw, dict))


def _markup(text_info: object) -> str:
    # One record (INVESTIGATE-0002) has the markup string itself instead of {"markup": ...}.
    if isinstance(text_info, dict):
        return str(text_info.get("markup", ""))
    return text_info if isinstance(text_info, str) else ""


def read_plover_gsr(folder: str | Path) -> list[GoldSentence]:
    """The 322 PLOVER GSR sentences (one event each), labels mapped to the 16 PLOVER types."""
    path = Path(folder) / "PLOVER_GSR_CAMEO.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    sentences = []
    seen: dict[str, int] = {}
    for record in records:
        label = record.get("event")
        if label == "DOCUMENT":
            continue
        if "text" not in record or not label:
            raise GoldFormatError(path, str(record.get("id")), "record without text or event")
        event_type, forced_mode = GSR_TYPES.get(label, (label, None))
        raw_mode = (record.get("mode") or "").strip() or None
        mode = forced_mode or GSR_MODES.get(raw_mode or "", raw_mode)
        text = record["text"]
        sources = _gsr_actors(text, record.get("source"))
        targets = _gsr_actors(text, record.get("target"))
        context = record.get("context") or ""
        event = GoldEvent(
            event_type=event_type,
            mode=mode,
            contexts=tuple(c.strip() for c in context.split(",") if c.strip()),
            source=sources[0] if sources else None,
            target=targets[0] if targets else None,
            pentaclass=pentaclass_for_gsr(label),
            trigger_text=record.get("eventText"),
            sources=sources,
            targets=targets,
            reciprocal="SRC/TAR:" in _markup(record.get("textInfo")),
            original_label=f"{label}/{raw_mode}" if raw_mode else label,
        )
        # The file uses COERCE-0004 twice; later repeats get "#2", "#3" so ids stay keys.
        seen[record["id"]] = seen.get(record["id"], 0) + 1
        sent_id = record["id"] + (f"#{seen[record['id']]}" if seen[record["id"]] > 1 else "")
        sentences.append(gold_sentence(sent_id, text, [event]))
    return sentences


# PentaClass of the 0.5b1 labels, from the CAMEO roots they came from: CONCEDE/RETREAT are 08,
# DISAPPROVE 11, INVESTIGATE 09, SANCTION 16 (ConfliBERT labels these sentences the same way).
_GSR_PENTACLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "CONCEDE", "RETREAT"), 2),
    **dict.fromkeys(("DEMAND", "DISAPPROVE", "INVESTIGATE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
}


def pentaclass_for_gsr(label: str) -> int | None:
    """PentaClass of a PLOVER 0.5b1 GSR label (None for an unknown label)."""
    return _GSR_PENTACLASS.get(label)
