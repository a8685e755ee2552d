"""Shared test helpers: fixture paths and the optional benchmark folder beside the repo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED_BENCH = ROOT.parent / "shared" / "bench"


def load_expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def expected_beside(page: Path) -> dict[str, Any]:
    """The expected result of a fixture page: `<name>.expected.json` beside `<name>.txt`."""
    return load_expected(str(page.with_suffix(".expected.json").relative_to(FIXTURES)))


@pytest.fixture
def seed_text() -> str:
    return (FIXTURES / "cna-belarus.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed_expected() -> dict[str, Any]:
    return load_expected("cna-belarus.expected.json")


def bench_dir() -> Path:
    """The dev benchmark pages; tests that need them skip with a clear message when absent."""
    if not (SHARED_BENCH / "dev" / "gold.json").exists():
        pytest.skip(f"benchmark pages not found at {SHARED_BENCH} (they are not shipped with the repo)")
    return SHARED_BENCH
