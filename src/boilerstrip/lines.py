"""Text to lines and units. A unit is one line, or several lines rejoined when a naive
text dump cut a paragraph at its inline tags ("The " / "Steelers" / " spent Monday ")."""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

from .lexicon import holds_any
from .markers import marker_words

_NEWLINE: Final = regex.compile(r"\r\n|\r|\n")
_EDGE_SPACE: Final = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff\u200b"
_CONTROL: Final = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INNER_SPACE: Final = regex.compile(r"[\s\u00a0\u200b\ufeff]+")
# Used with .match(text, pos, endpos), which anchors at pos already (a "\A" never matches there).
_CONTINUES: Final = regex.compile(r"[ \t\u00a0]*[,.;:!?)\]}%\u2019\u201d]|[ \t\u00a0]+\p{Ll}")
_CONTINUE_MARKS: Final = frozenset(",.;:!?)]}%\u2019\u201d")
_CONTINUE_OPENERS: Final = _CONTINUE_MARKS | frozenset(" \t\u00a0")
# The marks that end a sentence (`features` reads a unit's end by them too): Latin, the ellipsis,
# the Arabic question mark, the Urdu full stop, danda and double danda, Khmer khan, Burmese,
# Tibetan shad, Ethiopic and Armenian full stops; and the CJK ones, which no space follows.
FULL_STOPS: Final = ".!?\u2026\u061f\u06d4\u0964\u0965\u17d4\u17d5\u104b\u0f0d\u1362\u0589"
CJK_FULL_STOPS: Final = "\u3002\uff01\uff1f"
_TERMINAL: Final = regex.compile("[:;" + FULL_STOPS + CJK_FULL_STOPS + r"][\"'\u2019\u201d\u00bb)\]]*\s*\Z")


class Line(NamedTuple):
    """One non-blank line of the input: offsets of its text without edge whitespace."""

    number: int  # 1-based line number in the input
    start: int
    end: int
    raw_start: int  # offsets including edge whitespace (for fragment joining), less the
    raw_end: int  # indentation and trailing space that nine lines in ten share
    blank_before: bool


class Unit(NamedTuple):
    """The thing that gets a kind: one line, or consecutive fragment lines of one paragraph
    (a tuple: thousands are built per page)."""

    index: int  # type: ignore[assignment]  # (shadows tuple.index, which nothing here uses)
    line: int  # number of its first line
    start: int
    end: int
    text: str  # whitespace collapsed
    blank_before: bool
    lines: int = 1


# `_new(Unit, (...))` builds the named tuple directly: its generated `__new__` is a Python
# function around this same call, and a page builds thousands of lines and units.
_new: Final = tuple.__new__


