"""Whole pages with captions whose credit is written in words, in several languages: the
captions and credits against the expected file beside the text, and none of them in the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilerstrip import extract
from boilerstrip.kinds import Kind

from conftest import FIXTURES, expected_beside

PAGES = sorted((FIXTURES / "captions").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_captions(page: Path) -> None:
    exp = expected_beside(page)
    article = extract(page.read_text(encoding="utf-8"))
    assert [{"text": c.text, "credit": c.credit} for c in article.captions] == exp["captions"]
    assert len(article.paragraphs) == exp["paragraphs"]


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_caption_lines_leave_the_body(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    article = extract(text)
    for caption in article.captions:
        assert caption.text not in article.paragraphs
        kinds = {s.kind for s in article.segments if s.start <= caption.start < s.end}
        assert kinds == {Kind.CAPTION}
    for words in expected_beside(page)["not_in_body"]:  # the credit lines and the folded copies
        assert all(words not in p for p in article.paragraphs), words
