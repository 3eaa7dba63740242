"""The seed dictionaries (Phoenix actors and agents, plus a small supplement), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from polemos.kb.names import normalise_name

DATA = Path(__file__).parent / "data"

# CAMEO first-position codes that are not countries, and the sector they imply.
NON_STATE = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS", "NGM": "NGO", "UIS": "UIS"}
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "MED",
        "LEG",
        "JUD",
        "BUS",
        "NGO",
        "IGO",
        "CVL",
        "OPP",
        "PTY",
        "COP",
        "SPY",
        "ELI",
        "HRI",
        "EDU",
        "LAB",
        "AGR",
        "REL",
        "UAF",
        "CRM",
        "IMG",
        "MOD",
        "RAD",
        "DEV",
        "ENV",
        "HLH",
        "REF",
        "SET",
        "UIS",
        "JEW",
        "MUS",
        "CHR",
        "BUD",
        "HIN",
    ]
)
_SPECIFIC = ("MIL", "LEG", "JUD", "COP", "SPY")


@dataclass(frozen=True, slots=True)
class SeedCode:
    """One CAMEO code of a seed entry, valid between two ISO dates (empty: open)."""

    country: str | None
    sector: str | None
    start: str = ""
    end: str = ""

    def holds_on(self, date: str | None) -> bool:
        """True when the code applies on ``date`` (ISO, or None for 'no date known')."""
        if date is None or (not self.start and not self.end):
            return True
        day = date[:10]
        return (not self.start or day >= self.start) and (not self.end or day <= self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass(frozen=True, slots=True)
class SeedEntry:
    """A seed actor row: key, type (PERSON/ORG/GPE or ANY), display name, codes, normalised aliases."""

    key: str
    type: str
    name: str
    raw_codes: str
    aliases: tuple[str, ...]

    @property
    def codes(self) -> tuple[SeedCode, ...]:
        return _parse_codes(self.raw_codes)

    def code_on(self, date: str | None) -> tuple[str | None, str | None]:
        """(country, sector) valid on ``date``: a dated code that holds first, else an undated one."""
        holding = [c for c in self.codes if c.holds_on(date)]
        if date is None:  # no date: the undated code, else the latest period
            holding.sort(key=lambda c: (not c.dated, c.start), reverse=True)
        else:
            holding.sort(key=lambda c: not c.dated)
        if holding:
            return holding[0].country, holding[0].sector
        countries = [c.country for c in self.codes if c.country]
        return (countries[0] if countries else None), None


def split_code(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """``USAGOVLEG`` -> (USA, LEG); ``IGOUNO`` -> (None, IGO); ``MED`` -> (None, MED)."""
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country: str | None = None
    if chunks and chunks[0] in NON_STATE:
        return None, NON_STATE[chunks[0]]
    if chunks and chunks[0] not in SECTORS:
        country = chunks[0] if chunks[0] in countries else None
        chunks = chunks[1:]
    sectors = [c for c in chunks if c in SECTORS]
    if not sectors:
        return country, None
    specific = [c for c in sectors if c in _SPECIFIC]
    return country, (specific[0] if sectors[0] == "GOV" and specific else sectors[0])


@lru_cache(maxsize=4096)
def _parse_codes(text: str) -> tuple[SeedCode, ...]:
    out = []
    countries = load_seed().countries
    for raw in text.split():
        code, _, rng = raw.partition("@")
        start, _, end = rng.partition("/")
        country, sector = split_code(code, countries)
        out.append(SeedCode(country, sector, start, end))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Seed:
    """All seed entries and an index from normalised alias to entry positions."""

    entries: tuple[SeedEntry, ...]
    index: dict[str, tuple[int, ...]]
    by_key: dict[str, int]
    agents: dict[str, str]  # normalised agent noun -> sector
    state_words: frozenset[str]  # single-word names and demonyms of states
    countries: frozenset[str]  # ISO 3166 alpha-3 codes of the seeded states
    state_names: frozenset[str]  # normalised names of the seeded states


def _rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    return [
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]


_DEMONYM_ENDINGS = ("an", "i", "ese", "ish")
_IRREGULAR_DEMONYMS = frozenset(
    {
        "french",
        "dutch",
        "swiss",
        "greek",
        "thai",
        "welsh",
        "scottish",
        "irish",
        "danish",
        "finnish",
        "swedish",
        "polish",
        "turkish",
        "spanish",
        "british",
        "kurdish",
    }
)


# Words the Phoenix dictionaries list as aliases of one actor though they name none: Georgia's entry
# carries "republic", "nation", "sovereign state" and the region "Caucasus" (with its stemmed form).
_NOT_NAMES = frozenset({"republic", "nation", "sovereign state", "eurasian state", "caucasus", "caucasu"})


def _state_words(entry: SeedEntry) -> list[str]:
    """The state's one-word name and its demonyms ("iran", "iranian"; not the city "tehran")."""
    name = normalise_name(entry.name)
    single = [a for a in entry.aliases if " " not in a and len(a) > 3]
    stems = {a[:4] for a in [name, *single] if not a.endswith(_DEMONYM_ENDINGS)}
    words = [name] if " " not in name else []
    regular = [a for a in single if a.endswith(_DEMONYM_ENDINGS) and a[:4] in stems]
    return words + regular + [a for a in single if a in _IRREGULAR_DEMONYMS]


