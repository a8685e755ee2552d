"""HTML input: pages the renderer and the body stage must read as a browser's reader would."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from boilerstrip import extract, html
from boilerstrip.load import looks_like_html

from conftest import FIXTURES, Listener

HTML = FIXTURES / "html"
_PARAGRAPH = regex.compile(r"<p>(.*?)</p>", regex.S)
_HEADING = regex.compile(r"<h([12])>(.*?)</h\1>", regex.S)


@pytest.mark.parametrize("fitted", [True, False])
def test_short_article_under_subheadings_keeps_every_paragraph(fitted: bool) -> None:
    # One paragraph under the headline and under each subheading reads, line by line, like a
    # list of teasers (headline, blurb, headline, blurb...); with no other prose on the page it
    # is the story, and the headline stays the title.
    page = HTML / "short-structured.html"
    markup = page.read_text(encoding="utf-8")
    article = extract(page, fitted_body=fitted)
    headings = {level: text for level, text in _HEADING.findall(markup)}
    assert article.title == headings["1"]
    for paragraph in _PARAGRAPH.findall(markup):
        assert paragraph in article.paragraphs
    assert article.paragraphs[0].startswith("The town council voted")
    assert not any(s.rule == "body.teaser" for s in article.segments)


def test_teasers_after_a_story_are_still_set_aside() -> None:
    # the same headline-and-blurb shape after a story of its own is a list beside it
    story = (
        "The harbour authority said on Monday that the new ferry terminal would open in June, two "
        "months later than planned, because the steel for the roof arrived late from the mill.\n\n"
        "Passengers will use the old terminal until then, and the authority has added a shuttle bus "
        "from the station so that travellers with luggage do not have to walk along the quay.\n\n"
        "The builders said the rest of the work was on schedule and that the interior would be "
        "finished while the roof is being put up, so the delay should not grow any further.\n\n"
    )
    teasers = (
        "Fishermen protest new quotas\n\nBoats stayed in port on Friday as crews objected to the cuts.\n\n"
        "Lighthouse keeper retires after forty years\n\nHe says he will miss the storms most of all.\n\n"
        "Island school gets a new roof\n\nPupils return to their classrooms after the summer break.\n\n"
    )
    article = extract("Ferry terminal opening delayed to June\n\n" + story + teasers, fitted_body=False)
    assert not any("Boats stayed" in p for p in article.paragraphs)
    assert sum(s.rule == "body.teaser" for s in article.segments) == 3


def test_xhtml_with_an_xml_declaration_read_from_str_bytes_and_path() -> None:
    # lxml refuses a str that declares its encoding; the page must not be an InputError
    page = HTML / "xhtml-declared.xhtml"
    markup = page.read_text(encoding="utf-8")
    assert markup.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    for source in (markup, markup.encode("utf-8"), page):
        article = extract(source)
        assert article.title == "Valley library extends its opening hours"
        assert len(article.paragraphs) == 3
        assert article.paragraphs[2].startswith("The council’s culture committee")
        assert "€40,000" in article.paragraphs[2]
        assert "xml" not in article.text


def test_a_short_xhtml_page_is_sniffed_as_html() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<h1>Snow closes the mountain pass</h1><p>The pass will stay closed until the ploughs have "
        "cleared the road, which the police expect to take at least two days.</p></body></html>"
    )
    assert looks_like_html(page)
    article = extract(page)
    assert article.title == "Snow closes the mountain pass"
    assert article.paragraphs == (
        "The pass will stay closed until the ploughs have cleared the road, "
        "which the police expect to take at least two days.",
    )


@pytest.mark.parametrize("opening", ["<script>window.dataLayer = [];</script>", "<style>", "<link rel=x>"])
def test_a_page_whose_head_opens_with_a_script_or_a_style_is_sniffed_as_html(opening: str) -> None:
    """Some pages open with a script or a style sheet before any <html>, then a long inline
    style fills the first kilobytes: no tag an article's text would hold is there to count."""
    style = "".join(f".box-{n} {{ margin: {n}px; padding: 0 {n}px; }}\n" for n in range(200))
    page = f"{opening}\n<style>{style}</style>\n<meta charset=utf-8><title>Flood</title>{_STORY}"
    assert looks_like_html(page)
    assert extract(page).title == "Flood closes the lower bridge"


