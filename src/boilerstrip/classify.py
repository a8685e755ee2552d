"""Unmistakable kinds by rule: furniture phrases (headings, buttons, ad labels), cookie
notices, sign-up and comment prompts written as sentences, share rows, date lines, logos,
breadcrumb trails, repeated lines and lines without words. Word lists are data files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from .dates import DateMatch, DateMemo, dates_in
from .features import UnitFacts, reads_as_prose
from .kinds import Kind
from .lexicon import NOTICE_MAX_WORDS, Lexicon, holds_any
from .lines import Unit

_SHARE_SPLIT: Final = regex.compile(r"[\s|/·•,;:()\[\]]+")
_LETTER_WORD: Final = regex.compile(r"\p{L}{2,}")
_SHARE_HEAD: Final = regex.compile(r"[^\s|/·•,;:()\[\]]+")
_COUNT: Final = regex.compile(r"\A\d+(?:[.,]\d+)?[km]?\Z", regex.I)
# A count opens with a digit: a token opening with any other ASCII character skips the pattern.
_NOT_COUNT_START: Final = frozenset(map(chr, range(128))) - frozenset("0123456789")
# Every date `find_dates` reads carries a year or a numeric d.m.y: lines without one skip it.
_DATE_HINT: Final = regex.compile(r"(?:19|20)\d\d|\d[./-][0-3]?\d[./-]\d\d")
_ASCII_DIGITS: Final = tuple("0123456789")
_DATE_SEPS: Final = tuple("./-")
# ("→" is left out: instructions use it, "Settings → Privacy → Cookies")
_CRUMB_SEP: Final = regex.compile(r"\s+[›»>/|·•]\s+|\s*[›»]\s*")
_CRUMB_ARROW: Final = regex.compile(r"[›»]")
_CRUMB_MARKS: Final = tuple("›»>/|·•")
# '{"@type": "HowToStep", "text": ...': structured data a page printed as text.
_DATA_KEYS: Final = regex.compile(r'(?:"[\w@$-]+"\s*:\s*["{\[\d].*){2}', regex.S)
# "Аdvеrtіѕе wіth us": Latin words written partly in look-alike Cyrillic letters, as ads and
# spam are spelt to slip past filters.
_CYRILLIC: Final = regex.compile(r"\p{Cyrillic}")
_MIXED_WORD: Final = regex.compile(r"\b(?=\w*\p{Latin})(?=\w*\p{Cyrillic})\w+")
_LOGO: Final = regex.compile(r"(?:\A|\s)(?:logo|логотип)\Z", regex.I)
_LOGO_LAST: Final = frozenset("oOпП")  # every character the pattern's last letter matches


# Kinds whose phrases name links and headings; a full sentence that starts the same way is prose.
_LINK_KINDS: Final = frozenset({Kind.RELATED, Kind.NAVIGATION})


@dataclass(frozen=True, slots=True)
class Label:
    """What a stage decided about one unit: the kind, the reason in words, and for the fitted
    decisions the stable rule id (`body.model`, `title.model`...) and the model's probability."""

    kind: Kind
    reason: str
    # A whole line that names a block ("Related stories", "Comments"): what follows is that block.
    heading: bool = False
    rule: str = ""
    probability: float | None = None


# Kinds as module constants, for the stages that test labels line by line: compiled code reads
# these directly, where each `Kind.X` is an attribute look-up on the (Python) enum class.
K_ADVERTISEMENT: Final = Kind.ADVERTISEMENT
K_BODY: Final = Kind.BODY
K_BYLINE: Final = Kind.BYLINE
K_CAPTION: Final = Kind.CAPTION
K_COMMENTS: Final = Kind.COMMENTS
K_DATE: Final = Kind.DATE
K_LOGO: Final = Kind.LOGO
K_NAVIGATION: Final = Kind.NAVIGATION
K_OTHER: Final = Kind.OTHER
K_RELATED: Final = Kind.RELATED
K_REPEATED: Final = Kind.REPEATED
K_SHARE: Final = Kind.SHARE
K_SOURCE: Final = Kind.SOURCE
K_TAGS: Final = Kind.TAGS


def _labels_by_kind(reason: str, prefix: str, heading: bool = False) -> dict[Kind, Label]:
    return {
        kind: Label(kind, f"{kind.value} {reason}", heading=heading, rule=f"{prefix}.{kind.value}")
        for kind in Kind
    }


