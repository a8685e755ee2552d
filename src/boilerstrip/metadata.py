"""Metadata from the lines around the story: title, section, dates, byline, dateline, source, tags."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Final

import regex

from .classify import (
    K_ADVERTISEMENT,
    K_BODY,
    K_BYLINE,
    K_CAPTION,
    K_COMMENTS,
    K_DATE,
    K_LOGO,
    K_OTHER,
    K_RELATED,
    K_REPEATED,
    K_SHARE,
    K_TAGS,
    Label,
)
from .dates import (
    DateMemo,
    date_roles,
    dates_in,
    find_dates,
    find_relative,
    first_label,
    has_relative,
    written_order,
)
from .features import UnitFacts
from .kinds import Kind
from .lexicon import Lexicon, alternation, normalize
from .lines import Unit, clean_text
from .markers import marker_words

# Captions that a credit below names (the paragraph-like line above a photo credit), by rule id.
CAPTION_ABOVE: Final = frozenset({"caption.credit_below", "caption.folded_copy"})

_UNSPACED_NAME: Final = regex.compile(r"[\p{Han}\p{Hangul}\p{Katakana}\p{Hiragana}]{2,6}")
_CAPITALISED_WORD: Final = regex.compile(r"\p{Lu}\p{Ll}{2,}")
# A word of a script without capitals and with spaces between words (Arabic, Hebrew, Thai,
# Devanagari, Georgian...): after a byline opener it may be a name, as a capitalised word is.
_CASELESS_WORD: Final = regex.compile(
    r"\A(?![\p{Han}\p{Hangul}\p{Katakana}\p{Hiragana}])\p{Lo}[\p{L}\p{M}'’.-]*\Z"
)
# A brand's capitals run into lower case ("FOXBusiness", "CNNMoney"): never a word of a
# personal name, where the name stops ("By Jane Doe FOXBusiness").
_BRAND_WORD: Final = regex.compile(r"\A\p{Lu}{2,}\p{Ll}")
_TAG_SPLIT: Final = regex.compile(r"\s*(?:[,|·•;#]|\s/\s)\s*")
# The dots pages print between the parts of a byline: the middle dot, the bullet, and the
# mathematical dot and bullet operators ("By Jane Doe ⋅ Senior Editor ⋅ Updated May 6").
DOTS: Final = "·•⋅∙"
# What is stripped from the edges of a name: separators, dots and punctuation.
NAME_EDGE: Final = " ,;:-–—|" + DOTS
_BYLINE_SEP: Final = regex.compile(rf"\s+(?:\||[{DOTS}]|—|–|-)\s+|\s{{2,}}")
_DATELINE_CAPS: Final = regex.compile(
    r"\A(?P<place>[\p{Lu}][\p{Lu}\p{M}'’.\-]*(?:[ \-][\p{Lu}][\p{Lu}\p{M}'’.\-]*){0,3}"
    r"(?:,\s*\p{Lu}[\p{L}.]{0,12}(?:\s\p{Lu}[\p{L}.]{0,12})?)?)"
    r"(?:,\s*(?P<when>[\p{L}\d .]{1,20}?))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?:\.[-–—]|(?::|[-–—]{1,2})\s)\s*(?=\S)"
)
_DATELINE_AGENCY: Final = regex.compile(
    r"\A(?P<place>\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \-]\p{Lu}[\p{L}\p{M}'’.\-]*){0,3})"
    r"(?:,\s*(?P<when>[\p{L}\d .]{1,20}?))?\s*\((?P<agency>[^()\n]{2,40})\)\s*(?:\.[-–—]|(?::|[-–—]{1,2})\s)\s*(?=\S)"
)
_SOURCE_LINE: Final = regex.compile(r"\A(?P<label>[\p{L} ]{3,20}?)\s*:\s*(?P<value>.{2,120})\Z")
_INITIALS: Final = regex.compile(r"\s*/\s*\p{Ll}{1,4}\Z")
_COPYRIGHT: Final = regex.compile(
    r"\A(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<holder>[^\n]{2,60}?)\.?\Z", regex.I
)
_COPYRIGHT_FIRST: Final = frozenset("©(cC")  # the characters a `_COPYRIGHT` line can open with


def first_body(labels: list[Label | None]) -> int | None:
    for i, label in enumerate(labels):
        if label is not None and label.kind is K_BODY:
            return i
    return None


def short_runs(unit_facts: list[UnitFacts], labels: list[Label | None]) -> list[bool]:
    """Which units are in a run of three or more short unlabelled lines (a menu or link list)."""
    out = [False] * len(labels)
    run = 0  # the short lines just before unit i
    for i, (f, lab) in enumerate(zip(unit_facts, labels, strict=True)):
        if lab is None and f.words <= 4 and not f.ends_sentence:
            run += 1
            continue
        if run >= 3:
            out[i - run : i] = [True] * run
        run = 0
    if run >= 3:
        out[len(out) - run :] = [True] * run
    return out


def last_body(labels: list[Label | None]) -> int | None:
    for i in range(len(labels) - 1, -1, -1):
        label = labels[i]
        if label is not None and label.kind is K_BODY:
            return i
    return None


# ---------------------------------------------------------------- title and section
# Kinds a headline can carry before the title stage: unjudged, repeated, or taken for prose.
_TITLE_KINDS: Final = (Kind.REPEATED, Kind.OTHER, Kind.BODY)
# Kinds that sit between a headline and its story without pushing the headline away.
_BETWEEN: Final = frozenset(
    {
        Kind.DATE,
        Kind.BYLINE,
        Kind.SHARE,
        Kind.CAPTION,
        Kind.ADVERTISEMENT,
        Kind.PROMO,
        Kind.SOURCE,
        Kind.SECTION,
        Kind.LOGO,
        Kind.PLACEHOLDER,
        Kind.REPEATED,
    }
)
_TOKEN: Final = regex.compile(r"[\p{L}\p{N}]+")
_UNSPACED: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
_HAS_LINK: Final = regex.compile(r"@|https?:|www\.", regex.I)


def _has_link(text: str) -> bool:
    """`_HAS_LINK` found in `text`; every match holds "@", ":" or ".", so lines without any skip the pattern."""
    return ("@" in text or ":" in text or "." in text) and _HAS_LINK.search(text) is not None


# A translation table for ASCII texts, indexed by code point: letters and digits kept, every
# other character made a space.
_ASCII_NON_TOKEN: Final = "".join(chr(c) if chr(c).isalnum() else " " for c in range(128))


def _tokens(text: str, stoplist: frozenset[str] = frozenset()) -> set[str]:
    """Content tokens: words of 3+ letters that are not function words, or character pairs in unspaced scripts."""
    folded = text.casefold()
    if folded.isascii():  # (most lines: no unspaced script, so one set of the long words)
        # In ASCII, `_TOKEN` finds the runs of letters and digits: the words left when every
        # other character is made a space (a plain split, no pattern to run, typed tokens).
        return {
            tok
            for tok in folded.translate(_ASCII_NON_TOKEN).split()
            if (len(tok) >= 3 or tok.isdigit()) and tok not in stoplist
        }
    out: set[str] = set()
    for tok in _TOKEN.findall(folded):
        if not tok.isascii() and _UNSPACED.search(tok):
            out.update(tok[k : k + 2] for k in range(max(1, len(tok) - 1)))
        elif (len(tok) >= 3 or tok.isdigit()) and tok not in stoplist:
            out.add(tok)
    return out


def _prose_paragraphs(facts: list[UnitFacts], labels: list[Label | None], start: int) -> list[int]:
    """The first prose paragraphs of the story, which a headline's words are checked against."""
    out: list[int] = []
    for i in range(start, min(len(facts), start + 60)):
        label, f = labels[i], facts[i]
        if label is not None and label.kind is K_BODY and f.words >= 10 and f.ends_sentence:
            out.append(i)
            if len(out) >= 6:
                break
    return out


