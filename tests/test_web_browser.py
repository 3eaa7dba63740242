"""The web app as a user sees it: headless Chromium (Playwright) over a store built from the demo corpus.

Screenshots go to tests/artifacts/.  Skipped when /usr/bin/chromium or node_modules is missing.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.model import Actor, Article, Evidence, Extraction, Mention, Sentence
from polemos.store import Store
from polemos.web.app import create_app, find_node_modules
from polemos.web.demo import build_demo_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
EVIL = "<script>window.__pwned = 1; alert('x')</script>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.skipif(find_node_modules() is None, reason="needs node_modules (run `make assets` / `npm ci`)"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def _add_hostile_article(db: Path) -> None:
    text = f"Tehran said {EVIL} in a statement."
    start = text.index("Tehran")
    iran = Actor("IRN", "Iran", "GPE", "IRN", None, ["Tehran"])
    with Store(db) as store:
        store.write(Extraction(
            Article("hostile", text, hashlib.sha256(text.encode()).hexdigest(), "test", title=f"Hostile {EVIL}",
                    published="2020-01-09"),
            sentences=[Sentence(0, 0, len(text), text)],
            mentions=[Mention("Tehran", "GPE", iran, Evidence("hostile", 0, start, start + 6, "Tehran"))],
        ))


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    build_demo_store(db)
    _add_hostile_article(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: sync_api.Browser, base_url: str) -> Iterator[sync_api.Page]:
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base_url)
    pg = ctx.new_page()
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else outside.append(r.url))
    yield pg
    ctx.close()
    assert not errors, errors
    assert not outside, f"pages must work offline, but asked for {outside}"


def shot(pg: sync_api.Page, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_overview_and_search_into_an_actor(page: sync_api.Page) -> None:
    page.goto("/")
    assert page.locator("#counts .card").first.inner_text().split()[0] == "31"
    assert page.locator("svg.chart rect").count() > 5
    assert page.locator("#top-actors tbody tr").count() == 10
    shot(page, "overview")
    page.fill("header input[name=q]", "Tikrit")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Tikrit")
    assert page.locator("#res-articles li").count() >= 3
    shot(page, "search")
    page.goto("/search?q=Soleimani")
    page.locator("#res-actors a", has_text="Qasem Soleimani").click()
    page.wait_for_url("**/actors/SOLEIMANI")
    assert page.locator("#actor-name").inner_text() == "Qasem Soleimani"
    assert "IRNMIL" in page.locator("dl.facts").inner_text()
    assert "No events with other actors" in page.locator("#mini-net").inner_text()
    page.goto("/actors/IRN")
    page.wait_for_selector("#mini-net canvas")
    assert page.locator("#events-source tbody tr.ev-row").count() >= 1
    shot(page, "actor")


def test_article_highlight_click_shows_record(page: sync_api.Page) -> None:
    page.goto("/events?type=ASSAULT&actor=Iran")
    page.locator("#events-table tbody tr td:last-child a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("#article-text .hl-event").count() >= 1
    page.locator("#article-text .hl-event").first.click()
    panel = page.locator("#record-panel")
    assert "Event:" in panel.inner_text() and "CAMEO" in panel.inner_text()
    page.locator("#article-text .hl-actor", has_text="Iran").first.click()
    assert "Actor: Iran" in panel.inner_text() and "IRN" in panel.inner_text()
    shot(page, "article")


def test_script_in_article_renders_as_text(page: sync_api.Page) -> None:
    page.goto("/articles/hostile")
    assert EVIL in page.locator("#article-text").inner_text()
    assert EVIL in page.locator("#article-title").inner_text()
    assert page.evaluate("window.__pwned") is None


def test_network_edge_click_lists_events_with_evidence(page: sync_api.Page) -> None:
    page.goto("/network")
    page.wait_for_selector("#net[data-ready='1']")
    assert "actors" in page.locator("#net-summary").inner_text()
    box = page.locator("#net").bounding_box()
    assert box is not None
    mid = page.evaluate(
        "() => { const e = PNet.edges().filter(e => e.source().id() === 'USA').first();"
        " const p = e.renderedMidpoint(); return {x: p.x, y: p.y, n: e.data('events')}; }"
    )
    page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])
    panel = page.locator("#edge-panel")
    panel.locator("blockquote.evidence").first.wait_for()
    assert panel.locator("h3").inner_text().startswith("United States →")
    assert panel.locator(".edge-events > li").count() == mid["n"]
    assert panel.locator("mark.trigger").count() == mid["n"]
    shot(page, "network")
    page.fill("#net-filters input[name=date_to]", "2015-12-31")
    page.click("#net-filters button[type=submit]")
    page.wait_for_function("() => document.getElementById('net-summary').textContent.includes('actors')")
    page.wait_for_function("() => PNet.nodes().every(n => n.id() !== 'TRUMP')")
    page.locator("#time-slider").fill("0")
    page.wait_for_function("() => document.getElementById('slider-day').textContent === '2014-07-30'")


def test_map_draws_outlines_and_events(page: sync_api.Page) -> None:
    page.goto("/map")
    page.wait_for_selector("#map[data-outlines][data-markers]")
    assert int(page.get_attribute("#map", "data-outlines") or 0) > 150
    assert int(page.get_attribute("#map", "data-markers") or 0) > 5
    assert page.locator("path.leaflet-interactive").count() > 150
    assert "material conflict" in page.locator("#map-legend").inner_text()
    page.select_option("#colour-by", "type")
    page.wait_for_function("() => document.getElementById('map-legend').textContent.includes('ASSAULT')")
    shot(page, "map")
    page.fill("#map-filters input[name=date_from]", "2020-01-01")
    page.fill("#map-filters input[name=date_to]", "2020-01-31")
    page.click("#map-filters button[type=submit]")
    page.wait_for_function("() => document.getElementById('map-summary').textContent.includes(' of ')")
    assert "of" in page.locator("#map-summary").inner_text()


def test_events_table_filter_sort_page_and_csv(page: sync_api.Page) -> None:
    page.goto("/events")
    total = int(page.locator("#events-total").inner_text().split()[0])
    assert total > 20 and page.locator("#events-table tbody tr").count() == min(total, 50)
    page.locator("#events-table th a[data-sort=type]").click()
    page.wait_for_url("**sort=type**")
    types = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert types == sorted(types, reverse=True)
    page.select_option("#event-filters select[name=quad_class]", "4")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**quad_class=4**")
    assert all(q.strip() == "Q4" for q in page.locator("#events-table tbody td:nth-child(3)").all_inner_texts())
    shot(page, "events")
    href = page.get_attribute("#csv-link", "href") or ""
    assert "quad_class=4" in href
    assert "per_page" not in href
    csv_text = page.request.get(href).text()
    assert csv_text.startswith("id,date,type") and csv_text.count("\n") == page.locator(
        "#events-table tbody tr").count() + 1


def test_events_table_paging(page: sync_api.Page) -> None:
    page.goto("/events?per_page=10")
    first_page = page.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(first_page) == 10 and "page 1 of 4" in page.locator("#pager").inner_text()
    page.locator("#pager a[rel=next]").click()
    page.wait_for_url("**page=2**")
    second_page = page.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(second_page) == 10 and not set(first_page) & set(second_page)
    assert "page 2 of 4" in page.locator("#pager").inner_text()


def test_api_docs_work_offline(page: sync_api.Page) -> None:
    page.goto("/docs")
    page.wait_for_selector(".opblock-summary-path >> text=/api/network/edge")
    assert page.locator(".opblock").count() >= 12
