"""The read stage: formats, options and bad input, each failure named with its reason."""

from __future__ import annotations

import json

from polemos.ingest import ReadOptions, read_inputs
from polemos.ingest.jsonl import FieldMap
from polemos.model import Failure, RawItem


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, RawItem)], [i for i in items if isinstance(i, Failure)]


def test_plain_text_file_with_date_and_source(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Rebels attacked the town on Monday.\n", encoding="utf-8")
    ok, bad = _split(read_inputs([str(f)], ReadOptions(date="2020-01-02", source="Wire")))
    assert not bad
    assert ok[0].id == "story" and ok[0].published == "2020-01-02" and ok[0].source == "Wire"
    assert ok[0].text.startswith("Rebels attacked")


def test_bad_files_fail_with_reasons_and_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"word " * (11 * 1024 * 1024 // 5))
    (tmp_path / "good.txt").write_text("The army shelled the village.", encoding="utf-8")
    ok, bad = _split(read_inputs([str(tmp_path)]))
    assert [i.id for i in ok] == ["good"]
    reasons = {f.item.rsplit("/", 1)[-1]: f.reason for f in bad}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"] and "0xe9" in reasons["latin1.txt"]
    assert "too large" in reasons["big.txt"]


def test_jsonl_bad_lines_are_failures_with_line_numbers(tmp_path):
    f = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a", "title": "T", "published": "2019-05-01T10:00:00Z", "text": "Police arrested two men."}),
        "{not json",
        json.dumps({"id": "b", "body": "no text field"}),
        "",
        json.dumps({"id": "c", "date": "2019-05-02", "text": "Protesters marched in Paris."}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    ok, bad = _split(read_inputs([str(f)]))
    assert [(i.id, i.published) for i in ok] == [("a", "2019-05-01"), ("c", "2019-05-02")]
    assert [b.item for b in bad] == [f"{f}:2", f"{f}:3"]
    assert "not JSON" in bad[0].reason and "text field 'text'" in bad[1].reason


def test_jsonl_field_mapping(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"uid": 7, "body": "Troops withdrew.", "headline": "H", "day": "2021-01-01"}) + "\n")
    opts = ReadOptions(fields=FieldMap(text="body", title="headline", id="uid", date=("day",)))
    ok, bad = _split(read_inputs([str(f)], opts))
    assert not bad and ok[0].id == "7" and ok[0].title == "H" and ok[0].published == "2021-01-01"


def test_missing_paths_and_empty_globs_are_failures(tmp_path):
    ok, bad = _split(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.jsonl")]))
    assert not ok
    assert "no such file" in bad[0].reason and "glob matches no files" in bad[1].reason


def test_unknown_suffix_is_a_failure(tmp_path):
    f = tmp_path / "image.png"
    f.write_bytes(b"\x89PNG")
    ok, bad = _split(read_inputs([str(f)]))
    assert not ok and "unknown file type" in bad[0].reason
