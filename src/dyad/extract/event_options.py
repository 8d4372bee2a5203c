"""The hostile option a speaker keeps open, named by a verb: "did not rule out striking Iran",
"refused to rule out imposing sanctions" (``event_conventions.kept_option`` reads the noun form,
"did not rule out a military strike")."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_conventions import HOSTILE_OPTIONS, kept_option
from dyad.extract.event_triggers import match_trigger
from dyad.extract.patterns import PatternBook


def kept_hostile_option(verb: Token, book: PatternBook) -> Token | None:
    """The option "rule out" names, as a noun ("military action") or a gerund ("striking")."""
    option = kept_option(verb, book)
    if option is not None:
        return option
    for act in (c for c in verb.children if c.dep_ in {"xcomp", "dobj"} and c.tag_ == "VBG"):
        match = match_trigger(act, book)
        if match is not None and match[0].event_type in HOSTILE_OPTIONS:
            return act
    return None
