"""HTML to visible text, laid out as a browser's innerText would: one block per line; beside
the text, what the markup says of each line (`Rendering.lines`: the elements it sits in)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Final

import regex
from lxml import etree
from lxml import html as lxml_html

from .errors import InputError
from .language import unspaced_chars
from .lexicon import data_rows

# Elements whose text is not the page's text. A <textarea>'s is a form field's value (a comment
# box's placeholder, a "republish this story" box holding the article's own HTML source): a
# browser's innerText leaves it out, as it leaves out a <select>'s options. Ruby annotations
# (<rt>, the reading printed over a Japanese or Chinese character, and <rp>, the brackets around
# it) are left out too: a browser prints them inline, "子こども" for 子ども, which no reader of
# the text wants and no word or sentence of the language holds.
_SKIP = frozenset(
    {
        "rt",
        "rp",
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "object",
        "select",
        "button",
        "textarea",
    }
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


# The elements a line can sit in, by group: each group is one structural feature of a line.
_TAG_GROUPS: Final = (
    ("article", ("article",)),
    ("main", ("main",)),
    ("nav", ("nav",)),
    ("aside", ("aside",)),
    ("footer", ("footer",)),
    ("header", ("header",)),
    ("figure", ("figure", "figcaption")),
    ("list", ("li", "dd", "dt")),
    ("quote", ("blockquote", "q")),
    ("table", ("table", "td", "th")),
    ("form", ("form", "label")),
    ("heading", ("h1", "h2", "h3", "h4", "h5", "h6")),
    ("link", ("a",)),
    ("paragraph", ("p",)),
    ("code", ("pre", "code")),
    ("time", ("time",)),
)
_TAG_BITS: Final = {tag: 1 << k for k, (_, tags) in enumerate(_TAG_GROUPS) for tag in tags}
_GROUP_BIT: Final = {name: 1 << k for k, (name, _) in enumerate(_TAG_GROUPS)}
# The block a line is, from the groups of the elements it sits in, first match first.
_BLOCK_ORDER: Final = (
    ("heading", "heading"),
    ("code", "code"),
    ("table", "table_row"),
    ("list", "list_item"),
    ("quote", "quote"),
)


def _class_words() -> tuple[tuple[str, ...], dict[str, int]]:
    """The categories of class and id words (data/dom_words.tsv) and each word's bit."""
    names: list[str] = []
    bits: dict[str, int] = {}
    for name, words in data_rows("dom_words.tsv"):
        bit = 1 << (len(_TAG_GROUPS) + len(names))
        names.append(name)
        for word in words.split():
            bits[word] = bits.get(word, 0) | bit
    return tuple(names), bits


_CLASS_NAMES, _CLASS_BITS = _class_words()
_N_BITS: Final = len(_TAG_GROUPS) + len(_CLASS_NAMES)
# An attribute cut into words: at anything but a letter or a digit, and where capitals start.
_ATTRIBUTE_WORD: Final = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")
# The structural facts of a line, in the order of `Rendering.lines`: the share of its characters
# inside each group of elements, inside an element whose class or id names each category, the
# depth of its elements in the tree, and how much of their ancestry they share with the page's
# longest line (1: the same element; 0: only the document).
DOM_FEATURES: Final = (
    *(f"in_{name}" for name, _ in _TAG_GROUPS),
    *(f"class_{name}" for name in _CLASS_NAMES),
    "depth",
    "shared_depth",
)
_LCA_STEPS: Final = 400  # (how far up the tree the shared ancestry is looked for)


