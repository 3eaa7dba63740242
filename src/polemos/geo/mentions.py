"""Resolve all place mentions of one text together: containment first, then article context.

A first pass resolves every mention alone; its picks are the context of the second, each distinct
name counting at most ``NAME_REPEATS`` times. A state or country written right after a name
(", Calif.") is its container even when it is no mention itself; "X, the Y" and a list ("Mexico,
Canada and Japan") are not containment; a name its container settled in an unusual sense ("Paris,
Texas") keeps that sense wherever the article repeats it alone. A Y usually read as a city is its
same-named state or country when that holds an X far from the city ("Tacoma, Washington").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from polemos.geo.gazetteer import Candidate, Gazetteer
from polemos.geo.normalize import name_key
from polemos.geo.resolve import NEAR_KM, RANK, Context, Resolution, approx_km, contains, resolve, score

_CONTAINER_GAP = re.compile(r"^\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$", re.I)
# ", Texas", ", Calif.", ", N.Y.": a state or country right after a name, though not itself a mention.
_TRAILING = re.compile(r"^,\s*(?P<y>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})")
_LIST_AFTER = re.compile(r"^\s+(?:and|or|&)\s", re.I)
_THE_IN_GAP = re.compile(r"\bthe\b", re.I)
CONTAINER_KINDS = ("country", "adm1")
# A name repeated counts as context at most this many times: a local "Paris" named eight times must
# not outvote the nearby towns that say which Paris it is.
NAME_REPEATS = 2


def _listed(text: str, end: int) -> bool:
    """True when "and"/"or" follows Y with no comma ("Mexico, Canada and Japan"; but also "London,
    Ontario and Toronto": the kinds of X and Y tell which, see ``_a_list``)."""
    return bool(_LIST_AFTER.match(text[end : end + 6]))


def _a_list(x: str, y: Candidate | None, gazetteer: Gazetteer) -> bool:
    """True when X is usually a place as large as Y: "Mexico, Canada and ..." lists two countries."""
    usual = resolve(x, gazetteer).candidate
    return usual is not None and y is not None and RANK.get(usual.kind, 0) >= RANK.get(y.kind, 0)


def containers(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Map mention index -> index of the mention that contains it ("X, Y", "X in Y"; not "X, the Y")."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    out: dict[int, int] = {}
    for a, b in zip(order, order[1:], strict=False):
        gap = text[spans[a][1] : spans[b][0]]
        if len(gap) <= 8 and _CONTAINER_GAP.match(gap):
            if gap.strip().startswith(",") and _THE_IN_GAP.search(gap):
                continue  # "Mexico, the US": an apposition or a list, not containment
            out[a] = b
    return out


def trailing_container(text: str, end: int, gazetteer: Gazetteer) -> Candidate | None:
    """The state or country named right after a mention (", Calif."), when it is no mention itself."""
    m = _TRAILING.match(text[end : end + 40])
    if not m:
        return None
    words = m["y"].split()
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n])
        if len(part.replace(".", "")) <= 2 and not part.isupper():
            continue  # a code is written in capitals ("London, ON"), not "Paris, On Monday"
        cands = [
            c
            for c in gazetteer.lookup(part)
            if c.kind in CONTAINER_KINDS and c.quality >= 2 and "demonym" not in c.source
        ]
        if cands:
            return max(cands, key=lambda c: (score(c, Context()), c.population))
    return None


