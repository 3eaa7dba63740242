"""Read RSS / Atom feeds (files or URLs) with feedparser; optionally fetch each item's page."""

from __future__ import annotations

import gzip
import re
import time
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser

from polemos.ingest.fetch import FetchError, FetchSettings, fetch, is_url
from polemos.ingest.html import extract_html
from polemos.model import Failure, RawItem

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_SKIP_TAGS = {"script", "style", "noscript", "template"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAKS = re.compile(r"\s*\n\s*(?:\n\s*)*")


class _TextOfFragment(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed summary), block elements as paragraphs."""
    if "<" not in html:
        return _SPACES.sub(" ", html).strip()
    parser = _TextOfFragment()
    parser.feed(html)
    parser.close()
    text = _SPACES.sub(" ", "".join(parts for parts in parser.parts))
    return _BREAKS.sub("\n\n", text).strip()


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and value.strip():
            return fragment_text(value)
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def parse_feed(
    data: bytes,
    origin: str,
    fetch_items: bool = False,
    source: str | None = None,
    settings: FetchSettings | None = None,
) -> Iterator[RawItem | Failure]:
    """The items of the feed in ``data``; with ``fetch_items`` each item's page is fetched and extracted."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            yield Failure(origin, f"not an RSS/Atom feed (not well-formed XML: {exc})")
        elif not parsed.get("version"):
            yield Failure(origin, "not an RSS/Atom feed (no feed element found)")
        return
    feed_source = source or parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        item = f"{origin}#{n}"
        published = _date(entry)
        if fetch_items and link and is_url(link):
            try:
                page = fetch(link, settings)
            except FetchError as exc:
                yield Failure(link, f"feed item {n}: {exc.reason}")
                continue
            got = extract_html(page.data, origin=link, url=page.url, source=feed_source, date=published)
            if isinstance(got, RawItem):
                got.id = entry.get("id") or link
                got.title = got.title or entry.get("title")
                got.published = got.published or published
            yield got
            continue
        text = _entry_text(entry)
        if not text:
            yield Failure(item, "feed item has no text (fetch its page to read it)")
            continue
        yield RawItem(
            origin=item,
            text=text,
            id=entry.get("id") or link,
            title=entry.get("title"),
            url=link,
            source=feed_source,
            published=published,
            format="text",
        )


def read_feed(
    path_or_url: str,
    fetch_items: bool = False,
    source: str | None = None,
    settings: FetchSettings | None = None,
) -> Iterator[RawItem | Failure]:
    """Each item of the RSS/Atom feed at ``path_or_url`` (a file, ``.gz`` too, or an http(s) URL).

    Items carry their summary or content text; with ``fetch_items`` the linked page is fetched
    (timeouts, retries, size limit) and its main text extracted.  Never raises: a feed that
    cannot be fetched or is not a feed, and each item that fails, is a Failure.
    """
    try:
        if is_url(path_or_url):
            data = fetch(path_or_url, settings).data
        else:
            raw = Path(path_or_url).read_bytes()
            data = gzip.decompress(raw) if path_or_url.lower().endswith(".gz") else raw
    except FetchError as exc:
        yield Failure(path_or_url, exc.reason)
        return
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Failure(path_or_url, f"broken gzip ({exc or 'truncated'})")
        return
    except OSError as exc:
        yield Failure(path_or_url, f"cannot read: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Failure(path_or_url, "empty feed")
        return
    yield from parse_feed(data, path_or_url, fetch_items=fetch_items, source=source, settings=settings)
