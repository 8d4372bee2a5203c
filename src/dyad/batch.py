"""The local runner: articles from paths -> code_article -> JSON Lines or a store."""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from dyad.article import Article, CodedArticle
from dyad.ingest.dedup import DuplicateIndex, signature
from dyad.ingest.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.sources import iter_articles
from dyad.pipeline import code_article, warm_up
from dyad.store.base import StoreError

DEDUP_THRESHOLD = 0.8


def rebuild_index(store: object, threshold: float = DEDUP_THRESHOLD) -> DuplicateIndex:
    """The duplicate index of everything in ``store``: stored signatures replayed in order, and
    signatures computed (and saved) for coded articles that have none yet."""
    index = DuplicateIndex(threshold=threshold)
    backfill: list[tuple[str, bytes, str | None]] = []
    for article in store.unsigned_articles():  # type: ignore[attr-defined]
        backfill.append((article.id, signature(article, index.num_perm), article.id))
    if backfill:
        store.save_signatures(backfill)  # type: ignore[attr-defined]
    for article_id, sig, canonical in store.signatures():  # type: ignore[attr-defined]
        index.restore(article_id, sig if sig is not None else b"", canonical)
    return index


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
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "origin: what to know", per article


def article_warnings(article: Article, coded: CodedArticle) -> list[str]:
    """What coding warned about one article (no date of its own, truncated): "origin: ..."."""
    where = article.origin or article.id
    return [f"{where}: {note}" for note in coded.warnings]


def code_stream(
    items: Iterable[Article | IngestError], workers: int = 1
) -> Iterator[tuple[Article, CodedArticle] | IngestError]:
    """Code articles in order, in ``workers`` processes (models loaded once per process)."""
    if workers <= 1:
        for item in items:
            yield _code_one(item)
        return
    # Load every model and knowledge file once here, then fork: the workers share them
    # (copy-on-write) instead of each spending seconds and hundreds of MB loading its own.
    warm_up()
    gc.freeze()
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        # imap would read the whole input ahead of the workers; windows keep memory bounded.
        for window in _windows(items, WINDOW):
            yield from pool.imap(_code_one, window, chunksize=4)


WINDOW = 256  # articles handed to the worker pool at a time


def _windows(
    items: Iterable[Article | IngestError], size: int
) -> Iterator[list[Article | IngestError]]:
    window: list[Article | IngestError] = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def _code_one(item: Article | IngestError) -> tuple[Article, CodedArticle] | IngestError:
    if isinstance(item, IngestError):
        return item
    try:
        return item, code_article(item)
    except Exception as exc:  # noqa: BLE001 - a bug on one odd text must cost only that article
        reason = f"coding failed: {type(exc).__name__}: {exc}"
        return IngestError(item.origin or item.id, reason[:500])


def _skip_copies(
    items: Iterable[Article | IngestError],
    index: DuplicateIndex,
    on_duplicate: Callable[[Article, str], None] | None,
) -> Iterator[Article | IngestError]:
    """The items less the near-duplicates of earlier articles, which go to ``on_duplicate``."""
    for item in items:
        if isinstance(item, Article):
            canonical = index.check_and_add(item)
            if canonical is not None and canonical != item.id:
                if on_duplicate is not None:
                    on_duplicate(item, canonical)
                continue
        yield item


def write_jsonl(
    paths: Iterable[str],
    out: IO[str],
    workers: int = 1,
    default_date: str | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    source: SourceOptions | None = None,
    dedup_threshold: float | None = None,
    on_duplicate: Callable[[Article, str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> int:
    """Code everything under ``paths`` and write one CodedArticle JSON object per line.

    With ``dedup_threshold``, a near-duplicate of an earlier article in the run is not coded:
    ``on_duplicate(article, canonical_id)`` is told instead. ``on_warning`` hears each
    article's warnings (no date of its own, truncated), as ``article_warnings`` words them.
    """
    items = _articles(paths, default_date, source)
    if dedup_threshold is not None:
        items = _skip_copies(items, DuplicateIndex(threshold=dedup_threshold), on_duplicate)
    count = 0
    for result in code_stream(items, workers):
        if isinstance(result, IngestError):
            if on_error is not None:
                on_error(result)
            continue
        article, coded = result
        if on_warning is not None:
            for warning in article_warnings(article, coded):
                on_warning(warning)
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
    dedup_threshold: float | None = DEDUP_THRESHOLD,
) -> IngestReport:
    """Code and store what is not stored yet; failures are recorded and the batch goes on.

    With ``dedup_threshold`` (None turns it off) a near-duplicate of a stored or earlier article
    is not coded: it is recorded with ``store.save_duplicate`` as a copy of its canonical.
    """
    report = IngestReport()
    index = rebuild_index(store, dedup_threshold) if dedup_threshold is not None else None
    signatures: dict[str, bytes] = {}

    def new_only() -> Iterator[Article | IngestError]:
        for item in _articles(paths, default_date, source):
            if isinstance(item, Article) and store.has_article(item.id):  # type: ignore[attr-defined]
                report.already_stored += 1
                if progress:
                    progress()
                continue
            if isinstance(item, Article) and index is not None:
                sig = signature(item, index.num_perm)
                canonical = index.add(item.id, sig)
                if canonical is not None and canonical != item.id:
                    copies.append((item, canonical, None))
                    if len(copies) >= batch_size:
                        save_copies()
                    if progress:
                        progress()
                    continue
                signatures[item.id] = sig
            yield item

    copies: list[tuple[Article, str, float | None]] = []

    def save_copies() -> None:
        # Copies are cheap to record but a transaction each would cap them at ~200/s.
        try:
            new = store.save_duplicates(copies)  # type: ignore[attr-defined]
            report.duplicates += new
            report.already_stored += len(copies) - new
        except StoreError as exc:
            report.failed += len(copies)
            report.failures.extend(f"{a.origin or a.id}: {exc}" for a, _, _ in copies)
        copies.clear()

    def save_signatures(articles: Iterable[Article]) -> None:
        rows = [(a.id, signatures.pop(a.id), a.id) for a in articles if a.id in signatures]
        if rows:
            store.save_signatures(rows)  # type: ignore[attr-defined]

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
            save_signatures(a for a, _ in pending)
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
            save_signatures([article])
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
            report.warnings.extend(article_warnings(*result))
            pending.append(result)
            if len(pending) >= batch_size:
                flush()
        if progress:
            progress()
    if pending:
        flush()
    if copies:
        save_copies()
    return report