@dataclass(frozen=True, slots=True)
class Rendering:
    """The visible text of an HTML document and, per line of it, the facts of DOM_FEATURES
    (blank lines get zeros); `lines` is None when the text came from stripping tags."""

    text: str
    lines: tuple[tuple[float, ...], ...] | None
    # per line, the block it is (type and heading level, see `article.Block`); None with `lines`
    blocks: tuple[tuple[str, int], ...] | None = None


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document, blocks on their own lines, paragraphs set apart."""
    return parse_html(markup).text


def render(markup: str) -> Rendering:
    """The visible text of an HTML document and the structural facts of each of its lines."""
    parsed = parse_html(markup)
    return Rendering(parsed.text, parsed.lines, parsed.blocks)


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    """A page parsed once: its visible text, the tree the markup metadata is read from, and
    the facts and block of each line (as in `Rendering`)."""

    text: str
    root: etree._Element
    lines: tuple[tuple[float, ...], ...] | None = None
    blocks: tuple[tuple[str, int], ...] | None = None


def parse_html(markup: str) -> ParsedHtml:
    """Parse a page with the one safe parser; the text is `html_to_text`'s, and the tree is
    kept for what the head declares (markup.py reads it; nothing changes it)."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    markup = _INTERNAL_SUBSET.sub("<!DOCTYPE html>", markup, count=1)
    try:
        root = lxml_html.document_fromstring(markup, parser=_PARSER)
    except etree.ParserError:  # no element at all ("<!DOCTYPE html>" alone): an empty page
        root = lxml_html.document_fromstring("<html></html>", parser=_PARSER)
    except ValueError as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    out: list[str] = []
    tree = _Tree()
    _walk(root, out, tree)
    raw = "".join(out)
    crude = _crude_text(markup)
    # (counted by spaces first: the characters of the scripts without spaces, `_tokens`, only
    # when the spaces say so)
    if len(raw.split()) < 0.5 * len(crude.split()) and _tokens(raw) < 0.5 * _tokens(crude):
        # the walk read under half the page's words: the parser gave up on part of it (nesting
        # too deep, a text node too large), or the page hides its text until a script shows it
        # (display:none, `hidden`, "Loading..." in its place). On 85 of the 1,980 development
        # pages, the tag-stripped text gives the better body (train side 0.52 against 0.38 for
        # the walk's text); of the cut-offs 0.1-0.8, 0.5 and 0.6 do best on train pages.
        return ParsedHtml(_layout(_tidy(crude)), root)
    text = _layout(raw)
    facts = _line_facts(out, text, tree)
    if facts is None:
        return ParsedHtml(text, root)
    return ParsedHtml(text, root, facts[0], facts[1])


def _tokens(text: str) -> int:
    """What the walk's text and the tag-stripped text are compared by: words, and each character
    of the scripts written without spaces. Counted by spaces alone, a Japanese paragraph is one
    word in the walk's text and a dozen in the tag-stripped one, whose every inline tag became a
    space."""
    return len(text.split()) + unspaced_chars(text)


def _layout(text: str) -> str:
    text = _BLANKS.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip() + "\n"


class _Tree:
    """The elements the walk entered: each one's parent, depth and bits (its groups and class
    categories, and those of its ancestors), and for each piece of text its element."""

    __slots__ = ("bits", "depth", "level", "owners", "parent", "words")

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.depth: list[int] = []
        self.bits: list[int] = []
        self.level: list[int] = []  # the level of the heading the element is in, or 0
        self.owners: list[int] = []  # per piece of `out`: its element, or -1 for a break
        # the bits of each class or id value met so far: a page repeats the same few hundred
        # values on thousands of elements, and reading the words of one costs a regex pass
        self.words: dict[str, int] = {}

    def enter(self, el: etree._Element, tag: str, parent: int) -> int:
        bits = _TAG_BITS.get(tag, 0)
        for name in ("class", "id"):
            value = el.get(name)
            if value:
                known = self.words.get(value)
                if known is None:
                    known = 0
                    for word in _ATTRIBUTE_WORD.findall(value):
                        known |= _CLASS_BITS.get(word.casefold(), 0)
                    self.words[value] = known
                bits |= known
        self.parent.append(parent)
        self.depth.append(self.depth[parent] + 1 if parent >= 0 else 0)
        self.bits.append(bits | (self.bits[parent] if parent >= 0 else 0))
        level = self.level[parent] if parent >= 0 else 0
        self.level.append(int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else level)
        return len(self.parent) - 1

    def block(self, node: int) -> tuple[str, int]:
        """The block an element's text is in: a heading (and its level), code, a table row, a
        list item, a quote, else a paragraph; the first that holds it, in that order."""
        bits = self.bits[node]
        for name, kind in _BLOCK_ORDER:
            if bits & _GROUP_BIT[name]:
                return kind, self.level[node] if kind == "heading" else 0
        return "paragraph", 0

    def ancestry(self, node: int) -> dict[int, int]:
        out: dict[int, int] = {}
        steps = 0
        while node >= 0 and steps < _LCA_STEPS:
            out[node] = self.depth[node]
            node = self.parent[node]
            steps += 1
        return out

    def shared(self, node: int, ancestry: dict[int, int]) -> int:
        steps = 0
        while node >= 0 and steps < _LCA_STEPS:
            if node in ancestry:
                return ancestry[node]
            node = self.parent[node]
            steps += 1
        return 0


