"""The store: one SQLite file (WAL) holding articles, facts and their evidence."""

from polemos.store.sqlite_store import Store

__all__ = ["Store"]
