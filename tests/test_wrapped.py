"""Hard-wrapped text (mail, pre-formatted blocks): the lines of a paragraph filled up to a fixed
width are one paragraph again, and a list of short lines is not. Also a sentence whose first
words sit on a line of their own, and the line ending in a colon that opens a story."""

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


def test_a_sentence_whose_first_words_sit_on_their_own_line_is_one_paragraph() -> None:
    text = (WRAPPED / "lead-in-de.txt").read_text(encoding="utf-8")
    first = extract(text).paragraphs[0]
    assert first.startswith("Der Plakatwettbewerb für Kinder findet in diesem Jahr")


def test_a_line_ending_in_a_colon_above_the_first_paragraph_opens_the_story() -> None:
    text = (WRAPPED / "opening-colon-de.txt").read_text(encoding="utf-8")
    article = extract(text)
    assert article.paragraphs[0] == "Leitsätze des Gerichts:"
    assert len(article.paragraphs) == 3


def test_a_wrapped_paragraph_whose_lines_go_on_with_names_is_one_paragraph() -> None:
    """On a page wrapped at a fixed width, a paragraph of full lines is one paragraph though
    most of its lines go on with a capital letter; a list of headlines as wide is not."""
    text = (WRAPPED / "names-en.txt").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    article = extract(text)
    assert " ".join(blocks[3].split("\n")) in article.paragraphs
    units = {article.text[s.start : s.end] for s in article.segments}
    assert all(line in units for line in blocks[-1].strip().split("\n"))  # each headline a unit of its own


def test_a_byline_under_a_headline_is_not_its_wrapped_end() -> None:
    """On a page wrapped at a fixed width, a headline as wide as its block with "by Jane Doe"
    under it is a headline and a byline, not one line cut in two."""
    text = (WRAPPED / "byline-en.txt").read_text(encoding="utf-8")
    article = extract(text)
    assert article.title == "Night buses for the east: council extends the service"
    assert article.authors == ("Jane Doe",)
