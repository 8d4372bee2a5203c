"""TIMEX3 readers and the date scorer: TempEval-3 TimeML and MEANTIME."""

import datetime as dt
from pathlib import Path

import pytest

from dyad.eval.dates import (
    evaluate_dates,
    read_timeml,
    read_timex_documents,
    score_documents,
    split_documents,
    timeml_components,
    timeml_extent,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
MEANTIME = SHARED / "eval" / "dates" / "meantime_en"

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-08" functionInDocument="CREATION_TIME">
January 8, 2026</TIMEX3></DCT>
<TEXT>
The army <EVENT eid="e1" class="OCCURRENCE">struck</EVENT> on <TIMEX3 tid="t1" type="DATE"
value="2026-01-06">Tuesday</TIMEX3> after talks &amp; protests <SIGNAL sid="s1">in</SIGNAL>
<TIMEX3 tid="t2" type="DATE" value="2025-12">December</TIMEX3> that lasted
<TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def timeml_file(tmp_path: Path) -> Path:
    path = tmp_path / "wsj_0001.tml"
    path.write_text(TIMEML, encoding="utf-8")
    return path


def test_timeml_reader_takes_the_dct_as_anchor(timeml_file: Path) -> None:
    assert read_timeml(timeml_file).anchor == dt.date(2026, 1, 8)


def test_timeml_reader_offsets_index_the_stripped_text(timeml_file: Path) -> None:
    doc = read_timeml(timeml_file)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["Tuesday", "December", "three days"]
    assert "&amp;" not in doc.text


def test_scorer_trims_prepositions_and_checks_values(timeml_file: Path) -> None:
    report, _ = score_documents([read_timeml(timeml_file)])
    assert report["strict"]["f1"] == 1.0
    assert report["date_normalisation_accuracy"] == 1.0
    assert report["per_type"]["DURATION"]["normalisation_accuracy"] == 1.0


EMPTY_TIMEX = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>APW_0002</DOCID>
<DCT><TIMEX3 tid='t0' type='DATE' value='2025-07-14' temporalFunction='false'
functionInDocument='CREATION_TIME'>2025-07-14</TIMEX3></DCT>
<TEXT>
Rebels held the pass for <TIMEX3 tid="t1" type="DURATION" value="P3D" beginPoint="t2"
endPoint="t0">three days</TIMEX3><TIMEX3 tid="t2" type="DATE" value="2025-07-11"
temporalFunction="true" anchorTimeID="t0"/> until troops retook it <TIMEX3 tid="t3" type="DATE"
value="2025-07-13" temporalFunction="true" anchorTimeID="t0">yesterday</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def test_timeml_reader_skips_empty_timexes_and_reads_single_quotes(tmp_path: Path) -> None:
    path = tmp_path / "APW_0002.tml"
    path.write_text(EMPTY_TIMEX, encoding="utf-8")
    doc = read_timeml(path)
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("three days", "P3D"),
        ("yesterday", "2025-07-13"),
    ]
    report, _ = score_documents([doc])
    assert report["relaxed"]["f1"] == 1.0
    assert report["date_normalisation_accuracy"] == 1.0


def test_a_month_of_next_year_is_scored_as_two_timexes(tmp_path: Path) -> None:
    path = tmp_path / "APW_0003.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-08">2026-01-08</TIMEX3></DCT>'
        '<TEXT>Licences lapse after <TIMEX3 tid="t1" type="DATE" value="2027-10">October'
        '</TIMEX3> of <TIMEX3 tid="t2" type="DATE" value="2027">next year</TIMEX3>.</TEXT>'
        "</TimeML>",
        encoding="utf-8",
    )
    report, matches = score_documents([read_timeml(path)])
    assert report["strict"]["f1"] == 1.0
    assert [(m.text, m.predicted) for m in matches] == [
        ("October", "2027-10"),
        ("next year", "2027"),
    ]


def test_timeml_extent_drops_a_leading_preposition() -> None:
    text = "clashes on Thursday"
    assert text[slice(*timeml_extent(text, 8, 19))] == "Thursday"


def test_timeml_extent_keeps_a_range_whole() -> None:
    text = "from 2009 to 2011"
    assert timeml_extent(text, 0, len(text)) == (0, len(text))


def test_split_is_even_dev_odd_test(timeml_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "wsj_0002.tml"
    other.write_text(TIMEML, encoding="utf-8")
    docs = read_timex_documents(tmp_path)
    assert [d.name for d in split_documents(docs, "dev")] == ["wsj_0001"]
    assert [d.name for d in split_documents(docs, "test")] == ["wsj_0002"]


def test_meantime_reader_aligns_gold_spans_with_the_text() -> None:
    docs = read_timex_documents(MEANTIME)
    assert len(docs) == 120
    doc = next(d for d in docs if d.name.startswith("1007169_"))
    assert doc.anchor == dt.date(2013, 12, 10)
    assert [doc.text[t.start : t.end] for t in doc.timexes][:2] == ["today", "33 years"]


def test_meantime_dev_half_meets_the_targets() -> None:
    report = evaluate_dates(MEANTIME)
    dev = report["dev"]
    assert dev["documents"] == 60
    assert dev["relaxed"]["f1"] >= 0.85
    assert dev["date_normalisation_accuracy"] >= 0.85


def test_a_year_range_holds_its_two_years_as_timexes() -> None:
    text = "Deliveries run from 2009 to 2011."
    assert [text[s:e] for s, e in timeml_components(text, 15, 32)] == ["2009", "2011"]


def test_timeml_extent_keeps_a_modifier_but_drops_a_signal() -> None:
    text = "Output fell over six years and rose over the weekend, about two weeks ago."
    assert text[slice(*timeml_extent(text, 12, 26))] == "over six years"
    assert text[slice(*timeml_extent(text, 36, 52))] == "the weekend"
    assert text[slice(*timeml_extent(text, 54, 73))] == "about two weeks ago"
