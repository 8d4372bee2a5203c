"""The local runner: articles from paths -> code_article -> JSON Lines or a store."""

from __future__ import annotations

import json
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from dyad.article import Article, CodedArticle
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.sources import iter_articles
from dyad.pipeline import code_article
from dyad.store.base import StoreError


@dataclass(frozen=True)
class SourceOptions:
    """How inputs are read: field names for JSONL/CSV, file dates for headerless text."""

    fields: FieldMap | None = None
    use_mtime: bool = False


def _articles(
    paths: Iterable[str], default_date: str | None, source: SourceOptions | None
) -> Iterator[Article | IngestError]:
    source = source or SourceOptions()
    return iter_articles(paths, default_date, fields=source.fields, use_mtime=source.use_mtime)


@dataclass
class IngestReport:
    """What an ingest did: counts and each failure with where it came from."""

    coded: int = 0
    already_stored: int = 0
    failed: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)


def code_stream(
    items: Iterable[Article | IngestError], workers: int = 1
) -> Iterator[tuple[Article, CodedArticle] | IngestError]:
    """Code articles in order, in ``workers`` processes (models loaded once per process)."""
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, IngestError) else (item, code_article(item))
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(_code_one, items, chunksize=4)


def _code_one(item: Article | IngestError) -> tuple[Article, CodedArticle] | IngestError:
    return item if isinstance(item, IngestError) else (item, code_article(item))


def write_jsonl(
    paths: Iterable[str],
    out: IO[str],
    workers: int = 1,
    default_date: str | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    source: SourceOptions | None = None,
) -> int:
    """Code everything under ``paths`` and write one CodedArticle JSON object per line."""
    count = 0
    for result in code_stream(_articles(paths, default_date, source), workers):
        if isinstance(result, IngestError):
            if on_error is not None:
                on_error(result)
            continue
        _, coded = result
        out.write(json.dumps(coded.model_dump(mode="json"), ensure_ascii=False) + "\n")
        count += 1
    return count


def ingest(
    paths: Iterable[str],
    store: object,
    workers: int = 1,
    default_date: str | None = None,
    progress: Callable[[], None] | None = None,
    batch_size: int = 64,
    source: SourceOptions | None = None,
) -> IngestReport:
    """Code and store what is not stored yet; failures are recorded and the batch goes on."""
    report = IngestReport()

    def new_only() -> Iterator[Article | IngestError]:
        for item in _articles(paths, default_date, source):
            if isinstance(item, Article) and store.has_article(item.id):  # type: ignore[attr-defined]
                report.already_stored += 1
                if progress:
                    progress()
                continue
            yield item

    pending: list[tuple[Article, CodedArticle]] = []

    def flush() -> None:
        # One transaction per batch: a crash loses at most the batch being written, never half
        # an article, and a re-run codes it again. A batch the store refuses is saved article by
        # article, so one bad record costs only itself.
        try:
            stored = store.save_many(pending)  # type: ignore[attr-defined]
            report.coded += stored
            report.already_stored += len(pending) - stored
            report.events += sum(len(c.events) for _, c in pending)
        except StoreError:
            for article, coded in pending:
                _save_one(article, coded)
        pending.clear()

    def _save_one(article: Article, coded: CodedArticle) -> None:
        try:
            if store.save(article, coded):  # type: ignore[attr-defined]
                report.coded += 1
                report.events += len(coded.events)
            else:
                report.already_stored += 1
        except StoreError as exc:
            report.failed += 1
            report.failures.append(f"{article.origin}: {exc}")
            store.save_failure(article.id, article.origin or article.id, str(exc))  # type: ignore[attr-defined]

    for result in code_stream(new_only(), workers):
        if isinstance(result, IngestError):
            report.failed += 1
            report.failures.append(str(result))
            store.save_failure(None, result.where, result.reason)  # type: ignore[attr-defined]
        else:
            pending.append(result)
            if len(pending) >= batch_size:
                flush()
        if progress:
            progress()
    if pending:
        flush()
    return report
