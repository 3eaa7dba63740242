"""Expand what the user named (files, folders, globs, ``-``) into input paths."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from polemos.model import Failure

STDIN = "-"


def expand_paths(specs: Iterable[str], suffixes: Iterable[str]) -> Iterator[str | Failure]:
    """Each input path, in a stable order; a spec that names nothing becomes a Failure."""
    wanted = tuple(suffixes)
    for spec in specs:
        if spec == STDIN or spec.startswith(("http://", "https://")):
            yield spec
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(wanted))
            if not found:
                yield Failure(spec, f"folder holds no readable files ({', '.join(wanted)})")
            yield from (str(p) for p in found)
        elif path.is_file():
            yield str(path)
        elif any(ch in spec for ch in "*?["):
            matches = sorted(m for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not matches:
                yield Failure(spec, "glob matches no files")
            yield from matches
        else:
            yield Failure(spec, "no such file or folder")
