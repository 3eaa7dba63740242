"""Small server-side SVG charts (no JavaScript needed): events per day stacked by quad class."""

from __future__ import annotations

from typing import Any

QUAD_COLOURS = {"q1": "#6baed6", "q2": "#2171b5", "q3": "#fd8d3c", "q4": "#cb181d", "q0": "#aaaaaa"}
QUAD_LABELS = {
    "q1": "verbal cooperation", "q2": "material cooperation", "q3": "verbal conflict",
    "q4": "material conflict", "q0": "no quad class",
}


def timeline_bars(days: list[dict[str, Any]], width: int = 720, height: int = 160) -> dict[str, Any]:
    """Geometry for a stacked bar chart: one bar per day, segments per quad class."""
    peak = max((d["events"] for d in days), default=0)
    if not days or peak == 0:
        return {"width": width, "height": height, "bars": [], "peak": 0}
    step = width / len(days)
    bar_w = max(1.0, step * 0.8)
    scale = (height - 20) / peak
    bars = []
    for i, d in enumerate(days):
        y = float(height)
        segs = []
        for q in ("q4", "q3", "q2", "q1", "q0"):
            h = d[q] * scale
            if h:
                y -= h
                segs.append({"y": round(y, 1), "h": round(h, 1), "colour": QUAD_COLOURS[q], "n": d[q],
                             "label": QUAD_LABELS[q]})
        bars.append({"x": round(i * step, 1), "w": round(bar_w, 1), "day": d["day"], "events": d["events"],
                     "segments": segs})
    return {"width": width, "height": height, "bars": bars, "peak": peak}