def find_title(
    units: list[Unit],
    facts: list[UnitFacts],
    labels: list[Label | None],
    start: int,
    menu: list[bool] | None = None,
    stoplist: frozenset[str] = frozenset(),
    share_words: frozenset[str] = frozenset(),
    openers: tuple[str, ...] = (),
    dates: DateMemo | None = None,
) -> int | None:
    """The headline: a short unpunctuated line above the story that the story's opening echoes.

    Scored on how many of its words the next paragraphs use, how close it sits to the
    story (dates, bylines, share rows and captions in between do not count), whether a
    date or byline follows it, whether the page repeats it, and its shape (no closing
    full stop, a headline's length). Of a headline and the standfirst below it, the
    headline is the shorter line on top.
    """
    if not units:
        return None
    prose = _prose_paragraphs(facts, labels, start)
    if not prose:
        prose = [min(start, len(units))]
    head_end = -1  # a byline or date just inside the story: the story starts after it
    for k in range(prose[0], min(len(labels), prose[0] + 6)):
        lab = labels[k]
        if lab is not None and lab.kind in (K_DATE, K_BYLINE):
            head_end = k
        elif facts[k].words <= 20 and not facts[k].ends_sentence and units[k].text[:1].isalnum():
            opening = dates_in(units[k].text, dates)  # "October 12, 2018 / 0 Comments / in News / by X"
            if opening and opening[0].start <= 2:
                head_end = k
    if head_end >= 0 and any(p > head_end for p in prose):
        prose = [p for p in prose if p > head_end]
    lead_tokens: dict[int, set[str]] = {}
    norms = [f.norm for f in facts]
    copies = Counter(norms)
    del copies[""]  # (lines without words are no copies of one another)
    scored: list[tuple[float, int]] = []
    overlaps: dict[int, float] = {}
    dated_memo: dict[int, bool] = {}
    opener_pattern = _openers(openers) if openers else None  # (fetched once, not per line)
    gap = 0
    hung = False
    for i in range(prose[0] - 1, max(-1, prose[0] - 45), -1):
        label, f = labels[i], facts[i]
        kind = label.kind if label is not None else None
        pictured = (
            kind is K_CAPTION and not f.ends_sentence and label is not None and label.rule in CAPTION_ABOVE
        )
        # a list's last item with the story's byline or date right under it, and the story right
        # after that, is the headline printed below a "Trending:" strip, not one more link of it
        nxt = labels[i + 1] if kind is K_RELATED and i + 1 < len(labels) else None
        listed_head = (
            nxt is not None
            and nxt.kind in (K_DATE, K_BYLINE)
            and prose[0] - i <= 8
            and all(_head_furniture(labels[j], facts[j]) for j in range(i + 1, prose[0]))
        )
        if kind is K_BODY and label is not None and label.rule == "body.standfirst":
            continue  # the headline is above the standfirst the body stage kept
        if kind is not None and kind not in _TITLE_KINDS and not pictured and not listed_head:
            if kind not in _BETWEEN:
                gap += 1
            continue
        text = units[i].text
        unspaced = not text.isascii() and _UNSPACED.search(text) is not None  # (the scripts are not ASCII)
        # a two-word headline only where the story's date or byline hangs from it ("Classificação
        # NASCAR" over its date line): elsewhere two words are a name or a section label
        below = labels[i + 1] if f.words == 2 and i + 1 < len(labels) else None
        hanging = below is not None and below.kind in (K_DATE, K_BYLINE)
        ok_size = (3 <= f.words <= 40 or hanging) if not unspaced else (5 <= f.chars <= 150)
        if not ok_size or f.chars > 300 or f.letter_share < 0.6 or _has_link(text):
            gap += 1
            continue
        after = [p for p in prose if i < p < len(facts)][:3]
        if not after:
            continue
        key = after[0]
        if key not in lead_tokens:
            lead_tokens[key] = _tokens("\n".join(facts[p].norm for p in after), stoplist)
        toks = _tokens(text, stoplist)
        lead = lead_tokens[key]
        overlap = len(toks & lead) / len(toks) if toks and lead else 0.0
        if f.words == 2 and not unspaced and not _two_word_headline(text, overlap, labels, facts, i, key):
            gap += 1
            continue
        score = 0.6 + 2.5 * overlap - 0.12 * min(gap, 12)
        stripped = text.rstrip(" \"'’”»)")
        full_stop = stripped.endswith((".", ":", ";", ",")) and not stripped.endswith(("...", "…"))
        if full_stop and kind is K_BODY:
            gap += 1  # a paragraph the body stage kept as a sentence stays in the story
            continue
        if full_stop:
            score -= 1.6  # headlines do not end with a full stop
        if f.words < 4 and not unspaced:
            score -= 0.4
        if f.words > 25:
            score -= 0.6
        if text.count(",") >= 3 and all(len(p.split()) <= 3 for p in text.split(",")):
            score -= 1.5  # a list of topics, not a headline
        if _is_breadcrumb(text):
            score -= 1.5  # "Home / News / 2019 / ...": the trail to the page, not its headline
        if i > 0 and facts[i - 1].norm in marker_words("flag"):
            score -= 0.3  # under "Video", "Watch": the title of a media item
        if i > 0 and facts[i - 1].norm in marker_words("media"):
            score -= 0.6  # a video or gallery label never sits over the story's own headline
        if dates_in(text, dates):
            score -= 1.5
        if text[:1] in _OPEN_BRACKETS and text.rstrip()[-1:] == _OPEN_BRACKETS[text[:1]]:
            score -= 0.6  # "<Swan Lake>", "[Live]": the name of a work or a label, not a headline
        if "." in text and _NAMES_LINE.match(text) and _conjoined_names(text):
            score -= 1.0  # "Jane Q. Doe and John Roe Daily Planet": a byline printed without an opener
        if copies.get(f.norm, 0) > 1 or (overlap >= 0.3 and _quoted_elsewhere(norms, i)):
            score += 0.25
        if menu is not None and menu[i]:
            score -= 0.6
        steps = 0
        for j in range(i + 1, min(len(labels), i + 10)):
            lab = labels[j]
            if lab is not None and lab.kind in (K_SHARE, K_COMMENTS):
                continue  # share and comment buttons between the headline and its byline
            steps += 1
            if steps > 4:
                break
            loose = lab is None or lab.kind is K_OTHER or (lab.kind is K_BODY and not facts[j].ends_sentence)
            dated = loose and facts[j].words <= 20 and _dated_line(units, facts, j, dates, dated_memo)
            if dated or (lab is not None and lab.kind in (K_DATE, K_BYLINE)):
                score += 0.6
                if j == i + 1 and not hung:
                    # the line the story's byline or date hangs from (the one nearest the story:
                    # the items of a list above it carry dates too); a kicker sits higher up
                    score += 0.4
                    hung = True
                break
        if toks and text.split(None, 1)[0].casefold() in share_words:
            score -= 1.0
        if opener_pattern is not None and opener_pattern.match(text):
            score -= 1.5  # a byline
        if pictured:
            score -= 0.2
        scored.append((score, i))
        overlaps[i] = overlap
        gap += 1
    if not scored:
        return None
    best_score, best = max(scored)
    if best_score <= 0.3:
        return None
    for score, i in scored:  # a headline right above the standfirst that was picked
        if i < best and best - i <= 2 and score > best_score - 0.9 and overlaps[i] >= 0.3:
            dated_between = any(
                labels[j] is not None and labels[j].kind in (K_DATE, K_BYLINE)  # type: ignore[union-attr]
                for j in range(i + 1, best)
            )
            shorter = facts[i].words <= facts[best].words + 2
            # the page repeats its headline (related boxes, share text), not the standfirst under it
            shorter = shorter or copies.get(facts[i].norm, 0) > copies.get(facts[best].norm, 0)
            sentence = units[i].text.rstrip(" \"'’”»)").endswith(".")
            if (shorter or dated_between) and not sentence and not (menu is not None and menu[i]):
                best = i
                break
    lower = best + 1  # "TECH REVIEWS" over "The best phones of the year": a kicker in capitals
    under = [score for score, i in scored if i == lower]
    if under and under[0] > best_score - 1.2 and _kicker_over(units, facts, best, lower):
        best = lower
    norm = facts[best].norm
    for i in range(max(0, prose[0] - 45), best):
        if facts[i].norm == norm:
            return i  # the first copy: later ones are the page repeating its headline
    return best


