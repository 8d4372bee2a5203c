"""Event triggers: which verb or noun, with its particle, object or modifier, matches a pattern.

A verb matches by its lemma (or a base form guessed from its spelling); a noun matches only when
it names what happened: with a light verb ("held talks"), an argument of its own ("the bombing of
the hospital"), a verb saying it happened ("fighting erupted") or as what someone took part in.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.event_modality import HALT_VERBS
from dyad.extract.event_nouns import noun_fits
from dyad.extract.patterns import NO_EVENT, EventPattern, PatternBook, lemma_forms
from dyad.extract.trigger_doers import (
    SUBJECT_KEYED,
    WORKFORCES,
    by_workers,
    in_protest,
    natural_doer,
    subject_is,
)

# "stepped down", "set free": the parser sometimes attaches a verb's particle as an adverb.
PARTICLE_LIKE_DEPS = {"advmod", "acomp", "oprd", "advcl", "ccomp"}


JOINT_ADVERBS = {"jointly"}

# An object slot any named place fills: "advanced into Rafah" as well as "into the city".
PLACE_OBJECT = "@place"

# Verbs of pushing that ask an actor to act when an infinitive follows their object.
PUSHING_VERBS = {"push", "nudge", "spur", "goad"}

# Named entities that can be asked to act: states, organisations, groups, persons.
ACTOR_ENTITIES = {"GPE", "ORG", "NORP", "PERSON"}

CIRCUMSTANCE_PREPS = {
    "for", "after", "before", "during", "since", "until", "amid", "amidst", "despite",
    "following", "throughout", "because",
}  # fmt: skip


def object_of_verb_match(noun: Token, book: PatternBook) -> tuple[EventPattern, list[Token]] | None:
    """ "Sanctions on X were eased", "the ban was lifted": a passive subject that completes its
    verb's pattern is what the act is done to, not an act of its own; the verb codes the event."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.i < noun.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    match = match_trigger(verb, book)
    if match is None or not any(t.i == noun.i for t in match[1]):
        return None
    return match


def match_trigger(token: Token, book: PatternBook) -> tuple[EventPattern, list[Token]] | None:
    lemma = token.lemma_.lower()
    # "the captured soldiers", "the detained journalist": a participle before its noun
    # describes the noun; the act is an earlier one, not this sentence's event.
    attributive = token.dep_ == "amod" and token.tag_ == "VBN" and token.i < token.head.i
    if attributive:
        pass
    elif token.pos_ in {"VERB", "AUX"} or (
        # "The chess champion attacked ...": a root noun with a determiner is no misparsed verb.
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and not any(c.dep_ == "det" for c in token.children)
    ):
        if natural_doer(token):
            return None  # "stocks rallied", "oil prices retreated": no one acts
        forms = _hyphen_prefixed(token, lemma_forms(token))
        for verbs, doers, stand_in in SUBJECT_KEYED:
            if lemma in verbs and stand_in in book.verbs and subject_is(token, doers):
                forms = [stand_in]  # "protesters gathered outside parliament"
        if (
            lemma == "strike"
            and subject_is(token, frozenset(WORKFORCES))
            and "boycott" in book.verbs
        ):
            forms = ["boycott"]  # "dock workers struck for a third day": a labour strike
        if _lets_go(token) and "release" in book.verbs:
            forms = ["release"]  # "let the hostages go": a release
        key = next((f for f in forms if f in book.verbs), lemma)
        fitted, match = _first_fit(token, book.verbs.get(key, ()))
        if fitted:
            return match
        # A verb no pattern codes may still be an act by how it is done.
        fallback = None
        if any(c.lower_ in JOINT_ADVERBS for c in token.children):
            fallback = "cooperate"  # "the two firms will jointly develop the field"
        elif in_protest(token):
            fallback = "demonstrate"  # "farmers drove tractors into the capital in protest"
        elif lemma in PUSHING_VERBS and _pushed_to_act(token):
            fallback = "press"  # "France pushed the Security Council to adopt a resolution"
        for pattern in book.verbs.get(fallback or "", ()):
            if pattern.plain:
                return pattern, [token]
        # A verb no pattern names, typed through its WordNet kin ("pummelled" as "beat").
        if fallback is None and key not in book.verbs and token.pos_ == "VERB":
            fitted, match = _first_fit(token, book.kin_aliases.get(lemma, ()))
            if fitted:
                return match
    # "staged military drills": the tagger sometimes calls a plural noun object a verb.
    misparsed_noun = token.pos_ == "VERB" and token.dep_ in {"dobj", "pobj", "nsubjpass"}
    if token.pos_ in {"NOUN", "PROPN"} or misparsed_noun:
        keys = {lemma, token.lower_}
        if token.pos_ == "PROPN" and token.is_title and lemma == token.lower_:
            keys.update(_singular(token.lower_))  # "Airstrikes were reported": no lemma made
        # "build-up", "pull-out": the hyphenated noun's head is its last part.
        keys.update(f.replace("-", "") for f in _hyphen_prefixed(token, [lemma]) if "-" in f)
        keys.update(f for f in _hyphen_prefixed(token, [lemma]) if "-" in f)
        if lemma == "strike" and by_workers(token):
            keys = {"walkout"}  # "a strike by dock workers", "the teachers' strike"
        for verbs, doers, stand_in in SUBJECT_KEYED:
            # "truckers mounted a blockade": the light verb's subject decides the noun's sense
            if lemma in verbs and stand_in in book.nouns and subject_is(token.head, doers):
                keys = {stand_in}
        for key in keys:
            for pattern in book.nouns.get(key, ()):
                tokens = noun_fits(token, pattern, book)
                if tokens is not None:
                    return None if pattern.event_type == NO_EVENT else (pattern, tokens)
    return None


