"""Input loading: bytes or str or path to one str, charset detection, HTML sniffing."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import Final

import regex

from .errors import InputError

# A document opens with a doctype or one of these elements (after an XML declaration and
# comments). A page's head can open with a script, a style sheet or a link before any <html>:
# such a page has few of the tags `_TAG` counts in its first 4 KB (a long inline style).
_HTML_START = regex.compile(
    r"""
    \A \ufeff? \s*
    (?: <\?xml\b [^>]*+ > \s* )?
    (?: <!-- .*? --> \s* )*
    <(?: !doctype\s+html | html | head | body | meta | title | link | script | style | noscript
       | div | article | p | section )\b
    """,
    regex.IGNORECASE | regex.DOTALL | regex.VERBOSE,
)
_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|h[1-6]|article|section|figure|img|script|table)\b[^<>]{0,2000}>", regex.I
)

# Share of undecodable bytes under which the input is taken as UTF-8 with a few broken bytes.
_MAX_BAD_UTF8 = 0.01
# How much of an HTML page is searched for the charset it declares (the HTML standard asks for
# the declaration within the first 1024 bytes; long heads push it further).
_DECLARATION_SPAN = 2048
# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">.
_META_CHARSET = regex.compile(
    rb"""<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:+-]{1,40})""", regex.I
)
# <?xml version="1.0" encoding="..."?> opening the page.
_XML_ENCODING = regex.compile(
    rb"""\A\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:+-]{1,40})["']""", regex.I
)
# Charset labels that browsers read as a superset (the WHATWG Encoding Standard): a page
# labelled ISO-8859-1 or ASCII is decoded as windows-1252, whose curly quotes, dashes and euro
# sign it nearly always holds; the same for Turkish, Thai, Chinese, Japanese and Korean labels.
_WEB_CODECS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "utf-8-sig": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_input(source: str | bytes | bytearray | os.PathLike[str], encoding: str | None = None) -> str:
    """The text to work on. Paths are read as bytes; bytes are decoded (see `decode`), in
    `encoding` when the caller knows it (a charset name, e.g. from an HTTP header)."""
    if isinstance(source, str):
        return source
    if isinstance(source, bytes | bytearray):
        return decode(bytes(source), encoding)
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
        return decode(data, encoding)
    raise InputError(f"expected str, bytes or a path, got {type(source).__name__}")


