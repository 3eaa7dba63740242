"""The HTML pages: overview, search, article, actor dossier, network, map, events table."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from polemos.store import queries as q
from polemos.store.queries import EventFilter
from polemos.web import queries_extra as qx
from polemos.web.api import search_all
from polemos.web.charts import timeline_bars
from polemos.web.deps import get_conn
from polemos.web.downloads import NETWORK_FORMATS, menu
from polemos.web.event_rows import select_events
from polemos.web.highlight import pieces, records
from polemos.web.params import OrderParam, SortParam, event_filter
from polemos.web.templating import templates

router = APIRouter(include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
PAGE_SIZE = 50
# The network page hides edges with fewer events than this at first (1 shows every edge).
NETWORK_MIN_EVENTS = 2
NETWORK_MIN_EVENTS_CHOICES = (1, 2, 3, 5, 10)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    """Render a template with the common context (vendor libraries present or not)."""
    context.setdefault("vendor_ok", request.app.state.node_modules is not None)
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn) -> HTMLResponse:
    """Counts, most active actors and dyads, recent events, events per day by quad class."""
    return render(
        request, "overview.html",
        stats=q.stats(conn),
        actors=list(q.iter_actors(conn, q.ActorFilter(limit=10))),
        dyads=qx.top_dyads(conn, 10),
        events=list(q.iter_events(conn, EventFilter(limit=10))),
        articles=qx.recent_articles(conn, 8),
        chart=timeline_bars(qx.timeline(conn)),
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, conn: Conn, q_: Annotated[str | None, Query(alias="q", max_length=200)] = None
) -> HTMLResponse:
    """Full text over articles, plus actors, quotes and events."""
    results = search_all(conn, q_, 20) if q_ and q_.strip() else None
    return render(request, "search.html", query=q_ or "", results=results)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, article_id: str) -> HTMLResponse:
    """The clean text with actors, quotes, events, places and dates highlighted."""
    detail = q.article_detail(conn, article_id)
    if detail is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    recs = records(detail)
    return render(
        request, "article.html", a=detail, pieces=pieces(detail["text"], recs, {s["start"]: s["index"] for s in detail["sentences"]}),
        records={rid: {"kind": r["kind"], "record": r["record"]} for rid, r in recs.items()},
    )


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor(request: Request, conn: Conn, key: str) -> HTMLResponse:
    """Names, codes, roles, affiliations, quotes, events, timeline and network neighbourhood."""
    d = q.actor_dossier(conn, key)
    if d is None:
        raise HTTPException(404, f"no actor named {key!r}")
    as_source = [e for e in d["events"] if any(a["key"] == d["key"] for a in e["source"])]
    as_target = [e for e in d["events"] if any(a["key"] == d["key"] for a in e["target"])]
    about = [
        x for x in q.iter_quotes(conn, q.QuoteFilter(about=d["key"], limit=100)) if x["speaker"]["key"] != d["key"]
    ]
    return render(
        request, "actor.html", d=d, as_source=as_source, as_target=as_target, quotes_about=about,
        chart=timeline_bars(qx.timeline(conn, actor=d["key"])),
        neighbourhood=qx.network(conn, qx.NetworkFilter(actor=d["key"])),
    )


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request, conn: Conn,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    min_events: Annotated[int | None, Query(ge=1, le=1000)] = None,
) -> HTMLResponse:
    """The actor network; data comes from /api/network.

    Edges with fewer than ``NETWORK_MIN_EVENTS`` events are hidden at first, unless an actor is asked for
    (its neighbourhood is shown whole) or ``min_events`` is given.
    """
    least = min_events or (1 if actor else NETWORK_MIN_EVENTS)
    return render(
        request, "network.html", range=qx.event_date_range(conn), types=qx.event_types(conn),
        downloads=menu(), network_formats=NETWORK_FORMATS, min_events_default=least,
        min_events_choices=sorted({*NETWORK_MIN_EVENTS_CHOICES, least}), actor=actor or "",
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, conn: Conn) -> HTMLResponse:
    """Events on an offline world map; data comes from /api/events."""
    return render(request, "map.html", range=qx.event_date_range(conn), types=qx.event_types(conn))


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, conn: Conn, f: Annotated[EventFilter, Depends(event_filter)],
    sort: SortParam = "date", order: OrderParam = "desc",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=5, le=500)] = PAGE_SIZE,
) -> HTMLResponse:
    """The events table with filters, sorting, paging and a CSV link."""
    total, rows = select_events(conn, f, sort, order, per_page, (page - 1) * per_page)
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    pages = max(1, -(-total // per_page))
    return render(
        request, "events.html", rows=rows, total=total, page=page, pages=pages, params=params,
        sort=sort, order=order, f=f, types=qx.event_types(conn), per_page=per_page, downloads=menu(),
    )
