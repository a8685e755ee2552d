"""Pick the body-region weights by cross-validation over whole sites.

    python tools/fit_body.py [--bench PATH] [--folds 5] [--objective targets|f1] [--write]

Every dev page (three text renderings) and every multilingual page is run once up to the
body decision; then each point of a small grid of `BodyParams` is scored on every page.
Sites (URL hosts) are split into folds: for each fold the grid point that scores best on
the other folds' sites is scored on the held-out sites, so the held-out figures show how the
choice carries to sites it never saw. The objective (`targets`, the default) is the smallest
margin to the body targets: F1, precision and recall of each set (dev browser, htmltext,
naive; multilingual browser) against the figures in TARGETS, which ask more of recall than of
precision; `f1` is the mean of the four F1 figures. With --write, the grid point best on all
sites goes to src/boilerstrip/data/body_params.json (the parameters outside the grid keep
their values there).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import boilerstrip.extract  # noqa: E402, F401  (the module, not the function of the same name)
from boilerstrip import body as body_stage  # noqa: E402
from boilerstrip.extract import analyse  # noqa: E402
from boilerstrip.kinds import Kind  # noqa: E402
from boilerstrip.lexicon import default_lexicon  # noqa: E402
from boilerstrip.options import Options  # noqa: E402

extract_mod = sys.modules["boilerstrip.extract"]

GRID: dict[str, list[Any]] = {
    "unpunctuated_prose_words": [16, 18, 20],
    "isolated_share": [0.35, 0.5],
    "core_discount": [3.0, 4.0],
    "grow_back_max_gap": [1, 3, 4],
}
# The body targets (F1, precision, recall) each set must reach; `--objective targets` picks the
# grid point with the largest smallest margin over all twelve.
TARGETS = {
    "dev browser": (0.95, 0.93, 0.95),
    "dev htmltext": (0.94, 0.92, 0.95),
    "dev naive": (0.92, 0.90, 0.92),
    "multi browser": (0.90, 0.88, 0.90),
}
SETS = ("dev browser", "dev htmltext", "dev naive", "multi browser")


def host(url: str) -> str:
    parts = urlsplit(url)
    name = parts.netloc.lower()
    if name.endswith("web.archive.org"):  # an archived page belongs to the archived site
        inner = parts.path.split("/", 3)[-1]
        name = urlsplit(inner if "://" in inner else "http://" + inner).netloc.lower()
    return name.removeprefix("www.")


def prepare(text: str) -> tuple[Any, ...]:
    """Everything up to the body decision, computed once per page (the public pipeline: the
    rules', caption and byline labels as they stand before the body stage)."""
    page = analyse(text, fitted_body=False)
    return page.units, page.facts, page.rule_labels


def body_text(prepared: tuple[Any, ...], params: body_stage.BodyParams) -> str:
    units, unit_facts, labels = prepared
    decision = body_stage.decide(unit_facts, list(labels), Options(), default_lexicon(), params)
    return "\n".join(
        extract_mod._clean(units[i].text)
        for i, lab in enumerate(decision.labels)
        if lab is not None and lab.kind is Kind.BODY
    )


def load(bench: Path) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = []
    gold = json.loads((bench / "dev" / "gold.json").read_text(encoding="utf-8"))
    for pid, item in gold.items():
        for track in ("browser", "htmltext", "naive"):
            path = bench / "dev" / f"{pid}.{track}.txt"
            if path.exists():
                text = path.read_text(encoding="utf-8")
                pages.append({"set": f"dev {track}", "site": host(item["url"]), "gold": item, "text": text})
    multi = json.loads((bench / "dev-multi" / "gold.json").read_text(encoding="utf-8"))
    for pid, item in multi.items():
        path = bench / "dev-multi" / f"{pid}.browser.txt"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        pages.append({"set": "multi browser", "site": host(item["url"]), "gold": item, "text": text})
    return pages


def figures(
    pages: list[dict[str, Any]], counts: list[dict[str, Any]], score: Any, snippets: Any
) -> dict[str, tuple[float, float, float]]:
    """(F1, precision, recall) of each set."""
    out = {}
    for name in SETS:
        chosen = [c for p, c in zip(pages, counts, strict=True) if p["set"] == name]
        if not chosen:
            continue
        agg = snippets.aggregate(chosen) if name.startswith("multi") else score.aggregate(chosen)
        out[name] = (agg["f1"], agg["precision"], agg["recall"])
    return out


def objective(fig: dict[str, tuple[float, float, float]], mode: str) -> tuple[float, float]:
    """`f1`: the mean F1 of the sets. `targets`: the smallest margin to the targets (F1,
    precision and recall of every set), so the choice meets all of them if any point does;
    margins within 0.001 of each other count as a tie, broken by the mean F1."""
    mean_f1 = sum(f[0] for f in fig.values()) / max(len(fig), 1)
    if mode == "f1":
        return mean_f1, 0.0
    margin = min(
        value - target for name, f in fig.items() for value, target in zip(f, TARGETS[name], strict=True)
    )
    return round(margin, 3), mean_f1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="write the best grid point to data/body_params.json")
    ap.add_argument(
        "--objective", choices=("targets", "f1"), default="targets", help="what the grid point is chosen for"
    )
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    if not (bench / "dev" / "gold.json").exists():
        print(f"benchmark pages not found under {bench}")
        return 0
    sys.path.insert(0, str(bench))
    import score
    import score_snippets

    t0 = time.perf_counter()
    pages = load(bench)
    prepared = [prepare(p["text"]) for p in pages]
    base = body_stage.DEFAULT_PARAMS
    keys = list(GRID)
    grid = [
        dataclasses.replace(base, **dict(zip(keys, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]
    print(f"{len(pages)} page renderings, {len({p['site'] for p in pages})} sites, {len(grid)} grid points")
    table: list[list[dict[str, Any]]] = []  # [grid point][page] -> page counts
    for params in grid:
        row = []
        for page, prep in zip(pages, prepared, strict=True):
            pred = body_text(prep, params)
            if page["set"].startswith("multi"):
                row.append(score_snippets.page_counts(page["gold"], pred))
            else:
                row.append(score.page_counts(page["gold"].get("articleBody", ""), pred))
        table.append(row)
    print(f"scored in {time.perf_counter() - t0:.0f}s")

    def fold_of(site: str) -> int:
        return int(hashlib.sha1(site.encode()).hexdigest(), 16) % args.folds

    held_out: list[dict[str, Any] | None] = [None] * len(pages)
    for fold in range(args.folds):
        train = [i for i, p in enumerate(pages) if fold_of(p["site"]) != fold]
        test = [i for i, p in enumerate(pages) if fold_of(p["site"]) == fold]
        train_pages = [pages[i] for i in train]
        best = max(
            range(len(grid)),
            key=lambda g: objective(
                figures(train_pages, [table[g][i] for i in train], score, score_snippets), args.objective
            ),
        )
        for i in test:
            held_out[i] = table[best][i]
        chosen = {k: getattr(grid[best], k) for k in keys}
        print(f"fold {fold}: {len(test)} held-out renderings, chose {chosen}")
    cv = figures(pages, [c for c in held_out if c is not None], score, score_snippets)
    g_all = max(
        range(len(grid)),
        key=lambda g: objective(figures(pages, table[g], score, score_snippets), args.objective),
    )
    fit = figures(pages, table[g_all], score, score_snippets)
    shipped = next((g for g, params in enumerate(grid) if params == base), None)
    print("\n| set | target F1 / P / R | held-out sites (CV) | best on all sites | shipped params |")
    print("|---|---|---|---|---|")
    ship = figures(pages, table[shipped], score, score_snippets) if shipped is not None else {}

    def cell(fig: dict[str, tuple[float, float, float]], name: str) -> str:
        return " / ".join(f"{v:.3f}" for v in fig[name]) if name in fig else "-"

    for name in SETS:
        goal = " / ".join(f"{v:.2f}" for v in TARGETS[name])
        print(f"| {name} | {goal} | {cell(cv, name)} | {cell(fit, name)} | {cell(ship, name)} |")
    best_params = {k: getattr(grid[g_all], k) for k in keys}
    print(f"\nbest on all sites: {best_params}")
    if args.write:
        path = ROOT / "src" / "boilerstrip" / "data" / "body_params.json"
        data = dataclasses.asdict(grid[g_all])
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