def _as_container(
    r: Resolution, y: str, x: str, gazetteer: Gazetteer, ctx: Context
) -> Candidate | None:
    """Y of "X, Y" as a container: a state or country named Y that holds an X far from Y's usual sense
    as a city beats that city ("Tacoma, Washington" is the state, as a trailing ", Wash." would be;
    "Brooklyn, New York" stays the city)."""
    c = r.candidate
    if c is None or c.kind in CONTAINER_KINDS or r.embedded:
        return c
    boxes = [
        b
        for b in gazetteer.lookup(y)
        if b.kind in CONTAINER_KINDS and b.quality >= 2 and "demonym" not in b.source
    ]
    held = []
    for b in boxes:
        inner = resolve(x, gazetteer, ctx.within(b)).candidate
        if inner is not None and contains(b, inner) and approx_km(inner.lat, inner.lon, c.lat, c.lon) > NEAR_KM:
            held.append(b)
    if not held:
        return c
    return max(held, key=lambda b: (score(b, Context()), b.population))


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[Resolution]:
    """Resolve each ``text[start:end]`` using its container and the other mentions as context."""
    names = [text[s:e] for s, e in spans]
    keys = [name_key(n) for n in names]
    inside = {
        i: j
        for i, j in containers(text, spans).items()
        if not (
            _listed(text, spans[j][1])
            and _a_list(names[i], resolve(names[j], gazetteer).candidate, gazetteer)
        )
    }
    spanned = {s for s, _ in spans}
    trailing: dict[int, Candidate] = {}
    for i, (_, e) in enumerate(spans):
        if i not in inside:
            m = _TRAILING.match(text[e : e + 40])
            if m and e + m.start("y") not in spanned:
                c = trailing_container(text, e, gazetteer)
                if c is not None and not (_listed(text, e + m.end()) and _a_list(names[i], c, gazetteer)):
                    trailing[i] = c

    def run(ctx: Context) -> list[Resolution]:
        done: dict[int, Resolution] = {}

        def one(i: int, depth: int = 0) -> Resolution:
            if i in done:
                return done[i]
            j = inside.get(i)
            container = trailing.get(i)
            if j is not None and depth < 4:
                rj = one(j, depth + 1)
                container = _as_container(rj, names[j], names[i], gazetteer, ctx)
                if container is not None and rj.candidate is not None and container.gid != rj.candidate.gid:
                    why = f"{container.name} as the container of {names[i]!r}; via {container.source}"
                    done[j] = Resolution(container, why, rj.n_candidates)
            done[i] = resolve(names[i], gazetteer, ctx.within(container))
            return done[i]

        return [one(i) for i in range(len(spans))]

    first = run(Context())
    ctx = Context()
    counts = Counter(keys)
    seen: set[str] = set()
    for k, r in zip(keys, first, strict=True):
        if k in seen or r.candidate is None:
            continue
        seen.add(k)
        weight = min(counts[k], NAME_REPEATS) * (2.0 if r.n_candidates <= 1 else 1.0)
        ctx.add(r.candidate, weight)
    return _one_sense(names, keys, run(ctx), inside, trailing, gazetteer)


def _one_sense(
    names: list[str],
    keys: list[str],
    res: list[Resolution],
    inside: dict[int, int],
    trailing: dict[int, Candidate],
    gazetteer: Gazetteer,
) -> list[Resolution]:
    """A name its container settled in a sense other than its usual one ("Paris, Texas") keeps that
    sense where the article repeats it alone; the usual sense ("Washington, D.C.") settles nothing."""
    settled: dict[str, Resolution] = {}
    for i, r in enumerate(res):
        j = inside.get(i)
        box = res[j].candidate if j is not None else trailing.get(i)
        c = r.candidate
        if c is None or box is None or keys[i] in settled or r.embedded or not contains(box, c):
            continue
        usual = resolve(names[i], gazetteer).candidate
        if usual is None or usual.gid != c.gid:
            settled[keys[i]] = r
    if not settled:
        return res
    out = list(res)
    for i, r in enumerate(res):
        s = settled.get(keys[i])
        if s is None or i in inside or i in trailing or s.candidate is None:
            continue
        if r.candidate is None or r.candidate.gid != s.candidate.gid:
            why = f"{s.reason}; the article names it with its container elsewhere"
            out[i] = Resolution(s.candidate, why, s.n_candidates)
    return out
