"""The conflict-cooperation score of an event: a documented weighting of PLOVER type and mode."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from dyad.article import PLOVER_TYPES
from dyad.datafiles import DataFileError, read_fields

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "trends" / "weights.tsv"
SIZED_TYPES = frozenset({"PROTEST", "MOBILIZE"})  # where the number of people is the event's scale


class WeightsError(DataFileError):
    """A bad line in the weights file (names the file and line)."""


@dataclass(frozen=True)
class Scale:
    by_type: dict[str, float]
    by_mode: dict[tuple[str, str], float]

    def weight(self, event_type: str, mode: str | None = None) -> float:
        """-10 (most conflictual) .. +10 (most cooperative)."""
        if mode and (event_type, mode) in self.by_mode:
            return self.by_mode[(event_type, mode)]
        return self.by_type.get(event_type, 0.0)

    def score(
        self,
        event_type: str,
        mode: str | None = None,
        fatalities: int | None = None,
        size: int | None = None,
    ) -> float:
        """The event's weight, made stronger by what the text reports of it: a conflict event
        with N deaths counts 1 + log10(1 + N) times (10 deaths: about twice, 100: three times);
        a protest or mobilisation of S people or troops counts 1 + log10(1 + S / 1000) / 2
        times (a crowd of 1,000: 1.15, of 100,000: about twice). The log keeps one mass-casualty
        report from outweighing a whole series of events."""
        base = self.weight(event_type, mode)
        if base >= 0:
            return base
        if fatalities and fatalities > 0:
            base *= 1 + math.log10(1 + fatalities)
        if size and size > 0 and event_type in SIZED_TYPES:
            base *= 1 + math.log10(1 + size / 1000) / 2
        return base


def load_scale(path: Path = WEIGHTS_FILE) -> Scale:
    by_type: dict[str, float] = {}
    by_mode: dict[tuple[str, str], float] = {}
    for number, cols in read_fields(path, WeightsError):
        if len(cols) < 3 or cols[0] not in PLOVER_TYPES:
            raise WeightsError(path, number, "want event_type, mode, weight, note")
        try:
            weight = float(cols[2])
        except ValueError:
            raise WeightsError(path, number, f"weight {cols[2]!r} is not a number") from None
        if not -10.0 <= weight <= 10.0:
            raise WeightsError(path, number, "weight must lie in -10..10")
        if cols[1].strip():
            by_mode[(cols[0], cols[1].strip())] = weight
        else:
            by_type[cols[0]] = weight
    missing = set(PLOVER_TYPES) - set(by_type)
    if missing:
        raise WeightsError(path, 0, f"no weight for {', '.join(sorted(missing))}")
    return Scale(by_type, by_mode)


@functools.cache
def default_scale() -> Scale:
    return load_scale()
