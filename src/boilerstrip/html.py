"""HTML to visible text, laid out as a browser's innerText would: one block per line."""

from __future__ import annotations

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


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document, blocks on their own lines, paragraphs set apart."""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    out: list[str] = []
    _walk(root, out)
    text = "".join(out)
    text = _BLANKS.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip() + "\n"


def _walk(el: etree._Element, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    hidden = tag in _SKIP or el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style", "")))
    if not hidden and tag:
        if tag == "br":
            out.append("\n")
        elif tag in _PARAGRAPH:
            out.append("\n\n")
        elif tag in _BLOCK:
            out.append("\n")
        elif tag in _CELL:
            out.append("\t")
        elif tag == "img" and not el.text:
            pass
        if el.text:
            out.append(_SPACES.sub(" ", el.text))
        for child in el:
            _walk(child, out)
        if tag in _PARAGRAPH:
            out.append("\n\n")
        elif tag in _BLOCK:
            out.append("\n")
    if el.tail:
        out.append(_SPACES.sub(" ", el.tail))
