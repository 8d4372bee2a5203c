"""Three hand-coded articles (events with and without actors and places), and stores of them on
every backend: a DuckDB file, and a schema of its own on a real PostgreSQL server.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest

from dyad.article import (
    Actor,
    Article,
    ArticleInfo,
    CodedArticle,
    DateMention,
    Event,
    EventPlace,
    Mention,
    Participant,
    Place,
    Quote,
    SentenceSpan,
    Speaker,
    TextSpan,
    article_id_for,
    stable_id,
)
from dyad.store.base import Store, migration_sql, open_store

CODER = "dyad 0.1.0 rules:test"


def store_at_version(version: int) -> str:
    """SQL that builds an empty store as a dyad of schema ``version`` left it, for upgrade tests."""
    steps = "".join(migration_sql(v) for v in range(1, version + 1))
    stamps = "".join(
        f"INSERT INTO schema_version VALUES ({v}, TIMESTAMP '2026-01-0{v} 00:00:00');"
        for v in range(1, version + 1)
    )
    return (
        steps
        + "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP);"
        + stamps
    )


SYRIA = (
    "date 2026-01-08\n"
    "The Syrian army carried out additional strikes on Sheikh Maqsoud in Aleppo on Thursday. "
    '"We will not allow terrorists to hold the city," a Syrian army spokesman said.'
)
ENVOY = (
    "date 2026-01-10\n"
    "US envoy Tom Barrack met Kurdish leaders in Damascus on Saturday to discuss a ceasefire."
)
PROTEST = "date 2026-01-12\nProtesters gathered outside parliament to denounce the new tax law."

SYRIAN_ARMY = Actor(id="syr-army", name="Syrian Arab Army", country="SYR", sector="MIL")
BARRACK = Actor(id="tom-barrack", name="Tom Barrack", country="USA", sector="GOV", kind="person")
ALEPPO = {"geonameid": 170063, "name": "Aleppo", "lat": 36.20124, "lon": 37.16117}
DAMASCUS = {"geonameid": 170654, "name": "Damascus", "lat": 33.5102, "lon": 36.29128}


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def sentence_of(text: str, phrase: str) -> SentenceSpan:
    start, end = span(text, phrase)
    return SentenceSpan(start=start, end=end)


def text_span(text: str, phrase: str) -> TextSpan:
    start, end = span(text, phrase)
    return TextSpan(text=phrase, start=start, end=end)


def participant(text: str, phrase: str, actor: Actor | None) -> Participant:
    start, end = span(text, phrase)
    return Participant(text=phrase, start=start, end=end, actor=actor)


def make_event(
    article_id: str, text: str, trigger: str, event_type: str, **fields: object
) -> Event:
    """An event whose id, like the coder's, derives from the article and the trigger offset."""
    trig = text_span(text, trigger)
    values: dict[str, object] = {
        "event_id": stable_id(article_id, event_type, trig.start),
        "article_id": article_id,
        "event_type": event_type,
        "confidence": 0.8,
        "trigger": trig,
        "rule": f"test:{event_type.lower()}",
        "coder": CODER,
        **fields,
    }
    return Event.model_validate(values)


