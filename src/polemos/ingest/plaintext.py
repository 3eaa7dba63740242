"""Read plain-text articles: one file (or stdin) is one article."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from polemos.errors import InputError
from polemos.ingest.decode import decode_text
from polemos.model import Failure, RawItem


def read_plaintext(path: str, date: str | None = None, source: str | None = None) -> Iterator[RawItem | Failure]:
    """One RawItem for the file at ``path`` (``-`` reads stdin)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            item_id = None
        else:
            data = Path(path).read_bytes()
            item_id = Path(path).stem
        text = decode_text("stdin" if path == "-" else path, data)
    except InputError as exc:
        yield Failure(exc.item, exc.reason)
        return
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")
        return
    yield RawItem(origin=path, text=text, id=item_id, source=source, published=date, format="scraped")
