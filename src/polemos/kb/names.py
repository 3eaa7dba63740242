"""Name normalisation shared by the knowledge base, its seed builder and the actor extractor."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s-]")
_ARTICLE = re.compile(r"\b(?:al|el|as|ash|ad|an|ar|at|az|ul)-")
_GENERIC = frozenset({"the", "of", "and", "for", "in", "on", "mr", "mrs", "ms"})

PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "la", "le"})


def normalise_name(name: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name, used as a lookup key."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("_", " ").lower()
    text = re.sub(r"'s\b", "", text)
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def loose_key(norm: str) -> str:
    """A looser key of a normalised name: Arabic article variants unified, hyphens, plural -s and
    function words dropped ("iran revolutionary guards corp" ~ "iranian revolutionary guard corps"
    still differs only by the country token, which callers handle)."""
    text = _ARTICLE.sub("al ", norm).replace("-", " ")
    out = []
    for tok in text.split():
        if tok in _GENERIC:
            continue
        if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        out.append(tok)
    return " ".join(out)


def display_name(raw: str) -> str:
    """A readable form of an upper-case dictionary name: ``BASHAR_AL-ASSAD`` -> ``Bashar al-Assad``."""
    words = raw.replace("_", " ").split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if len(words) == 1 and len(word) <= 5 and word.isupper() and word.isalpha():
            out.append(word)
        elif "." in word and len(word) <= 6:
            out.append(word.upper())
        elif (
            word.isupper()
            and lower not in _GENERIC | PARTICLES
            and (len(word) <= 2 or (len(word) <= 4 and not set(lower) & set("aeiou")))
        ):
            out.append(word)  # US, UK, NBC
        elif i > 0 and lower in _GENERIC | PARTICLES:
            out.append(lower)
        else:
            parts = [
                p[:1].upper() + p[1:].lower() if p.lower() not in ("al", "el") else p.lower()
                for p in word.split("-")
            ]
            if i == 0 and parts:
                parts[0] = parts[0][:1].upper() + parts[0][1:]
            out.append("-".join(parts))
    return " ".join(out)


def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short`` (e.g. "IRGC") spells the initials of ``long``'s main words."""
    letters = short.replace(".", "").upper()
    if len(letters) < 2 or not letters.isalpha():
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w and w.lower() not in _GENERIC]
    initials = "".join(w[0].upper() for w in words if w[0].isalpha())
    if initials == letters:
        return True
    # allow a leading country word to be dropped or kept ("Iran Revolutionary Guards Corp" -> IRGC)
    return len(initials) > len(letters) and initials.endswith(letters) and len(initials) - len(letters) == 1
