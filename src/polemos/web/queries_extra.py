"""Read-only queries the web app needs beyond `polemos.store.queries` (to move into the store later).

Every function takes an open connection (rows as ``sqlite3.Row``) and returns plain dicts.
An event's day is its own date when known, else its article's publication date (first 10 characters).
Date filters follow `polemos.store.queries.iter_events`: an event matches when its date's period (a day,
a month, a year or a range) ends on or after ``date_from`` and starts on or before ``date_to``.
"""

from __future__ import annotations

import calendar
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from polemos.store.queries import PERIOD_END  # the store's own "period ends on" expression, shared

_DAY = "substr(COALESCE(e.date, a.published), 1, 10)"  # the day a period starts on (as stored)


@dataclass(slots=True)
class NetworkFilter:
    """Filters for the actor network: day range, PLOVER type, quad class, actor country (alpha-3)."""

    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    quad_class: int | None = None
    country: str | None = None
    actor: str | None = None  # key: keep only edges touching this actor
    min_events: int = 1


def _event_where(f: NetworkFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = ["1=1"]
    args: list[Any] = []
    if f.date_from:  # the event's period ends on or after date_from
        where.append(f"{PERIOD_END} >= ?")
        args.append(f.date_from)
    if f.date_to:  # the event's period starts on or before date_to
        where.append(f"{_DAY} <= ?")
        args.append(f.date_to)
    if f.type:
        where.append("e.type = ?")
        args.append(f.type.upper())
    if f.quad_class:
        where.append("e.quad_class = ?")
        args.append(f.quad_class)
    return where, args


def network(conn: sqlite3.Connection, f: NetworkFilter | None = None) -> dict[str, Any]:
    """Actor network: one edge per (source, target) pair with counts by quad class and mean Goldstein.

    ``weight`` runs from -1 (all conflict) to +1 (all cooperation): (coop - conflict) / events.
    Edges with fewer than ``f.min_events`` events are left out and counted in ``hidden_edges``.
    """
    f = f or NetworkFilter()
    where, args = _event_where(f)
    extra = ""
    if f.country:
        extra += " AND (s.country = ? OR t.country = ?)"
        args += [f.country.upper(), f.country.upper()]
    if f.actor:
        extra += " AND (s.key = ? OR t.key = ?)"
        args += [f.actor, f.actor]
    sql = (
        "SELECT s.key AS source, t.key AS target, COUNT(DISTINCT e.id) AS events,"
        " SUM(e.quad_class = 1) AS q1, SUM(e.quad_class = 2) AS q2, SUM(e.quad_class = 3) AS q3,"
        " SUM(e.quad_class = 4) AS q4, AVG(e.goldstein) AS goldstein,"
        f" MIN({_DAY}) AS first, MAX({_DAY}) AS last"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " JOIN event_actors es ON es.event_id = e.id AND es.role = 'source'"
        " JOIN event_actors et ON et.event_id = e.id AND et.role = 'target'"
        " JOIN actors s ON s.id = es.actor_id JOIN actors t ON t.id = et.actor_id"
        f" WHERE {' AND '.join(where)} AND s.id != t.id{extra}"
        " GROUP BY s.id, t.id ORDER BY events DESC, source, target"
    )
    least = max(1, int(f.min_events))
    edges: list[dict[str, Any]] = []
    keys: set[str] = set()
    hidden = 0
    for r in conn.execute(sql, args):
        if int(r["events"]) < least:
            hidden += 1
            continue
        q = [int(r["q1"] or 0), int(r["q2"] or 0), int(r["q3"] or 0), int(r["q4"] or 0)]
        coop, conflict = q[0] + q[1], q[2] + q[3]
        edges.append(
            {
                "source": r["source"],
                "target": r["target"],
                "events": int(r["events"]),
                "quad_counts": {"1": q[0], "2": q[1], "3": q[2], "4": q[3]},
                "cooperation": coop,
                "conflict": conflict,
                "weight": round((coop - conflict) / max(1, int(r["events"])), 3),
                "goldstein": None if r["goldstein"] is None else round(float(r["goldstein"]), 2),
                "first": r["first"],
                "last": r["last"],
            }
        )
        keys.update((r["source"], r["target"]))
    nodes: list[dict[str, Any]] = []
    if keys:
        marks = ",".join("?" * len(keys))
        for r in conn.execute(
            "SELECT ac.key, ac.name, ac.type, ac.country, ac.sector, ac.code,"
            " (SELECT COUNT(*) FROM event_actors ea WHERE ea.actor_id = ac.id) AS events"
            f" FROM actors ac WHERE ac.key IN ({marks}) ORDER BY ac.name",
            sorted(keys),
        ):
            nodes.append(dict(r))
    return {"nodes": nodes, "edges": edges, "hidden_edges": hidden}


def edge_event_ids(conn: sqlite3.Connection, source: str, target: str, f: NetworkFilter | None = None) -> list[int]:
    """Ids of the events with actor key ``source`` as source and ``target`` as target, newest first."""
    f = f or NetworkFilter()
    where, args = _event_where(f)
    sql = (
        "SELECT DISTINCT e.id, " + _DAY + " AS day FROM events e JOIN articles a ON a.id = e.article_id"
        " JOIN event_actors es ON es.event_id = e.id AND es.role = 'source'"
        " JOIN event_actors et ON et.event_id = e.id AND et.role = 'target'"
        " JOIN actors s ON s.id = es.actor_id JOIN actors t ON t.id = et.actor_id"
        f" WHERE {' AND '.join(where)} AND s.key = ? AND t.key = ? ORDER BY day DESC, e.id"
    )
    return [int(r["id"]) for r in conn.execute(sql, [*args, source, target])]


def events_by_ids(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Events in the JSON contract for the given ids (order kept), via the store's own event query."""
    from polemos.store.queries import EventFilter, iter_events

    out: dict[int, dict[str, Any]] = {}
    for article in {
        r["article_id"]
        for r in conn.execute(f"SELECT article_id FROM events WHERE id IN ({','.join('?' * len(ids))})", ids)
    } if ids else set():
        for ev in iter_events(conn, EventFilter(article=article)):
            if ev["id"] in ids:
                out[ev["id"]] = ev
    return [out[i] for i in ids if i in out]


def timeline(
    conn: sqlite3.Connection, actor: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> list[dict[str, Any]]:
    """Events per day by quad class (``q0`` counts events with no quad class), oldest day first."""
    where, args = _event_where(NetworkFilter(date_from=date_from, date_to=date_to))
    if actor:
        where.append(
            "e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id WHERE ac.key = ?)"
        )
        args.append(actor)
    sql = (
        f"SELECT {_DAY} AS day, COUNT(*) AS events, SUM(e.quad_class IS NULL) AS q0,"
        " SUM(e.quad_class = 1) AS q1, SUM(e.quad_class = 2) AS q2, SUM(e.quad_class = 3) AS q3,"
        " SUM(e.quad_class = 4) AS q4 FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE {' AND '.join(where)} AND {_DAY} IS NOT NULL GROUP BY day ORDER BY day"
    )
    return [
        {k: (r[k] if k == "day" else int(r[k] or 0)) for k in ("day", "events", "q0", "q1", "q2", "q3", "q4")}
        for r in conn.execute(sql, args)
    ]


def top_dyads(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """The most frequent (source, target) actor pairs with their event counts and actor names."""
    net = network(conn)
    names = {n["key"]: n["name"] for n in net["nodes"]}
    return [
        {**e, "source_name": names.get(e["source"], e["source"]), "target_name": names.get(e["target"], e["target"])}
        for e in net["edges"][:limit]
    ]


def _whole_day(value: str | None, last: bool) -> str | None:
    """An ISO day for a stored date that may be a year, a month or a range ('1950/1953', '2014-06').

    The first day it covers (``last`` false) or the last (``last`` true), so that a day filter from
    the first to the last day of the store keeps every event.
    """
    if not value:
        return value
    part = value.split("/")[-1 if last else 0].strip()
    try:
        if len(part) == 4:
            return f"{int(part):04d}-{'12-31' if last else '01-01'}"
        if len(part) == 7:
            year, month = int(part[:4]), int(part[5:7])
            day = calendar.monthrange(year, month)[1] if last else 1
            return f"{year:04d}-{month:02d}-{day:02d}"
        return date.fromisoformat(part[:10]).isoformat()
    except ValueError:
        return value


def event_date_range(conn: sqlite3.Connection) -> dict[str, str | None]:
    """The first and last event day in the store, as ISO days (partial dates widened to whole days)."""
    r = conn.execute(
        f"SELECT MIN({_DAY}) AS first, MAX({_DAY}) AS last FROM events e JOIN articles a ON a.id = e.article_id"
    ).fetchone()
    return {"first": _whole_day(r["first"], last=False), "last": _whole_day(r["last"], last=True)}


def event_types(conn: sqlite3.Connection) -> list[str]:
    """The PLOVER event types present in the store."""
    return [r[0] for r in conn.execute("SELECT DISTINCT type FROM events ORDER BY type")]


def recent_articles(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """The newest articles (by publication date) with their event counts."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT a.id, a.title, a.published, a.source,"
            " (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events"
            " FROM articles a ORDER BY a.published DESC, a.id LIMIT ?",
            (limit,),
        )
    ]
