"""PLOVER JSON Lines: the PLOVER manual's field names, with polemos evidence added."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from polemos.export._io import Out, country_info, stream_events, text_out
from polemos.store.queries import EventFilter

CODER = "polemos"
# PLOVER location `resolution`: 5 sub-city, 4 city, 3 district, 2 province, 1 country
_RESOLUTION = {"point": 5, "city": 4, "admin2": 3, "district": 3, "admin1": 2, "region": 1, "country": 1}


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": a.get("country"),
        "sector": a.get("sector"),
        "entity_text": a.get("text") or a.get("name"),
        "identifier_id": a.get("key"),
        "identifier_text": a.get("name"),
        "polemos_code": a.get("code"),
        "polemos_type": a.get("type"),
    }


def _location(p: dict[str, Any] | None) -> dict[str, Any] | None:
    if not p:
        return None
    country = country_info(p.get("country"))
    return {
        "resolved_place": p.get("name"),
        "geonameid": p.get("geonameid"),
        "lat": p.get("lat"),
        "lon": p.get("lon"),
        "province": p.get("admin1"),
        "country": country.get("name"),
        "country_code": country.get("iso3"),
        "resolution": _RESOLUTION.get(p.get("precision") or ""),
        "polemos_precision": p.get("precision"),
        "polemos_reason": p.get("reason"),
    }


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One event of the store's JSON contract as a PLOVER record."""
    date = e.get("date") or ""
    start, _, end = date.partition("/")
    ev = e["evidence"]
    art = e.get("article") or {}
    return {
        "id": f"polemos-{e['id']}",
        "date": start or None,
        "enddate": end or None,
        "actor": [_entity(a) for a in e.get("source", [])],
        "recipient": [_entity(a) for a in e.get("target", [])],
        "event": [e["type"]],
        "mode": [e["mode"]] if e.get("mode") else [],
        "context": [],
        "event_loc": _location(e.get("place")),
        "event_text": [e["trigger"]["text"]],
        "quad_code": e.get("quad_class"),
        "event_scale": e.get("goldstein"),
        "text": ev["text"],
        "text_info": {"sequence": ev["sentence"], "start": ev["start"], "end": ev["end"]},
        "cite_info": {
            "citation": art.get("id"),
            "url": art.get("url"),
            "title": art.get("title"),
            "publication": art.get("source"),
            "coder": CODER,
        },
        "coder": CODER,
        # polemos additions (the manual invites extra named fields)
        "date_precision": e.get("date_precision"),
        "cameo": e.get("cameo"),
        "confidence": e.get("confidence"),
        "hedge": e.get("hedge"),
        "claimant": e.get("claimant"),
        "from_caption": e.get("from_caption"),
        "trigger": e["trigger"],
        "evidence": ev,
    }


def write_plover_jsonl(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write matching events as PLOVER JSON Lines; returns the number of records."""
    n = 0
    with text_out(out) as fh:
        for e in stream_events(conn, filters):
            fh.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
            n += 1
    return n
