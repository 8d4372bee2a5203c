"""The Ray runner in local mode on two CPUs codes exactly what the local runner codes."""

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyad.article import Article
from dyad.batch import write_jsonl
from dyad.ingest.sources import iter_articles
from dyad.scale.article_parquet import (
    COUNTED,
    article_from_row,
    iter_coded_json,
    write_articles_parquet,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def local_lines() -> list[str]:
    """The CodedArticle JSON Lines the local runner writes for examples/."""
    out = io.StringIO()
    write_jsonl([str(EXAMPLES)], out, workers=1)
    return out.getvalue().splitlines()


@pytest.fixture(scope="module")
def ray_outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Parquet from code_with_ray and JSON Lines from the CLI engine, each in local mode."""
    from dyad.scale.cli_engine import code_with_ray_engine
    from dyad.scale.ray_runner import code_with_ray

    folder = tmp_path_factory.mktemp("ray")
    rows = code_with_ray([str(EXAMPLES)], folder / "coded.parquet", address=None, num_workers=2)
    jsonl = io.StringIO()
    lines = code_with_ray_engine([str(EXAMPLES)], None, workers=2, stdout=jsonl)
    assert rows == lines > 20
    return folder / "coded.parquet", jsonl.getvalue().splitlines()


def test_articles_survive_the_parquet_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "articles.parquet"
    count = write_articles_parquet([EXAMPLES], path)
    read_back = [article_from_row(row) for row in pq.read_table(path).to_pylist()]
    ingested = [a for a in iter_articles([EXAMPLES]) if isinstance(a, Article)]
    assert count == len(ingested)
    assert read_back == ingested


@pytest.mark.slow
def test_ray_codes_each_article_exactly_as_the_local_runner(
    ray_outputs: tuple[Path, list[str]], local_lines: list[str]
) -> None:
    local = {json.loads(line)["article"]["id"]: line for line in local_lines}
    coded = dict(iter_coded_json(ray_outputs[0]))
    assert coded.keys() == local.keys()
    assert [key for key, line in local.items() if coded[key] != line] == []


@pytest.mark.slow
def test_the_ray_engine_writes_the_local_runners_json_lines_in_order(
    ray_outputs: tuple[Path, list[str]], local_lines: list[str]
) -> None:
    assert ray_outputs[1] == local_lines


@pytest.mark.slow
def test_ray_output_counts_match_the_coded_json(ray_outputs: tuple[Path, list[str]]) -> None:
    for row in pq.read_table(ray_outputs[0]).to_pylist():
        coded = json.loads(row["coded"])
        assert row["article_id"] == coded["article"]["id"]
        assert {name: row[name] for name in COUNTED} == {n: len(coded[n]) for n in COUNTED}
