"""Event participants from the team's example articles: definite descriptions that refer back
("the bloc", "the agency", "the paramilitary group"), documents that are no actor ("the
statement", "the Reciprocal Access Agreement") and pronouns inside a direct quote."""

from __future__ import annotations

from dyad.article import Article, Event, Participant, article_id_for
from dyad.pipeline import code_article


def coded(text: str) -> list[Event]:
    article = Article(id=article_id_for(text), text=text, date="2025-11-20", date_source="article")
    return code_article(article).events


def by_trigger(events: list[Event], word: str) -> Event:
    return next(e for e in events if e.trigger.text.split()[0] == word)


def who(participant: Participant | None) -> tuple[str | None, str | None, str | None] | None:
    if participant is None or participant.actor is None:
        return None
    actor = participant.actor
    return actor.country, actor.sector, actor.name


# -- 1. definite descriptions take the most recent compatible earlier mention --------------------

SUDAN = (
    "The UN World Food Programme sent a convoy of 27 trucks to Tawila on Wednesday.\n\n"
    "A WFP spokesperson said that the agency had asked both the RSF and the Sudanese Armed Forces"
    " for guarantees of safe passage but had not received a reply."
)


def test_the_agency_is_the_un_agency_named_before() -> None:
    event = by_trigger(coded(SUDAN), "asked")
    assert event.source is not None and event.source.text == "agency"
    assert who(event.source) == (None, "IGO", "World Food Programme")


def test_the_bloc_is_the_eu_not_a_country() -> None:
    text = (
        "Iran on Tuesday rejected new sanctions imposed by the European Union.\n\n"
        "EU foreign ministers meeting in Brussels on Monday imposed asset freezes and travel bans"
        " on eight people, including senior prison officials and judges, over what the bloc called"
        " serious human rights violations."
    )
    event = by_trigger(coded(text), "called")
    assert event.source is not None and event.source.actor is not None
    assert event.source.actor.sector == "IGO"
    assert event.source.actor.name is not None and "European Union" in event.source.actor.name


def test_the_paramilitary_group_is_the_armed_group_not_the_african_union() -> None:
    text = (
        "Sudan's government will meet African Union officials in Addis Ababa next week.\n\n"
        "The RSF has not been invited to the meeting, according to an AU official. The"
        " paramilitary group said earlier this month that it would accept a three-month"
        " humanitarian ceasefire proposed by the United States."
    )
    event = by_trigger(coded(text), "accept")
    assert who(event.source) == ("SDN", "REB", "Rapid Support Forces")


def test_the_country_is_the_state_named_before() -> None:
    text = (
        "Venezuela deployed thousands of troops to its western border states on Wednesday,"
        " describing the move as an exercise to defend the country against foreign aggression."
    )
    event = by_trigger(coded(text), "defend")
    assert who(event.target) == ("VEN", "GOV", "Venezuela")


def test_a_more_specific_agency_is_not_the_earlier_one() -> None:
    text = (
        "The UN World Food Programme said it had sent hot meals to families in Petion-Ville.\n\n"
        "The civil protection agency said buses and police trucks carried residents down the"
        " mountain road after gunmen burned homes overnight."
    )
    events = coded(text)
    assert not any(
        e.source is not None
        and e.source.text.endswith("agency")
        and e.source.actor is not None
        and e.source.actor.name == "World Food Programme"
        for e in events
    )


# -- 2. a document, law or agreement is never an actor -----------------------------------------


def test_a_statement_is_not_the_source() -> None:
    text = (
        "Mali's armed forces said in a statement that convoys would be protected by soldiers and"
        " drones. The statement did not say how many troops would be sent."
    )
    for event in coded(text):
        assert event.source is None or "statement" not in event.source.text


def test_an_agreement_that_allows_something_has_no_source() -> None:
    text = (
        "The Reciprocal Access Agreement, signed in Manila in July 2024, allows each country's"
        " troops to train on the other's territory."
    )
    for event in coded(text):
        assert event.source is None or "Agreement" not in event.source.text


# -- 3. pronouns inside a direct quote ---------------------------------------------------------

