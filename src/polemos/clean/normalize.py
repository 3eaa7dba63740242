"""Unicode and whitespace normalisation, and splitting raw text into paragraphs of lines."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that scrapers leave behind: zero-width spaces and joiners, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters other than tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Horizontal whitespace of any kind (tabs, no-break and typographic spaces).
_HSPACE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{2,}")


def normalize(raw: str) -> str:
    """NFC, unified line endings, invisible characters removed, runs of spaces collapsed, lines trimmed.

    Typographic quotes, dashes and apostrophes are kept as they are.
    """
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def paragraphs_of(text: str) -> list[list[str]]:
    """Split normalised text into paragraphs (blank-line separated), each a list of its lines."""
    return [block.split("\n") for block in _BLANK_LINES.split(text) if block.strip()]
