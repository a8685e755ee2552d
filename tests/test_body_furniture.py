"""Furniture families in several languages: every line of each fixture gets its expected kind.

fixtures/furniture/<lang>.txt is a short article wrapped in page furniture (menus,
breadcrumbs, share rows, ad labels, loading placeholders, newsletter and paywall prompts,
cookie notices, related lists, comment furniture); <lang>.expected.json gives each line's kind.

These test the rules and the hand-written body stage (`fitted_body=False`), with the hand
rules' metadata lines (`fitted_metadata=False`): their verdicts are what the fitted decisions
read, and they name the kinds of what those leave out. The fitted body decision is held to the
quality floors (test_quality_floor.py) and tests/test_bodymodel.py; the fitted metadata choices
to the metadata floors and tests/test_metadata_fixtures.py.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from boilerstrip import extract

from conftest import FIXTURES, load_expected

FURNITURE = FIXTURES / "furniture"
CASES = sorted(p.name.removesuffix(".txt") for p in FURNITURE.glob("*.txt"))
FAMILIES = (
    "share",
    "advertisement",
    "promo",
    "legal",
    "related",
    "navigation",
    "comments",
    "placeholder",
)


def _expected(name: str) -> dict[str, Any]:
    return load_expected(f"furniture/{name}.expected.json")


@pytest.mark.parametrize("name", CASES)
def test_every_line_gets_its_kind(name: str) -> None:
    text = (FURNITURE / f"{name}.txt").read_text(encoding="utf-8")
    article = extract(text, fitted_body=False, fitted_metadata=False)
    kinds = {s.line: (s.kind.value, s.reason) for s in article.segments}
    wrong = [
        (row["line"], row["text"][:40], kinds.get(row["line"]), row["kind"])
        for row in _expected(name)["lines"]
        if kinds.get(row["line"], ("?", ""))[0] != row["kind"]
    ]
    assert wrong == []


@pytest.mark.parametrize("name", CASES)
def test_body_is_exactly_the_story(name: str) -> None:
    text = (FURNITURE / f"{name}.txt").read_text(encoding="utf-8")
    story = [row["text"] for row in _expected(name)["lines"] if row["kind"] == "body"]
    assert list(extract(text, fitted_body=False).paragraphs) == story


@pytest.mark.parametrize("name", CASES)
def test_removed_lines_say_why(name: str) -> None:
    article = extract((FURNITURE / f"{name}.txt").read_text(encoding="utf-8"))
    for seg in article.segments:
        if not seg.kind.kept:
            assert seg.reason.strip(), f"line {seg.line} removed without a reason"


def test_each_family_in_three_languages() -> None:
    languages: dict[str, set[str]] = defaultdict(set)
    for name in CASES:
        exp = _expected(name)
        for row in exp["lines"]:
            languages[row["kind"]].add(exp["language"])
    thin = {family: sorted(languages[family]) for family in FAMILIES if len(languages[family]) < 3}
    assert thin == {}
