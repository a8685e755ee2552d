"""How precise the WCXB article figures are: each with a bootstrap interval over its pages.

    python benchmarks/intervals.py [--side train|validation] [--rounds 2000] [--bench PATH]

Reads the WCXB article pages of one side of split.json (browser rendering), extracts each as
quick.py does and scores it with the benchmark's own scorers, then resamples the pages with
replacement (`--rounds` times, seeded) and prints each figure with the 2.5% and 97.5% points of
its resampled values and their standard deviation (the standard error). Two builds whose figures
differ by less than about two standard errors are not told apart by these pages. Only
aggregate figures are printed; no page is named.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdata import DEFAULT_BENCH, iso, scorer, split_of  # noqa: E402

from boilerstrip import extract  # noqa: E402


@dataclass(frozen=True)
class Figure:
    """One figure: how it is read off a sample of pages, and the values it reads, one per page
    where the figure is defined (a title only where it is visible, and so on)."""

    name: str
    values: list[Any]
    reduce: Callable[[Sequence[Any]], float]
    count: bool = False


def _mean(rows: Sequence[Any]) -> float:
    return float(sum(rows)) / len(rows)


def _count(rows: Sequence[Any]) -> float:
    return float(sum(rows))


def page_figures(bench: Path, side: str) -> list[Figure]:
    """Every WCXB article page of the side, extracted and scored page by page."""
    split = split_of(bench)
    if split is None:
        return []
    score = scorer(bench, "score")
    wordbag = scorer(bench, "score_wordbag")
    meta_scorer = scorer(bench, "score_meta")
    folder = bench / "wcxb-dev"
    gold: dict[str, Any] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    meta: dict[str, Any] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    ids = [p for p in sorted(gold) if gold[p]["page_type"] == "article" and split.get(p) == side]
    body: list[dict[str, Any]] = []
    bag: list[float] = []
    lost: list[float] = []
    title: list[float] = []
    day: list[float] = []
    day_none: list[float] = []
    names: list[float] = []
    names_none: list[float] = []
    for pid in ids:
        path = folder / f"{pid}.browser.txt"
        article = extract(path.read_text(encoding="utf-8") if path.exists() else "")
        counts = score.score({pid: gold[pid]}, {pid: article.body})[1][pid]
        p, r = counts["precision"], counts["recall"]
        body.append(counts)
        lost.append(float((2 * p * r / (p + r) if p + r else 0.0) < 0.5))
        bag.append(wordbag.score({pid: gold[pid]}, {pid: article.body})[0]["f1"])
        pred = {
            "title": article.title,
            "published": iso(article.published),
            "authors": list(article.authors),
        }
        got = meta_scorer.score({pid: meta[pid]}, {pid: pred})
        for row, value in (
            (title, got["title"].get("exact_any_variant_on_visible")),
            (day, got["published"].get("date_acc_pm1day_on_visible")),
            (day_none, got["published"].get("fp_rate")),
            (names, got["authors"].get("f1_on_visible")),
            (names_none, got["authors"].get("fp_rate")),
        ):
            if value is not None:
                row.append(float(value))
    return [
        # score.py's figure: the F1 of the mean precision and the mean recall
        Figure("body, shingle F1", body, lambda rows: float(score.aggregate(list(rows))["f1"])),
        Figure("body, word-bag F1", bag, _mean),
        Figure("body, catastrophic pages (F1 < 0.5)", lost, _count, count=True),
        Figure("title exact where visible", title, _mean),
        Figure("date within a day where visible", day, _mean),
        Figure("a date where the gold has none", day_none, _mean),
        Figure("authors F1 where visible", names, _mean),
        Figure("authors where the gold has none", names_none, _mean),
    ]


def interval(figure: Figure, rounds: int, seed: int) -> tuple[float, float, float, float]:
    """(the figure, its 2.5% and 97.5% bootstrap points, the bootstrap standard deviation)."""
    rng = random.Random(seed)
    rows = figure.values
    value = figure.reduce(rows)
    draws = sorted(figure.reduce([rows[rng.randrange(len(rows))] for _ in rows]) for _ in range(rounds))
    mean = sum(draws) / rounds
    sd = (sum((d - mean) ** 2 for d in draws) / rounds) ** 0.5
    return value, draws[int(rounds * 0.025)], draws[min(rounds - 1, int(rounds * 0.975))], sd


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder")
    ap.add_argument("--side", choices=("train", "validation"), default="validation")
    ap.add_argument("--rounds", type=int, default=2000, help="bootstrap samples")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.rounds < 40:
        ap.error("--rounds: at least 40 samples")
    figures = page_figures(args.bench, args.side)
    if not figures:
        return 0
    print(f"WCXB articles, {args.side} side, browser rendering; {args.rounds} bootstrap samples of the pages")
    print("| figure | pages | value | 95% interval | standard error |")
    print("| --- | --- | --- | --- | --- |")
    for figure in figures:
        if not figure.values:
            continue
        value, low, high, sd = interval(figure, args.rounds, args.seed)
        digits = 0 if figure.count else 3
        print(
            f"| {figure.name} | {len(figure.values)} | {value:.{digits}f} | "
            f"{low:.{digits}f} - {high:.{digits}f} | {sd:.{max(digits, 1)}f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
