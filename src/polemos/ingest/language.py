"""Identify an article's language with py3langid (normalised probabilities)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Code returned when the language cannot be told (no letters, too little text).
UNDETERMINED = "und"
#: Only this many characters are looked at; the opening of an article is enough.
MAX_CHARS = 5000
#: Texts with fewer letters than this are too short to tell.
MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of ``text``'s language and the model's confidence (0-1).

    Returns ``("und", 0.0)`` for text with (almost) no letters.
    """
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    code, prob = _identifier().classify(sample)
    return str(code), float(prob)


def is_english(text: str, min_confidence: float = 0.5) -> bool:
    """Whether ``text`` is English; low-confidence guesses on short text count as English."""
    code, prob = detect_language(text)
    return code in ("en", UNDETERMINED) or prob < min_confidence