def _dated_line(
    units: list[Unit], facts: list[UnitFacts], j: int, dates: DateMemo | None, memo: dict[int, bool]
) -> bool:
    """True when line `j` holds a date, or is a short line with a relative one ("2 hours ago");
    kept in `memo` (one headline search asks it of the same lines for several candidates)."""
    found = memo.get(j)
    if found is None:
        text = units[j].text
        found = memo[j] = bool(dates_in(text, dates)) or (facts[j].words <= 8 and has_relative(text))
    return found


_OPEN_BRACKETS: Final = {"<": ">", "[": "]", "(": ")", "〈": "〉", "《": "》", "【": "】"}
# Capitalised words only, with a middle initial somewhere: "Jane Q. Doe ..."
_NAMES_LINE: Final = regex.compile(
    r"\A(?=.*\b\p{Lu}\p{Ll}+\s\p{Lu}\.\s\p{Lu}\p{Ll}+)(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,4})(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,4}))*\Z"
)


def _conjoined_names(text: str) -> bool:
    """True when every lower-case word of the line is a conjunction between names ("and", "und")."""
    lower = [w for w in text.split() if w[:1].islower()]
    return bool(lower) and all(w.casefold() in marker_words("conjunction") for w in lower)


def _two_word_headline(
    text: str, overlap: float, labels: list[Label | None], facts: list[UnitFacts], i: int, story: int
) -> bool:
    """A two-word line over the story's date or byline is its headline only when both words come
    back in the story's opening, the two are not shaped like a name ("Bianca Praetorius",
    "Europäische Union": an author or a kicker) and nothing but the head's furniture stands
    between it and the story (a longer headline there is the real one)."""
    if overlap < 1.0 or all(_CAPITALISED_WORD.fullmatch(word) for word in text.split()):
        return False
    return all(_head_furniture(labels[j], facts[j]) for j in range(i + 1, story))


def _head_furniture(label: Label | None, f: UnitFacts) -> bool:
    """A line of the story's head between headline and text: byline, date, share row, or a scrap."""
    return (label is not None and label.kind in _BETWEEN) or f.words <= 3


def _kicker_over(units: list[Unit], facts: list[UnitFacts], top: int, below: int) -> bool:
    """True when a short line in capitals sits over a longer headline in ordinary case."""
    text, under = units[top].text, units[below].text
    if facts[top].words > 5 or facts[below].words < facts[top].words + 2:
        return False
    if under.rstrip(" \"'’”»)").endswith((".", ":", ";", ",")):
        return False  # a standfirst under a headline set in capitals
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and any(ch.islower() for ch in under)


