"""GDELT 2.0-style Event and Mentions tables (tab-separated, no header, GDELT's column order).

One Event row per distinct event: stored events (one per article sentence) with the same type, CAMEO
code, date, place and actors are folded together, their count giving NumMentions/NumSources/NumArticles;
the Mentions table has one row per stored event, pointing at its Event row's GLOBALEVENTID.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from polemos.export._io import (
    Out,
    compact_date,
    country_by_iso3,
    country_info,
    stream_events,
    text_out,
    tsv_line,
)
from polemos.export._queries import article_length, event_actor_offsets
from polemos.store.queries import EventFilter

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
EVENT_COLUMNS: list[str] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in _ACTOR], *[f"Actor2{c}" for c in _ACTOR],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"Actor1Geo_{c}" for c in _GEO], *[f"Actor2Geo_{c}" for c in _GEO], *[f"ActionGeo_{c}" for c in _GEO],
    "DATEADDED", "SOURCEURL",
]
MENTION_COLUMNS: list[str] = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
_WIDE = {"country", "region"}


def _key(e: dict[str, Any]) -> tuple[Any, ...]:
    place = e.get("place") or {}
    return (
        e["type"], e.get("cameo"), e.get("date"), place.get("geonameid") or place.get("name"),
        tuple(sorted(a["key"] for a in e.get("source", []))),
        tuple(sorted(a["key"] for a in e.get("target", []))),
    )


def _outlet(e: dict[str, Any]) -> str:
    art = e.get("article") or {}
    return str(art.get("source") or art.get("url") or art.get("id"))


def _clusters(conn: sqlite3.Connection, filters: EventFilter | None) -> dict[tuple[Any, ...], list[Any]]:
    """First pass: distinct event key -> [GLOBALEVENTID, mentions, outlets, articles]."""
    out: dict[tuple[Any, ...], list[Any]] = {}
    for e in stream_events(conn, filters):
        c = out.setdefault(_key(e), [e["id"], 0, set(), set()])
        c[1] += 1
        c[2].add(_outlet(e))
        c[3].add(e["evidence"]["article"])
    return out


def _fraction(day: str) -> str:
    if len(day) != 8:
        return ""
    y, m, d = int(day[:4]), int(day[4:6]), int(day[6:8])
    doy = dt.date(y, max(m, 1), max(d, 1)).timetuple().tm_yday
    return f"{y + doy / 365:.4f}"


def _actor(actors: list[dict[str, Any]]) -> list[Any]:
    if not actors:
        return [None] * len(_ACTOR)
    a = actors[0]
    return [a.get("code"), a.get("name"), a.get("country"), None, None, None, None, a.get("sector"), None, None]


def _actor_geo(actors: list[dict[str, Any]]) -> list[Any]:
    """Country-level geography of the first actor (GDELT type 1), from its ISO alpha-3 country."""
    info = country_by_iso3(actors[0].get("country")) if actors else {}
    if not info:
        return [0] + [None] * (len(_GEO) - 1)
    return [1, info["name"], info["fips"], info["fips"], None, None, None, info["fips"]]


def action_geo(place: dict[str, Any] | None) -> list[Any]:
    """ActionGeo_* from the event's place (FIPS country, FIPS+admin1 ADM1, GeoNames id as FeatureID)."""
    if not place:
        return [0] + [None] * (len(_GEO) - 1)
    info = country_info(place.get("country"))
    fips = info.get("fips") or ""
    us = place.get("country") == "US"
    precision = place.get("precision") or ""
    if precision in _WIDE:
        gtype = 1
    elif precision == "admin1":
        gtype = 2 if us else 5
    else:
        gtype = 3 if us else 4
    name = place.get("name")
    full = ", ".join(p for p in (name, info.get("name")) if p and (gtype != 1 or p == name))
    adm1 = fips + place["admin1"] if fips and place.get("admin1") else fips or None
    return [gtype, full, fips or None, adm1, None, place.get("lat"), place.get("lon"),
            place.get("geonameid") or fips or None]


def _codes(cameo: str | None) -> list[str | None]:
    if not cameo:
        return [None, None, None]
    return [cameo, cameo[:3], cameo[:2]]


def event_row(e: dict[str, Any], cluster: list[Any]) -> list[Any]:
    """One GDELT Event row (61 values) for a representative event and its cluster counts."""
    day = compact_date(e.get("date"))
    art = e.get("article") or {}
    published = compact_date(art.get("published"))
    return [
        cluster[0], day, day[:6], day[:4], _fraction(day),
        *_actor(e.get("source", [])), *_actor(e.get("target", [])),
        1 if e["evidence"]["sentence"] == 0 else 0, *_codes(e.get("cameo")),
        e.get("quad_class"), e.get("goldstein"), cluster[1], len(cluster[2]), len(cluster[3]), None,
        *_actor_geo(e.get("source", [])), *_actor_geo(e.get("target", [])), *action_geo(e.get("place")),
        published + "000000" if published else None, art.get("url") or f"polemos:article/{art.get('id')}",
    ]


def write_gdelt_events(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write the GDELT 2.0 Event table (61 columns); returns the number of rows."""
    clusters = _clusters(conn, filters)
    n = 0
    with text_out(out) as fh:
        for e in stream_events(conn, filters):
            cluster = clusters[_key(e)]
            if cluster[0] != e["id"]:
                continue
            fh.write(tsv_line(event_row(e, cluster)))
            n += 1
    return n


def write_gdelt_mentions(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write the GDELT 2.0 Mentions table (16 columns, one row per stored event); returns the row count."""
    clusters = _clusters(conn, filters)
    n = 0
    doc_len: tuple[str, int] = ("", 0)
    with text_out(out) as fh:
        for e in stream_events(conn, filters):
            ev = e["evidence"]
            art = e.get("article") or {}
            if doc_len[0] != ev["article"]:
                doc_len = (ev["article"], article_length(conn, ev["article"]))
            offsets = event_actor_offsets(conn, e["id"])
            published = compact_date(art.get("published"))
            day = compact_date(e.get("date"))
            extras = {"article": ev["article"], "event": e["id"], "sentence": ev["sentence"],
                      "start": ev["start"], "end": ev["end"], "trigger_end": e["trigger"]["end"],
                      "date": e.get("date"), "date_precision": e.get("date_precision")}
            row = [
                clusters[_key(e)][0], day + "000000" if day else None,
                published + "000000" if published else None, 1, art.get("source"),
                art.get("url") or f"polemos:article/{ev['article']}", ev["sentence"] + 1,
                _offset(offsets["source"]), _offset(offsets["target"]), _offset(e["trigger"]["start"]),
                1, round(100 * float(e.get("confidence") or 0)), doc_len[1], None, None,
                json.dumps(extras, ensure_ascii=False),
            ]
            fh.write(tsv_line(row))
            n += 1
    return n


def _offset(value: int | None) -> int:
    return -1 if value is None else int(value)
