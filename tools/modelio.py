"""Shared by the training scripts: labels from gold text, the train/validation sides, and the
export of a LightGBM booster to the flat JSON that boilerstrip.model reads at run time.

Training needs the `train` extra (pip install '.[train]'); run time does not.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
DATA = ROOT / "src" / "boilerstrip" / "data"


def bench_or_exit() -> Path:
    if not (BENCH / "split.json").exists():
        raise SystemExit(f"the development pages are not at {BENCH}: nothing to train on")
    return BENCH


def sides() -> dict[str, str]:
    """{page id: "train" | "validation"}, split by site (../shared/bench/split.json)."""
    data: dict[str, str] = json.loads((bench_or_exit() / "split.json").read_text(encoding="utf-8"))
    return data


def page_sites(bench: Path) -> dict[str, str]:
    """{page id: its site} for every development page (dev, dev-multi, wcxb-dev), from the gold's
    URLs: the groups that folds by site keep together."""
    out: dict[str, str] = {}
    for name in ("dev", "dev-multi", "wcxb-dev"):
        gold = json.loads((bench / name / "gold.json").read_text(encoding="utf-8"))
        for pid, g in gold.items():
            out[pid] = domain_of(g.get("url") or "") or g.get("domain") or pid
    return out


def site_fold(site: str, folds: int) -> int:
    """The fold of a site, the same in every run (a hash of its name)."""
    return int(hashlib.sha1(site.encode()).hexdigest()[:8], 16) % folds


def domain_of(url: str) -> str:
    """A page's site, for grouping pages by site: the URL's host without "www." ("" for none)."""
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _flatten(node: dict[str, Any], tree: dict[str, list[Any]]) -> int:
    """Append `node` (a LightGBM dump_model tree_structure) to the flat arrays; its reference."""
    if "leaf_value" in node:
        tree["leaf"].append(float(node["leaf_value"]))
        return ~(len(tree["leaf"]) - 1)
    if node.get("decision_type", "<=") != "<=":
        raise ValueError(f"unsupported split {node.get('decision_type')!r}: encode categories as numbers")
    n = len(tree["feature"])
    tree["feature"].append(int(node["split_feature"]))
    tree["threshold"].append(float(node["threshold"]))
    tree["left"].append(0)
    tree["right"].append(0)
    tree["left"][n] = _flatten(node["left_child"], tree)
    tree["right"][n] = _flatten(node["right_child"], tree)
    return n


def export(
    booster: Any,
    name: str,
    features: list[str],
    info: dict[str, Any],
    path: Path | None = None,
    params: dict[str, float] | None = None,
) -> Path:
    """Write `booster` as data/<name>.model.json (or `path`); returns the path written.
    `params` are numbers the run-time decision reads beside the trees (a threshold, a cost)."""
    dump = booster.dump_model()
    if dump["feature_names"] != features:
        raise ValueError("the booster's features are not the ones given")
    trees = []
    for t in dump["tree_info"]:
        flat: dict[str, list[Any]] = {"feature": [], "threshold": [], "left": [], "right": [], "leaf": []}
        _flatten(t["tree_structure"], flat)
        flat["threshold"] = [round(v, 9) for v in flat["threshold"]]
        flat["leaf"] = [round(v, 9) for v in flat["leaf"]]
        trees.append(flat)
    out = path or DATA / f"{name}.model.json"
    payload = {
        "name": name,
        "features": features,
        "base": 0.0,
        "params": params or {},
        "info": info,
        "trees": trees,
    }
    out.write_text(json.dumps(payload, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    return out
