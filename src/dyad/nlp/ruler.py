"""Entity-ruler patterns from dyad's own lists, so "Sheikh Maqsoud" is a place and "SDF" an ORG."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH

# The tokenizer splits "de-escalate" into three tokens; keep such words whole so that patterns
# and lemmas see them ("urged all parties to de-escalate" -> REQUEST, mode yield).
WHOLE_WORDS = (
    "de-escalate", "de-escalated", "de-escalating", "de-escalation", "cease-fire", "ceasefire",
    "counter-offensive", "counter-attack", "re-election", "sit-in", "walk-out",
)  # fmt: skip


def entity_patterns() -> Iterator[dict[str, object]]:
    """Phrase patterns (label, pattern) for actors and curated places."""
    from dyad.resolve.actor_kb import load_actor_kb
    from dyad.resolve.places_data import load_neighbourhoods, load_regions

    seen: set[tuple[str, str]] = set()
    for surface, label in load_actor_kb().all_surface_forms():
        if len(surface) < 2 or (surface, label) in seen:
            continue
        seen.add((surface, label))
        yield {"label": label, "pattern": surface}
    for row in load_neighbourhoods():
        for name in (row.name, *row.aliases):
            if (name, "GPE") not in seen:
                seen.add((name, "GPE"))
                yield {"label": "GPE", "pattern": name}
    for region in load_regions():
        for name in (region.name, *region.aliases):
            if (name, "LOC") not in seen:
                seen.add((name, "LOC"))
                yield {"label": "LOC", "pattern": name}


def add_whole_words(nlp: Language) -> None:
    """Tokenizer special cases for hyphenated words that must stay one token."""
    tokenizer: Any = nlp.tokenizer
    for word in WHOLE_WORDS:
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{ORTH: form}])
