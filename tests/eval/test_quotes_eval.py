"""PolNeAR reader, the quote scorer and the dev-set evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval.quotes import (
    Attribution,
    GoldArticle,
    PolnearError,
    QuoteScore,
    evaluate_quotes,
    read_ann,
    read_polnear,
    split_tune_held,
)
from dyad.extract.quotes import QuoteSpan

POLNEAR = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "quotes" / "polnear_dev"
TEXT = '"We will win," Smith said. Jones said the plan would fail.'


def article(*attributions: Attribution) -> GoldArticle:
    return GoldArticle("a", TEXT, "x", "nyt", attributions)


def quote(start: int, end: int, kind: str, speaker: tuple[int, int] | None) -> QuoteSpan:
    who = speaker or (None, None)
    return QuoteSpan(start, end, kind, None, None, who[0], who[1], "test")


DIRECT = Attribution(content=((0, 14),), cue=((21, 25),), source=((15, 20),))
INDIRECT = Attribution(content=((38, 57),), cue=((33, 37),), source=((27, 32),))


def test_ann_relation_reads_discontinuous_content(tmp_path: Path) -> None:
    path = tmp_path / "doc_x.ann"
    path.write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;30 40\tabc\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    [rel] = read_ann(path)
    assert rel.content == ((11, 20), (30, 40)) and rel.source == ((0, 5),)


def test_ann_relation_to_a_missing_span_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "doc_x.ann"
    path.write_text("T1\tCue 6 10\tsaid\nE1\tAttribution:T9 Cue:T1\n", encoding="utf-8")
    with pytest.raises(PolnearError, match=r"doc_x.ann:2"):
        read_ann(path)


def test_direct_is_decided_by_quote_marks() -> None:
    gold = article(DIRECT, INDIRECT)
    assert [gold.is_direct(a) for a in gold.attributions] == [True, False]


def test_overlap_exact_speaker_and_direct_scores() -> None:
    score = QuoteScore()
    predicted = [quote(0, 14, "direct", (15, 20)), quote(42, 57, "indirect", (0, 3))]
    score.add(article(DIRECT, INDIRECT), predicted)
    report = score.report()
    assert report["overlap"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert report["exact"]["precision"] == 0.5
    assert report["speaker_accuracy"] == 0.5
    assert report["direct"]["f1"] == 1.0


def test_prediction_outside_any_attribution_lowers_precision_only() -> None:
    score = QuoteScore()
    score.add(article(DIRECT), [quote(0, 14, "direct", (15, 20)), quote(27, 37, "indirect", None)])
    assert score.report()["overlap"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}


def test_polnear_dev_has_84_articles_split_in_halves() -> None:
    articles = read_polnear(POLNEAR)
    tune, held = split_tune_held(articles)
    assert len(articles) == 84 and len(tune) == len(held) == 42
    assert not {a.id for a in tune} & {a.id for a in held}
    assert tune[0].id == sorted(a.id for a in articles)[0]


@pytest.mark.slow
def test_evaluate_quotes_on_a_few_articles_reports_all_parts() -> None:
    report = evaluate_quotes(POLNEAR, limit=4)
    assert report["articles"] == 4
    assert report["all"]["gold"] == report["tune"]["gold"] + report["held"]["gold"]
    assert report["all"]["overlap"]["precision"] > 0.8
    assert report["throughput"]["quotes_per_s"] > 0