def syria_article() -> tuple[Article, CodedArticle]:
    aid = article_id_for(SYRIA)
    article = Article(id=aid, text=SYRIA, date="2026-01-08", body_start=16, origin="syria.txt")
    first = sentence_of(SYRIA, SYRIA[16 : SYRIA.index("Thursday.") + 9])
    quote_start, quote_end = span(SYRIA, '"We will not allow terrorists to hold the city,"')
    quote_id = stable_id(aid, "quote", quote_start)
    loc_start, loc_end = span(SYRIA, "Aleppo")
    assault = make_event(
        aid,
        SYRIA,
        "carried out additional strikes",
        "ASSAULT",
        mode="heavy-weapons",
        context=["military", "terrorism"],
        cameo="195",
        confidence=0.91,
        source=participant(SYRIA, "The Syrian army", SYRIAN_ARMY),
        location=EventPlace(
            text="Aleppo",
            start=loc_start,
            end=loc_end,
            admin1="Aleppo",
            country="SYR",
            precision="city",
            linked_by="prep-in",
            **ALEPPO,
        ),
        date="2026-01-08",
        date_precision="day",
        date_text="on Thursday",
        sentence=first,
    )
    threat = make_event(
        aid,
        SYRIA,
        "will not allow",
        "THREATEN",
        sentence=sentence_of(SYRIA, SYRIA[quote_start:]),
        quote_id=quote_id,
    )
    spokesman_start, spokesman_end = span(SYRIA, "a Syrian army spokesman")
    cue = text_span(SYRIA, "said")
    quote = Quote(
        quote_id=quote_id,
        article_id=aid,
        start=quote_start,
        end=quote_end,
        text=SYRIA[quote_start:quote_end],
        kind="direct",
        cue=cue,
        speaker=Speaker(
            text="a Syrian army spokesman",
            start=spokesman_start,
            end=spokesman_end,
            actor=SYRIAN_ARMY,
        ),
        rule="quote:direct-cue",
    )
    army_start, army_end = span(SYRIA, "The Syrian army")
    coded = CodedArticle(
        article=ArticleInfo(id=aid, date="2026-01-08"),
        events=[assault, threat],
        mentions=[
            Mention(text="The Syrian army", start=army_start, end=army_end, actor=SYRIAN_ARMY)
        ],
        places=[
            Place(
                text="Aleppo",
                start=loc_start,
                end=loc_end,
                resolved=True,
                country="SYR",
                admin1="Aleppo",
                precision="city",
                resolved_by="gazetteer",
                **ALEPPO,
            ),
            Place(text="Sheikh Maqsoud", start=SYRIA.index("Sheikh"), end=SYRIA.index(" in A")),
        ],
        dates=[
            DateMention(
                text="on Thursday",
                start=span(SYRIA, "on Thursday")[0],
                end=span(SYRIA, "on Thursday")[1],
                value="2026-01-08",
                precision="day",
                resolved_by="weekday",
            )
        ],
        quotes=[quote],
        coder=CODER,
    )
    return article, coded


def envoy_article() -> tuple[Article, CodedArticle]:
    aid = article_id_for(ENVOY)
    article = Article(
        id=aid,
        text=ENVOY,
        date="2026-01-10",
        title="US envoy meets Kurdish leaders",
        url="https://example.org/envoy",
        source="Example Wire",
        language="en",
        body_start=16,
    )
    loc_start, loc_end = span(ENVOY, "Damascus")
    consult = make_event(
        aid,
        ENVOY,
        "met",
        "CONSULT",
        source=participant(ENVOY, "US envoy Tom Barrack", BARRACK),
        target=participant(ENVOY, "Kurdish leaders", None),
        location=EventPlace(
            text="Damascus",
            start=loc_start,
            end=loc_end,
            country="SYR",
            precision="city",
            **DAMASCUS,
        ),
        date="2026-01-10",
        date_precision="day",
        date_text="on Saturday",
        sentence=SentenceSpan(start=16, end=len(ENVOY)),
    )
    coded = CodedArticle(
        article=ArticleInfo(
            id=aid,
            date="2026-01-10",
            title=article.title,
            url=article.url,
            source=article.source,
            language="en",
        ),
        events=[consult],
        errors=["dates: could not resolve 'later this week'"],
        warnings=["article truncated to its first 200,000 characters"],
        coder=CODER,
    )
    return article, coded


