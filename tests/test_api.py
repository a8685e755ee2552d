"""The public surface: option checks, short reprs, a readable `help(extract)`."""

from __future__ import annotations

import inspect
import pydoc
from datetime import date, datetime

import pytest

import boilerstrip
from boilerstrip import Options, extract
from boilerstrip.options import supported_languages


@pytest.mark.parametrize("code", ["de", "DE", "de-DE", "de_AT", " de "])
def test_language_codes_are_normalised(code: str) -> None:
    assert Options(language=code).language == "de"


def test_unknown_language_lists_the_supported_ones() -> None:
    with pytest.raises(ValueError, match="unsupported code 'xx'.*supported: .*en, .*fr"):
        Options(language="xx")
    assert {"en", "de", "fr", "zh", "ja"} <= supported_languages()
    with pytest.raises(TypeError, match="language"):
        Options(language=7)  # type: ignore[arg-type]


def test_a_word_said_often_does_not_outvote_the_page_s_language() -> None:
    """Irish function words ("seo", "go") said forty times on an English page about SEO."""
    sentence = (
        "Good SEO is what makes a page easy to find, and this guide shows how SEO works for a "
        "small site with a few pages and no budget. "
    )
    assert extract(sentence * 8 + "SEO. " * 30).language == "en"
    assert extract("Tá an teach seo go deas agus tá sé in aice leis an bhfarraige. " * 6).language == "ga"


def test_reference_date_accepts_date_datetime_and_iso() -> None:
    assert Options(reference_date="2025-12-13").reference_date == date(2025, 12, 13)
    assert Options(reference_date="2025-12-13T08:30").reference_date == datetime(2025, 12, 13, 8, 30)
    assert Options(reference_date=date(2025, 1, 2)).reference_date == date(2025, 1, 2)
    assert extract("x", reference_date="2025-12-13") is not None  # through the keyword overrides
    with pytest.raises(ValueError, match="reference_date: not an ISO 8601"):
        Options(reference_date="soon")
    with pytest.raises(TypeError, match="reference_date: expected a date"):
        Options(reference_date=20251213)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("body_threshold", 1.5, ValueError),
        ("body_threshold", -0.1, ValueError),
        ("body_threshold", float("nan"), ValueError),
        ("body_threshold", "high", TypeError),
        ("min_body_words", -1, ValueError),
        ("min_body_words", 2.5, TypeError),
        ("join_fragments", "yes", TypeError),
        ("html", "auto", TypeError),
        ("fitted_metadata", 1, TypeError),
        ("repair_encoding", "yes", TypeError),
    ],
)
def test_thresholds_and_flags_are_checked(field: str, value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=field):
        Options(**{field: value})  # type: ignore[arg-type]
    with pytest.raises(error, match=field):
        extract("some text", **{field: value})


def test_extract_has_its_docstring_and_signature() -> None:
    assert boilerstrip.extract.__module__ == "boilerstrip.api"  # the pure-Python wrapper, never compiled
    assert list(inspect.signature(extract).parameters) == ["source", "options", "overrides"]
    text = pydoc.render_doc(boilerstrip.extract, renderer=pydoc.plaintext)
    assert "extract(source" in text and "InputError" in text


def test_reprs_are_short(seed_text: str) -> None:
    article = extract(seed_text)
    text = repr(article)
    assert len(text) < 400, text
    assert text.startswith("Article(title='Belarus frees")
    assert "paragraphs=10" in text
    assert len(repr(article.segments[0])) < 120
    assert repr(article.captions[0]).startswith("Caption('Belarusian")
    assert article.published == datetime(2025, 12, 13, 22, 47)  # naive: the page names no zone
