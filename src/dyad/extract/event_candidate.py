"""An event found in the parse: token indices into the Doc, before actors are resolved."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventCandidate:
    """An event found in the parse, as token indices into the Doc (no spaCy objects kept)."""

    trigger_start: int
    trigger_end: int  # exclusive token index
    clause_head: int  # token whose clause governs the event's time and place
    source: int | None
    target: int | None
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    reciprocal: bool
    confidence: float
    rule: str
    note: str = ""
    # Further places the target may be named, best first ("to Britain", "from the rebels", the
    # subject of "allowed X to ..."); the resolver keeps the first that names an actor.
    target_options: tuple[int, ...] = ()
