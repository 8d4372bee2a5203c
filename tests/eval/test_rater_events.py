"""dyad scored as one more rater on multi-rater CAMEO rounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval.cameo_gold import NO_EVENT, RatedSentence, read_cameo_conflibert_annotations
from dyad.eval.rater_events import (
    plurality,
    predict_rated,
    predicted_root,
    render_raters,
    score_raters,
    split_rated,
)

ROUNDS = Path(__file__).resolve().parents[3] / "shared/eval/events/cameo_conflibert_annotations"


def rated(sent_id: str, *labels: tuple[str, ...]) -> RatedSentence:
    return RatedSentence(
        sent_id, f"text of {sent_id}", 7, {str(i): lab for i, lab in enumerate(labels)}
    )


def test_plurality_needs_a_strict_winner_and_three_raters() -> None:
    assert plurality(rated("a", ("19",), ("19",), ("18",))) == "19"
    assert plurality(rated("b", ("19",), ("18",), ("19",), ("18",))) is None
    assert plurality(rated("c", ("19",), ("19",))) is None
    assert plurality(rated("d", (), (), ("11",))) == NO_EVENT
    # PentaClass level: 18 and 19 are both material conflict, so the raters agree there
    assert plurality(rated("e", ("19",), ("18",), ("11",)), "pentaclass") == "4"


def test_score_counts_dyad_against_the_plurality_and_statements_leniently() -> None:
    sentences = [
        rated("s1", ("19",), ("19",), ("18",)),  # dyad 19: agrees
        rated("s2", ("01",), ("01",), ("01",)),  # dyad none: wrong, lenient right
        rated("s3", (), (), ("04",)),  # dyad 04: wrong, a false detection
        rated("s4", ("11",), ("12",), ("11",), ("12",)),  # tie: left out of agreement
    ]
    report = score_raters(sentences, {"s1": "19", "s2": NO_EVENT, "s3": "04", "s4": "11"})
    assert report["root"]["n"] == 3
    assert report["root"]["agreement"] == pytest.approx(1 / 3)
    assert report["root"]["agreement_statement_as_none"] == pytest.approx(2 / 3)
    # raters against the others: s2 3 of 3; s1 and s3 one scored (the rest face a tie), a miss;
    # s4 all four miss
    assert report["root"]["raters_leave_one_out"] == pytest.approx(3 / 9)
    assert report["detection"]["tp"] == 2 and report["detection"]["fp"] == 1
    assert report["detection"]["fn"] == 1  # s2: most raters coded an event, dyad none
    assert "dyad as one more rater" in render_raters(report)


def test_predicted_root_takes_the_first_coded_event() -> None:
    assert predicted_root([None, "190", "112"]) == "19"
    assert predicted_root([]) == NO_EVENT


@pytest.mark.skipif(not ROUNDS.exists(), reason="../shared eval data not beside the project")
def test_real_rounds_split_and_code() -> None:
    sentences = read_cameo_conflibert_annotations(ROUNDS)
    dev, test = split_rated(sentences, "dev"), split_rated(sentences, "test")
    assert len(dev) + len(test) == len(sentences) == 200 and dev and test
    few = dev[:5]
    labels = predict_rated(few)
    assert set(labels) == {s.sent_id for s in few}
    assert all(
        label == NO_EVENT or (len(label) == 2 and label.isdigit()) for label in labels.values()
    )
