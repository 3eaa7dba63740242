"""Score actor mentions and in-article clustering on the seed, re3d-open and MEANTIME.

Usage: python benchmarks/actors.py [--limit N] [--skip-meantime] [--skip-re3d]

- Seed (``gold/seed-000.json``; the article cleaned with ``polemos.clean`` when available, and raw):
  each required actor must be found as exactly one cluster with the gold type, country and sector;
  no ``not_actors`` entry may be taken as an actor.
- re3d-open (88 documents): Person, Organisation, Nationality and Location spans with confidence
  >= 0.5 against PERSON, ORG, NORP and GPE mentions; P/R/F1 per type by overlap (a gold span and a
  predicted span of the same type that overlap), and over all types by exact offsets.
- MEANTIME English (120 Wikinews articles): gold entity mentions (PERSON, ORGANIZATION, LOCATION)
  whose head token lies inside a predicted mention are aligned; B-cubed P/R/F1 of our clusters
  against the gold coreference chains over aligned mentions, and the share of gold mentions aligned.
- Speed: time of the actor stage (``extract_actors`` + ``extract_affiliations``) as a share of the
  spaCy parse time over all documents.

The last line printed is a flat JSON object of headline figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "000_eadca0aa34e5fdc0.txt"
SEED_GOLD = SHARED / "gold" / "seed-000.json"
RE3D = SHARED / "data" / "re3d-open"
MEANTIME = SHARED / "data" / "meantime-en"
RE3D_TYPES = {"Person": "PERSON", "Organisation": "ORG", "Nationality": "NORP", "Location": "GPE"}
MEANTIME_TYPES = {"PERSON", "ORGANIZATION", "LOCATION"}

sys.path.insert(0, str(ROOT / "src"))

from polemos.config import load_settings  # noqa: E402
from polemos.extract.actors import extract_actors, extract_affiliations  # noqa: E402
from polemos.kb import KnowledgeBase, normalise_name  # noqa: E402
from polemos.model import Article, Mention  # noqa: E402
from polemos.nlp.parse import parse_articles  # noqa: E402
from polemos.nlp.parsed import ParsedArticle  # noqa: E402

TIMES = {"parse": 0.0, "actors": 0.0}


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(articles: list[Article], kb: KnowledgeBase) -> list[tuple[ParsedArticle, list[Mention]]]:
    """Parse and extract actors, timing both stages."""
    model = load_settings().spacy_model
    out = []
    t0 = time.perf_counter()
    parsed = list(parse_articles(articles, model))
    TIMES["parse"] += time.perf_counter() - t0
    for p in parsed:
        t1 = time.perf_counter()
        mentions = extract_actors(p, kb)
        extract_affiliations(p, mentions)
        TIMES["actors"] += time.perf_counter() - t1
        out.append((p, mentions))
    return out


# -- seed ---------------------------------------------------------------------------------------
def _forms(gold: dict) -> set[str]:
    return {normalise_name(n) for n in [gold["name"], *gold.get("mentions", [])]}


def score_seed(text: str, label: str) -> dict[str, float]:
    """Per-actor table and counts for the seed article as ``text``."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    kb = KnowledgeBase()
    ((_parsed, mentions),) = run(
        [Article(id="seed", text=text, content_hash="seed", origin="seed", published="2015-03-05")], kb
    )
    named = [m for m in mentions if m.label != "PRON"]
    required = [a for a in gold["actors"] if a.get("required")]
    print(f"\n## Seed ({label}): required actors")
    print(f"{'actor':34} {'found':>5} {'clusters':>8} {'type':>5} {'country':>8} {'sector':>7}  resolved as")
    counts = {"found": 0, "once": 0, "type": 0, "country": 0, "sector": 0, "all": 0}
    for g in required:
        forms = _forms(g)
        keys = []
        for m in named:
            names = {normalise_name(m.text), normalise_name(m.actor.name)}
            if names & forms and m.actor.key not in keys:
                keys.append(m.actor.key)
        actor = next((m.actor for m in named if m.actor.key in keys[:1]), None)
        ok_type = actor is not None and actor.type == g["type"]
        ok_country = actor is not None and ("country" not in g or actor.country == g["country"])
        ok_sector = actor is not None and ("sector" not in g or actor.sector == g["sector"])
        found, once = bool(keys), len(keys) == 1
        counts["found"] += found
        counts["once"] += once
        counts["type"] += ok_type
        counts["country"] += ok_country
        counts["sector"] += ok_sector
        counts["all"] += once and ok_type and ok_country and ok_sector
        print(
            f"{g['name']:34} {found!s:>5} {len(keys):>8} {ok_type!s:>5} {ok_country!s:>8} {ok_sector!s:>7}  "
            f"{actor.key + ' ' + str(actor.code) if actor else '-'}"
        )
    taken = []
    for bad in gold["not_actors"]:
        name = normalise_name(bad.split("(")[0])
        if any(normalise_name(m.text) == name or name in normalise_name(m.text) for m in named):
            taken.append(bad)
    print(f"not_actors taken as actors: {taken or 'none'}")
    n = len(required)
    print(
        f"required {n}: found {counts['found']}, one cluster {counts['once']}, type {counts['type']}, "
        f"country {counts['country']}, sector {counts['sector']}, all right {counts['all']}"
    )
    return {
        f"seed_{label}_required_actors": n,
        f"seed_{label}_required_actors_found": counts["found"],
        f"seed_{label}_required_one_cluster": counts["once"],
        f"seed_{label}_required_type_ok": counts["type"],
        f"seed_{label}_required_country_ok": counts["country"],
        f"seed_{label}_required_sector_ok": counts["sector"],
        f"seed_{label}_required_all_ok": counts["all"],
        f"seed_{label}_not_actors_taken": len(taken),
    }


