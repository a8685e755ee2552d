"""Word lists as data: share networks, furniture phrases per language, marker words, stoplists.

Everything here is read-only data loaded once from `boilerstrip/data/` (and jusText's
stoplists, which cover about 100 languages); nothing is learned or mutated at run time.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Final

import regex

from .kinds import Kind

_LEAD: Final = regex.compile(r"[\p{P}\p{S}\s]+")
_WORD: Final = regex.compile(r"[\p{L}\p{M}\p{N}'’-]+")

# A notice runs several sentences (a licence, a reprint rule, a disclaimer): its phrases are
# looked for in longer lines than the short-line "contains" phrases.
NOTICE_MAX_WORDS: Final = 60
CONTAINED_MAX_WORDS: Final = 24

# Words per stoplist used to tell languages apart, and to measure a line's function-word share.
DETECT_WORDS: Final = 60
STOP_WORDS: Final = 300


def normalize(text: str) -> str:
    """Casefolded, whitespace collapsed, edge punctuation and symbols dropped."""
    folded = text.lower() if text.isascii() else text.casefold()  # (the same on ASCII, far cheaper)
    # (letters and digits are never edge punctuation: most lines skip the pattern and the loop)
    if not folded[:1].isalnum():
        lead = _LEAD.match(folded)
        if lead is not None:
            folded = folded[lead.end() :]
    if folded[-1:].isalnum():
        return _collapse_spaces(folded)
    end = len(folded)
    while end and _is_edge(folded[end - 1]):
        end -= 1
    return _collapse_spaces(folded[:end])


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether any of `parts` is a substring of `text` (a plain loop: compiled, it runs without
    the calls of `any(map(text.__contains__, parts))`)."""
    for part in parts:
        if part in text:
            return True
    return False


def alternation(words: Iterable[str], *, spaces: bool = False, apostrophes: bool = False) -> str:
    """The entries of a word list as one regex alternation, each escaped, the longest first (so
    that "written by" is tried before "by"; entries of one length in alphabetical order, so the
    pattern is the same in every process). With `spaces` a space inside an entry matches any run
    of white space; with `apostrophes` a typographic apostrophe matches a straight one too. No
    entries give "(?!)", which matches nothing."""
    alts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = regex.escape(word)
        if spaces:
            escaped = escaped.replace("\\ ", r"\s+")
        if apostrophes:
            escaped = escaped.replace("’", "['’]")
        alts.append(escaped)
    return "|".join(alts) or "(?!)"