def _first_fit(
    verb: Token, patterns: tuple[EventPattern, ...]
) -> tuple[bool, tuple[EventPattern, list[Token]] | None]:
    """(whether a pattern fits the verb, its event): the first pattern that fits decides, and
    codes nothing where it names a sense that is no event, or where the clause makes none."""
    for pattern in patterns:
        tokens = _verb_fits(verb, pattern)
        if tokens is None:
            continue
        if pattern.event_type == NO_EVENT or _warns_of_anothers_act(verb):
            return True, None
        if verb.lemma_.lower() in UNDERGOER_VERBS and not any(
            c.dep_ in {"dobj", "nsubjpass"} for c in verb.children
        ):
            return True, None  # "the crowd dispersed": the subject is what it would be done to
        return True, (pattern, tokens)
    return False, None


def _hyphen_prefixed(token: Token, forms: list[str]) -> list[str]:
    """ "test-fired" is parsed as "test" "-" "fired": try "test-fire" before "fire"."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].head.i == token.i:
        prefix = doc[token.i - 2].lower_
        return [f"{prefix}-{f}" for f in forms] + forms
    return forms


def _verb_fits(verb: Token, pattern: EventPattern) -> list[Token] | None:
    tokens = [verb]
    particle_tok = None
    if pattern.particle:
        words = pattern.particle.split()
        particle_tok = next(
            (
                c
                for c in verb.children
                if (
                    c.dep_ in {"prt", "prep", "agent"}
                    or (c.dep_ in PARTICLE_LIKE_DEPS and c.i > verb.i)
                )
                and c.lower_ == words[0]
                and not _names_time(c)
            ),
            _clause_mark(verb, words[0]) or _object_prep(verb, words[0], pattern),
        )
        if particle_tok is None:
            return None
        tokens.append(particle_tok)
        # "pulled out of negotiations": each further word of the particle follows the last,
        # as its child or the verb's.
        for word in words[1:]:
            last = tokens[-1]
            nxt = next(
                (
                    c
                    for c in [*last.children, *verb.children]
                    if c.i == last.i + 1 and c.lower_ == word
                ),
                None,
            )
            if nxt is None:
                return None
            tokens.append(nxt)
        particle_tok = tokens[-1]
    if pattern.needs_clause:
        if not any(c.dep_ == "ccomp" for c in verb.children):
            return None
    elif pattern.objects:
        objects = [
            c
            for c in verb.children
            if c.dep_ in {"dobj", "attr", "oprd", "acomp", "nsubjpass", "npadvmod"}
        ]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the agreement, signed on Tuesday"
            objects.append(verb.head)
        objects.extend(_complement_objects(verb))
        if not any(c.dep_ == "dobj" for c in verb.children):
            # "imposed and then lifted a curfew": coordinated verbs share the last one's object.
            objects.extend(
                o
                for c in verb.children
                if c.dep_ == "conj" and c.pos_ == "VERB"
                for o in c.children
                if o.dep_ == "dobj"
            )
        if any(c.dep_ == "oprd" for c in objects):  # "called the strike a violation": the
            objects = [c for c in objects if c.dep_ != "dobj"]  # label, not the thing named
        # "withdrew from the treaty": a prepositional particle names where its object is.
        preps = [particle_tok] if particle_tok is not None and particle_tok.dep_ == "prep" else []
        attached = [c for c in verb.children if c.dep_ in {"prep", "prt"}]
        # "pulled out of the talks": a preposition hanging off the particle
        attached += [g for c in attached if c.dep_ == "prt" for g in c.children if g.dep_ == "prep"]
        if any(c.dep_ == "dobj" for c in verb.children) and not preps:
            # "held rates steady for a third meeting": with an object of its own, a verb's
            # phrase of time or cause names no second object.
            attached = [c for c in attached if c.lower_ not in CIRCUMSTANCE_PREPS]
        if pattern.event_type == NO_EVENT and not preps:
            # "hit the road" is no attack, but "hit a convoy on the road" is: a sense row
            # that codes nothing names the verb's own object, not where the act happened.
            attached = []
        for prep in preps or attached:
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
            # "pulled out of the talks" with "out" parsed as a preposition
            objects.extend(
                g for c in prep.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
            )
        # "flight MH17", "ceasefire agreement": a compound before the object names it too.
        objects.extend(c for o in list(objects) for c in o.lefts if c.dep_ == "compound")
        # "held Hamas responsible": an adjective after the object is its complement.
        objects.extend(
            c for o in list(objects) for c in o.rights if c.dep_ == "amod" and o.dep_ == "dobj"
        )
        # "doctors and medical equipment": each conjoined object counts.
        objects.extend(c for o in list(objects) for c in o.children if c.dep_ == "conj")
        # "700 kg of medicine", "$2 billion in military aid": the measured thing counts.
        for head in list(objects):
            measured = {"of", "in"} if head.pos_ == "NUM" or head.lower_ == "million" else {"of"}
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in measured):
                inner = [c for c in prep.children if c.dep_ == "pobj"]
                objects.extend(inner)
                objects.extend(c for o in inner for c in o.children if c.dep_ == "compound")
        obj = next(
            (
                o
                for o in objects
                if o.lemma_.lower() in pattern.objects
                or o.lower_ in pattern.objects
                or (PLACE_OBJECT in pattern.objects and _names_place(o))
            ),
            None,
        )
        if obj is None:
            return None
        if pattern.event_type in {"ACCUSE", "MOBILIZE", "ASSAULT", "COERCE"} and any(
            c.dep_ == "amod" and c.lower_ == "joint" for c in obj.children
        ):
            return None  # "launched a joint investigation": the joint noun codes cooperation
        tokens.append(obj)
    return tokens


# Verbs of permission, whose object the parser makes the subject of the infinitive after them:
# "allowed inspectors to visit", "let the hostages go". (Not "ordered troops to withdraw": the
# order is no deployment; the withdrawal is the act.)
OBJECT_RAISING_VERBS = {"allow", "permit", "let"}


def _complement_objects(verb: Token) -> list[Token]:
    """What a verb acts on through its complement clause: the subject of an infinitive after a
    verb of permitting ("allowed inspectors to visit"), and the gerund a verb of halting takes
    with the gerund's own object ("stopped shelling the city", "ceased providing aid")."""
    found: list[Token] = []
    lemma = verb.lemma_.lower()
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.i < verb.i:
            continue
        if clause.dep_ == "xcomp" and clause.pos_ == "NOUN":
            found.append(clause)  # "admitted defeat late on Sunday": a noun object misparsed
        if lemma in OBJECT_RAISING_VERBS:
            found.extend(c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i)
        if clause.dep_ == "xcomp" and clause.tag_ == "VBG" and lemma in HALT_VERBS:
            found.append(clause)
            found.extend(c for c in clause.children if c.dep_ == "dobj")
    return found


