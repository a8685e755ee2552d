"""What each body paragraph is in the page's structure (heading, list item, quote, table row,
code or paragraph): from the markup when the input was HTML, from the line's shape otherwise."""

from __future__ import annotations

from typing import Final

import regex

from .article import Block
from .features import UnitFacts
from .lines import Unit

# A list item written as text: a bullet or a number, then the item ("- one", "2) two").
_LIST_ITEM: Final = regex.compile(r"\A\s*(?:[-*\u2022\u00b7\u25aa\u25e6\u2013]|\d{1,3}[.)])\s+\S")
# A subheading read from its shape: short, no sentence ending, mostly letters.
_HEADING_WORDS: Final = 15

PARAGRAPH: Final = Block()


def from_shape(text: str, facts: UnitFacts, followed: bool) -> Block:
    """The block a body unit of plain text is: a table row (cells split by tabs), a list item
    (a bullet or number opens it), a subheading (a short line that is no sentence, with more
    body after it: `followed`), else a paragraph."""
    if "\t" in text.strip():
        return Block("table_row")
    if _LIST_ITEM.match(text):
        return Block("list_item")
    if followed and facts.words <= _HEADING_WORDS and not facts.ends_sentence and facts.letter_share >= 0.5:
        return Block("heading", 2)
    return PARAGRAPH


def of_units(
    units: list[Unit],
    facts: list[UnitFacts],
    body: list[int],
    markup: list[tuple[str, int]] | None,
) -> tuple[Block, ...]:
    """The block of each body unit (`body`: their indices, in order); `markup` gives each unit's
    block from the HTML when there was some."""
    out: list[Block] = []
    for k, i in enumerate(body):
        if markup is not None:
            kind, level = markup[i]
            out.append(PARAGRAPH if kind == "paragraph" else Block(kind, level))
        else:
            out.append(from_shape(units[i].text, facts[i], k + 1 < len(body)))
    return tuple(out)
