"""Where the embedded demo corpus lives, and a demo store built from it by the real pipeline."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_corpus_path() -> Path:
    """The demo corpus shipped with polemos (``examples/articles.jsonl`` in a checkout)."""
    packaged = resources.files("polemos") / "data" / "demo_articles.jsonl"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"


def build_demo_store(path: str | Path) -> Path:
    """Run the real pipeline over the demo corpus into a fresh store at ``path``; returns the path.

    Refuses to touch an existing file, so a demo build never mixes with (or overwrites) another store.
    """
    from polemos.config import load_settings
    from polemos.ingest import read_inputs
    from polemos.pipeline import Pipeline
    from polemos.store import Store

    db = Path(path)
    if db.exists():
        raise FileExistsError(f"{db}: a demo store is built into a new file; this one already exists")
    db.parent.mkdir(parents=True, exist_ok=True)
    with Store(db) as store:
        Pipeline(store, load_settings()).run(read_inputs([str(demo_corpus_path())]))
    return db
