"""Score quote extraction on PolNeAR (brat Source/Cue/Content) and on the seed's required quotes.

Usage: python benchmarks/quotes.py [--split dev|test] [--limit N] [--half odd|even] [--rules]

PolNeAR: the first annotator file per article; discontinuous spans scored as their union
extent. For each of source, cue and content, predicted spans are matched one-to-one to gold
spans, exactly (same offsets) and by overlap; P/R/F1 over all attributions and over those whose
content holds a double quote mark. A quote that continues the previous speaker (no cue of its
own) is merged into that quote's content, as PolNeAR annotates one attribution for both.
``--rules`` adds a table of exact precision per extraction rule; ``--half`` scores every other
article (for checking that a change made on one half of dev helps the other).
The last line printed is a flat JSON object of headline figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
SEED_TEXT = SHARED / "seed" / "000_eadca0aa34e5fdc0.txt"
SEED_GOLD = SHARED / "gold" / "seed-000.json"
MARKS = '“”"«»'

Span = tuple[int, int]


@dataclass
class Attribution:
    """One attribution as three optional character spans."""

    source: Span | None
    cue: Span | None
    content: Span | None
    rule: str = ""

    def quoted(self, text: str) -> bool:
        return self.content is not None and any(c in MARKS for c in text[self.content[0] : self.content[1]])


def _extent(spec: str) -> Span:
    parts = [tuple(int(x) for x in p.split()) for p in spec.split(";")]
    return min(p[0] for p in parts), max(p[1] for p in parts)


def read_ann(path: Path) -> list[Attribution]:
    """Attributions of one brat .ann file (E lines), spans as union extents."""
    spans: dict[str, Span] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, *_ = line.split("\t")
            _label, spec = info.split(" ", 1)
            spans[tid] = _extent(spec)
        elif line.startswith("E"):
            _eid, args = line.split("\t")[:2]
            relations.append(dict(a.split(":", 1) for a in args.split()))
    out = []
    for rel in relations:
        out.append(
            Attribution(
                source=spans.get(rel.get("Source", "")),
                cue=spans.get(rel.get("Cue", "")),
                content=spans.get(rel.get("Content", "")),
            )
        )
    return out


def load_polnear(split: str, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) for each article of ``split``, first annotator file."""
    base = POLNEAR / split
    items = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        items.append((txt.stem, txt.read_text(encoding="utf-8"), read_ann(anns[0])))
    return items[:limit] if limit else items


def predict(texts: list[tuple[str, str]], published: str | None = None):
    """Quotes per article: parse once, actors, quotes."""
    from polemos.config import load_settings
    from polemos.extract.actors import extract_actors
    from polemos.extract.quotes import extract_quotes_with_rules
    from polemos.kb import KnowledgeBase
    from polemos.model import Article
    from polemos.nlp.parse import parse_articles

    settings = load_settings()
    kb = KnowledgeBase()
    articles = [Article(id=n, text=t, content_hash=n, origin=n, published=published) for n, t in texts]
    out = {}
    t0 = time.perf_counter()
    t_quotes = 0.0
    for parsed in parse_articles(articles, settings.spacy_model):
        mentions = extract_actors(parsed, kb)
        t1 = time.perf_counter()
        out[parsed.article.id] = extract_quotes_with_rules(parsed, kb, mentions)
        t_quotes += time.perf_counter() - t1
    return out, time.perf_counter() - t0, t_quotes


def to_attributions(quotes, text: str = "", across_paragraphs: bool = True) -> list[Attribution]:
    """``(quote, rule)`` pairs as PolNeAR-style attributions (continuations merged into their quote)."""
    out: list[Attribution] = []
    for q, rule in quotes:
        content = (q.evidence.start, q.evidence.end)
        # a quote continues its speaker's saying, not the participle after it ("said X, citing Y")
        prev = out[-2] if len(out) > 1 and out[-1].rule == "participle" else out[-1] if out else None
        prev_end = out[-1].content[1] if out and out[-1].content else 0
        same_par = "\n" not in text[prev_end : content[0]]
        if (
            "continues_previous" in q.flags
            and prev is not None
            and prev.content is not None
            and (across_paragraphs or same_par)
        ):
            prev.content = (min(prev.content[0], content[0]), max(prev.content[1], content[1]))
            continue
        out.append(
            Attribution(
                source=(q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None,
                cue=(q.cue_span.start, q.cue_span.end) if q.cue_span else None,
                content=content,
                rule=rule,
            )
        )
    return out


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = 100 * tp_p / n_pred if n_pred else 0.0
    r = 100 * tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 1), round(r, 1), round(f, 1)


def match(pred: list[Span], gold: list[Span], exact: bool) -> int:
    """One-to-one matches between span lists (exact offsets, or any overlap)."""
    used = [False] * len(gold)
    hits = 0
    for s, e in sorted(pred):
        for i, (gs, ge) in enumerate(gold):
            if used[i]:
                continue
            if (s, e) == (gs, ge) if exact else (s < ge and gs < e):
                used[i] = True
                hits += 1
                break
    return hits