def raised_object(verb: Token) -> Token | None:
    """What a verb of permission acts on: "allowed inspectors to visit" -> inspectors."""
    if verb.lemma_.lower() not in OBJECT_RAISING_VERBS:
        return None
    return next(
        (
            s
            for c in verb.children
            if c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i
            for s in c.children
            if s.dep_ == "nsubj" and s.i < c.i
        ),
        None,
    )


def _lets_go(verb: Token) -> bool:
    """ "let the hostages go", "let them go free"; not "let it go" (drop a matter)."""
    return verb.lemma_.lower() == "let" and any(
        c.dep_ in {"ccomp", "xcomp"}
        and c.lemma_.lower() == "go"
        and c.i > verb.i
        and any(s.dep_ == "nsubj" and s.lower_ not in {"it", "this", "that"} for s in c.children)
        for c in verb.children
    )


def _clause_mark(verb: Token, word: str) -> Token | None:
    """ "called for observers to monitor the vote": the parser makes "for" the mark of the
    clause that follows; it is still the verb's particle."""
    for clause in verb.children:
        if clause.dep_ in {"advcl", "ccomp", "xcomp"}:
            for mark in clause.children:
                if mark.dep_ == "mark" and mark.lower_ == word and mark.i == verb.i + 1:
                    return mark
    return None