# -- re3d ---------------------------------------------------------------------------------------
def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_re3d(limit: int | None) -> dict[str, float]:
    """Span P/R/F1 per type (overlap) and over all types (exact) on re3d-open."""
    docs, gold = [], defaultdict(list)
    for folder in sorted(p for p in RE3D.iterdir() if p.is_dir()):
        docs.extend(_jsonl(folder / "documents.json"))
        for e in _jsonl(folder / "entities.json"):
            if e["type"] in RE3D_TYPES and float(e.get("confidence", 0)) >= 0.5:
                gold[e["documentId"]].append((e["begin"], e["end"], RE3D_TYPES[e["type"]]))
    docs = docs[:limit] if limit else docs
    articles = [Article(id=d["_id"], text=d["text"], content_hash=d["_id"], origin="re3d") for d in docs]
    results = run(articles, KnowledgeBase())
    per = {t: [0, 0, 0] for t in RE3D_TYPES.values()}
    exact = [0, 0, 0]
    for parsed, mentions in results:
        g = sorted(set(gold[parsed.article_id]))
        pred = sorted({(m.evidence.start, m.evidence.end, m.label) for m in mentions if m.label in per})
        for t in per:
            gs = [x for x in g if x[2] == t]
            ps = [x for x in pred if x[2] == t]
            used: set[int] = set()
            tp = 0
            for s, e, _ in gs:
                hit = next(
                    (i for i, (ps_, pe, _) in enumerate(ps) if i not in used and ps_ < e and s < pe), None
                )
                if hit is not None:
                    used.add(hit)
                    tp += 1
            per[t][0] += tp
            per[t][1] += len(ps) - tp
            per[t][2] += len(gs) - tp
        hits = len(set(g) & set(pred))
        exact[0] += hits
        exact[1] += len(pred) - hits
        exact[2] += len(g) - hits
    print(f"\n## re3d-open ({len(results)} documents, gold spans with confidence >= 0.5)")
    print(f"{'type':8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}   (overlap match)")
    out: dict[str, float] = {}
    for t, (tp, fp, fn) in per.items():
        p, r, f = _prf(tp, fp, fn)
        print(f"{t:8} {tp + fn:>5} {tp + fp:>5} {p:6.3f} {r:6.3f} {f:6.3f}")
        name = {"PERSON": "person", "ORG": "org", "NORP": "nationality", "GPE": "location"}[t]
        out[f"re3d_{name}_p"], out[f"re3d_{name}_r"], out[f"re3d_{name}_f1"] = (
            round(p, 3),
            round(r, 3),
            round(f, 3),
        )
    tp_all = sum(v[0] for v in per.values())
    p, r, f = _prf(tp_all, sum(v[1] for v in per.values()), sum(v[2] for v in per.values()))
    pe, re_, fe = _prf(*exact)
    print(f"{'all':8} overlap P {p:.3f} R {r:.3f} F1 {f:.3f}; exact P {pe:.3f} R {re_:.3f} F1 {fe:.3f}")
    out.update({"re3d_all_overlap_f1": round(f, 3), "re3d_all_exact_f1": round(fe, 3)})
    return out


