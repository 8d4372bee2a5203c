"""Speech acts that govern other acts: "urged them to de-escalate" is one REQUEST (mode yield).

An act named inside a request, refusal, threat, promise or accusation is folded into that speech
act, which takes its mode (and its target options) from the act it names.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.article import PLOVER_TYPES
from dyad.extract.event_candidate import EventCandidate
from dyad.extract.event_frames import without_reporter
from dyad.extract.patterns import PatternBook

SPEECH_TYPES = {"REQUEST", "REJECT", "THREATEN", "AGREE", "ACCUSE", "SUPPORT"}


VOW_VERBS = {"vow", "pledge", "promise", "swear"}


# A vow of force, coercion, sanctions or protest is a threat (CAMEO 13: 133 "threaten with
# political dissent, protest", 138 "threaten with military force"), not a promise (03).
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def fold_speech_acts(
    found: list[tuple[EventCandidate, Token]], book: PatternBook
) -> list[EventCandidate]:
    """Fold acts named inside a speech act into it; set the speech act's mode from them."""
    absorbed: set[int] = set()
    result: list[EventCandidate] = []
    speech = [(e, t) for e, t in found if e.event_type in SPEECH_TYPES]
    for index, (event, token) in enumerate(found):
        outer = _governing_speech_act(token, event, speech)
        if outer is None and event.event_type not in SPEECH_TYPES:
            outer = _passive_speech_act(token, speech)
        if outer is not None:
            absorbed.add(index)
    for index, (event, token) in enumerate(found):
        if index in absorbed:
            continue
        if event.event_type in SPEECH_TYPES:
            event = _with_intent_mode(event, token, found, book)
        result.append(without_reporter(event, token))
    return result


def _governing_speech_act(
    token: Token, event: EventCandidate, speech: list[tuple[EventCandidate, Token]]
) -> EventCandidate | None:
    for outer, outer_token in speech:
        if outer_token.i == token.i or outer.clause_head == event.clause_head and outer is event:
            continue
        if token.i in _complement_ids(outer_token) and event is not outer:
            return outer
    return None


def _passive_speech_act(
    token: Token, speech: list[tuple[EventCandidate, Token]]
) -> EventCandidate | None:
    """ "The release of the hostages was demanded by the families": what a passive request,
    refusal or threat asks for, turns down or threatens is its subject, an act that has not
    happened; it is folded into the speech act. An act condemned or welcomed has happened and
    stays its own ("the kidnapping was condemned"), as does a speech act in the subject ("the
    accusations by Washington were rejected by Beijing")."""
    for outer, outer_token in speech:
        if outer.event_type not in UNREALIZED_TYPES or outer_token.pos_ != "VERB":
            continue
        for child in outer_token.children:
            if child.dep_ == "nsubjpass" and token.i in {t.i for t in child.subtree}:
                return outer
    return None


UNREALIZED_TYPES = {"REQUEST", "REJECT", "THREATEN"}


def _passive_subject_ids(token: Token, found: list[tuple[EventCandidate, Token]]) -> set[int]:
    """The passive subject of a request, refusal or threat, when an act of its own is named
    there."""
    if token.pos_ != "VERB" or not any(
        t.i == token.i and e.event_type in UNREALIZED_TYPES for e, t in found
    ):
        return set()
    ids = {t.i for c in token.children if c.dep_ == "nsubjpass" for t in c.subtree}
    if any(t.i in ids and e.event_type in SPEECH_TYPES for e, t in found):
        return set()
    return ids


def _complement_ids(token: Token) -> set[int]:
    ids: set[int] = set()
    heads = [token]
    if token.dep_ in {"dobj", "nsubjpass"}:
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            # "oprd": "held Moscow responsible for the shelling", what the blame is for
            if child.dep_ in {"xcomp", "ccomp", "dobj", "prep", "acl", "advcl", "pcomp", "oprd"}:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" for m in child.children):
                    continue
                ids.update(t.i for t in child.subtree)
    for stray in [token.doc[i] for i in sorted(ids) if _misattached_finite(token.doc[i])]:
        ids.difference_update(t.i for t in stray.subtree)
    return ids


# "demanded a truce before allowing aid convoys": what the speaker does before or after is no
# part of what it asks, promises or refuses; it does not set the speech act's mode.
SEQUENCE_PREPS = {"before", "after", "until", "since", "without", "while"}


def _sequencing_ids(token: Token) -> set[int]:
    heads = [token, token.head] if token.dep_ in {"dobj", "nsubjpass"} else [token]
    return {
        t.i
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in SEQUENCE_PREPS
        for t in prep.subtree
    }


# CAMEO 113 "rally opposition against": a call to unite, rally or mobilize against a named
# side is a hostile act toward that side (PLOVER ACCUSE), not a request to the audience.
RALLY_VERBS = {"unite", "rally", "mobilize", "mobilise", "stand", "band", "rise"}
SIDE_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}


