"""Shared test helpers: fixture paths and the optional benchmark folder beside the repo."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
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


class Listener:
    """A local port nobody should connect to: `url` points at it, `connected()` tells."""

    def __init__(self, server: socket.socket) -> None:
        self.server = server
        self.url = f"http://127.0.0.1:{server.getsockname()[1]}"

    def connected(self) -> bool:
        try:
            self.server.accept()[0].close()
        except BlockingIOError:
            return False
        return True


@pytest.fixture
def listener() -> Iterator[Listener]:
    """For tests that a page's references are never fetched."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.setblocking(False)
        yield Listener(server)
