"""Toponym resolution: pick the gazetteer entry a place name refers to, with the reason.

The score of a candidate adds a prior (kind: countries and admin areas beat
same-named villages, though an admin area of few people counts as no more than
a town; population; the name being the entry's own or a project alias), containment ("X, Y" and "X in Y") and agreement with the article's
other places (their countries and admin-1 areas; a list of states makes
"Washington" the state). A big city beats its same-named admin area, and so
does a city whose own name an area bears only as an alternate ("Venice").
Names of regions, seas and landforms with no entry (``regions.tsv``) and
natural features named after a place ("Gulf of Mexico") stay unresolved.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from polemos.geo.build import DATA_DIR
from polemos.geo.gazetteer import Candidate, Gazetteer
from polemos.geo.normalize import name_key

KIND_BASE = {"continent": 9.0, "feature": 9.0, "country": 10.0, "adm1": 3.0, "adm2": 0.5, "city": 0.0}
POP_WEIGHT = 1.0  # weight of log10(population)
# An admin area's kind prior grows from nothing at a prominence of 10^4.5 people (the sum over its cities,
# or its country's people per area of its level if more) to full at 10^6: a parish of 6,000
# ("Southampton", Bermuda) does not beat a city of 270,000; Yukon stays a territory.
ADMIN_FULL_BASE_LOG10 = (4.5, 6.0)
ADMIN_POP_DIVISOR = 10.0  # admin populations are sums of their cities: discount them
QUALITY_BONUS = {3: 6.0, 2: 2.0, 1: 0.0}
CAPITAL_BONUS = 1.5
CONTAINER_MATCH, CONTAINER_MISMATCH = 10.0, -6.0
CONTEXT_COUNTRY, CONTEXT_ADMIN1 = 5.0, 3.0
PREFER_BONUS = 5.0
ADMIN1_PRESENT_BONUS, NEAR_BONUS, NEAR_KM = 1.0, 2.0, 150.0
NEAR_MAX_POP = (
    300_000  # capitals and metropolises are named from afar: they are no evidence of a local namesake
)
STATES_CONTEXT = 4  # other admin-1 areas of the same country named in the article: a "states" context
STATES_BONUS = 6.0
SEAT_MIN_POP = 10_000  # a seat that lends its name to its area is a town at least ("Venice", not "Xinjiang")
BIG_CITY = 100_000  # a city this large beats a same-named admin area of its country ("Washington", "Tunis")

ADMIN_WORDS = ("province", "governorate", "state", "county", "district", "region", "prefecture", "oblast")
CITY_WORDS = ("city", "town", "village")
_LEAD = re.compile(
    r"^(?:the\s+)?(?:(?P<word>city|town|village|province|state|county|district|region|governorate)\s+of\s+)",
    re.I,
)
_TAIL = re.compile(r"\s+(?P<word>" + "|".join(ADMIN_WORDS + CITY_WORDS) + r")$", re.I)
_THE = re.compile(r"^the\s+", re.I)
_POSS = re.compile(r"(?:'s|\u2019s|'|\u2019)$")

PRECISION = {
    "city": "city",
    "adm1": "admin1",
    "adm2": "admin2",
    "country": "country",
    "continent": "region",
    "feature": "region",
}


def approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km on a flat map around the two points (close enough at the scale of ``NEAR_KM``)."""
    k = math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(lat1 - lat2, (lon1 - lon2) * k) * 111.2


