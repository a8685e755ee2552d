"""The headline, chosen by a fitted ranking of candidate lines.

Every short line near the story's start is a candidate, and so is each reading of a line with
separators ("Headline | Site" read as "Headline", "Site: Headline" read as "Headline"). Each
candidate gets the features below: how much of it the story's opening echoes, where it sits,
its shape, the kinds of the lines around it, how often the page repeats it or the part cut from
it (a site name comes back on many lines), and whether the hand rule (`find_title`) picks it.
A boosted tree model (data/title.model.json, fitted by tools/train_title.py) scores them; the
best one is the headline when its probability clears the threshold fitted with it.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import regex

from .classify import Label
from .dates import dates_in, has_relative
from .features import reads_as_prose
from .kinds import Kind
from .lexicon import normalize
from .lines import Unit, run_on
from .markers import marker_words
from .markup import line_key, title_variants
from .metadata import (
    _CAPITALISED_WORD,
    CAPTION_ABOVE,
    _edge_marks,
    _has_link,
    _is_breadcrumb,
    _kicker_over,
    _openers,
    _prose_paragraphs,
    _tokens,
    find_title,
    first_body,
    short_runs,
    title_case_variant,
)
from .model import TreeModel
from .page import Page

# How far from the story's first line candidates are looked for (lines above, lines below).
ABOVE: Final = 100
BELOW: Final = 40
MAX_WORDS: Final = 45
MAX_CHARS: Final = 320
# The separators a headline line splits at ("Headline | Site", "Site - Headline", "Site: Headline").
_SEPARATOR: Final = regex.compile(r"\s+[|/›»>·•]\s*|\s*[|›»·•]\s+|\s+(?:-|–|—|::)\s+|:\s+")
_CONTROL: Final = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORDS: Final = regex.compile(r"\w+")

# Kinds grouped for the features of a line and its neighbours.
_KIND_GROUPS: Final = {
    None: 0,
    Kind.OTHER: 1,
    Kind.REPEATED: 2,
    Kind.BODY: 3,
    Kind.DATE: 4,
    Kind.BYLINE: 4,
    Kind.SOURCE: 4,
    Kind.SHARE: 5,
    Kind.CAPTION: 6,
    Kind.NAVIGATION: 7,
    Kind.RELATED: 7,
    Kind.PROMO: 7,
    Kind.SECTION: 8,
    Kind.TAGS: 8,
    Kind.LOGO: 8,
}
_KIND_OTHERWISE: Final = 9  # advertisement, legal, comments, placeholder...
# Groups whose lines never carry the headline: share rows, labels, ads, legal lines, comments;
# and a caption written as a sentence.
_NEVER: Final = frozenset({5, 8, _KIND_OTHERWISE})
_CAPTION: Final = 6
_BODY: Final = 3
_GROUPS: Final = ("none", "other", "repeated", "body", "dated", "share", "caption", "links", "label", "else")

FEATURES: Final = (
    ("offset", "distance to the story's first line (negative above it)"),
    ("above_rank", "how many candidate lines sit between it and the story"),
    ("page_share", "position in the page, 0 at the top"),
    ("words", "words of the candidate's text"),
    ("chars", "characters of the candidate's text"),
    ("line_words", "words of its line"),
    ("variant", "0 the whole line, 1 its part before a separator, 2 its part after one"),
    ("parts", "separators in the line"),
    ("cut_words", "words cut from the line"),
    ("overlap", "share of its content words in the story's first paragraphs"),
    ("overlap_rank", "rank of that share among the page's candidates (0 the highest)"),
    ("overlap_gap", "that share minus the page's highest"),
    ("body_overlap", "share of its content words anywhere in the story's first 40 lines"),
    ("old_line", "the hand rule picks this line"),
    ("old_text", "the hand rule's headline text is this candidate's"),
    ("ends_stop", "ends with a full stop, colon, semicolon or comma"),
    ("ends_mark", "ends with a question or exclamation mark"),
    ("ends_sentence", "the line reads as ending a sentence"),
    ("capital_share", "share of words opening with a capital"),
    ("all_caps", "written in capitals"),
    ("stop_share", "share of function words"),
    ("letter_share", "share of letters among visible characters"),
    ("digits", "share of digits"),
    ("dated", "holds a date or a relative date"),
    ("link", "holds an address, a handle or a link"),
    ("breadcrumb", "reads as a breadcrumb trail"),
    ("opener", "opens like a byline"),
    ("share_word", "opens with a share button's word"),
    ("menu", "in a run of short lines (a menu)"),
    ("blank_before", "a blank line above it"),
    ("copies", "lines of the page with the same text"),
    ("first_copy", "the first line of the page with this text"),
    ("text_copies", "lines of the page whose text is the candidate's text"),
    ("part_copies", "separator parts of other lines that are the candidate's text"),
    ("cut_copies", "lines or separator parts elsewhere that are the part cut from the line"),
    ("quoted", "another short line ends with this text (share text, related box)"),
    ("kind", "its kind group (0 none, 1 other, 2 repeated, 3 body, 4 date/byline, ...)"),
    ("rule_kind", "its kind group before the body decision"),
    ("prev_kind", "kind group of the line above"),
    ("next_kind", "kind group of the line below"),
    ("next2_kind", "kind group of the second line below"),
    ("prev_words", "words of the line above"),
    ("next_words", "words of the line below"),
    ("next_sentence", "the line below ends a sentence"),
    ("dated_below", "lines down to the first date or byline line below (9 if none in 8)"),
    ("media_above", 'the line above is a media flag ("Video", "Watch")'),
    ("standfirst", "the body stage kept it as the standfirst"),
    ("longer_below", "the next candidate below is longer and echoed as well"),
    ("region_offset", "distance to the first line of the body stage's article region"),
    ("prose_between", "prose lines between it and the story's first line"),
    ("prose_next", "lines down to the next prose line (21 if none in 20)"),
    ("headings_below", "heading-shaped lines over prose in the 40 lines below (subheadings)"),
    ("headings_above", "heading-shaped lines over prose in the 40 lines above"),
    ("body_score", "the body stage's prose score of the line"),
    ("sep_kind", "the separator cut at: 0 none, 1 bar, 2 dash, 3 colon, 4 slash, 5 arrow or dot"),
    ("kept_share", "share of the line's characters kept"),
    ("kicker", "a short line in capitals over a longer one in ordinary case"),
    ("under_kicker", "the line above is such a kicker over this one"),
    ("heading_level", "HTML input: the level of the heading element it is (1-6), 0 none; -1 text input"),
    (
        "declared",
        "HTML input: 1 the title the markup declares, 2 that title less an affix, 0 neither; -1 none declared",
    ),
)
FEATURE_NAMES: Final = tuple(name for name, _ in FEATURES)
_OLD_TEXT: Final = FEATURE_NAMES.index("old_text")
_DECLARED: Final = FEATURE_NAMES.index("declared")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of one line as the headline: its unit, its text and its features."""

    unit: int
    text: str
    variant: int
    features: tuple[float, ...]


