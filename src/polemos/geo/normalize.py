"""Name keys: the one normal form used to index and to look up place names."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`\u00b4\"]")
_DOTS = re.compile(r"\.")
_SEPS = re.compile(r"[\s\-\u2010-\u2015_,/()]+")
_ARTICLE = re.compile(r"^(?:al|el|ad|an|as|ar|at|az|ash|the)\s+")


def name_key(text: str) -> str:
    """Lower-case, accent-free, quote-free form of a name ("Al-'Alam" -> "al alam")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTES.sub("", text.lower())
    text = _DOTS.sub("", text)
    return _SEPS.sub(" ", text).strip()


def key_variants(key: str) -> list[str]:
    """Extra keys a name is also indexed under (without a leading article, "st" for "saint")."""
    out: list[str] = []
    bare = _ARTICLE.sub("", key)
    if bare != key and len(bare) > 2:
        out.append(bare)
    if key.startswith("saint "):
        out.append("st " + key[6:])
    elif key.startswith("st "):
        out.append("saint " + key[3:])
    return out


def is_latin(key: str) -> bool:
    """True when a key is plain ASCII letters, digits and spaces (the English-usable names)."""
    return bool(key) and key.isascii()
