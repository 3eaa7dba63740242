"""Parquet: every table of the store, one file per table, written in batches (pyarrow)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from polemos.errors import PolemosError
from polemos.export._io import Out
from polemos.store.queries import EventFilter

BATCH_ROWS = 5000
_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}


def store_tables(conn: sqlite3.Connection) -> list[str]:
    """The store's data tables (no SQLite internals, no full-text index shadows)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'articles_fts%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def table_schema(conn: sqlite3.Connection, table: str) -> pa.Schema:
    """An Arrow schema from the SQLite declared column types."""
    cols = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    return pa.schema([pa.field(c[1], _TYPES.get(str(c[2]).upper(), pa.string()), nullable=not c[3]) for c in cols])


def write_table(conn: sqlite3.Connection, table: str, path: Path) -> int:
    """Write one table to ``path`` in batches; returns rows written."""
    schema = table_schema(conn, table)
    cols = ", ".join(f'"{n}"' for n in schema.names)
    cur = conn.execute(f'SELECT {cols} FROM "{table}"')
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        while True:
            rows = cur.fetchmany(BATCH_ROWS)
            if not rows:
                break
            columns = [[r[i] for r in rows] for i in range(len(schema.names))]
            writer.write_batch(pa.RecordBatch.from_arrays(
                [pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema))
            n += len(rows)
    return n


def write_parquet(conn: sqlite3.Connection, out: Out, filters: EventFilter | None = None) -> int:
    """Write every table to ``out``/<table>.parquet (filters do not apply: a full dump); returns all rows."""
    if not isinstance(out, str | Path) or str(out) == "-":
        raise PolemosError("parquet export writes one file per table: give a directory with --out")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise PolemosError(f"{folder}: parquet export needs a directory, and this is a file")
    folder.mkdir(parents=True, exist_ok=True)
    return sum(write_table(conn, t, folder / f"{t}.parquet") for t in store_tables(conn))