def _clean(text: str) -> str:
    if text.isprintable():
        return text.strip()
    return str(_CONTROL.sub("", text)).strip()


def _group(label: Label | None) -> int:
    if label is None:
        return 0
    return _KIND_GROUPS.get(label.kind, _KIND_OTHERWISE)


def _standfirst(label: Label | None) -> bool:
    return label is not None and label.kind is Kind.BODY and label.rule == "body.standfirst"


def _variants(text: str) -> list[tuple[int, str, str, int]]:
    """(variant, kept text, cut text, separator kind): the whole line, each part before a
    separator (the head) and each part after one (the tail)."""
    out = [(0, text, "", 0)]
    seps = list(_SEPARATOR.finditer(text))[:4]
    for m in seps:
        kind = _sep_kind(m.group())
        head, cut = text[: m.start()].strip(), text[m.end() :].strip()
        if head and cut:
            out.append((1, head, cut, kind))
        tail, cut = text[m.end() :].strip(), text[: m.start()].strip()
        if tail and cut:
            out.append((2, tail, cut, kind))
    return out


def _sep_kind(sep: str) -> int:
    """1 a bar, 2 a dash, 3 a colon, 4 a slash, 5 an arrow or a dot."""
    mark = sep.strip()
    if mark == "|":
        return 1
    if mark in ("-", "–", "—"):
        return 2
    if mark in (":", "::"):
        return 3
    if mark == "/":
        return 4
    return 5


