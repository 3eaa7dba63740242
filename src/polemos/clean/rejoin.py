"""Joining the wrapped lines of a paragraph, rejoining words broken across a line break.

A line break inside a paragraph is a wrap and becomes a space, unless joining the last word
of one line with the first letters of the next makes a known English word where one of the
two pieces is no word at all ("a" + "ccused" -> "accused").  Hyphenated breaks drop their
hyphen only when the unhyphenated word is known ("accu-" + "sed" -> "accused"; "Iran-" +
"backed" stays "Iran-backed").  Words are judged with a general word-frequency list, never
with the document's own vocabulary.
"""

from __future__ import annotations

import re

from polemos.model import Removal

from .lexicon import KNOWN_WORD_ZIPF, NON_WORD_ZIPF, zipf

_TAIL = re.compile(r"(?:^|(?<=[\s(\[“‘\"']))([^\W\d_]+)(-?)$")
_HEAD = re.compile(r"^([^\W\d_]+)")


def _break_kind(left: str, right: str) -> str | None:
    """How to join ``left`` (end of a line) and ``right`` (start of the next): "join", "hyphen" or None."""
    tail = _TAIL.search(left)
    head = _HEAD.match(right)
    if tail is None or head is None:
        return None
    lpart, hyphen = tail.group(1), tail.group(2)
    rpart = head.group(1)
    if not rpart[0].islower():
        return None
    joined = lpart + rpart
    if hyphen:
        # Soft line-end hyphenation: drop the hyphen only when the whole word is known and
        # the first piece is no word on its own (keeps "well-known", "Iran-backed").
        if zipf(joined) >= KNOWN_WORD_ZIPF and zipf(lpart) < KNOWN_WORD_ZIPF:
            return "join"
        return "hyphen"
    if zipf(joined) >= KNOWN_WORD_ZIPF and min(zipf(lpart), zipf(rpart)) < NON_WORD_ZIPF:
        return "join"
    return None


def join_lines(lines: list[str]) -> tuple[str, list[Removal]]:
    """Join the lines of one paragraph into a single line; return it and the rejoined words."""
    removals: list[Removal] = []
    out = ""
    for line in lines:
        if not line:
            continue
        if not out:
            out = line
            continue
        kind = _break_kind(out, line)
        if kind == "join":
            tail = _TAIL.search(out)
            head = _HEAD.match(line)
            assert tail is not None and head is not None
            piece = tail.group(1)
            broken = f"{tail.group(0)}\n{head.group(1)}"
            fixed = piece + head.group(1)
            removals.append(Removal("rejoined_word", broken, fixed))
            out = out[: tail.start()] + piece + line
        elif kind == "hyphen":
            out = out + line
        else:
            out = f"{out} {line}"
    return out, removals