def _quoted_elsewhere(norms: list[str], i: int) -> bool:
    """True when another short line of the page ends with this line ("Share this on X: <headline>").

    `norms` are the normalised texts of the page's lines."""
    norm = norms[i]
    if len(norm) < 15:
        return False
    limit = len(norm) + 60
    lo, hi = max(0, i - 400), min(len(norms), i + 400)  # the page around the headline
    # (line i itself is left out by `!= norm`)
    for k in range(lo, hi):
        other = norms[k]
        if len(other) <= limit and other.endswith(norm) and other != norm:
            return True
    return False


def title_case_variant(units: list[Unit], facts: list[UnitFacts], title: int) -> str:
    """The headline's text, from a copy in ordinary case when the page also shows one in capitals."""
    text = units[title].text
    letters = [ch for ch in text if ch.isalpha()]
    if letters and not any(ch.islower() for ch in letters):
        norm = facts[title].norm
        folded = text.casefold()
        for u, f in zip(units, facts, strict=True):
            if f.norm == norm and u.text != text and any(ch.islower() for ch in u.text):
                return u.text
        for u in units:  # "Share this story: <headline>", "More on: <headline>"
            tail = u.text[-len(text) :] if len(u.text) > len(text) else ""
            if tail.casefold() == folded and any(ch.islower() for ch in tail):
                return tail
    return text


# Separator marks a headline line can carry at its edges from the menu or breadcrumb it sits
# in ("|Nachhaltigkeit im Onlineshop", "›EU-Taxonomie: ...", "Mezcal Bar & Kitchen,").
_TITLE_EDGE: Final = " |/·•,;:"
# Marks that quote a headline when their partner is in it too (»Quote«, «Quote», ‹Quote›),
# and point at it like an arrow when alone.
_PAIRED: Final = {"›": "‹", "‹": "›", "»": "«", "«": "»", "<": ">"}


def _edge_marks(text: str) -> str:
    """The headline without separator marks and lone arrows at its edges."""
    while True:
        stripped = text.strip(_TITLE_EDGE)
        if stripped[:1] in _PAIRED and _PAIRED[stripped[:1]] not in stripped:
            stripped = stripped[1:]
        if stripped[-1:] in _PAIRED and _PAIRED[stripped[-1:]] not in stripped[:-1] and stripped[-1:] != ">":
            stripped = stripped[:-1]
        if stripped == text or not stripped:
            return text if not stripped else stripped
        text = stripped


_CRUMB_SPLIT: Final = regex.compile(r"\s*(?:>|›|»|→|/|\|)\s*")
_LABEL_END: Final = regex.compile(r"[:>»›|/…]\s*\Z|\d")


def find_section(
    facts: list[UnitFacts], labels: list[Label | None], title: int, units: list[Unit] | None = None
) -> int | None:
    """A lone category label just above the headline (often a copy of a menu item)."""
    copies: dict[str, int] = {}
    for f in facts[: title + 1]:
        copies[f.norm] = copies.get(f.norm, 0) + 1
    for i in range(title - 1, max(-1, title - 4), -1):
        label, f = labels[i], facts[i]
        if label is not None and label.kind in (K_SHARE, K_ADVERTISEMENT, K_LOGO, K_DATE):
            continue
        free = label is None or label.kind in (K_REPEATED, K_OTHER)
        text = units[i].text if units is not None else f.norm
        if free and 1 <= f.words <= 3 and f.chars <= 30 and not f.ends_sentence and f.letter_share >= 0.6:
            if _LABEL_END.search(text):
                return None  # "Author:", "Blog >": a label of something else, or a counter
            before = facts[i - 1] if i > 0 else None
            free_before = i > 0 and (labels[i - 1] is None or labels[i - 1].kind is K_REPEATED)  # type: ignore[union-attr]
            apart = units is not None and units[i].blank_before
            if free_before and before is not None and before.words <= 3 and not apart:
                return None  # the last item of a menu, not a lone label
            if f.words > 1 and copies.get(f.norm, 0) < 2 and not text.isupper():
                return None  # several words seen once: more likely a link or a button than a category
            return i
        return None
    return None


