"""Small server-side SVG charts (no JavaScript needed): events per day stacked by quad class."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

QUAD_COLOURS = {"q1": "#6baed6", "q2": "#2171b5", "q3": "#fd8d3c", "q4": "#cb181d", "q0": "#aaaaaa"}
QUAD_LABELS = {
    "q1": "verbal cooperation", "q2": "material cooperation", "q3": "verbal conflict",
    "q4": "material conflict", "q0": "no quad class",
}


def _bucket(day: str, monthly: bool) -> str:
    return day[:7] if monthly else day


def bucketed(days: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """Per-day counts on a continuous axis: by day for spans up to 120 days, else by month (gaps filled)."""
    parsed = []
    for d in days:
        try:
            parsed.append((date.fromisoformat(d["day"][:10]), d))
        except ValueError:
            continue  # a year or month only: no day to place it on
    if not parsed:
        return [], "day"
    first, last = parsed[0][0], parsed[-1][0]
    monthly = (last - first).days > 120
    keys: list[str] = []
    cur = first
    while cur <= last:
        k = _bucket(cur.isoformat(), monthly)
        if not keys or keys[-1] != k:
            keys.append(k)
        cur += timedelta(days=1) if not monthly else timedelta(days=28)
    if keys[-1] != _bucket(last.isoformat(), monthly):
        keys.append(_bucket(last.isoformat(), monthly))
    zero = {"events": 0, "q0": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0}
    out = {k: {"day": k, **zero} for k in keys}
    for when, d in parsed:
        row = out[_bucket(when.isoformat(), monthly)]
        for q in zero:
            row[q] += d[q]
    return list(out.values()), "month" if monthly else "day"


def timeline_bars(days: list[dict[str, Any]], width: int = 720, height: int = 140) -> dict[str, Any]:
    """Geometry for a stacked bar chart on a continuous time axis, segments per quad class."""
    buckets, unit = bucketed(days)
    peak = max((d["events"] for d in buckets), default=0)
    if peak == 0:
        return {"width": width, "height": height, "bars": [], "peak": 0, "unit": unit}
    step = width / len(buckets)
    bar_w = max(0.5, step * 0.85)
    scale = (height - 4) / peak
    bars = []
    for i, d in enumerate(buckets):
        y = float(height)
        segs = []
        for q in ("q4", "q3", "q2", "q1", "q0"):
            h = d[q] * scale
            if h:
                y -= h
                segs.append({"y": round(y, 2), "h": round(h, 2), "colour": QUAD_COLOURS[q], "n": d[q],
                             "label": QUAD_LABELS[q]})
        bars.append({"x": round(i * step, 2), "w": round(bar_w, 2), "day": d["day"], "events": d["events"],
                     "segments": segs})
    return {"width": width, "height": height, "bars": bars, "peak": peak, "unit": unit}
