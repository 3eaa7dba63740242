"""The Jinja2 environment of the pages (autoescape on for every template)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi.templating import Jinja2Templates

from polemos.web.charts import QUAD_COLOURS, QUAD_LABELS

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True,
)
templates = Jinja2Templates(env=_env)


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied; empty values left out."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _names(refs: list[dict[str, Any]]) -> str:
    return ", ".join(r["name"] for r in refs) or "—"


def _snippet(text: str | None) -> list[tuple[str, bool]]:
    """An FTS snippet split into (text, is_match) runs; matches are marked with [ and ] by the store."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate((text or "").split("[")):
        if i == 0:
            out.append((part, False))
            continue
        hit, _, rest = part.partition("]")
        out += [(hit, True), (rest, False)]
    return [(t, m) for t, m in out if t]


templates.env.globals.update(quad_colours=QUAD_COLOURS, quad_labels=QUAD_LABELS)
templates.env.filters.update(query=_query, names=_names, snippet=_snippet)
