"""The web app as a user sees it: headless Chromium (Playwright) over a store built by the real pipeline.

The store is the demo corpus run through `polemos.demo.build_demo_store` (built once for this module), plus
one hostile article ingested the same way.  Every expected value is read from that store through
`polemos.store.queries` (and the web app's own network query), never written into the test.
Screenshots go to tests/artifacts/.  Skipped when /usr/bin/chromium or node_modules is missing.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlparse

import pytest

from polemos.web.app import find_node_modules, running_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
EVIL = "<script>window.__pwned = 1; alert('x')</script>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.skipif(find_node_modules() is None, reason="needs node_modules (run `make assets` / `npm ci`)"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def _ingest_hostile_article(db: Path, folder: Path) -> None:
    """Run one article carrying a script tag (in its title and text) through the real pipeline."""
    from polemos.config import load_settings
    from polemos.ingest import read_inputs
    from polemos.pipeline import Pipeline
    from polemos.store import Store

    item = {"id": "hostile", "title": f"Hostile {EVIL}", "published": "2020-01-09", "source": "Test Wire",
            "text": f"Iran said {EVIL} in a statement on Tuesday. Tehran later denied it."}
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    with Store(db) as store:
        summary = Pipeline(store, load_settings()).run(read_inputs([str(path)]))
    assert summary.stored == 1, summary.failures


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from polemos.demo import build_demo_store

    folder = tmp_path_factory.mktemp("browser")
    path = build_demo_store(folder / "demo.db")
    _ingest_hostile_article(path, folder)
    return path


@pytest.fixture(scope="module")
def conn(db: Path) -> Iterator[sqlite3.Connection]:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    c.row_factory = sqlite3.Row
    yield c
    c.close()


@pytest.fixture(scope="module")
def base_url(db: Path) -> Iterator[str]:
    with running_server(str(db)) as url:
        yield url


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


def path_of(pg: sync_api.Page) -> str:
    return unquote(urlparse(pg.url).path)


def _has_trigger_mark(e: dict[str, Any]) -> bool:
    """Whether the evidence quote of ``e`` can mark its trigger (the trigger lies inside the evidence)."""
    ev, t = e["evidence"], e["trigger"]
    t0, t1 = t["start"] - ev["start"], t["end"] - ev["start"]
    return 0 <= t0 < t1 <= len(ev["text"])


def test_overview_and_search_into_an_actor(page: sync_api.Page, conn: sqlite3.Connection) -> None:
    from polemos.store import queries as q
    from polemos.web import queries_extra as qx
    from polemos.web.charts import timeline_bars

    stats = q.stats(conn)
    top = next(q.iter_actors(conn))
    bars = timeline_bars(qx.timeline(conn))["bars"]
    page.goto("/")
    cards = {c.split()[-1]: c.split()[0] for c in page.locator("#counts .card").all_inner_texts()}
    assert cards["Articles"] == str(stats["articles"]) and cards["Events"] == str(stats["events"])
    assert page.locator("svg.chart rect").count() == sum(len(b["segments"]) for b in bars if b["events"]) > 0
    assert page.locator("#top-actors tbody tr").count() == min(10, stats["actors"])
    assert page.locator("#top-actors tbody tr").first.locator("a").inner_text() == top["name"]
    shot(page, "overview")

    expected_articles = q.search_articles(conn, top["name"], limit=20)
    assert expected_articles, "the most mentioned actor's name should occur in some article"
    page.fill("header input[name=q]", top["name"])
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=**")
    assert page.locator("#res-articles li").count() == len(expected_articles)
    assert page.locator("#res-articles li mark").count() >= 1
    shot(page, "search")

    page.locator("#res-actors").get_by_role("link", name=top["name"], exact=True).first.click()
    page.wait_for_url(f"**/actors/{quote(top['key'], safe='')}")
    assert path_of(page) == f"/actors/{top['key']}"
    dossier = q.actor_dossier(conn, top["key"])
    assert dossier is not None
    assert page.locator("#actor-name").inner_text() == dossier["name"]
    facts = page.locator("dl.facts").inner_text()
    assert dossier["key"] in facts and (dossier["code"] or "—") in facts
    assert f"{dossier['mentions']} in {dossier['articles']} articles" in facts
    as_source = [e for e in dossier["events"] if any(a["key"] == dossier["key"] for a in e["source"])]
    assert page.locator("#events-source tbody tr.ev-row").count() == len(as_source)
    neighbourhood = qx.network(conn, qx.NetworkFilter(actor=dossier["key"]))
    if neighbourhood["edges"]:
        page.wait_for_selector("#mini-net canvas")
    else:
        assert "No events with other actors" in page.locator("#mini-net").inner_text()
    shot(page, "actor")


def test_article_highlight_click_shows_record(page: sync_api.Page, conn: sqlite3.Connection) -> None:
    from polemos.store import queries as q

    common_type = Counter(q.stats(conn)["events_by_type"]).most_common(1)[0][0]
    page.goto(f"/events?type={common_type}")
    link = page.locator("#events-table tbody tr td:last-child a").first
    link.click()
    page.wait_for_url("**/articles/**")
    detail = q.article_detail(conn, path_of(page).removeprefix("/articles/"))
    assert detail is not None and any(e["type"] == common_type for e in detail["events"])
    assert page.locator("#article-title").inner_text() == (detail["title"] or detail["id"])
    legend = page.locator(".hl-legend").inner_text()
    assert f"{len(detail['mentions'])} mentions" in legend and f"{len(detail['events'])} events" in legend

    # Each event's trigger is highlighted where the store says it is; a click shows its record.
    for i, e in enumerate(detail["events"]):
        assert "".join(page.locator(f'#article-text .hl-event[data-refs~="e{i}"]').all_inner_texts()) == e[
            "trigger"]["text"]
    first = min(range(len(detail["events"])), key=lambda i: detail["events"][i]["trigger"]["start"])
    page.locator(f'#article-text .hl-event[data-refs~="e{first}"]').first.click()
    panel = page.locator("#record-panel")
    event = detail["events"][first]
    assert f"Event: {event['type']}" in panel.inner_text()
    if event["cameo"]:
        assert "CAMEO" in panel.inner_text() and event["cameo"] in panel.inner_text()

    # An actor mention: the highlighted text is the stored span, and a click names the actor and its code.
    m_index, mention = next((i, m) for i, m in enumerate(detail["mentions"]) if m["key"])
    spans = page.locator(f'#article-text .hl-actor[data-refs~="m{m_index}"]')
    assert "".join(spans.all_inner_texts()) == mention["text"] == mention["evidence"]["text"]
    spans.first.click()
    assert f"Actor: {mention['actor']}" in panel.inner_text()
    if mention["code"]:
        assert mention["code"] in panel.inner_text()
    shot(page, "article")


def test_script_in_article_renders_as_text(page: sync_api.Page) -> None:
    page.goto("/articles/hostile")
    assert EVIL in page.locator("#article-text").inner_text()
    assert EVIL in page.locator("#article-title").inner_text()
    assert page.evaluate("window.__pwned") is None


def test_network_edge_click_lists_events_with_evidence(page: sync_api.Page, conn: sqlite3.Connection) -> None:
    from polemos.web import queries_extra as qx
    from polemos.web.pages import NETWORK_MIN_EVENTS

    span = qx.event_date_range(conn)
    every = qx.network(conn, qx.NetworkFilter(date_from=span["first"], date_to=span["last"]))
    net = qx.network(conn, qx.NetworkFilter(date_from=span["first"], date_to=span["last"],
                                            min_events=NETWORK_MIN_EVENTS))
    assert net["edges"], "the demo corpus should give at least one dyad with several events"
    assert net["hidden_edges"] == len(every["edges"]) - len(net["edges"]) > 0
    names = {n["key"]: n["name"] for n in net["nodes"]}
    edge = net["edges"][0]  # the busiest dyad
    assert edge == every["edges"][0]
    events = qx.events_by_ids(conn, qx.edge_event_ids(conn, edge["source"], edge["target"]))
    assert len(events) == edge["events"]

    # At first the page hides edges with fewer than NETWORK_MIN_EVENTS events, and says so.
    page.goto("/network")
    page.wait_for_selector("#net[data-ready='1']")
    assert page.input_value("#min-events") == str(NETWORK_MIN_EVENTS)
    assert page.locator("#net-summary").inner_text() == f"{len(net['nodes'])} actors, {len(net['edges'])} edges"
    assert f"{net['hidden_edges']} edges with fewer than {NETWORK_MIN_EVENTS} events hidden" in page.locator(
        "#net-hidden").inner_text()
    assert sorted(page.evaluate("() => PNet.nodes().map(n => n.id())")) == sorted(names)
    shot(page, "network")
    box = page.locator("#net").bounding_box()
    assert box is not None
    mid = page.evaluate(
        "([s, t]) => { const e = PNet.edges().filter(x => x.source().id() === s && x.target().id() === t).first();"
        " PNet.fit(e.union(e.connectedNodes()), 120); const p = e.renderedMidpoint(); return {x: p.x, y: p.y}; }",
        [edge["source"], edge["target"]],
    )
    page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])
    panel = page.locator("#edge-panel")
    panel.locator("blockquote.evidence").first.wait_for()
    heading = f"{names[edge['source']]} → {names[edge['target']]}: {edge['events']} events"
    assert panel.locator("h3").inner_text() == heading
    assert panel.locator(".edge-events > li").count() == edge["events"]
    assert panel.locator("blockquote.evidence").count() == edge["events"]
    assert panel.locator("mark.trigger").count() == sum(_has_trigger_mark(e) for e in events)
    cited = panel.locator("cite a").evaluate_all("links => links.map(a => decodeURIComponent(a.pathname + a.hash))")
    assert sorted(cited) == sorted(f"/articles/{e['evidence']['article']}#s{e['evidence']['sentence']}" for e in events)
    assert [t.split()[0] for t in panel.locator(".edge-head").all_inner_texts()] == [e["type"] for e in events]
    page.locator("#net").screenshot(path=str(ARTIFACTS / "web-network-edge.png"))

    # One event per edge shows the whole network; the busiest edges are still labelled, on top and in view,
    # and only the most active actors keep their labels until one zooms in.
    page.select_option("#min-events", "1")
    summary = f"{len(every['nodes'])} actors, {len(every['edges'])} edges"
    page.wait_for_function("s => document.getElementById('net-summary').textContent === s", arg=summary)
    assert page.locator("#net-hidden").inner_text() == ""
    view = page.evaluate(
        """() => {
        const z = PNet.zoom(), w = PNet.width(), h = PNet.height();
        const shown = (x) => x.style('text-opacity') !== '0' && parseFloat(x.style('font-size')) * z >= 9;
        const inView = (x) => { const b = x.renderedBoundingBox(); return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= w && b.y2 <= h; };
        const edges = PNet.edges();
        return {
          zoom: z,
          top: PNet.edges('.top').map(e => [e.source().id(), e.target().id()]),
          topShown: PNet.edges('.top').every(e => shown(e) && inView(e)),
          topAbove: Math.min(...PNet.edges('.top').map(e => e.style('z-index') * 1))
                    > Math.max(...PNet.edges().not('.top').map(e => e.style('z-index') * 1)),
          topWider: Math.min(...PNet.edges('.top').map(e => parseFloat(e.style('width'))))
                    > Math.max(...PNet.edges().not('.top').map(e => parseFloat(e.style('width')))),
          labelled: PNet.nodes().filter(shown).map(n => n.id()),
          hubsShown: PNet.nodes('.hub').every(shown),
          edgeCount: edges.length,
        };
    }"""
    )
    busiest = [(e["source"], e["target"]) for e in every["edges"] if e["events"] == edge["events"]]
    assert {tuple(t) for t in view["top"]} >= set(busiest[:6])
    assert view["topShown"] and view["topAbove"] and view["topWider"], view
    assert view["hubsShown"] and 0 < len(view["labelled"]) < len(every["nodes"]) / 2, view
    assert {edge["source"], edge["target"]} <= set(view["labelled"])
    shot(page, "network-all")
    page.evaluate("() => PNet.zoom({level: 1.2, renderedPosition: {x: PNet.width() / 2, y: PNet.height() / 2}})")
    assert page.evaluate("() => PNet.nodes('.quiet').length + PNet.edges('.quiet').length") == 0

    # The download menu carries the filters an export understands, and gives the same edges.
    page.locator("#download-menu summary").click()
    href = page.get_attribute("#download-menu a[data-format=gexf]", "href") or ""
    assert f"date_from={span['first']}" in href and "min_events" not in href
    import networkx as nx

    g = nx.read_gexf(io.BytesIO(page.request.get(href).body()))
    assert {(s, t): d["weight"] for s, t, d in g.edges(data=True)} == {
        (e["source"], e["target"]): e["events"] for e in every["edges"]}

    # An earlier end day: the graph redraws with exactly the actors of the events up to that day.
    days = sorted({d for d in (e["last"] for e in every["edges"]) if d and len(d) == 10})
    cut = days[len(days) // 2]
    earlier = qx.network(conn, qx.NetworkFilter(date_from=span["first"], date_to=cut))
    page.fill("#net-filters input[name=date_to]", cut)
    page.click("#net-filters button[type=submit]")
    summary = f"{len(earlier['nodes'])} actors, {len(earlier['edges'])} edges"
    page.wait_for_function("s => document.getElementById('net-summary').textContent === s", arg=summary)
    assert sorted(page.evaluate("() => PNet.nodes().map(n => n.id())")) == sorted(n["key"] for n in earlier["nodes"])
    assert f"date_to={cut}" in (page.get_attribute("#download-menu a[data-format=graphml]", "href") or "")

    # The time slider's start is the first day of the store.
    page.locator("#time-slider").fill("0")
    page.wait_for_function("d => document.getElementById('slider-day').textContent === d", arg=span["first"])
    first_day = qx.network(conn, qx.NetworkFilter(date_from=span["first"], date_to=span["first"]))
    summary = f"{len(first_day['nodes'])} actors, {len(first_day['edges'])} edges"
    page.wait_for_function("s => document.getElementById('net-summary').textContent === s", arg=summary)


def test_map_draws_outlines_and_events(page: sync_api.Page, conn: sqlite3.Connection) -> None:
    from polemos.store.queries import EventFilter
    from polemos.web import queries_extra as qx
    from polemos.web.event_rows import select_events

    span = qx.event_date_range(conn)

    def located(date_from: str | None, date_to: str | None) -> tuple[int, list[dict[str, Any]]]:
        total, rows = select_events(conn, EventFilter(date_from=date_from, date_to=date_to), limit=1000)
        return total, [e for e in rows if e["place"] and e["place"]["lat"] is not None]

    total, with_coords = located(span["first"], span["last"])
    assert with_coords, "some demo events should have a resolved place"
    page.goto("/map")
    page.wait_for_selector("#map[data-outlines][data-markers]")
    assert int(page.get_attribute("#map", "data-outlines") or 0) > 150
    assert page.get_attribute("#map", "data-markers") == str(len(with_coords))
    assert page.locator("#map-summary").inner_text() == f"{len(with_coords)} of {total} events have coordinates"
    assert page.locator("path.leaflet-interactive").count() > 150 + len(with_coords) - 1
    assert "material conflict" in page.locator("#map-legend").inner_text()
    page.select_option("#colour-by", "type")
    types = sorted({e["type"] for e in with_coords})
    page.wait_for_function(
        "ts => { const t = document.getElementById('map-legend').textContent; return ts.every(x => t.includes(x)); }",
        arg=types,
    )
    shot(page, "map")

    # The busiest month with located events, as a date filter.
    month = Counter(e["date"][:7] for e in with_coords if e["date"] and len(e["date"]) >= 7).most_common(1)[0][0]
    date_from = f"{month}-01"
    date_to = f"{month}-{calendar.monthrange(int(month[:4]), int(month[5:7]))[1]:02d}"
    month_total, month_coords = located(date_from, date_to)
    page.fill("#map-filters input[name=date_from]", date_from)
    page.fill("#map-filters input[name=date_to]", date_to)
    page.click("#map-filters button[type=submit]")
    summary = f"{len(month_coords)} of {month_total} events have coordinates"
    page.wait_for_function("s => document.getElementById('map-summary').textContent === s", arg=summary)
    assert page.get_attribute("#map", "data-markers") == str(len(month_coords))


def test_events_table_filter_sort_page_and_csv(page: sync_api.Page, conn: sqlite3.Connection) -> None:
    from polemos.store import queries as q

    total = q.stats(conn)["events"]
    conflict = list(q.iter_events(conn, q.EventFilter(quad_class=4)))
    assert total > 20 and conflict
    page.goto("/events")
    assert page.locator("#events-total").inner_text() == f"{total} matching"
    assert page.locator("#events-table tbody tr").count() == min(total, 50)
    page.locator("#events-table th a[data-sort=type]").click()
    page.wait_for_url("**sort=type**")
    types = [t.split()[0] for t in page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()]
    assert types == sorted(types, reverse=True) and types[0] == max(q.stats(conn)["events_by_type"])
    page.select_option("#event-filters select[name=quad_class]", "4")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**quad_class=4**")
    assert page.locator("#events-total").inner_text() == f"{len(conflict)} matching"
    assert all(c.strip() == "Q4" for c in page.locator("#events-table tbody td:nth-child(3)").all_inner_texts())
    shot(page, "events")
    href = page.get_attribute("#csv-link", "href") or ""
    assert "quad_class=4" in href and "per_page" not in href
    rows = list(csv.DictReader(io.StringIO(page.request.get(href).text())))
    assert len(rows) == len(conflict) and {r["quad_class"] for r in rows} == {"4"}
    assert sorted(int(r["id"]) for r in rows) == sorted(e["id"] for e in conflict)

    # The download menu: an ACLED-style CSV of the same events, as a file the browser saves.
    page.locator("#download-menu summary").click()
    with page.expect_download() as info:
        page.locator("#download-menu a[data-format=acled-csv]").click()
    download = info.value
    assert download.suggested_filename == "polemos-events.csv"
    saved = ARTIFACTS / "web-download-acled.csv"
    download.save_as(saved)
    acled = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert len(acled) == len(conflict)
    assert sorted(r["notes"] for r in acled) == sorted(e["evidence"]["text"] for e in conflict)


def test_events_table_paging(page: sync_api.Page, conn: sqlite3.Connection) -> None:
    from polemos.store import queries as q

    pages = math.ceil(q.stats(conn)["events"] / 10)
    assert pages >= 2
    page.goto("/events?per_page=10")
    first_page = page.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(first_page) == 10 and f"page 1 of {pages}" in page.locator("#pager").inner_text()
    page.locator("#pager a[rel=next]").click()
    page.wait_for_url("**page=2**")
    second_page = page.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(second_page) == 10 and not set(first_page) & set(second_page)
    assert f"page 2 of {pages}" in page.locator("#pager").inner_text()


def test_api_docs_work_offline(page: sync_api.Page) -> None:
    page.goto("/docs")
    page.locator(".opblock-summary-path", has_text="/api/network/edge").wait_for()
    assert page.locator(".opblock").count() >= 12
