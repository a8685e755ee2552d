"""The compiled build (setup.py) and the pure-Python source give the same result on every fixture."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import extract

from conftest import FIXTURES, ROOT

_PAGES = sorted(FIXTURES.rglob("*.txt"))

# Run in a child process whose path starts at the source tree: the .py modules, not compiled.
_PURE = """
import json, sys
from pathlib import Path
import boilerstrip
assert not boilerstrip.COMPILED, boilerstrip.__file__
paths = [Path(p) for p in sys.argv[1:]]
print(json.dumps([boilerstrip.extract(p.read_bytes()).to_dict() for p in paths]))
"""


def test_compiled_flag_is_a_bool() -> None:
    assert isinstance(boilerstrip.COMPILED, bool)


def test_compiled_and_pure_python_agree_on_every_fixture() -> None:
    if not boilerstrip.COMPILED:
        pytest.skip("boilerstrip runs as pure Python here: there is no compiled build to compare")
    assert _PAGES
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _PURE, *map(str, _PAGES)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(ROOT / "src"),
    )
    pure = json.loads(done.stdout)
    for page, expected in zip(_PAGES, pure, strict=True):
        assert extract(page.read_bytes()).to_dict() == expected, page.name
