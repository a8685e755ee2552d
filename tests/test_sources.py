"""WARC, WET and JSON Lines input through `extract_many`, URL and fetch date passed through."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcdata import SEED, WARC_DATE, WARC_URL, WET_DATE, WET_URL, write_warc, write_wet

from boilerstrip import extract, extract_many
from boilerstrip.sources import kind_of, read_jsonl, read_warc


def test_warc_responses_are_html_documents(tmp_path: Path) -> None:
    docs = list(read_warc(write_warc(tmp_path / "crawl.warc.gz")))
    assert [d["url"] for d in docs] == [WARC_URL]  # the request, the redirect and the image are skipped
    assert docs[0]["fetched"] == WARC_DATE and docs[0]["id"].startswith("<urn:uuid:")
    (result,) = extract_many(docs)
    assert result.url == WARC_URL and result.fetched == WARC_DATE
    assert result.article is not None
    assert result.article.paragraphs == extract(SEED).paragraphs


def test_wet_conversions_are_text(tmp_path: Path) -> None:
    (result,) = extract_many(read_warc(write_wet(tmp_path / "crawl.warc.wet.gz")))
    assert (result.url, result.fetched) == (WET_URL, WET_DATE)
    assert result.article is not None and result.article.body == extract(SEED).body


def test_a_broken_warc_gives_an_error_record(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "crawl.warc.gz").read_bytes()
    cut = io.BytesIO(data[: len(data) - 200])
    docs = list(read_warc(cut, "cut.warc.gz"))
    assert docs[-1]["error"].startswith("WARC record")
    results = list(extract_many(docs))
    assert results[-1].error == docs[-1]["error"]


def test_a_record_cut_inside_its_headers_says_so() -> None:
    cut = io.BytesIO(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc")
    (doc,) = read_warc(cut, "cut.warc")
    assert doc["id"] == "cut.warc#1"
    assert doc["error"].startswith("WARC record 1 cannot be read (")
    assert "truncated" in doc["error"] or "EOF" in doc["error"] or "end" in doc["error"]


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    lines = [
        json.dumps({"id": "a", "url": "https://x/a", "text": SEED.read_text(encoding="utf-8")}),
        "",
        "not json",
        json.dumps([1, 2]),
        json.dumps({"text": "Short text."}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    records = list(read_jsonl(path, "in.jsonl.gz"))
    assert [r["id"] for r in records] == ["a", "in.jsonl.gz:3", "in.jsonl.gz:4", "in.jsonl.gz:5"]
    results = list(extract_many(records))
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].error is not None and results[1].error.startswith("line 3 is not JSON")


def test_kind_of_names() -> None:
    assert kind_of("CC-MAIN-1.warc.gz") == kind_of("x.warc.wet.gz") == kind_of("a.WARC") == "warc"
    assert kind_of("a.jsonl") == kind_of("a.ndjson.gz") == "jsonl"
    assert kind_of("a.txt") == kind_of("a.html") == "text"