def _is_breadcrumb(text: str) -> bool:
    if len(text) > 160 or not any(sep in text for sep in (">", "›", "»", "→", " / ")):
        return False
    parts = [p for p in _CRUMB_SPLIT.split(text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts[:-1])


def breadcrumb_section(units: list[Unit], labels: list[Label | None], title: int) -> tuple[int, str] | None:
    """The last category of a breadcrumb trail above the headline ("Home > World > Europe")."""
    for i in range(title - 1, max(-1, title - 8), -1):
        text = units[i].text
        if len(text) > 120 or not any(sep in text for sep in (">", "›", "»", "→")):
            continue
        parts = [p for p in _CRUMB_SPLIT.split(text) if p]
        if not 2 <= len(parts) <= 6 or any(len(p.split()) > 4 for p in parts):
            continue
        last = parts[-1]
        if normalize(last) == normalize(units[title].text) and len(parts) > 2:
            last = parts[-2]
        return i, last
    return None


# ---------------------------------------------------------------- dates
# Kinds whose lines can carry the story's date; captions, links and legal lines never do.
_DATE_KINDS: Final = frozenset(
    {Kind.DATE, Kind.BYLINE, Kind.OTHER, Kind.BODY, Kind.SOURCE, Kind.SECTION, Kind.REPEATED}
)


def find_dates_meta(
    units: list[Unit],
    labels: list[Label | None],
    anchor: int,
    body_start: int,
    facts: list[UnitFacts] | None = None,
    reference: date | datetime | None = None,
    language: str | None = None,
    body_end: int | None = None,
    dates: DateMemo | None = None,
) -> tuple[tuple[int, date | datetime] | None, tuple[int, date | datetime] | None]:
    """Published and updated: dates on short lines around the headline, nearest first.

    Lines below the headline count before lines above it. A date preceded by an update label
    ("Updated", "Aktualisiert", "mis à jour") is the update time; when a page shows only an
    update time, it also stands for the publication. Relative dates ("2 hours ago",
    "gestern") are resolved against `reference` and are unknown without it.
    """
    lo = max(0, anchor - 12)
    hi = min(len(units), max(body_start, anchor) + 15)
    # the dates under a comment section's heading after the story are the readers' ("4 comments",
    # "Jane May 2, 2019"); a comment count in the story's head is only a link to them
    after = body_end if body_end is not None else max(body_start, anchor)
    comments = next(
        (
            i
            for i in range(after + 1, len(units))
            if (lab := labels[i]) is not None and lab.kind is K_COMMENTS and lab.heading
        ),
        len(units),
    )
    window: list[int] = []
    for i in range(comments):
        label = labels[i]
        kind = label.kind if label is not None else None
        if kind is not None and kind not in _DATE_KINDS:
            continue
        labelled = kind in (K_DATE, K_BYLINE)
        if not (lo <= i < hi or (labelled and (body_end is None or i <= body_end + 3))):
            continue  # dates under the story belong to comments and other stories
        if facts is not None:
            f = facts[i]
            if f.words > 30 or (f.ends_sentence and f.words > 12 and not labelled):
                continue
        window.append(i)

    def distance(i: int) -> float:
        d = (i - anchor) if i >= anchor else 1.5 * (anchor - i)
        return d if lo <= i < hi else 1000.0 + i

    day_first = _day_first(units, window, language)
    published: tuple[int, date | datetime] | None = None
    updated: tuple[int, date | datetime] | None = None
    for i in sorted(window, key=distance)[:60]:  # the nearest lines; far ones never decide
        text = units[i].text
        found = dates_in(text, dates, day_first=day_first)
        if reference is not None:
            found = [d for d in found if _not_after(d.value, reference)]
            if not found:
                rel = find_relative(text, reference)
                found = [rel] if rel is not None else []
        if not found:
            continue
        roles = date_roles(text, found)
        for d, role in zip(found, roles, strict=True):
            if role == "other":
                continue  # not the page's date: an offer's end, a deadline, a last visit
            if role == "updated":
                if updated is None:
                    updated = (i, d.value)
            elif published is None:
                published = (i, d.value)
            elif (
                not isinstance(published[1], datetime)
                and isinstance(d.value, datetime)
                and d.value.date() == published[1]
            ):
                published = (i, d.value)
        if published is not None and isinstance(published[1], datetime) and updated is not None:
            break
    if published is None and updated is not None:
        published = updated
    return published, updated


def _not_after(value: date | datetime, reference: date | datetime) -> bool:
    ref = reference.date() if isinstance(reference, datetime) else reference
    day = value.date() if isinstance(value, datetime) else value
    return day <= ref + timedelta(days=1)


def _day_first(units: list[Unit], window: list[int], language: str | None) -> bool | None:
    """Order of numeric dates on this page: what an unambiguous one says (13/12/2025 or
    12/13/2025), else the page's language (month first only in English). In English, a page
    that writes most of its dates with a month's name day first ("31 January 2023", British)
    writes its numeric ones day first too: its "03/10/2023" is the 3rd of October."""
    ambiguous = False
    for i in window:
        text = units[i].text
        if not any(ch.isdigit() for ch in text):
            continue
        for m in _NUMERIC_DATE.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
            ambiguous = True
    if language is not None and language != "en":
        return True
    if not ambiguous:
        return None  # (no numeric date to read: the written ones need not be counted)
    orders = Counter(written_order(units[i].text) for i in window)
    return True if orders[True] > orders[False] else None


_NUMERIC_DATE: Final = regex.compile(
    r"(?<![\d.:/])(?P<a>[0-3]?\d)[./-](?P<b>[0-3]?\d)[./-](?:19|20)?\d\d(?![\d/])"
)


# ---------------------------------------------------------------- byline
_PHONE_SOURCE: Final = r"\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}"
_HANDLE: Final = regex.compile(r"@[\w.]+|\S+@\S+\.\w+|https?://\S+|www\.\S+|" + _PHONE_SOURCE)
_PHONE: Final = regex.compile(_PHONE_SOURCE)


def _handles(text: str) -> regex.Pattern[str]:
    """`_HANDLE`, or for a text without "@", "http" and "www." (most lines) the one alternative of
    it that can match there, a phone number: the same matches, without trying `\\S+@` at every word."""
    if "@" in text or "http" in text or "www." in text:
        return _HANDLE
    return _PHONE


_GLUED_ORG: Final = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}{2,}\p{L}*\b)")
_NAME_STOP: Final = regex.compile(rf"\s+(?:\||[{DOTS}]|—|–|-|/)\s+|\s{{2,}}|\s*[(\[]")


# A space (a no-break one in French typography) between an opener's word and its colon.
_SPACE_BEFORE_COLON: Final = r"[^\S\n]?:"
_SPACED_COLON: Final = regex.compile(r"[^\S\n]+:\Z")


def opener_alternation(openers: Iterable[str]) -> str:
    """Byline openers ("By", "Von", "Texto:") as one alternation, the longest first; a space
    inside one matches any white space, a colon may follow a space as French prints it
    ("Auteur : Jean Dupont"), and an opener that is a word must end where a word ends ("By"
    does not open "Byron")."""
    alts = []
    for opener in sorted(set(openers), key=lambda w: (-len(w), w)):
        escaped = alternation((opener,), spaces=True)
        if opener.endswith(":"):
            alts.append(escaped[:-1] + _SPACE_BEFORE_COLON)
        else:
            alts.append(escaped if opener.endswith(("：", "／")) else escaped + r"(?![\p{L}])")
    return "|".join(alts) or "(?!)"


@functools.cache
def _openers(openers: tuple[str, ...]) -> regex.Pattern[str]:
    """Byline openers ("By", "Von", "Texto:") at the start of a line, as one pattern."""
    return regex.compile(r"\A(?:" + opener_alternation(openers) + ")", regex.I)


def is_opener(text: str, lexicon: Lexicon) -> bool:
    """True for a line that is a byline opener alone ("By", "Von", "Texto:")."""
    stripped = text.strip()
    if len(stripped) > 16:
        return False  # (casefolding never makes a text shorter)
    folded = _SPACED_COLON.sub(":", stripped.casefold())
    return len(folded) <= 16 and (folded in lexicon.opener_set or folded + ":" in lexicon.opener_set)