def _parts(text: str) -> list[str]:
    return [p for p in (normalize(s) for s in _SEPARATOR.split(text)) if p]


def _usable(words: int, chars: int, letter_share: float) -> bool:
    return 2 <= words <= MAX_WORDS and chars <= MAX_CHARS and letter_share >= 0.4


def _plausible(page: Page, i: int, opener_pattern: regex.Pattern[str] | None) -> bool:
    """Whether line `i` can be the headline at all: not too long or too short, mostly letters,
    of a kind that can carry it, not closed by a full stop, and none of the lines that only
    look like one (a byline, a share row, the title of a video under its label, a kicker in
    capitals over the headline, a breadcrumb trail, a name over the story's date)."""
    facts, labels, units = page.facts, page.labels, page.units
    f, text = facts[i], units[i].text
    if not _usable(f.words, f.chars, f.letter_share):
        return False
    label = labels[i]
    group = _group(label)
    if group in _NEVER:
        return False
    if group == _CAPTION and (f.ends_sentence or label is None or label.rule not in CAPTION_ABOVE):
        return False  # only a caption-like line over a picture, never a described picture
    stripped = text.rstrip(" \"'’”»)")
    if stripped.endswith((".", ":", ";", ",")) and not stripped.endswith(("...", "…")):
        return False  # headlines do not end with a full stop: a sentence, a label, a standfirst
    if i > 0 and facts[i - 1].norm in marker_words("media"):
        return False
    if _is_breadcrumb(text):
        return False  # "Home › News › World": the trail to the page
    if f.words == 2 and i + 1 < len(units) and all(_CAPITALISED_WORD.fullmatch(w) for w in text.split()):
        below = labels[i + 1]
        if (below is not None and below.kind in (Kind.DATE, Kind.BYLINE)) or dates_in(
            units[i + 1].text, page.dates
        ):
            return False  # "Anna Berger" over the date: a byline without its opener
    if opener_pattern is not None and opener_pattern.match(text):
        return False
    if f.words and text.split(None, 1)[0].casefold() in page.lexicon.share_words:
        return False
    return not (i + 1 < len(units) and _kicker_over(units, facts, i, i + 1))


def _cut_from_a_line(text: str, units: list[Unit], i: int) -> bool:
    """A unit that runs on from a neighbour on its input line: a piece of a page flattened onto
    one line (`lines.run_on`), a sentence or a menu's word, never a whole headline (on the dev
    pages so laid out, such pieces gave 1 headline right of 74 and 44 fragments of one)."""
    return (i > 0 and run_on(text, units[i - 1], units[i])) or (
        i + 1 < len(units) and run_on(text, units[i], units[i + 1])
    )


