"""The publication date as a fitted choice among the dates a page shows.

Every date found on the page (on a line of its own or inside a longer line) is a candidate,
described by where it stands (next to the headline, inside the story, under a comments or
related heading), how its line reads (a label such as "Published" or "Updated", a time of day,
the date alone or in a sentence), the page's other dated lines (lines of the same shape, the
gaps between them) and the line rule's own choice. A boosted tree model
(data/published.model.json, trained by tools/train_date.py) gives each candidate the
probability of being the publication day; the best one wins when it clears the fitted
threshold, and otherwise the page has no date.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

import regex

from .classify import (
    K_BYLINE,
    K_CAPTION,
    K_COMMENTS,
    K_DATE,
    K_NAVIGATION,
    K_RELATED,
    Label,
    comments_heading,
    headings_above,
)
from .dates import DateMatch, date_roles, dates_in, find_relative, has_relative
from .kinds import Kind
from .metadata import _day_first, _not_after, find_dates_meta
from .model import TreeModel
from .page import Page

# Far lines are read, but their distance is told only up to this many lines.
_FAR: Final = 300.0
# A page with more dates than this (an archive, a long thread) is read from its head.
_MAX_CANDIDATES: Final = 400
_LETTER: Final = regex.compile(r"\p{L}")
# What every date form read by dates.find_dates holds: a four-digit year or a short numeric date.
_DATED: Final = regex.compile(r"(?:19|20)\d\d|\d[./-]\d{1,2}[./-]\d\d")
_COPYRIGHT: Final = regex.compile(r"©|\(c\)|copyright", regex.I)

FEATURES: Final = (
    "to_anchor",  # lines from the headline (or the body's start), signed
    "to_body",  # lines from the body's first line, signed
    "after_body",  # lines past the body's last line (0 inside or above it)
    "in_body",
    "position",  # the line's place in the page, 0..1
    "to_end",  # lines to the page's end
    "has_title",  # the metadata stage found a headline
    "body_lines",
    "page_lines",
    "under_related",  # the nearest heading above is a related/more-stories one
    "kind_date",
    "kind_byline",
    "kind_caption",
    "kind_navigation",
    "kind_comments",
    "kind_other",  # no rule kind, or one that says nothing about dates
    "byline_near",  # lines to the nearest byline (capped)
    "words",
    "date_share",  # share of the line's characters that are its dates
    "ends_sentence",
    "dates_on_line",
    "index_on_line",
    "label_published",
    "label_updated",
    "has_time",
    "month_word",  # the month written as a word, not digits
    "copyright",
    "alike",  # dated lines of the same shape (a teaser list, a comment thread)
    "gap_before",  # lines since the previous dated line
    "gap_after",  # lines to the next dated line
    "old_published",  # the line-rule choice
    "old_updated",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    unit: int
    match: DateMatch
    features: tuple[float, ...]

    @property
    def day(self) -> date:
        return _day(self.match.value)


@dataclass(frozen=True, slots=True)
class Choice:
    unit: int
    value: date | datetime
    probability: float


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _kind(label: Label | None) -> Kind | None:
    return label.kind if label is not None else None


def body_span(page: Page) -> tuple[int, int]:
    """The body region the body stage decided (an empty page: past its end)."""
    n = len(page.units)
    if page.decision is None or page.decision.region[0] < 0:
        return n, n
    return page.decision.region


def candidates(page: Page, anchor: int | None = None) -> list[Candidate]:
    """Every date on the page with its features. `anchor` is the headline's unit (the body's
    start when None). Dates under a comments heading after the story are the readers' and are
    not offered, nor are dates a label says are not the page's ("Offer expires ...", "Last
    checked ...", data/datelabels.tsv); their lines still count as lines alike. Reads the rule
    labels and the body region, which the later stages leave as they are, so training and
    extraction see the same features."""
    units, facts, rule = page.units, page.facts, page.rule_labels or page.labels
    n = len(units)
    if n == 0:
        return []
    lo, hi = body_span(page)
    head = anchor if anchor is not None else lo
    reference = page.options.reference_date
    dated = [i for i in range(n) if _DATED.search(units[i].text) is not None]
    day_first = _day_first(units, dated, page.language)
    found: list[tuple[int, DateMatch, str]] = []
    for i in dated if reference is None else range(n):
        text = units[i].text
        matches = dates_in(text, page.dates, day_first=day_first)
        if reference is not None:
            matches = [d for d in matches if _not_after(d.value, reference)]
            if not matches and facts[i].words <= 30 and has_relative(text):
                rel = find_relative(text, reference)
                matches = [rel] if rel is not None else []
        if matches:
            for d, role in zip(matches, date_roles(text, matches), strict=True):
                found.append((i, d, role))
    if not found:
        return []
    if len(found) > _MAX_CANDIDATES:
        found = sorted(found, key=lambda c: abs(c[0] - head))[:_MAX_CANDIDATES]
        found.sort(key=lambda c: (c[0], c[1].start))

    # where the page's blocks are: the comments heading after the story, every heading's kind
    comments = comments_heading(rule, hi)
    heading_kind = headings_above(rule)
    bylines = sorted(set(page.bylines) | {i for i in range(n) if _kind(rule[i]) is K_BYLINE})

    old_pub, old_upd = find_dates_meta(
        units, list(rule), head, lo, facts, reference, page.language, hi if hi < n else None, page.dates
    )

    per_line: dict[int, int] = {}
    covered: dict[int, int] = {}
    for i, d, _ in found:
        per_line[i] = per_line.get(i, 0) + 1
        covered[i] = covered.get(i, 0) + d.end - d.start

    spans: dict[int, list[DateMatch]] = {}
    for i, d, _ in found:
        spans.setdefault(i, []).append(d)
    shapes = {i: _shape(units[i].text, ds) for i, ds in spans.items()}
    alike: dict[str, int] = {}
    for shape in shapes.values():
        alike[shape] = alike.get(shape, 0) + 1
    lines = sorted(shapes)
    gaps: dict[int, tuple[float, float]] = {}
    for k, i in enumerate(lines):
        before = float(i - lines[k - 1]) if k > 0 else _FAR
        after = float(lines[k + 1] - i) if k + 1 < len(lines) else _FAR
        gaps[i] = (min(before, _FAR), min(after, _FAR))

    out: list[Candidate] = []
    seen_on_line: dict[int, int] = {}
    for i, d, role in found:
        if i > comments or role == "other":
            continue  # the readers' dates; an offer's end, a deadline, a last visit
        text = units[i].text
        f = facts[i]
        kind = _kind(rule[i])
        index_on_line = seen_on_line.get(i, 0)
        seen_on_line[i] = index_on_line + 1
        near = min((abs(i - b) for b in bylines), default=_FAR)
        day = _day(d.value)
        x = (
            _clip(i - head),
            _clip(i - lo),
            _clip(max(0, i - hi)) if hi < n else 0.0,
            float(lo <= i <= hi),
            i / n,
            min(float(n - i), _FAR),
            float(anchor is not None),
            float(hi - lo + 1 if hi < n else 0),
            float(n),
            float(heading_kind[i] in (K_RELATED, K_COMMENTS) and not lo <= i <= hi),
            float(kind is K_DATE),
            float(kind is K_BYLINE or i in page.bylines),
            float(kind is K_CAPTION),
            float(kind is K_NAVIGATION),
            float(kind is K_COMMENTS),
            float(kind is None or kind in (Kind.OTHER, Kind.REPEATED, Kind.BODY)),
            min(float(near), _FAR),
            float(f.words),
            covered[i] / max(1, len(text)),
            float(f.ends_sentence),
            float(per_line[i]),
            float(index_on_line),
            float(role == "published"),
            float(role == "updated"),
            float(isinstance(d.value, datetime)),
            float(_LETTER.search(text, d.start, d.end) is not None),
            float(_COPYRIGHT.search(text) is not None),
            float(alike[shapes[i]]),
            *gaps[i],
            float(old_pub is not None and old_pub[0] == i and _day(old_pub[1]) == day),
            float(old_upd is not None and old_upd[0] == i and _day(old_upd[1]) == day),
        )
        out.append(Candidate(i, d, x))
    return out


_DIGITS: Final = regex.compile(r"\d+")


def _shape(text: str, found: list[DateMatch]) -> str:
    """The line without its dates, numbers as 0: the dated lines of one list share it."""
    parts, at = [], 0
    for d in sorted(found, key=lambda d: d.start):
        parts.append(text[at : d.start])
        at = max(at, d.end)
    parts.append(text[at:])
    shape: str = _DIGITS.sub("0", "\x00".join(parts))
    return shape.casefold()


def _clip(v: int) -> float:
    return max(-_FAR, min(_FAR, float(v)))


@functools.cache
def model(html: bool = False) -> TreeModel:
    """The shipped model (read once); with `html`, the one learnt on pages' HTML."""
    return TreeModel.shipped("published", FEATURES, html)


def threshold(html: bool = False) -> float:
    """The probability the best date must reach (fitted on the training pages with the model)."""
    return float(dict(model(html).info).get("threshold", "0.5"))


def choose(page: Page, anchor: int | None = None) -> Choice | None:
    """The publication date: the most probable candidate when it clears the threshold."""
    found = candidates(page, anchor)
    if not found:
        return None
    html = page.from_html
    m = model(html)
    scored = list(zip(m.probas([list(c.features) for c in found]), found, strict=True))
    p, best = max(scored, key=lambda s: s[0])  # (the first of equals: the higher one on the page)
    if p < threshold(html):
        return None
    if not isinstance(best.match.value, datetime):
        # the same day with its time of day, where another line writes it ("13 Dec 2025 10:47PM")
        timed = [(q, c) for q, c in scored if isinstance(c.match.value, datetime) and c.day == best.day]
        if timed:
            best = max(timed, key=lambda s: s[0])[1]
    return Choice(best.unit, best.match.value, p)
