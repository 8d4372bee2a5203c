"""The whole pipeline on the example article, checked against its hand-coded gold."""

from __future__ import annotations

from typing import Any

from dyad.eval.sample import haversine_km, score_sample


def test_every_core_event_is_found_with_its_type_and_source_country(
    sample_coded: Any, sample_gold: dict[str, Any], sample_article: Any
) -> None:
    report = score_sample(sample_coded, sample_gold, sample_article.text)["events"]
    core = [row for row in report["rows"] if row["core"]]
    missing = [row["id"] for row in core if not (row["found"] and row["source_country_ok"])]
    assert len(core) == 7
    assert missing == []


def test_the_five_toponyms_are_places_not_persons(
    sample_coded: Any, sample_gold: dict[str, Any]
) -> None:
    place_texts = {p.text.replace("’s", "") for p in sample_coded.places}
    for toponym in sample_gold["toponyms"]:
        assert toponym["name"] in place_texts, toponym["name"]
    person_mentions = {
        m.text for m in sample_coded.mentions if m.actor and m.actor.kind == "person"
    }
    assert not person_mentions & {t["name"] for t in sample_gold["toponyms"]}


def test_aleppo_resolves_within_10_km_and_neighbourhoods_within_5_km(
    sample_coded: Any, sample_gold: dict[str, Any]
) -> None:
    aleppo = next(t for t in sample_gold["toponyms"] if t["name"] == "Aleppo")
    resolved = [p for p in sample_coded.places if p.text.startswith("Aleppo") and p.resolved]
    assert resolved
    assert all(haversine_km(p.lat, p.lon, aleppo["lat"], aleppo["lon"]) < 10 for p in resolved)
    for name in ("Sheikh Maqsoud", "Ashrafiyeh", "Ashrafieh"):
        hood = [p for p in sample_coded.places if p.text == name and p.resolved]
        assert hood, name
        assert all(p.within == "Aleppo" and p.precision == "neighbourhood" for p in hood)


def test_on_thursday_and_march_10_2025_resolve(sample_coded: Any) -> None:
    values = {d.text: d.value for d in sample_coded.dates}
    assert values.get("on Thursday") == "2026-01-08" or values.get("Thursday") == "2026-01-08"
    assert "2025-03-10" in values.values()


def test_event_dates_follow_the_gold(
    sample_coded: Any, sample_gold: dict[str, Any], sample_article: Any
) -> None:
    rows = score_sample(sample_coded, sample_gold, sample_article.text)["events"]["rows"]
    wrong = [r["id"] for r in rows if r["found"] and r["core"] and not r["date_ok"]]
    assert wrong == []


def test_all_seven_direct_quotes_are_found_and_attributed_to_barrack(
    sample_coded: Any, sample_gold: dict[str, Any]
) -> None:
    direct = {(q.start, q.end): q for q in sample_coded.quotes if q.kind == "direct"}
    for gold in sample_gold["quotes"]:
        quote = direct.get((gold["start"], gold["end"]))
        assert quote is not None, gold
        assert quote.speaker is not None and quote.speaker.actor is not None, gold
        assert quote.speaker.actor.name == "Tom Barrack"
        assert (quote.speaker.actor.country, quote.speaker.actor.sector) == ("USA", "GOV")


def test_every_span_matches_the_article_text(sample_coded: Any, sample_article: Any) -> None:
    text = sample_article.text
    for event in sample_coded.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for part in (event.source, event.target):
            if part is not None:
                assert text[part.start : part.end] == part.text
    for item in [*sample_coded.mentions, *sample_coded.places, *sample_coded.dates]:
        assert text[item.start : item.end] == item.text
    for quote in sample_coded.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_coded_article_has_exactly_the_design_top_level_keys(sample_coded: Any) -> None:
    keys = set(sample_coded.model_dump(mode="json"))
    assert keys == {
        "article",
        "events",
        "mentions",
        "places",
        "dates",
        "quotes",
        "errors",
        "warnings",
        "coder",
    }