def candidates(page: Page) -> list[Candidate]:
    """Every reading of every plausible line near the story's start, with its features."""
    units, facts, labels = page.units, page.facts, page.labels
    n = len(units)
    if not n:
        return []
    rules = page.rule_labels or [None] * n
    start = first_body(labels)
    body_start = start if start is not None else n
    lexicon, stoplist = page.lexicon, page.stoplist
    menu = short_runs(facts, labels)
    ruled = rule_choice(page, body_start, menu)
    old = ruled[0] if ruled is not None else None
    old_text = normalize(ruled[1]) if ruled is not None else ""
    lo, hi = max(0, body_start - ABOVE), min(n, body_start + BELOW)
    if body_start >= n:
        lo, hi = max(0, n - 2 * ABOVE), n
    opener_pattern = _openers(lexicon.byline_openers) if lexicon.byline_openers else None
    lines = [
        i
        for i in range(lo, hi)
        if (i == old or _plausible(page, i, opener_pattern)) and not _cut_from_a_line(page.text, units, i)
    ]
    # the standfirst the body stage kept stands under the headline: out, when a candidate is above it
    kept = set(lines)
    lines = [
        i for i in lines if not (_standfirst(labels[i]) and (i - 1 in kept or i - 2 in kept)) or i == old
    ]
    if not lines:
        return []
    norms = [f.norm for f in facts]
    copies = Counter(norms)
    del copies[""]
    part_counts: Counter[str] = Counter()
    for u, f in zip(units, facts, strict=True):
        if 2 <= f.words <= 60 and _SEPARATOR.search(u.text):
            part_counts.update(set(_parts(u.text)))
    prose = _prose_paragraphs(facts, labels, body_start) or [min(body_start, n - 1)]
    body_lines = [
        k
        for k in range(body_start, min(n, body_start + 40))
        if labels[k] is not None and labels[k].kind is Kind.BODY  # type: ignore[union-attr]
    ]
    body_tokens = _tokens("\n".join(norms[k] for k in body_lines), stoplist)
    lead_cache: dict[int, set[str]] = {}
    flags = marker_words("flag")
    first_seen: dict[str, int] = {}
    for k, norm in enumerate(norms):
        first_seen.setdefault(norm, k)
    dated_memo: dict[int, bool] = {}

    def dated(k: int) -> bool:
        found = dated_memo.get(k)
        if found is None:
            lab = labels[k]
            if lab is not None and lab.kind in (Kind.DATE, Kind.BYLINE):
                found = True
            else:
                text = units[k].text
                found = facts[k].words <= 20 and (
                    bool(dates_in(text, page.dates)) or (facts[k].words <= 8 and has_relative(text))
                )
            dated_memo[k] = found
        return found

    prose_line = [reads_as_prose(f) for f in facts]
    # a heading: a short line without a closing full stop, prose within the next three lines
    heading = [False] * n
    for k in range(n):
        f = facts[k]
        if 2 <= f.words <= 20 and not f.ends_sentence and not menu[k]:
            heading[k] = any(prose_line[j] for j in range(k + 1, min(n, k + 4)))
    heads_upto = [0] * (n + 1)
    prose_upto = [0] * (n + 1)
    for k in range(n):
        heads_upto[k + 1] = heads_upto[k] + heading[k]
        prose_upto[k + 1] = prose_upto[k] + prose_line[k]
    region = (
        page.decision.region[0] if page.decision is not None and page.decision.region[0] >= 0 else body_start
    )
    scores = page.decision.scores if page.decision is not None else [0.0] * n
    levels, declared = _markup_facts(page)
    rows: list[tuple[int, int, str, str, list[float]]] = []
    above_rank: dict[int, int] = {}
    rank = 0
    for i in reversed(lines):
        if i < body_start:
            above_rank[i] = rank
            rank += 1
    for i in lines:
        f, unit = facts[i], units[i]
        full = _edge_marks(_clean(title_case_variant(units, facts, i)))
        after = [p for p in prose if p > i][:3] or prose[-1:]
        key = after[0]
        if key not in lead_cache:
            lead_cache[key] = _tokens("\n".join(norms[p] for p in after), stoplist)
        lead = lead_cache[key]
        seps = len(_SEPARATOR.findall(full))
        below = 9
        for step, k in enumerate(range(i + 1, min(n, i + 9)), start=1):
            if dated(k):
                below = step
                break
        prev_f = facts[i - 1] if i > 0 else None
        next_f = facts[i + 1] if i + 1 < n else None
        line_feats = [
            float(max(-99, min(99, i - body_start))),
            float(above_rank.get(i, -1)),
            i / n,
        ]
        text0 = unit.text
        share_word = float(bool(f.words) and text0.split(None, 1)[0].casefold() in lexicon.share_words)
        context = [
            float(bool(opener_pattern is not None and opener_pattern.match(text0))),
            share_word,
            float(menu[i]),
            float(unit.blank_before),
            float(copies.get(f.norm, 0)),
            float(first_seen.get(f.norm, i) == i),
        ]
        neighbours = [
            float(_group(labels[i])),
            float(_group(rules[i])),
            float(_group(labels[i - 1]) if i > 0 else -1),
            float(_group(labels[i + 1]) if i + 1 < n else -1),
            float(_group(labels[i + 2]) if i + 2 < n else -1),
            float(prev_f.words if prev_f is not None else -1),
            float(next_f.words if next_f is not None else -1),
            float(next_f.ends_sentence if next_f is not None else 0),
            float(below),
            float(i > 0 and norms[i - 1] in flags),
            float(_standfirst(labels[i])),
        ]
        a, b = (i + 1, body_start) if i < body_start else (body_start, i)
        next_prose = next((step for step in range(1, 21) if i + step < n and prose_line[i + step]), 21)
        story = [
            float(max(-99, min(99, i - region))),
            float(prose_upto[min(b, n)] - prose_upto[min(a, n)]),
            float(next_prose),
            float(heads_upto[min(n, i + 41)] - heads_upto[i + 1]),
            float(heads_upto[i] - heads_upto[max(0, i - 40)]),
            scores[i],
        ]
        for variant, part, cut, sep_kind in _variants(full):
            text = _edge_marks(part) if variant else part
            tnorm = normalize(text)
            if not tnorm:
                continue
            toks = _tokens(text, stoplist)
            overlap = len(toks & lead) / len(toks) if toks and lead else 0.0
            body_overlap = len(toks & body_tokens) / len(toks) if toks and body_tokens else 0.0
            words = len(text.split())
            stripped = text.rstrip(" \"'’”»)")
            letters = [ch for ch in text if ch.isalpha()]
            digits = sum(ch.isdigit() for ch in text)
            cut_norm = normalize(cut) if cut else ""
            feats = [
                *line_feats,
                float(words),
                float(len(text)),
                float(f.words),
                float(variant),
                float(seps),
                float(len(cut.split())),
                overlap,
                0.0,  # overlap rank, filled below
                0.0,  # overlap gap, filled below
                body_overlap,
                float(old == i),
                float(bool(old_text) and tnorm == old_text),
                float(stripped.endswith((".", ":", ";", ",")) and not stripped.endswith(("...", "…"))),
                float(stripped.endswith(("?", "!"))),
                float(f.ends_sentence),
                f.capital_share,
                float(bool(letters) and not any(ch.islower() for ch in letters)),
                f.stop_share,
                f.letter_share,
                digits / max(len(text), 1),
                float(dated(i)),
                float(_has_link(text)),
                float(_is_breadcrumb(text0)),
                *context,
                float(copies.get(tnorm, 0)),
                float(part_counts.get(tnorm, 0)),
                float(copies.get(cut_norm, 0) + part_counts.get(cut_norm, 0)) if cut_norm else -1.0,
                float(_quoted(norms, i, tnorm)),
                *neighbours,
                0.0,  # longer_below, filled below
                *story,
                float(sep_kind),
                float(len(text) / max(len(full), 1)),
                float(i + 1 < n and _kicker_over(units, facts, i, i + 1)),
                float(i > 0 and _kicker_over(units, facts, i - 1, i)),
                levels[i] if levels is not None else -1.0,
                float(declared.get(line_key(text), 0)) if declared is not None else -1.0,
            ]
            assert len(feats) == len(FEATURE_NAMES)
            rows.append((i, variant, text, tnorm, feats))
    # page-relative features
    col_overlap = FEATURE_NAMES.index("overlap")
    col_rank = FEATURE_NAMES.index("overlap_rank")
    col_gap = FEATURE_NAMES.index("overlap_gap")
    col_longer = FEATURE_NAMES.index("longer_below")
    col_words = FEATURE_NAMES.index("words")
    ranked = sorted({r[4][col_overlap] for r in rows}, reverse=True)
    top = ranked[0] if ranked else 0.0
    whole = {r[0]: r[4] for r in rows if r[1] == 0}
    ordered = sorted(whole)
    nxt = {a: b for a, b in zip(ordered, ordered[1:], strict=False)}
    out: list[Candidate] = []
    for i, variant, text, _tnorm, feats in rows:
        feats[col_rank] = float(ranked.index(feats[col_overlap]))
        feats[col_gap] = feats[col_overlap] - top
        lower = nxt.get(i)
        if lower is not None and lower - i <= 3:
            other = whole[lower]
            feats[col_longer] = float(other[col_words] > feats[col_words] and other[col_overlap] >= 0.3)
        out.append(Candidate(i, text, variant, tuple(feats)))
    return out


