"""Score place resolution on GeoWebNews (tuning) and TR-News (the record).

Two settings: gold spans (the resolver alone) and end to end (our NER and
resolver; a gold toponym counts as found when a predicted place overlaps it).
Two sets: every gold toponym with a GeoNames id, and GWN's literal ones only.
Metrics: exact GeoNames id, accuracy within 161 km (a correct id is 0 km),
mean and median error in km, coverage, and milliseconds per mention.
Usage: ``python benchmarks/places.py [--shared ../shared] [--no-e2e] [--limit N] [--halves]
[--show-misses]``. ``--halves`` adds GWN gold-span rows for its halves A (even articles) and B (odd);
``--show-misses`` lists GWN's gold-span errors only (TR-News is the record: its errors are never listed).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from polemos.geo.gazetteer import get_gazetteer
from polemos.geo.mentions import resolve_spans

LITERAL_TYPES = {"Literal", "Literal_Modifier", "Embedded_Literal", "Coercion"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    gid: int
    lat: float
    lon: float
    literal: bool


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold]


def _f(x: str | None) -> float:
    return float(x) if x not in (None, "") else math.nan


def align(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int]:
    """The gold span, moved to the nearest occurrence of its phrase when the offsets drift.

    TR-News offsets run a few characters past the text they name in about 9% of toponyms
    (offsets counted over a slightly different text); the phrase itself is reliable.
    """
    if not phrase or text[start:end] == phrase:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not hits:
        return start, end
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(phrase)


def load_gwn(path: Path) -> list[Doc]:
    """GWN articles with their toponyms that have a GeoNames id."""
    docs = []
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        gold = []
        for t in a.iter("toponym"):
            gid = (t.findtext("geonamesID") or "").strip()
            if not gid.isdigit():
                continue
            s, e = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            s, e = align(text, s, e, t.findtext("extractedName"))
            gold.append(
                Gold(
                    s,
                    e,
                    text[s:e],
                    int(gid),
                    _f(t.findtext("latitude")),
                    _f(t.findtext("longitude")),
                    (t.findtext("type") or "") in LITERAL_TYPES,
                )
            )
        docs.append(Doc(a.get("file") or str(len(docs)), text, gold))
    return docs


def load_trnews(path: Path) -> list[Doc]:
    """TR-News articles with their toponyms that have a GeoNames id (no type marks: all literal)."""
    docs = []
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        gold = []
        for t in a.iter("toponym"):
            g = t.find("gaztag")
            if g is None or not (g.get("geonameid") or "").isdigit():
                continue
            s, e = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            s, e = align(text, s, e, t.findtext("phrase"))
            gold.append(
                Gold(
                    s,
                    e,
                    text[s:e],
                    int(g.get("geonameid") or 0),
                    _f(g.findtext("lat")),
                    _f(g.findtext("lon")),
                    True,
                )
            )
        docs.append(Doc(a.get("docid") or str(len(docs)), text, gold))
    return docs


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


Pred = tuple[int, float, float] | None  # (gid, lat, lon)


def score(pairs: list[tuple[Gold, Pred]]) -> dict[str, float]:
    """Exact id, within-161-km accuracy, mean/median km and coverage over gold toponyms."""
    n = len(pairs) or 1
    exact = within = covered = 0
    errs: list[float] = []
    for g, p in pairs:
        if p is None:
            continue
        covered += 1
        if p[0] == g.gid:
            d = 0.0
            exact += 1
        elif math.isnan(g.lat):
            d = math.inf
        else:
            d = km(p[1], p[2], g.lat, g.lon)
        if d <= 161:
            within += 1
        if math.isfinite(d):
            errs.append(d)
    return {
        "n": len(pairs),
        "exact_id": round(100 * exact / n, 1),
        "acc161": round(100 * within / n, 1),
        "mean_km": round(statistics.mean(errs), 1) if errs else math.nan,
        "median_km": round(statistics.median(errs), 1) if errs else math.nan,
        "coverage": round(100 * covered / n, 1),
    }


def run_goldspans(docs: list[Doc]) -> tuple[list[tuple[Gold, Pred]], float]:
    """Resolve the gold spans; returns pairs and ms per mention."""
    gz = get_gazetteer()
    pairs: list[tuple[Gold, Pred]] = []
    n, t0 = 0, time.perf_counter()
    for d in docs:
        res = resolve_spans(d.text, [(g.start, g.end) for g in d.gold], gz)
        n += len(res)
        for g, r in zip(d.gold, res, strict=True):
            c = r.candidate
            pairs.append((g, (c.gid, c.lat, c.lon) if c else None))
    return pairs, 1000 * (time.perf_counter() - t0) / max(n, 1)


def run_e2e(docs: list[Doc]) -> tuple[list[tuple[Gold, Pred]], float]:
    """Our NER then resolver; returns pairs and ms per predicted mention (extraction only)."""
    from polemos.config import load_settings
    from polemos.extract.places import extract_places
    from polemos.model import Article
    from polemos.nlp.parse import parse_articles

    gz = get_gazetteer()
    arts = [Article(id=d.id, text=d.text, content_hash=d.id, origin="bench") for d in docs]
    pairs: list[tuple[Gold, Pred]] = []
    n, spent = 0, 0.0
    for d, parsed in zip(docs, parse_articles(arts, load_settings().spacy_model), strict=True):
        t0 = time.perf_counter()
        places = extract_places(parsed, gz)
        spent += time.perf_counter() - t0
        n += len(places)
        for g in d.gold:
            hit = next(
                (p for p in places if p.evidence.start < g.end and g.start < p.evidence.end and p.geonameid),
                None,
            )
            pairs.append(
                (g, (hit.geonameid, hit.lat or 0.0, hit.lon or 0.0) if hit and hit.geonameid else None)
            )
    return pairs, 1000 * spent / max(n, 1)


def halves(docs: list[Doc]) -> dict[str, list[Doc]]:
    """GWN split by article: A the even-indexed articles, B the odd (the tuning halves)."""
    return {"A": docs[0::2], "B": docs[1::2]}


def show_misses(docs: list[Doc], out=sys.stdout) -> int:  # type: ignore[no-untyped-def]
    """Print GWN's gold-span errors: half, article, text, gold id, our pick, km, whether the gazetteer
    holds the gold id. Returns the number of errors listed."""
    gz = get_gazetteer()
    n = 0
    for half, part in halves(docs).items():
        for d in part:
            res = resolve_spans(d.text, [(g.start, g.end) for g in d.gold], gz)
            for g, r in zip(d.gold, res, strict=True):
                c = r.candidate
                if c is not None and c.gid == g.gid:
                    continue
                n += 1
                d_km = "" if c is None or math.isnan(g.lat) else f"{km(c.lat, c.lon, g.lat, g.lon):.0f}"
                pick = f"{c.gid} {c.name} ({c.kind} {c.country})" if c else "-"
                held = "held" if gz.get(g.gid) else "absent"
                print(f"{half}\t{d.id}\t{g.text}\t{g.gid}\t{pick}\t{d_km}\t{held}\t{r.reason}", file=out)
    return n


def _row(name: str, m: dict[str, float], ms: float) -> str:
    return (
        f"| {name} | {m['n']} | {m['exact_id']} | {m['acc161']} | {m['mean_km']} | {m['median_km']} | "
        f"{m['coverage']} | {ms:.3f} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--no-e2e", action="store_true", help="gold spans only (no spaCy)")
    ap.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    ap.add_argument("--halves", action="store_true", help="also score GWN's halves A/B (gold spans)")
    ap.add_argument(
        "--show-misses", action="store_true", help="list GWN's gold-span errors (never TR-News's) and stop"
    )
    args = ap.parse_args(argv)
    base = Path(args.shared) / "data" / "geoparsing-gritta"
    if not base.is_dir():
        print(f"no gold data at {base}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    get_gazetteer()
    load_s = time.perf_counter() - t0
    if args.show_misses:  # tuning set only: TR-News's errors are never listed
        n = show_misses(load_gwn(base / "GWN.xml"))
        print(f"{n} GWN errors (gold spans)", file=sys.stderr)
        return 0
    sets = {"gwn": load_gwn(base / "GWN.xml"), "trnews": load_trnews(base / "TR-News.xml")}
    headline: dict[str, float] = {"gazetteer_load_s": round(load_s, 3)}
    print(f"gazetteer ready in {load_s:.2f} s\n")
    print(
        "| set / setting / toponyms | n | exact id % | within 161 km % | mean km | median km | coverage % | ms/mention |"
    )
    print("|---|---|---|---|---|---|---|---|")
    modes = [("goldspan", run_goldspans)] + ([] if args.no_e2e else [("e2e", run_e2e)])
    for ds, docs in sets.items():
        if args.limit:
            docs = docs[: args.limit]
        for mode, fn in modes:
            pairs, ms = fn(docs)
            subsets = {"all": pairs}
            if ds == "gwn":
                subsets["literal"] = [(g, p) for g, p in pairs if g.literal]
            for sub, sp in subsets.items():
                m = score(sp)
                print(_row(f"{ds} / {mode} / {sub}", m, ms))
                tag = f"{ds}_{mode}" + ("" if sub == "all" else f"_{sub}")
                for k in ("exact_id", "acc161", "mean_km", "median_km", "coverage"):
                    headline[f"{tag}_{k}"] = m[k]
            headline[f"{ds}_{mode}_ms_per_mention"] = round(ms, 4)
        if ds == "gwn" and args.halves:
            for half, part in halves(docs).items():
                pairs, ms = run_goldspans(part)
                m = score(pairs)
                print(_row(f"gwn / goldspan / half {half}", m, ms))
                headline[f"gwn_goldspan_half{half}_exact_id"] = m["exact_id"]
                headline[f"gwn_goldspan_half{half}_acc161"] = m["acc161"]
    print()
    print(json.dumps(headline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
