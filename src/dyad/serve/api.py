"""The HTTP API and the dashboard's static files over one store: reads open, writes need a token."""

from __future__ import annotations

import datetime as dt
import pathlib
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles

from dyad import __version__
from dyad.article import PLOVER_TYPES, CodedArticle
from dyad.ingest.errors import IngestError
from dyad.ingest.sources import dated_by_ingest_time, utc_now
from dyad.ingest.text import article_from_text
from dyad.pipeline import code_article
from dyad.serve.api_models import (
    ActorPage,
    Aggregates,
    ArticleIn,
    ArticleRecord,
    ErrorBody,
    EventPage,
    FeatureCollection,
    IngestIn,
    IngestResult,
    PlacePage,
    QuotePage,
)
from dyad.store import mention_queries, queries
from dyad.store.base import EventFilters, StoreError, open_store
from dyad.store.mention_queries import QuoteQuery
from dyad.store.queries import BBox, EventQuery, QueryError
from dyad.trends.monitor import compute_trends, trend_payload

WEB_DIR = pathlib.Path(__file__).parent / "web"
# Defence in depth for untrusted article text: no inline script, nothing loaded from elsewhere.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

Text = Annotated[str | None, Query(max_length=200)]
Cursor = Annotated[
    str | None, Query(max_length=400, description="next_cursor of the last page (empty: first)")
]
Country = Annotated[
    str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code")
]


def event_query(
    date_from: Annotated[dt.date | None, Query(description="first date, inclusive")] = None,
    date_to: Annotated[dt.date | None, Query(description="last date, inclusive")] = None,
    country: Country = None,
    admin1: Text = None,
    actor: Annotated[str | None, Query(max_length=200, description="source or target")] = None,
    source: Annotated[str | None, Query(max_length=200, description="code, id or name")] = None,
    target: Annotated[str | None, Query(max_length=200, description="code, id or name")] = None,
    event_type: Annotated[
        list[str] | None, Query(max_length=16, description="PLOVER type (repeat or a,b)")
    ] = None,
    mode: Text = None,
    q: Annotated[str | None, Query(max_length=200, description="text in trigger/sentence")] = None,
    bbox: Annotated[
        str | None, Query(max_length=100, description="minlon,minlat,maxlon,maxlat")
    ] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
) -> EventQuery:
    """The event filters shared by /api/events, /api/events.geojson and /api/aggregates."""
    types = None
    if event_type:
        types = tuple(
            t.strip().upper() for item in event_type for t in item.split(",") if t.strip()
        )
        unknown = sorted(set(types) - set(PLOVER_TYPES))
        if unknown:
            raise HTTPException(
                400, f"unknown event type(s) {unknown}; PLOVER types: {PLOVER_TYPES}"
            )
    try:
        base = EventFilters(
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            country=country,
            actor=actor,
            event_type=types or None,
            text=q,
            article_id=article_id,
        )
        box = BBox.parse(bbox) if bbox is not None else None
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    return EventQuery(base=base, admin1=admin1, source=source, target=target, mode=mode, bbox=box)


Filters = Annotated[EventQuery, Depends(event_query)]
_BEARER = HTTPBearer(auto_error=False, description="the token given to `dyad serve --token`")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)]


MAX_TREND_EVENTS = 200_000  # trends group events in Python: bound the work per request