def score(docs, preds, quoted_only: bool) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 per component and matching mode."""
    res = {}
    for comp in ("source", "cue", "content"):
        for exact in (True, False):
            tp = n_pred = n_gold = 0
            for name, text, gold in docs:
                g = [getattr(a, comp) for a in gold if not quoted_only or a.quoted(text)]
                p = [getattr(a, comp) for a in preds[name] if not quoted_only or a.quoted(text)]
                g = [x for x in g if x is not None]
                p = sorted({x for x in p if x is not None})
                tp += match(p, g, exact)
                n_pred += len(p)
                n_gold += len(g)
            res[f"{comp}_{'exact' if exact else 'overlap'}"] = _prf(tp, n_pred, tp, n_gold)
    return res


def rule_table(docs, preds) -> list[str]:
    """Exact precision of each rule's predictions: share of its sources, cues, contents that equal
    some gold span of the article."""
    counts: dict[str, list[int]] = {}
    for name, _text, gold in docs:
        spans = {c: {getattr(a, c) for a in gold} for c in ("source", "cue", "content")}
        for a in preds[name]:
            row = counts.setdefault(a.rule, [0] * 7)
            row[0] += 1
            for k, comp in enumerate(("source", "cue", "content")):
                span = getattr(a, comp)
                if span is not None:
                    row[1 + 2 * k] += 1
                    row[2 + 2 * k] += span in spans[comp]
    lines = [f"  {'rule':20} {'n':>5} {'src P':>7} {'cue P':>7} {'cnt P':>7}"]
    for rule, row in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        ps = [
            f"{100 * row[2 + 2 * k] / row[1 + 2 * k]:7.1f}" if row[1 + 2 * k] else "      -" for k in range(3)
        ]
        lines.append(f"  {rule or '?':20} {row[0]:5d} {' '.join(ps)}")
    return lines


def _words(s: str | None) -> set[str]:
    return {w for w in re.sub(r"[^\w ]", " ", (s or "").lower()).split() if w not in {"the", "of", "a"}}


def _strip_marks(s: str) -> str:
    s = s.lstrip(MARKS + "‘' ")
    return s[5:] if s.startswith("that ") else s


def seed_check() -> tuple[int, int, list[str]]:
    """How many required seed quotes are found with the right speaker, cue, kind, addressee/outlet."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["quotes"]
    text = SEED_TEXT.read_text(encoding="utf-8")
    quotes = [q for q, _ in predict([("seed-000", text)], published="2015-03-05")[0]["seed-000"]]
    lines = []
    found = 0
    required = [g for g in gold if g.get("required")]
    for g in required:
        start = g["content_starts"]
        cands = [q for q in quotes if _strip_marks(q.content).startswith(_strip_marks(start)[:30])]
        problems = []
        q = cands[0] if cands else None
        if q is None:
            problems.append("not found")
        else:
            who = _words(q.speaker.name if q.speaker else q.speaker_text)
            if not _words(g["speaker"]) & who or not who:
                problems.append(f"speaker {q.speaker.name if q.speaker else q.speaker_text!r}")
            if g.get("cue") and (q.cue or "").lower() != g["cue"].lower():
                problems.append(f"cue {q.cue!r}")
            if g["kind"] != q.kind:
                problems.append(f"kind {q.kind}")
            for key in ("addressee", "outlet"):
                if g.get(key):
                    got = _words(getattr(q, key)) | (_words(q.outlet) if key == "addressee" else set())
                    if not _words(g[key]) & got:
                        problems.append(f"{key} {getattr(q, key)!r}")
        ok = not problems
        found += ok
        lines.append(
            f"{'ok ' if ok else 'MISS'} {g['speaker'][:22]:22} {start[:40]:40} {'; '.join(problems)}"
        )
    return found, len(required), lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--half", choices=["odd", "even"], default=None, help="every other article only")
    ap.add_argument("--rules", action="store_true", help="print exact precision per extraction rule")
    args = ap.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"skipped: {POLNEAR} is absent (../shared not mounted)")
        print(json.dumps({"polnear_skipped": 1}))
        return 0
    docs = load_polnear(args.split, args.limit)
    if args.half:
        docs = docs[args.half == "odd" :: 2]
    quotes, seconds, quote_seconds = predict([(n, t) for n, t, _ in docs])
    texts = {n: t for n, t, _ in docs}
    preds = {n: to_attributions(q, texts[n]) for n, q in quotes.items()}
    headline: dict[str, float | int] = {}
    n_gold = sum(len(g) for _, _, g in docs)
    n_pred = sum(len(p) for p in preds.values())
    print(f"PolNeAR {args.split}: {len(docs)} articles, {n_gold} gold attributions, {n_pred} predicted")
    print(f"time: {seconds:.1f}s parse+actors+quotes, {quote_seconds * 1000:.0f} ms in extract_quotes")
    for subset, quoted_only in (("all", False), ("quoted", True)):
        res = score(docs, preds, quoted_only)
        print(f"\n{subset} attributions        P      R     F1")
        for key, (p, r, f) in res.items():
            print(f"  {key:18} {p:6.1f} {r:6.1f} {f:6.1f}")
            suffix = "" if subset == "all" else "_quoted"
            headline[f"polnear_{args.split}_{key}_f1{suffix}"] = f
    if args.rules:
        print("\nper-rule exact precision (all attributions)")
        print("\n".join(rule_table(docs, preds)))
    found, total, lines = seed_check() if SEED_GOLD.is_file() else (0, 0, ["seed gold absent"])
    print(f"\nseed required quotes: {found}/{total}")
    print("\n".join("  " + line for line in lines))
    headline["seed_required_quotes_found"] = found
    headline["seed_required_quotes_total"] = total
    headline[f"polnear_{args.split}_quotes_ms_per_article"] = round(
        1000 * quote_seconds / max(1, len(docs)), 2
    )
    print(json.dumps(headline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
