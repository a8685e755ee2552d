"""The benchmark scripts: the docs sections they own and their behaviour without the benchmark pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT


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
