"""Event lists for the table and the API: filter, sort, page, and write as CSV."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from typing import Any

from polemos.store.queries import EventFilter, iter_events

CSV_COLUMNS = [
    "id", "date", "type", "mode", "quad_class", "cameo", "goldstein", "confidence", "source", "source_codes",
    "target", "target_codes", "place", "lat", "lon", "trigger", "hedge", "article", "sentence", "start", "end",
    "evidence",
]


def _sort_value(ev: dict[str, Any], key: str) -> tuple[int, Any]:
    value = ev["article"]["id"] if key == "article" else ev.get(key)
    return (0, "") if value is None else (1, value)


def select_events(
    conn: sqlite3.Connection, f: EventFilter, sort: str = "date", order: str = "desc",
    limit: int | None = None, offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """The total number of matching events and one sorted page of them."""
    rows = list(iter_events(conn, replace(f, limit=None, offset=0)))
    if sort != "date" or order != "desc":
        rows.sort(key=lambda e: (_sort_value(e, sort), e["date"] or "", e["id"]), reverse=order == "desc")
    page = rows[offset : offset + limit] if limit is not None else rows[offset:]
    return len(rows), page


def _names(refs: list[dict[str, Any]]) -> str:
    return "; ".join(r["name"] for r in refs)


def _codes(refs: list[dict[str, Any]]) -> str:
    return "; ".join(r["code"] or "" for r in refs)


def events_csv(events: list[dict[str, Any]]) -> str:
    """Events as CSV text, one row per event, evidence included."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        place = e["place"] or {}
        ev = e["evidence"]
        writer.writerow(
            [
                e["id"], e["date"], e["type"], e["mode"], e["quad_class"], e["cameo"], e["goldstein"],
                e["confidence"], _names(e["source"]), _codes(e["source"]), _names(e["target"]),
                _codes(e["target"]), place.get("name"), place.get("lat"), place.get("lon"),
                e["trigger"]["text"], e["hedge"], ev["article"], ev["sentence"], ev["start"], ev["end"], ev["text"],
            ]
        )
    return buf.getvalue()