def protest_article() -> tuple[Article, CodedArticle]:
    aid = article_id_for(PROTEST)
    article = Article(id=aid, text=PROTEST, date="2026-01-12", body_start=16)
    protest = make_event(
        aid,
        PROTEST,
        "gathered",
        "PROTEST",
        source=participant(PROTEST, "Protesters", Actor(sector="CVL", kind="sector")),
        sentence=SentenceSpan(start=16, end=len(PROTEST)),
    )
    coded = CodedArticle(
        article=ArticleInfo(id=aid, date="2026-01-12"), events=[protest], coder=CODER
    )
    return article, coded


ROOT = Path(__file__).resolve().parents[2]
PG_SCRIPT = ROOT / "scripts" / "pg_test_server.sh"
BACKENDS = ("duckdb", "postgresql")


@pytest.fixture
def samples() -> list[tuple[Article, CodedArticle]]:
    return [syria_article(), envoy_article(), protest_article()]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL 15 on loopback for the session, started by the project's script.

    DYAD_TEST_POSTGRES_URL names an existing server instead. A server that cannot be had fails
    the PostgreSQL tests: they are never skipped.
    """
    given = os.environ.get("DYAD_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    try:
        started = subprocess.run(
            ["bash", str(PG_SCRIPT), "start"], capture_output=True, text=True, timeout=900
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"cannot run {PG_SCRIPT} start: {exc}", pytrace=False)
    if started.returncode != 0 or not started.stdout.startswith("postgresql://"):
        pytest.fail(
            f"PostgreSQL tests need a server: `bash {PG_SCRIPT} start` failed"
            f" (exit {started.returncode}): {started.stderr.strip()}\n"
            "Run it as root (it installs postgresql-15 from Debian) or set"
            " DYAD_TEST_POSTGRES_URL=postgresql://user:password@127.0.0.1:port/db",
            pytrace=False,
        )
    url = started.stdout.strip()
    yield url
    subprocess.run(["bash", str(PG_SCRIPT), "stop", url], capture_output=True, check=False)


class StoreMaker:
    """Opens empty stores of one backend by name; the same name reopens the same store."""

    def __init__(self, backend: str, tmp_path: Path, postgres_url: str | None) -> None:
        self.backend, self.tmp_path, self.postgres_url = backend, tmp_path, postgres_url
        self.schemas: dict[str, str] = {}
        self.opened: list[Any] = []

    def url(self, name: str = "s") -> str:
        """The URL of store ``name``: a file, or a schema of its own in the test database."""
        if self.postgres_url is None:
            return str(self.tmp_path / f"{name}.duckdb")
        if name not in self.schemas:
            schema = f"dyad_test_{uuid.uuid4().hex[:12]}"
            self.execute(f"CREATE SCHEMA {schema}", name=None)
            self.schemas[name] = schema
        joiner = "&" if "?" in self.postgres_url else "?"
        return f"{self.postgres_url}{joiner}options=-csearch_path%3D{self.schemas[name]}"

    def open(self, name: str = "s", read_only: bool = False) -> Any:
        """Store ``name`` through ``open_store``, as the CLI opens it; closed after the test."""
        store = open_store(self.url(name), read_only=read_only)
        self.opened.append(store)
        return store

    def execute(self, sql: str, name: str | None = "s") -> None:
        """Run SQL on store ``name`` (or the whole database) behind the store's back."""
        if self.postgres_url is None:
            with duckdb.connect(self.url(name or "s")) as con:
                con.execute(sql)
            return
        url = self.url(name) if name is not None else self.postgres_url
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(sql)

    def cleanup(self) -> None:
        for store in self.opened:
            store.close()
        for schema in self.schemas.values():
            self.execute(f"DROP SCHEMA {schema} CASCADE", name=None)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_store(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> Iterator[StoreMaker]:
    url = request.getfixturevalue("postgres_url") if backend == "postgresql" else None
    maker = StoreMaker(backend, tmp_path, url)
    yield maker
    maker.cleanup()


@pytest.fixture
def store(make_store: StoreMaker, samples: list[tuple[Article, CodedArticle]]) -> Store:
    opened = make_store.open()
    for article, coded in samples:
        opened.save(article, coded)
    return opened
