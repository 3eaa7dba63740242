"""ACLED-style CSV: PLOVER events mapped to ACLED event types, with the evidence sentence as notes."""

from __future__ import annotations

import csv
import sqlite3
from typing import Any

from polemos.export._io import Out, country_by_iso3, country_info, stream_events, text_out
from polemos.store.queries import EventFilter

COLUMNS: list[str] = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting",
    "iso3", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
    # polemos additions
    "plover_event", "plover_mode", "cameo", "quad_class", "confidence", "source_url",
    "article_id", "sentence", "start", "end",
]

BATTLES, REMOTE, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
# ASSAULT modes that name the weapon or act decide the ACLED type directly
_ASSAULT_MODE: dict[str, tuple[str, str]] = {
    "aerial": (REMOTE, "Air/drone strike"),
    "drone": (REMOTE, "Air/drone strike"),
    "heavy-weapons": (REMOTE, "Shelling/artillery/missile attack"),
    "explosives": (REMOTE, "Remote explosive/landmine/IED"),
    "suicide-attack": (REMOTE, "Suicide bomb"),
    "unconventional": (REMOTE, "Chemical weapon"),
    "sexual": (VAC, "Sexual violence"),
    "abduct": (VAC, "Abduction/forced disappearance"),
    "targeted": (VAC, "Attack"),
    "torture": (VAC, "Attack"),
    "destroy": (STRATEGIC, "Looting/property destruction"),
    "crowd-control": (PROTESTS, "Excessive force against protesters"),
}
_COERCE_MODE: dict[str, tuple[str, str]] = {
    "arrest": (STRATEGIC, "Arrests"),
    "seize": (STRATEGIC, "Looting/property destruction"),
}
_TYPE: dict[str, tuple[str, str]] = {
    "MOBILIZE": (STRATEGIC, "Change to group/activity"),
    "AGREE": (STRATEGIC, "Agreement"),
    "COOPERATE": (STRATEGIC, "Agreement"),
    "RETREAT": (STRATEGIC, "Non-violent transfer of territory"),
}
# sectors of organised armed actors (CAMEO/PLOVER): an ASSAULT on one of them is a battle
ARMED = {"MIL", "REB", "INS", "UAF", "SEP", "COP", "SPY", "PMF"}
_INTER = {"MIL": 1, "COP": 1, "SPY": 1, "REB": 2, "INS": 2, "SEP": 2, "UAF": 2, "PMF": 3}
_DISORDER = {BATTLES: "Political violence", REMOTE: "Political violence", VAC: "Political violence",
             RIOTS: "Political violence", PROTESTS: "Demonstrations", STRATEGIC: "Strategic developments"}
_TIME = {"day": 1, "week": 2, "month": 3, "year": 3, "range": 3, "article": 2}
_GEO = {"point": 1, "city": 1, "admin2": 2, "district": 2, "admin1": 3, "country": 3, "region": 3}


def acled_type(e: dict[str, Any]) -> tuple[str, str]:
    """(event_type, sub_event_type) for a PLOVER event, from its type, mode and target sectors."""
    kind, mode = e["type"], e.get("mode") or ""
    if kind == "ASSAULT":
        if mode in _ASSAULT_MODE:
            return _ASSAULT_MODE[mode]
        targets = e.get("target", [])
        if not targets or any(t.get("sector") in ARMED for t in targets):
            return BATTLES, "Armed clash"
        return VAC, "Attack"
    if kind == "PROTEST":
        if mode in {"riot", "vandalize"}:
            return RIOTS, "Violent demonstration"
        return PROTESTS, "Peaceful protest"
    if kind == "COERCE":
        return _COERCE_MODE.get(mode, (STRATEGIC, "Other"))
    return _TYPE.get(kind, (STRATEGIC, "Other"))


def _inter(actors: list[dict[str, Any]]) -> int | None:
    if not actors:
        return None
    a = actors[0]
    if a.get("sector") in _INTER:
        return _INTER[a["sector"]]
    if a.get("sector") in {"GOV", "LEG", "JUD"}:
        return 1
    if a.get("sector") in {"CVL", "REF", "MED", "EDU", "HLH"} or a.get("type") == "PERSON":
        return 7
    return 8 if a.get("sector") in {"IGO", "NGO"} else None


def acled_row(e: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row for an event in the store's JSON contract."""
    event_type, sub = acled_type(e)
    src, tgt = e.get("source", []), e.get("target", [])
    place = e.get("place") or {}
    info = country_info(place.get("country"))
    if not info and src:
        info = country_by_iso3(src[0].get("country"))
    date = (e.get("date") or "").split("/")[0]
    ev, art = e["evidence"], e.get("article") or {}
    vac = event_type == VAC or (event_type == REMOTE and tgt and _inter(tgt) == 7)
    return {
        "event_id_cnty": f"{info.get('iso3') or 'XXX'}{e['id']}",
        "event_date": date,
        "year": date[:4],
        "time_precision": _TIME.get(e.get("date_precision") or "", 3),
        "disorder_type": _DISORDER[event_type],
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": src[0]["name"] if src else "",
        "assoc_actor_1": "; ".join(a["name"] for a in src[1:]),
        "inter1": _inter(src),
        "actor2": tgt[0]["name"] if tgt else "",
        "assoc_actor_2": "; ".join(a["name"] for a in tgt[1:]),
        "inter2": _inter(tgt),
        "civilian_targeting": "Civilian targeting" if vac else "",
        "iso3": info.get("iso3", ""),
        "country": info.get("name", ""),
        "admin1": place.get("admin1") or "",
        "location": place.get("name") or "",
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": _GEO.get(place.get("precision") or "") if place else None,
        "source": art.get("source") or "",
        "notes": ev["text"],
        "fatalities": "",
        "plover_event": e["type"],
        "plover_mode": e.get("mode") or "",
        "cameo": e.get("cameo") or "",
        "quad_class": e.get("quad_class"),
        "confidence": e.get("confidence"),
        "source_url": art.get("url") or "",
        "article_id": ev["article"],
        "sentence": ev["sentence"],
        "start": ev["start"],
        "end": ev["end"],
    }


def write_acled_csv(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write matching events as an ACLED-style CSV (header row, RFC 4180 quoting); returns data rows."""
    n = 0
    with text_out(out) as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for e in stream_events(conn, filters):
            writer.writerow(acled_row(e))
            n += 1
    return n