def after_opener(text: str, lexicon: Lexicon) -> str | None:
    """What follows the byline opener a line starts with ("By News Desk" gives "News Desk"),
    or None when the line does not start with one."""
    if text[:2].casefold() not in lexicon.opener_heads:
        return None
    m = _openers(lexicon.byline_openers).match(text)
    return text[m.end() :] if m is not None else None


def parse_byline(
    text: str, lexicon: Lexicon, stoplist: frozenset[str] = frozenset(), dates: DateMemo | None = None
) -> tuple[tuple[str, ...], str | None] | None:
    """(authors, agency) from a byline ("By Jane Doe and John Roe", "Von Max Mustermann",
    "Texto: ...", "Jane Doe, Reuters"), or None when the text is not one."""
    if len(text) > 200:
        return None
    if text[:1].isdigit():  # "5:45 AM PST 11/19/2019 by Jane Doe"
        lead = dates_in(text, dates)
        if lead and lead[0].start <= 2:
            text = text[lead[0].end :].lstrip(" ,|-–—·:")
    rest = after_opener(text, lexicon)
    if rest is None:
        return _suffix_byline(text)
    text = _handles(text).sub(" ", text).strip()
    rest = _handles(rest).sub(" ", rest).strip(" :")
    found = dates_in(text, dates)
    cut = len(text) - len(rest)
    for d in found:
        if d.start > cut:
            rest = before_date(rest[: d.start - cut], stoplist)
            break
    label = first_label(rest)  # "By Jane Doe Updated Nov. 19"
    if label is not None:
        rest = rest[:label]
    names, agency = _names(rest, lexicon, stoplist)
    if not names and agency is None:
        single = _single_name(rest, stoplist)
        if single is None:
            return None
        names = (single,)
    return names, agency


def before_date(text: str, stoplist: frozenset[str]) -> str:
    """A byline's text up to its date, without the function words that lead into the date
    ("By Jane Doe On 11/13/19", "Von Max Muster am 3. Mai"): a name does not end with one. Two
    words stay, as in `authors`' trimming ("By Jane Will On May 3" keeps "Jane Will")."""
    text = text.rstrip()
    while len(text.split()) > 2:
        head, _, last = text.rpartition(" ")
        if last.casefold() not in stoplist:
            break
        text = head.rstrip()
    return text