# Mojibake: a character that opens a UTF-8 sequence read as windows-1252 or Latin-1 ("Ã", "â"),
# then one that such a sequence goes on with ("Ã©" for "é", "â€™" for "’"); or a C1 control
# character, which no text uses. Only text that has one goes to ftfy, which repairs it only
# where it is sure the text was decoded wrongly.
_MOJIBAKE: Final = regex.compile(
    "[\u00c2-\u00f4]"  # a lead byte's character
    "[\u0080-\u00bf"  # a continuation byte's, as Latin-1 reads it, or as windows-1252 does:
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a"
    "\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# A C1 control: windows-1252 read as Latin-1 ("shouldn\x92t"). (Two patterns: one with both
# alternatives scans twenty times slower.)
_C1_CONTROL: Final = regex.compile("[\u0080-\u009f]")


# How far around each mark the repair looks (within its line): mojibake is local, and a page's
# one-line script or style of megabytes is not read whole for a mark inside it.
_REPAIR_REACH: Final = 300
_WORD_REACH: Final = 40  # how far a stretch may grow to end on a word's edge


def repair_mojibake(text: str) -> str:
    """`text` with its mojibake repaired ("doesnâ€™t" -> "doesn’t", "SÃ£o Paulo" -> "São
    Paulo"): UTF-8 that was decoded as windows-1252 or Latin-1 somewhere before it reached
    us, often inside the page's own HTML. ftfy decides and repairs, on the stretch of each line
    around each mark; only its encoding fixes run (no quote, width, ligature, line-break or
    Unicode-form changes), so clean text and every line break stay as they are."""
    spans = _marked_spans(text)
    if not spans:
        return text
    import ftfy  # imported here: only needed for text that looks broken

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    out: list[str] = []
    last = 0
    for lo, hi in spans:
        out.append(text[last:lo])
        out.append(ftfy.fix_text(text[lo:hi], config))
        last = hi
    out.append(text[last:])
    return "".join(out)


def _marked_spans(text: str) -> list[tuple[int, int]]:
    """The stretches around the marks of mojibake: within the mark's line, up to
    `_REPAIR_REACH` characters on each side, widened to a word's edge when one is near;
    overlapping ones merged. (A line break is whitespace: the widening never crosses one.)"""
    spans: list[tuple[int, int]] = []
    marks = sorted((*_MOJIBAKE.finditer(text), *_C1_CONTROL.finditer(text)), key=lambda m: m.start())
    for m in marks:
        lo = max(0, m.start() - _REPAIR_REACH)
        lo = text.rfind("\n", lo, m.start()) + 1 or lo
        hi = min(len(text), m.end() + _REPAIR_REACH)
        newline = text.find("\n", m.end(), hi)
        hi = newline if newline >= 0 else hi
        stop = max(0, lo - _WORD_REACH)
        while lo > stop and not text[lo - 1].isspace():
            lo -= 1
        stop = min(len(text), hi + _WORD_REACH)
        while hi < stop and not text[hi].isspace():
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to str. Gzip data is decompressed first (archived pages). Then, in this order:
    a BOM; the `encoding` the caller gives (undecodable bytes become U+FFFD); the charset an
    HTML page declares in its first 2 KB (`<meta charset>`, `<meta http-equiv="Content-Type">`
    or an XML declaration's encoding), unless the bytes are UTF-8 beyond ASCII (a page moved to
    UTF-8 that kept its old declaration); UTF-8, tolerating a few broken bytes (replaced by
    U+FFFD); the charset `charset_normalizer` detects. A charset name is read as browsers read
    it (`web_codec`): ISO-8859-1 as windows-1252. Raises ValueError for an `encoding` that is
    no charset."""
    if data[:2] == b"\x1f\x8b":
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"gzip data could not be decompressed ({exc})") from exc
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(bom_codec)
            except UnicodeDecodeError:
                break
    if encoding is not None:
        codec = web_codec(encoding)
        if codec is None:
            raise ValueError(f"encoding: unknown charset {encoding!r}")
        try:
            return data.decode(codec, errors="replace")
        except UnicodeError as exc:  # a codec that fails whatever the error handler says
            raise InputError(f"bytes cannot be read as {encoding} ({exc})") from exc
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    declared = declared_charset(data)
    if declared is not None and declared != "utf-8" and (utf8 is None or utf8.isascii()):
        try:
            return data.decode(declared)
        except UnicodeError:
            pass  # the page is not in the charset it names: read it as if it named none
    if utf8 is not None:
        return utf8
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


def web_codec(label: str) -> str | None:
    """The Python codec for a charset label ("windows-1252", "ISO-8859-1", "utf8", "Shift_JIS"),
    as browsers read the label (`_WEB_CODECS`); None when Python has no charset of that name
    (codecs such as base64 or rot13 turn bytes into bytes and are no charsets)."""
    try:
        name = codecs.lookup(label.strip()).name
        "<".encode(name).decode(name, errors="replace")  # a charset, not a bytes-to-bytes codec
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    return _WEB_CODECS.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The codec (`web_codec`) of the charset an HTML page declares in its first 2 KB: a meta
    element's charset or the encoding of the XML declaration opening the page. None when the
    bytes are no HTML, declare nothing Python knows, or declare a charset that cannot be
    (UTF-16 and UTF-32 cannot be named inside a page written in ASCII-compatible bytes) or that
    browsers refuse (UTF-7)."""
    head = data[:_DECLARATION_SPAN]
    if not looks_like_html(head.decode("latin-1")):
        return None
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    codec = web_codec(found.group(1).decode("ascii"))
    if codec is None or codec.startswith(("utf-16", "utf-32", "utf-7")):
        return None
    return codec


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
    tags = len(_TAG.findall(head))
    if tags < 2:
        return False
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    # A short fragment (a CMS field, an API's "content": "<h2>...</h2><p>...</p>") is markup
    # from edge to edge on most of its lines; no text rendering of the development pages is.
    if sum(1 for line in lines if line[0] == "<" and line[-1] == ">") >= 0.5 * len(lines):
        return True
    # A longer one holds its tags on its lines; the text of a page that shows HTML code (a
    # reference of elements, a tutorial) has most of its lines without one.
    return tags >= 8 and sum(1 for line in lines if "<" not in line) < 0.5 * len(lines)