def _rallied_against(token: Token) -> Token | None:
    for t in sorted(_complement_ids(token)):
        verb = token.doc[t]
        if verb.lemma_.lower() not in RALLY_VERBS or verb.pos_ != "VERB":
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"):
            side = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if side is None:
                continue
            # "against Israel", "against the Baghdad government"; not "against the floods" nor
            # "against a US-led attack" (an act, not a side)
            names = [side] + [c for c in side.children if c.dep_ in {"compound", "poss"}]
            if any(t.ent_type_ in SIDE_ENTITIES or t.pos_ == "PROPN" for t in names):
                return side
    return None


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _misattached_finite(verb: Token) -> bool:
    """ "accused Washington of violating the deal and called on Europe to act": a finite verb
    the parser coordinates with a gerund or infinitive is the speaker's own next act, not part of
    what it accuses, urges or refuses."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ in FINITE_TAGS
        and verb.head.tag_ in {"VBG", "VB"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _with_intent_mode(
    event: EventCandidate,
    token: Token,
    found: list[tuple[EventCandidate, Token]],
    book: PatternBook,
) -> EventCandidate:
    inside = (_complement_ids(token) | _passive_subject_ids(token, found)) - _sequencing_ids(token)
    keys: list[str] = []
    for t in sorted(inside):
        # The lemma, then the word as written: the data lists "negotiations", "activities".
        keys.append(token.doc[t].lemma_.lower())
        keys.append(token.doc[t].lower_)
    for inner, inner_token in found:
        if inner_token.i in inside and inner is not event:
            keys.insert(0, inner.event_type)
            keys.insert(0, inner_token.lemma_.lower())
    # The speech act's own arguments come first; an inner act's target is a later option.
    acts = [i for i, t in found if t.i in inside and i is not event]
    # "claimed that ISIL had attacked Iraq": the accused is the inner act's doer.
    doers = [i.source for i in acts] if event.event_type == "ACCUSE" else []
    inner_targets = tuple(t for t in [*doers, *(i.target for i in acts)] if t is not None)
    if event.target is None and not event.target_options and inner_targets:
        event = replace(event, target=inner_targets[0])
    else:
        options = tuple(dict.fromkeys(event.target_options + inner_targets))
        event = replace(event, target_options=options)
    if (
        event.event_type == "AGREE"
        and token.lemma_.lower() in VOW_VERBS
        and any(i.event_type in HOSTILE_TYPES for i in acts)
    ):  # "vowed to retaliate", "pledged to stage more strikes": a threat, not a promise
        event = replace(event, event_type="THREATEN", mode=None, cameo="130", note="hostile vow")
    rallied = _rallied_against(token) if event.event_type == "REQUEST" else None
    if rallied is not None:  # "urged Arabs to unite against Israel": CAMEO 113, not an appeal
        note = f"{event.note}; " if event.note else ""
        return replace(
            event,
            event_type="ACCUSE",
            mode="disapprove",
            cameo="113",
            target=rallied.i,
            note=f"{note}call to rally against coded as ACCUSE",
        )
    if event.event_type == "AGREE" and event.cameo not in {None, "030"}:
        # "signed an accord granting Somaliland sea access": the signing (057) or another act
        # of its own is coded as itself; only a bare intent (030) takes the code of what it names
        return event
    own = next(
        (c for c in (intent_code(event.event_type, i.cameo) for i in acts) if c is not None), None
    )
    for key in keys:
        mode = book.intent_modes.get((event.event_type, key.lower()))
        if mode is not None:
            contexts = (mode.context,) if mode.context else event.contexts
            # a refusal's own row for the refused verb ("refused to allow": 1245) is the
            # more precise; elsewhere the inner act's code names the act best
            lemma_row = event.event_type == "REJECT" and key.upper() not in PLOVER_TYPES
            cameo = mode.cameo if lemma_row else own or mode.cameo
            if event.cameo and event.cameo.startswith("02") and cameo.startswith("10"):
                cameo = "02" + cameo[2:]  # an appeal (02x) mirrors the demand codes (10x)
            return replace(event, mode=mode.mode, cameo=cameo, contexts=contexts)
    return event


# The demand (CAMEO 10x) that asks for an act of a given code: "lift sanctions" (085) is asked
# for as 1054, "release prisoners" (0841) as 1053, "send humanitarian aid" (073) as 1033.
# Only codes precise enough to name the demanded act are mapped; 080, 083, 070, 04x stay with
# the intent-mode table.
DEMANDED = {
    "081": "1051", "082": "1052", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
    "071": "1031", "072": "1032", "073": "1033", "074": "1034",
    "061": "1011", "062": "1012", "063": "1013", "064": "1014",
}  # fmt: skip


# The threat (CAMEO 13x) of an act of a given code: "threatened to cut aid" (162) is 1311,
# "to pull out of the talks" (164) 134, "to blockade the port" (191) 1381.
THREATENED = {
    "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "191": "1381", "192": "1382",
}  # fmt: skip


# The refusal (CAMEO 12x) of an act of a given code: "refused to free the prisoners" (0841) is
# 1243, "to lift sanctions" (085) 1244, "to lift the curfew" (081) 1241, "to send troops" (062)
# 1212.
REFUSED = {
    "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "061": "1211", "062": "1212", "063": "1213", "064": "1214",
    "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
}  # fmt: skip


def intent_code(outer_type: str, inner_cameo: str | None) -> str | None:
    """The code of a request (10x), stated intent (03x), threat (13x) or refusal (12x) for an
    act with its own CAMEO code, or None when the act's code does not name it precisely."""
    if inner_cameo is None:
        return None
    if outer_type == "THREATEN":
        return THREATENED.get(inner_cameo[:3])
    if outer_type == "REJECT":
        return REFUSED.get(inner_cameo) or REFUSED.get(inner_cameo[:3])
    if outer_type not in {"REQUEST", "AGREE"}:
        return None
    demand = DEMANDED.get(inner_cameo[:3])
    if demand is None:
        return None
    return demand if outer_type == "REQUEST" else "03" + demand[2:]
