"""The tree models: scoring many rows at once gives exactly the figures of scoring them one by one."""

from __future__ import annotations

import math
import random
import struct
from importlib import resources

import pytest

from boilerstrip.model import Tree, TreeModel

SHIPPED = sorted(
    p.name.removesuffix(".model.json")
    for p in (resources.files("boilerstrip") / "data").iterdir()
    if p.name.endswith(".model.json")
)


def _bits(values: list[float]) -> list[bytes]:
    """The values as their bytes: equal floats that print alike could still differ in the last bit."""
    return [struct.pack("<d", v) for v in values]


def _rows(model: TreeModel, count: int, seed: int) -> list[list[float]]:
    """Rows that take every kind of turn in the trees: a feature's value is one of the model's
    thresholds for it (a tie goes left), a value just above one, or anything in their range."""
    cuts: list[list[float]] = [[] for _ in model.features]
    for tree in model.trees:
        for f, t in zip(tree.feature, tree.threshold, strict=True):
            cuts[f].append(t)
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        row = []
        for known in cuts:
            if not known:
                row.append(rng.uniform(-10.0, 10.0))
                continue
            t = rng.choice(known)
            how = rng.randrange(3)
            if how == 0:
                row.append(t)
            elif how == 1:
                row.append(math.nextafter(t, math.inf))
            else:
                row.append(rng.uniform(min(known) - 1.0, max(known) + 1.0))
        rows.append(row)
    return rows


def test_every_model_file_is_found() -> None:
    assert {"body", "title", "authors", "published"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_batch_scores_are_the_per_row_scores_to_the_bit(name: str) -> None:
    model = TreeModel.load(name)
    rows = _rows(model, 600, seed=20261203)  # as many as the units of a long page
    assert _bits(model.scores(rows)) == _bits([model.score(x) for x in rows])
    assert _bits(model.probas(rows)) == _bits([model.proba(x) for x in rows])
    # a page with a few candidates, or one
    assert _bits(model.probas(rows[:7])) == _bits([model.proba(x) for x in rows[:7]])
    assert _bits(model.probas(rows[:1])) == _bits([model.proba(rows[0])])
    assert model.scores([]) == [] and model.probas([]) == []


def test_a_tree_of_one_leaf_adds_its_value_to_every_row() -> None:
    stump = Tree((), (), (), (), (0.25,))
    split = Tree((0,), (1.0,), (-1,), (-2,), (-1.0, 2.0))
    model = TreeModel("toy", ("x",), (stump, split), base=0.5)
    rows = [[0.0], [1.0], [3.0]]
    assert model.scores(rows) == [model.score(x) for x in rows] == [-0.25, -0.25, 2.75]
    assert model.probas(rows) == [model.proba(x) for x in rows]
