"""Body and metadata quality must not fall below the recorded floors on the shared benchmark pages.

The floors live in benchmarks/floors.json (the figures of the current body decision) and
benchmarks/meta_floors.json (metadata); a change that costs more than 0.01 of F1, precision or
recall on any rendering, or of a metadata figure, fails here. Skips when the benchmark
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
    got = score.evaluate({k: v for k, v in dev_gold.items() if k in pred}, pred)
    _check(got, f"dev_{track}", f"dev {track}")


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
    _check(snippets.aggregate(counts), "multi_browser", "multilingual")


def test_html_body_floors() -> None:
    """HTML input (the pages' own HTML, read with the HTML body model): the 95 news pages and
    the multilingual pages."""
    bench = bench_dir()
    score, snippets = _scorers(bench)
    dev_gold = gold(bench, "dev")
    found = {pid: bench / "dev" / f"{pid}.html.gz" for pid in dev_gold}
    pred = {pid: extract(path, html=True).body for pid, path in found.items() if path.exists()}
    assert pred, "no dev HTML pages found"
    _check(score.evaluate({k: v for k, v in dev_gold.items() if k in pred}, pred), "dev_html", "dev HTML")
    if not (bench / "dev-multi" / "gold.json").exists():
        return
    multi_gold = gold(bench, "dev-multi")
    counts = []
    for pid, item in multi_gold.items():
        path = bench / "dev-multi" / f"{pid}.html.gz"
        counts.append(snippets.page_counts(item, extract(path, html=True).body if path.exists() else ""))
    _check(snippets.aggregate(counts), "multi_html", "multilingual HTML")


def _check(got: dict[str, float], key: str, name: str) -> None:
    """F1, precision and recall each within TOLERANCE of the recorded figure."""
    floors = _floors()
    low = [
        f"{measure} {got[measure]:.3f} < floor {floors[f'{key}_{short}']:.3f}"
        for measure, short in (("f1", "f1"), ("precision", "p"), ("recall", "r"))
        if f"{key}_{short}" in floors and got[measure] < floors[f"{key}_{short}"] - TOLERANCE
    ]
    assert low == [], f"{name} body fell below its floors: {', '.join(low)}"


def test_metadata_floors() -> None:
    """Title, date, author and caption figures of the metadata benchmark stay within TOLERANCE of
    benchmarks/meta_floors.json ("field.measure" as the benchmark's scorer names them; ceilings
    for the rates that should stay low, such as authors predicted where the gold has none)."""
    bench = bench_dir()
    if not (bench / "meta" / "dev-meta.json").exists():
        pytest.skip(f"metadata gold not found at {bench / 'meta'}")
    import metadata as metadata_benchmark

    score_meta = scorer(bench, "score_meta")
    meta_gold = json.loads((bench / "meta" / "dev-meta.json").read_text(encoding="utf-8"))
    pred, _ = metadata_benchmark.predictions(bench / "dev", sorted(meta_gold))
    got = score_meta.score(meta_gold, pred)
    limits = json.loads((ROOT / "benchmarks" / "meta_floors.json").read_text(encoding="utf-8"))

    def value(key: str) -> float:
        field, measure = key.split(".")
        result: float = got[field][measure]
        return result

    bad = [
        f"{k} {value(k):.3f} < floor {v:.3f}" for k, v in limits["floors"].items() if value(k) < v - TOLERANCE
    ]
    bad += [
        f"{k} {value(k):.3f} > ceiling {v:.3f}"
        for k, v in limits["ceilings"].items()
        if value(k) > v + TOLERANCE
    ]
    assert bad == [], f"metadata crossed its limits: {', '.join(bad)}"
