"""Read JSON Lines dumps: one JSON object per line, one article per object, streamed."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass

from polemos.model import Failure, RawItem


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which JSON fields hold the article's parts."""

    text: str = "text"
    title: str = "title"
    id: str = "id"
    url: str = "url"
    date: tuple[str, ...] = ("published", "date")
    source: str = "source"


def _opener(path: str):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def read_jsonl(path: str, fields: FieldMap | None = None, source: str | None = None) -> Iterator[RawItem | Failure]:
    """Each line of ``path`` as a RawItem, or a Failure naming the line and the reason."""
    fields = fields or FieldMap()
    try:
        fh = _opener(path)
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        lineno = 0
        while True:
            lineno += 1
            item = f"{path}:{lineno}"
            try:
                line = fh.readline()
            except (UnicodeDecodeError, OSError, EOFError) as exc:
                yield Failure(item, f"unreadable line ({exc}); the rest of the file is skipped")
                return
            if not line:
                return
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Failure(item, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield Failure(item, "not a JSON object")
                continue
            text = obj.get(fields.text)
            if not isinstance(text, str) or not text.strip():
                yield Failure(item, f"lacks the text field '{fields.text}' (or it is empty)")
                continue
            date = next((obj[d] for d in fields.date if isinstance(obj.get(d), str) and obj[d]), None)
            yield RawItem(
                origin=item,
                text=text,
                id=str(obj[fields.id]) if obj.get(fields.id) is not None else None,
                title=obj.get(fields.title) if isinstance(obj.get(fields.title), str) else None,
                url=obj.get(fields.url) if isinstance(obj.get(fields.url), str) else None,
                source=obj.get(fields.source) if isinstance(obj.get(fields.source), str) else source,
                published=date[:10] if date else None,
                format="text",
            )
