"""Per-unit facts: size, function-word share in the page's language, punctuation, case."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .language import UNSPACED
from .lexicon import normalize, words_of
from .lines import Unit

_LETTER = regex.compile(r"\p{L}")
_UPPER_START = regex.compile(r"\A\p{Lu}")
_TERMINAL = regex.compile(r"[.!?\u3002\uff01\uff1f\u2026\u061f\u0964][\"'\u2019\u201d\u00bb)\]*]*\Z")
_INNER_PUNCT = regex.compile(r"[,;\u3001\uff0c\u060c]")
_SENTENCE = regex.compile(r"\p{L}[.!?\u3002\uff01\uff1f]\s+\p{Lu}|[\u3002\uff01\uff1f]")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """Everything later stages read about one unit, computed once."""

    norm: str
    words: int  # for unspaced scripts: characters / 2
    chars: int
    stop_share: float
    letter_share: float
    ends_sentence: bool
    capital_share: float  # share of words that start with a capital
    inner_punct: int
    sentences: int

    @property
    def prose(self) -> bool:
        """Reads like running text: enough words, function words, sentence punctuation."""
        return self.words >= 8 and (self.ends_sentence or self.inner_punct >= 2)


def facts(unit: Unit, language: str | None, stoplist: frozenset[str]) -> UnitFacts:
    text = unit.text
    words = words_of(text)
    n = len(words)
    letters = len(_LETTER.findall(text)) if len(text) < 20_000 else sum(ch.isalpha() for ch in text)
    visible = len(text) - text.count(" ")
    cjk = len(_CJK.findall(text)) if (language in UNSPACED or language is None) and len(text) < 20_000 else 0
    if cjk > 0.3 * max(letters, 1):
        n_words = max(n, cjk // 2)
        stop = 0.3 if _TERMINAL.search(text) or _INNER_PUNCT.search(text) else 0.1
    else:
        n_words = n
        if n:
            lowered = [w.casefold() for w in words]
            if stoplist:
                stop = sum(1 for w in lowered if w in stoplist) / n
            else:  # no stoplist for this language: short words stand in for function words
                stop = sum(1 for w in lowered if len(w) <= 3) / n
        else:
            stop = 0.0
    capitals = sum(1 for w in words if _UPPER_START.match(w)) / n if n else 0.0
    return UnitFacts(
        norm=normalize(text),
        words=n_words,
        chars=len(text),
        stop_share=stop,
        letter_share=letters / visible if visible else 0.0,
        ends_sentence=bool(_TERMINAL.search(text)),
        capital_share=capitals,
        inner_punct=len(_INNER_PUNCT.findall(text)),
        sentences=len(_SENTENCE.findall(text)) + 1,
    )