def _collapse_spaces(text: str) -> str:
    """`" ".join(text.split())`: most lines already hold single inner spaces only, and every
    whitespace character but the space is unprintable, so those are returned as they are."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


@dataclass(frozen=True)
class PhraseSet:
    """Phrases looked for anywhere in a line, in their order, each in lines of up to its own
    number of words, without trying each one on every line. Wherever a phrase of three or more
    words occurs, its inner words are whole tokens of the line, so it is filed under one of
    them; the second word of a two-word phrase begins a token, so such a phrase is filed under
    that word's first letters. A line is tried only against the phrases filed under its tokens
    (and the few one-word phrases)."""

    entries: tuple[tuple[str, Kind, int], ...]  # phrase, kind, most words of a line it is sought in
    inner: dict[str, tuple[int, ...]]  # an inner word -> the phrases filed under it
    heads: dict[str, tuple[int, ...]]  # the first letters of a second word -> two-word phrases
    single: tuple[int, ...]  # one-word phrases (and "sign up"): tried on every line
    ascii_single: tuple[int, ...]  # those of them an ASCII line can hold

    @staticmethod
    def of(entries: tuple[tuple[str, Kind, int], ...]) -> PhraseSet:
        inner: dict[str, list[int]] = {}
        heads: dict[str, list[int]] = {}
        single: list[int] = []
        for i, (phrase, _, _) in enumerate(entries):
            words = phrase.split(" ")
            if len(words) > 2:
                inner.setdefault(max(words[1:-1], key=len), []).append(i)  # (the longest: the rarest)
            elif len(words) == 2 and len(words[1]) >= _HEAD:
                heads.setdefault(words[1][:_HEAD], []).append(i)
            else:
                single.append(i)
        return PhraseSet(
            entries,
            {w: tuple(ix) for w, ix in inner.items()},
            {h: tuple(ix) for h, ix in heads.items()},
            tuple(single),
            tuple(i for i in single if entries[i][0].isascii()),
        )

    def first_in(self, norm: str, words: int, tokens: list[str] | None = None) -> Kind | None:
        """The kind of the first phrase (in their order) that `norm`, a line of `words` words,
        holds; `tokens`, when given, are its space-separated tokens (a token given twice only
        files its phrases twice: the first phrase found is the same)."""
        singles = self.single if not norm.isascii() else self.ascii_single
        inner, heads = self.inner, self.heads
        hits: list[int] = []
        for token in tokens if tokens is not None else norm.split(" "):  # (most: no filing word)
            filed = inner.get(token)
            if filed is not None:
                hits.extend(filed)
            if len(token) >= _HEAD:  # (every head has that many letters)
                filed = heads.get(token[:_HEAD])
                if filed is not None:
                    hits.extend(filed)
        hits.extend(singles)
        if not hits:
            return None
        entries = self.entries
        for i in sorted(hits):
            phrase, kind, most = entries[i]
            if words <= most and phrase in norm:
                return kind
        return None


# Letters of its second word that file a two-word phrase (with a shorter word it is tried on
# every line).
_HEAD: Final = 3


@dataclass(frozen=True)
class Lexicon:
    """All word lists, read-only. `default_lexicon()` gives the shipped one."""

    share_words: frozenset[str]
    line_phrases: dict[str, Kind]
    start_phrases: dict[str, Kind]
    byline_openers: tuple[str, ...]
    source_labels: frozenset[str]
    agencies: frozenset[str]
    credit_words: frozenset[str]
    stoplists: dict[str, frozenset[str]]
    detect_index: dict[str, tuple[str, ...]]
    cookie_words: frozenset[str] = frozenset()
    consent_words: frozenset[str] = frozenset()
    cookie_stems: regex.Pattern[str] | None = None  # quick test before tokenising
    weak_share_words: frozenset[str] = frozenset()  # share words that are also ordinary words
    prompt_words: dict[str, tuple[Kind, ...]] | None = None  # furniture written as sentences
    start_heads: frozenset[str] = frozenset()  # first words of the start phrases
    share_heads: frozenset[str] = frozenset()  # first words of the share entries
    markers: dict[str, frozenset[str]] = field(default_factory=dict)  # data/markers.tsv by kind, casefolded
    contained_phrases: tuple[tuple[str, Kind], ...] = ()  # furniture wherever it sits in a short line
    cookie_stem_words: tuple[str, ...] = ()  # the literal stems `cookie_stems` is made of, when known
    notice_phrases: tuple[tuple[str, Kind], ...] = ()  # furniture anywhere in a line of a few sentences
    given_names: frozenset[str] = frozenset()  # casefolded (data/given_names.txt)
    common_words: frozenset[str] = frozenset()  # casefolded (data/common_words.txt)
    bio_words: frozenset[str] = frozenset()  # a note about the author ("journalist"; data/bio.txt)

    # Derived once from the lists above (in `__post_init__`), for the per-line tests.
    anywhere: PhraseSet = field(init=False, repr=False, compare=False)
    """The notice phrases, then the contained ones (a notice is looked for first)."""
    agency_names: Mapping[str, str] = field(init=False, repr=False, compare=False)
    """Agency names by their casefolded form, the one in capitals when a name is listed both ways."""
    opener_set: frozenset[str] = field(init=False, repr=False, compare=False)
    """The byline openers as a set, for membership tests."""
    opener_heads: frozenset[str] = field(init=False, repr=False, compare=False)
    """The first two letters of every byline opener, for a cheap test before the opener pattern."""
    ascii_cookie_stems: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """The cookie stems an ASCII line can hold."""
    share_heads_by_first: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    """The share heads by their first character, to see cheaply whether a line opens with one."""

    def __post_init__(self) -> None:
        derived: dict[str, object] = {
            "anywhere": PhraseSet.of(
                tuple((phrase, kind, NOTICE_MAX_WORDS) for phrase, kind in self.notice_phrases)
                + tuple((phrase, kind, CONTAINED_MAX_WORDS) for phrase, kind in self.contained_phrases)
            ),
            "agency_names": {
                a.casefold(): a for a in sorted(self.agencies, key=lambda a: (not a.isupper(), a))
            },
            "opener_set": frozenset(self.byline_openers),
            "opener_heads": frozenset(o[:2] for o in self.byline_openers if len(o) >= 2),
            "ascii_cookie_stems": tuple(stem for stem in self.cookie_stem_words if stem.isascii()),
            "share_heads_by_first": {
                first: tuple(sorted(h for h in self.share_heads if h[:1] == first))
                for first in {h[:1] for h in self.share_heads}
            },
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # (a frozen class: set once, here)

    def phrase_kind(self, norm: str, words: int, tokens: list[str] | None = None) -> Kind | None:
        """The furniture kind of a line whose normalised text is `norm`, if a phrase says so
        (`tokens`, when given: its space-separated tokens)."""
        kind = self.line_phrases.get(norm)
        if kind is not None:
            return kind
        if words > NOTICE_MAX_WORDS:
            return None
        kind = self.anywhere.first_in(norm, words, tokens)
        if kind is not None:
            return kind
        if words > CONTAINED_MAX_WORDS:  # a label with a little text, or a cookie notice; not a paragraph
            return None
        parts = norm.replace(" :", ":").split(" ")
        if parts[0] not in self.start_heads:
            return None
        for n in range(min(len(parts), 7), 0, -1):
            kind = self.start_phrases.get(" ".join(parts[:n]))
            if kind is not None:
                return kind
        return None

    def prompt_kind(self, norm: str, needed: int = 2, tokens: list[str] | None = None) -> Kind | None:
        """The furniture kind of a sentence that holds `needed` different words of one kind
        ("Sign up for our newsletter to get ... in your inbox"), if any (`tokens`, when given:
        the space-separated tokens of `norm`, which has single spaces only)."""
        if not self.prompt_words:
            return None
        # (a quick test on bare tokens: one of the words has no punctuation; a plain loop, as
        # compiled code runs it without calls)
        for bare in tokens if tokens is not None else norm.split():
            if bare in self.prompt_words:
                break
        else:
            return None
        seen: dict[Kind, set[str]] = {}
        for token in words_of(norm):
            if "-" in token and token not in self.prompt_words:
                token = token.rsplit("-", 1)[1]  # a compound counts as its last part: "Zeitungs-Abo"
            for kind in self.prompt_words.get(token, ()):
                found = seen.setdefault(kind, set())
                found.add(token)
                if len(found) >= needed:
                    return kind
        return None

    def is_consent_notice(self, norm: str) -> bool:
        """A cookie or consent notice: names cookies and a website, browser, consent or setting."""
        if self.cookie_stems is None:
            return False
        stems = self.ascii_cookie_stems if norm.isascii() else self.cookie_stem_words
        if self.cookie_stem_words and not holds_any(norm, stems):
            return False  # (substring tests: the same answer as the pattern, much cheaper)
        if self.cookie_stems.search(norm) is None:
            return False
        tokens = set(words_of(norm))
        return bool(tokens & self.cookie_words) and bool(tokens & self.consent_words)


def data_file(name: str) -> Path:
    """A file of the package's data folder (`boilerstrip/data/`)."""
    return Path(str(resources.files("boilerstrip") / "data" / name))


