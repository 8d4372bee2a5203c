"""code_article(): the stages in order (ingest has made the Article; store and serve come after)."""

from __future__ import annotations

import datetime as dt

from dyad import __version__
from dyad.article import (
    Actor,
    Article,
    ArticleInfo,
    CodedArticle,
    Quote,
    Speaker,
    TextSpan,
    stable_id,
)
from dyad.extract.event_model import with_model_events
from dyad.extract.events import find_events
from dyad.extract.patterns import default_pattern_book
from dyad.extract.quotes import QuoteSpan, find_quotes
from dyad.nlp.language import detect_language
from dyad.nlp.model import parse
from dyad.resolve.actor_kb import load_actor_kb
from dyad.resolve.actors import ActorResolver
from dyad.resolve.event_plausibility import checked_events
from dyad.resolve.events import build_events
from dyad.resolve.places import resolve_places
from dyad.resolve.time import find_dates

CODER = f"dyad {__version__}"
MAX_PARSE_CHARS = 200_000  # longer articles are coded on their first part and say so


def code_article(article: Article) -> CodedArticle:
    """Code one article into events, mentions, places, dates and quotes. Pure: no I/O."""
    info = ArticleInfo(
        id=article.id,
        date=article.date,
        date_source=article.date_source,
        title=article.title,
        url=article.url,
        source=article.source,
        language=None,
    )
    errors: list[str] = []
    warnings: list[str] = []
    if article.date is None:
        warnings.append("article has no date; events carry no date (precision 'reported')")
    elif article.date_source == "ingest-time":
        warnings.append(
            f"article has no date of its own; dated {article.date}, the day it was"
            " ingested: events without a time expression carry precision 'ingest-time', and"
            " relative ones ('on Tuesday') are counted from that day"
        )
    body = article.text[article.body_start :]
    language = detect_language(body)
    info = info.model_copy(update={"language": language})
    if language != "en":
        errors.append(f"not coded: language is {language!r}, dyad codes English only")
        return CodedArticle(article=info, errors=errors, warnings=warnings, coder=CODER)
    if len(body) > MAX_PARSE_CHARS:
        warnings.append(f"article truncated to its first {MAX_PARSE_CHARS:,} characters")
        body = body[:MAX_PARSE_CHARS]
    offset = article.body_start
    anchor = dt.date.fromisoformat(article.date) if article.date else None

    doc = parse(body)
    dates = find_dates(article.text, anchor, start=offset, end=offset + len(body))
    actors = ActorResolver(doc, offset, load_actor_kb(), anchor)
    places = resolve_places(doc, offset, [c for c in [actors.main_country] if c])
    actors.resolve_all()
    quotes = _attribute_quotes(article, find_quotes(doc, offset), actors, doc, offset)
    book = default_pattern_book()
    # the trained model codes only sentences in which no pattern fired (off: MODEL_ENABLED)
    candidates = with_model_events(doc, find_events(doc, book), book)
    events = build_events(article, doc, offset, candidates, actors, places, dates, quotes, CODER)
    # no agent: left out, said why; a dateline read as the source gives way to the subject
    events = checked_events(events, doc, offset, warnings, actors.mention_for)
    return CodedArticle(
        article=info,
        events=events,
        mentions=actors.mentions(),
        places=places,
        dates=dates,
        quotes=quotes,
        errors=errors,
        warnings=warnings,
        coder=CODER,
    )


def warm_up() -> None:
    """Load every model and knowledge file now (before forking workers, or serving)."""
    code_article(
        Article(id="warm-up", text="The army shelled the town on Monday.", date="2026-01-05")
    )


def _attribute_quotes(
    article: Article, spans: list[QuoteSpan], actors: ActorResolver, doc: object, offset: int
) -> list[Quote]:
    """Resolve each quote's speaker to an actor; a continued quote keeps the previous speaker."""
    quotes: list[Quote] = []
    regions: list[tuple[int, int, Actor | None]] = []
    previous: Speaker | None = None
    seen: set[tuple[int, int, str, int | None]] = set()
    for span in spans:
        key = (span.start, span.end, span.kind, span.cue_start)
        if key in seen:  # the same content reached through two cue paths
            continue
        seen.add(key)
        speaker = None
        if span.speaker_start is not None and span.speaker_end is not None:
            head = _token_at(doc, span.speaker_end - 1 - offset)
            mention = actors.mention_for(head) if head is not None else None
            speaker = Speaker(
                text=article.text[span.speaker_start : span.speaker_end],
                start=span.speaker_start,
                end=span.speaker_end,
                actor=mention.actor if mention else None,
                antecedent=mention.antecedent if mention else None,
            )
        elif span.rule == "continuation" and previous is not None:
            speaker = previous
        if span.kind == "direct":
            previous = speaker or previous
            regions.append((span.start, span.end, speaker.actor if speaker else None))
        cue = None
        if span.cue_start is not None and span.cue_end is not None:
            cue = TextSpan(
                text=article.text[span.cue_start : span.cue_end],
                start=span.cue_start,
                end=span.cue_end,
            )
        quotes.append(
            Quote(
                quote_id=stable_id(article.id, "quote", span.start, span.end, span.cue_start),
                article_id=article.id,
                start=span.start,
                end=span.end,
                text=article.text[span.start : span.end],
                kind=span.kind,
                cue=cue,
                speaker=speaker,
                rule=span.rule,
            )
        )
    actors.set_quote_speakers(regions)
    for token in doc:  # type: ignore[attr-defined]
        if token.lower_ in {"we", "us", "our", "i", "me", "my"} and token.pos_ == "PRON":
            actors.mention_for(token.i)
    return quotes


def _token_at(doc: object, char: int) -> int | None:
    """The token covering a character offset of the parsed text (None: whitespace or outside)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")  # type: ignore[attr-defined]
    return int(span.start) if span is not None and len(span) else None
