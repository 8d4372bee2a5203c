"""Event candidates -> Event records: actors, place, date and provenance attached."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.article import (
    Article,
    DateMention,
    Event,
    EventPlace,
    Participant,
    Place,
    Quote,
    SentenceSpan,
    TextSpan,
    stable_id,
)
from dyad.extract.events import EventCandidate
from dyad.resolve.actors import ActorResolver
from dyad.resolve.linking import link_date, link_place


def build_events(
    article: Article,
    doc: Doc,
    offset: int,
    candidates: list[EventCandidate],
    actors: ActorResolver,
    places: list[Place],
    dates: list[DateMention],
    quotes: list[Quote],
    coder: str,
) -> list[Event]:
    """Turn each candidate into an Event with resolved participants, place and date."""
    events: list[Event] = []
    previous_place: EventPlace | None = None
    previous_paragraph = -1
    for index, candidate in enumerate(candidates):
        head = doc[candidate.clause_head]
        sentence = head.sent
        paragraph = article.text.count("\n\n", 0, sentence.start_char + offset)
        if paragraph != previous_paragraph:
            previous_place, previous_paragraph = None, paragraph
        trigger = doc[candidate.trigger_start : candidate.trigger_end]
        date, how = link_date(doc, head, offset, dates)
        place = link_place(doc, head, offset, places, previous_place)
        previous_place = place or previous_place
        start = trigger.start_char + offset
        quote = next((q for q in quotes if q.kind == "direct" and q.start <= start < q.end), None)
        event = Event(
            event_id=stable_id(article.id, index, candidate.event_type, start, candidate.rule),
            article_id=article.id,
            event_type=candidate.event_type,
            mode=candidate.mode,
            context=list(candidate.contexts),
            cameo=candidate.cameo,
            reciprocal=candidate.reciprocal,
            confidence=candidate.confidence,
            trigger=TextSpan(text=trigger.text, start=start, end=trigger.end_char + offset),
            source=_participant(actors, candidate.source),
            target=_participant(actors, candidate.target),
            location=place,
            date=date.value if date is not None else article.date,
            date_precision=date.precision if date is not None else "reported",
            date_text=date.text if date is not None else None,
            sentence=SentenceSpan(
                start=sentence.start_char + offset, end=sentence.end_char + offset
            ),
            rule=f"{candidate.rule}{'; ' + candidate.note if candidate.note else ''}; date:{how}",
            quote_id=quote.quote_id if quote is not None else None,
            coder=coder,
        )
        events.append(event)
    return events


def _participant(actors: ActorResolver, head: int | None) -> Participant | None:
    if head is None:
        return None
    mention = actors.mention_for(head)
    return Participant(text=mention.text, start=mention.start, end=mention.end, actor=mention.actor)
