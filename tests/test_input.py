"""Odd and bad input: never a traceback, never a silent loss."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilerstrip import InputError, Kind, Options, extract

from conftest import FIXTURES


def _tiles(article_text: str, segments: tuple) -> bool:  # type: ignore[type-arg]
    covered = [False] * len(article_text)
    last_end = 0
    for seg in segments:
        if seg.start < last_end or seg.end <= seg.start:
            return False
        last_end = seg.end
        for i in range(seg.start, seg.end):
            covered[i] = True
    return all(c or ch.isspace() for c, ch in zip(covered, article_text, strict=True))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n \u00a0\n"])
def test_empty_and_whitespace(text: str) -> None:
    article = extract(text)
    assert article.body == ""
    assert article.paragraphs == ()
    assert article.title is None
    assert article.segments == ()


def test_only_boilerplate_labels_every_line() -> None:
    text = (FIXTURES / "input" / "only-boilerplate.txt").read_text(encoding="utf-8")
    article = extract(text)
    assert article.body == ""
    numbered = {s.line for s in article.segments}
    wanted = {i for i, line in enumerate(text.split("\n"), start=1) if line.strip()}
    assert numbered == wanted
    assert all(s.kind is not Kind.BODY for s in article.segments)
    assert _tiles(article.text, article.segments)


def test_one_huge_line() -> None:
    text = "word " * 2_000_000  # 10 MB on one line
    article = extract(text)
    assert len(article.segments) == 1
    assert _tiles(article.text, article.segments)


def test_many_lines() -> None:
    text = "".join(f"Line {i} of a long file, with words.\n" for i in range(200_000))
    article = extract(text)
    assert len(article.segments) == 200_000


def test_backtracking_bait() -> None:
    # shapes that make naive nested patterns explode: long runs of separators and openers
    for bait in ("(" * 200_000 + "Photo: x", "1." * 200_000, "By " + "Jane Doe, " * 50_000, "-" * 500_000):
        article = extract(bait)
        assert _tiles(article.text, article.segments)


def test_control_characters_kept_out_of_body(seed_text: str) -> None:
    noisy = seed_text.replace("In return,", "In\x00 return,\x07").replace("Western", "\x1bWestern")
    article = extract(noisy)
    assert any(p.startswith("In return,") for p in article.paragraphs)
    assert all("\x00" not in p and "\x07" not in p and "\x1b" not in p for p in article.paragraphs)
    assert _tiles(article.text, article.segments)


def test_bytes_utf8(seed_text: str) -> None:
    assert extract(seed_text.encode("utf-8")).body == extract(seed_text).body


def test_bytes_with_bom_and_utf16(seed_text: str) -> None:
    assert extract(b"\xef\xbb\xbf" + seed_text.encode("utf-8")).body == extract(seed_text).body
    assert extract(seed_text.encode("utf-16")).body == extract(seed_text).body


def test_bytes_legacy_charset() -> None:
    text = (FIXTURES / "input" / "latin1-article.txt").read_bytes()
    article = extract(text)
    assert any("Ça" in p or "été" in p for p in article.paragraphs)


def test_invalid_utf8_keeps_the_valid_text(seed_text: str) -> None:
    data = seed_text.encode("utf-8").replace(b"In return,", b"In \xff\xfe return,")
    article = extract(data)
    assert "\ufffd" in article.text
    assert sum("potash" in p for p in article.paragraphs) >= 2
    assert len(article.paragraphs) == 10


def test_paths(tmp_path: Path, seed_text: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(seed_text, encoding="utf-8")
    assert extract(f).body == extract(seed_text).body
    with pytest.raises(InputError, match="no such file"):
        extract(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="not a regular file"):
        extract(tmp_path)


def test_wrong_type_and_unknown_option() -> None:
    with pytest.raises(InputError, match="expected str"):
        extract(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unknown option"):
        extract("text", no_such_option=True)


def test_options_object_and_overrides(seed_text: str) -> None:
    opts = Options(language="en")
    assert extract(seed_text, opts).language == "en"
    assert extract(seed_text, opts, language="de").language == "de"
    with pytest.raises(Exception):  # noqa: B017 - frozen dataclass
        opts.language = "fr"  # type: ignore[misc]


def test_html_input() -> None:
    html = (FIXTURES / "input" / "article.html").read_text(encoding="utf-8")
    article = extract(html)
    assert article.title == "Harbour reopens after storm repairs"
    assert len(article.paragraphs) == 3
    assert "Subscribe" not in article.body
    assert _tiles(article.text, article.segments)


def test_a_text_that_shows_html_code_is_text_and_a_fragment_is_html() -> None:
    """Eight tags near the top make a page without a doctype HTML only when its lines hold
    them: the text of a reference page that shows code examples is text. A short fragment,
    markup from edge to edge, is HTML."""
    reference = "\n".join(
        [
            "HTML elements reference",
            "Skip to main content",
            "The paragraph element",
            "The <p> element represents a paragraph. Paragraphs are usually blocks of text.",
            "Example",
            "<p>Geckos are a group of usually small, usually nocturnal lizards.</p>",
            "<p>Some species live in houses where they hunt insects.</p>",
            "<ul><li>Leopard gecko</li><li>Crested gecko</li></ul>",
            "Accessibility",
            "Breaking up content into paragraphs helps make a page more accessible.",
            "Screen readers and other tools give the reader shortcuts to the next paragraph.",
            "Using empty paragraph elements to add space between paragraphs is a problem.",
            "Specifications",
            "Browser compatibility",
            "See also",
        ]
    )
    assert extract(reference).text == reference.strip()
    fragment = "<h2>Harbour reopens</h2>\n" + "\n".join(
        f"<p>The harbour reopened on day {k} after the storm repairs were finished by the crews.</p>"
        for k in range(4)
    )
    article = extract(fragment)
    assert "<" not in article.text
    assert sum(p.startswith("The harbour reopened") for p in article.paragraphs) == 4
    short = (
        "<h1>Harbour reopens</h1><p>The harbour reopened on Monday after the storm repairs were finished.</p>"
    )
    assert (
        extract(short).text.split()
        == "Harbour reopens The harbour reopened on Monday after the storm repairs were finished.".split()
    )


def test_to_dict_is_json_ready(seed_text: str) -> None:
    import json

    d = extract(seed_text).to_dict()
    assert json.loads(json.dumps(d))["published"] == "2025-12-13T22:47"
    assert d["segments"][0]["kind"] == "date"


def test_html_with_comments_and_processing_instructions() -> None:
    html = (FIXTURES / "input" / "comments-and-depth.html").read_text(encoding="utf-8")
    article = extract(html)
    assert article.title == "Ferry timetable changes from Monday"
    assert len(article.paragraphs) == 2
    assert "site header" not in article.text


def test_html_nested_deeper_than_the_parser_takes() -> None:
    html = (FIXTURES / "input" / "comments-and-depth.html").read_text(encoding="utf-8")
    deep = html.replace("<main>", "<main>" + "<div>" * 3000).replace("</main>", "</div>" * 3000 + "</main>")
    article = extract(deep)
    assert any(p.startswith("The island ferry") for p in article.paragraphs)


def test_gzip_bytes_are_decompressed(seed_text: str) -> None:
    import gzip

    assert extract(gzip.compress(seed_text.encode("utf-8"))).body == extract(seed_text).body
    with pytest.raises(InputError, match="gzip"):
        extract(b"\x1f\x8b" + b"not really gzip")


@pytest.mark.parametrize("indent", ["   ", "\t", ""], ids=["spaces", "tab", "padded"])
@pytest.mark.parametrize(
    "name", ["cna-belarus.txt", "furniture/announced-list-en.txt", "furniture/announced-list-de.txt"]
)
def test_an_indented_dump_reads_as_the_same_text(name: str, indent: str) -> None:
    """Text browsers indent every line, the headline perhaps excepted, and Markdown pads
    lines with two spaces: what the lines share is layout, not the mark of a fragment cut at
    an inline tag."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    # indented (the first line at the margin), or padded with a Markdown line break
    indented = "\n".join(
        [
            lines[0],
            *((indent + line if indent else line + "  ") if line.strip() else line for line in lines[1:]),
        ]
    )
    plain, article = extract(text), extract(indented)
    assert article.body == plain.body
    assert (article.title, article.authors) == (plain.title, plain.authors)
    assert _tiles(article.text, article.segments)


