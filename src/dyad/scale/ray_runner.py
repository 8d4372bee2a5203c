"""The distributed runner: ``code_article`` on Ray Data, Parquet in and Parquet out.

Local mode (``address=None``) starts a private Ray on this machine's CPUs, offline: no dashboard,
no usage statistics. A cluster user passes ``address="ray://head:10001"`` (or ``"auto"`` on a
node of the cluster) and Parquet paths every node can read (shared disk, s3://...). The schemas
are documented in ``dyad.scale.article_parquet``.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.nlp.model import load_nlp
from dyad.pipeline import code_article
from dyad.scale.article_parquet import (
    ROWS_PER_GROUP,
    article_from_row,
    coded_table,
    write_articles_parquet,
)

BATCH_SIZE = 8  # articles per actor call: small, so two workers share a small corpus evenly
# A sentence that touches every stage, so each worker loads all its data before timing starts.
_WARM_UP = Article(
    id="dyad-warm-up",
    date="2026-01-08",
    text="The Syrian army said on Thursday it shelled Aleppo, the envoy told Reuters.",
)


class ArticleCoder:
    """A Ray Data actor: loads dyad's models once per worker, then codes batches of articles."""

    def __init__(self) -> None:
        load_nlp()
        code_article(_WARM_UP)  # the knowledge base, gazetteer and patterns load on first use

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Code one batch of input rows into output rows (one per article)."""
        return coded_table(code_article(article_from_row(row)) for row in batch.to_pylist())


def code_with_ray(
    input_parquet_or_paths: str | Path | Sequence[str | Path],
    output_parquet: str | Path,
    address: str | None = None,
    num_workers: int = 2,
    *,
    default_date: str | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Code articles with ``num_workers`` Ray actors; returns the number of rows written.

    ``input_parquet_or_paths`` is either a Parquet file or folder of articles (name ends in
    ``.parquet``) or the paths ``dyad code`` accepts, ingested here first (``default_date`` and
    ``on_error`` apply to them). ``output_parquet`` is a folder of Parquet files Ray writes.
    """
    import ray

    with _coded_dataset(
        input_parquet_or_paths, address, num_workers, default_date, on_error, batch_size
    ) as coded:
        coded.write_parquet(str(output_parquet), min_rows_per_file=ROWS_PER_GROUP)
        return int(ray.data.read_parquet(str(output_parquet)).count())


def iter_coded_with_ray(
    input_parquet_or_paths: str | Path | Sequence[str | Path],
    address: str | None = None,
    num_workers: int = 2,
    *,
    default_date: str | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[str, str]]:
    """(article_id, CodedArticle JSON) in input order, streamed back to this process."""
    with _coded_dataset(
        input_parquet_or_paths, address, num_workers, default_date, on_error, batch_size
    ) as coded:
        for batch in coded.iter_batches(batch_format="pyarrow", batch_size=None):
            yield from zip(
                batch.column("article_id").to_pylist(),
                batch.column("coded").to_pylist(),
                strict=True,
            )


@contextmanager
def _coded_dataset(
    inputs: str | Path | Sequence[str | Path],
    address: str | None,
    num_workers: int,
    default_date: str | None,
    on_error: Callable[[IngestError], None] | None,
    batch_size: int,
) -> Iterator[Any]:
    """The lazy Ray dataset of output rows; Ray (if started here) stops when the block exits."""
    import ray

    paths = _as_list(inputs)
    started = _start_ray(ray, address, num_workers)
    try:
        _check_cpus(ray, num_workers)
        # Output in input order, so the Ray engine lists articles as the local runner does.
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        with tempfile.TemporaryDirectory(prefix="dyad-ray-") as scratch:
            if _is_parquet(paths):
                dataset = ray.data.read_parquet([str(p) for p in paths])
            else:
                staged = Path(scratch) / "articles.parquet"
                write_articles_parquet(paths, staged, default_date, on_error)
                if address is None:
                    dataset = ray.data.read_parquet(str(staged))
                else:
                    # Cluster nodes cannot read this machine's scratch folder: ship the rows.
                    dataset = ray.data.from_arrow(pq.read_table(staged))
            # Blocks of a few articles, so every actor gets work however few files there are.
            dataset = dataset.repartition(target_num_rows_per_block=batch_size)
            yield dataset.map_batches(
                ArticleCoder,
                batch_size=batch_size,
                batch_format="pyarrow",
                compute=ray.data.ActorPoolStrategy(size=num_workers),
                num_cpus=1,
            )
    finally:
        if started:
            ray.shutdown()


def _as_list(value: str | Path | Sequence[str | Path]) -> list[str | Path]:
    return [value] if isinstance(value, str | Path) else list(value)


def _is_parquet(inputs: Sequence[str | Path]) -> bool:
    return bool(inputs) and all(str(p).rstrip("/").endswith(".parquet") for p in inputs)


class NotEnoughCpusError(RuntimeError):
    """The Ray cluster cannot run the actors and Ray Data's read and write tasks together."""


def _check_cpus(ray: Any, num_workers: int) -> None:
    # Each actor holds one CPU and Ray Data's list/read/write tasks need one more; with fewer the
    # job waits forever for a CPU, so say so instead.
    cpus = ray.cluster_resources().get("CPU", 0)
    if cpus < num_workers + 1:
        raise NotEnoughCpusError(
            f"{num_workers} workers need {num_workers + 1} CPUs on the Ray cluster "
            f"(one per worker, one for reading and writing Parquet); it has {cpus:g}"
        )


def _start_ray(ray: object, address: str | None, num_workers: int) -> bool:
    """Connect to ``address`` or start a private local Ray; True when this call started it."""
    if ray.is_initialized():  # type: ignore[attr-defined]
        return False
    # Never phone home nor serve a dashboard: dyad runs offline.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if address is not None:
        ray.init(address=address, logging_level=logging.WARNING)  # type: ignore[attr-defined]
        return True
    # Actors take one CPU each; one more logical CPU lets Ray Data's read and write tasks run
    # beside them on a machine with exactly ``num_workers`` cores.
    ray.init(  # type: ignore[attr-defined]
        num_cpus=max(os.cpu_count() or 1, num_workers + 1),
        include_dashboard=False,
        logging_level=logging.WARNING,
        log_to_driver=True,
    )
    ray.data.DataContext.get_current().enable_progress_bars = False  # type: ignore[attr-defined]
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-dataset INFO lines
    return True
