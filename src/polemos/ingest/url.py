"""Read an http(s) URL: a feed yields its items, an HTML page its article."""

from __future__ import annotations

from collections.abc import Iterator

from polemos.ingest.feeds import parse_feed
from polemos.ingest.fetch import FetchError, FetchSettings, fetch
from polemos.ingest.html import extract_html
from polemos.model import Failure, RawItem

_FEED_TYPES = ("rss", "atom", "xml")


def looks_like_feed(data: bytes, content_type: str) -> bool:
    """Whether fetched bytes are a feed (by content type, else by the first element)."""
    if any(t in content_type.lower() for t in _FEED_TYPES):
        return True
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def read_url(
    url: str,
    fetch_items: bool = True,
    source: str | None = None,
    date: str | None = None,
    settings: FetchSettings | None = None,
) -> Iterator[RawItem | Failure]:
    """The article at ``url``, or the items of the feed at ``url`` (their pages fetched when ``fetch_items``)."""
    try:
        page = fetch(url, settings)
    except FetchError as exc:
        yield Failure(url, exc.reason)
        return
    if looks_like_feed(page.data, page.content_type):
        yield from parse_feed(page.data, url, fetch_items=fetch_items, source=source, settings=settings)
    else:
        yield extract_html(page.data, origin=url, url=page.url, source=source, date=date)
