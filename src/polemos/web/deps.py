"""Per-thread read connections to the store, handed to routes as a FastAPI dependency."""

from __future__ import annotations

import sqlite3
import threading

from fastapi import Request

from polemos.store import Store

_local = threading.local()


def open_conn(db_path: str) -> sqlite3.Connection:
    """This thread's connection to ``db_path`` (opened once per thread and kept)."""
    stores: dict[str, Store] = getattr(_local, "stores", None) or {}
    _local.stores = stores
    store = stores.get(db_path)
    if store is None:
        store = stores[db_path] = Store(db_path)
        store.conn.execute("PRAGMA query_only = ON")
    return store.conn


def get_conn(request: Request) -> sqlite3.Connection:
    """The store connection for the app serving ``request``."""
    return open_conn(request.app.state.db_path)
