"""Nouns that name no one who can act (data/events/non_agents.tsv): a disease, fire, weather, a
natural hazard, a substance, a mishap, an animal, a market, the economy or a circumstance ("the
scandal hit the party", "a shortage of chips threatens production"). Event extraction
gives such a subject no event ("the storm hit the coast"), and the post-check after actor
resolution drops an event whose doer is one ("the virus has killed ten people")."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"


@cache
def non_agent_nouns(path: Path = DATA_DIR / "non_agents.tsv") -> dict[str, str]:
    """Lemma -> class (disease, fire, weather, hazard, substance, mishap, animal, market,
    economy, circumstance) from non_agents.tsv."""
    nouns: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#") or raw.startswith("lemma\t"):
            continue
        cols = raw.split("\t")
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise ValueError(f"{path}:{number}: want: lemma, class")
        nouns[cols[0].strip().lower()] = cols[1].strip()
    return nouns


# The classes extraction itself rules out as subjects ("the storm hit the coast", "shares struck
# a high"). Diseases, fire, substances, mishaps and animals are left to the post-check, which
# tells "artillery fire" and "tear gas" (weapons) from a blaze and names each event it drops in
# the article's warnings.
NATURAL_CLASSES = frozenset({"weather", "hazard", "market", "economy", "circumstance"})


def is_natural_force(lemma: str) -> bool:
    """Whether a subject's lemma is weather, a natural hazard, a market, the economy or a
    circumstance."""
    return non_agent_nouns().get(lemma) in NATURAL_CLASSES
