"""Where the embedded demo corpus lives."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_corpus_path() -> Path:
    """The demo corpus shipped with polemos (``examples/articles.jsonl`` in a checkout)."""
    packaged = resources.files("polemos") / "data" / "demo_articles.jsonl"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"
