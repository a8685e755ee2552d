"""Marker words of `data/markers.tsv` by kind, for the metadata and caption stages.

The lexicon exposes the kinds every stage needs (byline openers, source labels, agencies,
credit words); the other kinds (roles, organisations, story flags, caption labels, name
particles and conjunctions...) are read here, once, as immutable sets.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


@functools.cache
def marker_words(kind: str) -> frozenset[str]:
    """Entries of one kind in data/markers.tsv, casefolded."""
    path = Path(str(resources.files("boilerstrip") / "data" / "markers.tsv"))
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            cells = raw.split("\t")
            if len(cells) >= 2 and cells[0] == kind:
                out.add(cells[1].strip().casefold())
    return frozenset(out)