def create_app(store_url: str, write_token: str | None) -> FastAPI:
    """The API over the store at ``store_url``; writes are refused unless ``write_token`` is set."""
    # Without a token nothing is written, so an existing store is opened read-only.
    read_only = write_token is None and pathlib.Path(store_url).exists()
    store: Any = open_store(store_url, read_only=read_only)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="dyad",
        version=__version__,
        summary="Political events coded from news text: events, aggregates, articles, quotes.",
        docs_url=None,  # Swagger UI would load from a CDN; the spec is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
        responses={
            400: {
                "model": ErrorBody,
                "description": "a filter, cursor or body that cannot be used",
            },
            503: {"model": ErrorBody, "description": "the query ran too long: narrow the filters"},
        },
    )

    def require_writer(credentials: Credentials) -> None:
        if write_token is None:
            raise HTTPException(403, "writes are disabled: start `dyad serve` with --token")
        if credentials is None:
            raise HTTPException(
                401, "send Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"}
            )
        if not secrets.compare_digest(credentials.credentials.encode(), write_token.encode()):
            raise HTTPException(403, "invalid token")

    @app.exception_handler(QueryError)
    async def bad_query(_: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_failed(_: Request, exc: StoreError) -> JSONResponse:
        if isinstance(exc.__cause__, duckdb.InterruptException):
            return JSONResponse({"detail": str(exc)}, status_code=503)
        return JSONResponse({"detail": f"store error: {exc}"}, status_code=500)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def events(
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
        cursor: Cursor = None,
        with_total: Annotated[bool, Query(description="also count all matches")] = False,
    ) -> dict[str, Any]:
        """Events matching the filters, newest first, one page at a time."""
        items, after = queries.event_page(store, filters, limit, cursor)
        total = queries.count_events(store, filters) if with_total else None
        return {"items": items, "next_cursor": after, "total": total}

    @app.get("/api/events.geojson", response_model=FeatureCollection, tags=["events"])
    def events_geojson(
        filters: Filters,
        per: Annotated[str, Query(pattern="^(event|place)$", description="a point per")] = "event",
        limit: Annotated[int, Query(ge=1, le=queries.MAX_GEOJSON_PAGE)] = 1000,
        cursor: Cursor = None,
    ) -> dict[str, Any]:
        """Located events as GeoJSON points (``per=place``: one point per place, with counts)."""
        if per == "place":
            return queries.place_features(store, filters)
        return queries.event_features(store, filters, limit, cursor)

    @app.get("/api/aggregates", response_model=Aggregates, tags=["events"])
    def aggregates(
        filters: Filters,
        by: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
        group: Annotated[str, Query(pattern="^(type|country|dyad)$")] = "type",
        top: Annotated[int, Query(ge=1, le=queries.MAX_GROUPS)] = 16,
    ) -> dict[str, Any]:
        """Counts of dated events per day, week or month for each event type, country or dyad."""
        return queries.aggregate(store, filters, by, group, top)  # type: ignore[arg-type]

    @app.get(
        "/api/articles/{article_id}",
        response_model=ArticleRecord,
        tags=["articles"],
        responses={404: {"model": ErrorBody, "description": "no such article"}},
    )
    def article(article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
        """One article's text and every span coded in it (events, mentions, places, quotes)."""
        record = store.get_article(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return dict(record)

    @app.get("/api/trends", tags=["events"])
    def trends(
        filters: Filters,
        by: Annotated[str, Query(pattern="^(dyad|directed|actor|country|admin1|city)$")] = "dyad",
        window: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
        top: Annotated[int, Query(ge=1, le=50)] = 10,
    ) -> dict[str, Any]:
        """Conflict-cooperation series and escalation / de-escalation alerts with their drivers."""
        if queries.count_events(store, filters) > MAX_TREND_EVENTS:
            raise QueryError(f"more than {MAX_TREND_EVENTS:,} events: narrow the filters")
        report = compute_trends(store, by, window, filters.base)
        return trend_payload(report, top)

    @app.get("/api/quotes", response_model=QuotePage, tags=["quotes"])
    def quotes(
        speaker: Text = None,
        actor: Annotated[str | None, Query(max_length=200, description="code, id or name")] = None,
        q: Text = None,
        article_id: Annotated[str | None, Query(max_length=64)] = None,
        kind: Annotated[str | None, Query(pattern="^(direct|indirect)$")] = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
        cursor: Cursor = None,
    ) -> dict[str, Any]:
        """Quotes with their speakers, newest articles first."""
        query = QuoteQuery(speaker=speaker, actor=actor, text=q, article_id=article_id, kind=kind)
        items, after = mention_queries.quote_page(store, query, limit, cursor)
        return {"items": items, "next_cursor": after}

    @app.get("/api/actors", response_model=ActorPage, tags=["actors and places"])
    def actors(
        q: Text = None,
        country: Country = None,
        sector: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
        cursor: Cursor = None,
    ) -> dict[str, Any]:
        """Resolved actors, most mentioned first, with their first mentions."""
        items, after = mention_queries.actor_page(store, q, country, sector, limit, cursor)
        return {"items": items, "next_cursor": after}

    @app.get("/api/places", response_model=PlacePage, tags=["actors and places"])
    def places(
        q: Text = None,
        country: Country = None,
        resolved: bool | None = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
        cursor: Cursor = None,
    ) -> dict[str, Any]:
        """Places named in articles, most mentioned first, with their first mentions."""
        items, after = mention_queries.place_page(store, q, country, resolved, limit, cursor)
        return {"items": items, "next_cursor": after}

    @app.get("/api/stats", tags=["store"])
    def stats() -> dict[str, Any]:
        """Row counts, events per type and the date range of the store."""
        return dict(store.stats())

    @app.post("/api/code", response_model=CodedArticle, tags=["coding"])
    def code(body: ArticleIn) -> CodedArticle:
        """Code one posted article with the same coder as ingest, without storing anything."""
        return code_article(_article(body, "api:code"))

    @app.post(
        "/api/ingest",
        response_model=IngestResult,
        tags=["coding"],
        dependencies=[Depends(require_writer)],
        responses={
            401: {"model": ErrorBody, "description": "no token sent"},
            403: {"model": ErrorBody, "description": "wrong token, or writes disabled"},
        },
    )
    def ingest(body: IngestIn) -> dict[str, Any]:
        """Code and store posted articles (needs the operator's token); stored ones are skipped."""
        articles = [_article(item, "api:ingest") for item in body.articles]
        known = store.known_article_ids(a.id for a in articles)
        fresh = {a.id: a for a in articles if a.id not in known}
        stored = store.save_many((a, code_article(a)) for a in fresh.values())
        return {
            "stored": stored,
            "already_stored": len(articles) - stored,
            "article_ids": [a.id for a in articles],
        }

    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="dashboard")
    return app


def _article(body: ArticleIn, origin: str) -> Any:
    """The posted article; one with no date of its own takes today's (date_source ingest-time)."""
    try:
        article = article_from_text(
            body.text,
            origin,
            date=body.date.isoformat() if body.date else None,
            date_source="flag",
            title=body.title,
            url=body.url,
            source=body.source,
        )
    except IngestError as exc:
        raise HTTPException(400, exc.reason) from None
    return article if article.date else dated_by_ingest_time(article, utc_now())
