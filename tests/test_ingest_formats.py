"""Tests for the HTML, feed, WARC, CSV, URL readers, language identification and near-duplicates."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.ingest.csv_reader import read_csv
from polemos.ingest.dedup import NearDuplicateIndex
from polemos.ingest.feeds import fragment_text, read_feed
from polemos.ingest.fetch import FetchError, FetchSettings, fetch
from polemos.ingest.html import extract_html, read_html
from polemos.ingest.jsonl import FieldMap
from polemos.ingest.language import detect_language
from polemos.ingest.url import read_url
from polemos.ingest.warc import read_warc
from polemos.model import Failure, RawItem

PARAS = [
    "Rebel fighters seized the town of Northfield on Monday after two days of heavy fighting with "
    "government troops, local officials said.",
    "The defence ministry said its forces had withdrawn to positions south of the river and would "
    "counter-attack once reinforcements arrived from the capital.",
    "Aid agencies warned that thousands of civilians had fled the fighting and that food and water "
    "were running short in the camps near the border.",
]


def page(title: str = "Rebels seize Northfield", paras: list[str] = PARAS) -> bytes:
    """A small but realistic news page: navigation, article, footer."""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | The Daily Planet</title>"
        "<meta property='og:site_name' content='The Daily Planet'>"
        "<meta property='article:published_time' content='2020-01-03T10:00:00Z'>"
        "<link rel='canonical' href='https://planet.example/news/northfield'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright The Daily Planet. All rights reserved.</footer></body></html>"
    ).encode()


def ok(items: list[RawItem | Failure]) -> list[RawItem]:
    return [i for i in items if isinstance(i, RawItem)]


def failed(items: list[RawItem | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


# --- HTML --------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "northfield.html"
    path.write_bytes(page())
    (item,) = list(read_html(str(path)))
    assert isinstance(item, RawItem)
    assert item.text.split("\n\n") == PARAS
    assert item.title == "Rebels seize Northfield"
    assert item.url == "https://planet.example/news/northfield"
    assert item.source == "The Daily Planet"
    assert item.published == "2020-01-03"
    assert item.id == "northfield"
    assert "Home" not in item.text and "All rights reserved" not in item.text


def test_html_gz_and_truncated_gz(tmp_path: Path) -> None:
    good = tmp_path / "a.html.gz"
    good.write_bytes(gzip.compress(page()))
    assert ok(list(read_html(str(good))))[0].text.startswith("Rebel fighters")
    bad = tmp_path / "b.html.gz"
    bad.write_bytes(gzip.compress(page())[:-30])
    (fail,) = list(read_html(str(bad)))
    assert isinstance(fail, Failure) and "broken gzip" in fail.reason


def test_html_without_body_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    (fail,) = list(read_html(str(path)))
    assert isinstance(fail, Failure) and "no main text" in fail.reason
    assert isinstance(extract_html(b"   ", origin="x"), Failure)
    (missing,) = list(read_html(str(tmp_path / "nope.html")))
    assert isinstance(missing, Failure) and "cannot read" in missing.reason


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_with_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        'body,headline,when,link\n"Line one, with comma.\n\nSecond para.",Title A,2020-01-03T10:00,http://x/a\n'
        ',Empty,2020-01-04,http://x/b\n',
        encoding="utf-8",
    )
    fields = FieldMap(text="body", title="headline", date=("when",), url="link")
    items = list(read_csv(str(path), fields, source="Gazette"))
    (item,) = ok(items)
    assert item.text == "Line one, with comma.\n\nSecond para."
    assert (item.title, item.published, item.url, item.source) == ("Title A", "2020-01-03", "http://x/a", "Gazette")
    assert item.origin == f"{path}:2"
    (fail,) = failed(items)
    assert "empty 'body'" in fail.reason and fail.item == f"{path}:5"


def test_csv_missing_text_column_and_tsv_gz(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("a,b\n1,2\n")
    (fail,) = list(read_csv(str(path)))
    assert isinstance(fail, Failure) and "no 'text' column" in fail.reason
    tsv = tmp_path / "c.tsv.gz"
    tsv.write_bytes(gzip.compress(b"text\ttitle\nHello there.\tHi\n"))
    (item,) = list(read_csv(str(tsv)))
    assert isinstance(item, RawItem) and item.text == "Hello there." and item.title == "Hi"


# --- language and near-duplicates --------------------------------------------------------------


def test_detect_language() -> None:
    code, conf = detect_language(" ".join(PARAS))
    assert code == "en" and conf > 0.9
    assert detect_language("Les combattants rebelles ont pris la ville lundi après deux jours de combats.")[0] == "fr"
    assert detect_language("12 34 !!")[0] == "und"


def test_near_duplicate_index_links_copies_to_the_original() -> None:
    index = NearDuplicateIndex()
    text = " ".join(PARAS) + (
        " The governor said on Tuesday that emergency shelters had been opened in three schools and a stadium,"
        " and that the army had promised to escort convoys of lorries carrying flour, medicine and fuel."
        " Residents who stayed behind described nights of shelling, looted shops and a power cut that had left"
        " the only hospital running on a generator with fuel for two more days."
        " Diplomats in the capital said talks on a ceasefire could resume next week if both sides agreed to"
        " let observers from the regional bloc into the town."
    )
    assert index.add("a", text) is None
    assert index.add("b", "Different story about an election in a far away country and its results.") is None
    copy = "NORTHFIELD (Reuters) - " + text.replace("Monday", "Monday morning") + " Reporting by Jane Doe."
    assert index.add("c", copy) == "a"
    assert index.add("d", text) == "a"  # exact copy
    assert index.add("e", copy) == "a"  # a copy of a copy links to the original
    assert len(index) == 2 and "c" not in index


# --- WARC --------------------------------------------------------------------------------------


def warc_record(uri: str, body: bytes, ctype: bytes = b"text/html; charset=utf-8", status: bytes = b"200 OK") -> bytes:
    http_part = (b"HTTP/1.1 " + status + b"\r\nContent-Type: " + ctype + b"\r\nContent-Length: "
                 + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + uri.encode() + b">\r\n"
            b"WARC-Date: 2020-01-05T10:00:00Z\r\nWARC-Target-URI: " + uri.encode() + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(http_part)).encode() + b"\r\n\r\n")
    return head + http_part + b"\r\n\r\n"


def test_warc_reads_html_responses_only(tmp_path: Path) -> None:
    data = (warc_record("http://a.example/1", page()) + warc_record("http://a.example/logo", b"\x89PNG", b"image/png")
            + warc_record("http://a.example/moved", b"", status=b"301 Moved")
            + warc_record("http://a.example/2", page("Army retakes Northfield")))
    path = tmp_path / "a.warc"
    path.write_bytes(data)
    items = list(read_warc(str(path)))
    assert [i.url for i in ok(items)] == ["http://a.example/1", "http://a.example/2"]
    assert not failed(items)
    assert ok(items)[1].title == "Army retakes Northfield"


def test_warc_gz_per_record_and_truncated(tmp_path: Path) -> None:
    members = [gzip.compress(warc_record(f"http://a.example/{i}", page())) for i in range(3)]
    good = tmp_path / "a.warc.gz"
    good.write_bytes(b"".join(members))
    assert len(ok(list(read_warc(str(good))))) == 3
    bad = tmp_path / "b.warc.gz"
    bad.write_bytes(b"".join(members)[:-100])
    items = list(read_warc(str(bad)))
    assert len(ok(items)) == 2
    reasons = [f.reason for f in failed(items)]
    assert any("broken gzip" in r for r in reasons)
    assert all("truncated" in r or "broken gzip" in r for r in reasons)


def test_warc_truncated_record_and_junk(tmp_path: Path) -> None:
    path = tmp_path / "t.warc"
    data = warc_record("http://a.example/1", page()) + warc_record("http://a.example/2", page())
    path.write_bytes(data[:-300])
    items = list(read_warc(str(path)))
    assert len(ok(items)) == 1
    (fail,) = failed(items)
    assert "truncated WARC record" in fail.reason and "http://a.example/2" in fail.item
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a WARC file\n" * 20)
    (fail,) = list(read_warc(str(junk)))
    assert isinstance(fail, Failure) and "WARC" in fail.reason


# --- feeds and HTTP (local server only) ----------------------------------------------------------


def rss(base: str, with_text: bool = True) -> bytes:
    desc = "<description>&lt;p&gt;Rebels seized &lt;b&gt;Northfield&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description>"
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/article/{i}</link><guid>id-{i}</guid>"
        f"<pubDate>Fri, 03 Jan 2020 10:00:00 GMT</pubDate>{desc if with_text else ''}</item>"
        for i in (1, 2)
    )
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Planet Feed</title>"
            f"<link>{base}</link>{items}</channel></rss>").encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/feed.xml":
            self._send(200, rss(base), "application/rss+xml")
        elif self.path == "/bare.xml":
            self._send(200, rss(base, with_text=False), "application/rss+xml")
        elif self.path.startswith("/article/"):
            assert "polemos" in self.headers.get("User-Agent", "")
            self._send(200, page(f"Story {self.path.rsplit('/', 1)[1]} in full"))
        elif self.path == "/article-missing":
            self._send(404, b"not found")
        elif self.path == "/notxml":
            self._send(200, b"{\"this\": \"is json\"}", "application/rss+xml")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, page())
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 200_000 + b"</p>")
        elif self.path == "/flaky":
            if self.hits[self.path] == 1:
                self._send(503, b"busy")
            else:
                self._send(200, page())
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self._send(404, b"not found")


@pytest.fixture()
def server() -> Iterator[str]:
    _Handler.hits = {}
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


FAST = FetchSettings(timeout=0.5, retries=1, backoff=0.01, max_bytes=100_000)


def test_fragment_text_keeps_paragraphs() -> None:
    assert fragment_text("<p>One <b>two</b>.</p><script>x()</script><p>Three &amp; four.</p>") == "One two.\n\nThree & four."


def test_feed_file_items(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_bytes(rss("http://planet.example"))
    items = list(read_feed(str(path)))
    assert [i.title for i in ok(items)] == ["Story 1", "Story 2"]
    first = ok(items)[0]
    assert first.text == "Rebels seized Northfield.\n\nSecond."
    assert (first.id, first.url, first.source, first.published) == (
        "id-1", "http://planet.example/article/1", "Planet Feed", "2020-01-03")


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_text("this is plain text, not a feed at all")
    (fail,) = list(read_feed(str(path)))
    assert isinstance(fail, Failure) and "not an RSS/Atom feed" in fail.reason


def test_feed_url_with_fetched_items(server: str) -> None:
    items = list(read_feed(f"{server}/feed.xml", fetch_items=True, settings=FAST))
    assert [i.title for i in ok(items)] == ["Story 1 in full", "Story 2 in full"]
    assert ok(items)[0].text.split("\n\n") == PARAS
    assert ok(items)[0].id == "id-1"


def test_feed_url_not_xml_and_items_without_text(server: str) -> None:
    (fail,) = list(read_feed(f"{server}/notxml", settings=FAST))
    assert isinstance(fail, Failure) and "not an RSS/Atom feed" in fail.reason
    items = list(read_feed(f"{server}/bare.xml", settings=FAST))
    assert len(failed(items)) == 2 and "no text" in failed(items)[0].reason


def test_fetch_timeout_status_size_redirects_and_retry(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", FAST)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/article-missing", FAST)
    with pytest.raises(FetchError, match="too large"):
        fetch(f"{server}/big", FAST)
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(f"{server}/loop", FAST)
    with pytest.raises(FetchError, match="not an http"):
        fetch("ftp://example.org/x", FAST)
    assert b"Rebel fighters" in fetch(f"{server}/flaky", FAST).data
    assert _Handler.hits["/flaky"] == 2


def test_read_url_page_feed_and_timeout(server: str) -> None:
    (item,) = list(read_url(f"{server}/article/7", settings=FAST))
    assert isinstance(item, RawItem) and item.title == "Story 7 in full"
    assert len(ok(list(read_url(f"{server}/feed.xml", settings=FAST)))) == 2
    (fail,) = list(read_url(f"{server}/slow", settings=FAST))
    assert isinstance(fail, Failure) and "timed out" in fail.reason
