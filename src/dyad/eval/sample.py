"""Score a CodedArticle against a hand-coded gold file in the sample's format."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from dyad.article import CodedArticle

NEIGHBOURHOOD_KM = 5.0
CITY_KM = 10.0


def load_sample_gold(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def article_path_for(gold_path: Path, gold: dict[str, Any]) -> Path:
    return gold_path.parent / str(gold["article"])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_sample(coded: CodedArticle, gold: dict[str, Any], text: str) -> dict[str, Any]:
    """Per-component precision/recall against the gold (matching rules stated in the report)."""
    return {
        "rules": {
            "events": "a gold event is found when a predicted event of the same type (alt_types "
            "accepted) has its trigger in the gold evidence; one prediction per gold event",
            "quotes": "a gold quote is found when a predicted direct quote has the same offsets",
            "toponyms": "a gold toponym is found when a place with that surface text is recognised",
            "dates": "a gold event date is right when the matched event carries the same date",
        },
        "events": _score_events(coded, gold, text),
        "quotes": _score_quotes(coded, gold),
        "toponyms": _score_toponyms(coded, gold),
        "actors": _score_actors(coded, gold),
    }


def _score_events(coded: CodedArticle, gold: dict[str, Any], text: str) -> dict[str, Any]:
    used: set[str] = set()
    rows = []
    for g in gold["events"]:
        ev_start = text.find(g["evidence"])
        types = {g["event_type"], *g.get("alt_types", [])}
        match = None
        for e in coded.events:
            if e.event_id in used or e.event_type not in types:
                continue
            if (
                ev_start >= 0
                and e.sentence.start <= ev_start < e.sentence.end
                and _overlaps(
                    e.trigger.start, e.trigger.end, ev_start, ev_start + len(g["evidence"])
                )
            ):
                match = e
                break
        if match is not None:
            used.add(match.event_id)
        source_country = (
            match.source.actor.country if match and match.source and match.source.actor else None
        )
        rows.append(
            {
                "id": g["id"],
                "core": g.get("core", False),
                "gold_type": g["event_type"],
                "found": match is not None,
                "predicted_type": match.event_type if match else None,
                "mode_ok": match is not None
                and (g.get("mode") is None or match.mode == g.get("mode")),
                "source_country_ok": match is not None
                and (g.get("source") or {}).get("country") == source_country,
                "date_ok": match is not None
                and (g.get("date") is None or match.date == g.get("date")),
                "predicted_date": match.date if match else None,
            }
        )
    core = [r for r in rows if r["core"]]
    found = [r for r in rows if r["found"]]
    return {
        "gold": len(rows),
        "predicted": len(coded.events),
        "found": len(found),
        "recall": len(found) / len(rows) if rows else 0.0,
        "precision": len(found) / len(coded.events) if coded.events else 0.0,
        "core_found_with_source_country": sum(r["found"] and r["source_country_ok"] for r in core),
        "core": len(core),
        "dates_right": sum(r["date_ok"] for r in found),
        "rows": rows,
    }


def _score_quotes(coded: CodedArticle, gold: dict[str, Any]) -> dict[str, Any]:
    direct = [q for q in coded.quotes if q.kind == "direct"]
    found = right_speaker = 0
    for g in gold["quotes"]:
        match = next((q for q in direct if q.start == g["start"] and q.end == g["end"]), None)
        if match is None:
            continue
        found += 1
        actor = match.speaker.actor if match.speaker else None
        if actor is not None and (actor.name == g["speaker"] or actor.country == g.get("country")):
            right_speaker += actor.country == g.get("country") and actor.sector == g.get("sector")
    n = len(gold["quotes"])
    return {
        "gold": n,
        "predicted_direct": len(direct),
        "found": found,
        "recall": found / n if n else 0.0,
        "precision": found / len(direct) if direct else 0.0,
        "right_speaker": right_speaker,
    }


def _score_toponyms(coded: CodedArticle, gold: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for g in gold["toponyms"]:
        places = [
            p for p in coded.places if p.text.replace("’s", "").replace("'s", "") == g["name"]
        ]
        mentions_as_person = [
            m
            for m in coded.mentions
            if m.text == g["name"] and m.actor and m.actor.kind == "person"
        ]
        error_km = None
        resolved = [p for p in places if p.resolved and p.lat is not None and p.lon is not None]
        if resolved and "lat" in g:
            error_km = min(haversine_km(p.lat, p.lon, g["lat"], g["lon"]) for p in resolved)  # type: ignore[arg-type]
        rows.append(
            {
                "name": g["name"],
                "recognised": bool(places) and not mentions_as_person,
                "resolved": bool(resolved),
                "error_km": None if error_km is None else round(error_km, 2),
            }
        )
    recognised = sum(r["recognised"] for r in rows)
    return {
        "gold": len(rows),
        "recognised": recognised,
        "resolved": sum(r["resolved"] for r in rows),
        "rows": rows,
    }


def _score_actors(coded: CodedArticle, gold: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for g in gold["actors"]:
        for alias in [g["name"], *g.get("aliases", [])]:
            hits = [m for m in coded.mentions if m.text == alias or m.text.endswith(" " + alias)]
            if not hits:
                continue
            right = [
                m
                for m in hits
                if m.actor and m.actor.country == g["country"] and m.actor.sector == g["sector"]
            ]
            rows.append(
                {"actor": g["name"], "alias": alias, "mentions": len(hits), "right": len(right)}
            )
    total = sum(r["mentions"] for r in rows)
    right = sum(r["right"] for r in rows)
    return {
        "mentions": total,
        "right": right,
        "accuracy": right / total if total else 0.0,
        "rows": rows,
    }
