"""Dispatch each input to the reader for its format.

Readers are functions ``(path, options) -> Iterator[RawItem | Failure]``
registered by file suffix with :func:`register_reader`; a new format is a new
module plus one registration here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from polemos.ingest.csv_reader import read_csv
from polemos.ingest.feeds import read_feed
from polemos.ingest.html import read_html
from polemos.ingest.jsonl import FieldMap, read_jsonl
from polemos.ingest.plaintext import read_plaintext
from polemos.ingest.sources import STDIN, expand_paths
from polemos.ingest.url import read_url
from polemos.ingest.warc import read_warc
from polemos.model import Failure, RawItem


@dataclass(slots=True)
class ReadOptions:
    """What the user told us about the inputs."""

    date: str | None = None  # publication date for plain text
    source: str | None = None  # outlet name for plain text
    format: str = "auto"  # auto, text, jsonl, or a registered format name
    fields: FieldMap = field(default_factory=FieldMap)
    fetch_items: bool = True  # for feeds: fetch each item's page (over HTTP) rather than use its summary


Reader = Callable[[str, ReadOptions], Iterator[RawItem | Failure]]
_BY_SUFFIX: dict[str, Reader] = {}
_BY_NAME: dict[str, Reader] = {}


def register_reader(name: str, suffixes: Iterable[str], reader: Reader) -> None:
    """Make ``reader`` handle format ``name`` and files ending in ``suffixes``."""
    _BY_NAME[name] = reader
    for suffix in suffixes:
        _BY_SUFFIX[suffix.lower()] = reader


register_reader("text", [".txt", ".text"], lambda p, o: read_plaintext(p, o.date, o.source))
register_reader("jsonl", [".jsonl", ".jsonl.gz", ".ndjson"], lambda p, o: read_jsonl(p, o.fields, o.source))
register_reader("html", [".html", ".htm", ".html.gz", ".htm.gz"], lambda p, o: read_html(p, None, o.source, o.date))
register_reader("feed", [".rss", ".atom", ".rss.gz", ".atom.gz"], lambda p, o: read_feed(p, o.fetch_items, o.source))
register_reader("warc", [".warc", ".warc.gz"], lambda p, o: read_warc(p, o.source))
register_reader("csv", [".csv", ".tsv", ".csv.gz", ".tsv.gz"], lambda p, o: read_csv(p, o.fields, o.source))
register_reader("url", [], lambda p, o: read_url(p, o.fetch_items, o.source, o.date))


def reader_for(path: str, options: ReadOptions) -> Reader | None:
    """The reader for ``path``: the named format, else by suffix; stdin and unknown suffixes are text."""
    if options.format != "auto":
        return _BY_NAME.get(options.format)
    if path.startswith(("http://", "https://")):
        return _BY_NAME["url"]
    lowered = path.lower()
    for suffix in sorted(_BY_SUFFIX, key=len, reverse=True):
        if lowered.endswith(suffix):
            return _BY_SUFFIX[suffix]
    return _BY_NAME["text"] if path == STDIN or "." not in lowered.rsplit("/", 1)[-1] else None


def read_inputs(specs: Iterable[str], options: ReadOptions | None = None) -> Iterator[RawItem | Failure]:
    """Every raw item (or failure) of every input the user named, streamed."""
    options = options or ReadOptions()
    for path in expand_paths(specs, _BY_SUFFIX):
        if isinstance(path, Failure):
            yield path
            continue
        reader = reader_for(path, options)
        if reader is None:
            if options.format != "auto":
                yield Failure(path, f"unknown format '{options.format}' (known: {', '.join(sorted(_BY_NAME))})")
            else:
                yield Failure(path, f"unknown file type (known: {', '.join(sorted(_BY_SUFFIX))}); use --format")
            continue
        try:
            yield from reader(path, options)
        except Exception as exc:  # a reader bug must not end the batch
            yield Failure(path, f"reader failed: {type(exc).__name__}: {exc}")
