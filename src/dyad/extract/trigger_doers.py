"""Verb and noun senses keyed by who acts: "protesters gathered" is a demonstration, "teachers
struck" a labour strike, "the storm hit the coast" no one's act."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract.non_agents import is_natural_force, non_agent_nouns

# Who strikes in the labour sense: "teachers struck", unlike "drones struck".
STRIKING_TRADES = {
    "worker", "union", "teacher", "doctor", "nurse", "driver", "miner", "docker", "dockworker",
    "employee", "staff", "pilot", "trucker", "farmer", "student", "lecturer", "controller",
    "porter", "labourer", "laborer", "physician",
}  # fmt: skip


# Plain verbs that are an event only with a telling subject: (verbs, subjects, the verb pattern
# that codes them). "Protesters gathered" is a demonstration, "the last troops left" a withdrawal.
SUBJECT_KEYED: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (
        frozenset({"gather", "assemble", "converge", "flock", "pour", "throng", "mass"}),
        frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "striker"}),
        "demonstrate",
    ),
    (
        frozenset({"leave", "exit", "quit", "depart", "vacate"}),
        frozenset({"troop", "troops", "soldier", "force", "forces", "army", "peacekeeper"}),
        "withdraw",
    ),
    (
        frozenset({"attack", "target", "hit", "strike", "breach", "infiltrate"}),
        frozenset({"hacker", "hackers"}),
        "hack",
    ),
    (
        frozenset({"block", "occupy", "blockade", "barricade", "paralyse", "paralyze"}),
        frozenset(
            {
                "protester",
                "protestor",
                "demonstrator",
                "driver",
                "farmer",
                "worker",
                "resident",
                "villager",
                "student",
                "activist",
                "trucker",
                "striker",
                "crowd",
                "supporter",
            }
        ),
        "barricade",
    ),
    (
        frozenset({"protest"}),
        frozenset({"ministry", "government", "embassy", "ambassador", "minister", "spokesman"}),
        "complain",
    ),
    (  # "teachers struck for a third day": a labour strike, not an air strike
        frozenset({"strike"}),
        frozenset(STRIKING_TRADES),
        "boycott",
    ),
    (  # "protesters clashed with police": a violent protest
        frozenset({"clash", "scuffle", "brawl", "fight"}),
        frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "striker"}),
        "riot",
    ),
    (  # "rioters torched cars": the riot is the event, not a seizure of property
        frozenset({"torch", "loot", "burn", "smash", "ransack", "vandalize", "vandalise"}),
        frozenset({"rioter", "mob", "looter", "hooligan"}),
        "riot",
    ),
    (
        frozenset({"land", "fall", "slam", "crash", "rain", "blast", "rip", "rock"}),
        frozenset({"round", "shell", "mortar", "rocket", "missile", "bomb", "projectile", "drone"}),
        "shell",
    ),
)


WORKFORCES = {
    "worker", "workers", "union", "unions", "teacher", "teachers", "doctor", "doctors", "nurse",
    "nurses", "driver", "drivers", "miner", "miners", "docker", "dockers", "employee", "staff",
    "pilot", "pilots", "farmer", "farmers", "trucker", "truckers", "student", "students",
    "labour", "labor", "transport", "rail", "postal", "port", "dock", "taxi",
}  # fmt: skip


def subject_is(verb: Token, nouns: frozenset[str]) -> bool:
    """The verb's subject, or what it counts ("thousands of protesters"), is one of ``nouns``."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":  # "teachers threatened to strike"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    crowd = [subject] if subject is not None else []
    crowd += [g for c in crowd for p in c.children if p.lower_ == "of" for g in p.children]
    return any(c.lemma_.lower() in nouns or c.lower_ in nouns for c in crowd)


def natural_doer(verb: Token) -> bool:
    """The verb's doer is weather, a hazard, a market or the economy: "stocks rallied",
    "the dollar retreated", "the storm slammed into the coast" report no act of anyone's."""
    # "A magnitude 6.1 earthquake struck": the parser may give the verb two subjects. The head
    # noun decides ("oil prices", "the price of oil"), not what it is about. A passive's agent
    # is its doer: "the village was hit by a landslide".
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(
        is_natural_force(c.lemma_.lower()) or is_natural_force(c.lower_) or _mishap(c)
        for c in doers
    )


# Incidents that a named cause makes a mishap: "a gas explosion", "a boiler blast".
INCIDENTS = {"explosion", "blast", "leak", "fire", "collapse"}
MISHAP_CAUSES = {"substance", "mishap", "hazard", "weather"}


def _mishap(subject: Token) -> bool:
    """ "A gas explosion destroyed the block": an incident whose cause is a substance, a mishap
    or weather is no one's act ("a car bomb explosion" is: a bomb is no substance)."""
    if subject.lemma_.lower() not in INCIDENTS:
        return False
    causes = (c for c in subject.lefts if c.dep_ in {"compound", "amod", "nmod"})
    return any(non_agent_nouns().get(c.lemma_.lower()) in MISHAP_CAUSES for c in causes)


def in_protest(verb: Token) -> bool:
    """ "... in protest": the phrase may hang off the verb or, misparsed, off its object."""
    for prep in verb.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        if any(g.lemma_.lower() == "protest" and g.dep_ == "pobj" for g in prep.children):
            up = prep.head
            while up.i != verb.i and up.pos_ not in {"VERB", "AUX"} and up.head.i != up.i:
                up = up.head
            if up.i == verb.i:
                return True
    return False


def by_workers(noun: Token) -> bool:
    """A strike whose doer is a workforce is a labour strike, not an air strike."""
    doers = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
    doers += [g for c in noun.children if c.lower_ == "by" for g in c.children]
    # "a strike called by the transport unions": the participle's agent is the doer.
    doers += [
        g
        for p in noun.children
        if p.dep_ == "acl"
        for c in p.children
        if c.dep_ == "agent"
        for g in c.children
    ]
    doers += [c for d in list(doers) for c in d.children if c.dep_ == "compound"]
    return any(d.lemma_.lower() in WORKFORCES or d.lower_ in WORKFORCES for d in doers)