@dataclass
class Context:
    """What the rest of the article says: countries, admin-1 areas and points already resolved."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    container: Candidate | None = None  # the Y of "X, Y" or "X in Y"
    admin1_gids: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    points: dict[int, tuple[float, float]] = field(default_factory=dict)
    adm1_named: dict[str, set[str]] = field(default_factory=dict)  # country -> admin-1 codes named as areas
    _near: dict[int, bool] = field(default_factory=dict, repr=False)

    def add(self, c: Candidate, weight: float = 1.0) -> None:
        """Count a resolved place as context for the others."""
        if c.country:
            self.countries[c.country] += weight  # type: ignore[assignment]
        if c.kind == "adm1":
            self.adm1_named.setdefault(c.country, set()).add(c.admin1)
        if c.admin1 and c.kind in ("city", "adm1", "adm2"):
            self.admin1s[(c.country, c.admin1)] += weight  # type: ignore[assignment]
            self.admin1_gids.setdefault((c.country, c.admin1), set()).add(c.gid)
        if c.kind in ("city", "adm2") and c.fcode != "PPLC" and c.population < NEAR_MAX_POP:
            self.points[c.gid] = (c.lat, c.lon)

    def within(self, container: Candidate | None) -> Context:
        """The same article context for a mention inside ``container``."""
        return replace(self, container=container)

    def states_context(self, c: Candidate) -> bool:
        """True when the article names ``STATES_CONTEXT`` other admin-1 areas of admin-1 area ``c``'s
        country: in a list of states, "Washington" is the state, not the city."""
        return c.kind == "adm1" and len(self.adm1_named.get(c.country, set()) - {c.admin1}) >= STATES_CONTEXT

    def shares_admin1(self, c: Candidate) -> bool:
        """True when another resolved place lies in the candidate's admin-1 area (or is it)."""
        gids = self.admin1_gids.get((c.country, c.admin1))
        return bool(gids) and any(g != c.gid for g in gids)  # type: ignore[union-attr]

    def near(self, c: Candidate) -> bool:
        """True when another resolved specific place lies within ``NEAR_KM`` of the candidate."""
        hit = self._near.get(c.gid)
        if hit is None:
            hit = any(
                g != c.gid and approx_km(lat, lon, c.lat, c.lon) <= NEAR_KM for g, (lat, lon) in self.points.items()
            )
            self._near[c.gid] = hit
        return hit


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry (or None) and why."""

    candidate: Candidate | None
    reason: str
    n_candidates: int = 0
    embedded: bool = False  # resolved by a place name inside a longer name


def mention_keys(text: str) -> tuple[list[str], str | None]:
    """Name keys to try for a mention, most literal first, and a kind preference from its type word."""
    t = _POSS.sub("", text.strip())
    keys = [name_key(text)]  # literal first: "St. John's" is a name, not a possessive
    prefer: str | None = None
    bare = _THE.sub("", t)
    m = _LEAD.match(bare)
    if m:
        prefer = "city" if m["word"].lower() in CITY_WORDS else "admin"
        bare = bare[m.end() :]
    m = _TAIL.search(bare)
    if m and m.start() > 0:
        prefer = "city" if m["word"].lower() in CITY_WORDS else "admin"
        keys.append(name_key(bare))
        bare = bare[: m.start()]
    for k in (name_key(t), name_key(bare)):
        if k and k not in keys:
            keys.append(k)
    return keys, prefer


def _kind_base(c: Candidate) -> float:
    """The kind prior; an admin area's shrinks with its prominence (a parish of 6,000 people is no
    more prominent than a town)."""
    base = KIND_BASE.get(c.kind, 0.0)
    if c.kind in ("adm1", "adm2"):
        lo, hi = ADMIN_FULL_BASE_LOG10
        base *= min(1.0, max(0.0, (math.log10(c.prominence + 1.0) - lo) / (hi - lo)))
    return base


def _pop_term(c: Candidate) -> float:
    pop = c.population / ADMIN_POP_DIVISOR if c.kind in ("adm1", "adm2") else c.population
    return POP_WEIGHT * math.log10(pop + 1.0)


RANK = {"city": 0, "adm2": 1, "adm1": 2, "country": 3, "continent": 4}
EMBEDDED_MIN_POP = 100_000
EMBEDDED_KINDS = ("city", "adm2")


def _contains(container: Candidate, c: Candidate) -> bool:
    if container.kind == "country":
        return c.country == container.country
    if container.kind in ("adm1", "adm2"):  # a county holds places of its own state only
        return c.country == container.country and c.admin1 == container.admin1
    if container.kind == "continent":
        return True
    return c.country == container.country


def contains(container: Candidate, c: Candidate) -> bool:
    """True when ``container`` is a larger kind of place than ``c`` and holds it."""
    return RANK.get(container.kind, 0) > RANK.get(c.kind, 0) and _contains(container, c)


def score(c: Candidate, ctx: Context, prefer: str | None = None) -> float:
    """The resolver's score of one candidate in its context (higher is better)."""
    s = _kind_base(c) + _pop_term(c) + QUALITY_BONUS.get(c.quality, 0.0)
    if c.fcode == "PPLC":
        s += CAPITAL_BONUS
    if ctx.container is not None and RANK.get(ctx.container.kind, 0) > RANK.get(c.kind, 0):
        s += CONTAINER_MATCH if _contains(ctx.container, c) else CONTAINER_MISMATCH
    elif ctx.container is not None and c.kind == "feature":  # "Atlantic, Iowa": no ocean lies in a state
        s += CONTAINER_MISMATCH
    total_c = sum(ctx.countries.values())
    if total_c and c.country and c.kind != "country":
        s += CONTEXT_COUNTRY * ctx.countries[c.country] / total_c
    total_a = sum(ctx.admin1s.values())
    if total_a and c.admin1 and c.kind in ("city", "adm2", "adm1"):
        s += CONTEXT_ADMIN1 * ctx.admin1s[(c.country, c.admin1)] / total_a
    if c.kind in ("city", "adm2") and ctx.points:
        if c.admin1 and ctx.shares_admin1(c):
            s += ADMIN1_PRESENT_BONUS
        if ctx.near(c):
            s += NEAR_BONUS
    if c.kind == "adm1" and ctx.states_context(c):
        s += STATES_BONUS
    if prefer == "admin" and c.kind in ("adm1", "adm2") or prefer == "city" and c.kind == "city":
        s += PREFER_BONUS
    return s


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


