"""The CAMEO <-> PLOVER conversion table (PLOVER's CAMEO2PLOVER-2021.txt) and CAMEO class helpers.

The table is read from the path given (it lives in ../shared/reference and is not copied into
dyad). Lines look like ``0356: AGREE,  ,   military # Express intent ...`` (code: type, mode,
contexts # description) and root lines like ``03: AGREE``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.article import PLOVER_TYPES
from dyad.datafiles import DataFileError

_LINE = re.compile(r"^(?P<code>\d{2,4})\s*:\s*(?P<body>.*)$")

# CAMEO root -> PentaClass (0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict,
# 4 material conflict). Read off ConfliBERT's cameo_class test file, which lists the CAMEO-manual
# examples in code order: appeals (02) are labelled 0 and the whole "reduce relations" block (16)
# is labelled 3; the multi-rater tool's labels say the same ("0-2 Appeal", "3-16 Reduce
# Relations", "3-9 Investigate"). The README's "1 = [02-05]" is only "inferred" and disagrees.
_PENTACLASS_BY_ROOT: dict[int, int] = {
    **dict.fromkeys((1, 2), 0),
    **dict.fromkeys((3, 4, 5), 1),
    **dict.fromkeys((6, 7, 8), 2),
    **dict.fromkeys((9, 10, 11, 12, 13, 16), 3),
    **dict.fromkeys((14, 15, 17, 18, 19, 20), 4),
}

PENTACLASS_NAMES: tuple[str, ...] = (
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)


class CameoTableError(DataFileError):
    """A line of the conversion table that cannot be read."""


@dataclass(frozen=True)
class CameoMapping:
    """One CAMEO code and the PLOVER type, mode and contexts it converts to."""

    cameo: str
    plover_type: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str


def _parse_line(path: Path, number: int, line: str) -> CameoMapping | None:
    text = line.strip()
    if not text or text.startswith(("#", "~")):
        return None
    match = _LINE.match(text)
    if match is None:
        raise CameoTableError(path, number, f"expected 'CODE: TYPE, mode, contexts', got {text!r}")
    body, _, description = match["body"].partition("#")
    fields = [field.strip() for field in body.split(",")]
    if len(fields) > 3:
        raise CameoTableError(path, number, f"more than three comma-separated fields: {body!r}")
    fields += [""] * (3 - len(fields))
    plover_type, mode, contexts = fields
    if plover_type not in PLOVER_TYPES:
        raise CameoTableError(path, number, f"unknown PLOVER type {plover_type!r}")
    return CameoMapping(
        cameo=match["code"],
        plover_type=plover_type,
        mode=mode or None,
        contexts=tuple(c.strip() for c in contexts.split(";") if c.strip()),
        description=description.strip(),
    )


@cache
def _load(path: Path) -> dict[str, CameoMapping]:
    table: dict[str, CameoMapping] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        mapping = _parse_line(path, number, line)
        # The file repeats a few codes ("08: CONCEDE" then "08: RETREAT", 175 twice): the first
        # wins, which keeps root 08 on CONCEDE like its generic code 080.
        if mapping is not None and mapping.cameo not in table:
            table[mapping.cameo] = mapping
    if not table:
        raise CameoTableError(path, len(lines), "no CAMEO codes found")
    return table


def load_cameo_plover(path: str | Path) -> dict[str, CameoMapping]:
    """CAMEO code (root "03" and full "0356") -> its PLOVER mapping; read once per path."""
    return dict(_load(Path(path).resolve()))


def cameo_root(code: str) -> str:
    """The two-digit CAMEO root of an event code ("1956" -> "19")."""
    root = code.strip()[:2]
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return root


def plover_for_cameo(code: str, table: Mapping[str, CameoMapping]) -> CameoMapping | None:
    """The mapping of ``code`` or of its longest listed prefix ("1956" -> "195"); None if none."""
    code = code.strip()
    for length in range(len(code), 1, -1):
        mapping = table.get(code[:length])
        if mapping is not None:
            return mapping
    return None


def pentaclass_for_cameo(code: str) -> int:
    """ConfliBERT's PentaClass of a CAMEO code (see ``_PENTACLASS_BY_ROOT``)."""
    return _PENTACLASS_BY_ROOT[int(cameo_root(code))]


def _codes_of_type(table: Mapping[str, CameoMapping], event_type: str) -> list[CameoMapping]:
    return [m for m in table.values() if m.plover_type == event_type and len(m.cameo) > 2]


def pentaclass_for_plover(
    event_type: str, mode: str | None, table: Mapping[str, CameoMapping]
) -> int:
    """PentaClass of a PLOVER type: the majority class of the CAMEO codes mapping to it.

    Codes with the same mode are used when the table has any; ties go to the lower class.
    """
    candidates = _codes_of_type(table, event_type)
    if not candidates:
        raise ValueError(f"no CAMEO code maps to PLOVER type {event_type!r}")
    same_mode = [m for m in candidates if mode is not None and m.mode == mode]
    votes = Counter(pentaclass_for_cameo(m.cameo) for m in same_mode or candidates)
    return min(votes, key=lambda cls: (-votes[cls], cls))


def _type_root(table: Mapping[str, CameoMapping], event_type: str) -> str | None:
    # Some types span several roots (ACCUSE: 09 and 11); the root holding most of its codes wins.
    roots = Counter(m.cameo[:2] for m in _codes_of_type(table, event_type))
    if not roots:
        return None
    return min(roots, key=lambda root: (-roots[root], root))


def cameo_for_plover(
    event_type: str,
    mode: str | None,
    context: str | None,
    table: Mapping[str, CameoMapping],
) -> str | None:
    """The CAMEO code for a PLOVER type + mode (+ context), else the type's two-digit root.

    Among codes with the type and the same mode (None matches codes without a mode), those listing
    ``context`` are preferred; then the shortest code, a generic "..0" code, and table order.
    """
    same_mode = [m for m in _codes_of_type(table, event_type) if m.mode == mode]
    if not same_mode:
        return _type_root(table, event_type)
    with_context = [m for m in same_mode if context is not None and context in m.contexts]
    pool = with_context or same_mode
    order = {m.cameo: i for i, m in enumerate(table.values())}

    def preference(m: CameoMapping) -> tuple[int, bool, bool, int]:
        return len(m.cameo), not m.cameo.endswith("0"), bool(m.contexts), order[m.cameo]

    return min(pool, key=preference).cameo
