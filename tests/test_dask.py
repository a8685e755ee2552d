"""boilerstrip.dask on a LocalCluster with two worker processes gives the serial results."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcdata import SEED, WARC_URL, WET_URL, write_warc, write_wet

from boilerstrip import extract_many

dask = pytest.importorskip("dask", reason="dask is not installed (pip install 'boilerstrip[dask]')")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")

import dask.bag as db  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

from boilerstrip.dask import extract_bag, extract_warcs, read_warcs  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, Client(cluster) as c:
        yield c


def _records() -> list[dict[str, object]]:
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines()
    records: list[dict[str, object]] = []
    for i in range(12):  # different documents: the article cut at different lengths
        records.append(
            {"id": f"doc{i}", "url": f"https://example.com/{i}", "text": "\n".join(lines[: 20 + 3 * i])}
        )
    records.append({"id": "bad", "url": None})
    records.append({"id": "bytes", "text": SEED.read_bytes()})
    return records


def _jsonl(results: list[dict[str, object]]) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False, sort_keys=False) for r in results).encode()


def test_cluster_gives_the_serial_bytes(client: Client) -> None:
    records = _records()
    serial = _jsonl([r.to_dict() for r in extract_many(records)])
    bag = db.from_sequence(records, npartitions=4)
    pooled = _jsonl(extract_bag(bag, as_dict=True).compute(scheduler=client))
    assert pooled == serial
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes did the work


def test_results_and_small_records(client: Client) -> None:
    records = _records()
    results = extract_bag(db.from_sequence(records, npartitions=3)).compute(scheduler=client)
    assert [r.id for r in results] == [r["id"] for r in records]
    assert results[-2].error == "record has no 'text' or 'html'"
    small = extract_bag(
        db.from_sequence(records[:2], npartitions=2), as_dict=True, segments=False, fields=["title"]
    ).compute(scheduler=client)
    assert set(small[0]) == {"id", "url", "fetched", "error", "title"}


def test_warc_files_on_the_cluster(client: Client, tmp_path: Path) -> None:
    paths = [
        write_warc(tmp_path / "a.warc.gz"),
        write_wet(tmp_path / "b.warc.wet.gz"),
        tmp_path / "missing.warc.gz",
    ]
    results = extract_bag(read_warcs(paths), as_dict=True, segments=False).compute(scheduler=client)
    assert [r["url"] for r in results] == [WARC_URL, WET_URL, None]
    assert results[0]["fetched"] and results[0]["body"] == results[1]["body"]
    assert "missing.warc.gz" in results[2]["error"]
    streamed = extract_warcs(paths, as_dict=True, segments=False).compute(scheduler=client)
    assert streamed == results
