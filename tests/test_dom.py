"""HTML input: what the markup says of each line (html.render), and the HTML body model that reads it."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import extract
from boilerstrip.bodymodel import HTML_FEATURES, HTML_MODEL
from boilerstrip.extract import analyse
from boilerstrip.html import DOM_FEATURES, html_to_text, render

from conftest import FIXTURES

PAGE = """<html><body>
<nav class="site-menu"><a href="/">Home</a> <a href="/world">World</a></nav>
<div id="main-content"><article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Monday after a week of repairs to the sea wall, the port authority said.</p>
<div class="shareBar"><a href="#">Share</a></div>
<p>Fishing boats were the first to leave, followed by the ferry to the islands.</p>
</article></div>
<footer><p>Copyright the newspaper</p></footer>
</body></html>"""


def facts_of(text: str, line: str) -> dict[str, float]:
    rendering = render(text)
    assert rendering.lines is not None
    k = rendering.text.split("\n").index(line)
    return dict(zip(DOM_FEATURES, rendering.lines[k], strict=True))


def test_lines_carry_the_elements_they_sit_in() -> None:
    menu = facts_of(PAGE, "Home World")
    assert menu["in_nav"] == 1.0 and menu["class_nav"] == 1.0 and menu["in_link"] > 0.8
    story = facts_of(PAGE, "Fishing boats were the first to leave, followed by the ferry to the islands.")
    assert story["in_article"] == 1.0 and story["in_paragraph"] == 1.0 and story["class_content"] == 1.0
    assert story["in_link"] == 0.0 and story["in_nav"] == 0.0
    share = facts_of(PAGE, "Share")
    assert share["class_share"] == 1.0  # "shareBar": words are cut where capitals start
    footer = facts_of(PAGE, "Copyright the newspaper")
    assert footer["in_footer"] == 1.0 and footer["in_article"] == 0.0
    # the story's two paragraphs share their parent; the footer only the document's body
    assert story["shared_depth"] > footer["shared_depth"]


def test_the_rendering_is_the_text_html_to_text_gives() -> None:
    rendering = render(PAGE)
    assert rendering.text == html_to_text(PAGE)
    assert rendering.lines is not None and len(rendering.lines) == len(rendering.text.split("\n"))
    assert all(len(row) == len(DOM_FEATURES) for row in rendering.lines)


def test_html_model_is_shipped_and_reads_the_features_the_code_computes() -> None:
    assert HTML_MODEL is not None, (
        "data/body_html.model.json is missing: run tools/train_body.py --html --write"
    )
    HTML_MODEL.check(HTML_FEATURES)


def test_html_input_is_decided_with_the_markup_and_text_input_without() -> None:
    page = analyse(PAGE)
    assert page.dom is not None and len(page.dom) == len(page.units)
    article = extract(PAGE)
    assert "Fishing boats were the first to leave" in article.body
    assert "Home World" not in article.body and "Copyright" not in article.body
    assert analyse(html_to_text(PAGE), html=False).dom is None


def test_a_fixture_page_keeps_its_story() -> None:
    html = (FIXTURES / "html" / "short-structured.html").read_text(encoding="utf-8")
    page = analyse(html)
    assert page.dom is not None
    assert extract(html).paragraphs


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<div>", "</div>", "<p>", "</p>", "<a class='share'>", "</a>", "word ", "<br>", "\n"]
        ),
        max_size=60,
    )
)
def test_any_markup_gives_one_finite_row_per_line(parts: list[str]) -> None:
    markup = "<html><body>" + "".join(parts) + "</body></html>"
    rendering = render(markup)
    if rendering.lines is not None:
        assert len(rendering.lines) == len(rendering.text.split("\n"))
        assert all(math.isfinite(v) for row in rendering.lines for v in row)
