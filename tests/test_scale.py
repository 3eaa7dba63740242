"""The scale-out path: workers parse (and find places and dates), the driver resolves and writes.

The driver/worker split is tested in process (``LocalExecutor``, a plain map, no Ray needed); the
same split on Ray runs when Ray is installed (``make ray``) and is skipped otherwise.  Each test
checks that the split stores exactly what the normal pipeline stores.
"""

from __future__ import annotations

import pickle

import pytest
from typer.testing import CliRunner

from polemos.cli.app import app
from polemos.ingest import read_inputs
from polemos.model import Failure, RawItem
from polemos.pipeline import Pipeline
from polemos.scale import LocalExecutor, WorkResult, ray_available, remote_parse
from polemos.scale.fingerprint import store_fingerprint
from polemos.store import Store
from tests.conftest import DEMO

runner = CliRunner()


def _items(n: int | None = None) -> list[RawItem | Failure]:
    """Demo articles, an exact copy of the first (skipped), a near-copy of the second (linked), a bad item."""
    items = [i for i in read_inputs([str(DEMO)]) if isinstance(i, RawItem)][:n]
    first, second = items[0], items[1]
    copy = RawItem(origin="copy-of-first", text=first.text, id="copy-of-first", published=first.published)
    near = RawItem(origin="near-copy", text=second.text + "\n\nThis story first ran on another wire.",
                   id="near-copy", source="Other Outlet", published=second.published)
    return [*items, copy, near, Failure("broken.jsonl:3", "not JSON", "read")]


def _summary(s) -> dict:
    return {k: getattr(s, k) for k in ("read", "stored", "skipped_existing", "duplicates", "non_english",
                                       "failed", "events", "quotes", "mentions", "places", "tokens")}


def _normal(path, settings, items):
    with Store(path) as store:
        summary = Pipeline(store, settings).run(items)
        return summary, store_fingerprint(store.conn)


def _split(path, settings, items, batch_size=4):
    with Store(path) as store:
        pipeline = Pipeline(store, settings)
        executor = LocalExecutor(settings.spacy_model, batch_size)
        summary = pipeline.run(items, work=remote_parse(executor, pipeline.nlp.vocab, batch_size))
        return summary, store_fingerprint(store.conn)


@pytest.fixture(scope="module")
def normal_run(tmp_path_factory, settings):
    return _normal(tmp_path_factory.mktemp("normal") / "n.db", settings, _items())


def test_split_stores_what_the_normal_run_stores(normal_run, tmp_path, settings):
    summary, fingerprint = normal_run
    split_summary, split_fingerprint = _split(tmp_path / "s.db", settings, _items())
    assert _summary(split_summary) == _summary(summary)
    assert summary.stored >= 31 and summary.skipped_existing == 1 and summary.failed == 1
    near = [r for r in fingerprint["articles"] if r[0] == "near-copy"]
    assert summary.duplicates == 1 and len(near) == 1 and near[0][11] == fingerprint["articles"][1][0]  # duplicate_of
    assert fingerprint["events"] and fingerprint["quotes"] and fingerprint["places"] and fingerprint["merges"]
    for table in fingerprint:
        assert split_fingerprint[table] == fingerprint[table], table


def test_split_rerun_skips_stored_content(tmp_path, settings):
    items = _items(5)
    path = tmp_path / "r.db"
    _split(path, settings, items)
    again, fingerprint = _split(path, settings, items)
    assert again.stored == 0 and again.skipped_existing == 7 and again.failed == 1
    assert len(fingerprint["articles"]) == 6 and len(fingerprint["failures"]) == 2  # the bad item, twice


def test_grounding_failure_is_recorded_as_in_the_normal_run(tmp_path, settings, monkeypatch):
    import polemos.extract.article as article_module

    real = article_module.extract_places
    victim = _items(4)[1]

    def flaky(parsed, gazetteer):
        if parsed.article.id == victim.id:
            raise RuntimeError("gazetteer offline")
        return real(parsed, gazetteer)

    monkeypatch.setattr(article_module, "extract_places", flaky)
    items = _items(4)
    normal, normal_fp = _normal(tmp_path / "n.db", settings, items)
    split, split_fp = _split(tmp_path / "s.db", settings, items, batch_size=2)
    reasons = [f.reason for f in split.failures]
    assert "extraction failed: RuntimeError: gazetteer offline" in reasons
    # the same failures; their order follows how far each parse stage reads ahead (its batch size)
    assert sorted(reasons) == sorted(f.reason for f in normal.failures)
    assert _summary(split) == _summary(normal) and split_fp == normal_fp