# -- MEANTIME -----------------------------------------------------------------------------------
def score_meantime(limit: int | None) -> dict[str, float]:
    """B-cubed over gold mentions aligned to predicted mentions by head token."""
    docs = _jsonl(MEANTIME / "docs_en.jsonl")
    docs = docs[:limit] if limit else docs
    gold_by_doc = defaultdict(list)
    for m in json.loads((MEANTIME / "entity_mentions.json").read_text(encoding="utf-8")):
        if m["mention_full_type"] in MEANTIME_TYPES:
            gold_by_doc[m["doc_id"]].append(m)
    articles, offsets = [], {}
    for d in docs:
        starts, tokens_at = [], []
        pos = 0
        for sent in d["sentences"]:
            row = []
            for tok in sent.split(" "):
                row.append(pos)
                pos += len(tok) + 1
            tokens_at.append(row)
            starts.append(pos)
        text = "\n".join(d["sentences"])
        offsets[d["doc_name"]] = tokens_at
        articles.append(Article(id=d["doc_name"], text=text, content_hash=d["doc_name"], origin="meantime"))
    results = run(articles, KnowledgeBase())
    aligned_total = gold_total = 0
    b3p = b3r = 0.0
    n_b3 = 0
    for parsed, mentions in results:
        tokens_at = offsets[parsed.article_id]
        gold = [g for g in gold_by_doc[parsed.article_id] if g["sent_id"] < len(tokens_at)]
        gold_total += len(gold)
        pairs = []  # (gold chain, predicted key)
        for g in gold:
            row = tokens_at[g["sent_id"]]
            if g["mention_head_id"] >= len(row):
                continue
            char = row[g["mention_head_id"]]
            m = next((m for m in mentions if m.evidence.start <= char < m.evidence.end), None)
            if m is not None:
                pairs.append((g["coref_chain"], m.actor.key))
        aligned_total += len(pairs)
        for chain, key in pairs:
            same_pred = [c for c, k in pairs if k == key]
            same_gold = [k for c, k in pairs if c == chain]
            b3p += sum(1 for c in same_pred if c == chain) / len(same_pred)
            b3r += sum(1 for k in same_gold if k == key) / len(same_gold)
            n_b3 += 1
    p = b3p / n_b3 if n_b3 else 0.0
    r = b3r / n_b3 if n_b3 else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    share = aligned_total / gold_total if gold_total else 0.0
    print(f"\n## MEANTIME English ({len(results)} documents; PERSON/ORGANIZATION/LOCATION mentions)")
    print(f"gold mentions {gold_total}, aligned to a predicted mention {aligned_total} ({share:.3f})")
    print(f"B-cubed over aligned mentions: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return {
        "meantime_mentions_aligned": round(share, 3),
        "meantime_b3_p": round(p, 3),
        "meantime_b3_r": round(r, 3),
        "meantime_b3_f1": round(f, 3),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the scorers whose data is present and print the headline JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus (default: all)")
    ap.add_argument("--skip-re3d", action="store_true")
    ap.add_argument("--skip-meantime", action="store_true")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(json.dumps({"skipped": "../shared is absent"}))
        return 0
    head: dict[str, float] = {}
    if SEED_GOLD.is_file():
        raw = SEED_TEXT.read_text(encoding="utf-8")
        try:
            from polemos.clean import clean_text

            head.update(score_seed(clean_text(raw).text, "clean"))
        except ImportError:  # pragma: no cover - cleaning not installed
            pass
        head.update(score_seed(raw, "raw"))
    if not args.skip_re3d and RE3D.is_dir():
        head.update(score_re3d(args.limit))
    if not args.skip_meantime and MEANTIME.is_dir():
        head.update(score_meantime(args.limit))
    share = TIMES["actors"] / TIMES["parse"] if TIMES["parse"] else 0.0
    print(
        f"\n## Speed: parse {TIMES['parse']:.2f}s, actor stage {TIMES['actors']:.2f}s ({share:.1%} of parse)"
    )
    head["actor_stage_share_of_parse"] = round(share, 3)
    print(json.dumps(head))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
