"""The HTTP API as a client sees it: a real uvicorn server on loopback over the coded examples."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from dyad.ingest.text import article_from_text
from dyad.pipeline import code_article
from dyad.serve.api import create_app
from dyad.serve.serve_command import serve
from dyad.store.queries import MAX_PAGE

NEW_ARTICLE = (
    "Police in Nairobi fired tear gas at students protesting against fee increases on Monday, "
    "the university said."
)


@pytest.fixture(scope="module")
def client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=30)


def all_events(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    """Every event matching ``params``, read page by page through the cursor."""
    events: list[dict[str, Any]] = []
    query = {**params, "limit": 40}
    while True:
        page = client.get("/api/events", params=query).json()
        events.extend(page["items"])
        if page["next_cursor"] is None:
            return events
        query["cursor"] = page["next_cursor"]


def test_openapi_spec_lists_every_endpoint(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events.geojson",
        "/api/aggregates",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/actors",
        "/api/places",
        "/api/code",
        "/api/ingest",
        "/api/trends",
    ):
        assert path in paths


def test_pages_cover_every_event_once_newest_first(client: httpx.Client) -> None:
    total = client.get("/api/events", params={"with_total": True, "limit": 1}).json()["total"]
    events = all_events(client)
    ids = [e["event_id"] for e in events]
    assert len(ids) == total > 100
    assert len(set(ids)) == len(ids)
    dated = [e["date"] for e in events if e["date"] and len(e["date"]) == 10]
    assert dated[0] >= dated[-1]


def test_page_size_is_capped(client: httpx.Client) -> None:
    assert client.get("/api/events", params={"limit": MAX_PAGE + 1}).status_code == 422


def test_forged_cursor_is_rejected(client: httpx.Client) -> None:
    response = client.get("/api/events", params={"cursor": "bm90LWEtY3Vyc29y"})
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


def test_type_and_country_filters(client: httpx.Client) -> None:
    events = all_events(client, event_type="ASSAULT", country="SYR")
    assert events
    assert {e["event_type"] for e in events} == {"ASSAULT"}
    for e in events:
        actors = [((e[role] or {}).get("actor") or {}) for role in ("source", "target")]
        countries = {a.get("country") for a in actors} | {(e["location"] or {}).get("country")}
        assert "SYR" in countries


def test_unknown_event_type_is_a_clear_error(client: httpx.Client) -> None:
    response = client.get("/api/events", params={"event_type": "BOMBING"})
    assert response.status_code == 400
    assert "BOMBING" in response.text


def test_date_range_filter_is_inclusive(client: httpx.Client, sample_id: str) -> None:
    events = all_events(client, date_from="2026-01-08", date_to="2026-01-08")
    assert events and all(e["date"] == "2026-01-08" for e in events)
    assert sample_id in {e["article_id"] for e in events}


def test_dyad_filter_matches_source_and_target(client: httpx.Client) -> None:
    events = all_events(client, source="Barrack", target="SYR")
    assert any(e["trigger"]["text"] == "issued an urgent appeal" for e in events)
    for e in events:
        assert e["target"]["actor"]["country"] == "SYR"


def test_text_mode_and_admin1_filters(client: httpx.Client) -> None:
    strikes = all_events(client, q="additional strikes")
    assert strikes and all("additional strikes" in e["sentence_text"] for e in strikes)
    heavy = all_events(client, mode="heavy-weapons")
    assert heavy and {e["mode"] for e in heavy} == {"heavy-weapons"}
    located = [e["location"] for e in all_events(client) if e["location"]]
    admin1 = next(place["admin1"] for place in located if place["admin1"])
    placed = all_events(client, admin1=admin1.upper())
    assert placed and {e["location"]["admin1"] for e in placed} == {admin1}


def test_bbox_keeps_events_inside_the_box(client: httpx.Client) -> None:
    events = all_events(client, bbox="35,35,39,38")
    assert events
    for e in events:
        assert 35 <= e["location"]["lon"] <= 39 and 35 <= e["location"]["lat"] <= 38


def test_bad_bbox_is_rejected(client: httpx.Client) -> None:
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 400
    assert client.get("/api/events", params={"bbox": "0,80,10,70"}).status_code == 400


def test_aggregates_align_series_with_buckets(client: httpx.Client) -> None:
    data = client.get("/api/aggregates", params={"by": "week", "group": "type"}).json()
    assert data["buckets"] == sorted(data["buckets"])
    assert all(len(s["counts"]) == len(data["buckets"]) for s in data["series"])
    assert sum(s["total"] for s in data["series"]) == data["total"] > 0


def test_aggregates_by_day_count_the_filtered_events(client: httpx.Client) -> None:
    params = {"date_from": "2026-01-08", "date_to": "2026-01-08", "event_type": "ASSAULT"}
    data = client.get("/api/aggregates", params={**params, "by": "day"}).json()
    assert data["buckets"] == ["2026-01-08"]
    assert data["total"] == len(all_events(client, **params))


def test_aggregates_group_by_country_and_dyad(client: httpx.Client) -> None:
    countries = client.get("/api/aggregates", params={"by": "month", "group": "country"}).json()
    assert "SYR" in {s["key"] for s in countries["series"]}
    dyads = client.get("/api/aggregates", params={"by": "month", "group": "dyad", "top": 3})
    keys = [s["key"] for s in dyads.json()["series"]]
    assert len(keys) <= 4 and all(" > " in k or k == "(other)" for k in keys)


def test_aggregates_refuse_an_unknown_bucket(client: httpx.Client) -> None:
    assert client.get("/api/aggregates", params={"by": "hour"}).status_code == 422


def test_geojson_points_are_the_located_events(client: httpx.Client) -> None:
    data = client.get("/api/events.geojson", params={"country": "SYR", "limit": 5000}).json()
    located = [e for e in all_events(client, country="SYR") if (e["location"] or {}).get("lat")]
    assert data["type"] == "FeatureCollection"
    assert {f["id"] for f in data["features"]} == {e["event_id"] for e in located}
    feature = data["features"][0]
    assert feature["geometry"]["type"] == "Point" and len(feature["geometry"]["coordinates"]) == 2


def test_geojson_per_place_sums_to_the_located_events(client: httpx.Client) -> None:
    per_event = client.get("/api/events.geojson", params={"limit": 5000}).json()["features"]
    per_place = client.get("/api/events.geojson", params={"per": "place"}).json()["features"]
    assert sum(f["properties"]["count"] for f in per_place) == len(per_event)
    assert len(per_place) < len(per_event)


def test_article_has_text_and_every_span_checks_out(client: httpx.Client, sample_id: str) -> None:
    record = client.get(f"/api/articles/{sample_id}").json()
    text = record["text"]
    assert record["article"]["date"] == "2026-01-08"
    for event in record["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    triggers = {e["trigger"]["text"] for e in record["events"]}
    assert {"carried out additional strikes", "issued an urgent appeal"} <= triggers


def test_unknown_article_is_404(client: httpx.Client) -> None:
    assert client.get("/api/articles/0000000000000000").status_code == 404


def test_quotes_filter_by_speaker_and_text(client: httpx.Client) -> None:
    items = client.get("/api/quotes", params={"speaker": "barrack", "q": "restraint"}).json()
    assert items["items"]
    for quote in items["items"]:
        assert "restraint" in quote["text"].lower()
        assert quote["speaker"]["actor"]["name"] == "Tom Barrack"


def test_quotes_page_through_a_cursor(client: httpx.Client) -> None:
    first = client.get("/api/quotes", params={"limit": 5}).json()
    second = client.get("/api/quotes", params={"limit": 5, "cursor": first["next_cursor"]}).json()
    ids = [q["quote_id"] for q in first["items"] + second["items"]]
    assert len(set(ids)) == 10


def test_actors_come_with_their_mentions(client: httpx.Client, sample_id: str) -> None:
    items = client.get("/api/actors", params={"q": "barrack"}).json()["items"]
    barrack = next(a for a in items if a["id"] == "tom-barrack")
    assert barrack["country"] == "USA" and barrack["mentions"] >= len(barrack["examples"]) > 0
    text = client.get(f"/api/articles/{sample_id}").json()["text"]
    for mention in barrack["examples"]:
        if mention["article_id"] == sample_id:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_places_come_with_their_mentions(client: httpx.Client) -> None:
    items = client.get("/api/places", params={"q": "aleppo", "country": "SYR"}).json()["items"]
    aleppo = next(p for p in items if p["name"] == "Aleppo")
    assert aleppo["resolved"] and aleppo["articles"] >= 2 and aleppo["examples"]


def test_code_returns_what_code_article_returns(client: httpx.Client) -> None:
    response = client.post("/api/code", json={"text": NEW_ARTICLE, "date": "2026-01-05"})
    assert response.status_code == 200
    expected = code_article(
        article_from_text(NEW_ARTICLE, "test", date="2026-01-05", date_source="flag")
    )
    assert response.json() == expected.model_dump(mode="json")
    assert client.get(f"/api/articles/{expected.article.id}").status_code == 404


def test_code_dates_an_undated_article_by_ingest_time(client: httpx.Client) -> None:
    before = dt.datetime.now(dt.UTC).date().isoformat()
    record = client.post("/api/code", json={"text": NEW_ARTICLE}).json()
    after = dt.datetime.now(dt.UTC).date().isoformat()
    assert record["article"]["date_source"] == "ingest-time"
    assert record["article"]["date"] in {before, after}
    assert any("no date of its own" in w for w in record["warnings"])
    assert not record["errors"]


def test_code_refuses_an_oversized_article(client: httpx.Client) -> None:
    response = client.post("/api/code", json={"text": "Protesters marched. " * 5000})
    assert response.status_code == 422


def test_ingest_without_a_token_is_401(client: httpx.Client) -> None:
    response = client.post("/api/ingest", json={"articles": [{"text": NEW_ARTICLE}]})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_with_a_wrong_token_is_403(client: httpx.Client) -> None:
    headers = {"Authorization": "Bearer not-the-token"}
    body = {"articles": [{"text": NEW_ARTICLE}]}
    response = client.post("/api/ingest", json=body, headers=headers)
    assert response.status_code == 403


def test_ingest_with_the_token_stores_once(client: httpx.Client, write_token: str) -> None:
    body = {"articles": [{"text": NEW_ARTICLE, "date": "2026-01-05", "title": "Nairobi"}]}
    headers = {"Authorization": f"Bearer {write_token}"}
    first = client.post("/api/ingest", json=body, headers=headers)
    again = client.post("/api/ingest", json=body, headers=headers)
    assert first.status_code == 200 and first.json()["stored"] == 1
    assert again.json() == {**first.json(), "stored": 0, "already_stored": 1}
    article_id = first.json()["article_ids"][0]
    assert client.get(f"/api/articles/{article_id}").json()["article"]["title"] == "Nairobi"


def test_writes_are_disabled_without_a_configured_token(
    tmp_path: Path, serve_app: Callable[..., Any]
) -> None:
    with serve_app(create_app(str(tmp_path / "empty.duckdb"), None)) as url:
        headers = {"Authorization": "Bearer anything"}
        body = {"articles": [{"text": NEW_ARTICLE}]}
        response = httpx.post(f"{url}/api/ingest", json=body, headers=headers)
    assert response.status_code == 403
    assert "disabled" in response.json()["detail"]


def test_dashboard_is_served_with_a_strict_content_policy(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200 and "<title>dyad" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/app.js").status_code == 200


def test_serve_binds_to_loopback_by_default() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_trends_give_series_by_country_and_alerts_with_drivers(client: httpx.Client) -> None:
    body = client.get("/api/trends", params={"by": "country", "window": "week"}).json()
    assert body["by"] == "country" and body["series"]
    assert all(w["events"] >= w["conflict"] for s in body["series"] for w in s["windows"])
    for alert in body["alerts"]:
        assert alert["kind"] in {"escalation", "de-escalation"} and alert["p_value"] < 0.01


def test_trends_reject_an_unknown_grouping(client: httpx.Client) -> None:
    assert client.get("/api/trends", params={"by": "planet"}).status_code == 422
