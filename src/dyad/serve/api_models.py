"""The HTTP API's request and response bodies (the shapes /openapi.json publishes)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dyad.article import (
    ArticleInfo,
    DateMention,
    Event,
    Mention,
    Place,
    Quote,
)

MAX_ARTICLE_CHARS = 50_000  # POST bodies: coding is CPU-bound, so one request stays bounded
MAX_INGEST_ARTICLES = 50


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    detail: str


class ArticleIn(Body):
    """An article to code: text (a ``date YYYY-MM-DD`` first line is read), optional metadata."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    date: dt.date | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class IngestIn(Body):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


class IngestResult(Body):
    stored: int
    already_stored: int
    article_ids: list[str]


class EventItem(Event):
    """An event as stored, with its sentence and its article's title and date for listing."""

    sentence_text: str | None = None
    article_title: str | None = None
    article_date: str | None = None


class EventPage(Body):
    items: list[EventItem]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null: last")
    total: int | None = Field(default=None, description="all matches (with_total=true)")


class Series(Body):
    key: str
    total: int
    counts: list[int]


class Aggregates(Body):
    by: str
    group: str
    buckets: list[str] = Field(description="first day of each bucket, ISO dates")
    series: list[Series]
    total: int


class Point(Body):
    type: Literal["Point"]
    coordinates: list[float] = Field(min_length=2, max_length=2)


class Feature(Body):
    type: Literal["Feature"]
    id: str | None = None
    geometry: Point
    properties: dict[str, Any]


class FeatureCollection(Body):
    type: Literal["FeatureCollection"]
    features: list[Feature]
    next_cursor: str | None = None


class Failure(Body):
    origin: str | None
    reason: str
    at: str


class Copy(Body):
    """A near-duplicate (wire copy) of the article: recorded, not coded."""

    article_id: str
    origin: str | None
    title: str | None
    url: str | None
    source: str | None
    date: str | None
    similarity: float | None
    recorded_at: str


class ArticleRecord(Body):
    """One stored article: its text and every span coded in it (CodedArticle's shape)."""

    article: ArticleInfo
    events: list[Event]
    mentions: list[Mention]
    places: list[Place]
    dates: list[DateMention]
    quotes: list[Quote]
    errors: list[str]  # why it, or part of it, was not coded
    warnings: list[str] = []  # coded, but worth knowing (no date of its own, truncated)
    coder: str | None
    text: str | None
    body_start: int
    origin: str | None
    status: str
    error: str | None
    coded_at: str
    failures: list[Failure]
    copies: list[Copy] = []


class QuoteItem(Quote):
    article_date: str | None = None
    article_title: str | None = None


class QuotePage(Body):
    items: list[QuoteItem]
    next_cursor: str | None


class MentionExample(Body):
    article_id: str
    text: str
    start: int
    end: int


class ActorItem(Body):
    id: str | None
    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    mentions: int
    articles: int
    examples: list[MentionExample]


class ActorPage(Body):
    items: list[ActorItem]
    next_cursor: str | None


class PlaceItem(Body):
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    precision: str | None
    lat: float | None
    lon: float | None
    resolved: bool
    mentions: int
    articles: int
    examples: list[MentionExample]


class PlacePage(Body):
    items: list[PlaceItem]
    next_cursor: str | None
