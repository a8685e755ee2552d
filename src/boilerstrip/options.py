"""All tunable behaviour of `extract`, folded into one frozen object."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Options:
    """Options for `extract`. Build once and pass around; every field has a good default.

    language: ISO 639-1 code to force ("en", "de"...); None detects it from the text.
    reference_date: resolves relative dates ("2 hours ago", "yesterday"); None leaves them unknown.
    min_body_words: a prose unit shorter than this many words is never body on its own merit.
    body_threshold: score (0..1) above which a unit counts as prose.
    join_fragments: rejoin lines cut at inline tags ("naive" get_text output) before judging them.
    html: treat input as HTML (True), as text (False) or sniff it (None).
    keep_features: attach the per-unit features to each segment (for re-thresholding).
    """

    language: str | None = None
    reference_date: date | datetime | None = None
    min_body_words: int = 6
    body_threshold: float = 0.5
    join_fragments: bool = True
    html: bool | None = None
    keep_features: bool = True

    @classmethod
    def build(cls, options: Options | None = None, **overrides: Any) -> Options:
        """An `Options` from an existing one (or the defaults) with keyword overrides applied."""
        base = options if options is not None else cls()
        if not overrides:
            return base
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(base, **overrides)
