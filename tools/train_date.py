"""Train the publication-date choice: src/boilerstrip/data/published.model.json.

    python tools/train_date.py [--no-write] [--tracks browser,htmltext,naive] [--html]

Every page with metadata gold (WCXB development pages of all types, wcxb-dev/meta.json; the
news pages of bench/dev, meta/dev-meta.json) is run through `boilerstrip.extract.analyse`,
and every date on it becomes a candidate (`boilerstrip.published.candidates`), labelled
positive when it lies within a day of the gold date. A small LightGBM binary model is trained
on the **train** side of ../shared/bench/split.json (the browser rendering, plus the other
renderings given by --tracks), and the threshold the best candidate must reach is chosen on
out-of-fold probabilities of the train pages (folds by site): the one that gets the most news
pages (WCXB articles and dev) right. Rerun after any change to the features (about a minute;
the same data give the same file). The figures printed are per group: within one day where the
date is visible, the same date where the gold has one, and the false-positive rate where the
gold has none; for the line rule and the model, train (out of fold and in sample) and
validation. Validation pages are only ever read as these aggregates.

--html reads every page's HTML (`<id>.html.gz`, train and validation) as `extract` reads an HTML
page and writes data/published_html.model.json, the model `extract` uses for HTML input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tools")]

import lightgbm as lgb  # noqa: E402
import numpy as np  # noqa: E402
from modelio import bench_or_exit, export, sides  # noqa: E402

from boilerstrip import published  # noqa: E402
from boilerstrip.extract import analyse, assemble  # noqa: E402
from boilerstrip.model import TreeModel  # noqa: E402

# `assemble` (run for the headline's unit) asks the shipped model for a date, and that model may
# be stale while the features change: it is replaced by a stand-in that never gives one.
# Nothing `candidates` reads depends on that answer.
_STAND_IN = TreeModel("published", published.FEATURES, (), info=(("threshold", "2.0"),))
published.model = lambda html=False: _STAND_IN  # type: ignore[assignment,misc]

SEED = 7
FOLDS = 4
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 4,
    "max_depth": 2,
    "min_data_in_leaf": 100,
    "min_sum_hessian_in_leaf": 1.0,
    "lambda_l2": 5.0,
    "feature_fraction": 0.8,
    "feature_fraction_seed": SEED,
    "bagging_fraction": 1.0,
    "seed": SEED,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "verbose": -1,
}
ROUNDS = 150
NEWS = ("wcxb:article", "dev")  # the pages the threshold is fitted on


@dataclass
class PageRows:
    group: str  # "wcxb:<page type>" or "dev"
    pid: str
    side: str
    track: str
    domain: str
    gold: date | None
    visible: bool
    x: list[tuple[float, ...]]
    y: list[int]
    days: list[date]


def gold_day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def title_unit(page: Any, article: Any) -> int | None:
    """The headline's unit, as the metadata stage found it (the same page, after `assemble`)."""
    for f in article.provenance:
        if f.name == "title":
            for i, u in enumerate(page.units):
                if u.start == f.start:
                    return i
    return None


def rows_of(text: str | Path) -> tuple[list[tuple[float, ...]], list[date]]:
    page = analyse(text)
    title = title_unit(page, assemble(page))  # (assemble leaves the page as it was)
    found = published.candidates(page, title)
    return [c.features for c in found], [c.day for c in found]