def test_a_page_flattened_onto_one_line_is_read_a_sentence_at_a_time(seed_text: str) -> None:
    """A scraper that joins a page's strings with spaces stores it on one line: read whole, the
    line is the body or nothing. Cut into its sentences, and a menu run together into its
    words, the story is kept and the share row and the related links are not; the body's
    sentences of that one line come back as one paragraph."""
    flat = " ".join(seed_text.split())
    article = extract(flat)
    assert "In return, the US agreed to lift sanctions on Belarusian potash." in article.body
    assert "WhatsApp" not in article.body and "Related Topics" not in article.body
    assert len(article.paragraphs) == 1
    assert article.title is None  # (a piece of the line is never the whole headline)
    assert {s.line for s in article.segments} == {1}
    assert _tiles(article.text, article.segments)


def test_a_long_line_of_script_data_is_not_cut() -> None:
    data = "{" + ", ".join(f'"Key{i}": "Value number {i}. Next"' for i in range(200)) + "}"
    assert len(extract(data).segments) == 1


def test_line_breaks_written_as_backslash_n_are_line_breaks(seed_text: str) -> None:
    """A JSON string read as text keeps its line breaks as "\\n": the page reads as the page."""
    escaped, plain = extract(seed_text.replace("\n", "\\n")), extract(seed_text)
    assert escaped.paragraphs == plain.paragraphs
    assert (escaped.title, escaped.authors, escaped.published) == (
        plain.title,
        plain.authors,
        plain.published,
    )
    assert _tiles(escaped.text, escaped.segments)