_STORY = (
    "<h1>Flood closes the lower bridge</h1>"
    "<p>The river rose by two metres overnight, and the town closed the lower bridge to traffic "
    "until the water falls again.</p>"
    "<p>Buses to the station run over the upper bridge instead, which the operator said would add "
    "about ten minutes to every journey.</p>"
)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 5000 + _STORY + "</div>" * 5000 + "</body></html>",
        "<html><body>" + _STORY + "".join(f"<div>level {i} " for i in range(5000)) + "</div>" * 5000,
        "<html><body>" + _STORY + "<span>" * 5000 + "never closed",
    ],
    ids=["story-inside", "text-at-every-level", "unclosed"],
)
def test_deeply_nested_pages_do_not_recurse(page: str) -> None:
    article = extract(page)  # no RecursionError: the parser stops at its depth limit, the walk is a loop
    assert any(p.startswith("The river rose") for p in article.paragraphs)
    assert any(p.startswith("Buses to the station") for p in article.paragraphs)


def test_entities_a_page_declares_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CONTENTS-OF-A-LOCAL-FILE", encoding="utf-8")
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE html [<!ENTITY local SYSTEM "{secret.as_uri()}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        "<html><body>" + _STORY + "<p>Read &local; and &c; here.</p></body></html>"
    )
    article = extract(page)
    assert "CONTENTS-OF-A-LOCAL-FILE" not in article.text
    assert "aaaaaaaaaaaaaaaaaaaa" not in article.text
    assert "]>" not in article.text
    assert article.title == "Flood closes the lower bridge"


def test_the_parser_fetches_nothing_a_page_refers_to(listener: Listener) -> None:
    url = f"{listener.url}/x"
    page = (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}.dtd">\n'
        f'<html><head><link rel="stylesheet" href="{url}.css"></head><body>'
        f'<img src="{url}.png"><iframe src="{url}.html"></iframe>' + _STORY + "&nbsp;</body></html>"
    )
    extract(page)
    assert not listener.connected()


_STORY_PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story tells what the council decided and why the vote mattered to the town.</p>"
    for n in range(6)
)


def test_a_textarea_s_text_is_not_the_page_s() -> None:
    """A "republish this story" box holds the article's own HTML source in a <textarea>: a
    browser does not show it as text, and the escaped tags must not come out as paragraphs."""
    source = _STORY_PARAGRAPHS.replace("<", "&lt;").replace(">", "&gt;")
    page = (
        "<html><body><article><h1>Council votes on the river road</h1>"
        f"{_STORY_PARAGRAPHS}</article><textarea readonly>{source}{source}</textarea></body></html>"
    )
    article = extract(page)
    assert "<p>" not in article.text and "&lt;" not in article.text
    assert article.body.count("Paragraph 0 of the story") == 1
    # the escaped copy (twice the story's words) does not push the page onto the tag-stripping
    # fallback, which would lose what the markup says of each line
    assert html.parse_html(page).lines is not None


def test_ruby_readings_are_not_the_text() -> None:
    """Readings over Japanese characters (<rt>) and their brackets (<rp>) stay out of the text:
    the body reads 子ども, not 子こども."""
    sentence = (
        "<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>"
        "をなくすための法律ができました。"
    )
    paragraphs = "".join(f"<p>{sentence * 3}</p>" for _ in range(5))
    page = f"<html><body><article><h1>法律ができる</h1>{paragraphs}</article></body></html>"
    text = html.html_to_text(page)
    assert "子どもへの虐待をなくす" in text
    assert "ぎゃくたい" not in text and "(" not in text
    assert "子どもへの虐待をなくす" in extract(page).body


def test_a_japanese_page_with_links_in_its_sentences_is_read_from_the_markup() -> None:
    """Every inline tag is a space in the tag-stripped text, so counted by spaces a Japanese
    paragraph with links is a dozen words there and one word in the walk's text; counted by
    characters, the walk reads the page (and keeps what the markup says of each line)."""
    sentence = "今回はその<a href='/k'>デスクトップアプリ</a>に関する<b>話</b>です。"
    paragraphs = "".join(f"<p>{sentence * 4}</p>" for _ in range(6))
    page = f"<html><body><article><h1>アプリの話</h1>{paragraphs}</article></body></html>"
    parsed = html.parse_html(page)
    assert parsed.lines is not None
    assert "今回はそのデスクトップアプリに関する話です。" in parsed.text


@pytest.mark.parametrize("page", ["<!DOCTYPE html>", "<!DOCTYPE HTML", "<!doctype html><!-- nothing -->"])
def test_markup_without_any_element_is_an_empty_page(page: str) -> None:
    article = extract(page)
    assert article.body == "" and article.title is None