def data_rows(name: str) -> list[list[str]]:
    """The rows of a data file, each split at its tabs; blank lines and "#" comments left out.
    Every word list and table of `boilerstrip/data/` is read through this one loader."""
    rows = []
    for raw in data_file(name).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rows.append(raw.split("\t"))
    return rows


def _stoplist_dir() -> Path | None:
    try:
        spec = resources.files("justext") / "stoplists"
    except ModuleNotFoundError:
        return None
    path = Path(str(spec))
    return path if path.is_dir() else None


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped word lists (read once per process; immutable)."""
    share_rows = data_rows("share.txt")
    share = frozenset(row[0].strip().casefold() for row in share_rows)
    weak_share = frozenset(row[0].strip().casefold() for row in share_rows if row[1:] == ["weak"])
    line_phrases: dict[str, Kind] = {}
    start_phrases: dict[str, Kind] = {}
    contained: list[tuple[str, Kind]] = []
    notices: list[tuple[str, Kind]] = []
    for kind, mode, phrase in data_rows("phrases.tsv"):
        if mode in ("contains", "notice"):
            (contained if mode == "contains" else notices).append((normalize(phrase), Kind(kind)))
            continue
        target = line_phrases if mode == "line" else start_phrases
        key = normalize(phrase)
        if mode != "line" and phrase.rstrip().endswith(":"):
            key += ":"  # a label: "Read more: <headline>" but not "Read more about it here"
        target.setdefault(key, Kind(kind))
    markers: dict[str, list[str]] = {}
    for kind, entry in data_rows("markers.tsv"):
        markers.setdefault(kind, []).append(entry.strip())
    codes = {row[0]: row[1] for row in data_rows("languages.tsv")}
    stoplists: dict[str, frozenset[str]] = {}
    detect: dict[str, list[str]] = {}
    folder = _stoplist_dir()
    if folder is not None:
        for name, code in codes.items():
            path = folder / f"{name}.txt"
            if not path.exists():
                continue
            words = [w.strip().casefold() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]
            stoplists[code] = frozenset(words[:STOP_WORDS])
            for w in words[:DETECT_WORDS]:
                detect.setdefault(w, []).append(code)
    consent: dict[str, set[str]] = {"cookie": set(), "context": set()}
    for role, word in data_rows("consent.tsv"):
        consent.setdefault(role, set()).add(word.strip().casefold())
    stems = sorted({w[:5] for w in consent["cookie"]})
    prompts: dict[str, list[Kind]] = {}
    for kind, word in data_rows("prompts.tsv"):
        prompts.setdefault(word.strip().casefold(), []).append(Kind(kind))
    return Lexicon(
        prompt_words={w: tuple(dict.fromkeys(k)) for w, k in prompts.items()},
        start_heads=frozenset(p.split(" ")[0] for p in start_phrases),
        contained_phrases=tuple(contained),
        notice_phrases=tuple(notices),
        share_heads=frozenset(w.split(" ")[0] for w in share),
        cookie_stems=regex.compile("|".join(regex.escape(w) for w in stems)) if stems else None,
        cookie_stem_words=tuple(stems),
        cookie_words=frozenset(consent["cookie"]),
        consent_words=frozenset(consent["context"]),
        share_words=share,
        weak_share_words=weak_share,
        line_phrases=line_phrases,
        start_phrases=start_phrases,
        byline_openers=tuple(
            sorted((m.casefold() for m in markers.get("byline", [])), key=len, reverse=True)
        ),
        source_labels=frozenset(m.casefold() for m in markers.get("source", [])),
        agencies=frozenset(markers.get("agency", [])),
        credit_words=frozenset(m.casefold() for m in markers.get("credit", [])),
        markers={kind: frozenset(m.casefold() for m in entries) for kind, entries in markers.items()},
        stoplists=stoplists,
        detect_index={w: tuple(c) for w, c in detect.items()},
        given_names=frozenset(row[0].strip() for row in data_rows("given_names.txt")),
        common_words=frozenset(row[0].strip() for row in data_rows("common_words.txt")),
        bio_words=frozenset(row[0].strip().casefold() for row in data_rows("bio.txt")),
    )


def words_of(text: str) -> list[str]:
    """Word tokens (letters, marks, digits, inner apostrophes and hyphens)."""
    if text.isascii():  # the same tokens, read without a pattern: other characters become spaces
        return text.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()
    found: list[str] = _WORD.findall(text)
    return found


# Every ASCII character that `_WORD` does not take, mapped to a space (a byte table: translating
# bytes is several times quicker than translating a str).
_ASCII_NON_WORD: Final = bytes(
    c if c >= 128 or chr(c).isalnum() or chr(c) in "'-" else 32 for c in range(256)
)
# The same table, lowering the letters as well (on ASCII, casefolding is lowering): the
# casefolded words of an ASCII text in one pass.
ASCII_FOLDED_WORDS: Final = _ASCII_NON_WORD.lower()
# Each ASCII character as the shape of a word it is in: "A" a capital, "a" any other word
# character, " " outside words (a word starts with a capital where " A" is).
ASCII_WORD_SHAPES: Final = bytes(32 if v == 32 else 65 if 65 <= v <= 90 else 97 for v in _ASCII_NON_WORD)
