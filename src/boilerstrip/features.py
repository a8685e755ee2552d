"""Per-unit facts: size, function-word share in the page's language, punctuation, case."""

from __future__ import annotations

import string
from operator import itemgetter
from typing import Final, NamedTuple

import regex

from .language import UNSPACED, unspaced_chars
from .lexicon import ASCII_FOLDED_WORDS, ASCII_WORD_SHAPES, normalize, words_of
from .lines import CJK_FULL_STOPS, FULL_STOPS, Unit

# A line ends a sentence when a full stop (lines.FULL_STOPS, the CJK ones) is last, under any
# closing quotes and brackets.
_TERMINALS: Final = frozenset(FULL_STOPS + CJK_FULL_STOPS)
_COLONS: Final = frozenset(":\uff1a")
_CLOSERS: Final = "\"'\u2019\u201d\u201c\u2018\u00bb\u00ab)]*\uff09\u300d\u300f\u3011 "
_INNER_MARKS_WIDE: Final = ("\u3001", "\uff0c", "\u060c")  # besides "," and ";"
_ASCII_LETTERS: Final = string.ascii_letters.encode("ascii")
_BRACKET_CLOSE: Final = frozenset(")\uff09")
# A sentence, then a short attribution in brackets: "... city! (Reporter Jane Doe)", "...（评论员 X）".
_ATTRIBUTION_END: Final = regex.compile(
    r"[.!?\u3002\uff01\uff1f][\"'\u2019\u201d\u00bb]*\s*[(\uff08][^()\uff08\uff09]{1,40}[)\uff09]\s*\Z"
)
# Words, then emoji (pictographs, not arrows or stars used as bullets) at the line's end.
_EMOJI_END: Final = regex.compile(
    r"\p{L}[\p{P}\s]*[\p{Extended_Pictographic}\ufe0f\u200d\s]*\p{Extended_Pictographic}\ufe0f?\s*\Z"
)


_new: Final = tuple.__new__


class UnitFacts(NamedTuple):
    """Everything later stages read about one unit, computed once (a tuple: cheap to build)."""

    norm: str
    words: int  # for unspaced scripts: characters / 2
    chars: int
    stop_share: float
    letter_share: float
    ends_sentence: bool
    capital_share: float  # share of words that start with a capital
    inner_punct: int
    ends_colon: bool = False  # "Requirements:", "Read the report here:": a list or a link follows


def reads_as_prose(f: UnitFacts) -> bool:
    """Reads like running text: enough words and sentence punctuation. (A function, not a
    property: compiled, a property of a named tuple is a Python-level call.)"""
    return f.words >= 8 and (f.ends_sentence or f.inner_punct >= 2)


def facts(unit: Unit, language: str | None, stoplist: frozenset[str]) -> UnitFacts:
    text = unit.text
    norm = normalize(text)
    ascii_text = text.isascii()
    folded: list[str]
    if ascii_text:
        letters, words, capitals = _ascii_words(text)
        folded = words
    elif (near := _near_ascii_words(text)) is not None:
        letters, words, capitals = near
        folded = words
    else:
        words = words_of(text)
        letters = sum(map(str.isalpha, text))
        capitals = sum(map(str.isupper, map(itemgetter(0), words)))
        folded = [w.casefold() for w in words]
    n = len(words)
    visible = len(text) - text.count(" ")
    cjk = 0
    if (language is None or language in UNSPACED) and not ascii_text and len(text) < 20_000:
        cjk = unspaced_chars(text)
    tail = text[-12:]
    last = tail.rstrip(_CLOSERS)[-1:]
    ends = last in _TERMINALS
    if not ends and tail.rstrip()[-1:] in _BRACKET_CLOSE:
        ends = _ATTRIBUTION_END.search(text[-60:]) is not None  # "... city! (Reporter Jane Doe)"
    if not ends and last > "\u2000" and _EMOJI_END.search(tail.rstrip(_CLOSERS)):
        ends = True  # "... und das gefällt mir 😉": an emoji closes the sentence
    inner = text.count(",") + text.count(";")
    if not ascii_text:
        inner += sum(text.count(ch) for ch in _INNER_MARKS_WIDE)
    if cjk and cjk > 0.3 * max(letters, 1):
        n_words = max(n, cjk // 2)
        stop = 0.3 if ends or inner else 0.1
    else:
        n_words = n
        if n:
            # (counted as lists: compiled, a loop of set lookups rather than a call per word)
            if stoplist:
                stop = len([w for w in folded if w in stoplist]) / n
            else:  # no stoplist for this language: short words stand in for function words
                stop = len([w for w in words if len(w) <= 3]) / n
        else:
            stop = 0.0
    return _new(  # (the tuple built directly: UnitFacts's generated __new__ only wraps this call)
        UnitFacts,
        (
            norm,
            n_words,
            len(text),
            stop,
            letters / visible if visible else 0.0,
            ends,
            capitals / n if n else 0.0,
            inner,
            last in _COLONS,
        ),
    )


def _ascii_words(text: str) -> tuple[int, list[str], int]:
    """An ASCII line's letters, its words casefolded (`words_of`'s, in lower case) and how many
    of them start with a capital, read with byte tables rather than word by word."""
    raw = text.encode("ascii")
    letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))  # (the 52 ASCII letters deleted)
    words = raw.translate(ASCII_FOLDED_WORDS).decode("ascii").split()
    capitals = (b" " + raw).translate(ASCII_WORD_SHAPES).count(b" A")
    return letters, words, capitals


def _near_ascii_words(text: str) -> tuple[int, list[str], int] | None:
    """`_ascii_words` of a line in ASCII but for quotes, dashes and the like (`_NEAR_ASCII_MARKS`,
    which are neither letters nor word characters: as spaces they leave its words, letters and
    capitals as they were) and the apostrophe "’" (a word character: read as "'" and given
    back); None for any other line."""
    if "’" in text and "'" in text:
        return None
    plain = text
    for mark in _NEAR_ASCII_MARKS:
        plain = plain.replace(mark, " ")
    curly = "’" in plain
    if curly:
        plain = plain.replace("’", "'")
    # only the marks and "’" were replaced (by ASCII): any other character outside ASCII is left
    # (a scan much cheaper than a pattern looking for such a character)
    if not plain.isascii():
        return None
    if not curly:
        return _ascii_words(plain)
    letters, words, capitals = _ascii_words(plain)
    return letters, [w.replace("'", "’") if "'" in w else w for w in words], capitals


# Quotes, dashes, an ellipsis, the copyright sign and no-break space: the marks most lines
# otherwise in ASCII hold (with the apostrophe "’"), none a letter or a word character.
_NEAR_ASCII_MARKS: Final = tuple("\u201c\u201d\u2018\u2014\u2013\u2026\u00a9\u00ab\u00bb\u00a0")
