"""benchmarks/intervals.py: bootstrap intervals of the WCXB figures, and its behaviour without the pages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("intervals_benchmark", ROOT / "benchmarks" / "intervals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def test_no_benchmark_is_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--bench", str(tmp_path)]) == 0
    assert "no benchmark pages" in capsys.readouterr().out


def test_interval_holds_the_figure_and_is_seeded() -> None:
    script = _script()
    figure = script.Figure("share", [1.0] * 30 + [0.0] * 10, script._mean)
    value, low, high, sd = script.interval(figure, 500, 3)
    assert value == pytest.approx(0.75)
    assert low < value < high and 0.0 < sd < 0.2
    assert script.interval(figure, 500, 3) == (value, low, high, sd)


def test_a_sample_of_one_value_has_no_spread() -> None:
    script = _script()
    value, low, high, sd = script.interval(
        script.Figure("pages", [1.0] * 12, script._count, count=True), 100, 0
    )
    assert value == low == high == 12.0 and sd == 0.0


def test_too_few_rounds_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        _script().main(["--rounds", "3"])
    assert stop.value.code == 2
    assert "at least 40" in capsys.readouterr().err
