"""`dyad eval events`: code every gold sentence with code_article and score the events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyad.article import Article, CodedArticle, article_id_for
from dyad.eval.cameo_gold import read_conflibert_cameo_test, read_petr2_gsr_validation
from dyad.eval.cameo_plover import load_cameo_plover
from dyad.eval.event_gold import GoldSentence, dev_test_split, read_plover_gsr
from dyad.eval.event_scoring import PredEvent, pred_from_event, score_events
from dyad.pipeline import code_article

CAMEO_TABLE = Path("reference") / "CAMEO2PLOVER-2021.txt"
KNOWN_SETS = ("plover_gsr", "petr2_gsr_validation", "conflibert_cameo_test")


def cameo_table_path(dataset: Path) -> Path:
    """../shared/reference/CAMEO2PLOVER-2021.txt, found from a dataset under ../shared/eval."""
    for parent in dataset.resolve().parents:
        if (parent / CAMEO_TABLE).exists():
            return parent / CAMEO_TABLE
    raise FileNotFoundError(f"cannot find {CAMEO_TABLE} above {dataset}")


def read_gold(dataset: Path) -> list[GoldSentence]:
    """Gold sentences of one event set, chosen by its folder name."""
    name = dataset.name
    if name == "plover_gsr":
        return read_plover_gsr(dataset)
    if name == "petr2_gsr_validation":
        return read_petr2_gsr_validation(dataset, load_cameo_plover(cameo_table_path(dataset)))
    if name == "conflibert_cameo_test":
        return read_conflibert_cameo_test(dataset)
    raise ValueError(f"unknown event set {name!r}: expected one of {', '.join(KNOWN_SETS)}")


def coded_sentence(text: str) -> CodedArticle:
    """A gold sentence coded as a one-sentence article (no date: the event sets have none)."""
    article = Article(id=article_id_for(text), text=text, date=None, date_source="none")
    return code_article(article)


def predict(sentences: list[GoldSentence]) -> dict[str, list[PredEvent]]:
    """Code each sentence as a one-sentence article."""
    return {
        s.sent_id: [pred_from_event(e) for e in coded_sentence(s.text).events] for s in sentences
    }


def evaluate_events(
    path: Path, split: str = "all", progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Score one set, or every known set under a folder, on the dev, test or all sentences."""
    datasets = (
        [path] if path.name in KNOWN_SETS else [path / n for n in KNOWN_SETS if (path / n).exists()]
    )
    if not datasets:
        raise ValueError(f"no event gold set under {path} (expected {', '.join(KNOWN_SETS)})")
    reports: dict[str, Any] = {"split": split, "sets": {}}
    for dataset in datasets:
        if progress:
            progress(dataset.name)
        sentences = read_gold(dataset)
        if split != "all":
            dev, test = dev_test_split(sentences)
            sentences = dev if split == "dev" else test
        table = load_cameo_plover(cameo_table_path(dataset))
        reports["sets"][dataset.name] = score_events(
            sentences, predict(sentences), table, label=f"{dataset.name} ({split})"
        )
    return reports
