"""Print records as a table, JSON Lines-like JSON, or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Column = tuple[str, Callable[[dict[str, Any]], Any]]


def _actors(items: list[dict[str, Any]]) -> str:
    return "; ".join(f"{a['name']}" + (f" [{a['code']}]" if a.get("code") else "") for a in items)


EVENT_COLUMNS: list[Column] = [
    ("id", lambda e: e["id"]),
    ("date", lambda e: e["date"]),
    ("type", lambda e: e["type"]),
    ("mode", lambda e: e["mode"]),
    ("source", lambda e: _actors(e["source"])),
    ("target", lambda e: _actors(e["target"])),
    ("cameo", lambda e: e["cameo"]),
    ("quad", lambda e: e["quad_class"]),
    ("place", lambda e: (e["place"] or {}).get("name")),
    ("conf", lambda e: e["confidence"]),
    ("mentions", lambda e: (e.get("cluster") or {}).get("num_mentions")),
    ("article", lambda e: e["evidence"]["article"]),
    ("evidence", lambda e: e["evidence"]["text"]),
]

QUOTE_COLUMNS: list[Column] = [
    ("speaker", lambda q: q["speaker"]["name"]),
    ("cue", lambda q: q["cue"]),
    ("kind", lambda q: q["kind"]),
    ("addressee", lambda q: q["addressee"] or q["outlet"]),
    ("content", lambda q: q["content"]),
    ("article", lambda q: q["evidence"]["article"]),
    ("sentence", lambda q: q["evidence"]["sentence"]),
]

ACTOR_COLUMNS: list[Column] = [
    ("name", lambda a: a["name"]),
    ("type", lambda a: a["type"]),
    ("code", lambda a: a["code"]),
    ("country", lambda a: a["country"]),
    ("sector", lambda a: a["sector"]),
    ("mentions", lambda a: a.get("mentions")),
    ("articles", lambda a: a.get("articles")),
    ("aliases", lambda a: ", ".join(a["aliases"][:5])),
]

PLACE_COLUMNS: list[Column] = [
    ("name", lambda p: p["name"]),
    ("geonameid", lambda p: p["geonameid"]),
    ("country", lambda p: p["country"]),
    ("admin1", lambda p: p["admin1"]),
    ("lat", lambda p: p["lat"]),
    ("lon", lambda p: p["lon"]),
    ("mentions", lambda p: p["mentions"]),
    ("reason", lambda p: p["reason"]),
]


def emit(rows: Iterable[dict[str, Any]], fmt: OutputFormat, columns: list[Column], title: str = "") -> int:
    """Write ``rows`` to stdout in ``fmt``; return how many were written."""
    n = 0
    if fmt is OutputFormat.json:
        out = sys.stdout
        out.write("[")
        for row in rows:
            out.write(("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False))
            n += 1
        out.write("\n]\n" if n else "]\n")
        return n
    if fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow([name for name, _ in columns])
        for row in rows:
            writer.writerow(["" if (v := get(row)) is None else v for _, get in columns])
            n += 1
        return n
    table = Table(title=title or None, show_lines=False)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*["" if (v := get(row)) is None else str(v) for _, get in columns])
        n += 1
    Console().print(table)
    if n == 0:
        Console(stderr=True).print("[yellow]nothing matched[/yellow]")
    return n