def _markup_facts(page: Page) -> tuple[list[float] | None, dict[str, int] | None]:
    """What an HTML page's markup says of its lines: each line's heading level (0 none) and
    the declared title's keys (`markup.line_key`: 1 the title, 2 a variant less an affix).
    None for text input, or a page that declares no title."""
    levels = None
    if page.blocks is not None:
        levels = [float(level) if kind == "heading" else 0.0 for kind, level in page.blocks]
    declared = None
    if page.declared is not None and page.declared.title:
        variants = title_variants(page.declared.title)
        declared = {line_key(v): 2 for v in variants[1:]}
        declared[line_key(variants[0])] = 1
    return levels, declared


def _quoted(norms: list[str], i: int, norm: str) -> bool:
    """True when another short line near this one ends with `norm` ("Share this on X: <headline>")."""
    if len(norm) < 15:
        return False
    limit = len(norm) + 60
    for k in range(max(0, i - 400), min(len(norms), i + 400)):
        other = norms[k]
        if len(other) <= limit and other != norm and other.endswith(norm):
            return True
    return False


def rule_choice(
    page: Page, body_start: int | None = None, menu: list[bool] | None = None
) -> tuple[int, str] | None:
    """The hand rule's headline (`find_title`) and its text: the choice when the fitted
    metadata is switched off (`Options(fitted_metadata=False)`), and a feature otherwise.
    `body_start` and `menu` (the short runs) are computed here unless the caller has them."""
    units, facts, labels = page.units, page.facts, page.labels
    if body_start is None:
        start = first_body(labels)
        body_start = start if start is not None else len(units)
    i = find_title(
        units,
        facts,
        labels,
        body_start,
        menu if menu is not None else short_runs(facts, labels),
        page.stoplist,
        page.lexicon.share_words,
        page.lexicon.byline_openers,
        page.dates,
    )
    if i is None:
        return None
    return i, _edge_marks(_clean(title_case_variant(units, facts, i)))