def _line_facts(
    out: list[str], text: str, tree: _Tree
) -> tuple[tuple[tuple[float, ...], ...], tuple[tuple[str, int], ...]] | None:
    """The facts and the block of each line of `text` (the laid-out pieces `out` of the walk)."""
    raw: list[list[tuple[int, int]]] = [[]]  # per raw line: (element, characters) of its pieces
    for piece, owner in zip(out, tree.owners, strict=True):
        if owner < 0:  # a break: newlines, a tab or spaces
            raw.extend([] for _ in range(piece.count("\n")))
        elif chars := len(piece.strip()):
            raw[-1].append((owner, chars))
    raw_lines = "".join(out).split("\n")
    lines = text.split("\n")
    filled = [k for k, line in enumerate(raw_lines) if line.strip()]
    shown = [k for k, line in enumerate(lines) if line]
    if len(filled) != len(shown) or len(raw) != len(raw_lines):
        return None  # (cannot happen: the layout only drops blank lines and edge spaces)
    zero = (0.0,) * len(DOM_FEATURES)
    facts: list[tuple[float, ...]] = [zero] * len(lines)
    blocks: list[tuple[str, int]] = [("paragraph", 0)] * len(lines)
    longest = max(filled, key=lambda k: sum(c for _, c in raw[k]), default=-1)
    if longest < 0 or not raw[longest]:
        return tuple(facts), tuple(blocks)
    top = max(raw[longest], key=lambda p: p[1])[0]
    ancestry = tree.ancestry(top)
    scale = tree.depth[top] + 1.0
    for k, r in zip(shown, filled, strict=True):
        parts = raw[r]
        total = sum(c for _, c in parts)
        if not total:
            continue
        shares = [0.0] * _N_BITS
        depth = 0.0
        for owner, chars in parts:
            bits = tree.bits[owner]
            depth += tree.depth[owner] * chars
            b = 0
            while bits:
                if bits & 1:
                    shares[b] += chars
                bits >>= 1
                b += 1
        main = max(parts, key=lambda p: p[1])[0]
        shared = tree.shared(main, ancestry)
        facts[k] = (*(v / total for v in shares), depth / total / scale, (shared + 1.0) / scale)
        blocks[k] = tree.block(main)
    return tuple(facts), tuple(blocks)


_INVISIBLE_BLOCK = regex.compile(
    r"<(script|style|noscript|template|textarea|rt|rp)\b[^>]*+>.*?</\1\s*>|<!--.*?-->", regex.I | regex.S
)
_BLOCK_TAG = regex.compile(
    r"</?(?:p|div|br|li|h[1-6]|article|section|header|footer|nav|aside|ul|ol|tr|table|figure|figcaption|"
    r"blockquote|main|dd|dt|pre|form)\b[^>]*+>",
    regex.I,
)
_ANY_TAG = regex.compile(r"<[^>]*+>")


def _crude_text(markup: str) -> str:
    """Text by stripping tags, for pages the HTML parser cannot take whole: its lines are
    tidied only when it is used (`_tidy`), which leaves its words as they are."""
    import html as html_entities

    text = _INVISIBLE_BLOCK.sub(" ", markup)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    return html_entities.unescape(text)


def _tidy(text: str) -> str:
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _walk(root: etree._Element, out: list[str], tree: _Tree) -> None:
    """Append the visible text under `root` (iterative: deeply nested pages do not recurse),
    and record in `tree` the element each piece of text belongs to."""
    owners = tree.owners
    # (element, closing, the element's number when closing, its parent's when opening)
    stack: list[tuple[etree._Element, bool, int]] = [(root, False, -1)]
    while stack:
        el, closing, node = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            _block_break(tag, out, owners)
            if el.tail:
                out.append(_SPACES.sub(" ", el.tail))
                owners.append(tree.parent[node])
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
                owners.append(node)
            continue
        if tag == "br":
            out.append("\n")
            owners.append(-1)
        elif tag in _CELL:
            out.append("\t")
            owners.append(-1)
        else:
            _block_break(tag, out, owners)
        me = tree.enter(el, tag, node)
        if el.text:
            out.append(_SPACES.sub(" ", el.text))
            owners.append(me)
        stack.append((el, True, me))
        stack.extend((child, False, me) for child in reversed(el))


def _block_break(tag: str, out: list[str], owners: list[int]) -> None:
    """Paragraphs and headings stand apart by a blank line, other blocks start a new line."""
    if tag in _PARAGRAPH:
        out.append("\n\n")
        owners.append(-1)
    elif tag in _BLOCK:
        out.append("\n")
        owners.append(-1)


def span_facts(
    text: str, lines: tuple[tuple[float, ...], ...], spans: list[tuple[int, int]]
) -> list[tuple[float, ...]]:
    """The facts of each (start, end) span of `text` (a unit of one or more lines): the mean of
    its lines' facts, weighted by their lengths."""
    starts = [0]
    k = text.find("\n")
    while k >= 0:
        starts.append(k + 1)
        k = text.find("\n", k + 1)
    zero = (0.0,) * len(DOM_FEATURES)
    out: list[tuple[float, ...]] = []
    for start, end in spans:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        if first == last:
            out.append(lines[first] if first < len(lines) else zero)
            continue
        total = 0.0
        acc = [0.0] * len(DOM_FEATURES)
        for k in range(first, min(last, len(lines) - 1) + 1):
            size = float(len(text[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(text)].strip()))
            if size:
                total += size
                for j, v in enumerate(lines[k]):
                    acc[j] += v * size
        out.append(tuple(v / total for v in acc) if total else zero)
    return out
