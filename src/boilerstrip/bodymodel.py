"""The fitted body decision: a probability per unit from a boosted-tree model, then a decoding
that keeps the story contiguous.

The hand-written body stage (body.py) runs first; its verdicts are features here, beside each
unit's own facts, the rule that claimed it (if any), its neighbours in a window, its place
relative to the hand-chosen region and a few figures of the whole page. The model
(data/body.model.json, trained by tools/train_body.py on the train side of the development
pages) gives P(body) per unit; a two-state Viterbi decoding then pays a fitted cost for each
switch between body and not-body, weighted by the units' lengths, so that a story stays
contiguous while a comment thread, a teaser list or a legal block after it is cut.

Units that the caption, byline, date, source and tags stages claimed keep their label (the
metadata reads them) and are skipped by the decoding: a story's paragraphs run on across them.
A kept unit whose text the body above it already holds (a plain rendering's second copy of the
story, from structured data or a hidden block) is then dropped as a copy (`repeated.copy`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

import regex

from .body import BodyDecision
from .classify import Label
from .features import UnitFacts
from .html import DOM_FEATURES
from .kinds import Kind
from .lexicon import data_file, data_rows
from .model import TreeModel

# The rule kinds one-hot encoded (the unit's label before the body stage; none: no rule).
_KINDS: Final = (
    Kind.CAPTION,
    Kind.BYLINE,
    Kind.DATE,
    Kind.SOURCE,
    Kind.TAGS,
    Kind.SHARE,
    Kind.ADVERTISEMENT,
    Kind.REPEATED,
    Kind.NAVIGATION,
    Kind.RELATED,
    Kind.PROMO,
    Kind.LEGAL,
    Kind.COMMENTS,
    Kind.PLACEHOLDER,
    Kind.LOGO,
    Kind.OTHER,
)
_KIND_INDEX: Final = {kind: k for k, kind in enumerate(_KINDS)}
# Claimed by the metadata stages: kept as they are, skipped by the decoding.
_FIXED: Final = frozenset({Kind.CAPTION, Kind.BYLINE, Kind.DATE, Kind.SOURCE, Kind.TAGS})
# Kinds that end a story when they head a block.
_BLOCKS: Final = frozenset({Kind.RELATED, Kind.COMMENTS, Kind.PROMO})
_OFFSETS: Final = (-3, -2, -1, 1, 2, 3)
_WINDOW: Final = 6
# A kept unit of this many words or more, this share of whose word 4-grams the body above it
# already holds, is a copy (chosen before measuring; docs/design.md has the figures).
COPY_MIN_WORDS: Final = 8
COPY_SHARE: Final = 0.9
_WORD: Final = regex.compile(r"\w+")
# Scripts written without spaces: their words are read as character pairs.
_UNSPACED: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A word of a spaced script counts for the topic from this many letters (short words are
# function words in most languages).
_TOPIC_MIN_CHARS: Final = 4
_TOPIC_WINDOW: Final = 3


def _feature_groups() -> dict[str, tuple[str, ...]]:
    """The features by group, in their order (the groups an ablation drops one at a time)."""
    own = [
        "log_words",
        "log_chars",
        "stop_share",
        "letter_share",
        "ends_sentence",
        "capital_share",
        "inner_punct",
        "ends_colon",
        "prose_score",
    ]
    rules = ["heading", "rule_none", *[f"rule_{kind.value}" for kind in _KINDS]]
    hand = ["hand_body", "hand_teaser", "hand_region", "repeats"]
    place = [
        "position",
        "words_before_share",
        "before_region",
        "after_region",
        "region_distance",
        "region_word_distance",
        "headings_between",
        "since_heading",
    ]
    page = [
        "page_units",
        "page_words",
        "page_hand_share",
        "page_region_share",
        "page_prose_share",
        "page_short_share",
        "page_ends_share",
    ]
    around = []
    for d in _OFFSETS:
        tag = f"m{-d}" if d < 0 else f"p{d}"
        around += [
            f"{tag}_log_words",
            f"{tag}_ends_sentence",
            f"{tag}_prose_score",
            f"{tag}_hand_body",
            f"{tag}_rule",
            f"{tag}_stop_share",
        ]
    window = [
        "win_hand_share",
        "win_prose_words",
        "win_rule_share",
        "win_mean_score",
        "run_hand_words",
        "win_date_share",
        "win_short_share",
        "win_ends_share",
    ]
    blocks = ["block_words", "block_share", "block_rank", "top_block_side", "prose_after_share"]
    topic = ["topic_hand", "topic_page", "topic_hand_window"]
    return {
        "own facts": tuple(own),
        "rule kinds": tuple(rules),
        "hand decision": tuple(hand),
        "place": tuple(place),
        "page": tuple(page),
        "neighbours": tuple(around),
        "window": tuple(window),
        "prose blocks": tuple(blocks),
        "topic": tuple(topic),
    }


FEATURE_GROUPS: Final = _feature_groups()
FEATURES: Final = tuple(name for group in FEATURE_GROUPS.values() for name in group)


def _rule_group(label: Label | None) -> float:
    """A neighbour's rule in one number: 0 none, 1 claimed by a metadata stage, 2 furniture,
    3 a heading of related stories, comments or promotions."""
    if label is None:
        return 0.0
    if label.kind in _FIXED:
        return 1.0
    if label.heading and label.kind in _BLOCKS:
        return 3.0
    return 2.0


def unit_features(
    facts: list[UnitFacts], rule_labels: list[Label | None], decision: BodyDecision
) -> list[list[float]]:
    """One feature vector per unit, in the order of FEATURES. Reads only what the stages before
    the fitted decision wrote (the rules' labels and the hand-written body decision). Window
    figures come from prefix sums and neighbour figures from one tuple per unit, so a unit
    costs a few list concatenations."""
    n = len(facts)
    if n == 0:
        return []
    hand = decision.labels
    scores = decision.scores
    a, b = decision.region
    hand_body = [lab is not None and lab.kind is Kind.BODY for lab in hand]
    group = [_rule_group(lab) for lab in rule_labels]
    words = [f.words for f in facts]
    log_words = [math.log1p(w) for w in words]
    total_words = sum(words) or 1
    counts: dict[str, int] = {}
    for f in facts:
        if f.norm:
            counts[f.norm] = counts.get(f.norm, 0) + 1
    # prefix sums: words, headings, and the window counts
    before = [0] * (n + 1)
    headings = [0] * (n + 1)
    c_hand, c_prose, c_rule, c_score = [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1)
    c_date, c_short, c_ends = [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1)
    last_heading = [-1] * n
    prose_after = [0] * (n + 1)
    seen_heading = -1
    for i in range(n):
        f, w, lab, sc = facts[i], words[i], rule_labels[i], scores[i]
        before[i + 1] = before[i] + w
        is_head = group[i] == 3.0
        headings[i + 1] = headings[i] + (1 if is_head else 0)
        last_heading[i] = seen_heading
        if is_head:
            seen_heading = i
        c_hand[i + 1] = c_hand[i] + (1.0 if hand_body[i] else 0.0)
        c_prose[i + 1] = c_prose[i] + (w if sc >= 0.5 else 0)
        c_rule[i + 1] = c_rule[i] + (1.0 if group[i] >= 2.0 else 0.0)
        c_score[i + 1] = c_score[i] + sc
        c_date[i + 1] = c_date[i] + (1.0 if lab is not None and lab.kind is Kind.DATE else 0.0)
        c_short[i + 1] = c_short[i] + (1.0 if w <= 5 else 0.0)
        c_ends[i + 1] = c_ends[i] + (1.0 if f.ends_sentence else 0.0)
    for i in range(n - 1, -1, -1):
        prose_after[i] = prose_after[i + 1] + (words[i] if scores[i] >= 0.5 else 0)
    hand_words = sum(w for w, h in zip(words, hand_body, strict=True) if h)
    region_words = before[b + 1] - before[a] if a >= 0 else 0
    page = [
        math.log1p(n),
        math.log1p(total_words),
        hand_words / total_words,
        region_words / total_words,
        c_prose[n] / total_words,
        c_short[n] / n,
        c_ends[n] / n,
    ]
    # the words of the run of hand-body units (with fixed units inside) each unit belongs to
    run_words = [0.0] * n
    i = 0
    while i < n:
        if not hand_body[i]:
            i += 1
            continue
        j, w = i, 0
        while j < n and (hand_body[j] or group[j] == 1.0):
            w += words[j] if hand_body[j] else 0
            j += 1
        for k in range(i, j):
            run_words[k] = math.log1p(w)
        i = j
    blocks = _prose_blocks(facts, scores, group)
    topics = _topics(facts, hand_body)
    # what a unit tells its neighbours, once per unit; -1 beyond the page's edges
    near: list[list[float]] = [
        [
            log_words[k],
            1.0 if facts[k].ends_sentence else 0.0,
            scores[k],
            1.0 if hand_body[k] else 0.0,
            group[k],
            facts[k].stop_share,
        ]
        for k in range(n)
    ]
    edge = [-1.0] * 6
    n_kinds = len(_KINDS)
    out: list[list[float]] = []
    for i in range(n):
        f = facts[i]
        lab = rule_labels[i]
        onehot = [0.0] * n_kinds
        if lab is not None:
            onehot[_KIND_INDEX.get(lab.kind, n_kinds - 1)] = 1.0
        row = [
            log_words[i],
            math.log1p(f.chars),
            f.stop_share,
            f.letter_share,
            1.0 if f.ends_sentence else 0.0,
            f.capital_share,
            float(min(f.inner_punct, 20)),
            1.0 if f.ends_colon else 0.0,
            scores[i],
            1.0 if lab is not None and lab.heading else 0.0,
            1.0 if lab is None else 0.0,
        ]
        row += onehot
        row += [
            1.0 if hand_body[i] else 0.0,
            1.0 if hand[i] is not None and hand[i].rule == "body.teaser" else 0.0,  # type: ignore[union-attr]
            1.0 if a <= i <= b else 0.0,
            float(counts.get(f.norm, 1) - 1),
        ]
        if a < 0:
            row += [i / n, before[i] / total_words, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0]
        else:
            if i < a:
                dist, wdist = (a - i) / n, (before[a] - before[i + 1]) / total_words
                between = headings[a] - headings[i + 1]
            elif i > b:
                dist, wdist = (i - b) / n, (before[i] - before[b + 1]) / total_words
                between = headings[i] - headings[b + 1]
            else:
                dist, wdist, between = 0.0, 0.0, 0
            row += [
                i / n,
                before[i] / total_words,
                1.0 if i < a else 0.0,
                1.0 if i > b else 0.0,
                dist,
                wdist,
                float(min(between, 5)),
                (i - last_heading[i]) / n if last_heading[i] >= 0 else 1.0,
            ]
        row += page
        for d in _OFFSETS:
            k = i + d
            row += near[k] if 0 <= k < n else edge
        lo, hi = max(0, i - _WINDOW), min(n, i + _WINDOW + 1)
        span = float(hi - lo)
        row += [
            (c_hand[hi] - c_hand[lo]) / span,
            math.log1p(c_prose[hi] - c_prose[lo]),
            (c_rule[hi] - c_rule[lo]) / span,
            (c_score[hi] - c_score[lo]) / span,
            run_words[i],
            (c_date[hi] - c_date[lo]) / span,
            (c_short[hi] - c_short[lo]) / span,
            (c_ends[hi] - c_ends[lo]) / span,
        ]
        row += blocks[i]
        row.append(prose_after[i + 1] / total_words)
        row += topics[i]
        out.append(row)
    return out


def topic_words(norm: str) -> set[str]:
    """The words of a unit that can say what it is about: words of four letters or more (no
    digits), and character pairs of the scripts written without spaces."""
    out: set[str] = set()
    for word in _WORD.findall(norm):
        if word.isdigit():
            continue
        if _UNSPACED.search(word):
            out.update(word[j : j + 2] for j in range(max(1, len(word) - 1)))
        elif len(word) >= _TOPIC_MIN_CHARS:
            out.add(word)
    return out


def _topics(facts: list[UnitFacts], hand_body: list[bool]) -> list[list[float]]:
    """Per unit, how much it shares the story's subject: the share of its topic words that the
    hand stage's body holds elsewhere, the share that any other unit holds, and the first
    share's mean over +-3 units (units without topic words: -1, left out of the mean). A far
    part of the story shares its words; a comment thread, a teaser of another story or a
    legal block mostly does not."""
    words = [topic_words(f.norm) for f in facts]
    in_body: dict[str, int] = {}
    in_page: dict[str, int] = {}
    for ws, h in zip(words, hand_body, strict=True):
        for w in ws:
            in_page[w] = in_page.get(w, 0) + 1
            if h:
                in_body[w] = in_body.get(w, 0) + 1
    own: list[tuple[float, float]] = []
    for ws, h in zip(words, hand_body, strict=True):
        if not ws:
            own.append((-1.0, -1.0))
            continue
        self_count = 1 if h else 0
        held = sum(1 for w in ws if in_body.get(w, 0) > self_count)
        shared = sum(1 for w in ws if in_page[w] > 1)
        own.append((held / len(ws), shared / len(ws)))
    n = len(own)
    out: list[list[float]] = []
    for i in range(n):
        near = [
            own[j][0]
            for j in range(max(0, i - _TOPIC_WINDOW), min(n, i + _TOPIC_WINDOW + 1))
            if own[j][0] >= 0
        ]
        out.append([own[i][0], own[i][1], sum(near) / len(near) if near else -1.0])
    return out


# A prose unit for the blocks: enough words, a fair prose score, a sentence or a long line.
_BLOCK_GAP: Final = 3


def _prose_blocks(facts: list[UnitFacts], scores: list[float], group: list[float]) -> list[list[float]]:
    """Per unit: the stretch of prose it lies in (prose units with at most three other units
    between them, no block heading inside) as [log words, share of the page's largest
    stretch, rank by words (capped at 5), -1/0/1 for before/inside/after the largest]."""
    n = len(facts)
    prose = [
        scores[i] >= 0.5 and facts[i].words >= 6 and (facts[i].ends_sentence or facts[i].words >= 16)
        for i in range(n)
    ]
    spans: list[tuple[int, int, int]] = []  # (first, last, words)
    i = 0
    while i < n:
        if not prose[i]:
            i += 1
            continue
        a, b, w, gap = i, i, facts[i].words, 0
        j = i + 1
        while j < n and gap <= _BLOCK_GAP and group[j] != 3.0:
            if prose[j]:
                b, w, gap = j, w + facts[j].words, 0
            else:
                gap += 1
            j += 1
        spans.append((a, b, w))
        i = b + 1
    out = [[0.0, 0.0, 6.0, 0.0] for _ in range(n)]
    if not spans:
        return out
    ranked = sorted(range(len(spans)), key=lambda k: -spans[k][2])
    rank = {k: r for r, k in enumerate(ranked)}
    top_a, top_b, top_w = spans[ranked[0]]
    for k, (a, b, w) in enumerate(spans):
        for i in range(a, b + 1):
            out[i][0] = math.log1p(w)
            out[i][1] = w / top_w
            out[i][2] = float(min(rank[k], 5))
    for i in range(n):
        out[i][3] = -1.0 if i < top_a else (1.0 if i > top_b else 0.0)
    return out


def decode(probs: list[float], weights: list[float], fixed: list[bool], switch_cost: float) -> list[bool]:
    """The body / not-body sequence with the largest total of weight * log-odds, less
    `switch_cost` per change of state (a two-state Viterbi). Fixed units are skipped: they
    neither vote nor break a run."""
    n = len(probs)
    order = [i for i in range(n) if not fixed[i]]
    out = [False] * n
    if not order:
        return out
    # state 0: not body, 1: body; the score of each state and the back pointers
    s0, s1 = 0.0, 0.0
    back: list[tuple[int, int]] = []
    first = True
    for i in order:
        p = min(max(probs[i], 1e-6), 1 - 1e-6)
        gain = weights[i] * math.log(p / (1 - p))
        if first:
            s0, s1 = 0.0, gain
            back.append((0, 1))
            first = False
            continue
        from0 = s0 if s0 >= s1 - switch_cost else s1 - switch_cost
        b0 = 0 if s0 >= s1 - switch_cost else 1
        from1 = s1 if s1 >= s0 - switch_cost else s0 - switch_cost
        b1 = 1 if s1 >= s0 - switch_cost else 0
        s0, s1 = from0, from1 + gain
        back.append((b0, b1))
    state = 1 if s1 > s0 else 0
    for k in range(len(order) - 1, -1, -1):
        out[order[k]] = state == 1
        state = back[k][state]
    return out


def copies(norms: Sequence[str], keep: Sequence[bool]) -> dict[int, int]:
    """The kept units that repeat body kept above them: {unit: the first unit it copies}. A
    unit is a copy when it has `COPY_MIN_WORDS` words or more and `COPY_SHARE` of its word
    4-grams are in the kept units before it (`norms`: the units' normalised texts)."""
    seen: dict[tuple[str, ...], int] = {}
    out: dict[int, int] = {}
    for i, norm in enumerate(norms):
        if not keep[i]:
            continue
        words = _WORD.findall(norm)
        grams = [tuple(words[j : j + 4]) for j in range(len(words) - 3)]
        if len(words) >= COPY_MIN_WORDS:
            held = [seen[g] for g in grams if g in seen]
            if len(held) >= COPY_SHARE * len(grams):
                out[i] = min(held)
                continue
        for g in grams:
            seen.setdefault(g, i)
    return out


def body_weight(f: UnitFacts) -> float:
    """How much a unit's vote counts in the decoding: longer units speak louder."""
    return math.sqrt(f.words + 1.0)


def _furniture_rules() -> frozenset[str]:
    """The rules whose lines are furniture on the training pages (data/body_furniture.txt,
    written by tools/train_body.py: rules under whose lines the gold has almost no body)."""
    if not data_file("body_furniture.txt").exists():
        return frozenset()
    return frozenset(row[0] for row in data_rows("body_furniture.txt"))


FURNITURE_RULES: Final = _furniture_rules()


def is_fixed(label: Label | None, furniture: frozenset[str] = FURNITURE_RULES) -> bool:
    """Left out of the decoding: the metadata kinds, and the lines of rules that the training
    pages show to be furniture (an "Advertisement" label between two paragraphs stays out)."""
    return label is not None and (label.kind in _FIXED or label.rule in furniture)


# The HTML model reads the same features, then what the markup says of the unit.
HTML_FEATURES: Final = FEATURES + DOM_FEATURES


def _load(name: str, features: tuple[str, ...]) -> TreeModel | None:
    try:
        return TreeModel.shipped(name, features)
    except FileNotFoundError:  # not trained yet (tools/train_body.py): the hand-written decision stands
        return None


DEFAULT_MODEL: Final = _load("body", FEATURES)
# For HTML input (trained by tools/train_body.py --html on the pages' HTML)
HTML_MODEL: Final = _load("body_html", HTML_FEATURES)


def fitted(
    facts: list[UnitFacts],
    rule_labels: list[Label | None],
    hand: BodyDecision,
    dom: list[tuple[float, ...]] | None = None,
    model: TreeModel | None = None,
) -> BodyDecision:
    """The fitted decision over the hand-written one: P(body) per unit, the decoding, labels.

    `dom` (per unit, what the markup says of it) is there when the input was HTML: the HTML
    model then decides. `model` replaces the shipped one (the text or the HTML model).
    A unit the decoding keeps is body (`body.model`, with its probability); one it drops
    keeps the label a rule gave it, or none (the metadata stages look for the headline and
    the byline among unlabelled lines). Units of the metadata kinds keep their label. A unit
    a rule calls a link to other stories ("Read more: <headline>") that the decoding keeps only
    for the story's contiguity, under P 0.5, is dropped and keeps the rule's label: out of fold
    on the train pages such units are 13% body by their words."""
    if model is None:
        model = HTML_MODEL if dom is not None and HTML_MODEL is not None else DEFAULT_MODEL
    if model is None or not facts:
        return hand
    fixed = [is_fixed(lab) for lab in hand.labels]
    rows = unit_features(facts, rule_labels, hand)
    if len(model.features) > len(FEATURES) and dom is not None:
        rows = [row + list(extra) for row, extra in zip(rows, dom, strict=True)]
    # (the decoding skips fixed units: their probability is never read, so it is not computed)
    free = [i for i in range(len(rows)) if not fixed[i]]
    probs = [0.0] * len(rows)
    for i, p in zip(free, model.probas([rows[i] for i in free]), strict=True):
        probs[i] = p
    shifted = shift_all(probs, hand, model.param("bias"), model.param("hand_bias"))
    weights = [body_weight(f) for f in facts]
    keep = decode(shifted, weights, fixed, model.param("switch_cost"))
    repeats = copies([f.norm for f in facts], keep)
    for i in repeats:
        keep[i] = False
    for i, lab in enumerate(rule_labels):
        if keep[i] and lab is not None and lab.kind is Kind.RELATED and shifted[i] < 0.5:
            keep[i] = False  # a link to another story inside this one (see the docstring)
    out: list[Label | None] = []
    for i, lab in enumerate(hand.labels):
        p = shifted[i]
        if fixed[i]:
            out.append(lab)
        elif i in repeats:
            out.append(Label(Kind.REPEATED, f"copy of the body at unit {repeats[i]}", rule="repeated.copy"))
        elif keep[i]:
            out.append(Label(Kind.BODY, f"body (P={p:.2f}, fitted)", rule="body.model", probability=p))
        elif lab is not None and lab.kind is Kind.BODY:
            out.append(
                Label(Kind.OTHER, f"not body (P={p:.2f}, fitted)", rule="body.model", probability=1 - p)
            )
        else:
            out.append(lab)
    kept = [i for i, k in enumerate(keep) if k]
    region = (kept[0], kept[-1]) if kept else (-1, -1)
    return BodyDecision(hand.scores, region, out, shifted)


def shift_all(probs: list[float], hand: BodyDecision, bias: float, hand_bias: float) -> list[float]:
    """The probabilities the decoding reads: `bias` off every unit's log-odds, and `hand_bias`
    added to those of the units the hand-written stage kept (both fitted on train pages: the
    rules' body stands unless the model is sure enough)."""
    out: list[float] = []
    for p, lab in zip(probs, hand.labels, strict=True):
        kept = lab is not None and lab.kind is Kind.BODY
        out.append(_shift(p, bias - hand_bias if kept else bias))
    return out


def _shift(p: float, bias: float) -> float:
    """P(body) with `bias` taken off its log-odds (the decoding's fitted threshold)."""
    p = min(max(p, 1e-9), 1 - 1e-9)
    return 1.0 / (1.0 + math.exp(bias - math.log(p / (1 - p))))