def domain_of(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    return host.removeprefix("www.")


def _file(pid: str, track: str) -> str:
    return f"{pid}.html.gz" if track == "html" else f"{pid}.{track}.txt"


def collect(tracks: tuple[str, ...]) -> list[PageRows]:
    bench = bench_or_exit()
    side = sides()
    jobs: list[tuple[str, str, str, str, Path, date | None, bool]] = []
    wcxb = bench / "wcxb-dev"
    meta = json.loads((wcxb / "meta.json").read_text(encoding="utf-8"))
    gold = json.loads((wcxb / "gold.json").read_text(encoding="utf-8"))
    for pid in sorted(meta):
        g = meta[pid]
        visible = (g.get("visible") or {}).get("published") == "with-year"
        for track in tracks if side[pid] == "train" or tracks == ("html",) else ("browser",):
            jobs.append(
                (
                    f"wcxb:{g['page_type']}",
                    pid,
                    track,
                    gold[pid]["domain"] or pid,
                    wcxb / _file(pid, track),
                    gold_day(g.get("published")),
                    visible,
                )
            )
    dev = json.loads((bench / "meta" / "dev-meta.json").read_text(encoding="utf-8"))
    for pid in sorted(dev):
        g = dev[pid]
        visible = (g.get("visible") or {}).get("published") in ("with-year", "adjacent-day")
        for track in tracks if side[pid] == "train" or tracks == ("html",) else ("browser",):
            jobs.append(
                (
                    "dev",
                    pid,
                    track,
                    domain_of(g.get("url") or pid),
                    bench / "dev" / _file(pid, track),
                    gold_day(g.get("published")),
                    visible,
                )
            )
    out: list[PageRows] = []
    for group, pid, track, domain, path, day, visible in jobs:
        source: str | Path = path if path.exists() else ""
        x, days = rows_of(source)
        y = [int(day is not None and abs((d - day).days) <= 1) for d in days]
        out.append(PageRows(group, pid, side[pid], track, domain, day, visible, x, y, days))
    return out


def fold_of(domain: str) -> int:
    return int(hashlib.sha1(domain.encode()).hexdigest()[8:16], 16) % FOLDS


def train(pages: list[PageRows]) -> lgb.Booster:
    x = [row for p in pages for row in p.x]
    y = [label for p in pages for label in p.y]
    w = [1.0 / math.sqrt(len(p.x)) for p in pages for _ in p.x]
    names = list(published.FEATURES)
    data = lgb.Dataset(
        np.array(x, dtype=np.float64),
        np.array(y),
        weight=np.array(w),
        feature_name=names,
        free_raw_data=False,
    )
    return lgb.train(PARAMS, data, num_boost_round=ROUNDS)


def best(booster: lgb.Booster, page: PageRows) -> tuple[float, date | None, bool]:
    """The most probable candidate: (probability, its day, within a day of the gold)."""
    if not page.x:
        return 0.0, None, False
    p = booster.predict(np.array(page.x, dtype=np.float64))
    k = int(np.argmax(p))  # (the first of equals, as at run time)
    return float(p[k]), page.days[k], bool(page.y[k])


def hand(page: PageRows) -> tuple[float, date | None, bool]:
    """What the line rule (the `old_published` feature) picks, as a sure choice."""
    at = published.FEATURES.index("old_published")
    k = next((k for k, x in enumerate(page.x) if x[at]), None)
    return (0.0, None, False) if k is None else (1.0, page.days[k], bool(page.y[k]))


def fit_threshold(scored: list[tuple[PageRows, tuple[float, date | None, bool]]]) -> float:
    """The threshold that gets the most news pages (WCXB articles and dev) right: a date within a
    day where the gold has one, no date where it has none."""
    news = [s for s in scored if s[0].group in NEWS]
    best_t, best_ok = 0.5, -1
    for t in sorted({round(p, 4) for _, (p, _, _) in news}):
        ok = sum((p >= t and hit) if page.gold is not None else p < t for page, (p, _, hit) in news)
        if ok > best_ok:
            best_t, best_ok = t, ok
    return best_t


def figures(scored: list[tuple[PageRows, tuple[float, date | None, bool]]], t: float) -> str:
    vis = [hit and p >= t for page, (p, _, hit) in scored if page.gold is not None and page.visible]
    same = [p >= t and d == page.gold for page, (p, d, _) in scored if page.gold is not None]
    null = [p >= t for page, (p, _, _) in scored if page.gold is None]

    def rate(v: list[bool]) -> str:
        return f"{sum(v) / len(v):.3f}" if v else "  -  "

    reach = [any(page.y) for page, _ in scored if page.gold is not None and page.visible]
    return (
        f"within-1-day on visible {rate(vis)} (n={len(vis):3d}, a right date among the dates {rate(reach)})"
        f"  same date {rate(same)} (n={len(same):3d})  FP where null {rate(null)} (n={len(null):3d})"
    )


GROUPS = {
    "wcxb articles": lambda p: p.group == "wcxb:article",
    "wcxb all types": lambda p: p.group.startswith("wcxb:"),
    "dev news": lambda p: p.group == "dev",
}


def report(label: str, scored: list[tuple[PageRows, tuple[float, date | None, bool]]], t: float) -> None:
    for name, keep in GROUPS.items():
        sub = [s for s in scored if keep(s[0]) and s[0].track in ("browser", "html")]
        print(f"  {label:<22} {name:<15} {figures(sub, t)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tracks", default="browser", help="renderings of the train pages (comma-separated)")
    ap.add_argument("--no-write", action="store_true", help="print the figures, keep the model file")
    ap.add_argument("--html", action="store_true", help="train the HTML input's model on the pages' HTML")
    args = ap.parse_args(argv)
    tracks = ("html",) if args.html else tuple(args.tracks.split(","))
    t0 = time.perf_counter()
    pages = collect(tracks)
    t1 = time.perf_counter()
    tr = [p for p in pages if p.side == "train"]
    va = [p for p in pages if p.side == "validation"]
    n_rows = sum(len(p.x) for p in tr)
    n_pos = sum(sum(p.y) for p in tr)
    print(
        f"pages: train {len(tr)} ({n_rows} dates, {n_pos} within a day of the gold), validation {len(va)};"
        f" candidates built in {t1 - t0:.0f}s"
    )

    oof: list[tuple[PageRows, tuple[float, date | None, bool]]] = []
    for k in range(FOLDS):
        fitted = train([p for p in tr if fold_of(p.domain) != k])
        oof += [(p, best(fitted, p)) for p in tr if fold_of(p.domain) == k]
    t = fit_threshold([s for s in oof if s[0].track in ("browser", "html")])
    booster = train(tr)
    print(
        f"threshold {t:.4f} (fitted on the train pages' out-of-fold probabilities); trained in"
        f" {time.perf_counter() - t1:.0f}s"
    )
    report("hand rule, train", [(p, hand(p)) for p in tr], 0.5)
    report("hand rule, validation", [(p, hand(p)) for p in va], 0.5)
    report("train, out of fold", oof, t)
    report("train, in sample", [(p, best(booster, p)) for p in tr], t)
    report("validation", [(p, best(booster, p)) for p in va], t)

    gain = booster.feature_importance("gain")
    order = sorted(range(len(gain)), key=lambda i: -gain[i])
    print("gain: " + ", ".join(f"{published.FEATURES[i]} {gain[i] / gain.sum():.3f}" for i in order[:15]))
    if not args.no_write:
        info = {
            "threshold": round(t, 6),
            "seed": SEED,
            "rounds": ROUNDS,
            "params": {k: v for k, v in PARAMS.items() if k not in ("verbose", "num_threads")},
            "data": f"train side of split.json: wcxb-dev (all page types) and dev, renderings {','.join(tracks)}",
            "train_pages": len(tr),
            "train_dates": n_rows,
        }
        path = export(booster, "published_html" if args.html else "published", list(published.FEATURES), info)
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
    print(f"total {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
