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
