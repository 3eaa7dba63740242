"""Time the web app's pages and API at the server, on a demo store built from examples/articles.jsonl.

Usage: python benchmarks/web.py [--db PATH] [--repeat N]

Starts uvicorn on a free localhost port in this process, requests each URL ``--repeat`` times
(after one warm-up request) and reports the median and 95th percentile wall time per URL in ms.
Without ``--db`` a fresh demo store is built in a temporary folder by the real pipeline
(``polemos.demo.build_demo_store``: spaCy, knowledge base, gazetteer), timed and reported too.
The actor, article, dyad and search words requested are read from the store, not fixed.
The target (issue 6) is under 300 ms per page at the server on the demo store.

The last line printed is a flat JSON object of headline figures.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402

from polemos.demo import build_demo_store  # noqa: E402
from polemos.export import FORMATS  # noqa: E402
from polemos.store import queries as q  # noqa: E402
from polemos.web import queries_extra as qx  # noqa: E402
from polemos.web.app import running_server  # noqa: E402


def urls(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The pages and API calls to time, naming records read from the store itself.

    The actor is the most mentioned one, the article the one with the most events, the edge the
    busiest dyad, and the search words that actor's name and the most frequent event type.
    """
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        actor = next(q.iter_actors(conn, q.ActorFilter(limit=1)))
        article = conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN events e ON e.article_id = a.id"
            " GROUP BY a.id ORDER BY COUNT(e.id) DESC, a.id LIMIT 1"
        ).fetchone()[0]
        edges = qx.network(conn)["edges"]
        event_type = next(iter(q.stats(conn)["events_by_type"]), "ASSAULT")
    finally:
        conn.close()
    key, name, art = quote(actor["key"], safe=""), quote(actor["name"]), quote(article, safe="")
    pages = {
        "overview": "/",
        "search": f"/search?q={name}",
        "article": f"/articles/{art}",
        "actor": f"/actors/{key}",
        "network": "/network",
        "map": "/map",
        "events": "/events",
        "events_sorted": "/events?sort=type&order=asc&quad_class=4",
    }
    api = {
        "api_stats": "/api/stats",
        "api_events": "/api/events?limit=100",
        "api_events_csv": "/api/events.csv",
        "api_network": "/api/network",
        "api_actor": f"/api/actors/{key}",
        "api_article": f"/api/articles/{art}",
        "api_search": f"/api/search?q={quote(event_type.lower())}",
        "api_timeline": "/api/timeline",
        "api_network_min2": "/api/network?min_events=2",
    }
    api.update({f"api_export_{name.replace('-', '_')}": f"/api/export/{name}" for name in FORMATS})
    if edges:
        src, tgt = quote(edges[0]["source"], safe=""), quote(edges[0]["target"], safe="")
        api["api_network_edge"] = f"/api/network/edge?source={src}&target={tgt}"
    return pages, api


TARGET_MS = 300.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: build the demo store)")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db = args.db or build_demo_store(Path(tmp) / "demo.db")
        build_s = time.perf_counter() - t0
        pages, api = urls(db)
        results: dict[str, tuple[float, float, int]] = {}
        with running_server(str(db)) as base, httpx.Client(base_url=base, timeout=30) as client:
            for name, url in {**pages, **api}.items():
                client.get(url).raise_for_status()  # warm-up
                times = []
                size = 0
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                    r.raise_for_status()
                    size = len(r.content)
                results[name] = (statistics.median(times), _p95(times), size)
    width = max(len(u) for u in {**pages, **api}.values())
    print(f"{'url':{width}} {'median ms':>10} {'p95 ms':>8} {'bytes':>8}")
    for name, (med, p95, size) in results.items():
        url = {**pages, **api}[name]
        print(f"{url:{width}} {med:10.1f} {p95:8.1f} {size:8d}")
    page_p95 = [results[n][1] for n in pages]
    headline: dict[str, float | int | str] = {"web_store": "demo" if args.db is None else str(args.db)}
    if args.db is None:
        headline["web_demo_store_build_s"] = round(build_s, 1)
    for name, (med, p95, _) in results.items():
        headline[f"web_demo_{name}_median_ms"] = round(med, 1)
        headline[f"web_demo_{name}_p95_ms"] = round(p95, 1)
    headline["web_demo_pages_max_p95_ms"] = round(max(page_p95), 1)
    headline["web_demo_pages_under_300ms"] = int(all(p < TARGET_MS for p in page_p95))
    print(json.dumps(headline))


if __name__ == "__main__":
    main()
