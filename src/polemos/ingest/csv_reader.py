"""Read CSV / TSV tables: one row per article, columns named by a field mapping."""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zlib
from collections.abc import Iterator

from polemos.ingest.jsonl import FieldMap
from polemos.model import Failure, RawItem

# Article bodies can be far longer than the csv module's default 128 KB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _open_text(path: str) -> io.TextIOBase:
    if path.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the caller


def _dialect(path: str, sample: str) -> type[csv.Dialect] | csv.Dialect:
    if ".tsv" in path.lower():
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_csv(path: str, fields: FieldMap | None = None, source: str | None = None) -> Iterator[RawItem | Failure]:
    """Each row of ``path`` (``.csv``, ``.tsv``, optionally ``.gz``) as a RawItem, or a Failure naming the row.

    The first row is the header; ``fields`` says which columns hold text, title, id, url, date
    and source (defaults: ``text``, ``title``, ``id``, ``url``, ``published``/``date``, ``source``).
    """
    fields = fields or FieldMap()
    try:
        fh = _open_text(path)
        sample = fh.read(64 * 1024)
        fh.seek(0)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        yield Failure(path, f"cannot read: {exc}")
        return
    with fh:
        reader = csv.DictReader(fh, dialect=_dialect(path, sample))
        try:
            header = reader.fieldnames
        except (csv.Error, UnicodeDecodeError, OSError, EOFError, zlib.error) as exc:
            yield Failure(path, f"unreadable header: {exc}")
            return
        if not header or fields.text not in header:
            yield Failure(path, f"no '{fields.text}' column (columns: {', '.join(header or [])}); use --text-field")
            return
        while True:
            first_line = reader.line_num + 1  # where the next row starts (a row may span lines)
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError, OSError, EOFError, zlib.error) as exc:
                yield Failure(f"{path}:{first_line}", f"unreadable row ({exc}); the rest of the file is skipped")
                return
            item = f"{path}:{first_line}"
            text = row.get(fields.text)
            if not isinstance(text, str) or not text.strip():
                yield Failure(item, f"empty '{fields.text}' column")
                continue

            def cell(name: str, row: dict[str, str | None] = row) -> str | None:
                value = row.get(name)
                return value.strip() if isinstance(value, str) and value.strip() else None

            date = next((cell(d) for d in fields.date if cell(d)), None)
            yield RawItem(
                origin=item,
                text=text,
                id=cell(fields.id),
                title=cell(fields.title),
                url=cell(fields.url),
                source=cell(fields.source) or source,
                published=date[:10] if date else None,
                format="text",
            )