def test_worker_results_travel_as_bytes(settings, nlp):
    """What a worker sends back survives pickling (as Ray ships it) with the parse intact."""
    from spacy.tokens import Doc

    from polemos.nlp.parse import parse_one
    from polemos.pipeline import prepare_article

    article = prepare_article(next(i for i in read_inputs([str(DEMO)]) if isinstance(i, RawItem)))
    worker = LocalExecutor(settings.spacy_model).worker
    (result,) = pickle.loads(pickle.dumps(worker.process([article])))
    assert isinstance(result, WorkResult) and result.error is None and result.grounding is not None
    doc, here = Doc(nlp.vocab).from_bytes(result.doc), parse_one(article, settings.spacy_model).doc
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc] == [
        (t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in here
    ]
    assert [s.start for s in doc.sents] == [s.start for s in here.sents]
    assert result.grounding.places and all(p.evidence.article_id == article.id for p in result.grounding.places)


def test_ray_without_ray_installed_says_how_to_install(tmp_path, monkeypatch):
    import polemos.scale.executors as executors

    monkeypatch.setattr(executors, "ray_available", lambda: False)
    r = runner.invoke(app, ["ingest", str(DEMO), "--db", str(tmp_path / "x.db"), "--ray", "-q"])
    assert r.exit_code == 2, r.output
    assert "needs Ray" in r.output and "make ray" in r.output and "polemos[ray]" in r.output
    assert "Traceback" not in r.output and not (tmp_path / "x.db").exists()


def test_ray_options_need_ray(tmp_path):
    r = runner.invoke(app, ["ingest", str(DEMO), "--db", str(tmp_path / "x.db"), "--workers", "2", "-q"])
    assert r.exit_code == 2 and "go with --ray" in r.output


@pytest.mark.skipif(not ray_available(), reason="Ray is not installed (optional: make ray)")
def test_ray_run_stores_what_the_normal_run_stores(tmp_path):
    import ray

    jsonl = tmp_path / "in.jsonl"
    lines = DEMO.read_text(encoding="utf-8").splitlines()[:6]
    jsonl.write_text("\n".join([*lines, lines[0], "not json"]) + "\n", encoding="utf-8")  # a copy, a bad line
    normal = runner.invoke(app, ["ingest", str(jsonl), "--db", str(tmp_path / "n.db"), "-q"])
    try:
        r = runner.invoke(app, ["ingest", str(jsonl), "--db", str(tmp_path / "r.db"), "--ray", "--workers", "2", "-q"])
    finally:
        if ray.is_initialized():
            ray.shutdown()
    assert normal.exit_code == r.exit_code == 1, r.output  # the bad line
    assert "2 workers" in r.output and "stored 6" in r.output and "already stored 1" in r.output
    summary = " ".join(r.output[r.output.index("read "):].replace("r.db", "n.db").split())
    assert summary == " ".join(normal.output[normal.output.index("read "):].split())  # counts, facts, failure
    with Store(tmp_path / "n.db") as store:
        fingerprint = store_fingerprint(store.conn)
    with Store(tmp_path / "r.db") as store:
        ray_fingerprint = store_fingerprint(store.conn)
    assert fingerprint["events"] and fingerprint["quotes"] and len(fingerprint["failures"]) == 1
    for table in fingerprint:
        assert ray_fingerprint[table] == fingerprint[table], table


class _FakeRayError(Exception):
    pass


class _FakeRay:
    """Just enough of Ray for ``RayExecutor.map``: refs are thunks; ``get`` runs them."""

    exceptions = type("exceptions", (), {"RayError": _FakeRayError})

    @staticmethod
    def get(ref):
        return ref()


class _FakeActor:
    def __init__(self, worker, crash: bool) -> None:
        self.worker, self.crash, self.calls = worker, crash, 0
        self.process = self  # ``actor.process.remote(batch)``

    def remote(self, batch):
        self.calls += 1
        if self.crash:
            def died():
                raise _FakeRayError("The actor died unexpectedly before finishing this task.")
            return died
        return lambda: self.worker.process(batch)


def test_a_failed_ray_worker_hands_its_batches_to_the_driver(tmp_path, settings, caplog):
    """A worker that dies loses no article: the driver does its batch, later batches skip it, and the
    store equals the normal run's."""
    from polemos.scale.executors import RayExecutor

    worker = LocalExecutor(settings.spacy_model).worker
    executor = object.__new__(RayExecutor)  # no Ray needed: the fake stands in for it
    executor._ray, executor._started, executor._local = _FakeRay(), False, None
    executor.model, executor.batch_size, executor.failed_batches = settings.spacy_model, 2, 0
    healthy, broken = _FakeActor(worker, crash=False), _FakeActor(worker, crash=True)
    executor.actors, executor.window = [healthy, broken], 2
    items = _items(6)
    normal, normal_fp = _normal(tmp_path / "n.db", settings, items)
    with Store(tmp_path / "f.db") as store, caplog.at_level("WARNING"):
        pipeline = Pipeline(store, settings)
        summary = pipeline.run(items, work=remote_parse(executor, pipeline.nlp.vocab, 2))
        fingerprint = store_fingerprint(store.conn)
    assert executor.failed_batches == 1 and broken.calls == 1 and executor.actors == [healthy]
    assert healthy.calls >= 2  # every later batch went to the worker still alive
    assert any("a Ray worker failed on the batch of 2 article(s)" in r.message for r in caplog.records)
    assert _summary(summary) == _summary(normal) and fingerprint == normal_fp
