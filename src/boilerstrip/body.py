"""The body decision: a prose score per unit, the article region as a whole, then smoothing.

1. Every unit no rule has claimed gets a prose score in [0, 1] from its own facts; prose
   is a unit that scores well, is long enough and ends like a sentence (or is long).
2. Lists of teasers (a headline, then a lone short blurb, again and again) are set aside,
   but for one that opens the page's prose with little after it: a short story's sections.
3. The core of the article is the stretch of units with the largest total weight (a
   maximum-sum segment, as in Finn's Body Text Extraction) under strict weights: a prose
   unit counts for its words beyond a discount, and for a share of them when no prose
   stands beside it (blurbs, single comments); ads, captions and share rows inside a story
   cost little, menus and link lists more, and a line that heads a block of related
   stories or comments a lot. An earlier stretch nearly as heavy as the best one wins:
   comments and forum replies follow the story.
4. The core grows over neighbouring prose with plain word weights until furniture that
   ends an article (related lists, comments, navigation, promos) or a gap stops it; a few
   text lines in a row (subheadings, list items, table rows, code), the items of a list a
   line ending in a colon announces, and a one-link "Read also: ..." line are no gap. It
   grows past a "Read also" box set into the story when a
   long paragraph follows the box, over a list of one shape that closes the story (tour
   dates, standings), and over one short closing sentence. Upwards it takes in the
   standfirst: a line of running text under a shorter headline, above the byline, date,
   photo and share buttons that open the story.
5. Inside the region, prose is body, and short lines between body paragraphs (subheadings,
   list items) are body too, as is a paragraph taken for a caption only because a photo
   credit follows it. Lines under a related or comments heading take its kind. A short note
   about the author (two bio words, data/bio.txt) at the story's end, or right above the
   tags, share row or related links that close it, is a byline.

The weights live in data/body_params.json, chosen by tools/fit_body.py with
cross-validation over whole sites.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Final

import regex

from .classify import K_BODY, K_BYLINE, K_CAPTION, K_COMMENTS, K_OTHER, K_RELATED, K_REPEATED, Label
from .features import UnitFacts
from .kinds import Kind
from .lexicon import Lexicon, words_of
from .options import Options

# The labels given line by line, made once: a Label is frozen, so lines can share one.
_PROSE: Final = Label(Kind.BODY, "prose in the article region", rule="body.prose")
_TEASER: Final = Label(Kind.RELATED, "a teaser: headline and blurb, one of a list", rule="body.teaser")
_BETWEEN_PARAGRAPHS: Final = Label(
    Kind.BODY, "short line between body paragraphs", rule="body.between_paragraphs"
)


# What a unit claimed by a rule costs the region, per kind: interruptions a story carries are cheap.
_RULE_COST: Final = {
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


# A line that is only "Related stories", "Comments", "Newsletter"... opens a block that is not
# the story: the core region does not cross it (a story's own "Read more: ..." links do not count).
_BLOCK_HEADINGS: Final = frozenset({Kind.RELATED, Kind.COMMENTS, Kind.PROMO})


@dataclass(frozen=True, slots=True)
class BodyParams:
    """The weights of the region search, read from data/body_params.json (written by
    tools/fit_body.py, which picks them by cross-validation over whole sites)."""

    # The core is found with strict weights: a prose unit counts for its words beyond this
    # discount (teaser blurbs and one-line comments barely count)...
    core_discount: float = 4.0
    # ...and prose with no prose beside it counts for only this share of its words.
    isolated_share: float = 0.35
    # Unlabelled lines shorter than this do not separate prose (fragments, "Photo", bylines).
    isolated_min_words: int = 4
    # Anything else costs at least this much, or this much per word.
    non_prose_cost: float = 3.0
    non_prose_per_word: float = 0.5
    # Without sentence punctuation at its end, a line must be this long to count as prose.
    unpunctuated_prose_words: int = 20
    # A line that is only "Related stories", "Comments", "Newsletter"... costs this much.
    block_heading_cost: float = 40.0
    # An earlier stretch weighing this share of the best one wins (comments follow stories).
    earlier_share: float = 0.5
    # Growing the core: each non-prose unit costs this, and more in a row than the gap ends it.
    grow_gap_cost: float = 2.0
    grow_max_gap: int = 1
    # Another stretch as heavy as this share of the core (and this weight) joins it (1: off).
    other_block_share: float = 1.0
    other_block_min: float = 60.0
    # This many headline-and-blurb pairs in a row are a list of teasers, not the story (0: off).
    teaser_min_pairs: int = 3
    # Upwards the gap may be longer: a lead paragraph sits above the byline, date and photo.
    grow_back_max_gap: int = 1
    # Besides that gap, growth crosses this many unlabelled lines of three words or more in a
    # row (subheadings, list items, table rows, code, verse) when more prose follows them.
    grow_text_gap: int = 0

    @classmethod
    def load(cls, path: Path | None = None) -> BodyParams:
        source = path or Path(str(resources.files("boilerstrip") / "data" / "body_params.json"))
        data = json.loads(source.read_text(encoding="utf-8"))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


DEFAULT_PARAMS: Final = BodyParams.load()
# The reason given to a standfirst kept as body (the headline stage looks above it).
STANDFIRST: Final = "the standfirst under the headline"


@dataclass(frozen=True, slots=True)
class BodyDecision:
    scores: list[float]
    region: tuple[int, int]  # first and last unit index of the article region (-1, -1: none)
    labels: list[Label | None]
    # the fitted model's P(body) per unit (bodymodel.py); empty for the hand-written decision
    probabilities: list[float] = field(default_factory=list)


def prose_score(f: UnitFacts) -> float:
    """How much a unit reads like article prose, from its own facts only (0..1)."""
    if f.words == 0:
        return 0.0
    # (each "x if x < 1.0 else 1.0" is min(1.0, x), written out: this runs on every unit)
    length = f.words / 25.0
    length = length if length < 1.0 else 1.0
    stop = f.stop_share / 0.3
    stop = stop if stop < 1.0 else 1.0
    punct = 1.0 if f.ends_sentence else (0.5 if f.inner_punct else 0.0)
    caps = f.capital_share - 0.5
    caps = (caps if caps > 0.0 else 0.0) * 2.0 if f.words >= 3 else 0.0
    letters = f.letter_share / 0.75
    letters = letters if letters < 1.0 else 1.0
    score = (0.4 * length + 0.3 * stop + 0.3 * punct - 0.35 * caps) * letters
    score = score if score < 1.0 else 1.0
    return score if score > 0.0 else 0.0


def decide(
    facts: list[UnitFacts],
    labels: list[Label | None],
    options: Options,
    lexicon: Lexicon,
    params: BodyParams = DEFAULT_PARAMS,
) -> BodyDecision:
    """The hand-written body decision over the rules' labels (a note about the author is
    read with `lexicon.bio_words`)."""
    p = params
    scores = [prose_score(f) for f in facts]
    threshold = options.body_threshold
    is_body = [
        label is None
        and s >= threshold
        and f.words >= options.min_body_words
        and (f.ends_sentence or f.words >= p.unpunctuated_prose_words)
        for f, label, s in zip(facts, labels, scores, strict=True)
    ]
    isolated = _isolated(is_body, labels, facts, p.isolated_min_words)
    teasers = _teaser_runs(is_body, isolated, labels, facts, p.teaser_min_pairs)
    for i in teasers:
        is_body[i] = False
    weights: list[float] = []
    i_teaser = teasers.__contains__
    for f, label, cand, alone in zip(facts, labels, is_body, isolated, strict=True):
        if label is not None:
            cost = _RULE_COST.get(label.kind, 3.0)
            if label.heading and label.kind in _BLOCK_HEADINGS:
                cost = p.block_heading_cost
            weights.append(-cost)
        elif cand:
            weights.append(float(f.words) * (p.isolated_share if alone else 1.0) - p.core_discount)
        elif i_teaser(len(weights)):
            weights.append(-_RULE_COST[K_RELATED])
        else:
            weights.append(-max(p.non_prose_cost, p.non_prose_per_word * f.words))
    region = _earliest_strong(weights, p.earlier_share)
    if region[0] < 0:  # no stretch stands out: the best single stretch of plain prose
        region = _max_segment(
            [float(f.words) if c else min(w, -1.0) for f, c, w in zip(facts, is_body, weights, strict=True)]
        )
    out = list(labels)
    for i in teasers:
        out[i] = _TEASER
    if region[0] < 0:
        return BodyDecision(scores, region, out)
    blocks = [region, *_other_blocks(weights, region, labels, p)]
    spans = []
    for block in blocks:
        a, b = _extend(block, facts, labels, is_body, p)
        resume = _past_header(a, b, facts, labels, is_body)
        if resume >= 0:  # the standfirst was the core: the story goes on under its byline and date
            b = max(resume, _extend((resume, resume), facts, labels, is_body, p)[1])
        for _ in range(3):  # (bounded: a story carries a few such boxes)
            resume = _past_box(b, facts, labels, is_body)
            if resume < 0:
                break
            b = max(resume, _extend((resume, resume), facts, labels, is_body, p)[1])
        listed = _closing_list(b, facts, labels)
        for i in range(a, b + 1):
            if is_body[i]:
                out[i] = _PROSE
            elif a < i < b and _paragraph_above_credit(labels[i], facts[i]):
                out[i] = Label(
                    K_BODY, "a paragraph above a photo credit, not its caption", rule="body.above_credit"
                )
        for i in listed:
            out[i] = Label(K_BODY, "a list that closes the story", rule="body.closing_list")
        if not listed and _closing_line(b + 1, facts, labels):
            out[b + 1] = Label(K_BODY, "the story's closing line", rule="body.closing_line")
            b += 1
        if a > 0 and labels[a - 1] is None and _opening_pointer(facts[a - 1]):
            a -= 1
            out[a] = Label(
                K_BODY, "the line that opens the story, ending in a colon", rule="body.opening_pointer"
            )
        lead = _standfirst(a, facts, labels, scores)
        if lead >= 0:
            out[lead] = Label(K_BODY, STANDFIRST, rule="body.standfirst")
            a = lead
        _fill_gaps(out, labels, a, b + len(listed))
        spans.append((a, b + len(listed)))
    region = (min(a for a, _ in spans), max(b for _, b in spans))
    _drop_author_note(out, facts, lexicon.bio_words)
    _label_blocks(out)
    return BodyDecision(scores, region, out)


# Captions run a sentence or two; a line above a credit this long is a paragraph of the story.
_CAPTION_MAX_WORDS: Final = 28


def _paragraph_above_credit(label: Label | None, f: UnitFacts) -> bool:
    """A line taken for a caption only because a photo credit follows it, long as a paragraph."""
    return (
        label is not None
        and label.kind is K_CAPTION
        and label.rule == "caption.credit_below"
        and f.words > _CAPTION_MAX_WORDS
        and f.ends_sentence
    )


# A note about the author runs a few sentences; a longer paragraph is the story's.
_NOTE_MAX_WORDS: Final = 80
_QUOTES: Final = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")


def _drop_author_note(out: list[Label | None], facts: list[UnitFacts], bio_words: frozenset[str]) -> None:
    """The story's last paragraph (or the one before it), when it is a note about the author;
    also a paragraph right above the tags, share buttons or related links that close a story
    (comments taken into the region may follow them)."""
    body = [i for i, lab in enumerate(out) if lab is not None and lab.kind is K_BODY]
    if len(body) < 3:
        return
    ends = [i for i in body[2:-2] if i + 1 < len(out) and _closes_story(out[i + 1])]
    for i in [*ends, *body[-2:]]:
        f = facts[i]
        if f.words > _NOTE_MAX_WORDS or any(q in f.norm for q in _QUOTES):
            continue
        if len(bio_words.intersection(words_of(f.norm))) >= 2:
            out[i] = Label(K_BYLINE, "a note about the author", rule="byline.author_note")


# Furniture that closes a story: what stands right above it is the story's last paragraph.
_CLOSING: Final = frozenset({Kind.TAGS, Kind.SHARE, Kind.RELATED, Kind.COMMENTS, Kind.PROMO, Kind.LEGAL})


def _closes_story(label: Label | None) -> bool:
    return label is not None and label.kind in _CLOSING


def _fill_gaps(out: list[Label | None], labels: list[Label | None], a: int, b: int) -> None:
    """Short lines between body paragraphs (subheadings, list items) are body too, also
    beside a one-link "Read also: ..." line (which stays a related link)."""
    last_body = -1
    for i in range(a, b + 1):
        lab = out[i]
        if lab is not None and lab.kind is K_BODY:
            if last_body >= 0 and i - last_body > 1:
                gap = range(last_body + 1, i)
                if all(
                    out[j] is None or out[j].kind in _TRANSPARENT or _one_link(labels[j])  # type: ignore[union-attr]
                    for j in gap
                ):
                    for j in gap:
                        if out[j] is None:
                            out[j] = _BETWEEN_PARAGRAPHS
            last_body = i


def _other_blocks(
    weights: list[float], core: tuple[int, int], labels: list[Label | None], p: BodyParams
) -> list[tuple[int, int]]:
    """Other stretches of the story cut off from the core by a table, a gallery or a box:
    as heavy as a share of the core, with no comments or related heading in between."""
    if p.other_block_share >= 1.0:
        return []
    top = sum(weights[core[0] : core[1] + 1])
    masked = list(weights)
    for i in range(core[0], core[1] + 1):
        masked[i] = -1e9
    out: list[tuple[int, int]] = []
    for _ in range(3):
        a, b = _max_segment(masked)
        if a < 0:
            break
        weight = sum(weights[a : b + 1])
        for i in range(a, b + 1):
            masked[i] = -1e9
        if weight < max(p.other_block_min, p.other_block_share * top):
            break
        lo, hi = (b + 1, core[0]) if b < core[0] else (core[1] + 1, a)
        if any(_ends_story(labels[j]) for j in range(lo, hi)):
            continue
        out.append((a, b))
    return out


def _ends_story(label: Label | None) -> bool:
    if label is None:
        return False
    return label.kind is K_COMMENTS or (label.heading and label.kind in _BLOCK_HEADINGS)


# How far the items under a "Related"/"Comments" heading reach, and the kinds they absorb.
_BLOCK_REACH: Final = {Kind.RELATED: 15, Kind.COMMENTS: 30}
_BLOCK_REASON: Final = {
    Kind.RELATED: "listed under a related heading",
    Kind.COMMENTS: "under a comments heading",
}


def _label_blocks(labels: list[Label | None]) -> None:
    """Lines under a related or comments heading, up to the next labelled line, belong to it.
    Comments follow the story: a "Leave a comment" link above it heads nothing."""
    n = len(labels)
    last_body = max((k for k, lab in enumerate(labels) if lab is not None and lab.kind is K_BODY), default=-1)
    i = 0
    while i < n:
        head = labels[i]
        i += 1
        if head is None or not head.heading or head.kind not in _BLOCK_REACH:
            continue
        if head.kind is K_COMMENTS and i - 1 < last_body:
            continue
        item = Label(head.kind, _BLOCK_REASON[head.kind], rule=f"{head.kind.value}.under_heading")
        j = i
        while j < n and j < i + _BLOCK_REACH[head.kind]:
            lab = labels[j]
            if lab is None:
                labels[j] = item
            elif lab.kind is not head.kind:
                break
            j += 1
        i = j


# Kinds that may sit between two body paragraphs without breaking the run of a list or heading
# (a repeated line there is an item or a pull quote seen before; it stays repeated).
_TRANSPARENT: Final = frozenset(
    {Kind.ADVERTISEMENT, Kind.CAPTION, Kind.PLACEHOLDER, Kind.OTHER, Kind.REPEATED}
)


_EARLIER_TRIES: Final = 8


def _earliest_strong(weights: list[float], share: float) -> tuple[int, int]:
    """The best stretch, unless a stretch before it weighs nearly as much: reader comments
    and forum replies follow the story they discuss, so the earlier of two rivals wins."""
    best = _max_segment(weights)
    if best[0] < 0 or share >= 1.0:
        return best
    top = sum(weights[best[0] : best[1] + 1])
    end = best[0]
    choice = best
    for _ in range(_EARLIER_TRIES):  # (bounded: each try scans the page once)
        if end <= 0:
            break
        a, b = _max_segment(weights[:end])
        if a < 0:
            break
        if sum(weights[a : b + 1]) >= share * top:
            choice = (a, b)
        end = a
    return choice


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


# Kinds a story carries between its paragraphs: they do not separate two paragraphs.
_INLINE: Final = frozenset({Kind.ADVERTISEMENT, Kind.CAPTION, Kind.PLACEHOLDER})


def _one_link(label: Label | None) -> bool:
    """ "Read also: <headline>" between two paragraphs: one link the story carries, no block."""
    return label is not None and label.kind is K_RELATED and not label.heading


# A teaser's blurb is a sentence or two; longer paragraphs under subheadings are the story's.
_BLURB_WORDS: Final = 40
_DATED_BLURB_WORDS: Final = 90
# Teaser lists follow a story (more from the section, related stories) or stand in a column
# beside it. A run that holds the page's first prose, with less prose after it than this share
# of its words, is where the story is: a short story with one paragraph under each subheading.
_SECTIONS_AFTER_SHARE: Final = 0.5


def _teaser_runs(
    is_body: list[bool], isolated: list[bool], labels: list[Label | None], facts: list[UnitFacts], pairs: int
) -> set[int]:
    """Lists of teasers: a headline (a short line without a full stop) then one lone blurb,
    over and over. Returns the blurbs of runs of at least `pairs` such pairs, but for a run that
    is the story's own sections (`_story_in_sections`)."""
    n = len(facts)
    runs: list[list[int]] = []
    if pairs <= 0:
        return set()
    run: list[int] = []
    i = 0
    while i < n:
        f = facts[i]
        headline = (
            labels[i] is None
            and not is_body[i]
            and 3 <= f.words <= 20
            and not f.ends_sentence
            and not f.norm[:1].isdigit()  # "4. Water them": a numbered list is one article
        )
        j = i + 1
        dated = False
        while headline and j < n and not is_body[j] and _teaser_meta(labels[j], facts[j]):
            dated = dated or labels[j] is not None
            j += 1  # a time, a category or an author between headline and blurb
        # (a blurb under its own date or byline may be the story's whole first paragraph)
        longest = _DATED_BLURB_WORDS if dated else _BLURB_WORDS
        if headline and j < n and is_body[j] and isolated[j] and facts[j].words <= longest:
            run.append(j)
            i = j + 1
            continue
        if len(run) >= pairs:
            runs.append(run)
        run = []
        i += 1
    if len(run) >= pairs:
        runs.append(run)
    out = {i for run in runs for i in run}
    if runs and _story_in_sections(runs[0], out, is_body, facts):
        out.difference_update(runs[0])
    return out


