"""The dashboard as an analyst uses it, in Debian's headless Chromium driven by Playwright.

Needs scripts/setup_browser.sh (chromium) and scripts/setup_web.sh (front-end libraries); a
missing one fails these tests with the command to run, it never skips them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from dyad.article import Article
from dyad.pipeline import code_article
from dyad.serve.api import WEB_DIR, create_app
from dyad.store.duckdb import DuckDBStore

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def marked(page: Page, css_class: str) -> str:
    """The article text under one kind of highlight (it may be cut into several spans)."""
    return "".join(page.locator(f"#article-text .{css_class}").all_inner_texts())


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "chromium missing: run scripts/setup_browser.sh"
    assert (WEB_DIR / "vendor" / "leaflet.js").exists(), "run scripts/setup_web.sh"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh tab on the dashboard; fails the test on a script error or an off-host request."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    host = urlparse(base_url).netloc

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def on_request(request: Request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https") and url.netloc != host:
            problems.append(f"request off the server: {request.url}")

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("request", on_request)
    tab.goto(f"{base_url}/")
    tab.wait_for_selector("body[data-ready=true]", timeout=20_000)
    yield tab
    context.close()
    assert not problems, problems


def test_first_load_shows_map_timeline_and_table(page: Page) -> None:
    outlines = page.locator("#map path.leaflet-interactive, #map svg path").count()
    assert outlines > 100  # Natural Earth countries drawn from world-atlas, no tiles
    assert int(page.locator("#map").get_attribute("data-places") or 0) > 5
    assert page.locator(".marker-cluster, .count-wrap").count() > 0
    assert page.locator("#timeline canvas").count() == 1
    assert page.locator("#events tbody tr[data-event]").count() == 100
    assert page.locator("#more").is_visible()
    # a resolved name is added only where the text does not already say it
    host = page.locator("#events tbody tr[data-event]", has_text="hosted").first
    assert "Abiy Ahmed" in host.inner_text() and "(Abiy Ahmed)" not in host.inner_text()
    page.screenshot(path=str(ARTIFACTS / "dashboard_first_load.png"))


def test_filters_update_table_timeline_and_map(page: Page) -> None:
    places_before = int(page.locator("#map").get_attribute("data-places") or 0)
    page.select_option("select[name=event_type]", "ASSAULT")
    page.fill("input[name=country]", "syr")
    page.click("#filters button[type=submit]")
    expect(page.locator("#timeline")).to_have_attribute("data-series", "ASSAULT")
    rows = page.locator("#events tbody tr[data-event]")
    assert rows.count() > 0
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.type)")) == {"ASSAULT"}
    assert 0 < int(page.locator("#map").get_attribute("data-places") or 0) < places_before
    page.screenshot(path=str(ARTIFACTS / "dashboard_filtered.png"))


def test_sample_strikes_and_appeal_within_three_clicks(page: Page) -> None:
    # Click 1: the Syrian army's strikes, straight from the events table.
    page.locator("#events tr[data-event]", has_text="carried out additional strikes").first.click()
    page.wait_for_selector("#article:not([hidden]) .hl-trigger")
    assert marked(page, "hl-trigger") == "carried out additional strikes"
    assert marked(page, "hl-source") == "Syrian army"
    assert marked(page, "hl-date") == "on Thursday"
    assert marked(page, "hl-place") == "Sheikh Maqsoud"
    explain = page.locator("#explain").inner_text()
    assert "Aleppo" in explain and "patterns:" in explain and "65%" in explain
    page.screenshot(path=str(ARTIFACTS / "article_strikes.png"))
    # Click 2: the envoy's appeal, from the article's list of events.
    page.locator("#article-events button", has_text="issued an urgent appeal").click()
    assert marked(page, "hl-trigger") == "issued an urgent appeal"
    assert marked(page, "hl-source") == "He"
    assert marked(page, "hl-target") == "Syrian government"
    explain = page.locator("#explain").inner_text()
    assert "Tom Barrack" in explain and "pronoun" in explain
    assert page.locator("#article-quotes li").count() > 5
    page.screenshot(path=str(ARTIFACTS / "article_appeal.png"))


def test_quote_click_highlights_the_quote(page: Page) -> None:
    page.locator("#events tr[data-event]", has_text="carried out additional strikes").first.click()
    page.locator("#article-quotes button", has_text="utmost restraint").click()
    assert "utmost restraint" in marked(page, "q-selected")


def test_back_closes_the_article(page: Page) -> None:
    page.locator("#events tr[data-event]").first.click()
    page.wait_for_selector("#article:not([hidden])")
    page.go_back()
    page.wait_for_selector("#article", state="hidden")


def test_hostile_article_is_shown_as_text_and_never_run(
    page: Page, base_url: str, hostile_id: str
) -> None:
    page.goto(f"{base_url}/#/article/{hostile_id}")
    page.wait_for_selector("#article:not([hidden]) #article-text")
    text = page.locator("#article-text").inner_text()
    assert "<script>" in text and "onerror" in text
    assert page.locator("#article img, #article script").count() == 0
    assert page.locator("#article-title").inner_text().startswith("<img src=x")
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(ARTIFACTS / "article_hostile.png"))


def test_escalation_monitor_lists_series_and_follows_the_grouping(page: Page) -> None:
    expect(page.locator("#series tr")).not_to_have_count(0)
    page.select_option("#trend-by", "country")
    expect(page.locator("#series th").first).to_have_text("country")
    keys = page.locator("#series td:first-child").all_text_contents()
    assert "SYR" in keys or "UKR" in keys
    page.locator(".alerts-box").screenshot(path=str(ARTIFACTS / "dashboard_trends.png"))


def test_reported_deaths_are_listed_and_explained(page: Page) -> None:
    page.select_option("select[name=event_type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    expect(page.locator("#timeline")).to_have_attribute("data-series", "ASSAULT")
    deadly = page.locator("#events tbody tr[data-event]", has_text=" killed")
    assert deadly.count() > 0
    reported = deadly.first.locator("td").last.inner_text()
    deadly.first.click()
    page.wait_for_selector("#article:not([hidden]) .hl-trigger")
    explain = page.locator("#explain").inner_text()
    assert f"Reported\n{reported.split(', ')[0]}" in explain
    assert "(from “" in explain
    page.screenshot(path=str(ARTIFACTS / "article_reported_deaths.png"))


def test_an_undated_article_says_so_in_its_panel(
    browser: Browser, serve_app: Any, tmp_path: Path
) -> None:
    undated = Article(
        id="undated0undated0",
        text="Police detained dozens of protesters in Tbilisi on Friday, witnesses said.",
        date=None,
    )
    path = tmp_path / "undated.duckdb"
    with DuckDBStore(path) as store:
        store.save(undated, code_article(undated))
    with serve_app(create_app(str(path), None)) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        tab = context.new_page()
        tab.goto(f"{url}/#/article/{undated.id}")
        tab.wait_for_selector("#article:not([hidden]) #article-notes .article-note")
        notes = tab.locator("#article-notes").inner_text()
        assert notes.startswith("Warning: article has no date")
        assert tab.locator("#article-notes .error").count() == 0
        tab.locator("#article").screenshot(path=str(ARTIFACTS / "article_undated.png"))
        context.close()


def test_a_place_named_twice_in_two_spellings_is_shown_once(page: Page) -> None:
    assert page.evaluate("sameName('Addis Ababa', 'Adis Abeba')")
    assert not page.evaluate("sameName('Aleppo', 'Aleppo Governorate')")
    assert not page.evaluate("sameName('Gaza', 'Gaza Strip')")
    page.fill("#filters input[name=country]", "ETH")
    page.click("#filters button[type=submit]")
    where = page.locator("#events tbody tr[data-event] td", has_text="Addis Ababa")
    expect(where.first).to_be_visible()
    assert all("Adis Abeba" not in cell for cell in where.all_inner_texts())