def first_line_title(page: Page, found: list[Candidate]) -> list[Candidate] | None:
    """Text input whose first line is the page's `<title>`: the candidates with `declared` read
    off that line, or None when the page is not such a page.

    Renderings made from the HTML without a browser print the `<title>` first, often the
    headline with the site's name after a separator ("Headline - Site"). A page is taken as such
    when a candidate on another line is the first line less an affix (`markup.title_variants`),
    as the headline is where the `<title>` holds the site's name: few browser renderings are (6 of
    1,453 development pages), most html-text ones are. Those pages are ranked by a model of their
    own (`first_line_model`), which reads `declared` as the HTML model reads the markup's title."""
    if page.from_html or page.declared is not None or not page.units or not found:
        return None
    first = page.units[0].text
    if len(first) > 2 * MAX_CHARS:
        return None  # a <title> is short: a long first line is text, and is not cut at every separator
    variants = title_variants(first)
    if len(variants) < 2:
        return None  # no affix to cut: the first line is not read as a <title>
    keys = {line_key(v): 2 for v in variants[1:]}
    keys[line_key(variants[0])] = 1
    found_keys = [keys.get(line_key(c.text), 0) for c in found]
    if not any(c.unit > 0 and key == 2 for c, key in zip(found, found_keys, strict=True)):
        return None
    return [
        Candidate(
            c.unit, c.text, c.variant, c.features[:_DECLARED] + (float(key),) + c.features[_DECLARED + 1 :]
        )
        for c, key in zip(found, found_keys, strict=True)
    ]


@functools.cache
def shipped_model(html: bool = False) -> TreeModel:
    """The shipped model (read once, like a compiled pattern), checked against the features here:
    with `html`, the one learnt on the lines pages' HTML gives (`tools/train_title.py --html`),
    when it is there."""
    return TreeModel.shipped("title", FEATURE_NAMES, html)


