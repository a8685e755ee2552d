"""The benchmark scripts: the docs sections they own and their behaviour without the benchmark pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from boilerstrip import extract

from conftest import FIXTURES, ROOT, load_expected


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("metadata_benchmark", ROOT / "benchmarks" / "metadata.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_section_replaced_and_rest_kept(tmp_path: Path) -> None:
    script = _script()
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n<!-- body:start -->\nbody figures\n<!-- body:end -->\n", encoding="utf-8")
    script.write_section(doc, script.START, script.END, "first report", "")
    script.write_section(doc, script.START, script.END, "second report", "")
    text = doc.read_text(encoding="utf-8")
    assert "body figures" in text
    assert "second report" in text and "first report" not in text
    assert text.count(script.START) == 1 and text.count(script.END) == 1


def test_missing_file_is_created(tmp_path: Path) -> None:
    script = _script()
    doc = tmp_path / "docs" / "benchmarks.md"
    script.write_section(doc, script.START, script.END, "a report", "## Metadata")
    assert "a report" in doc.read_text(encoding="utf-8")


def test_no_benchmark_is_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--bench", str(tmp_path)]) == 0
    assert "no metadata benchmark" in capsys.readouterr().out


def test_captions_in_the_gold_convention_keep_inline_credits() -> None:
    """The benchmark's gold keeps a credit written inline (in brackets, or unlabelled after the
    caption) inside the caption's text; a labelled credit is its own element there."""
    script = _script()
    expected = load_expected("captions/printed.expected.json")
    for name, captions in expected.items():
        article = extract((FIXTURES / "captions" / name).read_text(encoding="utf-8"))
        assert [script.as_printed(article, c) for c in article.captions] == captions, name
    printed = [c for captions in expected.values() for c in captions]
    assert any(c.endswith("(AP Photo/Jane Roe)") for c in printed)  # bracketed: kept, fold link not
    assert "Mary Major Submitted photo" in printed  # unlabelled: kept
    assert "A herder's tent in the hills above the town." in printed  # "Photograph by X": its own element


def test_no_html_benchmark_is_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--html", "--bench", str(tmp_path)]) == 0
    assert "no HTML metadata benchmark" in capsys.readouterr().out


def test_html_readings_of_one_page() -> None:
    """The three readings the HTML report scores: the text's, the markup's and the merged."""
    found = _script().html_predictions(FIXTURES / "html" / "declared-jsonld.html")
    assert set(found) == {"text", "markup", "merged"}
    assert found["text"]["published"] == "2024-03-03T20:30"  # "March 3, 2024 8:30 pm" on the page
    assert found["markup"]["published"] == found["merged"]["published"] == "2024-03-04T01:30+00:00"
    assert found["merged"]["authors"] == ["Tomas Lindqvist", "Mira Okafor"]
