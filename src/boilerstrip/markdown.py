"""Markdown to the text it shows. Page-to-Markdown tools (html2text, reader and crawler
services that feed language-model pipelines) print a page's links, images and emphasis as
syntax: "[Politics](https://...)", "![Photo](https://...jpg)", "**Updated**". Read as text,
that syntax is noise that buries the story (link targets are half the words of a menu). The
rendering keeps what a browser shows, one output line for each input line, so the line
numbers of the segments are the input's: a link is its label, an image and a link
definition are nothing, a heading, a quotation or a list item loses its marker, emphasis and
code lose their marks, a fence or a rule becomes a blank line. Text inside a fenced block is
kept as it is.
"""

from __future__ import annotations

from typing import Final

import regex

# A link or an image with its target: "[label](https://x.y/z "title")", "![alt](a.jpg)";
# the target may hold one level of parentheses ("(https://en.wikipedia.org/wiki/A_(b))"),
# the label and the target a line break where a tool wrapped the text (not a blank line).
_INLINE: Final = regex.compile(
    r"""
    (?P<image>!?)
    \[ (?P<label> (?: [^\[\]\n] | \n(?!\s*\n) )* ) \]
    \( \s* (?: <[^<>\n]*> | (?: [^()\s] | \n(?!\s*\n) | \( [^()\s]* \) )* )
    (?: \s+ (?: "[^"\n]*" | '[^'\n]*' ) )? \s* \)
    """,
    regex.X,
)
# The same with a reference instead of a target: "[label][1]", "![alt][logo]".
_REFERENCE: Final = regex.compile(r"(?P<image>!?)\[(?P<label>[^\[\]\n]*)\]\[[^\[\]\n]*\]")
_DEFINITION: Final = regex.compile(r"\A {0,3}\[[^\[\]\n]+\]:\s+\S")
_AUTOLINK: Final = regex.compile(r"<((?:https?|ftp)://[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_FENCE: Final = regex.compile(r"\A {0,3}(```|~~~)")
_HEADING: Final = regex.compile(r"\A {0,3}#{1,6}(?:\s+|\Z)(.*?)(?:\s+#+)?\s*\Z")
_RULE: Final = regex.compile(r"\A {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*)\Z")
_QUOTE: Final = regex.compile(r"\A\s*(?:>\s?)+")
_BULLET: Final = regex.compile(r"\A\s*[-*+]\s+(?:\[[ xX]\]\s+)?")
_TABLE_ROW: Final = regex.compile(r"\A\s*\|")
# What opens a block of its own: a heading, a list item, a quotation, a table row.
_BLOCK_START: Final = regex.compile(r"\A\s*(?:\#{1,6}(?:\s|\Z)|[-*+]\s|\d{1,9}[.)]\s|>|\|)")
_TABLE_RULE: Final = regex.compile(r"\A\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*\Z")
_EMPHASIS: Final = regex.compile(
    r"""
    \*\*(?=\S)(?P<a>[^\n]+?)(?<=\S)\*\*
    | (?<!\w)__(?=\S)(?P<b>[^\n]+?)(?<=\S)__(?!\w)
    | ~~(?=\S)(?P<c>[^\n]+?)(?<=\S)~~
    | (?<![\w*])\*(?=[^\s*])(?P<d>[^*\n]+?)(?<=[^\s*])\*(?![\w*])
    | (?<!\w)_(?=[^\s_])(?P<e>[^_\n]+?)(?<=[^\s_])_(?!\w)
    | `(?P<f>[^`\n]+)`
    """,
    regex.X,
)
_ESCAPE: Final = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# An escaped mark is kept out of the patterns' way as a private-use character until the end.
_HIDDEN: Final = 0xE000
_HIDDEN_MARK: Final = regex.compile(r"[\uE000-\uE07F]")

# What makes a text Markdown: three links or images in its syntax, and as many as one for
# every twenty lines. A page-to-Markdown rendering has one for 7-90% of its lines (a median
# of 57% on the development pages); a scraped text that prints a few as its site's editor
# left them ("Retrieved from [cdc.gov](https://www.cdc.gov)"), one for under 2%.
_SNIFF_LINKS: Final = 3
_SNIFF_SHARE: Final = 0.05


def looks_like_markdown(text: str) -> bool:
    """True when the text prints its links or images as Markdown syntax."""
    if "](" not in text:
        return False
    links = sum(1 for _ in _INLINE.finditer(text))
    if links < _SNIFF_LINKS:
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    return links >= _SNIFF_SHARE * lines


def render(text: str) -> str:
    """The text `text` shows as Markdown, one output line for each input line."""
    out: list[str] = []
    prose: list[str] = []  # the lines since the last fence, outside a fenced block
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            out.extend(_lines(prose))
            prose = []
            fenced = not fenced
            out.append("")
        elif fenced:
            out.append(line)
        else:
            prose.append(line)
    out.extend(_lines(prose))
    return "\n".join(out)


def _lines(lines: list[str]) -> list[str]:
    """Lines outside a fenced block as they show: the links first, since a wrapped label
    runs over two lines; then each paragraph on its first line, the lines it took blank."""
    if not lines:
        return []
    chunk = "\n".join(lines)
    if "[" in chunk:
        chunk = _links(chunk)
    paras: list[list[str]] = []  # each paragraph's lines; a blank line is a paragraph of its own
    for line in chunk.split("\n"):
        if paras and _continues(paras[-1][-1], line):
            paras[-1].append(line.strip())
        else:
            paras.append([line])
    out: list[str] = []
    for para in paras:
        out.append(_line(" ".join(para)))
        out.extend([""] * (len(para) - 1))
    return out


def _continues(before: str, line: str) -> bool:
    """Whether `line` goes on with the paragraph of the line before it (a soft line break):
    neither is blank, the one before is not a heading, a rule, a table row or a hard break
    (two spaces or a backslash at its end), and `line` opens no block of its own."""
    if not line.strip() or not before.strip() or before.endswith(("  ", "\\")):
        return False
    if _HEADING.match(before) or _RULE.match(before) or _TABLE_ROW.match(before) or _DEFINITION.match(before):
        return False
    return not _BLOCK_START.match(line) and not _RULE.match(line) and not _DEFINITION.match(line)


def _line(line: str) -> str:
    if _DEFINITION.match(line) or _RULE.match(line) or _TABLE_RULE.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading is not None:
        line = heading.group(1)
    escaped = "\\" in line
    if escaped:
        line = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)
    line = _QUOTE.sub("", line, count=1)
    line = _BULLET.sub("", line, count=1)
    line = _AUTOLINK.sub(r"\1", line)
    if "*" in line or "_" in line or "~" in line or "`" in line:
        line = _EMPHASIS.sub(_marked, line)
    if escaped:
        line = _HIDDEN_MARK.sub(lambda m: chr(ord(m.group(0)) - _HIDDEN), line)
    return line


def _links(line: str) -> str:
    """Links as their labels, images as nothing, until none is left ("[![alt](a.jpg)](/x)"
    is an image inside a link)."""
    for _ in range(4):
        changed = _REFERENCE.sub(_label, _INLINE.sub(_label, line))
        if changed == line:
            break
        line = changed
    return line


def _label(m: regex.Match[str]) -> str:
    """A link's label or nothing for an image, and the line breaks of what is left out (so
    that each input line stays one line)."""
    shown: str = "" if m.group("image") else m.group("label")
    whole: str = m.group(0)
    return shown + "\n" * (whole.count("\n") - shown.count("\n"))


def _marked(m: regex.Match[str]) -> str:
    """The text inside the emphasis or code marks that matched."""
    inner: str = next(g for g in m.groups() if g is not None)
    return inner