@functools.cache
def first_line_model() -> TreeModel:
    """The shipped model for text pages whose first line is their `<title>` (`first_line_title`;
    `tools/train_title.py --first-line`)."""
    return TreeModel.shipped("title_first_line", FEATURE_NAMES)


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """What the training script fitted beside the trees: `floor`, the lowest probability a
    headline is taken at; `unruled`, the lowest where the hand rule sees no headline; `margin`,
    how much more probable than the hand rule's headline another candidate must be to replace it;
    `declared` (HTML input), the probability under which a title the markup declares and the
    page does not show replaces the headline (`markup.merge`)."""

    floor: float = 0.5
    unruled: float = 0.5
    margin: float = 0.0
    declared: float = 0.0


def cutoffs(model: TreeModel) -> Cutoffs:
    info = dict(model.info)
    return Cutoffs(
        float(info.get("floor", "0.5")),
        float(info.get("unruled", "0.5")),
        float(info.get("margin", "0.0")),
        float(info.get("declared", "0.0")),
    )


def pick(scored: list[tuple[float, bool]], cut: Cutoffs) -> int | None:
    """The candidate taken among (probability, the hand rule's headline) pairs: the most probable,
    unless the hand rule's is within `margin` of it; none under the floor, nor under `unruled`
    when the hand rule found no headline."""
    if not scored:
        return None
    best = max(range(len(scored)), key=lambda k: (scored[k][0], -k))
    ruled = [k for k in range(len(scored)) if scored[k][1]]
    if ruled:
        old = max(ruled, key=lambda k: (scored[k][0], -k))
        if scored[best][0] - scored[old][0] < cut.margin:
            best = old
    elif scored[best][0] < cut.unruled:
        return None
    return best if scored[best][0] >= cut.floor else None


@dataclass(frozen=True, slots=True)
class Choice:
    """The headline taken: the candidate, its probability, how many candidates there were,
    whether the page's first line was read as its `<title>` (`first_line_title`), and whether
    the first line's reading was taken from a line below that shows it shorter (`_near`)."""

    candidate: Candidate
    probability: float
    count: int
    first_line: bool
    shown_shorter: bool = False


def _near(chosen: str, shown: str) -> bool:
    """Whether a line shows the chosen headline less a few words at its end: its words open the
    chosen one's and are 60% of them or more, not all ("Ten things to know today" for "Ten
    things to know today, November 19")."""
    wc, ws = _WORDS.findall(chosen), _WORDS.findall(shown)
    return 3 <= len(ws) < len(wc) and wc[: len(ws)] == ws and len(ws) >= 0.6 * len(wc)


def _shown_below(
    found: list[Candidate], scored: list[tuple[float, bool]], shows: Callable[[str], bool]
) -> int | None:
    """The most probable candidate below the first line whose text (`line_key`) `shows` accepts."""
    below = [j for j, c in enumerate(found) if c.unit > 0 and shows(line_key(c.text))]
    return max(below, key=lambda j: (scored[j][0], -j)) if below else None


def choose(page: Page, model: TreeModel, first_line: TreeModel | None = None) -> Choice | None:
    """The candidate `pick` takes; None when there is no candidate or none is probable enough.
    With `first_line`, a text page whose first line is its `<title>` is ranked by that model."""
    found = candidates(page)
    titled = None
    if first_line is not None:
        titled = first_line_title(page, found)
        if titled is not None:
            found, model = titled, first_line
    probs = model.probas([list(c.features) for c in found])
    scored = [(p, c.features[_OLD_TEXT] > 0) for p, c in zip(probs, found, strict=True)]
    k = pick(scored, cutoffs(model))
    if k is None:
        return None
    best, best_p = found[k], scored[k][0]
    shorter = False
    if best.unit == 0 and not page.from_html:
        # the first line's reading: the line the page shows it on, as it is (a page whose first
        # line is its <title>) or shorter, when there is one
        key = line_key(best.text)
        j = _shown_below(found, scored, lambda text: text == key) if titled is not None else None
        if j is None:
            j = _shown_below(found, scored, lambda text: _near(key, text))
            shorter = j is not None
        if j is not None:
            best = found[j]
    norm = page.facts[best.unit].norm
    for c in found:  # the first copy of the line: later ones are the page repeating its headline
        if c.unit < best.unit and page.facts[c.unit].norm == norm:
            best = Candidate(c.unit, best.text, best.variant, best.features)
            break
    return Choice(best, best_p, len(found), titled is not None, shorter)
