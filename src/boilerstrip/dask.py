"""Extraction mapped over a `dask.bag`: the same code on a laptop and on a cluster.

Needs the `dask` extra (`pip install boilerstrip[dask]`). Each partition runs through the
serial `extract_many` in its worker, so a result is the one a serial run gives, byte for byte::

    import dask.bag as db
    from dask.distributed import Client
    from boilerstrip.dask import extract_bag, extract_warcs

    client = Client("scheduler-address:8786")          # or Client() for a local cluster
    results = extract_warcs(["crawl-00000.warc.gz", "crawl-00001.warc.gz"], segments=False, as_dict=True)
    results.map(json.dumps).to_textfiles("out/*.jsonl")  # one JSON Lines file per WARC file

    texts = db.read_text("pages/*.jsonl").map(json.loads)   # records {"id", "url", "text"}
    extract_bag(texts, Options(language="en")).filter(lambda r: r.ok).count().compute()

Items are what `extract_many` takes (texts, bytes, paths the workers can read, records
{"id", "url", "text" | "html"}). Give records an "id": a plain text or bytes item has no
position in a bag that a worker could know, so its result's id is None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "boilerstrip.dask needs dask: pip install 'boilerstrip[dask]' (dask[bag] and distributed)"
    ) from exc

from .batch import BatchResult, _serial, _task
from .options import Options
from .sources import read_warc


def extract_bag(
    bag: db.Bag,
    options: Options | None = None,
    *,
    as_dict: bool = False,
    segments: bool = True,
    fields: Sequence[str] | None = None,
) -> db.Bag:
    """A bag of one `BatchResult` per item of `bag` (lazy, like every bag operation).

    as_dict: give `BatchResult.to_dict(segments=..., fields=...)` instead: plain dicts that
        travel between workers cheaply and turn into JSON Lines with `.map(json.dumps)`.
    Errors are results with `error` set, never a failed task.
    """
    opts = Options.build(options)
    keep = None if fields is None else tuple(fields)
    return _map_partitions(bag, _extract_partition, opts, as_dict, segments, keep)


def _extract_partition(
    items: Iterable[Any], opts: Options, as_dict: bool, segments: bool, fields: tuple[str, ...] | None
) -> list[BatchResult | dict[str, Any]]:
    # a list: a partition's output is sent between processes, and a generator cannot be
    tasks = (_task(item, None) for item in items)
    return [
        result.to_dict(segments=segments, fields=fields) if as_dict else result
        for result in _serial(tasks, opts, None)
    ]


def read_warcs(paths: Iterable[str | Path], *, npartitions: int | None = None) -> db.Bag:
    """A bag of the documents in WARC or WET files (one partition per file by default):
    records {"id", "url", "fetched", "html" | "text"} as `boilerstrip.sources.read_warc`
    gives them. The paths must be readable by the workers. A partition holds its file's
    records, so for big crawl files prefer `extract_warcs`, which keeps only the results."""
    names = _names(paths)
    return _map_partitions(_from_sequence(names, npartitions or len(names)), _read_partition)


def extract_warcs(
    paths: Iterable[str | Path],
    options: Options | None = None,
    *,
    as_dict: bool = False,
    segments: bool = True,
    fields: Sequence[str] | None = None,
    npartitions: int | None = None,
) -> db.Bag:
    """`extract_bag(read_warcs(paths))` in one step per file: each worker streams its WARC
    or WET file record by record, so only the results are held, never the pages."""
    names = _names(paths)
    opts = Options.build(options)
    keep = None if fields is None else tuple(fields)
    bag = _from_sequence(names, npartitions or len(names))
    return _map_partitions(bag, _extract_files, opts, as_dict, segments, keep)


# dask's bag functions carry no annotations: typed once here, so the rest stays checked
def _from_sequence(items: list[str], npartitions: int) -> db.Bag:
    make: Callable[..., db.Bag] = db.from_sequence
    return make(items, npartitions=npartitions)


def _map_partitions(bag: db.Bag, function: Callable[..., Any], *args: Any) -> db.Bag:
    method: Callable[..., db.Bag] = bag.map_partitions
    return method(function, *args)


def _names(paths: Iterable[str | Path]) -> list[str]:
    names = [str(p) for p in paths]
    if not names:
        raise ValueError("no WARC paths given")
    return names


def _read_partition(paths: Iterable[str]) -> list[dict[str, Any]]:
    return list(_records(paths))


def _extract_files(
    paths: Iterable[str], opts: Options, as_dict: bool, segments: bool, fields: tuple[str, ...] | None
) -> list[BatchResult | dict[str, Any]]:
    return _extract_partition(_records(paths), opts, as_dict, segments, fields)


def _records(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    for path in paths:
        try:
            yield from read_warc(path)
        except Exception as exc:  # an unreadable file is an error record, like a bad document
            yield {"id": path, "error": f"{path}: {exc}"}