def _object_prep(verb: Token, word: str, pattern: EventPattern) -> Token | None:
    """ "targeted potash exports with new sanctions": the parser may hang the verb's preposition
    off its object; it still completes a pattern that also names what the phrase holds. Only
    "with" and "on" ("blamed the slump on weak demand", "put the leader on trial"): in "withdrew
    funding from the programme" the phrase names where the funding was."""
    if word not in {"with", "on"} or not pattern.objects or pattern.needs_clause:
        return None
    return next(
        (
            p
            for o in verb.children
            if o.dep_ == "dobj"
            for p in o.rights
            if p.dep_ == "prep" and p.lower_ == word and not _names_time(p)
        ),
        None,
    )


def _names_time(prep: Token) -> bool:
    """ "agreed on Saturday": a preposition before a date is no particle of the verb."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def _pushed_to_act(verb: Token) -> bool:
    """ "pushed Israel to allow more aid": a named actor as the object and an infinitive after
    it; not "pushed prices to new highs" nor "pushed the button"."""
    named = any(c.dep_ == "dobj" and c.ent_type_ in ACTOR_ENTITIES for c in verb.children)
    return named and any(
        c.dep_ in {"xcomp", "advcl", "ccomp"}
        and c.i > verb.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _names_place(noun: Token) -> bool:
    """A named town, region or site as a prepositional object: "into Rafah", "into Kherson"."""
    if noun.dep_ != "pobj":
        return False
    # The tagger often leaves a small town unnamed ("into Rafah"): a bare proper noun counts.
    return noun.ent_type_ in {"GPE", "LOC", "FAC"} or (noun.pos_ == "PROPN" and not noun.ent_type_)


def _singular(word: str) -> list[str]:
    """Singular forms a plural noun may have ("airstrikes", "casualties", "clashes")."""
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    return [word[:-1]] if word.endswith("s") and not word.endswith("ss") else []


# Verbs whose subject, with no object, undergoes the act rather than doing it.
UNDERGOER_VERBS = {"disperse", "scatter"}


def _warns_of_anothers_act(verb: Token) -> bool:
    """ "Washington warned of a possible Russian invasion": a warning about what another actor
    may do is a comment on it, no threat (Iran "warned of a crushing response" is Iran's own)."""
    if verb.lemma_.lower() != "warn":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    said = {t.lower_ for t in subject.subtree} if subject is not None else set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"):
        for act in (c for c in prep.children if c.dep_ == "pobj"):
            doers = [
                c
                for c in act.children
                if c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in {"NORP", "GPE", "ORG"}
            ]
            if any(not any(_same_stem(d.lower_, w) for w in said) for d in doers):
                return True
    return False


def _same_stem(a: str, b: str) -> bool:
    """ "Israeli" and "Israel", "Iranian" and "Iran": a demonym shares its country's stem."""
    return a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])