def _story_in_sections(run: list[int], listed: set[int], is_body: list[bool], facts: list[UnitFacts]) -> bool:
    """Whether a run of headline-and-blurb pairs is a short story under its subheadings (a
    headline, a paragraph, a subheading, a paragraph...), which reads line by line as a list of
    teasers: no prose stands above it, and less than `_SECTIONS_AFTER_SHARE` of its words of
    prose that is no teaser follows it."""
    first = run[0]
    if any(is_body[:first]):
        return False
    words = sum(facts[i].words for i in run)
    after = sum(facts[i].words for i in range(first + 1, len(facts)) if is_body[i] and i not in listed)
    return after < _SECTIONS_AFTER_SHARE * words


def _teaser_meta(label: Label | None, f: UnitFacts) -> bool:
    """What a teaser prints between its headline and blurb: a time, a category, an author."""
    if label is None:
        return f.words < 4
    return label.kind in _SIGNING and f.words <= 8


def _isolated(
    is_body: list[bool], labels: list[Label | None], facts: list[UnitFacts], min_words: int
) -> list[bool]:
    """Prose with no prose next to it on either side (ads and captions skipped): the blurb of
    a teaser list or a lone comment, rarely a paragraph of a story."""
    n = len(is_body)
    out = [False] * n

    def neighbour(i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < n:
            if is_body[j]:
                return True
            lab = labels[j]
            if lab is None:
                if facts[j].words >= min_words:
                    return False
            elif lab.kind not in _INLINE and not _one_link(lab):
                return False
            j += step
        return False

    for i in range(n):
        if is_body[i]:
            out[i] = not neighbour(i, -1) and not neighbour(i, 1)
    return out


_HARD: Final = frozenset(
    {
        Kind.RELATED,
        Kind.COMMENTS,
        Kind.PROMO,
        Kind.LEGAL,
        Kind.NAVIGATION,
        Kind.TAGS,
        Kind.REPEATED,
        Kind.SHARE,
    }
)


# Marks that items of one list share ("June 9 – Tampa @ Arena", "Spain (Group F): 11th").
_LIST_MARKS: Final = (" – ", " - ", " — ", ": ", "(", " @ ", " | ", "•")


# A line holding a web address is a link, not an item of the story's own list.
_LINKISH: Final = regex.compile(r"https?:|www\.|\.(?:com|org|net)\b")


def _item_marks(norm: str) -> frozenset[str]:
    marks = {m for m in _LIST_MARKS if m in norm}
    if norm[:1].isdigit():
        marks.add("digit")
    return frozenset(marks)


def _closing_list(end: int, facts: list[UnitFacts], labels: list[Label | None]) -> list[int]:
    """Right after the story's last paragraph, an optional short heading and three or more
    items of one shape (a shared separator, or a leading number) continue the story: tour
    dates, standings, a Q&A. Menus (one or two words a line) and headline lists do not."""
    n = len(facts)
    i = end + 1
    head: list[int] = []
    if i < n and labels[i] is None and 1 <= facts[i].words <= 8 and not facts[i].ends_sentence:
        head = [i]
        i += 1
    items: list[int] = []
    counts: dict[str, int] = {}
    while i < n and labels[i] is None and 3 <= facts[i].words <= 30 and not _LINKISH.search(facts[i].norm):
        for mark in _item_marks(facts[i].norm):
            counts[mark] = counts.get(mark, 0) + 1
        items.append(i)
        i += 1
    if len(items) < 3 or not counts or max(counts.values()) < 0.75 * len(items):
        return []
    return head + items


# A paragraph this long is the story's, not a teaser's blurb.
_RESUME_WORDS: Final = 40


def _past_box(end: int, facts: list[UnitFacts], labels: list[Label | None], is_body: list[bool]) -> int:
    """A "Read also" box set into the story: a related heading and a few headlines right after
    a paragraph (with a blurb or two), then a long paragraph again. Returns that paragraph, or -1."""
    n = len(facts)
    j = end + 1
    head = labels[j] if j < n else None
    if head is None or head.kind is not K_RELATED or not head.heading:
        return -1
    for j in range(end + 2, min(n, end + 8)):
        lab = labels[j]
        if is_body[j] and facts[j].words >= _RESUME_WORDS:
            return j
        if lab is None:
            if facts[j].words > _RESUME_WORDS:
                return -1
        elif lab.kind not in _INLINE and lab.kind is not K_RELATED:
            return -1
    return -1


# A story's header, between its headline or standfirst and its first paragraph: byline and
# date (the lines that sign a story), share buttons, the photo, an ad slot.
_SIGNING: Final = frozenset({Kind.BYLINE, Kind.DATE})
_HEADER: Final = _SIGNING | {Kind.SHARE, Kind.CAPTION, Kind.PLACEHOLDER, Kind.ADVERTISEMENT}
_HEADER_REACH: Final = 12


def _past_header(
    a: int, b: int, facts: list[UnitFacts], labels: list[Label | None], is_body: list[bool]
) -> int:
    """A region of one paragraph followed by the story's byline, date, share buttons and photo
    (and short button lines) and then prose: the paragraph was the standfirst, and the story
    starts after the header. Returns that prose unit, or -1."""
    if sum(is_body[a : b + 1]) > 1:
        return -1
    header = False
    for j in range(b + 1, min(len(facts), b + 1 + _HEADER_REACH)):
        lab = labels[j]
        if is_body[j]:
            return j if header else -1
        if lab is None:
            if facts[j].words > 3:
                return -1
        elif lab.kind in _HEADER:
            header = header or lab.kind in _SIGNING
        elif lab.kind is not K_OTHER:
            return -1
    return -1


def _opening_pointer(f: UnitFacts) -> bool:
    """A short line ending in a colon right above the story's first paragraph ("Guiding
    principles of the court:"): it introduces what follows."""
    return f.ends_colon and 2 <= f.words <= 15 and f.letter_share >= 0.6


def _closing_line(i: int, facts: list[UnitFacts], labels: list[Label | None]) -> bool:
    """The line right under the story's last paragraph that finishes it: a short sentence,
    unless more sentences like it follow (a list of blurbs or links)."""
    if i >= len(facts) or labels[i] is not None:
        return False
    f = facts[i]
    if not 3 <= f.words <= 40 or f.letter_share < 0.6 or _LINKISH.search(f.norm):
        return False
    if f.ends_colon:
        return True  # "The full report is here:": it points to what the story rests on
    if not f.ends_sentence:
        return False
    j = i + 1
    if j < len(facts) and labels[j] is None and facts[j].words >= 3:
        g = facts[j]
        if g.ends_sentence:
            return False  # more lines like it follow: a list of links or blurbs, not the story's end
    return True


# What stands between a standfirst and the story's first paragraph: the header, short button
# lines, a comment count, a subscription badge.
_META_BETWEEN: Final = _HEADER | {Kind.OTHER, Kind.COMMENTS, Kind.PROMO}
_STANDFIRST_MAX_GAP: Final = 16
_STANDFIRST_SCORE: Final = 0.5


def _standfirst(a: int, facts: list[UnitFacts], labels: list[Label | None], scores: list[float]) -> int:
    """The summary under the headline, above the byline, date and photo: a unit of running
    text (not yet taken as prose) between a short headline line and the region's start."""
    j = a - 1
    gap = 0
    while j >= 0 and gap < _STANDFIRST_MAX_GAP:
        lab = labels[j]
        f = facts[j]
        if lab is None and f.words >= 8 and f.letter_share >= 0.7 and scores[j] >= 0.3:
            if scores[j] < _STANDFIRST_SCORE or f.stop_share < 0.2 or "|" in f.norm:
                return -1
            break
        if lab is not None and lab.kind not in _META_BETWEEN:
            return -1
        if lab is None and f.words > 3:
            return -1
        j -= 1
        gap += 1
    else:
        return -1
    h = j - 1
    while h >= 0 and h >= j - 3 and labels[h] is not None and labels[h].kind in _SIGNING:  # type: ignore[union-attr]
        h -= 1  # the date or byline printed between the headline and its standfirst
    if h < 0:
        return -1
    above = labels[h]
    g = facts[h]
    headline = (
        (above is None or above.kind is K_REPEATED)
        and 3 <= g.words <= facts[j].words
        and not g.ends_sentence
        and g.letter_share >= 0.7
    )
    return j if headline else -1


# A line ending in a colon announces a list: this many short lines under it are its items.
_LIST_ITEMS: Final = 12


def _text_line(f: UnitFacts) -> bool:
    return 3 <= f.words <= 40 and f.letter_share >= 0.5 and not _LINKISH.search(f.norm)


def _extend(
    region: tuple[int, int],
    facts: list[UnitFacts],
    labels: list[Label | None],
    is_body: list[bool],
    p: BodyParams,
) -> tuple[int, int]:
    """Grow the core region outwards over prose with plain word weights; stop at furniture
    that ends an article (related lists, comments, navigation, promos) or a run of non-prose."""
    a, b = region
    n = len(facts)

    def walk(start: int, step: int, max_gap: int) -> int:
        best, best_i, total, run, text, items = 0.0, start - step, 0.0, 0, 0, 0
        i = start
        while 0 <= i < n:
            lab = labels[i]
            f = facts[i]
            if lab is not None and lab.kind in _HARD and not _one_link(lab):
                break
            if is_body[i]:
                total += f.words
                run = text = 0
                items = _LIST_ITEMS if f.ends_colon and step > 0 else 0
            elif lab is None and f.ends_colon and f.words >= 2 and step > 0:
                items = _LIST_ITEMS  # "Requirements:" heads a list
                run = 0
                total -= p.grow_gap_cost
            elif lab is None and items > 0 and f.words >= 1 and f.letter_share >= 0.5:
                items -= 1  # an item of the list the line above announced
                total -= p.grow_gap_cost
            elif lab is None and text < p.grow_text_gap and _text_line(facts[i]):
                text += 1  # a subheading, a list item, a line of code or verse
                total -= p.grow_gap_cost
            else:
                run += 1
                if run > max_gap:
                    break
                total -= p.grow_gap_cost if lab is None else _RULE_COST.get(lab.kind, 3.0)
            if total > best:
                best, best_i = total, i
            i += step
        return best_i

    return walk(a - 1, -1, p.grow_back_max_gap), walk(b + 1, 1, p.grow_max_gap)
