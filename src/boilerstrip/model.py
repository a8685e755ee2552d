"""Fitted models, evaluated without the library that trained them.

A model file (data/*.model.json) is written by a training script in tools/ (through
tools/modelio.py) from a LightGBM booster: feature names, then each tree as flat arrays. A
node `n >= 0` tests `x[feature[n]] <= threshold[n]` and goes to `left[n]` or `right[n]`; a
child `c < 0` is the leaf `~c` whose value is `leaf[~c]`. The raw score is the sum of the leaves
reached plus `base`; for a binary model the probability is its logistic.

Run time needs nothing but this module: no NumPy, no LightGBM.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


def logistic(z: float) -> float:
    """1 / (1 + e^-z), computed on the side where the exponential cannot overflow."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaf: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class TreeModel:
    """A boosted tree ensemble: `score(x)` is the raw margin, `proba(x)` its logistic;
    `scores(rows)` and `probas(rows)` give the same for many rows at once, faster."""

    name: str
    features: tuple[str, ...]
    trees: tuple[Tree, ...]
    base: float = 0.0
    # numbers the decision reads beside the trees (a threshold, a cost), fitted with them
    params: tuple[tuple[str, float], ...] = ()
    # what the training script recorded: data, seed, parameters, figures (not read at run time)
    info: tuple[tuple[str, str], ...] = ()

    def score(self, x: list[float]) -> float:
        return self.scores([x])[0]

    def proba(self, x: list[float]) -> float:
        return logistic(self.score(x))

    def scores(self, rows: list[list[float]]) -> list[float]:
        """The raw margin of each row (the sum of the leaves reached, after `base`), for all the
        rows of a page at once: the one place the trees are walked (`score` is one row of it).

        A page asks for hundreds of rows (every unit, every candidate line): walking the trees
        here, without a call per tree per row, takes a quarter less time as plain Python than a
        call per tree, and as much compiled. A row goes through all the trees before the next:
        walking each tree over all the rows instead is hardly faster as plain Python and slower
        compiled, where every partial sum is stored as a Python float. The rows are lists: the
        compiled build reads a list of floats directly, and any other sequence through slower
        generic calls."""
        out: list[float] = []
        base, trees = self.base, self.trees
        for x in rows:
            total = base
            for tree in trees:
                feature, threshold = tree.feature, tree.threshold
                left, right = tree.left, tree.right
                n = 0 if feature else -1  # a tree of one leaf: the leaf ~(-1) == 0
                while n >= 0:
                    n = left[n] if x[feature[n]] <= threshold[n] else right[n]
                total += tree.leaf[~n]
            out.append(total)
        return out

    def probas(self, rows: list[list[float]]) -> list[float]:
        """The probability of each row, as `proba` gives it (see `scores`)."""
        return [logistic(z) for z in self.scores(rows)]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeModel:
        trees = tuple(
            Tree(
                tuple(int(v) for v in t["feature"]),
                tuple(float(v) for v in t["threshold"]),
                tuple(int(v) for v in t["left"]),
                tuple(int(v) for v in t["right"]),
                tuple(float(v) for v in t["leaf"]),
            )
            for t in data["trees"]
        )
        info = tuple(sorted((str(k), json.dumps(v)) for k, v in data.get("info", {}).items()))
        params = tuple(sorted((str(k), float(v)) for k, v in data.get("params", {}).items()))
        return cls(
            str(data["name"]), tuple(data["features"]), trees, float(data.get("base", 0.0)), params, info
        )

    def param(self, name: str) -> float:
        for key, value in self.params:
            if key == name:
                return value
        raise KeyError(f"model {self.name!r} has no parameter {name!r}")

    @classmethod
    def load(cls, name: str, path: Path | None = None) -> TreeModel:
        """The model `data/<name>.model.json` shipped in the package, or the file at `path`."""
        source = path or Path(str(resources.files("boilerstrip") / "data" / f"{name}.model.json"))
        model = cls.from_dict(json.loads(source.read_text(encoding="utf-8")))
        if model.name != name:
            raise ValueError(f"{source}: holds the model {model.name!r}, not {name!r}")
        return model

    @classmethod
    def shipped(cls, name: str, features: tuple[str, ...], html: bool = False) -> TreeModel:
        """The shipped model `data/<name>.model.json`, checked against `features`; with `html`,
        the one learnt on pages' HTML (`<name>_html`, written by a training script's --html)
        when the package has it."""
        try:
            model = cls.load(f"{name}_html" if html else name)
        except FileNotFoundError:
            if not html:
                raise
            model = cls.load(name)
        model.check(features)
        return model

    def check(self, names: tuple[str, ...]) -> None:
        """Fail loudly when the code computes other features than the model was trained on."""
        if names != self.features:
            missing = sorted(set(self.features) - set(names))
            extra = sorted(set(names) - set(self.features))
            raise ValueError(
                f"model {self.name!r} was trained on other features (missing {missing}, new {extra});"
                " rerun its training script in tools/"
            )
