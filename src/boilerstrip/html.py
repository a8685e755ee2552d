"""HTML to visible text, laid out as a browser's innerText would: one block per line."""

from __future__ import annotations

from dataclasses import dataclass

import regex
from lxml import etree
from lxml import html as lxml_html

from .errors import InputError

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select", "button"}
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "center",
        "menu",
        "body",
        "html",
    }
)
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_CELL = frozenset({"td", "th"})
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_SPACES = regex.compile(r"[ \t\r\n\f\v]+")
_BLANKS = regex.compile(r" *\n(?: *\n)+ *")
# The XML declaration of an XHTML page. The text is decoded already, and lxml refuses a str
# that declares an encoding, so the declaration goes before parsing (it shows nothing).
_XML_DECLARATION = regex.compile(r"\A\s*<\?xml\b[^>]*+>", regex.I)
# A document type with an internal subset (entity declarations): the HTML parser neither reads
# nor expands them, but would print the subset's closing "]>" as text.
_INTERNAL_SUBSET = regex.compile(r"\A\s*<!DOCTYPE\b[^\[>]*+\[[^\]]*+\]\s*>", regex.I)

# The one parser pages go through: libxml2's HTML parser, which loads no DTD and expands no
# entity a page declares; no_network keeps it from fetching anything a page refers to, and
# without huge_tree it stops at libxml2's depth limit (the text is then read by `_crude_text`).
# There is no XML parser: XHTML is read as HTML.
_PARSER = lxml_html.HTMLParser(no_network=True, huge_tree=False)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document, blocks on their own lines, paragraphs set apart."""
    return parse_html(markup).text


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    """A page parsed once: its visible text, and the tree the markup metadata is read from."""

    text: str
    root: etree._Element


def parse_html(markup: str) -> ParsedHtml:
    """Parse a page with the one safe parser; the text is `html_to_text`'s, and the tree is
    kept for what the head declares (markup.py reads it; nothing changes it)."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    markup = _INTERNAL_SUBSET.sub("<!DOCTYPE html>", markup, count=1)
    try:
        root = lxml_html.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    out: list[str] = []
    _walk(root, out)
    text = "".join(out)
    crude = _crude_text(markup)
    if len(text.split()) < 0.5 * len(crude.split()):
        text = crude  # the parser gave up on part of the page (nesting too deep): keep the text
    text = _BLANKS.sub("\n\n", text)
    return ParsedHtml("\n".join(line.strip() for line in text.split("\n")).strip() + "\n", root)


_INVISIBLE_BLOCK = regex.compile(
    r"<(script|style|noscript|template)\b[^>]*+>.*?</\1\s*>|<!--.*?-->", regex.I | regex.S
)
_BLOCK_TAG = regex.compile(
    r"</?(?:p|div|br|li|h[1-6]|article|section|header|footer|nav|aside|ul|ol|tr|table|figure|figcaption|"
    r"blockquote|main|dd|dt|pre|form)\b[^>]*+>",
    regex.I,
)
_ANY_TAG = regex.compile(r"<[^>]*+>")


def _crude_text(markup: str) -> str:
    """Text by stripping tags, for pages the HTML parser cannot take whole."""
    import html as html_entities

    text = _INVISIBLE_BLOCK.sub(" ", markup)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    text = html_entities.unescape(text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _walk(root: etree._Element, out: list[str]) -> None:
    """Append the visible text under `root` (iterative: deeply nested pages do not recurse)."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            _block_break(tag, out)
            if el.tail:
                out.append(_SPACES.sub(" ", el.tail))
            continue
        style = el.get("style") if tag else None
        hidden = (
            not tag  # comments and processing instructions: only their tail is text
            or tag in _SKIP
            or el.get("hidden") is not None
            or bool(style and _HIDDEN_STYLE.search(style))
        )
        if hidden:
            if el.tail and el is not root:
                out.append(_SPACES.sub(" ", el.tail))
            continue
        if tag == "br":
            out.append("\n")
        elif tag in _CELL:
            out.append("\t")
        else:
            _block_break(tag, out)
        if el.text:
            out.append(_SPACES.sub(" ", el.text))
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


def _block_break(tag: str, out: list[str]) -> None:
    """Paragraphs and headings stand apart by a blank line, other blocks start a new line."""
    if tag in _PARAGRAPH:
        out.append("\n\n")
    elif tag in _BLOCK:
        out.append("\n")
