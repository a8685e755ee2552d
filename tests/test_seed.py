"""The seed acceptance case: a real scraped article and its hand-made expected result."""

from __future__ import annotations

from typing import Any

from boilerstrip import extract


def test_seed_fields(seed_text: str, seed_expected: dict[str, Any]) -> None:
    article = extract(seed_text)
    d = article.to_dict()
    for name in ("title", "published", "section", "dateline", "source", "authors", "tags", "paragraphs"):
        assert d[name] == seed_expected[name], name
    assert [(c.text, c.credit) for c in article.captions] == [
        (c["text"], c["credit"]) for c in seed_expected["captions"]
    ]


def test_seed_line_kinds(seed_text: str, seed_expected: dict[str, Any]) -> None:
    article = extract(seed_text)
    kinds = {s.line: s.kind.value for s in article.segments}
    wrong = [
        (row["line"], kinds.get(row["line"]), row["label"])
        for row in seed_expected["line_labels"]
        if kinds.get(row["line"]) != row["label"]
    ]
    assert wrong == []


def test_seed_in_fast_mode(seed_text: str, seed_expected: dict[str, Any]) -> None:
    """The hand rules alone (no fitted decision) also get the seed right, and say so."""
    article = extract(seed_text, fitted_body=False, fitted_metadata=False)
    d = article.to_dict()
    for name in ("title", "published", "section", "dateline", "source", "authors", "paragraphs"):
        assert d[name] == seed_expected[name], name
    rules = {s.kind.value: s.rule for s in article.segments}
    assert rules["title"] == "title.rule"
    assert "body.model" not in {s.rule for s in article.segments}
    assert "byline.model" not in {s.rule for s in article.segments}
    assert extract(seed_text).to_dict()["title"] == d["title"]
