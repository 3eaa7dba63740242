"""FollowTheMoney entities as JSON Lines (for Aleph): Article, actors, Mention and Event.

Each line is ``{"id", "schema", "properties": {name: [values]}}`` as FtM writes entities. Actors become
Person (PERSON), PublicBody (GPE, or a state sector such as GOV/MIL), Organization (ORG, GROUP) or
LegalEntity (unknown type); each article of an exported event is an Article, each actor mention in it
a Mention (document -> Article, resolved -> actor), and each event an Event whose organizer is the
source, involved the source and target actors, proof the Article, summary the evidence sentence.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from polemos.export._io import Out, country_by_iso3, stream_events, text_out
from polemos.export._queries import article_mentions
from polemos.store.queries import EventFilter

STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def make_id(*parts: Any) -> str:
    """A stable entity id: 'polemos-' + SHA-1 of the parts."""
    return "polemos-" + hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()


def actor_schema(a: dict[str, Any]) -> str:
    """The FtM schema for an actor of the store."""
    kind = (a.get("type") or "").upper()
    if kind == "PERSON":
        return "Person"
    if kind == "GPE" or a.get("sector") in STATE_SECTORS:
        return "PublicBody"
    if kind in {"ORG", "GROUP"}:
        return "Organization"
    return "LegalEntity"


def _entity(schema: str, eid: str, props: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, list[str]] = {}
    for k, v in props.items():
        values = v if isinstance(v, list) else [v]
        values = [str(x) for x in values if x not in (None, "")]
        if values:
            clean[k] = values
    return {"id": eid, "schema": schema, "properties": clean}


def actor_entity(a: dict[str, Any]) -> dict[str, Any]:
    """One actor as an FtM entity (country as lower-case ISO alpha-2)."""
    iso2 = country_by_iso3(a.get("country")).get("iso", "")
    props: dict[str, Any] = {"name": a.get("name"), "country": iso2.lower(),
                             "notes": f"polemos key {a['key']}; code {a.get('code') or '-'}"}
    if actor_schema(a) == "PublicBody" and iso2:
        props["jurisdiction"] = iso2.lower()
    return _entity(actor_schema(a), make_id("actor", a["key"]), props)


def _article_entities(conn: sqlite3.Connection, art: dict[str, Any], seen: set[str]) -> Iterator[dict[str, Any]]:
    aid = make_id("article", art["id"])
    yield _entity("Article", aid, {
        "title": art.get("title"), "sourceUrl": art.get("url"), "publisher": art.get("source"),
        "publishedAt": art.get("published"), "notes": f"polemos article {art['id']}",
    })
    for m in article_mentions(conn, art["id"]):
        if m["key"] not in seen:
            seen.add(m["key"])
            yield actor_entity(m)
        yield _entity("Mention", make_id("mention", art["id"], m["start"], m["end"]), {
            "name": m["text"], "document": aid, "resolved": make_id("actor", m["key"]),
            "detectedSchema": actor_schema(m),
            "contextCountry": country_by_iso3(m.get("country")).get("iso", "").lower(),
        })


def event_entity(e: dict[str, Any]) -> dict[str, Any]:
    """One event as an FtM Event entity."""
    src, tgt = e.get("source", []), e.get("target", [])
    place = e.get("place") or {}
    ev, art = e["evidence"], e.get("article") or {}
    name = " ".join(filter(None, [", ".join(a["name"] for a in src), e["type"], ", ".join(a["name"] for a in tgt)]))
    return _entity("Event", make_id("event", e["id"]), {
        "name": name,
        "summary": ev["text"],
        "description": (f"PLOVER {e['type']}" + (f" ({e['mode']})" if e.get("mode") else "")
                        + (f"; CAMEO {e['cameo']}" if e.get("cameo") else "")
                        + f"; evidence {ev['article']} sentence {ev['sentence']} chars {ev['start']}-{ev['end']}"),
        "date": (e.get("date") or "").split("/")[0],
        "location": place.get("name"),
        "country": (place.get("country") or "").lower(),
        "organizer": [make_id("actor", a["key"]) for a in src],
        "involved": [make_id("actor", a["key"]) for a in [*src, *tgt]],
        "proof": make_id("article", ev["article"]),
        "sourceUrl": art.get("url"),
        "publisher": art.get("source"),
        "recordId": str(e["id"]),
    })


def _emit(fh: IO[str], entity: dict[str, Any]) -> None:
    fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")


def write_ftm_jsonl(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write matching events, their articles, actors and mentions as FtM entities; returns entities."""
    n = 0
    actors: set[str] = set()
    articles: set[str] = set()
    with text_out(out) as fh:
        for e in stream_events(conn, filters):
            art = e.get("article") or {"id": e["evidence"]["article"]}
            if art["id"] not in articles:
                articles.add(art["id"])
                for entity in _article_entities(conn, art, actors):
                    _emit(fh, entity)
                    n += 1
            for a in [*e.get("source", []), *e.get("target", [])]:
                if a["key"] not in actors:
                    actors.add(a["key"])
                    _emit(fh, actor_entity(a))
                    n += 1
            _emit(fh, event_entity(e))
            n += 1
    return n
