"""`extract_many`: every input gives one result, in order, errors as results, pooled or not."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import BatchResult, batch, extract, extract_many

from conftest import FIXTURES

SEED = FIXTURES / "cna-belarus.txt"


def _items(tmp_path: Path) -> list[object]:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    text = SEED.read_text(encoding="utf-8")
    return [
        text,
        SEED.read_bytes(),
        SEED,
        {"id": "r1", "url": "https://example.com/a", "text": text, "fetched": "2025-12-14T03:00:00Z"},
        {"id": "r2", "html": "<html><body><p>" + "A sentence of prose here. " * 8 + "</p></body></html>"},
        {"id": "r3"},
        {"id": "r4", "text": "x", "html": "y"},
        42,
        binary,
        tmp_path / "missing.txt",
        "",
    ]


def test_one_result_per_item_in_order(tmp_path: Path, seed_text: str) -> None:
    results = list(extract_many(_items(tmp_path)))
    assert [r.id for r in results] == [
        0,
        1,
        str(SEED),
        "r1",
        "r2",
        "r3",
        "r4",
        7,
        str(tmp_path / "image.png"),
        str(tmp_path / "missing.txt"),
        10,
    ]
    ok = [r for r in results if r.ok]
    assert len(ok) == 6
    assert all(r.article == extract(seed_text) for r in results[:3])
    assert results[3].url == "https://example.com/a" and results[3].fetched == "2025-12-14T03:00:00Z"
    assert "prose" in results[4].article.body  # type: ignore[union-attr]
    errors = {r.id: r.error for r in results if not r.ok}
    assert errors == {
        "r3": "record has no 'text' or 'html'",
        "r4": "record has both 'text' and 'html'",
        7: "expected text, bytes, a path or a record, got int",
        str(tmp_path / "image.png"): "binary data (NUL bytes), not text",
        str(tmp_path / "missing.txt"): "no such file",
    }
    assert results[-1].ok and results[-1].article.body == ""  # type: ignore[union-attr]


def test_to_dict_is_json_with_id_url_and_error(tmp_path: Path) -> None:
    results = list(extract_many(_items(tmp_path)))
    record = results[3].to_dict()
    assert list(record)[:4] == ["id", "url", "fetched", "error"]
    assert record["error"] is None and record["title"].startswith("Belarus") and "segments" in record
    small = results[3].to_dict(segments=False, fields=["title", "body"])
    assert set(small) == {"id", "url", "fetched", "error", "title", "body"}
    assert len(json.dumps(small)) < len(json.dumps(record)) / 2
    failed = results[5].to_dict()
    assert failed == {"id": "r3", "url": None, "fetched": None, "error": "record has no 'text' or 'html'"}
    assert "error=" in repr(results[5])


def test_pool_gives_the_serial_results(tmp_path: Path) -> None:
    items = _items(tmp_path) * 3
    serial = [r.to_dict() for r in extract_many(items)]
    pooled = [r.to_dict() for r in extract_many(items, processes=2, chunksize=2)]
    assert pooled == serial
    unordered = [r.to_dict() for r in extract_many(items, processes=2, ordered=False, chunksize=3)]
    assert sorted(map(json.dumps, unordered)) == sorted(map(json.dumps, serial))


def test_items_are_read_lazily() -> None:
    seen: list[int] = []

    def items():  # type: ignore[no-untyped-def]
        for i in range(1000):
            seen.append(i)
            yield f"Line {i}"

    stream = extract_many(items(), processes=2, chunksize=4)
    first = next(stream)
    assert isinstance(first, BatchResult) and first.id == 0
    assert len(seen) <= 4 * 2 * 4 + 4  # the in-flight window, not the whole input
    stream.close()


def test_fetch_date_resolves_relative_dates() -> None:
    text = (
        "Storm hits the coast\n\n2 hours ago\n\n"
        + "The storm reached the coast early on Monday and the towns were flooded. " * 4
    )
    plain = next(extract_many([{"text": text}]))
    dated = next(extract_many([{"text": text, "fetched": "2025-12-14T03:00:00Z"}]))
    assert plain.article is not None and dated.article is not None
    assert plain.article.published is None
    assert dated.article.published is not None and str(dated.article.published).startswith("2025-12-14")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"processes": 0}, ValueError), ({"processes": "2"}, TypeError), ({"chunksize": 0}, ValueError)],
)
def test_bad_arguments_raise_at_once(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        extract_many(["x"], **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="for one document use extract"):
        extract_many("just one text")


def _dies_on_boom(task: Any, opts: Any) -> BatchResult:
    if task.id == "boom":
        os._exit(3)  # a worker killed mid-document (out of memory, a crash in native code)
    return _real_process(task, opts)


_real_process = batch._process


def test_a_dead_worker_costs_its_documents_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the simulated crash is inherited by forked workers only")
    monkeypatch.setattr(batch, "_process", _dies_on_boom)
    items = [{"id": f"d{i}", "text": "A line of text."} for i in range(40)]
    items[5] = {"id": "boom", "text": "x"}
    results = list(extract_many(items, processes=2, chunksize=2))
    assert [r.id for r in results] == [item["id"] for item in items]
    failed = [r for r in results if r.error == "worker process died while extracting"]
    assert results[5] in failed
    assert results[-1].ok  # a new pool carried on
