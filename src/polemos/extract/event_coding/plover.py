"""CAMEO codes to PLOVER types and modes, quad classes and Goldstein intensities.

The table is ``CAMEO2PLOVER-2021.txt`` (PLOVER project, CC BY-SA 4.0), read once.
CAMEO roots the table leaves out follow the PLOVER manual: 01 (public
statements) codes no event and 02 (appeals) is REQUEST.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from polemos.extract.event_coding.lexicon import _read

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
QUAD_CLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
# Goldstein (1992) intensity by CAMEO root, the root-level values of the usual CAMEO table.
GOLDSTEIN_ROOT = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}  # fmt: skip
# Old PLOVER names used by the 2016 gold standard records.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


# Where the PLOVER 2.0 manual's text and the 2021 table disagree, the manual wins: it lists "removing
# curfews" (and easing states of emergency, a legal restriction) under CONCEDE, the table under RETREAT;
# it codes "international (political or economic) sanctions" as SANCTION `discontinue`, the table 163 as COERCE.
MANUAL_OVERRIDES = {"0813": "CONCEDE", "0814": "CONCEDE", "163": "SANCTION"}


@dataclass(frozen=True, slots=True)
class PloverCode:
    """A PLOVER type with its mode and context, as the table gives them."""

    type: str
    mode: str | None
    context: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, PloverCode]:
    """CAMEO code -> PLOVER type/mode/context."""
    table: dict[str, PloverCode] = {}
    for raw in _read("CAMEO2PLOVER-2021.txt").splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line or line.startswith("~"):
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        if not code.strip().isdigit() or not parts or parts[0] not in PLOVER_TYPES:
            continue
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        context = parts[2] if len(parts) > 2 and parts[2] else None
        table.setdefault(code.strip(), PloverCode(parts[0], mode, context))
    for code, ptype in MANUAL_OVERRIDES.items():
        table[code] = PloverCode(ptype, None, table[code].context if code in table else None)
    return table


def to_plover(cameo: str, fallback: str | None = None) -> PloverCode | None:
    """The PLOVER type for a CAMEO code (longest known prefix), or None for no event.

    ``fallback`` is the type for a code the table does not know (a dictionary in another scheme).
    """
    root = cameo[:2]
    if root == "01" and fallback is None:
        return None
    table = cameo_table()
    for n in range(len(cameo), 1, -1):
        hit = table.get(cameo[:n])
        if hit is not None:
            return hit
    if root == "02":
        return PloverCode("REQUEST", None, None)
    return PloverCode(fallback, None, None) if fallback else None


def goldstein(cameo: str) -> float | None:
    """Goldstein intensity of a CAMEO code (by root)."""
    return GOLDSTEIN_ROOT.get(cameo[:2])


def quad_class(plover_type: str) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return QUAD_CLASS.get(plover_type)
