"""Lay out an article's clean text as pieces, each tagged with the records whose spans cover it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Piece:
    """A run of text and the ids of the records covering it (innermost first)."""

    text: str
    refs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    anchor: str | None = None  # "s3" when a sentence starts here


def records(detail: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every highlightable record of an article, by id (m0, q0, e0, p0, d0), with its kind and span."""
    out: dict[str, dict[str, Any]] = {}
    for i, m in enumerate(detail["mentions"]):
        out[f"m{i}"] = {"kind": "actor", "start": m["evidence"]["start"], "end": m["evidence"]["end"], "record": m}
    for i, q in enumerate(detail["quotes"]):
        out[f"q{i}"] = {"kind": "quote", "start": q["evidence"]["start"], "end": q["evidence"]["end"], "record": q}
    for i, e in enumerate(detail["events"]):
        t = e["trigger"]
        out[f"e{i}"] = {"kind": "event", "start": t["start"], "end": t["end"], "record": e}
    for i, p in enumerate(detail["places"]):
        out[f"p{i}"] = {"kind": "place", "start": p["evidence"]["start"], "end": p["evidence"]["end"], "record": p}
    for i, d in enumerate(detail.get("dates", [])):
        out[f"d{i}"] = {"kind": "date", "start": d["evidence"]["start"], "end": d["evidence"]["end"], "record": d}
    return out


def pieces(text: str, recs: dict[str, dict[str, Any]], sentence_starts: dict[int, int] | None = None) -> list[Piece]:
    """Split ``text`` at every span boundary and sentence start; spans outside the text or empty are ignored."""
    starts = {k: v for k, v in (sentence_starts or {}).items() if 0 <= k < len(text)}
    spans = [
        (rid, r["kind"], r["start"], r["end"])
        for rid, r in recs.items()
        if isinstance(r["start"], int) and isinstance(r["end"], int) and 0 <= r["start"] < r["end"] <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for _, _, s, _ in spans), *(e for _, _, _, e in spans), *starts})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted((e - s, rid, kind) for rid, kind, s, e in spans if s <= a and b <= e)
        anchor = f"s{starts[a]}" if a in starts else None
        out.append(Piece(text[a:b], [rid for _, rid, _ in covering], [kind for _, _, kind in covering], anchor))
    return out
