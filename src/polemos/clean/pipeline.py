"""``clean_text``: from badly scraped text to clean paragraphs with title, captions and removals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from polemos.model import Removal, Segment, SegmentKind

from .boilerplate import strong_match, trailing_match
from .captions import split_caption
from .lexicon import zipf
from .normalize import normalize, paragraphs_of
from .rejoin import join_lines

#: A title is at most this many words (and characters) long.
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 250
_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*$")
_OPENS_SENTENCE = re.compile(r"^[“‘\"'(\[]?[A-Z0-9]")


@dataclass(slots=True)
class CleanedText:
    """Clean text ready to store and parse, with its paragraph segments and what was removed."""

    text: str
    title: str | None = None
    segments: list[Segment] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)

    def paragraphs(self, kind: SegmentKind | None = None) -> list[str]:
        """The text of each segment, optionally only those of one ``kind``."""
        return [self.text[s.start : s.end] for s in self.segments if kind is None or s.kind == kind]


def _is_title(line: str) -> bool:
    """A headline: one short line without a final full stop."""
    words = line.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and len(line) <= TITLE_MAX_CHARS
        and not line.rstrip("”’\"')]").endswith((".", ":", ";", ","))
    )


def _split_single_spaced(lines: list[str]) -> list[list[str]]:
    """Paragraphs of a text without blank lines: a break after a sentence end (or a title) is a paragraph break."""
    out: list[list[str]] = [[lines[0]]]
    for i, line in enumerate(lines[1:], start=1):
        prev = lines[i - 1]
        ends = _SENTENCE_END.search(prev) is not None or (i == 1 and _is_title(prev) and _title_break(prev))
        if ends and _OPENS_SENTENCE.match(line):
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _title_break(line: str) -> bool:
    """Whether a line without final punctuation ends on a content word (so is not cut mid-phrase)."""
    last = re.sub(r"\W+$", "", line.split()[-1]) if line.split() else ""
    return bool(last) and zipf(last.lower()) < 6.0


def _split_title_line(blocks: list[list[str]]) -> list[list[str]]:
    """Give a headline fused onto the first paragraph by a single line break a paragraph of its own."""
    first = blocks[0]
    if len(first) > 1 and _is_title(first[0]) and _title_break(first[0]) and _OPENS_SENTENCE.match(first[1]):
        return [[first[0]], first[1:], *blocks[1:]]
    return blocks


def clean_text(raw: str) -> CleanedText:
    """Clean badly scraped article text.

    Normalises unicode (NFC) and whitespace, joins wrapped lines (rejoining broken words with a
    word-frequency list), drops promo/newsletter/follow-us boilerplate, splits fused photo
    captions and credits into caption paragraphs (pieces separated by "\\n"), and marks a
    headline first line as the title.  Paragraphs of ``text`` are separated by "\\n\\n".
    """
    removals: list[Removal] = []
    text = normalize(raw)
    if not text:
        return CleanedText(text="")
    blocks = paragraphs_of(text)
    if len(blocks) == 1 and len(blocks[0]) > 1:
        blocks = _split_single_spaced(blocks[0])
    blocks = _split_title_line(blocks)

    paragraphs: list[str] = []
    for lines in blocks:
        joined, rejoined = join_lines(lines)
        removals.extend(rejoined)
        paragraphs.append(joined)

    # Boilerplate: the trailing run first, then strong patterns anywhere.
    end = len(paragraphs)
    trailing: list[Removal] = []
    while end > 1:
        name = trailing_match(paragraphs[end - 1])
        if name is None:
            break
        trailing.append(Removal("boilerplate", paragraphs[end - 1], name))
        end -= 1
    kept: list[str] = []
    strong: list[Removal] = []
    for para in paragraphs[:end]:
        name = strong_match(para)
        if name is not None:
            strong.append(Removal("boilerplate", para, name))
        else:
            kept.append(para)
    if not kept:  # nothing but boilerplate-looking lines: keep them rather than return nothing
        kept, strong = paragraphs[:end], []
    removals.extend(strong)
    removals.extend(reversed(trailing))

    pieces: list[tuple[str, SegmentKind]] = []
    title: str | None = None
    for i, para in enumerate(kept):
        if i == 0 and len(kept) > 1 and _is_title(para):
            title = para
            pieces.append((para, "title"))
            continue
        caption = split_caption(para)
        if caption is not None:
            removals.append(Removal("caption_split", para, " | ".join(caption.pieces)))
            pieces.append(("\n".join(caption.pieces), "caption"))
        else:
            pieces.append((para, "body"))

    segments: list[Segment] = []
    offset = 0
    for para, kind in pieces:
        segments.append(Segment(offset, offset + len(para), kind))
        offset += len(para) + 2
    return CleanedText(
        text="\n\n".join(p for p, _ in pieces), title=title, segments=segments, removals=removals
    )