# Labels whose kind and reason are fixed, made once: a label is immutable, so lines share them
# (making one runs the dataclass's Python-level __init__).
_NO_WORDS: Final = Label(Kind.OTHER, "no words", rule="other.no_words")
_SCRIPT_DATA: Final = Label(Kind.OTHER, "script data (JSON), not text", rule="other.script_data")
_LOOK_ALIKE: Final = Label(
    Kind.ADVERTISEMENT,
    "words spelt with look-alike letters of another script (hidden ads, spam)",
    rule="advertisement.look_alike",
)
_COMMENT_COUNT: Final = Label(Kind.COMMENTS, "comment section heading", heading=True, rule="comments.count")
_CONSENT: Final = Label(Kind.LEGAL, "a cookie or consent notice", rule="legal.consent")
_SHORT_PROMO: Final = Label(Kind.PROMO, "a short sign-up prompt", rule="promo.short_prompt")
_SHARE_ROW: Final = Label(Kind.SHARE, "share or follow buttons only", rule="share.row")
_DATE_LINE: Final = Label(Kind.DATE, "a date line", rule="date.line")
_LOGO_TEXT: Final = Label(Kind.LOGO, "logo text", rule="logo.text")
_BREADCRUMB: Final = Label(Kind.NAVIGATION, "a breadcrumb trail", rule="navigation.breadcrumb")
_TOC_ENTRY: Final = Label(Kind.OTHER, "an entry of the table of contents", rule="toc.entry")
_TOC_HEAD: Final = Label(Kind.OTHER, "the heading of a table of contents", rule="toc.heading")
_HEADING_OR_BUTTON: Final = _labels_by_kind("heading or button", "heading", heading=True)
_PHRASE: Final = _labels_by_kind("phrase", "phrase")
_PHRASE_HEADING: Final = _labels_by_kind("phrase", "phrase_heading", heading=True)
_PROMPT: Final = _labels_by_kind("text (a prompt, not the story)", "prompt")


def headings_above(labels: list[Label | None]) -> list[Kind | None]:
    """For each unit, the kind of the nearest heading at or above it (None above the first)."""
    out: list[Kind | None] = []
    last: Kind | None = None
    for lab in labels:
        if lab is not None and lab.heading:
            last = lab.kind
        out.append(last)
    return out


def comments_heading(labels: list[Label | None], after: int) -> int:
    """The first comments heading past unit `after`, where the readers' part of the page
    begins (the number of units when there is none)."""
    for i in range(max(0, after + 1), len(labels)):
        lab = labels[i]
        if lab is not None and lab.kind is K_COMMENTS and lab.heading:
            return i
    return len(labels)


def rule_labels(
    units: list[Unit], facts: list[UnitFacts], lexicon: Lexicon, dates: DateMemo | None = None
) -> list[Label | None]:
    """A label for every unit a rule is sure about; None for the rest (judged as prose later)."""
    labels: list[Label | None] = []
    seen: dict[str, int] = {}
    toc_heads = lexicon.markers.get("toc", frozenset())
    contents: set[str] = set()  # entries of a table of contents: their later copies head sections
    toc_left = 0
    ruled: dict[str, Label | None] = {}  # (the rules read a line's text only: a repeated line is judged once)
    for unit, f in zip(units, facts, strict=True):
        text, norm = unit.text, f.norm
        if text in ruled:
            label = ruled[text]
        else:
            label = ruled[text] = _rule(unit, f, lexicon, dates)
        # (a story carries its table of contents: cheap to cross, like a caption, not a menu)
        if toc_left and label is None and 1 <= f.words <= _TOC_ENTRY_WORDS and norm not in contents:
            label = _TOC_ENTRY
            contents.add(norm)
            toc_left -= 1
        elif norm in toc_heads:
            label = _TOC_HEAD
            toc_left = _TOC_MAX_ENTRIES
        else:
            toc_left = 0
        if label is None and norm and norm not in contents:
            first = seen.get(norm)
            if first is not None:
                label = Label(Kind.REPEATED, f"repeats line {first}", rule="repeated.line")
        if norm and norm not in seen:
            seen[norm] = unit.line
        labels.append(label)
    return labels


# A table of contents: up to this many entries of up to this many words under its heading.
_TOC_MAX_ENTRIES: Final = 40
_TOC_ENTRY_WORDS: Final = 20


