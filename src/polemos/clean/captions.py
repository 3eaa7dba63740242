"""Splitting photo captions and credits that a scraper fused into the text.

Signals, all general: a lower-case letter glued to a capital inside a letter run that is no
known word ("SuleimaniSocial", "mediaOne"; but not "LinkedIn", "iPhone", "McDonald"), an
all-capitals run glued to a capitalised word ("AFPThe"), and agency photo credits
("REUTERS/ Name", "AP Photo/Name", "Name/Getty Images", a closing "Image: Name.").

A paragraph is a caption when it holds a credit, or when it opens with a short label glued to
what follows: two distinct glued runs near its start (one of them no word at all), or one such
run in a short paragraph.  Brand names written in camel case ("UpGuard", "eTranslate",
"EastMed") in ordinary prose are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import KNOWN_WORD_ZIPF, zipf

# A lower-case letter directly followed by a capital, or capitals followed by a capitalised word.
_GLUE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})")
_LETTERS = re.compile(r"[^\W\d_]+")
# Both halves of a glue must have at least this many letters ("e|Translate", "Up|Guard" do not).
_MIN_HALF = 3
# Glued runs that open a caption stand within this many words of the paragraph's start.
_NEAR_START_WORDS = 15
# A paragraph with a single glued run is a caption only when it is at most this long.
_SHORT_PARAGRAPH_WORDS = 40
# A caption label: at most this many words.
_LABEL_WORDS = 8
# ... and at most this many when a single glued run is the only sign.
_SINGLE_LABEL_WORDS = 5
_CLAUSE_MARKS = re.compile(r"[,;:“”\"]")

# May follow a lower-case letter directly (a fused credit) or stand after a word boundary.
_OPEN = r"(?:\b|(?<=[a-z]))"
# Agencies that open a credit ("REUTERS/ Name") and agencies that close one ("Name/Getty Images").
_LEAD_AGENCY = r"(?:REUTERS|AP Photo|AFP Photo|AFP|EPA-EFE|EPA|Getty Images|XINHUA|Xinhua|Anadolu Agency|SIPA)"
_TAIL_AGENCY = (r"(?:Reuters|REUTERS|AP Photo|AP|AFP via Getty Images|AFP|EPA-EFE|EPA|Getty Images|Xinhua|"
                r"Anadolu Agency|Shutterstock|Bloomberg|Sipa USA|UPI|Pool)")
# A name word stops at a glued capital ("RaoufShi’ite" -> "Raouf"), except after Mc/Mac/O’.
_NAME_WORD = r"(?:[A-Z]{2,}\b|(?:Mc|Mac|O’|O')?[A-Z][a-z’'.\-]*)"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}"
_LABEL = r"(?:Photo|Image|Picture|Photograph)s?(?: credit)?"
#: Agency photo credits: "REUTERS/ Mahmoud Raouf", "AP Photo/Hadi Mizban", "John Moore/Getty Images",
#: "(Photo: Reuters)", a closing "Image: Jane Doe (flickr)." and a bare "Getty Images".
CREDIT = re.compile(
    rf"{_OPEN}{_LEAD_AGENCY} ?/ ?{_NAME}"
    rf"|\b{_NAME}(?: ?/ ?| via ){_TAIL_AGENCY}\b"
    rf"|\({_LABEL} ?: [^()]{{1,80}}\)"
    rf"|{_OPEN}{_LABEL} ?: ?[^\n]{{1,100}}$"
    r"|\bGetty Images\b"
)


@dataclass(slots=True)
class CaptionSplit:
    """A paragraph found to be a caption, and its pieces in order."""

    pieces: list[str]


@dataclass(slots=True)
class _Glue:
    offset: int  # where the second word starts
    run: str  # the whole glued letter run
    strong: bool  # the run is no word at all (zero frequency)
    word_index: int  # index of the whitespace-separated word holding the glue


def _glues(text: str) -> list[_Glue]:
    """Places where two words are glued together in ``text``."""
    out: list[_Glue] = []
    for run in _LETTERS.finditer(text):
        word = run.group(0)
        cuts = [m.start() for m in _GLUE.finditer(word) if _MIN_HALF <= m.start() <= len(word) - _MIN_HALF]
        if not cuts:
            continue
        freq = zipf(word)
        if freq >= KNOWN_WORD_ZIPF:
            continue  # LinkedIn, iPhone, McDonald, YouTube ...
        index = len(text[: run.start()].split())
        out.extend(_Glue(run.start() + c, word, freq == 0.0, index) for c in cuts)
    return out


def _split_at(text: str, points: list[int]) -> list[str]:
    pieces: list[str] = []
    last = 0
    for p in sorted(points):
        pieces.append(text[last:p])
        last = p
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


def _looks_like_label(piece: str, max_words: int = _LABEL_WORDS) -> bool:
    """A caption label: a few words, no clause punctuation or quotation marks, no final full stop."""
    return (
        len(piece.split()) <= max_words
        and not _CLAUSE_MARKS.search(piece)
        and not piece.rstrip("’')").endswith((".", "!", "?"))
    )


def _glue_split(text: str) -> list[str] | None:
    """Pieces of ``text`` when it opens with a label glued to what follows, else None."""
    glues = [g for g in _glues(text) if g.word_index < _NEAR_START_WORDS]
    if not any(g.strong for g in glues):
        return None
    runs = {g.run for g in glues}
    if len(runs) < 2 and len(text.split()) > _SHORT_PARAGRAPH_WORDS:
        return None
    pieces = _split_at(text, [g.offset for g in glues])
    if len(runs) < 2 and len(pieces[-1].split()) < 3:
        return None  # "the movie UglyDolls": a name, not a label glued to a sentence
    max_words = _LABEL_WORDS if len(runs) >= 2 else _SINGLE_LABEL_WORDS
    if len(pieces) < 2 or not _looks_like_label(pieces[0], max_words):
        return None
    return pieces


def _split_credits(paragraph: str) -> list[tuple[str, bool]]:
    """The paragraph cut into (piece, is_credit) around agency credits."""
    out: list[tuple[str, bool]] = []
    last = 0
    for m in CREDIT.finditer(paragraph):
        out.append((paragraph[last : m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    out.append((paragraph[last:], False))
    return _merge_punctuation([(p.strip(), c) for p, c in out if p.strip()])


def _merge_punctuation(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Attach pieces made only of punctuation (a stray final ".") to the piece before them."""
    merged: list[tuple[str, bool]] = []
    for piece, is_credit in parts:
        if merged and not any(ch.isalnum() for ch in piece):
            merged[-1] = (merged[-1][0] + piece, merged[-1][1])
        else:
            merged.append((piece, is_credit))
    return merged


def split_caption(paragraph: str) -> CaptionSplit | None:
    """The caption pieces of ``paragraph`` when it is a fused caption or credit, else None."""
    parts = _split_credits(paragraph)
    if any(is_credit for _, is_credit in parts):
        pieces: list[str] = []
        for piece, is_credit in parts:
            glued = None if is_credit else _glue_split(piece)
            pieces.extend(glued or [piece])
        return CaptionSplit(pieces)
    glued = _glue_split(paragraph)
    return CaptionSplit(glued) if glued else None