def declared_names(value: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The people an author string declared in a page's markup names, read as a byline is:
    "By Jane Doe, Reuters" and "JANE DOE, AP Writer" give ("Jane Doe",); an organisation, a
    role, a one-word account ("admin") or a URL gives nothing."""
    parsed = parse_byline(value, lexicon)
    if parsed is not None and parsed[0]:
        return parsed[0]
    return _names(value, lexicon, frozenset())[0]


@functools.cache
def _suffix_pattern() -> regex.Pattern[str]:
    words = alternation(marker_words("byline_suffix"))
    return regex.compile(
        rf"\A(?P<name>\p{{L}}{{2,12}}(?:\s\p{{L}}{{1,12}})?)\s*(?:{words})(?=\s|\Z|[|,、=/·])", regex.I
    )


@functools.cache
def _name_split() -> regex.Pattern[str]:
    """Separators between names in a byline: commas, semicolons and the conjunctions in data."""
    words = sorted(marker_words("conjunction"), key=len, reverse=True)
    spelled = "|".join(rf"(?<![\p{{L}}]){regex.escape(w)}(?![\p{{L}}])" for w in words if w.isalpha())
    symbols = "".join(regex.escape(w) for w in words if not w.isalpha())
    return regex.compile(rf"\s*(?:[,;{symbols}]|{spelled})\s*")


@functools.cache
def _name_word() -> regex.Pattern[str]:
    """One word of a personal name: capitalised, an initial, or a lower-case particle from data."""
    particles = alternation(marker_words("particle"))
    return regex.compile(rf"\A(?:\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*|\p{{Lu}}\.|(?:{particles}))\Z")


@functools.cache
def _reporting() -> regex.Pattern[str]:
    """A wire credits line: "(Reporting by ...; Editing by ...)", "(Con información de EFE)"."""
    alts = alternation(marker_words("reporting"), spaces=True)
    return regex.compile(
        rf"\A(?:[(\[]\s*(?:{alts})\b.{{2,300}}[)\]]|(?:{alts})(?<=\bby)\b.{{2,300}})\Z", regex.I
    )


@functools.cache
def _suffix_words(ascii_text: bool) -> tuple[str, ...]:
    """The byline suffixes a text can hold: for an ASCII text only the ASCII ones (the suffixes
    are Chinese, Japanese and Korean words, so most lines test none)."""
    return tuple(sorted(w for w in marker_words("byline_suffix") if w.isascii() or not ascii_text))


def _suffix_byline(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """(authors, None) from a byline whose marker follows the name ("山田太郎 記者", "홍길동 기자")."""
    if len(text) > 60:
        return None
    for word in _suffix_words(text.isascii()):  # (for most lines: none to test)
        if word in text:
            break
    else:
        return None
    m = _suffix_pattern().match(text.strip())
    if m is None:
        return None
    return (m.group("name"),), None


def _single_name(rest: str, stoplist: frozenset[str]) -> str | None:
    """A one-word name after an explicit opener ("written by Regan"); never a CMS account in
    capitals, a function word or a role."""
    word = rest.strip(" .,;:|-–—")
    if _UNSPACED_NAME.fullmatch(word):
        return word  # a name in an unspaced script ("記者 王小明")
    if not _CAPITALISED_WORD.fullmatch(word):
        return None
    folded = word.casefold()
    if folded in stoplist or folded in marker_words("role") or folded in marker_words("org"):
        return None
    return word


def parse_name_line(
    text: str, lexicon: Lexicon, stoplist: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], str | None] | None:
    """(authors, agency) from a byline without an opener, as pages print it next to the
    headline: "Jane Doe", "Jane Doe, Reuters", "Jane Doe and John Roe, Associated Press",
    "Jane Doe - Nov 19, 2019". None unless the line is only names, an organisation or role,
    and a date."""
    if len(text) > 120 or _handles(text).search(text) or first_label(text) is not None:
        return None  # "Published Tue, Nov 19": a date label, not a name
    found = find_dates(text)
    if found:
        if found[0].start < 5:
            return None
        text = text[: found[0].start]
    head = _NAME_STOP.split(text, maxsplit=1)[0].strip(" ,;:-–—|")
    words = head.split()
    if not (2 <= len(words) <= 12) or words[0].casefold() in marker_words("article"):
        return None  # "Der Turm der Wünsche", "The Water Coolest": a name never starts with an article
    names, agency = _names(head, lexicon, stoplist, strict=True)
    if not names:
        return None
    return names, agency


def find_name_line(
    units: list[Unit],
    facts: list[UnitFacts],
    labels: list[Label | None],
    title: int,
    body_start: int,
    lexicon: Lexicon,
    stoplist: frozenset[str],
    menu: list[bool] | None = None,
) -> tuple[int, tuple[tuple[str, ...], str | None]] | None:
    """A byline printed without an opener: a names-only line just below the headline, or
    next to the story's date line."""
    norm = facts[title].norm
    copies = [title] + [j for j in range(title + 1, min(len(units), body_start + 3)) if facts[j].norm == norm]
    flags = marker_words("flag")
    for copy in copies:  # under the headline, or under the copy of it nearest the story
        hi = min(len(units), max(body_start, copy + 1) + 3, copy + 12)
        above = list(range(max(0, copy - 3), copy)) if copy != title else []
        for i in [*range(copy + 1, hi), *above]:
            label = labels[i]
            if label is not None and label.kind not in (K_OTHER, K_DATE, K_REPEATED):
                continue
            near_date = any(
                labels[j] is not None and labels[j].kind is K_DATE
                for j in (i - 2, i - 1, i + 1, i + 2)
                if 0 <= j < len(labels)
            )
            if (i > copy + 4 or i < copy) and not near_date and (label is None or label.kind is not K_DATE):
                continue  # far from the headline: only next to the story's date line
            if facts[i].words > 14 or (menu is not None and menu[i]):
                continue
            text = units[i].text
            if text.split(None, 1)[0].casefold() in flags:
                continue
            parsed = parse_name_line(text, lexicon, stoplist)
            if parsed is not None:
                return i, parsed
    return None


def _names(
    rest: str, lexicon: Lexicon, stoplist: frozenset[str], strict: bool = False
) -> tuple[tuple[str, ...], str | None]:
    """Names split from the part of a byline after its opener; agencies, organisations and
    roles set aside. With `strict`, any part that is neither makes the whole line not a byline."""
    rest = _GLUED_ORG.sub(", ", rest)
    rest = _BYLINE_SEP.split(rest)[0] if not strict else rest
    canonical = lexicon.agency_names
    agencies = canonical.keys()
    roles = marker_words("role")
    orgs = marker_words("org")
    names: list[str] = []
    agency: str | None = None
    after_org = False
    for index, raw in enumerate(_name_split().split(rest)):
        part = raw.strip(" .,;:")
        if not part:
            continue
        folded_words = [w.casefold().strip(".") for w in part.split()]
        if after_org and names:
            break  # "Jane Doe, BBC News, New York": what follows the organisation is a place or a role
        if part.casefold() in agencies:
            if part.casefold() not in roles:  # "By Staff": no name, and no source either
                agency = agency or canonical.get(part.casefold(), part)
            after_org = True
            continue
        if any(w in roles or w in orgs for w in folded_words) or (
            folded_words and folded_words[0] in agencies
        ):
            if index == 0 and strict:
                return (), None
            if agency is None and folded_words and folded_words[0] in agencies:
                agency = canonical.get(folded_words[0], part.split()[0])
            after_org = True
            continue
        words = part.split()
        taken: list[str] = []
        for w in words:
            # (a names-only line, `strict`, takes capitalised words only: in a script without
            # capitals any short line would read as names)
            name_like = _name_word().match(w) or (not strict and _CASELESS_WORD.match(w))
            if not name_like or any(ch.isdigit() for ch in w) or _BRAND_WORD.match(w):
                break
            taken.append(w)
        # A word of a script without capitals after an opener is read as a name even when the
        # language's stoplist holds it: jusText's Arabic list holds "محمد" and "علي".
        # The stop words among the name's words; a word of a script without capitals is not one:
        # after an opener it is a name even when the stoplist holds it (jusText's Arabic list
        # holds "محمد" and "علي").
        stops = {w for w in taken if w.casefold() in stoplist and not _CASELESS_WORD.match(w)}
        while taken and taken[-1] in stops and not taken[-1].istitle():
            taken.pop()  # "JANE DOE ON 11/13/19"
        function_word = bool(taken) and (
            taken[-1] in stops  # "Learn More", "Sign Up": a surname is not a function word
            or any(w in stops and len(w) <= 3 and w.casefold() not in marker_words("particle") for w in taken)
        )
        if strict and (len(taken) != len(words) or function_word):
            if index == 0 or not names:
                return (), None
            continue
        surname = taken[-1].strip(".") if taken else ""
        opens = bool(taken) and (
            taken[0][:1].isupper() or (not strict and bool(_CASELESS_WORD.match(taken[0])))
        )
        if not (2 <= len(taken) <= 5) or not opens or len(surname) < 2:
            # a one-letter last word is an initial or a button ("Print X"), never a surname
            if strict and index == 0:
                return (), None
            continue
        if any(w in stops for w in taken[1:-1]) and not all(
            w.casefold() in marker_words("particle") for w in taken[1:-1] if w.casefold() in stoplist
        ):
            continue
        name = " ".join(taken)
        if name.isupper():
            name = " ".join(w.capitalize() for w in taken)
        names.append(name)
    return tuple(dict.fromkeys(names)), agency


# ---------------------------------------------------------------- dateline and source
def parse_dateline(paragraph: str) -> tuple[str, str | None] | None:
    """(place, agency) from the opening of the first paragraph ("VILNIUS:", "LONDON (Reuters) -")."""
    head = paragraph[:120]
    m = _DATELINE_CAPS.match(head)
    if m:
        place = m.group("place").strip()
        letters = [ch for ch in place if ch.isalpha()]
        if place.casefold().rstrip(",") in marker_words("flag") or first_label(place) is not None:
            return None  # "BREAKING:", "PUBLISHED:": a label, not a place
        if len(letters) >= 3 and all(ch.isupper() for ch in letters):
            return place.rstrip(","), (m.group("agency") or None)
    m = _DATELINE_AGENCY.match(head)
    if m:
        return m.group("place").strip(), m.group("agency")
    return None


_LEAD_AGENCY: Final = regex.compile(
    r"\A[(\[](?P<agency>[^()\[\]\n]{2,30})[)\]](?P<gap>\s*(?:[-–—:]{1,2}\s*)?)(?=\p{L}|[\"“‘])"
)


def lead_agency(paragraph: str, lexicon: Lexicon) -> str | None:
    """The agency a story opens with when it gives no place: "(CNN)President...", "(AP) — The..."."""
    m = _LEAD_AGENCY.match(paragraph[:60])
    if m is None:
        return None
    agency = str(m.group("agency")).strip()
    known = lexicon.agency_names
    letters = [ch for ch in agency if ch.isalpha()]
    marked = m.group("gap").strip() != "" or m.group("gap") == ""  # "(CNN)The", "(XYZ) - The"
    if agency.casefold() in known or (
        marked and 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters)
    ):
        return agency
    return None


