"""Event exports: JSON Lines (nested), CSV and Parquet (flat, same columns), GeoJSON (points).

Every writer streams from ``Store.iter_events``: memory use does not grow with the export.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.article import Event
from dyad.store.base import EventFilters, Store
from dyad.store.clusters import CLUSTER_FIELDS, Reader, event_clusters
from dyad.store.rows import EVENT_COLUMNS, flatten

ExportFormat = Literal["csv", "jsonl", "parquet", "geojson"]
EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "geojson")
# ``copies``: how many wire copies of the event's article were recorded (not coded again).
COLUMNS: list[str] = [c for c, _ in EVENT_COLUMNS] + ["copies"]

_ARROW_TYPES = {
    "text": pa.string(),
    "list": pa.string(),  # '|'-joined, as in CSV, so both formats have the same columns
    "integer": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
}
PARQUET_SCHEMA = pa.schema(
    [(c, _ARROW_TYPES[kind]) for c, kind in EVENT_COLUMNS] + [("copies", pa.int64())]
)
_PARQUET_BATCH = 10_000


def flat_event(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row: ``source.actor.country`` -> ``source_actor_country``."""
    return {**flatten(event, Event), "copies": event.get("copies", 0)}


@contextmanager
def _binary(out: Path | BinaryIO) -> Iterator[BinaryIO]:
    """A binary stream to write to; a path is opened and closed here, a stream is left open."""
    if isinstance(out, Path | str):
        with open(out, "wb") as stream:
            yield stream
    else:
        yield out


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(events: Iterator[dict[str, Any]], out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        n = 0
        for event in events:
            row = flat_event(event)
            writer.writerow([_csv_value(row[c]) for c in COLUMNS])
            n += 1
        text.flush()
        return n
    finally:
        text.detach()  # leave the caller's stream open


def _write_jsonl(events: Iterator[dict[str, Any]], out: BinaryIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def _write_parquet(events: Iterator[dict[str, Any]], out: BinaryIO) -> int:
    n = 0
    with pq.ParquetWriter(out, PARQUET_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(flat_event(event))
            if len(batch) == _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
                n += len(batch)
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
            n += len(batch)
    return n


def _write_geojson(events: Iterator[dict[str, Any]], out: BinaryIO) -> int:
    out.write(b'{"type": "FeatureCollection", "features": [\n')
    n = 0
    for event in events:
        location = event.get("location") or {}
        lat, lon = location.get("lat"), location.get("lon")
        if lat is None or lon is None:
            continue
        feature = {
            "type": "Feature",
            "id": event["event_id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": flat_event(event),
        }
        out.write((b",\n" if n else b"") + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        n += 1
    out.write(b"\n]}\n")
    return n


_WRITERS = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
    "geojson": _write_geojson,
}


def export_events(
    store: Store, filters: EventFilters, fmt: ExportFormat | str, out: Path | BinaryIO
) -> int:
    """Write the events matching ``filters`` to ``out`` in ``fmt``; returns how many were written.

    GeoJSON holds only the events that have coordinates.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    counts = store.copy_counts() if hasattr(store, "copy_counts") else {}
    events = (
        {**event, "copies": counts.get(event["article_id"], 0)}
        for event in store.iter_events(filters)
    )
    with _binary(out) as stream:
        return writer(events, stream)


CLUSTER_FORMATS: tuple[str, ...] = ("csv", "jsonl")


def export_clusters(
    store: Reader, filters: EventFilters, fmt: str, out: Path | BinaryIO, min_sources: int = 1
) -> int:
    """Write the event clusters (see store.clusters) as CSV or JSON Lines; returns how many."""
    if fmt not in CLUSTER_FORMATS:
        raise ValueError(f"clusters export as {', '.join(CLUSTER_FORMATS)}, not {fmt!r}")
    rows = event_clusters(store, filters, limit=None, min_sources=min_sources)
    with _binary(out) as stream:
        if fmt == "jsonl":
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
            return len(rows)
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        try:
            writer = csv.writer(text)
            writer.writerow(CLUSTER_FIELDS)
            for row in rows:
                writer.writerow([_csv_value(row[c]) for c in CLUSTER_FIELDS])
            text.flush()
        finally:
            text.detach()
        return len(rows)
