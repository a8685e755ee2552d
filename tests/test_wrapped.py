"""Hard-wrapped text (mail, pre-formatted blocks): the lines of a paragraph filled up to a fixed
width are one paragraph again, and a list of short lines is not."""

from __future__ import annotations

import pytest

from boilerstrip import extract

from conftest import FIXTURES

WRAPPED = FIXTURES / "wrapped"


@pytest.mark.parametrize("name", ["mail-en", "mail-de"])
def test_wrapped_paragraphs_are_rejoined(name: str) -> None:
    text = (WRAPPED / f"{name}.txt").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    story = [" ".join(b.split("\n")) for b in blocks if len(b) > 120]  # the wrapped paragraphs
    paragraphs = list(extract(text).paragraphs)
    assert paragraphs == story


def test_a_menu_of_similar_lines_is_not_joined() -> None:
    text = (WRAPPED / "mail-en.txt").read_text(encoding="utf-8")
    article = extract(text)
    kinds = {article.text[s.start : s.end]: s.kind.value for s in article.segments}
    assert kinds["Share"] == "share" and kinds["Twitter"] == "share"
