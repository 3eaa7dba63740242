"""Score HTML main-text extraction on the article-extraction-benchmark (181 news pages).

Metric: precision, recall and F1 of word 4-gram shingles of the extracted text against the
gold article body (per page, then averaged), as in the benchmark's own evaluation.  Prints a
table and pages per second (one core), and ends with one line of flat JSON.

    .venv/bin/python benchmarks/extraction.py [--data ../shared/data/article-extraction-benchmark] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from polemos.ingest.html import extract_html
from polemos.model import RawItem

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams of ``text`` (lower-cased); short texts give one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of ``pred`` against ``gold``."""
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    if not p or not g:
        return 0.0, 0.0, 0.0
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values())
    recall = overlap / sum(g.values())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table and the JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    args = ap.parse_args(argv)
    truth_path = args.data / "ground-truth.json"
    if not truth_path.exists():
        print(f"benchmark data not found at {args.data}", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    pages = {i: gzip.decompress((args.data / "html" / f"{i}.html.gz").read_bytes()) for i in ids}

    scores: list[tuple[float, float, float]] = []
    failures = 0
    start = time.process_time()
    wall = time.perf_counter()
    for i in ids:
        item = extract_html(pages[i], origin=i, url=truth[i].get("url"))
        text = item.text if isinstance(item, RawItem) else ""
        failures += not isinstance(item, RawItem)
        scores.append(prf(text, truth[i]["articleBody"]))
    cpu = time.process_time() - start
    wall = time.perf_counter() - wall

    precision = statistics.fmean(s[0] for s in scores)
    recall = statistics.fmean(s[1] for s in scores)
    f1 = statistics.fmean(s[2] for s in scores)
    print(f"{'pages':>8} {'precision':>10} {'recall':>8} {'f1':>8} {'failed':>7} {'pages/s':>8}")
    print(f"{len(ids):>8} {precision:>10.4f} {recall:>8.4f} {f1:>8.4f} {failures:>7} {len(ids) / cpu:>8.1f}")
    print(f"(pages/s on CPU time of one process; wall {wall:.1f} s)")
    print(json.dumps({
        "aeb_all_precision": round(precision, 4),
        "aeb_all_recall": round(recall, 4),
        "aeb_all_f1": round(f1, 4),
        "aeb_pages": len(ids),
        "aeb_failed": failures,
        "aeb_pages_per_s": round(len(ids) / cpu, 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
