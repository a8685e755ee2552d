"""The compiled build (setup.py) and the pure-Python source give the same result on every
fixture, with the default options and with options that take other paths through the stages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import boilerstrip
from boilerstrip import extract

from conftest import FIXTURES, ROOT

_PAGES = sorted(FIXTURES.rglob("*.txt"))

# As JSON (a date as ISO text), so the child process below reads the same list.
_VARIANTS: list[dict[str, Any]] = [
    {},
    {"reference_date": "2025-12-14T12:00", "keep_features": False},
    {"language": "de", "join_fragments": False, "body_threshold": 0.4},
]


def _options(variant: dict[str, Any]) -> dict[str, Any]:
    if "reference_date" in variant:
        return {**variant, "reference_date": datetime.fromisoformat(variant["reference_date"])}
    return variant


# Run in a child process whose path starts at the source tree: the .py modules, not compiled.
_PURE = """
import json, sys
from datetime import datetime
from pathlib import Path
import boilerstrip
assert not boilerstrip.COMPILED, boilerstrip.__file__
variants = json.loads(sys.argv[1])
for v in variants:
    if "reference_date" in v:
        v["reference_date"] = datetime.fromisoformat(v["reference_date"])
paths = [Path(p) for p in sys.argv[2:]]
print(json.dumps([[boilerstrip.extract(p.read_bytes(), **v).to_dict() for v in variants] for p in paths]))
"""


def test_compiled_flag_is_a_bool() -> None:
    assert isinstance(boilerstrip.COMPILED, bool)


def test_compiled_and_pure_python_agree_on_every_fixture() -> None:
    if not boilerstrip.COMPILED:
        pytest.skip("boilerstrip runs as pure Python here: there is no compiled build to compare")
    assert _PAGES
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _PURE, json.dumps(_VARIANTS), *map(str, _PAGES)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(ROOT / "src"),
    )
    pure = json.loads(done.stdout)
    for page, expected in zip(_PAGES, pure, strict=True):
        got = [extract(page.read_bytes(), **_options(v)).to_dict() for v in _VARIANTS]
        assert got == expected, page.name


def test_the_build_can_type_check_without_the_runtime_dependencies() -> None:
    """mypyc type-checks the package where only the build requirements are installed (setuptools
    and mypy): a third-party import that mypy cannot resolve there fails the compile, and the
    package then installs as pure Python, at about half the speed, without a word. So every
    third-party module the package imports is listed under `ignore_missing_imports`."""
    import ast
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignored: set[str] = set()
    for override in config["tool"]["mypy"].get("overrides", []):
        if override.get("ignore_missing_imports"):
            ignored.update(m.removesuffix(".*") for m in override["module"])
    imported: set[str] = set()
    for path in sorted((ROOT / "src" / "boilerstrip").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "boilerstrip"}
    assert third_party - ignored == set()
