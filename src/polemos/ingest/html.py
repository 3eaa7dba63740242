"""Read HTML pages: main text and metadata (title, author, date, site name) with trafilatura."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from polemos.model import Failure, RawItem

#: Pages larger than this are refused (no news article needs more).
MAX_HTML_BYTES = 20 * 1024 * 1024
#: A main text shorter than this many words is page furniture, not an article.
MIN_WORDS = 10
_NEWLINES = re.compile(r"\n+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def extract_html(
    data: bytes | str,
    origin: str,
    url: str | None = None,
    source: str | None = None,
    date: str | None = None,
) -> RawItem | Failure:
    """The article in one HTML page as a RawItem, or a Failure saying why there is none.

    Uses trafilatura with ``favor_precision`` and no comments; paragraphs of the main text are
    separated by blank lines.  ``url``, ``source`` and ``date`` fill in what the page lacks
    (the page's canonical URL, site name and date win when present, except ``url`` when given).
    """
    if not data or not (data.strip() if isinstance(data, bytes) else data.strip()):
        return Failure(origin, "empty HTML page")
    if len(data) > MAX_HTML_BYTES:
        return Failure(origin, f"HTML page too large ({len(data) / 1e6:.1f} MB, limit {MAX_HTML_BYTES / 1e6:.0f} MB)")
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
        )
    except Exception as exc:  # trafilatura/lxml errors on hostile markup must not end a batch
        return Failure(origin, f"HTML extraction failed: {type(exc).__name__}: {exc}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        found = f" (only {len(text.split())} words)" if text and text.strip() else ""
        return Failure(origin, f"HTML page has no main text (no article body found{found})")
    title = getattr(doc, "title", None) or None
    paragraphs = [p.strip() for p in _NEWLINES.split(text.strip()) if p.strip()]
    if title and len(paragraphs) > 1 and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the headline is kept in ``title``, not repeated in the body
    published = getattr(doc, "date", None) or date
    if published and not _ISO_DATE.match(published):
        published = date
    return RawItem(
        origin=origin,
        text="\n\n".join(paragraphs),
        id=None,
        title=title,
        url=url or getattr(doc, "url", None) or None,
        source=getattr(doc, "sitename", None) or source,
        published=published[:10] if published else None,
        format="text",
        language=getattr(doc, "language", None) or None,
        author=getattr(doc, "author", None) or None,
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def read_html_bytes(path: str) -> bytes:
    """The bytes of an ``.html`` / ``.htm`` file, gunzipped for ``.gz``; raises OSError/EOFError/zlib.error."""
    raw = Path(path).read_bytes()
    return gzip.decompress(raw) if path.lower().endswith(".gz") else raw


def read_html(
    path: str, url: str | None = None, source: str | None = None, date: str | None = None
) -> Iterator[RawItem | Failure]:
    """One RawItem for the HTML page at ``path`` (``.html``, ``.htm``, optionally ``.gz``), or a Failure."""
    try:
        data = read_html_bytes(path)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Failure(path, f"broken gzip ({exc or 'truncated'}); the page cannot be read")
        return
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc.strerror or exc}")
        return
    item = extract_html(data, origin=path, url=url, source=source, date=date)
    if isinstance(item, RawItem) and item.id is None:
        item.id = Path(path).name.split(".")[0]
    yield item
