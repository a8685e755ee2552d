"""Shared by the training scripts: labels from gold text, the train/validation sides, what the
multilingual pages declare in their markup, and the export of a LightGBM booster to the flat
JSON that boilerstrip.model reads at run time.

Training needs the `train` extra (pip install '.[train]'); run time does not.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from boilerstrip.markup import Declared

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


@dataclass(frozen=True)
class DeclaredPage:
    """A multilingual development page (dev-multi) with what its markup declares."""

    id: str
    side: str
    site: str
    declared: Declared
    path: Path  # its browser rendering
    text: str  # the rendering's text


def declared_pages(bench: Path) -> list[DeclaredPage]:
    """The multilingual pages (which have no metadata gold) with what their markup declares,
    read as `extract` reads an HTML page (`markup.read`), and their browser rendering: the
    training scripts take a declared value as a page's gold where the page prints it."""
    from boilerstrip.html import parse_html
    from boilerstrip.lexicon import default_lexicon
    from boilerstrip.markup import read

    side = sides()
    lexicon = default_lexicon()
    gold = json.loads((bench / "dev-multi" / "gold.json").read_text(encoding="utf-8"))
    out: list[DeclaredPage] = []
    for pid in sorted(gold):
        source = bench / "dev-multi" / f"{pid}.html.gz"
        path = bench / "dev-multi" / f"{pid}.browser.txt"
        if not source.exists() or not path.exists() or pid not in side:
            continue
        markup = gzip.decompress(source.read_bytes()).decode("utf-8", "replace")
        site = domain_of(gold[pid].get("url") or "") or pid
        declared = read(parse_html(markup).root, lexicon)
        out.append(DeclaredPage(pid, side[pid], site, declared, path, path.read_text(encoding="utf-8")))
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
