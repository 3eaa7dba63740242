"""Dropping lines that one source repeats across many of its articles (bylines, promos, footers)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from polemos.model import Removal

_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class RepeatedLines:
    """The texts with repeated lines taken out, the removals per text, and the lines judged repeated."""

    texts: list[str]
    removals: list[list[Removal]] = field(default_factory=list)
    repeated: set[str] = field(default_factory=set)


def _key(line: str) -> str:
    return _SPACE.sub(" ", line).strip().casefold()


def drop_repeated_lines(texts: list[str], min_share: float = 0.5, min_count: int = 3) -> RepeatedLines:
    """Drop lines found in at least ``min_share`` of ``texts`` (and in ``min_count`` of them at least).

    ``texts`` should be articles of one source.  Lines compare after whitespace and case
    folding; blank lines are kept, so paragraph breaks survive.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({_key(line) for line in text.split("\n") if line.strip()})
    needed = max(min_count, min_share * len(texts))
    repeated = {line for line, n in counts.items() if n >= needed}
    out: list[str] = []
    removals: list[list[Removal]] = []
    for text in texts:
        kept: list[str] = []
        dropped: list[Removal] = []
        for line in text.split("\n"):
            if line.strip() and _key(line) in repeated:
                dropped.append(Removal("repeated_line", line.strip(), f"in >= {needed:g} of {len(texts)} articles"))
            else:
                kept.append(line)
        out.append(re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n"))
        removals.append(dropped)
    return RepeatedLines(texts=out, removals=removals, repeated=repeated)


class RepeatedLineFilter:
    """The streaming form of :func:`drop_repeated_lines`, for ingest runs that see one article at a time.

    A line is dropped from an article once earlier articles of the same source held it at least
    ``min_count`` times and in at least ``min_share`` of them; the first articles of a source are kept whole.
    """

    def __init__(self, min_share: float = 0.5, min_count: int = 3) -> None:
        self.min_share = min_share
        self.min_count = min_count
        self._seen: dict[str, Counter[str]] = {}
        self._articles: Counter[str] = Counter()

    def apply(self, source: str | None, text: str) -> tuple[str, list[Removal]]:
        """``text`` without the lines its source repeats, and what was dropped."""
        if not source:
            return text, []
        seen = self._seen.setdefault(source, Counter())
        total = self._articles[source]
        needed = max(self.min_count, self.min_share * total)
        kept: list[str] = []
        dropped: list[Removal] = []
        for line in text.split("\n"):
            if line.strip() and total and seen[_key(line)] >= needed:
                dropped.append(Removal("repeated_line", line.strip(), f"in {seen[_key(line)]} of {total} earlier articles of {source}"))
            else:
                kept.append(line)
        seen.update({_key(line) for line in text.split("\n") if line.strip()})
        self._articles[source] += 1
        if not dropped:
            return text, []
        return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n"), dropped
