"""Resolve all place mentions of one text together: containment first, then article context."""

from __future__ import annotations

import re
from collections.abc import Sequence

from polemos.geo.gazetteer import Gazetteer
from polemos.geo.resolve import Context, Resolution, resolve

_CONTAINER_GAP = re.compile(r"^\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$", re.I)


def containers(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Map mention index -> index of the mention that contains it ("X, Y", "X in Y")."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    out: dict[int, int] = {}
    for a, b in zip(order, order[1:], strict=False):
        gap = text[spans[a][1] : spans[b][0]]
        if len(gap) <= 8 and _CONTAINER_GAP.match(gap):
            out[a] = b
    return out


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[Resolution]:
    """Resolve each ``text[start:end]`` using its container and the other mentions as context."""
    inside = containers(text, spans)
    names = [text[s:e] for s, e in spans]

    def run(ctx: Context) -> list[Resolution]:
        done: dict[int, Resolution] = {}

        def one(i: int, depth: int = 0) -> Resolution:
            if i in done:
                return done[i]
            j = inside.get(i)
            container = one(j, depth + 1).candidate if j is not None and depth < 4 else None
            done[i] = resolve(names[i], gazetteer, ctx.within(container))
            return done[i]

        return [one(i) for i in range(len(spans))]

    first = run(Context())
    ctx = Context()
    for r in first:
        if r.candidate is not None:
            ctx.add(r.candidate, 2.0 if r.n_candidates <= 1 else 1.0)
    return run(ctx)
