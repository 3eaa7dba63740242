"""The actor network (who acted on whom) as GEXF (Gephi) and GraphML, built with networkx.

Nodes are actors; a directed edge source -> target aggregates every event between them: ``weight``
(all events), ``quad1``..``quad4`` (events per quad class: verbal/material cooperation, verbal/material
conflict), mean Goldstein score, event types, and ``start``/``end`` (first and last event date; GEXF is
written in dynamic mode so Gephi's timeline uses them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

import networkx as nx

from polemos.export._io import Out, stream_events, text_out
from polemos.store.queries import EventFilter

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def _day(value: str | None) -> str | None:
    """An event date as YYYY-MM-DD (month/year precision -> first day; a range -> its start)."""
    if not value:
        return None
    parts = value.split("/")[0][:10].split("-")
    parts += ["01"] * (3 - len(parts))
    return "-".join(parts[:3])


def _node(g: nx.DiGraph, a: dict[str, Any], day: str | None) -> str:
    key = a["key"]
    if key not in g:
        g.add_node(key, label=a.get("name") or key, type=a.get("type") or "", country=a.get("country") or "",
                   sector=a.get("sector") or "", code=a.get("code") or "", events=0)
    data = g.nodes[key]
    data["events"] += 1
    _span(data, day)
    return str(key)


def _span(data: dict[str, Any], day: str | None) -> None:
    if day:
        data["start"] = min(data.get("start", day), day)
        data["end"] = max(data.get("end", day), day)


def actor_graph(events: Iterable[dict[str, Any]]) -> nx.DiGraph:
    """Aggregate events (JSON contract) into a directed, weighted actor graph."""
    g = nx.DiGraph()
    for e in events:
        day = _day(e.get("date"))
        sources = [_node(g, a, day) for a in e.get("source", [])]
        targets = [_node(g, a, day) for a in e.get("target", [])]
        for s in sources:
            for t in targets:
                if s == t:
                    continue
                if not g.has_edge(s, t):
                    g.add_edge(s, t, weight=0, quad1=0, quad2=0, quad3=0, quad4=0, goldstein_sum=0.0,
                               goldstein_n=0, types="")
                d = g.edges[s, t]
                d["weight"] += 1
                if e.get("quad_class") in (1, 2, 3, 4):
                    d[f"quad{e['quad_class']}"] += 1
                if e.get("goldstein") is not None:
                    d["goldstein_sum"] += float(e["goldstein"])
                    d["goldstein_n"] += 1
                types = set(filter(None, d["types"].split(";")))
                d["types"] = ";".join(sorted(types | {e["type"]}))
                _span(d, day)
    for _, _, d in g.edges(data=True):
        n = d.pop("goldstein_n")
        total = d.pop("goldstein_sum")
        d["goldstein_mean"] = round(total / n, 3) if n else 0.0
    return g


def _graph(conn: sqlite3.Connection, filters: EventFilter | None) -> nx.DiGraph:
    return actor_graph(stream_events(conn, filters))


def write_gexf(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write the actor network as GEXF 1.2 (dynamic, dates); returns the number of edges."""
    g = _graph(conn, filters)
    if any("start" in d for _, d in g.nodes(data=True)):
        g.graph["mode"] = "dynamic"
    with text_out(out) as fh:
        fh.write(XML_DECLARATION)
        for line in nx.generate_gexf(g):
            fh.write(line + "\n")
    return int(g.number_of_edges())


def write_graphml(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write the actor network as GraphML; returns the number of edges."""
    g = _graph(conn, filters)
    with text_out(out) as fh:
        fh.write(XML_DECLARATION)
        for line in nx.generate_graphml(g):
            fh.write(line + "\n")
    return int(g.number_of_edges())