SERBIA = (
    "Tens of thousands of students rallied in the central Serbian city of Kragujevac on Saturday"
    " to demand early parliamentary elections.\n\n"
    "At least seven people were detained after scuffles with a group of government supporters"
    " near the city hall, according to the interior ministry.\n\n"
    "\u201cWe are not going anywhere until there are elections,\u201d a 22-year-old medical"
    " student told reporters. \u201cThey can call us foreign agents, they can arrest us, but we"
    " are the majority.\u201d"
)


def test_they_in_a_quote_is_not_the_reporters_the_speaker_told() -> None:
    event = by_trigger(coded(SERBIA), "arrest")
    assert event.source is not None and event.source.text.lower() == "they"
    assert event.source.actor is None or event.source.actor.sector not in {"MED", "EDU"}


def test_us_in_a_students_quote_is_the_students_not_the_state() -> None:
    event = by_trigger(coded(SERBIA), "arrest")
    assert event.target is not None and event.target.actor is not None
    assert (event.target.actor.country, event.target.actor.sector) == ("SRB", "EDU")
    assert event.target.actor.name is None  # the students, not "Serbia"


# -- forces named before a thing or a unit, and an organisation's members ----------------------

ALEPPO = (
    "Syrian government forces and fighters of the Kurdish-led Syrian Democratic Forces (SDF)"
    " clashed overnight in Aleppo's Sheikh Maqsoud neighbourhood.\n\n"
    "Syria's defence ministry said that SDF snipers had opened fire on an army checkpoint near"
    " the Castello road shortly after midnight, killing two soldiers. Army units returned fire"
    " and shelled positions on the edge of the neighbourhood, according to the ministry.\n\n"
    '"Our forces were attacked with mortars and drones while civilians were asleep," the SDF'
    " said in a statement, adding that two of its members had been killed."
)


def test_the_army_of_an_army_checkpoint_is_the_target() -> None:
    event = by_trigger(coded(ALEPPO), "opened")
    assert event.target is not None and event.target.actor is not None
    assert (event.target.actor.country, event.target.actor.sector) == ("SYR", "MIL")


def test_army_units_are_the_military() -> None:
    event = by_trigger(coded(ALEPPO), "returned")
    assert event.source is not None and event.source.actor is not None
    assert (event.source.actor.country, event.source.actor.sector) == ("SYR", "MIL")


def test_its_members_belong_to_the_group_named_before() -> None:
    events = [e for e in coded(ALEPPO) if e.target is not None and e.target.text == "members"]
    assert events and who(events[0].target) == ("SYR", "REB", "Syrian Democratic Forces")


def test_artillery_fire_names_no_source() -> None:
    text = (
        "Local volunteers in El Fasher, Sudan, reported that at least nine people were killed"
        " by artillery fire in the Abu Shouk camp on Sunday."
    )
    for event in coded(text):
        assert event.source is None or "artillery" not in event.source.text


def test_foreign_intelligence_is_not_the_home_countrys() -> None:
    text = (
        "Serbian President Aleksandar Vucic, speaking in Belgrade, accused unnamed foreign"
        " intelligence services of financing the protests."
    )
    for event in coded(text):
        if event.target is not None and "intelligence" in event.target.text:
            assert event.target.actor is None or event.target.actor.country != "SRB"


def test_the_one_urged_is_not_the_clauses_own_subject() -> None:
    text = (
        "Israel eased restrictions on goods entering Gaza on Tuesday, allowing shelter materials"
        " through the Kerem Shalom crossing after the United Nations and Egyptian mediators urged"
        " it to let more aid into the territory."
    )
    event = by_trigger(coded(text), "urged")
    assert who(event.target) == ("ISR", "GOV", "Israel")


def test_a_singular_body_never_refers_back_to_a_plural_group() -> None:
    text = (
        "Kenya's government expelled two Ugandan diplomats from Nairobi on Monday.\n\n"
        "The foreign ministry accused them of spying and ordered them to leave within 48 hours."
    )
    article = Article(id=article_id_for(text), text=text, date="2025-11-20", date_source="article")
    mentions = code_article(article).mentions
    ministry = next(m for m in mentions if "ministry" in m.text)
    assert ministry.actor is not None and ministry.actor.country == "KEN"
