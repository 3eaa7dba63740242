"""Read WARC / WARC.gz archives (e.g. Common Crawl CC-NEWS) with fastwarc, streaming.

Only HTTP ``response`` records whose payload is HTML are read; each becomes one article via
the HTML extractor.  Records are read one at a time, so memory stays flat on large archives.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from polemos.ingest.html import MAX_HTML_BYTES, extract_html
from polemos.model import Failure, RawItem

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _GzipGuard:
    """A gzip stream that ends (instead of raising) where the data is broken, and remembers why.

    fastwarc reads ahead; ending cleanly lets it hand over every record before the break.
    """

    def __init__(self, path: str) -> None:
        self._inner = gzip.open(path, "rb")  # noqa: SIM115 - closed by close()
        self.error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            return self._inner.read1(size)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            self.error = exc
            return b""

    def tell(self) -> int:
        return self._inner.tell()

    def close(self) -> None:
        self._inner.close()


def _header(headers: object, name: str) -> str | None:
    try:
        value = headers.get(name)  # type: ignore[attr-defined]
    except Exception:
        return None
    return str(value) if value else None


def read_warc(path: str, source: str | None = None, max_bytes: int = MAX_HTML_BYTES) -> Iterator[RawItem | Failure]:
    """Each HTML response record of the WARC at ``path`` as a RawItem (or a Failure naming the record).

    A broken or truncated archive ends with a Failure saying where reading stopped; the records
    read before it are kept.
    """
    try:
        # Python's gzip reader raises on a truncated member, where a silent stop would hide it.
        stream: BinaryIO | _GzipGuard = _GzipGuard(path) if path.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")
        return
    n = 0
    seen_any = False
    try:
        records = ArchiveIterator(
            stream,
            record_types=WarcRecordType.response,
            parse_http=True,
            max_content_length=max_bytes,
            fsspec_args=False,
        )
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
                yield Failure(path, f"broken gzip after {n} records ({exc}); the rest is skipped")
                return
            except Exception as exc:  # fastwarc raises OSError (and others) on corrupt input
                yield Failure(path, f"broken WARC after {n} records ({exc}); the rest is skipped")
                return
            seen_any = True
            n += 1
            uri = _header(record.headers, "WARC-Target-URI")
            item = f"{path}#{n}" + (f" {uri}" if uri else "")
            try:
                content_type = (record.http_content_type or "").lower()
                status = record.http_headers.status_code if record.http_headers is not None else None
                if content_type and not content_type.startswith(_HTML_TYPES):
                    continue  # images, PDFs, JSON ...: not an article page
                if status is not None and status != 200:
                    continue  # redirects and errors carry no article
                payload = record.reader.read()
                if record.content_length is not None and len(payload) < record.content_length:
                    yield Failure(item, f"truncated WARC record ({len(payload)} of {record.content_length} bytes)")
                    continue
            except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
                yield Failure(item, f"broken gzip inside the record ({exc}); the rest is skipped")
                return
            except Exception as exc:
                yield Failure(item, f"broken WARC record ({type(exc).__name__}: {exc})")
                continue
            warc_date = _header(record.headers, "WARC-Date")
            got = extract_html(payload, origin=item, url=uri, source=source, date=warc_date[:10] if warc_date else None)
            if isinstance(got, RawItem):
                got.id = _header(record.headers, "WARC-Record-ID")
            yield got
    finally:
        stream.close()
    if isinstance(stream, _GzipGuard) and stream.error is not None:
        yield Failure(path, f"broken gzip after {n} records ({stream.error}); the rest is skipped")
        return
    if not seen_any:
        # An archive with no response records at all: say so rather than stay silent.
        yield Failure(path, "no HTTP response records found (not a WARC file, or an empty one)")
