"""Many documents in, one result per document out: `extract_many`.

Built for corpus and monitoring pipelines: the input is any iterable (read lazily, so a
generator over millions of documents is fine), at most a bounded number of documents is in
flight at any time (memory stays flat), every input gives exactly one `BatchResult` carrying
the caller's id and URL, and a document that fails gives a result with `error` set instead of
stopping the stream.
"""

from __future__ import annotations

import codecs
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from .article import Article
from .errors import InputError
from .extract import extract as _extract
from .load import read_input
from .options import Options

Item = str | bytes | bytearray | os.PathLike[str] | Mapping[str, Any]
"""What `extract_many` takes: text, bytes, a path, or a record {"id", "url", "text" | "html"}."""

T = TypeVar("T")

# How much of a decoded document is searched for NUL characters (as `grep` and `git` do).
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome for one input of `extract_many`: the article, or why there is none.

    id: the record's "id"; for a path, the path as a string; otherwise the input's position
        in the stream (0, 1, 2...).
    url: the record's "url" (for WARC input, the WARC-Target-URI), or None.
    article: the `Article`, or None when the document failed.
    error: None, or a one-line reason ("cannot read (Permission denied)", "binary data...").
    fetched: when the page was fetched, as the record gave it (for WARC input, the WARC-Date),
        or None.
    """

    id: str | int | None
    url: str | None
    article: Article | None
    error: str | None = None
    fetched: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None

    def __repr__(self) -> str:
        outcome = f"error={self.error!r}" if self.article is None else repr(self.article)
        return f"BatchResult(id={self.id!r}, url={self.url!r}, {outcome})"

    def to_dict(self, *, segments: bool = True, fields: Iterable[str] | None = None) -> dict[str, Any]:
        """One JSON-ready record: id, url, fetched and error first, then the article's fields
        (`Article.to_dict`; none for a failed document). `segments=False` drops the segments
        (most of the size); `fields` keeps only the named article fields."""
        out: dict[str, Any] = {"id": self.id, "url": self.url, "fetched": self.fetched, "error": self.error}
        if self.article is not None:
            data = self.article.to_dict(segments=segments)
            if fields is not None:
                data = {name: data[name] for name in fields if name in data}
            out.update(data)
        return out


@dataclass(frozen=True, slots=True)
class _Task:
    """One document, normalised in the calling process (cheap) and extracted in a worker."""

    id: str | int | None
    url: str | None
    fetched: str | None
    payload: str | bytes | Path | None
    html: bool | None = None  # a record's "html" key forces HTML
    error: str | None = None  # the item itself was unusable


def extract_many(
    items: Iterable[Item],
    options: Options | None = None,
    *,
    processes: int | None = None,
    ordered: bool = True,
    chunksize: int = 8,
) -> Iterator[BatchResult]:
    """Extract every item, yielding one `BatchResult` per item.

    items: any iterable, read lazily: `str` (text or HTML), `bytes` (charset detected), a path
        (read by the worker), or a record: a mapping with "text" or "html" (str or bytes) or
        "path" (a file the worker reads), and optionally "id", "url" and "fetched" (an ISO 8601 date, e.g. a crawl's WARC-Date).
        When `options` has no reference date, a record's "fetched" date resolves its relative
        dates ("2 hours ago").
    options: one `Options` for every document.
    processes: None or 1 works in this process; N > 1 uses a pool of N worker processes.
        At most `4 * N` chunks of `chunksize` documents are in flight, so memory stays flat
        over any number of documents.
    ordered: yield in input order (default) or as documents finish (a little faster when
        some documents are much slower than others).

    Never raises for a bad document: unreadable input (a missing path, undecodable or binary
    bytes, a record without text) and unexpected failures come back as results with `error`
    set. Raises `ValueError`/`TypeError` for bad arguments before anything is read.
    """
    return _run(items, options, processes=processes, ordered=ordered, chunksize=chunksize, finish=None)


def _run(
    items: Iterable[Item],
    options: Options | None,
    *,
    processes: int | None,
    ordered: bool,
    chunksize: int,
    finish: Callable[[BatchResult], T] | None,
) -> Iterator[Any]:
    """`extract_many`, with `finish` applied to each result in the worker (the command line
    renders there, so that only strings travel back between processes). The arguments are
    checked at once; the documents are read only as results are asked for."""
    opts = Options.build(options)
    if processes is not None and (isinstance(processes, bool) or not isinstance(processes, int)):
        raise TypeError(f"processes: expected an int or None, got {type(processes).__name__}")
    if processes is not None and processes < 1:
        raise ValueError(f"processes: must be at least 1, got {processes}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize: must be an int of at least 1, got {chunksize!r}")
    if isinstance(items, str | bytes | bytearray | os.PathLike | Mapping):
        raise TypeError("items: expected an iterable of documents; for one document use extract()")
    tasks = (_task(item, position) for position, item in enumerate(items))
    if processes is None or processes == 1:
        return _serial(tasks, opts, finish)
    return _pooled(_chunks(tasks, chunksize), opts, processes, ordered, finish)


def _serial(
    tasks: Iterator[_Task], opts: Options, finish: Callable[[BatchResult], Any] | None
) -> Iterator[Any]:
    for task in tasks:
        result = _process(task, opts)
        yield result if finish is None else finish(result)


def _chunks(tasks: Iterator[_Task], size: int) -> Iterator[list[_Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _pooled(
    chunks: Iterator[list[_Task]],
    opts: Options,
    processes: int,
    ordered: bool,
    finish: Callable[[BatchResult], Any] | None,
) -> Iterator[Any]:
    window = 4 * processes
    _warm_up()  # forked workers inherit what is loaded here instead of each loading it again
    pool = ProcessPoolExecutor(max_workers=processes)
    pending: deque[tuple[Future[list[Any]], list[_Task]]] = deque()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                try:
                    future = pool.submit(_process_chunk, chunk, opts, finish)
                except BrokenProcessPool as exc:  # a worker died since the last result
                    future = Future()
                    future.set_exception(exc)
                pending.append((future, chunk))
            if not pending:
                return
            if ordered:
                future, chunk = pending.popleft()
                wait([future])
            else:
                done, _ = wait([f for f, _ in pending], return_when=FIRST_COMPLETED)
                future, chunk = next((f, c) for f, c in pending if f in done)
                pending.remove((future, chunk))
            try:
                results = future.result()
            except BrokenProcessPool:
                # a worker died (killed, out of memory, a crash in native code): this chunk and
                # those in flight fail; a new pool carries on with the rest
                results = [_died(task, finish) for task in chunk]
                for other_future, other in pending:  # those that finished before the break count
                    done_ok = other_future.done() and other_future.exception() is None
                    results.extend(other_future.result() if done_ok else [_died(t, finish) for t in other])
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=processes)
            except Exception as exc:  # e.g. a result that cannot be pickled
                results = [
                    _failed(task, f"internal error: {type(exc).__name__}: {exc}", finish) for task in chunk
                ]
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_WARM_UP = (
    "World\n\nStorm hits the coast\n\nBy Jane Doe, Reuters\n\nDecember 13, 2025 10:00 GMT | Updated 2 hours ago\n\n"
    "LONDON: The storm reached the coast early on Monday, and the towns along it were flooded.\n\n"
    "A photo of the harbour. (Photo: Reuters/John Smith)\n\nShare this article\n\nAdvertisement\n"
)


def _warm_up() -> None:
    """Load the word lists and compile the date and caption patterns in this process."""
    try:
        _extract(_WARM_UP)
    except Exception:  # only a warm-up: the workers report any real failure per document
        pass


def _died(task: _Task, finish: Callable[[BatchResult], Any] | None) -> Any:
    return _failed(task, "worker process died while extracting", finish)


def _failed(task: _Task, error: str, finish: Callable[[BatchResult], Any] | None) -> Any:
    result = BatchResult(task.id, task.url, None, error, task.fetched)
    return result if finish is None else finish(result)


def _process_chunk(
    chunk: list[_Task], opts: Options, finish: Callable[[BatchResult], Any] | None
) -> list[Any]:
    out = []
    for task in chunk:
        result = _process(task, opts)
        out.append(result if finish is None else finish(result))
    return out


def _task(item: object, position: int | None) -> _Task:
    """An item as a task; an unusable item becomes a task that only carries its error."""
    if isinstance(item, str):
        return _Task(position, None, None, item)
    if isinstance(item, bytes | bytearray):
        return _Task(position, None, None, bytes(item))
    if isinstance(item, os.PathLike):
        path = Path(item)
        return _Task(str(path), None, None, path)
    if isinstance(item, Mapping):
        ident = item.get("id", position)
        if not isinstance(ident, str | int) or isinstance(ident, bool):
            ident = str(ident)
        url = item.get("url")
        url = None if url is None else str(url)
        fetched = item.get("fetched")
        fetched = None if fetched is None else str(fetched)
        if (
            isinstance(item.get("path"), str | os.PathLike)
            and item.get("text") is None
            and item.get("html") is None
        ):
            return _Task(ident, url, fetched, Path(item["path"]))
        has_text, has_html = item.get("text") is not None, item.get("html") is not None
        if not has_text and not has_html and isinstance(item.get("error"), str):
            return _Task(ident, url, fetched, None, error=item["error"])  # a reader's error, passed on
        if has_text == has_html:
            error = "record has both 'text' and 'html'" if has_text else "record has no 'text' or 'html'"
            return _Task(ident, url, fetched, None, error=error)
        payload = item["text"] if has_text else item["html"]
        if isinstance(payload, bytearray):
            payload = bytes(payload)
        if not isinstance(payload, str | bytes):
            key = "text" if has_text else "html"
            return _Task(
                ident, url, fetched, None, error=f"record '{key}' is {type(payload).__name__}, not text"
            )
        return _Task(ident, url, fetched, payload, html=True if has_html else None)
    return _Task(
        position,
        None,
        None,
        None,
        error=f"expected text, bytes, a path or a record, got {type(item).__name__}",
    )


def _process(task: _Task, opts: Options) -> BatchResult:
    """Extract one task; never raises."""
    if task.error is not None or task.payload is None:
        return BatchResult(task.id, task.url, None, task.error or "nothing to extract", task.fetched)
    try:
        payload = task.payload
        if isinstance(payload, Path):
            payload = _read_path(payload)
        if isinstance(payload, bytes) and _binary(payload):
            raise InputError("binary data (NUL bytes), not text")
        text = read_input(payload, opts.encoding)
        if not isinstance(task.payload, str) and "\x00" in text[:_BINARY_SNIFF]:  # e.g. gzip of binary data
            raise InputError("binary data (NUL bytes), not text")
        local = opts
        if task.html is not None and opts.html is None:
            local = Options.build(local, html=task.html)
        if opts.reference_date is None and task.fetched:
            reference = _fetch_date(task.fetched)
            if reference is not None:
                local = Options.build(local, reference_date=reference)
        article = _extract(text, local)
    except InputError as exc:
        return BatchResult(task.id, task.url, None, str(exc), task.fetched)
    except RecursionError:
        return BatchResult(task.id, task.url, None, "input nested too deeply to extract", task.fetched)
    except Exception as exc:  # a bug must cost one document, not the run
        return BatchResult(
            task.id, task.url, None, f"internal error: {type(exc).__name__}: {exc}", task.fetched
        )
    return BatchResult(task.id, task.url, article, None, task.fetched)


def _read_path(path: Path) -> bytes:
    """A file's bytes; the messages leave out the path, which is the result's id."""
    try:
        if not path.is_file():
            raise InputError("no such file" if not path.exists() else "not a regular file")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from exc


def _binary(data: bytes) -> bool:
    """NUL bytes near the start, in data that is neither UTF-16/32 (a BOM) nor gzip."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x1f\x8b") or data[:4] == codecs.BOM_UTF32_BE:
        return False
    return b"\x00" in data[:_BINARY_SNIFF]


def _fetch_date(value: str) -> date | datetime | None:
    """A fetch date as a reference for relative dates: naive (UTC as given), None if unreadable."""
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        return None
    if isinstance(parsed, datetime) and parsed.tzinfo is not None:
        return parsed.replace(tzinfo=None)
    return parsed
