"""The date vocabulary (data/dates/vocabulary.tsv): month and weekday names, numbers, units,
seasons, feasts and the like, read and validated once per process."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from dyad.datafiles import DataFileError, read_fields
from dyad.extract.magnitudes import load_lexicon

VOCABULARY_PATH = Path(__file__).resolve().parents[1] / "data" / "dates" / "vocabulary.tsv"
_KINDS = (
    "month",
    "weekday",
    "number",
    "vague",
    "unit",
    "ordinal",
    "season",
    "dayperiod",
    "reference",
    "holiday",
    "century",
)


class DateVocabularyError(DataFileError):
    """A bad line in the date vocabulary file."""


@dataclass(frozen=True)
class DateVocabulary:
    """Words of each kind (lower-cased) mapped to their value, as read from the TSV."""

    words: dict[str, dict[str, str]]

    def of(self, kind: str) -> dict[str, str]:
        return self.words[kind]

    def alternation(self, kind: str, exclude: tuple[str, ...] = ()) -> str:
        """Regex alternation of one kind's words, longest first, spaces as ``\\s+``."""
        names = sorted((w for w in self.words[kind] if w not in exclude), key=len, reverse=True)
        return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


def read_date_vocabulary(path: Path) -> DateVocabulary:
    """Read and validate a vocabulary file; a bad line raises DateVocabularyError."""
    words: dict[str, dict[str, str]] = {k: {} for k in _KINDS}
    for number, fields in read_fields(path, DateVocabularyError):
        if len(fields) != 3 or not all(f.strip() for f in fields):
            raise DateVocabularyError(path, number, "expected kind<TAB>word<TAB>value")
        kind, word, value = (f.strip() for f in fields)
        if kind not in words:
            raise DateVocabularyError(path, number, f"unknown kind {kind!r}")
        if kind in ("month", "weekday", "ordinal", "number", "century") and not _is_number(value):
            raise DateVocabularyError(path, number, f"{kind} value must be a number: {value!r}")
        if kind == "holiday" and not _HOLIDAY_VALUE.fullmatch(value):
            raise DateVocabularyError(
                path, number, f"holiday value must be MM-DD, easter+N or MM/WEEKDAY/N: {value!r}"
            )
        key = word.lower()
        if key in words[kind]:
            raise DateVocabularyError(path, number, f"duplicate {kind} {word!r}")
        words[kind][key] = value
    return DateVocabulary(words)


# A fixed day (12-25), days from Easter Sunday (easter-2), or the Nth ISO weekday of a month
# (11/4/4: the fourth Thursday of November; -1: the last).
_HOLIDAY_VALUE = re.compile(
    r"(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|easter[+-]\d{1,2}|(?:0[1-9]|1[0-2])/[1-7]/(?:[1-5]|-1)"
)


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


@functools.cache
def load_date_vocabulary() -> DateVocabulary:
    """The shipped vocabulary, read once per process, with the cardinal number words of
    data/magnitudes/quantities.tsv (one source for "twenty", "hundred"; dozens/thousands are
    counts, not durations)."""
    vocabulary = read_date_vocabulary(VOCABULARY_PATH)
    lexicon = load_lexicon()
    for word, (kind, value) in lexicon.numbers.items():
        if word not in lexicon.vague and (kind == "unit" or word == "hundred"):
            vocabulary.words["number"].setdefault(word, f"{value:g}")
    return vocabulary
