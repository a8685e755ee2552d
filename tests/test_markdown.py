"""Markdown input (page-to-Markdown tools): read as the text it shows, sniffed or asked for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run
from test_properties import assert_tiles

from boilerstrip import Options, extract
from boilerstrip.markdown import looks_like_markdown, render

from conftest import FIXTURES

PAGE = FIXTURES / "markdown" / "article.md"


def test_a_markdown_page_reads_as_the_text_it_shows() -> None:
    article = extract(PAGE.read_text(encoding="utf-8"))
    assert article.title == "River town votes to rebuild its flood wall after two wet winters"
    assert article.authors == ("Maria Lindqvist",)
    assert str(article.published) == "2024-03-04"
    assert len(article.paragraphs) == 5
    # a wrapped paragraph is one paragraph; a link is its label, emphasis loses its marks
    assert article.paragraphs[1].startswith("The vote followed two winters")
    assert "flooded more than forty homes in the lower town." in article.paragraphs[1]
    assert "said Anna Holm, who chairs" in article.paragraphs[1]
    assert "take three years and cost" in article.paragraphs[0]
    assert not any(mark in article.body for mark in ("](", "http", "**", "*three"))
    assert [c.credit for c in article.captions] == ["Tom Berg"]
    assert_tiles(article)


def test_markdown_false_reads_the_syntax_as_text() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert "](" in extract(text, markdown=False).body
    assert extract(text, markdown=True).body == extract(text).body


def test_a_text_that_prints_a_few_links_as_its_editor_left_them_is_not_markdown() -> None:
    seed = (FIXTURES / "cna-belarus.txt").read_text(encoding="utf-8")
    lines = seed.split("\n")
    cited = [f"Retrieved from [source{k}.org](https://source{k}.org/page)." for k in range(2)]
    text = "\n".join([*lines[:40], *cited, *lines[40:]])
    assert not looks_like_markdown(text)
    assert "[source0.org](https://source0.org/page)" in extract(text).text


def test_the_rendering_keeps_one_line_for_each_line() -> None:
    text = PAGE.read_text(encoding="utf-8")
    shown = render(text)
    assert shown.count("\n") == text.count("\n")
    assert shown.split("\n")[15] == "River town votes to rebuild its flood wall after two wet winters"
    assert render("```\n[a](b) **c**\n```") == "\n[a](b) **c**\n"  # a fenced block as it is


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("[![alt](a.jpg)](/x)", ""),
        ("See [the report][1].", "See the report."),
        ("[1]: https://example.org/report", ""),
        ("> **Quoted** words", "Quoted words"),
        ("  * [Politics](/politics/)", "Politics"),
        ("## Heading ##", "Heading"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("\\*not emphasis\\*", "*not emphasis*"),
        ("[Wiki](https://en.wikipedia.org/wiki/A_(b)) page", "Wiki page"),
        ("| --- | --- |", ""),
        ("<https://example.org>", "https://example.org"),
    ],
)
def test_one_line_as_it_shows(line: str, shown: str) -> None:
    assert render(line) == shown


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab [](!)*_`#>-|\n\\ ", max_size=200))
def test_the_rendering_never_raises_and_keeps_the_lines(text: str) -> None:
    assert render(text).count("\n") == text.count("\n")
    assert_tiles(extract(text, markdown=True))


def test_options_check_the_markdown_field() -> None:
    with pytest.raises(TypeError, match="markdown"):
        Options(markdown="yes")  # type: ignore[arg-type]


def test_the_command_line_reads_markdown_and_text_as_asked() -> None:
    res = run(str(PAGE))
    assert res.returncode == 0, res.stderr
    assert res.stdout.decode().startswith("The town council of Eastbrook voted")
    assert "](" in run("--text", str(PAGE)).stdout.decode()
    assert run("--markdown", str(PAGE)).stdout == res.stdout


@pytest.mark.parametrize(
    "bait",
    [
        "[](" * 50_000,
        "[" * 100_000,
        "**a" * 50_000,
        "![x](" + "y" * 100_000,
        "\\" * 100_000,
        "[a\n" * 20_000 + "](b)",
    ],
    ids=["open-links", "brackets", "emphasis", "endless-target", "backslashes", "wrapped-label"],
)
def test_shapes_that_make_nested_patterns_explode_are_read_once(bait: str) -> None:
    assert render(bait).count("\n") == bait.count("\n")
    assert_tiles(extract(bait, markdown=True))
