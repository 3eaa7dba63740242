"""Word-frequency look-ups (wordfreq) used to judge whether a string is a known English word."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

#: Zipf frequency at or above which a string counts as a known word.
KNOWN_WORD_ZIPF = 2.5
#: Zipf frequency below which a string counts as no word at all.
NON_WORD_ZIPF = 1.5


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency (0-8) of ``word`` in general English; 0.0 for unknown strings."""
    if not word:
        return 0.0
    return float(zipf_frequency(word, "en"))


def is_known(word: str, threshold: float = KNOWN_WORD_ZIPF) -> bool:
    """Whether ``word`` is a reasonably common English word or name."""
    return zipf(word) >= threshold
