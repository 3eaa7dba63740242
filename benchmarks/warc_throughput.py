"""WARC reading speed and memory: records/s of the streaming reader, with and without extraction.

Builds a WARC.gz in a temporary folder from the article-extraction-benchmark pages (each page
repeated ``--repeat`` times, one gzip member per record, as Common Crawl writes them), then
times (1) iterating the response records and reading their payloads, and (2) ``read_warc`` with
HTML extraction.  Ends with one line of flat JSON.

    .venv/bin/python benchmarks/warc_throughput.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from polemos.ingest.warc import _GzipGuard, read_warc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"


def record(uri: str, body: bytes) -> bytes:
    """One WARC response record holding an HTTP 200 HTML response."""
    http_part = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                 + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + uri.encode() + b">\r\n"
            b"WARC-Date: 2020-01-05T10:00:00Z\r\nWARC-Target-URI: " + uri.encode() + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(http_part)).encode() + b"\r\n\r\n")
    return head + http_part + b"\r\n\r\n"


def main(argv: list[str] | None = None) -> int:
    """Build the archive, time both passes, print a table and the JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--extract-limit", type=int, default=362, help="records to extract in pass 2")
    args = ap.parse_args(argv)
    pages = sorted((args.data / "html").glob("*.html.gz"))
    if not pages:
        print(f"benchmark data not found at {args.data}", file=sys.stderr)
        return 2
    bodies = [gzip.decompress(p.read_bytes()) for p in pages]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        with path.open("wb") as out:
            for r in range(args.repeat):
                for i, body in enumerate(bodies):
                    out.write(gzip.compress(record(f"http://bench.example/{r}/{i}", body), compresslevel=6))
        size_mb = path.stat().st_size / 1e6

        start = time.perf_counter()
        n = 0
        payload_mb = 0.0
        stream = _GzipGuard(str(path))
        for rec in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False):
            payload_mb += len(rec.reader.read()) / 1e6
            n += 1
        stream.close()
        iterate_s = time.perf_counter() - start

        start = time.perf_counter()
        extracted = 0
        for _item in read_warc(str(path)):
            extracted += 1
            if extracted >= args.extract_limit:
                break
        extract_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"archive: {n} records, {size_mb:.1f} MB gzip, {payload_mb:.1f} MB HTML")
    print(f"{'pass':<22} {'records':>8} {'seconds':>8} {'records/s':>10}")
    print(f"{'iterate + read':<22} {n:>8} {iterate_s:>8.2f} {n / iterate_s:>10.0f}")
    print(f"{'read_warc + extract':<22} {extracted:>8} {extract_s:>8.2f} {extracted / extract_s:>10.1f}")
    print(f"peak RSS {peak_mb:.0f} MB")
    print(json.dumps({
        "warc_records": n,
        "warc_iterate_records_per_s": round(n / iterate_s),
        "warc_iterate_mb_per_s": round(payload_mb / iterate_s, 1),
        "warc_extract_records_per_s": round(extracted / extract_s, 1),
        "warc_peak_rss_mb": round(peak_mb),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
