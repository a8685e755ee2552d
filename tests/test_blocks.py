"""Body blocks: headings, list items, quotes, table rows and code, from the markup or the text's
shape, and the Markdown they give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import extract
from boilerstrip.article import Article, Block

STORY = [
    "The town council voted on Wednesday evening to build four kilometres of protected cycle lanes along the river road.",
    "Two years ago a similar plan was rejected because shop owners feared losing their parking spaces in the centre.",
    "Three public meetings will be held before the final design is agreed by the members of the council.",
]

HTML = f"""<html><body><article><h1>Council approves the river cycle lanes</h1>
<p>{STORY[0]}</p>
<h2>Why the council changed its mind</h2>
<p>{STORY[1]}</p>
<blockquote><p>We listened to the shop owners and to their customers, and the customers walk.</p></blockquote>
<ul><li>The first meeting is on 12 March at the town hall</li><li>The second meeting is on 19 March at the school</li></ul>
<pre>lanes = 4 km</pre>
<p>{STORY[2]}</p>
</article></body></html>"""


def blocks_by_text(article: Article) -> dict[str, Block]:
    assert len(article.blocks) == len(article.paragraphs)
    return dict(zip(article.paragraphs, article.blocks, strict=True))


def test_html_blocks_come_from_the_markup() -> None:
    article = extract(HTML)
    got = blocks_by_text(article)
    assert got["Why the council changed its mind"] == Block("heading", 2)
    assert got[STORY[0]] == Block("paragraph")
    assert got["The first meeting is on 12 March at the town hall"] == Block("list_item")
    quote = "We listened to the shop owners and to their customers, and the customers walk."
    if quote in got:  # (the body decision may leave the quote out; when kept, it is a quote)
        assert got[quote] == Block("quote")
    md = article.markdown()
    assert "## Why the council changed its mind" in md
    assert "- The first meeting is on 12 March at the town hall\n- The second meeting" in md


def test_text_blocks_come_from_the_shape_of_the_lines() -> None:
    text = "\n\n".join(
        [
            "Council approves the river cycle lanes",
            STORY[0],
            "Why the council changed its mind",
            STORY[1],
            "- The first meeting is on 12 March at the town hall",
            "- The second meeting is on 19 March at the school",
            STORY[2],
        ]
    )
    article = extract(text)
    got = blocks_by_text(article)
    assert got[STORY[1]] == Block("paragraph")
    assert got["Why the council changed its mind"] == Block("heading", 2)
    assert got["- The first meeting is on 12 March at the town hall"] == Block("list_item")
    md = article.markdown()
    assert "## Why the council changed its mind" in md
    assert "- The first meeting is on 12 March at the town hall\n- The second meeting" in md
    assert article.to_dict()["blocks"][0] == {"type": "paragraph"}


def test_markdown_fences_code_and_quotes() -> None:
    article = Article(
        text="",
        paragraphs=("Intro.", "x = 1", "y = 2", "A quote.", "End."),
        blocks=(Block(), Block("code"), Block("code"), Block("quote"), Block()),
    )
    assert article.markdown() == "Intro.\n\n```\nx = 1\ny = 2\n```\n\n> A quote.\n\nEnd."


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["- item one here", "Short heading", STORY[0], "1. first", "a\tb", ""]), max_size=12
    )
)
def test_every_paragraph_has_one_block(lines: list[str]) -> None:
    article = extract("\n".join(lines))
    assert len(article.blocks) == len(article.paragraphs)
    article.markdown()
