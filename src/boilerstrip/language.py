"""Cheap language detection: writing system first, then votes of each language's most
frequent function words (jusText stoplists)."""

from __future__ import annotations

from typing import Final

import regex

from .lexicon import Lexicon

# Runs of each script's characters (`_chars` counts them: a match per run, not per character).
_HAN: Final = regex.compile(r"\p{Han}+")
_KANA: Final = regex.compile(r"[\p{Hiragana}\p{Katakana}]+")
_HANGUL: Final = regex.compile(r"\p{Hangul}+")
_THAI: Final = regex.compile(r"\p{Thai}+")
_UNSPACED_OR_HANGUL: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]+")
# Every character of the scripts above lies past U+0DFF: the runs of such characters hold them
# all, and most pages have only a few (quotes, dashes) for the script patterns to read.
_HIGH_RUN: Final = regex.compile(r"[^\x00-\u0DFF]+")
_TOKEN: Final = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
# Common marks around words that `_TOKEN` never takes (no letter, no apostrophe among them).
_NOT_IN_TOKENS: Final = '"()[]{}<>,.;:!?“”«»„‚‘…–—-*/|#@&%$+=_0123456789©•£€'

SAMPLE_CHARS: Final = 15_000
VOTES_PER_WORD: Final = 5
# Languages written without spaces between words: features count characters, not words.
UNSPACED: Final = frozenset({"zh", "ja", "th", "lo", "km", "my"})
# Runs of the scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
# Khmer, Burmese, Tibetan): their lengths add up to the count of characters, in far fewer
# matches.
_UNSPACED_RUNS: Final = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]+"
)


def unspaced_chars(text: str) -> int:
    """How many characters of `text` are of the scripts written without spaces between words."""
    return len("".join(_UNSPACED_RUNS.findall(text)))


def detect(text: str, lexicon: Lexicon) -> str | None:
    """An ISO 639-1 code for the main language of `text`, or None when nothing tells."""
    sample = text[:SAMPLE_CHARS]
    # twenty letters in the first lines already settle that there are enough; count them all
    # only when that is unsure or when a writing system is weighed against them
    if sum(map(str.isalpha, sample[:200])) < 20 and sum(map(str.isalpha, sample)) < 20:
        return None
    high = "" if sample.isascii() else "".join(_HIGH_RUN.findall(sample))
    unspaced = _chars(_UNSPACED_OR_HANGUL, high) if high else 0
    if unspaced and unspaced > 0.05 * (letters := sum(map(str.isalpha, sample))):
        script = _script(high, letters)
        if script is not None:
            return script
    votes: dict[str, float] = {}
    index = lexicon.detect_index
    counts = _index_counts(sample.casefold(), index)
    # only the tokens of the index vote; kept in first-seen order, so the sums add up alike.
    # A word votes at most VOTES_PER_WORD times: a page about SEO or about Go says "seo" or "go"
    # (Irish function words) forty times, and that outvoted the English of the page.
    for token in counts:
        langs = index[token]
        if langs:
            share = min(counts[token], VOTES_PER_WORD) / len(langs)
            for lang in langs:
                votes[lang] = votes.get(lang, 0.0) + share
    if not votes:
        return None
    lang = max(votes, key=lambda k: (votes[k], k))
    score = votes[lang]
    return lang if score >= 3 else None


def _index_counts(folded: str, index: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """How often each `_TOKEN` of the index occurs in `folded`, in first-seen order. Tokens never
    cross whitespace: a space-separated piece of letters only is one token, and the tokens of
    any other piece are those of its core (after trimming marks no token holds), a core of
    letters only being one token again; only the other cores go to the pattern, once per
    distinct piece. (Read piece by piece: counting the distinct pieces first costs more than
    the per-piece test of letters only.)"""
    counts: dict[str, int] = {}
    get = counts.get
    others: dict[str, list[str]] = {}  # a piece not of letters only -> its tokens in the index
    for piece in folded.split():
        if piece.isalpha():
            if piece in index:
                counts[piece] = get(piece, 0) + 1
            continue
        tokens = others.get(piece)
        if tokens is None:
            core = piece.strip(_NOT_IN_TOKENS)
            if not core:  # only marks and digits ("2020.", "—", "(44"): no token
                tokens = []
            elif core.isalpha():
                tokens = [core] if core in index else []
            else:
                tokens = [token for token in _TOKEN.findall(core) if token in index]
            others[piece] = tokens
        for token in tokens:
            counts[token] = get(token, 0) + 1
    return counts


def _chars(runs: regex.Pattern[str], text: str) -> int:
    """How many characters of `text` the runs that `runs` finds hold."""
    return len("".join(runs.findall(text)))


def _script(sample: str, letters: int) -> str | None:
    """The language a writing system gives away (Korean, Japanese, Chinese, Thai); `sample`
    needs to hold only the characters past U+0DFF, `letters` counts those of the whole text."""
    han = _chars(_HAN, sample)
    kana = _chars(_KANA, sample)
    hangul = _chars(_HANGUL, sample)
    thai = _chars(_THAI, sample)
    if hangul > 0.3 * letters:
        return "ko"
    if kana > 0.05 * letters and han + kana > 0.3 * letters:
        return "ja"
    if han > 0.3 * letters:
        return "zh"
    if thai > 0.3 * letters:
        return "th"
    return None
