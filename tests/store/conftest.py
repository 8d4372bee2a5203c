"""Three hand-coded articles (events with and without actors and places) and a store of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
from dyad.store.duckdb import DuckDBStore

CODER = "dyad 0.1.0 rules:test"

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


@pytest.fixture
def samples() -> list[tuple[Article, CodedArticle]]:
    return [syria_article(), envoy_article(), protest_article()]


@pytest.fixture
def store(tmp_path: Path, samples: list[tuple[Article, CodedArticle]]) -> Iterator[DuckDBStore]:
    with DuckDBStore(tmp_path / "dyad.duckdb") as opened:
        for article, coded in samples:
            opened.save(article, coded)
        yield opened
