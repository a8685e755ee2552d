"""Bytes to text: a BOM, then the caller's `encoding`, then the charset a page declares, then
UTF-8 and detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilerstrip import Options, extract, extract_many
from boilerstrip.load import declared_charset, decode

from conftest import FIXTURES

DECLARED = FIXTURES / "html" / "cp1252-declared.html"


def _page(head: str, body: str) -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}<title>Night ferry</title></head><body>{body}</body></html>"


STORY = (
    "<h1>Night ferry returns to the island</h1>"
    "<p>The night ferry to the island runs again from Friday, the operator said, after a winter "
    "without it.</p><p>\u201cWe missed it,\u201d said a fisherman on the quay. The fare stays at \u20ac12.</p>"
)


@pytest.mark.parametrize("as_path", [True, False])
def test_a_page_in_the_windows_1252_it_declares(as_path: bool) -> None:
    # few bytes beyond ASCII: once read as UTF-8 "with a few broken bytes", each became U+FFFD
    article = extract(DECLARED if as_path else DECLARED.read_bytes())
    assert "\ufffd" not in article.text
    assert article.title == "Harbour caf\u00e9 reopens after the winter floods"
    assert article.paragraphs[1].startswith("\u201cIt feels like coming home,\u201d said the owner")
    assert "\u20ac120,000" in article.paragraphs[2]
    assert "owner\u2019s plan" in article.paragraphs[2]


def test_http_equiv_iso_8859_1_is_read_as_windows_1252() -> None:
    # browsers read an ISO-8859-1 label as windows-1252: its curly quotes are no control characters
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = _page(head, STORY).encode("cp1252")
    assert declared_charset(data) == "cp1252"
    text = decode(data)
    assert "\u201cWe missed it,\u201d" in text
    assert "\u20ac12" in text


def test_the_encoding_of_an_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="iso-8859-15"?>\n' + _page(
        "", STORY.replace("\u201c", '"').replace("\u201d", '"')
    )
    article = extract(page.encode("iso-8859-15"))
    assert any("\u20ac12" in p for p in article.paragraphs)


def test_a_stale_declaration_over_utf8_bytes_gives_way() -> None:
    # a page moved to UTF-8 that kept its old meta element: valid UTF-8 beyond ASCII wins
    data = _page('<meta charset="windows-1252">', STORY).encode("utf-8")
    assert "\u201cWe missed it,\u201d" in decode(data)


def test_a_declaration_in_text_or_far_down_is_not_read() -> None:
    assert declared_charset(b"Plain text that mentions <meta charset=koi8-r> once.") is None
    far = _page("<script>" + "x" * 3000 + '</script><meta charset="koi8-r">', STORY).encode("cp1252")
    assert declared_charset(far) is None


@pytest.mark.parametrize("label", ["utf-16", "utf-7", "base64", "no-such-charset"])
def test_a_declared_charset_that_cannot_be_is_ignored(label: str) -> None:
    data = _page(f'<meta charset="{label}">', STORY).encode("utf-8")
    assert declared_charset(data) is None
    assert "\u201cWe missed it,\u201d" in decode(data)


def test_encoding_option_for_bytes_that_declare_nothing() -> None:
    text = (
        "Night ferry returns to the island\n\n"
        "The night ferry to the island runs again from Friday, the operator said, after a winter "
        "without it.\n\n\u201cWe missed it,\u201d said a fisherman on the quay. The fare stays at \u20ac12.\n\n"
        "The operator said the boat had been repaired over the winter and that a second crew had been "
        "hired, so that the crossing would no longer be cancelled when one of the sailors fell ill.\n"
    )
    data = text.encode("cp1252")  # four odd bytes in ASCII: they would pass for broken UTF-8
    article = extract(data, encoding="windows-1252")
    assert article.text == text
    assert extract(data, Options(encoding="cp1252")).text == text


def test_encoding_option_wins_over_the_declaration_but_not_over_a_bom() -> None:
    data = _page('<meta charset="windows-1252">', STORY).encode("iso-8859-15", errors="replace")
    assert "\u20ac12" in decode(data, "iso-8859-15")  # 0xA4: the euro sign here, not cp1252's "¤"
    assert "\u00a412" in decode(data)
    bom = b"\xef\xbb\xbf" + _page("", STORY).encode("utf-8")
    assert "\u201cWe missed it,\u201d" in decode(bom, "windows-1252")


def test_encoding_option_leaves_str_alone() -> None:
    page = _page("", STORY)
    assert extract(page, encoding="koi8-r").text == extract(page).text


def test_unknown_encoding_is_a_clear_error() -> None:
    for label in ("no-such-charset", "base64", "rot13", ""):
        with pytest.raises(ValueError, match=r"^encoding: unknown charset"):
            extract(b"text", encoding=label)
    with pytest.raises(TypeError, match=r"^encoding: expected a charset name"):
        Options(encoding=1252)  # type: ignore[arg-type]


def test_encoding_option_in_a_batch(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page("", STORY).encode("cp1252"))
    results = list(extract_many([page, page.read_bytes()], Options(encoding="windows-1252")))
    assert all(r.ok and "\u20ac12" in r.article.body for r in results)  # type: ignore[union-attr]
