"""Pair quotation marks: typographic and straight doubles, multi-paragraph quotes, odd counts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
ANY_MARK = OPENERS + CLOSERS + STRAIGHT
# ", Ahmed Saleh said" inside an unclosed quote: the writer forgot the closing mark before it
_LOST_CLOSE = re.compile(
    r"[,?!]\s+(?:(?:[A-Z][\w.’'-]*\s+){1,4}|(?:he|she|they|we|I)\s+)"
    r"(?:said|says|told|added|asked|wrote|explained|insisted|continued)\b"
)


@dataclass(slots=True)
class Quoted:
    """A quoted stretch ``[start, end)`` including its marks; ``flags`` say what was repaired."""

    start: int
    end: int
    flags: list[str] = field(default_factory=list)


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight double quote opens when it follows a space, a bracket or the start of a line."""
    return i == 0 or text[i - 1] in " \t\n([{—–-/:"


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quoted(text: str) -> list[Quoted]:
    """Quoted stretches of ``text`` (outermost double marks), repaired and flagged when unbalanced.

    A paragraph that ends inside a quote and is followed by a paragraph reopening with a mark
    continues the quote (the news convention); any other open quote closes at its paragraph end.
    """
    original = text
    text = text.replace("''", '"\x01')  # two apostrophes as a double mark (some wire styles)
    out: list[Quoted] = []
    open_at: int | None = None
    open_flags: list[str] = []
    i, n = 0, len(text)
    line_start = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            lost = _LOST_CLOSE.search(text, open_at, i) if open_at is not None else None
            if open_at is not None and lost is not None:
                out.append(Quoted(open_at, lost.start() + 1, [*open_flags, "unbalanced_quote_marks"]))
                open_at, open_flags = None, []
            if open_at is not None:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and (text[j] in OPENERS or text[j] == STRAIGHT):
                    # multi-paragraph quote: skip the reopening mark, keep the quote open
                    if "multi_paragraph" not in open_flags:
                        open_flags.append("multi_paragraph")
                    i = j + 1
                    line_start = j
                    continue
                end = _trim_end(text, open_at, i)
                out.append(Quoted(open_at, end, [*open_flags, "unbalanced_quote_marks"]))
                open_at, open_flags = None, []
            line_start = i + 1
            i += 1
            continue
        misused = (
            ch in CLOSERS
            and open_at is None
            and _is_opening_straight(text, i)
            and text[i + 1 : i + 2].isalnum()
        )
        if ch in OPENERS or misused or (ch == STRAIGHT and open_at is None and _is_opening_straight(text, i)):
            if open_at is not None:
                # a second opener: the first one was never closed; close it just before this one
                end = _trim_end(text, open_at, i)
                out.append(Quoted(open_at, end, [*open_flags, "unbalanced_quote_marks"]))
            open_at, open_flags = i, []
        elif ch in CLOSERS or ch == STRAIGHT:
            if open_at is not None:
                out.append(Quoted(open_at, i + 1, open_flags))
                open_at, open_flags = None, []
            else:
                # a closer without opener: assume the quote ran from its paragraph start
                start = line_start
                while start < i and text[start].isspace():
                    start += 1
                if not out or out[-1].end <= start:
                    out.append(Quoted(start, i + 1, ["unbalanced_quote_marks"]))
        i += 1
    if open_at is not None:
        out.append(Quoted(open_at, _trim_end(text, open_at, n), [*open_flags, "unbalanced_quote_marks"]))
    for q in out:
        if original[q.end - 1 : q.end + 1] == "''":
            q.end += 1
    return [q for q in out if q.end - q.start > 2]


def has_mark(text: str) -> bool:
    """Whether ``text`` holds a double quotation mark (or two apostrophes used as one)."""
    return any(c in ANY_MARK for c in text) or "''" in text