@cache
def regions() -> dict[str, str]:
    """Name key -> what it names, for regions, seas and landforms with no gazetteer entry (regions.tsv)."""
    out: dict[str, str] = {}
    with (DATA_DIR / "regions.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 2 and not row[0].startswith("#"):
                out[name_key(row[0])] = row[1]
    return out


def _region(text: str, keys: list[str], gazetteer: Gazetteer) -> Resolution | None:
    """Unresolved with its reason when the name is a listed region that no project alias covers."""
    for key in keys:
        cands = gazetteer.candidates(key)
        what = regions().get(key) or regions().get(_THE.sub("", key))
        if what and not any(c.quality >= 3 for c in cands + gazetteer.candidates(_THE.sub("", key))):
            return Resolution(None, f"{text!r} names {_a(what)} with no gazetteer entry")
        if cands:  # the key the resolver will use ("Western Province" before "Western")
            return None
    return None


def _best(cands: Sequence[Candidate], ctx: Context, prefer: str | None = None) -> Candidate:
    """The top-scoring candidate; a big city beats the same-named admin area of its country."""
    best = max(cands, key=lambda c: (score(c, ctx, prefer), c.population, -c.gid))
    if best.kind in ("adm1", "adm2") and prefer != "admin" and best.quality < 3:
        twins = [
            c
            for c in cands
            if c.kind == "city"
            and c.country == best.country
            and (
                c.population >= (BIG_CITY if c.quality >= 2 else 10 * BIG_CITY)
                # an area called by another name of its seat ("Venice" for the province Venezia)
                or best.quality < 2 <= c.quality
                and c.admin1 == best.admin1
                and c.population >= SEAT_MIN_POP
            )
        ]
        if twins and not ctx.states_context(best):
            best = max(twins, key=lambda c: (score(c, ctx, prefer), c.population))
    return best


def resolve(text: str, gazetteer: Gazetteer, ctx: Context | None = None) -> Resolution:
    """Resolve one place name in its context; an unknown name gets ``candidate=None`` and a reason."""
    ctx = ctx or Context()
    keys, prefer = mention_keys(text)
    region = _region(text, keys, gazetteer)
    if region is not None:
        return region
    cands: tuple[Candidate, ...] = ()
    used = ""
    for key in keys:
        if key:
            cands = gazetteer.candidates(key)
            if cands:
                used = key
                break
    if not cands:
        return _with_container(text, gazetteer, ctx) or _embedded(text, gazetteer, ctx)
    best = _best(cands, ctx, prefer)
    why = [f"name {used!r} via {best.source}"]
    if len(cands) > 1:
        why.append(f"best of {len(cands)} candidates")
    if (
        ctx.container is not None
        and RANK.get(ctx.container.kind, 0) > RANK.get(best.kind, 0)
        and _contains(ctx.container, best)
    ):
        why.append(f"inside {ctx.container.name}")
    elif ctx.countries.get(best.country):
        why.append(f"agrees with the article's places in {best.country}")
    return Resolution(best, "; ".join(why), len(cands))


def _with_container(text: str, gazetteer: Gazetteer, ctx: Context) -> Resolution | None:
    """One mention "X, Y" naming a place with its state or country ("St. Petersburg, Fla.")."""
    head, sep, tail = text.rpartition(", ")
    if not sep or not head.strip() or ", " in head:
        return None
    box = [
        c
        for c in gazetteer.lookup(tail)
        if c.kind in ("country", "adm1") and c.quality >= 2 and "demonym" not in c.source
    ]
    if not box:
        return None
    container = max(box, key=lambda c: (score(c, Context()), c.population))
    r = resolve(head, gazetteer, ctx.within(container))
    if r.candidate is None or not contains(container, r.candidate):
        return None
    return replace(r, reason=f"{r.reason}; named with {container.name} in {text!r}")


GENERIC_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "union",
        "republic",
        "state",
        "states",
        "united",
        "new",
        "city",
        "county",
        "national",
        "royal",
        "great",
        "upper",
        "lower",
        "greater",
        "old",
        "saint",
        "st",
        "the",
        "of",
        "and",
        "district",
        "region",
        "gulf",
        "sea",
        "ocean",
        "bay",
        "river",
        "lake",
        "island",
        "islands",
        "peninsula",
        "strait",
        "coast",
        "valley",
        "desert",
        "mountains",
        "university",
        "college",
        "school",
        "academy",
        "hospital",
        "airport",
        "church",
        "court",
        "house",
        "centre",
        "center",
        "office",
        "council",
        "bank",
    ]
)


