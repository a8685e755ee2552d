"""The body decision: a prose score per unit, the article region as a whole, then smoothing.

1. Every unit no rule has claimed gets a prose score in [0, 1] from its own facts.
2. The article region is the stretch of units with the largest total weight, where prose
   counts for its length and furniture against it (a maximum-sum segment, as in Finn's
   Body Text Extraction): ads, captions and share rows inside a story cost little, menus
   and link lists cost more, so a story interrupted by a box stays one story.
3. Inside the region, prose is body, and short lines between body paragraphs (subheadings,
   list items) are body too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .classify import Label
from .features import UnitFacts
from .kinds import Kind
from .options import Options

# What a unit claimed by a rule costs the region, per kind: interruptions a story carries are cheap.
_RULE_COST = {
    Kind.ADVERTISEMENT: 1.0,
    Kind.CAPTION: 0.0,
    Kind.SHARE: 2.0,
    Kind.PLACEHOLDER: 1.0,
    Kind.DATE: 2.0,
    Kind.BYLINE: 2.0,
    Kind.REPEATED: 3.0,
    Kind.LOGO: 3.0,
    Kind.OTHER: 1.0,
    Kind.RELATED: 8.0,
    Kind.NAVIGATION: 8.0,
    Kind.PROMO: 8.0,
    Kind.LEGAL: 8.0,
    Kind.COMMENTS: 12.0,
    Kind.TAGS: 8.0,
    Kind.SOURCE: 4.0,
}


@dataclass(frozen=True, slots=True)
class BodyDecision:
    scores: list[float]
    region: tuple[int, int]  # first and last unit index of the article region (-1, -1: none)
    labels: list[Label | None]


def prose_score(f: UnitFacts) -> float:
    """How much a unit reads like article prose, from its own facts only (0..1)."""
    if f.words == 0:
        return 0.0
    length = min(1.0, f.words / 25.0)
    stop = min(1.0, f.stop_share / 0.3)
    punct = 1.0 if f.ends_sentence else (0.5 if f.inner_punct else 0.0)
    caps = max(0.0, f.capital_share - 0.5) * 2.0 if f.words >= 3 else 0.0
    letters = min(1.0, f.letter_share / 0.75)
    score = (0.4 * length + 0.3 * stop + 0.3 * punct - 0.35 * caps) * letters
    return max(0.0, min(1.0, score))


def _eligible(f: UnitFacts, score: float, options: Options) -> bool:
    """Prose on its own merit: scores high, is long enough, and ends like a sentence unless long
    (a headline has no full stop; a paragraph cut before its last link may lack one)."""
    return (
        score >= options.body_threshold
        and f.words >= options.min_body_words
        and (f.ends_sentence or f.words >= 20)
    )


def decide(facts: list[UnitFacts], labels: list[Label | None], options: Options) -> BodyDecision:
    scores = [prose_score(f) for f in facts]
    weights: list[float] = []
    for f, label, s in zip(facts, labels, scores, strict=True):
        if label is not None:
            weights.append(-_RULE_COST.get(label.kind, 3.0))
        elif _eligible(f, s, options):
            weights.append(float(f.words))
        else:
            weights.append(-max(2.0, 0.5 * f.words))
    region = _max_segment(weights)
    out = list(labels)
    if region[0] < 0:
        return BodyDecision(scores, region, out)
    a, b = region
    is_body = [out[i] is None and _eligible(facts[i], scores[i], options) for i in range(len(facts))]
    for i in range(a, b + 1):
        if is_body[i]:
            out[i] = Label(Kind.BODY, "prose in the article region")
    # short lines between body paragraphs: subheadings and list items
    last_body = -1
    for i in range(a, b + 1):
        if out[i] is not None and out[i].kind is Kind.BODY:  # type: ignore[union-attr]
            if last_body >= 0 and i - last_body > 1:
                gap = range(last_body + 1, i)
                if all(out[j] is None or out[j].kind in _TRANSPARENT for j in gap):  # type: ignore[union-attr]
                    for j in gap:
                        if out[j] is None:
                            out[j] = Label(Kind.BODY, "short line between body paragraphs")
            last_body = i
    return BodyDecision(scores, region, out)


# Kinds that may sit between two body paragraphs without breaking the run of a list or heading.
_TRANSPARENT = frozenset({Kind.ADVERTISEMENT, Kind.CAPTION, Kind.PLACEHOLDER, Kind.OTHER})


def _max_segment(weights: list[float]) -> tuple[int, int]:
    best, best_range = 0.0, (-1, -1)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = w, i
        else:
            total += w
        if total > best:
            best, best_range = total, (start, i)
    return best_range
