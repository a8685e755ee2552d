"""Marker words of `data/markers.tsv` by kind, for the metadata and caption stages.

The lexicon exposes the kinds every stage needs as named fields (byline openers, source
labels, agencies, credit words); the other kinds (roles, organisations, story flags, caption
labels, name particles and conjunctions...) are read from it here by name.
"""

from __future__ import annotations

from .lexicon import default_lexicon


def marker_words(kind: str) -> frozenset[str]:
    """Entries of one kind in data/markers.tsv, casefolded."""
    return default_lexicon().markers.get(kind, frozenset())