@lru_cache(maxsize=1)
def load_seed() -> Seed:
    """The seed, read from ``kb/data`` once per process."""
    phoenix = _rows(DATA / "actors.tsv")
    raw = phoenix + _rows(DATA / "supplement.tsv")
    countries = frozenset(r[0][6:] for r in raw if r[0].startswith("state:"))
    entries: list[SeedEntry] = []
    by_key: dict[str, int] = {}
    index: dict[str, list[int]] = {}
    for n, row in enumerate(raw):
        supplement = n >= len(phoenix)
        key, kind, name, codes, aliases = (row + [""] * 5)[:5]
        alias_list = tuple(a for a in aliases.split("|") if a and a not in _NOT_NAMES)
        if key in by_key:  # the supplement extends or corrects a Phoenix entry
            old = entries[by_key[key]]
            entry = SeedEntry(
                key, kind or old.type, name or old.name, codes or old.raw_codes, old.aliases + alias_list
            )
            entries[by_key[key]] = entry
            pos = by_key[key]
        else:
            pos = len(entries)
            entry = SeedEntry(key, kind, name, codes, alias_list)
            entries.append(entry)
            by_key[key] = pos
        for alias in alias_list:
            hits = index.setdefault(alias, [])
            if pos in hits:
                hits.remove(pos)
            if supplement:  # the hand-written supplement wins over Phoenix entries with the same alias
                hits.insert(0, pos)
            else:
                hits.append(pos)
    agents = {r[0]: r[1] for r in _rows(DATA / "agents.tsv") if len(r) >= 2}
    state_words = frozenset(w for e in entries if e.key.startswith("state:") for w in _state_words(e))
    return Seed(
        tuple(entries),
        {k: tuple(v) for k, v in index.items()},
        by_key,
        agents,
        state_words,
        countries,
        frozenset(normalise_name(e.name) for e in entries if e.key.startswith("state:")),
    )


@dataclass(frozen=True, slots=True)
class NameWordCounts:
    """How often a word opens or closes a seed person's name, or closes another seed name."""

    person_first: dict[str, int]
    person_last: dict[str, int]
    other_last: dict[str, int]


@lru_cache(maxsize=1)
def name_word_counts() -> NameWordCounts:
    """Counts over the seed's multi-word aliases ("john" opens 162 person names and closes 7)."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    other: dict[str, int] = {}
    for entry in load_seed().entries:
        for alias in set(entry.aliases):
            words = alias.split()
            if len(words) < 2:
                continue
            if entry.type == "PERSON":
                first[words[0]] = first.get(words[0], 0) + 1
                last[words[-1]] = last.get(words[-1], 0) + 1
            elif entry.type != "ANY":
                other[words[-1]] = other.get(words[-1], 0) + 1
    return NameWordCounts(first, last, other)
