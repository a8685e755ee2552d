"""Readers that turn container files into records for `extract_many`: WARC, WET and JSON Lines.

Each reader streams (one record in memory at a time) and yields mappings
{"id", "url", "fetched", "text" | "html"}; a part it cannot read becomes a record with an
"error" and no text, so the failure is reported in the output like any other.

WARC and WET files are read with warcio (pure Python; plain or gzip-compressed, per-record
gzip as written by crawlers): WET "conversion" records are text, WARC "response" records
with an HTML payload (HTTP status 2xx) are HTML, "resource" records of text or HTML are
taken as they are; requests, metadata, redirects, images and the like are skipped.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError

_WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc", ".arc.gz")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def kind_of(name: str) -> str:
    """ "warc", "jsonl" or "text", from a file name's ending."""
    lower = name.lower()
    if lower.endswith(_WARC_SUFFIXES):
        return "warc"
    if lower.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return "text"


def _open_binary(source: str | Path | IO[bytes]) -> IO[bytes]:
    """A path opened for reading bytes (the caller closes it), or the stream given."""
    if not isinstance(source, str | Path):
        return source
    try:
        return open(source, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from exc


def read_warc(source: str | Path | IO[bytes], name: str | None = None) -> Iterator[dict[str, Any]]:
    """The documents in a WARC or WET file (a path or a binary stream), in file order.

    Each record: id (WARC-Record-ID), url (WARC-Target-URI), fetched (WARC-Date), and "html"
    (WARC response) or "text" (WET conversion) as bytes, decoded later like any input.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a dependency
        raise InputError("reading WARC files needs warcio (pip install warcio)") from None
    label = name or str(source)
    stream = _open_binary(source)
    count = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            count += 1
            doc = _warc_document(record)
            if doc is not None:
                yield doc
    except Exception as exc:  # warcio fails in many ways on a truncated or corrupt file
        if isinstance(exc, ArchiveLoadFailed):
            reason = str(getattr(exc, "msg", None) or exc)
        elif isinstance(exc, OSError | EOFError | ValueError):
            reason = str(exc) or type(exc).__name__
        else:
            reason = f"a malformed or truncated record: {type(exc).__name__} in warcio"
        yield {"id": f"{label}#{count + 1}", "error": f"WARC record {count + 1} cannot be read ({reason})"}
    finally:
        if stream is not source:
            stream.close()


def _warc_document(record: Any) -> dict[str, Any] | None:
    headers = record.rec_headers
    kind = record.rec_type
    meta = {
        "id": headers.get_header("WARC-Record-ID"),
        "url": headers.get_header("WARC-Target-URI"),
        "fetched": headers.get_header("WARC-Date"),
    }
    if kind == "conversion":  # WET: the text a crawler extracted
        return {**meta, "text": record.content_stream().read()}
    if kind == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if not status.startswith("2") or ctype not in _HTML_TYPES:
            return None
        return {**meta, "html": record.content_stream().read()}
    if kind == "resource":
        ctype = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if ctype in _HTML_TYPES:
            return {**meta, "html": record.content_stream().read()}
        if ctype == "text/plain":
            return {**meta, "text": record.content_stream().read()}
    return None


def read_jsonl(source: str | Path | IO[bytes], name: str | None = None) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file (a path or a binary stream; .gz opened): one object a
    line with "text" or "html" and optionally "id", "url", "fetched". A record without an id
    gets `NAME:LINE`; a line that is not a JSON object becomes an error record."""
    label = name or str(source)
    stream = _open_binary(source)
    try:
        head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
        lines: Iterable[bytes] = gzip.GzipFile(fileobj=stream) if head == b"\x1f\x8b" else stream
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            ident = f"{label}:{number}"
            try:
                record = json.loads(raw)
            except ValueError as exc:
                yield {"id": ident, "error": f"line {number} is not JSON ({exc})"}
                continue
            if not isinstance(record, dict):
                yield {"id": ident, "error": f"line {number} is not a JSON object"}
                continue
            record.setdefault("id", ident)
            yield record
    except (OSError, EOFError) as exc:
        yield {"id": label, "error": f"cannot read ({getattr(exc, 'strerror', None) or exc})"}
    finally:
        if stream is not source:
            stream.close()