# One line in this many may go without the page's indentation (a headline at the margin).
_INDENT_SHARE: Final = 10


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` with their offsets (linear in the input size); the line
    of a page flattened onto one line, one sentence at a time (`_flattened`)."""
    return _flattened(text, _dedent(_split_plain(text) if "\r" not in text else _split_any(text)))


# A line this long that holds this share of the page's text is a page flattened onto one line
# (a scraper that joined the page's strings with spaces, a CSV or JSON field with its newlines
# taken out): its menus, headline and story can only be told apart one sentence at a time.
_FLAT_MIN_CHARS: Final = 2000
_FLAT_SHARE: Final = 0.5
# A shorter page flattened so: a line this long among this many lines at most.
_FLAT_SHORT_CHARS: Final = 500
_FLAT_SHORT_LINES: Final = 3
# More than this share of these characters: code or data, not a flattened page.
_CODE_MARKS: Final = '{}[]"<>=\\|;'
_CODE_SHARE: Final = 0.02
# A flattened line with this many line breaks written as "\n" is cut there instead (the
# escapes, and the spaces around them, belong to no line).
_ESCAPED_MIN: Final = 3
_ESCAPED_BREAK: Final = regex.compile(r"\s*(?:(?:\\r)?\\n\s*)+")
# Where a flattened line is cut: after a sentence's closing mark (then closing quotes or
# brackets) and spaces, before what can open a sentence; after a CJK full stop.
_SENTENCE_BREAK: Final = regex.compile(
    "(?<=["
    + FULL_STOPS
    + r"""][\"'\u2019\u201d\u00bb)\]]*)\s+(?=[\p{Lu}\p{Lt}\p{Lo}\d\"'\u201c\u2018\u00ab(\[])
      | (?<=["""
    + CJK_FULL_STOPS
    + "])(?=\\S)",
    regex.VERBOSE,
)


def _flattened(text: str, lines: list[Line]) -> list[Line]:
    """The lines, a flattened page's long line cut into its sentences: each a line of its own,
    under the same line number (a story printed as one long paragraph stays whole, for the
    paragraphs of the body join the kept sentences of one line again: `extract._paragraphs`)."""
    total = sum(ln.end - ln.start for ln in lines)
    longest = max(lines, key=lambda ln: ln.end - ln.start, default=None)
    if longest is None:
        return lines
    size = longest.end - longest.start
    if not (
        size >= max(_FLAT_MIN_CHARS, _FLAT_SHARE * total)
        or (size >= _FLAT_SHORT_CHARS and len(lines) <= _FLAT_SHORT_LINES)
    ):
        return lines
    line = text[longest.start : longest.end]
    escaped = line.count("\\n")  # line breaks written as "\n" (a JSON string read as text)
    if sum(map(line.count, _CODE_MARKS)) - escaped > _CODE_SHARE * len(line):
        return lines  # a script's data or a style sheet, which the rules read whole
    breaks = _ESCAPED_BREAK if escaped >= _ESCAPED_MIN else _SENTENCE_BREAK
    out: list[Line] = []
    for ln in lines:
        if ln is not longest:
            out.append(ln)
            continue
        # the pieces between the breaks, and whether each follows a blank line (two escaped breaks)
        cuts, blanks = [ln.start], [ln.blank_before]
        for m in breaks.finditer(text, ln.start, ln.end):
            cuts += [m.start(), m.end()]
            blanks.append(m.group().count("\\n") > 1)
        cuts.append(ln.end)
        for a, b, blank in zip(cuts[::2], cuts[1::2], blanks, strict=True):
            if breaks is _ESCAPED_BREAK:  # (the breaks took the spaces around them)
                if a < b:
                    out.append(_new(Line, (ln.number, a, b, a, b, blank)))
                continue
            for lo, hi in _items(text, a, b):
                out.append(_new(Line, (ln.number, lo, hi, lo, hi, ln.blank_before and lo == ln.start)))
    return out


def segment_end(text: str, unit: Unit, next_start: int) -> int:
    """Where the segment of `unit` ends: at its last character, or past the line breaks written
    as "\\n" that follow it (`_flattened` cut there), so that every character of the input is
    in a segment or is a space."""
    gap = text[unit.end : next_start]
    if "\\n" not in gap or not _ESCAPED_BREAK.fullmatch(gap):
        return unit.end
    return unit.end + len(gap.rstrip())


def run_on(text: str, prev: Unit, unit: Unit) -> bool:
    """Whether `unit` goes on `prev`'s input line with only spaces between them: two sentences
    (or a menu's words) of a line `_flattened` cut, not two lines (a line break written as
    "\\n" between them is one)."""
    return prev.line == unit.line and not text[prev.end : unit.start].strip()


# A "sentence" of a flattened line of this many words, this share of whose words (of those
# that open with a letter) are capitalised, is mostly a menu or a list of headlines run
# together; the sentence that may end it has this many words at least and this share of them
# capitalised at most.
_RUN_WORDS: Final = 40
_RUN_CAPITALS: Final = 0.5
_TAIL_WORDS: Final = 4
_TAIL_CAPITALS: Final = 0.34
_WORD_SPAN: Final = regex.compile(r"\S+")


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of one sentence of a flattened line: itself, or, when it is mostly a menu run
    together ("Home News Sport Weather ... The council voted on Monday to ..."), the words
    before each capitalised word one span apart (as a rendering that prints each link on a
    line has them), and the sentence that ends it whole: from the capitalised word that leaves
    the most capitalised words before it and lower-case words from it on, when few of its
    words are capitalised."""
    words = [m.span() for m in _WORD_SPAN.finditer(text, start, end)]
    caps = [text[a].isupper() for a, _ in words]
    lower = [text[a].islower() for a, _ in words]  # (numbers and marks are neither)
    if len(words) < _RUN_WORDS or sum(caps) < _RUN_CAPITALS * (sum(caps) + sum(lower)):
        return [(start, end)] if words else []
    # where the run turns into a sentence: the capitalised word that leaves the most
    # capitalised words before it and lower-case words from it on
    lower_after = [0] * (len(words) + 1)
    for k in range(len(words) - 1, -1, -1):
        lower_after[k] = lower_after[k + 1] + lower[k]
    tail, best, caps_before = len(words), -1, 0
    for k, cap in enumerate(caps):
        if cap and caps_before + lower_after[k] >= best:
            tail, best = k, caps_before + lower_after[k]
        caps_before += cap
    rest = len(words) - tail
    if rest < _TAIL_WORDS or sum(caps[tail:]) > _TAIL_CAPITALS * (sum(caps[tail:]) + lower_after[tail]):
        tail = len(words)  # no sentence at the end: a menu alone
    spans: list[tuple[int, int]] = []
    for k in range(tail):
        if caps[k] or not spans:
            spans.append(words[k])
        else:
            spans[-1] = (spans[-1][0], words[k][1])
    if tail < len(words):
        spans.append((words[tail][0], end))
    return spans


def _dedent(lines: list[Line]) -> list[Line]:
    """The lines with the indentation that nine in ten of them share, and the trailing space
    they share, left out of their raw offsets. A dump that indents every line (text
    browsers, quoted mail), its headline perhaps excepted, or pads every line (a Markdown
    line break) says nothing by it, while a line that starts or ends with a space where the
    others do not is a fragment cut at an inline tag (" spent Monday", "a judge said on "),
    which the joining reads."""
    if not lines:
        return lines
    share = len(lines) // _INDENT_SHARE
    lead = sorted(ln.start - ln.raw_start for ln in lines)[share]
    trail = sorted(ln.raw_end - ln.end for ln in lines)[share]
    if lead == 0 and trail == 0:
        return lines
    return [
        ln._replace(
            raw_start=ln.raw_start + min(lead, ln.start - ln.raw_start),
            raw_end=ln.raw_end - min(trail, ln.raw_end - ln.end),
        )
        for ln in lines
    ]


def _split_any(text: str) -> list[Line]:
    """split_lines for text with "\r\n" or "\r" line ends."""
    out: list[Line] = []
    pos = 0
    number = 0
    blank = True
    for m in _NEWLINE.finditer(text):
        number += 1
        blank = _add(out, text, pos, m.start(), number, blank)
        pos = m.end()
    number += 1
    _add(out, text, pos, len(text), number, blank)
    return out


def _split_plain(text: str) -> list[Line]:
    """split_lines for text with "\\n" line ends only (the usual case), without a regex."""
    out: list[Line] = []
    pos = 0
    blank = True
    for number, chunk in enumerate(text.split("\n"), start=1):
        end = pos + len(chunk)
        stripped = chunk.strip(_EDGE_SPACE)
        if stripped and not stripped.isspace():
            # (its first character is not edge space: it starts the chunk unless that one is)
            start = pos if chunk[0] == stripped[0] else pos + chunk.index(stripped[0])
            s2 = stripped.strip()
            if len(s2) != len(stripped):
                start += stripped.index(s2[0])
            out.append(_new(Line, (number, start, start + len(s2), pos, end, blank)))
            blank = False
        else:
            blank = True
        pos = end + 1
    return out


def _add(out: list[Line], text: str, raw_start: int, raw_end: int, number: int, blank: bool) -> bool:
    """Append the line if it has content; return whether the *next* line follows a blank."""
    chunk = text[raw_start:raw_end]
    stripped = chunk.strip(_EDGE_SPACE)
    if not stripped or stripped.isspace():
        return True
    lead = len(chunk) - len(chunk.lstrip(_EDGE_SPACE))
    start = raw_start + lead
    end = start + len(stripped)
    # any other unicode space at the edges (str.strip knows them all)
    inner = text[start:end]
    s2 = inner.strip()
    start += inner.index(s2[0]) if s2 else 0
    end = start + len(s2)
    out.append(Line(number, start, end, raw_start, raw_end, blank))
    return False


def is_fragmented(text: str, lines: list[Line]) -> bool:
    """True for dumps that put every inline element on its own line (naive get_text)."""
    if len(lines) < 3:
        return False
    hits = 0
    for ln in lines:
        # (every match opens with a space or one of the marks: most lines skip the pattern)
        if text[ln.raw_start] in _CONTINUE_OPENERS and _CONTINUES.match(text, ln.raw_start, ln.raw_end):
            hits += 1
    return hits >= 3 and hits >= 0.02 * len(lines)


def make_units(text: str, lines: list[Line], join: bool) -> list[Unit]:
    """Group lines into units; with `join`, fragment lines of one paragraph become one unit."""
    units: list[Unit] = []
    if not lines:
        return units
    fragmented = join and is_fragmented(text, lines)
    wrapped = _wrapped(text, lines) if join else frozenset()
    group = [lines[0]]
    spaced: set[int] = set()  # lines of the group that a line break (a space) separates from the one before
    for k, (prev, ln) in enumerate(zip(lines, lines[1:], strict=False)):
        if join and k in wrapped:
            spaced.add(len(group))  # (a line break between words: a space)
            group.append(ln)
            continue
        if join and (
            (not ln.blank_before and fragmented and _joins(text, prev, ln)) or _clear_cut(text, prev, ln)
        ):
            group.append(ln)
            continue
        if join and not ln.blank_before and _lead_in(text, prev, ln):
            spaced.add(len(group))
            group.append(ln)
            continue
        units.append(_unit(text, group, len(units), spaced))
        group = [ln]
        spaced = set()
    units.append(_unit(text, group, len(units), spaced))
    return units


# Hard-wrapped text (mail, pre-formatted blocks): lines of one paragraph filled up to a width.
_WRAP_MIN_WIDTH: Final = 40
_WRAP_MAX_WIDTH: Final = 120
# How far under the page's wrap width a block's widest line may stop (the next word did not fit).
_WRAP_SLACK: Final = 2


def _wrapped(text: str, lines: list[Line]) -> frozenset[int]:
    """Indices k where line k and line k + 1 are one paragraph wrapped at a fixed width: in a
    block of lines without blank lines between them, line k is as full as the block's widest
    line allows (the next line's first word would not have fitted), and over the page most
    such breaks fall mid-sentence (the next line goes on in lower case; a list of headlines of
    about one length does not). Paragraphs end at a short line. On a page wrapped so, three
    lines or more in a row that fill the page's width, all but the last, are a paragraph too,
    though most of its lines go on with names ("... Star Trek" / "Beyond was directed by")."""
    breaks: list[int] = []
    others: list[tuple[list[int], int]] = []  # the other blocks' breaks, and their widths
    lower = 0
    width = 0
    start = 0
    n = len(lines)
    while start < n:
        end = start + 1
        while end < n and not lines[end].blank_before:
            end += 1
        if end - start >= 2:
            found, low, block_width = _wrapped_block(text, lines, start, end)
            if found and low >= 0.5 * len(found):
                breaks.extend(found)
                lower += low
                width = max(width, block_width)
            elif found:
                others.append((found, block_width))
        start = end
    if len(breaks) < 3 or lower < 0.6 * len(breaks):
        return frozenset()
    for found, block_width in others:
        if block_width >= width - _WRAP_SLACK:
            breaks.extend(_runs(text, lines, found))
    return frozenset(breaks)


def _runs(text: str, lines: list[Line], found: list[int]) -> list[int]:
    """The breaks of `found` that come two or more in a row (a paragraph of three lines or
    more), where a line at least goes on in lower case."""
    out: list[int] = []
    run: list[int] = []
    for k in [*found, -2]:
        if run and k != run[-1] + 1:
            if len(run) >= 2 and any(text[lines[j + 1].start].islower() for j in run):
                out.extend(run)
            run = []
        run.append(k)
    return out


def _wrapped_block(text: str, lines: list[Line], start: int, end: int) -> tuple[list[int], int, int]:
    """The breaks of one block that look like a fixed-width wrap, how many go on in lower
    case, and the block's width."""
    width = max(ln.end - ln.start for ln in lines[start:end])
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return [], 0, width
    breaks: list[int] = []
    lower = 0
    for k in range(start, end - 1):
        nxt = lines[k + 1]
        head = text[nxt.start : nxt.end].split(" ", 1)[0]
        size = lines[k].end - lines[k].start
        if size >= 0.6 * width and size + 1 + len(head) > width and not _byline(text[nxt.start : nxt.end]):
            breaks.append(k)
            lower += head[:1].islower()
    return breaks, lower, width


def _byline(line: str) -> bool:
    """A byline on a line of its own, its opener in lower case ("by Jane Doe", "von Max
    Muster"): under a headline as long as the lines around it, it looks like the headline's
    wrapped end and is not. Up to five capitalised words after an opener of data/markers.tsv,
    no closing mark."""
    words = line.split()
    if not 2 <= len(words) <= 8 or not words[0].islower() or _TERMINAL.search(line):
        return False
    openers = marker_words("byline")
    for n in (3, 2, 1):
        if " ".join(words[:n]) in openers:
            rest = words[n:]
            return 1 <= len(rest) <= 5 and all(w[:1].isupper() for w in rest)
    return False


def _clear_cut(text: str, prev: Line, ln: Line) -> bool:
    """Unmistakably one sentence cut in two, whatever the rest of the dump looks like: the
    first part stops without a full stop and the second goes on in lower case
    ("a judge said on " / "Monday that..."; "Last month, " / "a judge rejected...")."""
    trailing_space = prev.raw_end > prev.end and text[prev.end : prev.raw_end].strip("\r") != ""
    if not (trailing_space or ln.start > ln.raw_start or text[ln.start] in _CONTINUE_MARKS):
        return False  # (the common case, decided without a pattern)
    if _TERMINAL.search(text, prev.start, prev.end):
        return False
    if _CONTINUES.match(text, ln.raw_start, ln.raw_end):
        return True
    return trailing_space and text[ln.start].islower()


# A sentence whose opening words sit on a line of their own, set in bold or as a link
# ("Der Plakatwettbewerb für Kinder" / "findet in 2020 bereits zum 6. Mal statt. ..."): the
# first part is a few words without a closing mark, the rest a long line that goes on in
# lower case and ends a sentence.
_LEAD_IN_WORDS: Final = (2, 12)
_LEAD_IN_REST: Final = 80


def _lead_in(text: str, prev: Line, ln: Line) -> bool:
    if not text[ln.start].islower() or ln.end - ln.start < _LEAD_IN_REST:
        return False
    head = text[prev.start : prev.end]
    if not head[-1:].isalpha() or not _LEAD_IN_WORDS[0] <= head.count(" ") + 1 <= _LEAD_IN_WORDS[1]:
        return False
    return _TERMINAL.search(text, ln.start, ln.end) is not None


def _joins(text: str, prev: Line, ln: Line) -> bool:
    if _TERMINAL.search(text, prev.start, prev.end) and not _CONTINUES.match(text, ln.raw_start, ln.raw_end):
        return False
    trailing_space = prev.raw_end > prev.end and text[prev.end : prev.raw_end].strip("\r") != ""
    leading_space = ln.start > ln.raw_start
    return trailing_space or leading_space or bool(_CONTINUES.match(text, ln.raw_start, ln.raw_end))


def _unit(text: str, group: list[Line], index: int, spaced: set[int] | frozenset[int] = frozenset()) -> Unit:
    first, last = group[0], group[-1]
    if len(group) == 1:
        body = text[first.start : first.end]  # (str.strip()'ed: no whitespace at its edges)
        if "  " in body or "\t" in body or "\u00a0" in body:
            body = _collapse(body, False)
    else:
        pieces = ((" " if k in spaced else "") + text[g.raw_start : g.raw_end] for k, g in enumerate(group))
        body = _collapse("".join(pieces), True)
    return _new(Unit, (index, first.number, first.start, last.end, body, first.blank_before, len(group)))


# The characters `_INNER_SPACE` and `str.split()` disagree on: str.split() splits at the
# separators U+001C-U+001F as well, and not at the zero-width space and BOM.
_SPLIT_ODD: Final = ("\x1c", "\x1d", "\x1e", "\x1f", "\u200b", "\ufeff")


def _collapse(body: str, strip: bool) -> str:
    """`_INNER_SPACE.sub(" ", body)`, stripped if `strip`. Without the few characters the two
    disagree on, splitting and joining does it far quicker than the pattern (when `strip` is
    False, `body` must not begin or end with whitespace, which it then keeps)."""
    if holds_any(body, _SPLIT_ODD):
        out: str = _INNER_SPACE.sub(" ", body)
        return out.strip() if strip else out
    return " ".join(body.split())


def clean_text(text: str) -> str:
    """`text` stripped, without control characters."""
    if text.isprintable():  # (no control character: most lines skip the pattern)
        return text.strip()
    return str(_CONTROL.sub("", text)).strip()
