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


sys.path.insert(0, str(ROOT / "benchmarks"))
from benchdata import gold, pages, scorer  # noqa: E402


def _scorers(bench: Path) -> tuple[Any, Any]:
    return scorer(bench, "score"), scorer(bench, "score_snippets")


@pytest.mark.parametrize("track", ["browser", "htmltext", "naive"])
def test_dev_body_f1_floor(track: str) -> None:
    bench = bench_dir()
    score, _ = _scorers(bench)
    dev_gold = gold(bench, "dev")
    pred = {pid: extract(text).body for pid, text in pages(bench, "dev", track, dev_gold).items()}
    assert pred, f"no {track} pages found"
    f1 = score.evaluate({k: v for k, v in dev_gold.items() if k in pred}, pred)["f1"]
    floor = _floors()[f"dev_{track}_f1"]
    assert f1 >= floor - TOLERANCE, f"dev {track} body F1 {f1:.3f} fell below the floor {floor:.3f}"


def test_multi_body_f1_floor() -> None:
    bench = bench_dir()
    _, snippets = _scorers(bench)
    if not (bench / "dev-multi" / "gold.json").exists():
        pytest.skip(f"multilingual pages not found at {bench / 'dev-multi'}")
    multi_gold = gold(bench, "dev-multi")
    texts = pages(bench, "dev-multi", "browser", multi_gold)
    counts = [
        snippets.page_counts(item, extract(texts[pid]).body if pid in texts else "")
        for pid, item in multi_gold.items()
    ]
    f1 = snippets.aggregate(counts)["f1"]
    floor = _floors()["multi_browser_f1"]
    assert f1 >= floor - TOLERANCE, f"multilingual body F1 {f1:.3f} fell below the floor {floor:.3f}"