# Words a leading name may follow ("South Kilburn Estate" -> Kilburn).
DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "central", "upper", "lower"]
    + ["northern", "southern", "eastern", "western"]
)
# Words of buildings and grounds: a name made only of these and generic words names no place ("West Wing").
BUILDING_WORDS = frozenset(
    ["hall", "wing", "tower", "building", "estate", "stadium", "arena", "station", "park"]
)


NATURAL_FEATURES = frozenset(
    [
        "ocean",
        "sea",
        "gulf",
        "river",
        "lake",
        "peninsula",
        "strait",
        "bay",
        "mountains",
        "mountain",
        "desert",
        "delta",
        "canal",
        "channel",
        "heights",
    ]
)


def _prominent(c: Candidate) -> bool:
    if c.kind in ("country", "adm1", "continent") or c.quality >= 3:
        return True
    return c.kind in EMBEDDED_KINDS and c.population >= EMBEDDED_MIN_POP


def _embedded(text: str, gazetteer: Gazetteer, ctx: Context) -> Resolution:
    """A place named inside a longer name ("University of California" -> California).

    First any prominent place (country, admin-1, big city, project alias), longest part
    first; else a leading name of any kind, after any generic words ("Nenagh MDC" -> Nenagh,
    "South Kilburn Estate" -> Kilburn).
    """
    words = text.split()
    feature = (
        next((w for w in (words[0], words[-1]) if w.lower() in NATURAL_FEATURES), None) if words else None
    )
    if feature is not None and len(words) > 1:
        return Resolution(None, f"{text!r} names {_a(feature.lower())} with no gazetteer entry")
    parts = [
        (i, " ".join(words[i : i + n]))
        for n in range(len(words) - 1, 0, -1)
        for i in range(len(words) - n + 1)
    ]
    lead = next((i for i, w in enumerate(words) if name_key(w) not in DIRECTION_WORDS), 0)
    for leading_only in (False, True):
        for i, part in parts:
            key = name_key(part)
            if leading_only and i != lead:
                continue
            if not part[:1].isupper() or all(w in GENERIC_WORDS or w in BUILDING_WORDS for w in key.split()):
                continue
            cands = [
                c
                for c in gazetteer.candidates(key)
                if (c.quality >= 3 or len(key) >= 4) and (leading_only or _prominent(c))
            ]
            if cands:
                best = _best(cands, ctx)
                why = f"embedded name {part!r} in {text!r} via {best.source}"
                return Resolution(best, why, len(cands), embedded=True)
    return Resolution(None, f"no gazetteer entry named {text!r}")
