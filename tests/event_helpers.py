"""One team-written sentence coded as a whole article, for the event argument and actor tests."""

from dyad.article import Article, Event, article_id_for
from dyad.pipeline import code_article


def coded_events(text: str) -> list[Event]:
    """The events of ``text`` coded as an undated one-sentence article."""
    article = Article(id=article_id_for(text), text=text, date=None, date_source="none")
    return code_article(article).events


def coded_roles(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, source text, target text) of each event of ``text``."""
    return [
        (
            e.event_type,
            e.source.text if e.source is not None else None,
            e.target.text if e.target is not None else None,
        )
        for e in coded_events(text)
    ]
