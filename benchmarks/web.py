"""Time the web app's pages and API at the server, on a demo store built from examples/articles.jsonl.

Usage: python benchmarks/web.py [--db PATH] [--repeat N]

Starts uvicorn on a free localhost port in this process, requests each URL ``--repeat`` times
(after one warm-up request) and reports the median and 95th percentile wall time per URL in ms.
Without ``--db`` a fresh demo store is built in a temporary folder (``polemos.web.demo``).
The target (issue 6) is under 300 ms per page at the server on the demo store.

The last line printed is a flat JSON object of headline figures.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from polemos.web.app import create_app  # noqa: E402
from polemos.web.demo import build_demo_store  # noqa: E402

PAGES = {
    "overview": "/",
    "search": "/search?q=Tikrit",
    "article": "/articles/demo-001",
    "actor": "/actors/USA",
    "network": "/network",
    "map": "/map",
    "events": "/events",
    "events_sorted": "/events?sort=type&order=asc&quad_class=4",
}
API = {
    "api_stats": "/api/stats",
    "api_events": "/api/events?limit=100",
    "api_events_csv": "/api/events.csv",
    "api_network": "/api/network",
    "api_network_edge": "/api/network/edge?source=USA&target=ISIS",
    "api_actor": "/api/actors/USA",
    "api_article": "/api/articles/demo-001",
    "api_search": "/api/search?q=strike",
    "api_timeline": "/api/timeline",
}
TARGET_MS = 300.0


def _serve(db: Path) -> tuple[uvicorn.Server, threading.Thread, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    return server, thread, f"http://127.0.0.1:{port}"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: build the demo store)")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_demo_store(Path(tmp) / "demo.db")
        server, thread, base = _serve(db)
        results: dict[str, tuple[float, float, int]] = {}
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                for name, url in {**PAGES, **API}.items():
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
        finally:
            server.should_exit = True
            thread.join(timeout=5)
    print(f"{'url':44} {'median ms':>10} {'p95 ms':>8} {'bytes':>8}")
    for name, (med, p95, size) in results.items():
        url = {**PAGES, **API}[name]
        print(f"{url:44} {med:10.1f} {p95:8.1f} {size:8d}")
    page_p95 = [results[n][1] for n in PAGES]
    headline: dict[str, float | int | str] = {"web_store": "demo" if args.db is None else str(args.db)}
    for name, (med, p95, _) in results.items():
        headline[f"web_demo_{name}_median_ms"] = round(med, 1)
        headline[f"web_demo_{name}_p95_ms"] = round(p95, 1)
    headline["web_demo_pages_max_p95_ms"] = round(max(page_p95), 1)
    headline["web_demo_pages_under_300ms"] = int(all(p < TARGET_MS for p in page_p95))
    print(json.dumps(headline))


if __name__ == "__main__":
    main()