def _rule(unit: Unit, f: UnitFacts, lexicon: Lexicon, memo: DateMemo | None) -> Label | None:
    norm, words, ends = f.norm, f.words, f.ends_sentence  # (read often: kept in locals)
    text = unit.text
    ascii_text = text.isascii()
    if not norm or f.letter_share == 0.0:
        return _NO_WORDS
    if text[:1] in "{[" and _DATA_KEYS.search(text[:2000]):  # (bounded: the keys open the line)
        return _SCRIPT_DATA
    if not ascii_text and _CYRILLIC.search(text) and len(_MIXED_WORD.findall(text)) >= 2:
        return _LOOK_ALIKE
    kind = lexicon.line_phrases.get(norm)
    if kind is not None:
        return _HEADING_OR_BUTTON[kind]
    if norm[:1].isdigit() and words <= 30 and _comment_count(norm, lexicon):
        return _COMMENT_COUNT
    # (the line's tokens, read once for the phrases and the prompts)
    tokens = norm.split(" ") if words <= NOTICE_MAX_WORDS else None
    kind = lexicon.phrase_kind(norm, words, tokens)
    if kind in _LINK_KINDS and ends and words >= 8 and ":" not in norm:
        kind = None  # "More from the meeting is expected today.": a sentence, not a link heading
    if kind is not None:
        # "More in Politics" heads a list; "Read more: <headline>" is one link inside the story
        heading = words <= 8 and ":" not in norm and not ends
        return _PHRASE_HEADING[kind] if heading else _PHRASE[kind]
    if lexicon.is_consent_notice(norm):
        return _CONSENT
    if words <= 60 and ends:
        prompt = lexicon.prompt_kind(norm, tokens=tokens)
        if prompt is not None:
            return _PROMPT[prompt]
    elif words <= 5 and lexicon.prompt_kind(norm, needed=1, tokens=tokens) is Kind.PROMO:
        return _SHORT_PROMO
    if words <= 12 and _is_share_row(norm, lexicon):
        return _SHARE_ROW
    if words <= 14 and not reads_as_prose(f) and _may_hold_date(text, ascii_text):
        dates = dates_in(text, memo)
        if dates and _date_dominates(text, dates):
            return _DATE_LINE
    if words <= 6 and norm[-1:] in _LOGO_LAST and _LOGO.search(norm):
        return _LOGO_TEXT
    if words <= 16 and not ends and _is_breadcrumb(text):
        return _BREADCRUMB
    return None


def _comment_count(norm: str, lexicon: Lexicon) -> bool:
    """'5 thoughts on "<headline>"', '11 Antworten zu „<headline>“', '2 comments': the heading of
    the comments (or, in the story's head, the link to them)."""
    m = _COUNT_HEAD.match(norm)
    if m is None:
        return False
    rest = norm[m.end() :]
    if lexicon.line_phrases.get(rest) is Kind.COMMENTS:
        return True  # "2 comments", "12 Kommentare": a count over the comments, or a link to them
    return any(rest.startswith(words) for words in lexicon.markers.get("comment_count", frozenset()))


_COUNT_HEAD: Final = regex.compile(r"\d{1,5}\s+")


def _is_breadcrumb(text: str) -> bool:
    """Three or more short items joined by an arrow-like separator: "Home › World › Europe"."""
    if not holds_any(text, _CRUMB_MARKS) or not _CRUMB_SEP.search(text):
        return False  # (every separator holds one of the marks: most lines skip the pattern)
    parts = [p.strip() for p in _CRUMB_SEP.split(text)]
    # arrows make two items a trail; plain slashes and bars need three
    least = 2 if _CRUMB_ARROW.search(text) else 3
    return len(parts) >= least and all(p and len(p.split()) <= 4 for p in parts)


def _is_share_row(norm: str, lexicon: Lexicon) -> bool:
    opening = norm[:1]
    if opening.isalnum() and not opening.isdigit():
        # The first token then opens with that letter and is no count: it is a share word only
        # if the line opens with one, followed by no letter or digit (which would lengthen the
        # token). A cheap test before the pattern, which most lines fail.
        if not _opens_with_share_head(norm, lexicon.share_heads_by_first.get(opening, ())):
            return False
    first = _SHARE_HEAD.match(norm)  # (the first token when the line opens with one)
    head = first.group() if first else next((t for t in _SHARE_SPLIT.split(norm, 2) if t), "")
    if head and head not in lexicon.share_heads and (head[0] in _NOT_COUNT_START or not _COUNT.match(head)):
        return False  # the first token already is no share word nor a count
    tokens = [t for t in _SHARE_SPLIT.split(norm) if t]
    if not tokens:
        return False
    strong = 0
    named = 0  # share words, not counts
    words = lexicon.share_words
    i = 0
    while i < len(tokens):
        two = f"{tokens[i]} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if two and two in words:
            strong += 1
            i += 2
            continue
        tok = tokens[i]
        if tok in words:
            strong += tok not in lexicon.weak_share_words
            named += 1
        elif not _COUNT.match(tok):
            return False
        i += 1
    # one network name, or a row of two or more share words ("Print X", "Save Copy link")
    return strong >= 1 or named >= 2 or len(tokens) >= 3


def _may_hold_date(text: str, ascii_text: bool) -> bool:
    """`_DATE_HINT` finds a date in `text`. Each of its matches holds an ASCII digit ("19" or
    "20"), or a dot, slash or hyphen (and non-ASCII digits): most lines are ruled out by a
    character test instead of the pattern."""
    # (a substring test per character is cheaper than reading the line character by character)
    if not holds_any(text, _ASCII_DIGITS) and (ascii_text or not holds_any(text, _DATE_SEPS)):
        return False
    return _DATE_HINT.search(text) is not None


def _opens_with_share_head(norm: str, heads: tuple[str, ...]) -> bool:
    for head in heads:
        if norm.startswith(head) and not norm[len(head) : len(head) + 1].isalnum():
            return True
    return False


def _date_dominates(text: str, dates: list[DateMatch]) -> bool:
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    leftover = _LETTER_WORD.findall(rest)
    return len(leftover) <= 5
