"""Body quality must not fall below the recorded floors on the shared benchmark pages.

The floors live in benchmarks/floors.json (the figures of the current body decision); a
change that costs more than 0.01 F1 on any rendering fails here. Skips when the benchmark
folder is not beside the repo.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import extract

from conftest import ROOT, bench_dir

TOLERANCE = 0.01


def _floors() -> dict[str, float]:
    data: dict[str, float] = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
    return data


def _scorers(bench: Path) -> tuple[Any, Any]:
    if str(bench) not in sys.path:
        sys.path.insert(0, str(bench))
    import score
    import score_snippets

    return score, score_snippets


@pytest.mark.parametrize("track", ["browser", "htmltext", "naive"])
def test_dev_body_f1_floor(track: str) -> None:
    bench = bench_dir()
    score, _ = _scorers(bench)
    gold = json.loads((bench / "dev" / "gold.json").read_text(encoding="utf-8"))
    pred = {}
    for pid in gold:
        path = bench / "dev" / f"{pid}.{track}.txt"
        if path.exists():
            pred[pid] = extract(path.read_text(encoding="utf-8")).body
    assert pred, f"no {track} pages found"
    f1 = score.evaluate({k: v for k, v in gold.items() if k in pred}, pred)["f1"]
    floor = _floors()[f"dev_{track}_f1"]
    assert f1 >= floor - TOLERANCE, f"dev {track} body F1 {f1:.3f} fell below the floor {floor:.3f}"


def test_multi_body_f1_floor() -> None:
    bench = bench_dir()
    _, snippets = _scorers(bench)
    multi = bench / "dev-multi"
    if not (multi / "gold.json").exists():
        pytest.skip(f"multilingual pages not found at {multi}")
    gold = json.loads((multi / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for pid, item in gold.items():
        path = multi / f"{pid}.browser.txt"
        body = extract(path.read_text(encoding="utf-8")).body if path.exists() else ""
        pages.append(snippets.page_counts(item, body))
    f1 = snippets.aggregate(pages)["f1"]
    floor = _floors()["multi_browser_f1"]
    assert f1 >= floor - TOLERANCE, f"multilingual body F1 {f1:.3f} fell below the floor {floor:.3f}"
