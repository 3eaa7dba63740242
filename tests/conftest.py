"""Shared fixtures: the spaCy model (loaded once), paths to ../shared, small stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_eadca0aa34e5fdc0.txt"
SEED_GOLD = SHARED / "gold" / "seed-000.json"
DEMO = ROOT / "examples" / "articles.jsonl"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared (seed and gold data) is not present")


@pytest.fixture(scope="session")
def settings():
    from polemos.config import load_settings

    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from polemos.nlp.model_loader import load_model

    return load_model(settings.spacy_model)
