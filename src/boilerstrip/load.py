"""Input loading: bytes or str or path to one str, charset detection, HTML sniffing."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import regex

from .errors import InputError

_HTML_START = regex.compile(
    r"""\A\ufeff?\s*(?:<\?xml\b[^>]*+>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p|section)\b""",
    regex.IGNORECASE | regex.DOTALL,
)
_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|h[1-6]|article|section|figure|img|script|table)\b[^<>]{0,2000}>", regex.I
)

# Share of undecodable bytes under which the input is taken as UTF-8 with a few broken bytes.
_MAX_BAD_UTF8 = 0.01
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_input(source: str | bytes | bytearray | os.PathLike[str]) -> str:
    """The text to work on. Paths are read as bytes; bytes are decoded (see `decode`)."""
    if isinstance(source, str):
        return source
    if isinstance(source, bytes | bytearray):
        return decode(bytes(source))
    if isinstance(source, os.PathLike):
        path = Path(source)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if not path.is_file():
            raise InputError(f"{path}: not a regular file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        return decode(data)
    raise InputError(f"expected str, bytes or a path, got {type(source).__name__}")


def decode(data: bytes) -> str:
    """Bytes to str: gzip data is decompressed first (archived pages); a BOM wins; then UTF-8 (tolerating a few broken bytes, replaced by U+FFFD);
    then the charset `charset_normalizer` detects."""
    if data[:2] == b"\x1f\x8b":
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"gzip data could not be decompressed ({exc})") from exc
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(1, len(data) * _MAX_BAD_UTF8) and _looks_like_utf8(data):
        return replaced
    from charset_normalizer import from_bytes  # imported here: only needed for non-UTF-8 input

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    if bad <= len(data) * 0.2:
        return replaced
    raise InputError("bytes are in no charset that could be detected")


def _looks_like_utf8(data: bytes) -> bool:
    """True when the input has multi-byte UTF-8 sequences (so the valid part is really UTF-8)
    or is mostly ASCII."""
    high = sum(1 for b in data[:200_000] if b >= 0x80)
    return high == 0 or regex.search(rb"[\xc2-\xf4][\x80-\xbf]", data[:200_000]) is not None or high < 8


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document rather than text scraped from one."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 8
