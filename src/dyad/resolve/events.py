"""Event candidates -> Event records: actors, place, date and provenance attached."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.article import (
    Article,
    DateMention,
    Event,
    EventPlace,
    Magnitude,
    Mention,
    Participant,
    Place,
    Quote,
    SentenceSpan,
    TextSpan,
    stable_id,
)
from dyad.extract.event_arguments import RECIPROCAL_TYPES
from dyad.extract.events import EventCandidate
from dyad.extract.magnitude_owners import assign_magnitudes
from dyad.extract.magnitudes import MagnitudeSpan, find_magnitudes
from dyad.nlp.doc_text import span_at
from dyad.resolve.actors import WEAPON_TERMS, ActorResolver
from dyad.resolve.event_compounds import (
    between_pair,
    compound_dyads,
    modifier_members,
    same_participant,
)
from dyad.resolve.event_spans import actor_span, actor_token, is_actor_token, is_place_token
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
    reported = assign_magnitudes(doc, find_magnitudes(doc), candidates)
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
        source = _participant(actors, candidate.source, "source")
        target = _as_government(
            _target(actors, candidate.target, candidate.target_options, source),
            candidate.event_type,
            actors,
        )
        reciprocal = candidate.reciprocal
        pair_found = between_pair(actors, _participant, candidate.target) if not source else None
        if pair_found is not None:
            (source, target), reciprocal = pair_found, True
        if target is None and _symmetric(candidate.event_type, trigger.root):
            # "Sudanese and Chadian troops clashed": each side of the phrase is the other's
            partner = _coordinated_modifier_partner(actors, candidate.source, source)
            if partner is not None:
                target, reciprocal = partner, True
        pair = _last_pair(events)
        if pair is not None and target is None and _names_a_pair(actors, candidate.source):
            # "Israel and Hamas held talks. Both sides rejected the plan": the pair acts together
            source, target = _pair_member(source, pair[0]), _pair_member(source, pair[1])
            reciprocal = True
        event = Event(
            event_id=stable_id(article.id, index, candidate.event_type, start, candidate.rule),
            article_id=article.id,
            event_type=candidate.event_type,
            mode=candidate.mode,
            context=list(candidate.contexts),
            cameo=candidate.cameo,
            reciprocal=reciprocal,
            confidence=candidate.confidence,
            trigger=TextSpan(text=trigger.text, start=start, end=trigger.end_char + offset),
            source=source,
            target=target,
            location=place,
            date=date.value if date is not None else article.date,
            date_precision=date.precision if date is not None else _undated(article),
            date_text=date.text if date is not None else None,
            sentence=SentenceSpan(
                start=sentence.start_char + offset, end=sentence.end_char + offset
            ),
            rule=f"{candidate.rule}{'; ' + candidate.note if candidate.note else ''}; date:{how}",
            quote_id=quote.quote_id if quote is not None else None,
            coder=coder,
            fatalities=_magnitude(article, offset, reported[index].get("fatalities")),
            injured=_magnitude(article, offset, reported[index].get("injured")),
            size=_magnitude(article, offset, reported[index].get("size")),
        )
        events.append(event)
        if not reciprocal:
            events.extend(_compound_copies(event, actors, (source, target)))
    return events


def _compound_copies(
    event: Event,
    actors: ActorResolver,
    found: tuple[Participant | None, Participant | None],
) -> list[Event]:
    """The event again for each other member of a coordinated source or target
    (``event_compounds``); reported figures stay with the first, so casualties count once."""
    pairs = compound_dyads(actors, _participant, found)
    return [
        event.model_copy(
            update={
                "event_id": stable_id(event.event_id, "compound", n),
                "source": source,
                "target": target,
                "rule": f"{event.rule}; compound:{n + 2}",
                "fatalities": None,
                "injured": None,
                "size": None,
            }
        )
        for n, (source, target) in enumerate(pairs)
    ]


# Verbs of fighting that need two sides, like meeting or agreeing: "Sudanese and Chadian troops
# clashed".
MUTUAL_VERBS = {"clash", "skirmish"}


def _symmetric(event_type: str, trigger: Token) -> bool:
    return event_type in RECIPROCAL_TYPES or trigger.lemma_.lower() in MUTUAL_VERBS


def _coordinated_modifier_partner(
    actors: ActorResolver, head: int | None, source: Participant | None
) -> Participant | None:
    """The second country of coordinated modifiers ("the Egyptian and Jordanian foreign
    ministers"): its word ("Jordanian") stands for that country's side of the phrase."""
    if head is None or source is None:
        return None
    members = modifier_members(actors, actor_token(actors.doc[head], actors.kb), source)
    return members[0] if members else None


# "both sides", "the two leaders": a pair named before, when no actor of their own is resolved.
PAIR_NOUNS = {"side", "country", "leader", "government", "nation", "party", "state", "delegation"}
PAIR_NOUNS |= {"president", "minister", "army", "capital", "neighbour", "neighbor", "ally"}
# Resolutions that only guess from the article or the last mention: "the two presidents".
GUESSED = ("article-country", "nominal-coref")


def _names_a_pair(actors: ActorResolver, head: int | None) -> bool:
    if head is None:
        return False
    token = actor_token(actors.doc[head], actors.kb)
    if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in {"NNS", "NNPS"}:
        return False
    own = actors.mention_for(token.i).actor
    if (
        own is not None
        and own.country is not None
        and not (own.resolved_by or "").endswith(GUESSED)
    ):
        return False  # "both Gulf states", "the two Koreas" name their own
    return any(c.lower_ in {"both", "two"} for c in token.children)


def _last_pair(events: list[Event]) -> tuple[Participant, Participant] | None:
    """The source and target of the latest event between two different resolved actors."""
    for event in reversed(events):
        first, second = event.source, event.target
        if first is None or second is None or first.actor is None or second.actor is None:
            continue
        one, other = first.actor, second.actor
        if (one.id, one.country, one.name) != (other.id, other.country, other.name):
            return first, second
    return None


def _pair_member(phrase: Participant | None, member: Participant) -> Participant | None:
    """The pair phrase's span ("Both sides") standing for one member of the pair, in the
    phrase's own sector when it has one ("the two armies" are the pair's militaries)."""
    if phrase is None or member.actor is None:
        return phrase
    own = phrase.actor.sector if phrase.actor is not None else None
    update: dict[str, str | None] = {"resolved_by": "pair-reference"}
    if own is not None and own != member.actor.sector:
        update |= {"sector": own, "kind": "sector", "id": None, "name": None}
    return phrase.model_copy(update={"actor": member.actor.model_copy(update=update)})


def _undated(article: Article) -> str:
    """The precision of an event with no time expression: it takes the article's date, which is
    the day it was reported, or only the day it was ingested when the article had none."""
    return "ingest-time" if article.date_source == "ingest-time" else "reported"


def _magnitude(article: Article, offset: int, found: MagnitudeSpan | None) -> Magnitude | None:
    """A reported figure with its words, offsets into the article (``extract.magnitudes``)."""
    if found is None:
        return None
    start, end = found.start + offset, found.end + offset
    return Magnitude(
        value=found.value,
        qualifier=found.qualifier,
        text=article.text[start:end],
        start=start,
        end=end,
        rule=found.rule,
    )


def _participant(actors: ActorResolver, head: int | None, role: str) -> Participant | None:
    """The actor phrase of an argument (``event_spans``), with the actor its mention resolves to."""
    if head is None:
        return None
    argument = actors.doc[head]
    token = actor_token(argument, actors.kb)
    mention = actors.mention_for(token.i)
    antecedent = _same_sentence_antecedent(actors, token, mention)
    if antecedent is not None:  # "Syria says it is willing ...": the actor is Syria
        token = argument = antecedent
    if mention.actor is None and (
        token.lemma_.lower() in WEAPON_TERMS
        or not (is_actor_token(token, actors.kb) or (role == "target" and is_place_token(token)))
    ):
        return None  # "the statement", "artillery fire": a thing, not an actor, and no owner
    owner = argument if token.i != argument.i and token.head.i == argument.i else None
    start, end = actor_span(token, actors.kb, owner, role)
    span = actors.doc[start:end]
    return Participant(
        text=span.text,
        start=span.start_char + actors.offset,
        end=span.end_char + actors.offset,
        actor=mention.actor,
    )


def _target(
    actors: ActorResolver,
    first: int | None,
    options: tuple[int, ...],
    source: Participant | None = None,
) -> Participant | None:
    """The first target candidate that names an actor or a place ("power lines" names neither)
    other than the source ("Canada said it would deny entry to Canada to the activists": the
    activists, not Canada). A place that resolves to no actor ("killed 14 people in Marsabit": no
    country for Marsabit's people) gives way to a later candidate that does."""
    unresolved: Participant | None = None
    for head in (first, *options) if first is not None else options:
        token = actor_token(actors.doc[head], actors.kb)
        if is_actor_token(token, actors.kb) or is_place_token(token):
            target = _participant(actors, head, "target")
            if target is not None and source is not None and same_participant(source, target):
                continue
            if target is not None and target.actor is None and not is_actor_token(token, actors.kb):
                unresolved = unresolved or target
                continue
            return target
    return unresolved


# Acts done to a state through its seat, never to the place or its people: "opened an embassy in
# Tehran", "held talks in Baghdad", "sent aid to Kabul". Attacks, threats, sanctions, protests
# and withdrawals name a place and its population ("shelling Baghdad", "sanctions on Gaza").
STATE_DIRECTED_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "REQUEST",
    "ACCUSE",
    "REJECT",
}


def _as_government(
    target: Participant | None, event_type: str, actors: ActorResolver
) -> Participant | None:
    """A country or capital named as the place of a state-directed act is its government."""
    actor = target.actor if target is not None else None
    if target is None or actor is None or event_type not in STATE_DIRECTED_TYPES:
        return target
    if actor.resolved_by != "place" or actor.country is None:
        return target  # "place-country" is a city or region, not a seat of government
    known = actors.kb.country(actor.country)
    government = actor.model_copy(
        update={
            "name": known.name if known is not None else None,
            "sector": "GOV",
            "kind": "country",
            "resolved_by": "place-as-government",
        }
    )
    return target.model_copy(update={"actor": government})


def _same_sentence_antecedent(
    actors: ActorResolver, token: Token, mention: Mention
) -> Token | None:
    """The head of a pronoun's antecedent when it is in the pronoun's sentence, else None."""
    ante = mention.antecedent
    if token.pos_ != "PRON" or ante is None:
        return None
    sent = token.sent
    span = span_at(actors.doc, ante.start, ante.end, actors.offset)
    if span is None or span.start < sent.start or span.end > sent.end:
        return None
    return span.root
