"""Sector nouns: "forces" -> MIL, "protesters" -> OPP, "ambassador" -> GOV.

From ``Phoenix.agents.txt`` (PETRARCH-2 agents dictionary, MIT, Open Event Data
Alliance) and polemos's own ``sector_nouns.tsv``; keys are lower-case lemmas,
multi-word nouns joined with spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

from polemos.extract.event_coding.lexicon import _read

_ENTRY = re.compile(r"^([A-Z][A-Z0-9_'/-]*)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3,})\]")


@lru_cache(maxsize=1)
def sector_nouns() -> dict[str, str]:
    """Noun phrase (lower case) -> agent code (GOV, MIL, REB, ...)."""
    table: dict[str, str] = {}
    for raw in _read("Phoenix.agents.txt").splitlines():
        m = _ENTRY.match(raw.strip())
        if m:
            table.setdefault(m.group(1).lower().replace("_", " ").strip(), m.group(2))
    for raw in _read("sector_nouns.tsv").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            noun, code = line.split("\t")
            table[noun] = code
    return table


def sector_of(words: list[str]) -> str | None:
    """The agent code of the longest known tail of ``words`` (lemmas, lower case)."""
    table = sector_nouns()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        code = table.get(tail) or (table.get(tail[:-1]) if tail.endswith("s") else None)
        if code:
            return code
    return None
