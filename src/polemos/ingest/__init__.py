"""The read stage: turn files, folders, globs and stdin into raw items (or recorded failures)."""

from polemos.ingest.reader import ReadOptions, read_inputs

__all__ = ["ReadOptions", "read_inputs"]