def parse_source(text: str, lexicon: Lexicon) -> str | None | bool:
    """The source named by a "Source: X" / "(Reporting by ...)" / "© AFP" line.

    Returns the value, True for a source line that names no single source, None for other lines."""
    if len(text) > 300:
        return None
    m = _SOURCE_LINE.match(text) if ":" in text else None
    if m and m.group("label").strip().casefold() in lexicon.source_labels:
        value = _INITIALS.sub("", m.group("value")).strip(" .")
        if _has_link(value) or value.startswith(("(", "[")):
            return True  # a link or a list of references: a source line, but no name to report
        return value or True
    # (a credits line opens with a bracket or names someone "by": other lines skip the pattern)
    if (text[:1] in "([" or "by" in text.lower()) and _reporting().match(text):
        return True
    m = _COPYRIGHT.match(text) if text[:1] in _COPYRIGHT_FIRST else None
    holder = str(m.group("holder")).strip() if m else ""
    if holder in lexicon.agencies and holder.casefold() not in marker_words("photo_agency"):
        return holder
    return None


# ---------------------------------------------------------------- tags
def split_tags(text: str, body: str) -> tuple[str, ...]:
    """Tags from one line: on separators, or, for run-together words, on phrases the story uses."""
    text = text.strip(" ,;|·•#/")
    parts = [p.strip() for p in _TAG_SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        return tuple(dict.fromkeys(parts))
    tokens = text.split()
    if len(tokens) <= 4:  # a short line is one tag ("Government and politics")
        return (text,) if text else ()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + 5), i, -1):
            phrase = " ".join(tokens[i:j])
            if j - i == 1 or regex.search(r"(?<!\w)" + regex.escape(phrase) + r"(?!\w)", body):
                out.append(phrase)
                i = j
                break
    return tuple(dict.fromkeys(out))


def find_tags(
    units: list[Unit],
    facts: list[UnitFacts],
    labels: list[Label | None],
    lexicon: Lexicon,
    start: int | None,
    end: int | None,
    body: str,
) -> tuple[list[str], int | None]:
    """The story's tags, labelled, and the first line that lists them: the short lines right
    under a tags heading ("Topics", "Tags:") that is not above the story, until a sentence, a
    long line, the share row or other furniture. A line a rule called a menu is taken when it
    lists several (a separated list right under the heading is the tags, not a menu). The
    first heading that gives tags is the one read."""
    tags: list[str] = []
    first: int | None = None
    for i, lab in enumerate(labels):
        if lab is None or lab.kind is not K_TAGS or (end is not None and i < (start or 0)):
            continue
        j = i + 1
        while j < len(units) and j <= i + 6:
            f = facts[j]
            kind_j = labels[j].kind if labels[j] is not None else None  # type: ignore[union-attr]
            listed = kind_j is Kind.NAVIGATION and len(split_tags(units[j].text, "")) > 1
            if kind_j not in (None, Kind.OTHER, Kind.REPEATED) and not listed:
                break
            if f.words > 15 or f.ends_sentence or f.letter_share < 0.5:
                break
            opening = f.norm.split(" ", 1)[0]
            if opening in lexicon.share_words or lexicon.phrase_kind(f.norm, f.words) is not None:
                break  # the share row or the furniture after the list
            labels[j] = Label(Kind.TAGS, "topic list after a tags heading", rule="tags.list")
            tags.extend(split_tags(clean_text(units[j].text), body))
            first = j if first is None else first
            j += 1
        if tags:
            break
    return tags, first


def mark_bylines_and_sources(
    units: list[Unit],
    unit_facts: list[UnitFacts],
    labels: list[Label | None],
    lexicon: Lexicon,
    dates: DateMemo | None = None,
) -> dict[int, tuple[tuple[str, ...], str | None]]:
    """Label byline lines ("By Jane Doe", or "By" alone with the name below it) and lines naming
    the story's source; return {unit: (authors, agency)} for the bylines (as `parse_byline`)."""
    bylines: dict[int, tuple[tuple[str, ...], str | None]] = {}
    for i, unit in enumerate(units):
        label = labels[i]
        if unit_facts[i].words > 40:
            continue
        if (label is None or label.kind is K_DATE) and unit_facts[i].words <= 24:  # longer: a paragraph
            parsed = parse_byline(unit.text, lexicon, dates=dates)
            if parsed is not None and not parsed[0] and parsed[1] is None:
                parsed = None
            if parsed is None and i + 1 < len(units) and is_opener(unit.text, lexicon):
                # "By" alone, the name on the next line (an inline link cut the byline)
                joined = parse_byline(f"{unit.text} {units[i + 1].text}", lexicon, dates=dates)
                if (
                    joined is not None
                    and joined[0]
                    and labels[i + 1] is None
                    and unit_facts[i + 1].words <= 12
                ):
                    labels[i] = Label(Kind.BYLINE, "a byline opener", rule="byline.opener")
                    labels[i + 1] = Label(
                        Kind.BYLINE, "a byline, its opener on the line above", rule="byline.opener_above"
                    )
                    bylines[i + 1] = joined
                    continue
            if parsed is not None:
                bylines[i] = parsed
                if label is None:
                    labels[i] = Label(Kind.BYLINE, "a byline", rule="byline.parsed")
                continue
        if label is None or label.kind is K_RELATED:
            src = parse_source(unit.text, lexicon)
            if src is not None:
                labels[i] = Label(Kind.SOURCE, "names the story's source", rule="source.line")
    return bylines
