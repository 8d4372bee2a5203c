"""Plain typed values that cross stage boundaries: Article in, CodedArticle out.

Offsets are Python string indices into ``Article.text`` (the article as read, header included),
so every span can be checked with ``text[start:end]``. These values never hold spaCy objects and
serialise to DESIGN.md's JSON with ``model_dump(mode="json")``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


class Value(BaseModel):
    """Base for all record values: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Value):
    """One news article as ingested. ``body_start`` skips a ``date YYYY-MM-DD`` header."""

    id: str
    text: str
    date: str | None = None
    date_source: str = "article"  # article | dateline | flag | file-mtime | ingest-time | none
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    body_start: int = 0
    origin: str | None = None  # path[:line] the article was read from


class TextSpan(Value):
    text: str
    start: int
    end: int


class Actor(Value):
    """The identity a mention resolves to; ``id`` is None when only country/sector are known."""

    id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None  # country | organisation | person | sector | group
    resolved_by: str | None = None  # rule that resolved it (kb-name, title, coref, capital, ...)


class Mention(Value):
    """An actor mention in the text, resolved when possible (``actor`` None: unresolved)."""

    text: str
    start: int
    end: int
    actor: Actor | None = None
    antecedent: TextSpan | None = None  # for pronouns / nominals: the span it was resolved to


class Place(Value):
    """A toponym and the gazetteer entry it resolved to (``resolved`` False: no coordinates)."""

    text: str
    start: int
    end: int
    resolved: bool = False
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None  # neighbourhood | city | admin1 | country | region
    within: str | None = None  # enclosing city for neighbourhoods
    resolved_by: str | None = None


class DateMention(Value):
    text: str
    start: int
    end: int
    value: str | None = None  # ISO date (day precision) or ISO period start
    end_value: str | None = None  # inclusive end of the period for week/month/year/range
    precision: str = "unknown"  # day | week | month | year | range | unknown
    resolved_by: str | None = None


class Speaker(Value):
    text: str
    start: int
    end: int
    actor: Actor | None = None
    antecedent: TextSpan | None = None


class Quote(Value):
    quote_id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    cue: TextSpan | None = None
    speaker: Speaker | None = None
    rule: str | None = None


class Participant(Value):
    """Source or target of an event: the span in the text and the actor it resolved to."""

    text: str
    start: int
    end: int
    actor: Actor | None = None


class EventPlace(Value):
    text: str | None = None
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    precision: str | None = None
    within: str | None = None
    linked_by: str | None = None  # how the event was tied to this place


class SentenceSpan(Value):
    start: int
    end: int


class Magnitude(Value):
    """A figure the text reports for an event (deaths, injuries, crowd or force size) and the
    words it was read from. ``qualifier``: at least | more than | up to | less than | nearly |
    about | vague (a word such as "dozens", read as the conservative value of
    data/magnitudes/quantities.tsv); None when the number is given as such."""

    value: int
    qualifier: str | None = None
    text: str
    start: int
    end: int
    rule: str


class Event(Value):
    event_id: str
    article_id: str
    event_type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    reciprocal: bool = False
    confidence: float
    trigger: TextSpan
    source: Participant | None = None
    target: Participant | None = None
    location: EventPlace | None = None
    date: str | None = None
    # day | week | month | quarter | year | range ...: from a time expression; "reported": no
    # expression, the article's date; "ingest-time": no expression and the article had no date
    date_precision: str = "reported"
    date_text: str | None = None
    sentence: SentenceSpan
    rule: str  # the pattern or model that produced the event
    quote_id: str | None = None  # set when the event was made in a quote
    coder: str
    fatalities: Magnitude | None = None  # deaths reported for this event
    injured: Magnitude | None = None
    size: Magnitude | None = None  # crowd or force size


class ArticleInfo(Value):
    id: str
    date: str | None = None
    date_source: str = "article"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


class CodedArticle(Value):
    """The whole analysis of one article: the output of ``code_article``."""

    article: ArticleInfo
    events: list[Event] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    # Why the article, or part of it, was not coded ("not coded: language is 'de'").
    errors: list[str] = Field(default_factory=list)
    # Coded, but the reader should know: no date of its own, truncated before parsing.
    warnings: list[str] = Field(default_factory=list)
    coder: str


_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFKC, case-folded, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id_for(text: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def stable_id(*parts: object) -> str:
    """Deterministic short id for an event or quote from its defining parts."""
    raw = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
