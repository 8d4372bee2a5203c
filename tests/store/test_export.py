"""Every export format, from every store backend, reads back with standard tools and holds the
stored events."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from dyad.article import Article, CodedArticle
from dyad.store.base import EventFilters
from dyad.store.export import COLUMNS, export_events

Samples = list[tuple[Article, CodedArticle]]
ALL = EventFilters()


def all_events(samples: Samples) -> dict[str, dict]:
    return {e.event_id: e.model_dump(mode="json") for _, c in samples for e in c.events}


def test_jsonl_holds_one_nested_event_per_line(
    store: Any, samples: Samples, tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events(store, ALL, "jsonl", out) == 4
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {e.pop("copies") for e in lines} == {0}  # no wire copies recorded
    assert {e["event_id"]: e for e in lines} == all_events(samples)


def test_csv_has_flat_columns_and_one_row_per_event(
    store: Any, samples: Samples, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    assert export_events(store, ALL, "csv", out) == 4
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        rows = {r["event_id"]: r for r in reader}
    assault = next(e for e in samples[0][1].events if e.event_type == "ASSAULT")
    row = rows[assault.event_id]
    assert (row["source_actor_country"], row["location_lat"]) == ("SYR", "36.20124")
    assert (row["context"], row["reciprocal"], row["target_text"]) == (
        "military|terrorism",
        "false",
        "",
    )


def test_parquet_has_the_csv_columns_and_typed_values(
    store: Any, samples: Samples, tmp_path: Path
) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(store, ALL, "parquet", out) == 4
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    rows = {r["event_id"]: r for r in table.to_pylist()}
    consult = samples[1][1].events[0]
    assert rows[consult.event_id]["location_geonameid"] == 170654
    assert rows[consult.event_id]["source_actor_name"] == "Tom Barrack"
    assert rows[consult.event_id]["confidence"] == pytest.approx(consult.confidence)


def test_geojson_holds_only_located_events_as_lon_lat_points(
    store: Any, samples: Samples, tmp_path: Path
) -> None:
    out = tmp_path / "events.geojson"
    assert export_events(store, ALL, "geojson", out) == 2
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    located = {
        e.event_id: e.location for _, c in samples for e in c.events if e.location is not None
    }
    for feature in collection["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        place = located[feature["properties"]["event_id"]]
        assert (lon, lat) == (place.lon, place.lat)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert list(feature["properties"]) == COLUMNS
    assert len(collection["features"]) == len(located)


def test_an_empty_geojson_export_is_still_valid(store: Any) -> None:
    buffer = io.BytesIO()
    assert export_events(store, EventFilters(event_type="PROTEST"), "geojson", buffer) == 0
    assert json.loads(buffer.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_an_empty_parquet_export_keeps_its_columns(store: Any, tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    assert export_events(store, EventFilters(country="FRA"), "parquet", out) == 0
    assert pq.read_table(out).column_names == COLUMNS


def test_export_applies_the_filters(store: Any, samples: Samples) -> None:
    buffer = io.BytesIO()
    assert export_events(store, EventFilters(actor="barrack"), "jsonl", buffer) == 1
    assert json.loads(buffer.getvalue())["event_id"] == samples[1][1].events[0].event_id


def test_export_to_a_stream_leaves_it_open(store: Any) -> None:
    buffer = io.BytesIO()
    export_events(store, ALL, "csv", buffer)
    assert not buffer.closed
    assert buffer.getvalue().decode("utf-8").splitlines()[0].split(",") == COLUMNS


def test_an_unknown_format_is_refused(store: Any, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export_events(store, ALL, "xlsx", tmp_path / "events.xlsx")
