"""The story's authors: candidate name spans on the page, scored by a fitted model.

Every short line in the places where pages print a byline (around the headline and the
story's first lines, next to a date line, after the story, after an opener such as "By" or
"Von") is read for names in several ways: after an opener at its start or inside it, as a
name followed by a marker ("山田太郎 記者"), as a line of names only, or as a short run of
capitalised words before a date or a separator. Each reading is a candidate with features of
its shape and its place; the model (data/authors.model.json, tools/train_authors.py) gives
each a probability, and the page's authors are the names of the best candidate when it
clears the threshold fitted with the model. No candidate over it is a real answer: the page
names no author.
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import regex

from .bodymodel import FURNITURE_RULES
from .classify import Label, comments_heading, headings_above
from .dates import dates_in, first_label, has_relative
from .html import DOM_FEATURES
from .kinds import Kind
from .lexicon import Lexicon, alternation, data_rows
from .markers import marker_words
from .metadata import (
    DOTS,
    NAME_EDGE,
    after_opener,
    before_date,
    is_opener,
    opener_alternation,
    parse_byline,
    parse_name_line,
)
from .model import TreeModel
from .page import Page

MODEL_NAME: Final = "authors"
RULE: Final = "byline.model"

# How a candidate's names were read from its line.
HOW_OPENER: Final = 1  # "By Jane Doe", "Von Max Mustermann", "Author: Jane Doe"
HOW_SUFFIX: Final = 2  # "山田太郎 記者"
HOW_INNER: Final = 3  # "Ten ways to travel by Jane Doe", "Posted on May 3 by Jane Doe"
HOW_NAMES: Final = 4  # a line of names only: "Jane Doe and John Roe, Reuters"
HOW_LOOSE: Final = 5  # capitalised words before a date or separator: "Jane Doe | May 3, 2024"
HOW_SPLIT: Final = 6  # "By" alone, the name on the next line
HOW_PREFIX: Final = 7  # capitalised words opening a line: "Jane Doe in Travel", "Jane Doe, MD"
HOW_OPENED: Final = 8  # what an opener introduces, as printed: "By 3i Global", "By Ask the Doctors"

# Kinds as small numbers for the trees (0: no label).
_KIND_CODE: Final = {kind: n + 1 for n, kind in enumerate(Kind)}

_SEPARATORS: Final = regex.compile(rf"\s+(?:\||[{DOTS}]|—|–|-|/|::)\s+|\s{{2,}}|\s*[|{DOTS}]\s*")
_SEPARATOR_CHARS: Final = regex.compile(rf"[|{DOTS}—–/]")
_LOOSE_WORD: Final = regex.compile(r"\A(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)\Z")
_HANDLE: Final = regex.compile(r"@|https?:|www\.", regex.I)
_DIGIT: Final = regex.compile(r"\d")
_POSSESSIVE: Final = regex.compile(r"(?<=\p{L})['’]s\Z")
_NAME_TOKEN: Final = regex.compile(r"\w+")
# A separator glued to the words around it ("Jane Doe· May 3", "Jane Doe—10 min read"), and a
# slash between a name and the capitalised word after it ("JANE DOE/The Associated Press", not
# "AUTOR/IN").
_GLUED_SEPARATOR: Final = regex.compile(rf"(?<=\p{{L}})\s*([|{DOTS}—]|/(?=\p{{Lu}}\p{{Ll}}))\s*(?=\S)")
# A time zone's abbreviation after a date's time of day ("November 20, 2019 - 11:28 AMT"): the
# zones data/timezones.tsv leaves out as ambiguous are no name either (a name in capitals after
# the time is: "11:28 JANE DOE").
_ZONE_AFTER_TIME: Final = regex.compile(
    rf"\A\s*\(?\p{{Lu}}{{2,5}}\)?(?=[\s,;|{DOTS}–—-]|\Z)(?!\s+\p{{Lu}}{{2}})"
)
# A word in lower case in the page's running text (not in a link or an address).
_LOWER_WORD: Final = regex.compile(r"(?<=\s|\A)\p{Ll}[\p{Ll}\p{M}'’]+(?=[\s,.;:!?)]|\Z)")
# The most names a list printed one part a line adds to its first line (`run_on`).
_RUN_NAMES: Final = 8
# A wide gap inside one printed line, which the unit's text collapses: cells or inline blocks
# side by side ("BRIAN TRUITT \xa0 USA TODAY", "By A. J. Neal    View In Digital Edition").
_WIDE_GAP: Final = regex.compile(r"[^\S\n]{3,}")

FEATURES: Final = (
    "how",
    "hand_line",
    "hand_same",
    "names",
    "name_tokens",
    "single_word",
    "caps_name",
    "line_words",
    "line_chars",
    "capital_share",
    "stop_share",
    "digits",
    "separators",
    "has_date",
    "relative_date",
    "ends_sentence",
    "handle",
    "role_word",
    "org_word",
    "agency",
    "to_title",
    "to_body",
    "to_end",
    "no_title",
    "in_region",
    "position",
    "units_log",
    "rule_kind",
    "rule_kind_above",
    "rule_kind_below",
    "kind",
    "kind_above",
    "kind_below",
    "to_date",
    "line_copies",
    "name_lines",
    "name_in_body",
    "bio_after",
    "short_around",
    "rank_near_title",
    "candidates",
    "opener_candidates",
    "lower_share",
    "furniture",
    "title_overlap",
    "name_cover",
    "label_above",
    "body_words_log",
    "date_lines",
    "hand_lines",
    "hand_nearest",
    "given_name",  # share of the names that open with a given name (data/given_names.txt)
    "under_related",  # past the story, under a related-stories heading
    "common_words",  # share of the name words printed in lower case on many sites (data/common_words.txt)
)


# The HTML model reads the same features, then what the markup says of the candidate's line
# (inside a link, an element whose class or id says "author" or "byline", a header...).
HTML_FEATURES: Final = FEATURES + DOM_FEATURES


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of one line: the names it gives, and the features the model reads."""

    unit: int
    names: tuple[str, ...]
    agency: str | None
    how: int
    features: tuple[float, ...]


@functools.cache
def _inner_opener(openers: tuple[str, ...]) -> regex.Pattern[str]:
    """An opener inside a line, after a space or a separator ("... by Jane Doe")."""
    alts = opener_alternation(o for o in openers if o[:1].isalpha() and o.isascii())
    return regex.compile(rf"(?<=[\s|{DOTS},(])(?:" + alts + r")\s*(?=\p{Lu})", regex.I)


@functools.cache
def _glued_label() -> regex.Pattern[str]:
    """A date label (data/datelabels.tsv) glued to a name in capitals: "BY JANE DOEPUBLISHED: JAN 29"."""
    words = set()
    for row in data_rows("datelabels.tsv"):
        word = row[1].strip().rstrip(":")
        if word.isascii() and word.isalpha():
            words.add(word.upper())
    return regex.compile(r"(?<=\p{Lu}{2})(?=(?:" + alternation(words) + r")\b)")


@functools.cache
def _glued_role() -> regex.Pattern[str]:
    """A job title glued to the name before it: "Jane DoeFounder at Acme", "Jane DoeEditor"."""
    words = alternation(w.capitalize() for w in marker_words("role") if w.isascii() and w.isalpha())
    return regex.compile(r"(?<=\p{Ll})(?=(?:" + words + r")\b)")


@functools.cache
def _glued_opener(openers: tuple[str, ...]) -> regex.Pattern[str]:
    """An opener glued to the name after it: "ByJane Doe"."""
    words = alternation(o.capitalize() for o in openers if o.isascii() and o.isalpha())
    return regex.compile(r"\A(" + words + r")(?=\p{Lu}\p{Ll})")


@functools.cache
def load_model(html: bool = False) -> TreeModel | None:
    """The shipped model, or None when the package was built without it (no authors then);
    with `html`, the one learnt on pages' HTML (`tools/train_authors.py --html`) when it is there."""
    wanted = [(f"{MODEL_NAME}_html", HTML_FEATURES)] if html else []
    for name, features in [*wanted, (MODEL_NAME, FEATURES)]:
        try:
            return TreeModel.shipped(name, features)
        except FileNotFoundError:
            continue
    return None


def threshold(model: TreeModel) -> float:
    """The probability a candidate must reach, fitted with the model (in its info)."""
    info = dict(model.info)
    return float(json.loads(info["threshold"])) if "threshold" in info else 0.5


def _name_words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def _loose(text: str, stoplist: frozenset[str]) -> tuple[str, bool] | None:
    """A short run of capitalised words opening `text` ("Jane Doe", "Everfit Team"), and
    whether it is the whole of `text`; a run that stops early needs two words or more."""
    words = _name_words(text.strip(NAME_EDGE))
    if not words:
        return None
    articles = marker_words("article")
    particles = marker_words("particle")
    if words[0].casefold() in articles:
        return None
    roles = marker_words("role")
    taken: list[str] = []
    ended = False
    for k, w in enumerate(words):
        if w.islower() and w in particles and taken:
            taken.append(w)
            continue
        stem = _POSSESSIVE.sub("", w)
        if not _LOOSE_WORD.match(stem) or _DIGIT.search(w):
            break
        if len(taken) >= 2 and w.casefold() in roles and k + 1 < len(words):
            break  # a job title after the name ("Jane Doe Founder & Lead Reviewer"); "Acme Editorial Team" stays
        taken.append(stem)
        if stem != w:
            ended = True  # "Jane Doe's Blog": the name ends at the possessive
            break
    while taken and taken[-1].islower():
        taken.pop()
    whole = len(taken) == len(words) and not ended
    if not 1 <= len(taken) <= 5 or (not whole and len(taken) < 2):
        return None
    if all(w.casefold() in stoplist for w in taken):
        return None
    words = taken
    name = " ".join(words)
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() for w in words)
    return name, whole


def readings(
    text: str, page: Page, next_text: str | None = None, run: str = "", next_run: str = ""
) -> list[tuple[tuple[str, ...], str | None, int]]:
    """Every reading of one line: (names, agency, how), first readings first, no repeats.
    `run` is what the lines after it add to a list of names printed one part a line, and
    `next_run` what the lines after the next one add (`run_on`)."""
    lexicon, stoplist, dates = page.lexicon, page.stoplist, page.dates
    out: list[tuple[tuple[str, ...], str | None, int]] = []
    seen: set[tuple[str, ...]] = set()

    agencies, roles = lexicon.agency_names, marker_words("role")

    def add(names: tuple[str, ...], agency: str | None, how: int) -> None:
        # A news agency alone ("Reuters | May 3") is the story's source, as the byline reader
        # reads it; no gold of the development pages names one as the author (roles, "Staff"
        # or "News Desk", are names there and stay).
        if all(nm.casefold() in agencies and roles.isdisjoint(nm.casefold().split()) for nm in names):
            return
        if any(_POSSESSIVE.search(w) for nm in names for w in nm.split()):
            return  # "Jane Doe's Blog": a name is never a possessive (`_loose` reads the name before it)
        names = tuple(_undoubled(nm) for nm in names)
        if names and names not in seen:
            seen.add(names)
            out.append((names, agency, how))

    if text.isupper():
        text = _glued_label().sub(" ", text)
    text = _glued_opener(lexicon.byline_openers).sub(r"\1 ", _GLUED_SEPARATOR.sub(r" \1 ", text))
    text = _glued_role().sub(" ", text)
    parsed = parse_byline(text, lexicon, stoplist, dates)
    lead_how = HOW_OPENER if text[:2].casefold() in lexicon.opener_heads else HOW_SUFFIX
    if parsed is not None:
        add(parsed[0], parsed[1], lead_how)
    if next_text is not None and is_opener(text, lexicon):
        for tail in (next_run, "") if next_run else ("",):
            joined = parse_byline(f"{text.strip()} {next_text.strip()}{tail}", lexicon, stoplist, dates)
            if joined is not None:
                add(joined[0], joined[1], HOW_SPLIT)
    if run:  # "Thomas Broderick" then ",", "Nalea Ko": the names as one line prints them
        listed, how = parse_byline(text + run, lexicon, stoplist, dates), lead_how
        if listed is None:
            listed, how = parse_name_line(text + run, lexicon, stoplist), HOW_NAMES
        if listed is not None and len(listed[0]) > 1:
            add(listed[0], listed[1], how)
    for m in _inner_opener(lexicon.byline_openers).finditer(text):
        # every one: "Reviewed by Jane Doe — Written by John Roe" names two people in two roles
        inner = parse_byline(text[m.start() :], lexicon, stoplist, dates)
        if inner is not None:
            add(inner[0], inner[1], HOW_INNER)
    strict = parse_name_line(text, lexicon, stoplist)
    if strict is not None:
        add(strict[0], strict[1], HOW_NAMES)
    rest = text
    found = dates_in(rest, dates)
    if found and found[0].start <= 2:
        timed = isinstance(found[0].value, datetime)
        rest = rest[found[0].end :]
        if timed:
            rest = _ZONE_AFTER_TIME.sub("", rest, count=1)
        found = dates_in(rest, dates)
    if found:
        rest = before_date(rest[: found[0].start], stoplist)
    label = first_label(rest)
    if label is not None:
        rest = rest[:label]
    parts = [p for p in _SEPARATORS.split(rest) if p.strip(NAME_EDGE)]
    if parts and parts[0].split(None, 1)[0].casefold() not in lexicon.opener_set:
        head = parts[0].split(",", 1)[0]
        loose = _loose(head, stoplist)
        if loose is not None:
            add((loose[0],), None, HOW_LOOSE if loose[1] and head == parts[0] else HOW_PREFIX)
    for opened in _opened(text, page):
        add((opened,), None, HOW_OPENED)
    for m in _inner_opener(lexicon.byline_openers).finditer(text):
        for opened in _opened(text[m.start() :], page):  # "Posted by BeauHD on Friday ..."
            add((opened,), None, HOW_OPENED)
    for names, agency, how in list(out):  # "By Jane Doe In Travel": the name without the "In"
        trimmed = tuple(_trim_stopwords(nm, stoplist) for nm in names)
        if trimmed != names and all(trimmed):
            add(trimmed, agency, how)
    return out


def _undoubled(name: str) -> str:
    """A name printed twice in a row, read once: html-text runs an author's picture's alt text
    into the name beside it ("Written by: Jane Doe Jane Doe")."""
    words = name.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _gapped(printed: str, text: str, lexicon: Lexicon) -> str:
    """A line as the byline reader reads it: a wide gap between two of its parts separates them,
    as "|" does, but for one right after a byline opener ("By   Jane Doe"). (Text input only:
    the text of an HTML page keeps the source's indentation, which says nothing of the layout.)"""
    if not _WIDE_GAP.search(printed):
        return text
    parts = _WIDE_GAP.split(printed)
    out = parts[0]
    for part in parts[1:]:
        out += " " if is_opener(out.rsplit("|", 1)[-1], lexicon) else " | "
        out += part
    return " ".join(out.split())


# Where the words an opener introduces end: a separator, a date, a label, another opener, a number.
_OPENED_WORD: Final = regex.compile(r"\A(?:\p{Lu}|\d+\p{L})[\p{L}\p{M}\d'’&.+-]*\Z")


@functools.cache
def _joiners() -> frozenset[str]:
    """The lower-case words a name after an opener may hold: particles, articles, conjunctions
    and joiners (data/markers.tsv)."""
    return frozenset().union(*(marker_words(k) for k in ("article", "particle", "conjunction", "joiner")))


def _opened(text: str, page: Page) -> tuple[str, ...]:
    """The words a byline opener introduces, as printed, when they read as a name of any kind:
    a person, a company, a column ("By Ask the Doctors", "By 3i Global"); not a role alone ("By
    Staff Reports") or a news agency ("By AFP"), which the byline reader sets apart. One to six
    words, each capitalised (or a number glued to letters); the only lower-case words inside are
    particles, articles, conjunctions and joiners (data/markers.tsv: "Bank of America"), so
    "By BeauHD on Friday" ends at "on"; a leading article is dropped. A job title after a name
    of two words or more is left out ("By Will Judd Former Deputy Editor" gives "Will Judd"); a
    role word ending the words is a team's name, read whole ("By Resy Staff", "By Acme Editorial
    Team"). The model decides whether such a reading is the page's author (news
    pages rarely print one; other sites' gold takes a company or a team as the author)."""
    rest = after_opener(text, page.lexicon)
    if rest is None:
        return ()
    rest = _SEPARATORS.split(rest.strip(" :"), maxsplit=1)[0]
    found = dates_in(rest, page.dates)
    if found:
        rest = before_date(rest[: found[0].start], page.stoplist)  # "By Jane Doe On 11/13/19"
    label = first_label(rest)
    if label is not None:
        rest = rest[:label]
    inner = _inner_opener(page.lexicon.byline_openers).search(rest)
    if inner is not None:
        rest = rest[: inner.start()]
    words = rest.strip(NAME_EDGE).split()
    if words and words[0].casefold() in marker_words("article"):
        words = words[1:]
    joiners = _joiners()
    taken: list[str] = []
    for raw in words:
        w = raw.rstrip(",;")
        if _OPENED_WORD.match(w):
            taken.append(w)
        elif w.islower() and w in joiners and taken:
            taken.append(w)
        else:
            break
        if w != raw:
            break  # "By Jane Doe, Home Expert": the name ends at the comma
    while taken and taken[-1].islower():
        taken.pop()
    roles = marker_words("role")
    role = next((k for k, w in enumerate(taken) if w.casefold() in roles), None)
    if not taken or taken[0].casefold() in page.lexicon.agency_names or role == 0:
        return ()  # "By AFP Photo": the story's source (an agency alone is never read: `readings`)
    if role is None or role == len(taken) - 1:
        return (" ".join(taken),) if len(taken) <= 6 else ()  # a name, or a team's ("Acme Team")
    return (" ".join(taken[:role]),) if role >= 2 else ()  # a name, then a job title


def _trim_stopwords(name: str, stoplist: frozenset[str]) -> str:
    """A name without the stop words a reading carried at its end ("Jane Doe In" -> "Jane Doe")."""
    words = name.split()
    roles = marker_words("role")
    while len(words) > 2 and words[-1].casefold() in stoplist and words[-1].casefold() not in roles:
        words.pop()  # (a role word ending a name is a team's: "Acme Editorial Team")
    return " ".join(words)


def run_on(page: Page, i: int) -> str:
    """What the lines after line `i` add to a list of names that the rendering printed one part
    a line (a link each): after "Thomas Broderick,", the lines "Nalea Ko, and" and "ACO Rankings
    Team" give " Nalea Ko, and ACO Rankings Team", after "By Jane Doe" the lines "and", "John
    Roe" give " and John Roe"; "" when no list goes on. A joint is a comma, a semicolon, "&" or a
    conjunction of data/markers.tsv, ending a line or on a line of its own, and a name after it
    is a line of one to five words that opens with a capital and ends no sentence."""
    units, facts = page.units, page.facts
    conjunctions = marker_words("conjunction")

    def bare(text: str) -> bool:
        word = text.strip(" ,;")
        return 0 < len(text) <= 6 and (word in ("", "&") or word.casefold() in conjunctions)

    def trailing(text: str) -> bool:
        words = text.split()
        return text.endswith((",", ";", "&")) or (len(words) > 1 and words[-1].casefold() in conjunctions)

    parts: list[str] = []
    pending = trailing(units[i].text.strip())
    names = 0
    for j in range(i + 1, len(units)):
        text = units[j].text.strip()
        if not pending and bare(text):
            parts.append(text if text[0] in ",;" else " " + text)
            pending = True
        elif pending and 1 <= facts[j].words <= 5 and text[:1].isupper() and not facts[j].ends_sentence:
            parts.append(" " + text)
            names += 1
            pending = trailing(text)
            if names == _RUN_NAMES:
                break
        else:
            break
    while parts and bare(parts[-1].strip()):
        parts.pop()  # a joint that no name follows
    return "".join(parts) if names else ""


def _windows(page: Page, title: int | None, body_start: int, end: int | None) -> set[int]:
    """The lines where pages print a byline."""
    n = len(page.units)
    keep: set[int] = set()

    def span(lo: int, hi: int) -> None:
        keep.update(range(max(0, lo), min(n, hi)))

    anchor = title if title is not None else body_start
    span(anchor - 20, anchor + 16)
    span(body_start - 12, body_start + 6)
    if end is not None:
        span(end - 3, end + 25)
    lo = (title if title is not None else body_start) - 15
    hi = (end if end is not None else body_start) + 20
    for i, lab in enumerate(page.rule_labels):
        if lab is not None and lab.kind is Kind.DATE and lo <= i <= hi:
            span(i - 2, i + 3)
    keep.update(page.bylines)
    for i in range(n - 1):  # an author's box: "Jane Doe", then "Jane Doe is a writer who ..."
        if 2 <= page.facts[i].words <= 4 and page.facts[i + 1].words >= 8:
            first = page.units[i].text.split(None, 1)[0]
            if page.units[i + 1].text.startswith(first + " "):
                keep.add(i)
    return keep


def candidates(page: Page, title: int | None, body_start: int, end: int | None) -> list[Candidate]:
    """The candidate readings of the page's byline places, with their features."""
    units, facts, labels, rules = page.units, page.facts, page.labels, page.rule_labels
    n = len(units)
    if n == 0:
        return []
    lexicon = page.lexicon
    roles, orgs = marker_words("role"), marker_words("org")
    agencies = lexicon.agency_names
    bio = lexicon.bio_words
    given = lexicon.given_names
    common = lexicon.common_words
    region = page.decision.region if page.decision is not None else (-1, -1)
    copies: dict[str, int] = {}
    for f in facts:
        copies[f.norm] = copies.get(f.norm, 0) + 1
    date_lines = [i for i, lab in enumerate(rules) if lab is not None and lab.kind is Kind.DATE]
    body_lines = [i for i, lab in enumerate(labels) if lab is not None and lab.kind is Kind.BODY]
    folded_lines = [u.text.casefold() for u in units]
    lower_words = set(_LOWER_WORD.findall(page.text))
    body_words = math.log1p(sum(facts[j].words for j in body_lines))
    hand_lines = float(len(page.bylines))
    near_dates = float(
        sum(1 for j in date_lines if abs(j - (title if title is not None else body_start)) <= 20)
    )
    title_words = set(_NAME_TOKEN.findall(folded_lines[title])) if title is not None else set()
    heading_kind = headings_above(rules)
    readers = comments_heading(rules, end if end is not None else n)
    raw: list[tuple[int, tuple[str, ...], str | None, int]] = []
    for i in sorted(_windows(page, title, body_start, end)):
        if i > readers:
            continue  # the readers' names, under a comments heading after the story
        rule_i = rules[i] if i < len(rules) else None
        if rule_i is not None and rule_i.rule in FURNITURE_RULES:
            continue  # a share row, a legal line: furniture, where no development page prints a byline
        f = facts[i]
        if not 1 <= f.words <= 30 or f.chars > 250:
            continue
        text = units[i].text
        if text.isascii() and text.islower() and not is_opener(text, lexicon):
            continue  # no capital letter: no name to read (an opener alone joins the next line)
        if units[i].lines == 1 and not page.from_html:
            text = _gapped(page.text[units[i].start : units[i].end].strip(), text, lexicon)
        nxt = units[i + 1].text if i + 1 < n else None
        split = nxt is not None and is_opener(text, lexicon)  # "By", the name on the next line
        run, next_run = run_on(page, i), run_on(page, i + 1) if split else ""
        for names, agency, how in readings(text, page, nxt, run, next_run):
            raw.append((i, names, agency, how))
    if not raw:
        return []
    anchor = title if title is not None else body_start
    named = [(abs(j - anchor), j) for j, (found, _) in page.bylines.items() if found]
    hand_nearest = min(named)[1] if named else -1
    order = sorted({i for i, *_ in raw}, key=lambda i: (abs(i - anchor), i))
    rank = {i: r for r, i in enumerate(order)}
    openers = sum(1 for *_, how in raw if how in (HOW_OPENER, HOW_SPLIT, HOW_INNER))
    body_set = set(body_lines)
    lines_with: dict[str, list[int]] = {}  # the lines that hold a name, by the name
    bio_lines: dict[int, bool] = {}  # whether a line uses a word of a note about the author
    no_dom = (0.0,) * len(DOM_FEATURES)  # an HTML page whose markup gave no line facts
    out: list[Candidate] = []
    for i, names, agency, how in raw:
        f = facts[i]
        text = units[i].text
        folded_words = {w.strip(".,:;()").casefold() for w in text.split()}
        hand = page.bylines.get(i)
        tokens = [len(_NAME_TOKEN.findall(nm)) for nm in names]
        first = names[0].casefold()
        holding = lines_with.get(first)
        if holding is None:
            holding = lines_with[first] = [j for j, t in enumerate(folded_lines) if first in t]
        name_lines = len(holding) - 1
        in_body = sum(1 for j in holding if j in body_set and j != i)
        bio_after = 0.0
        for j in range(i + 1, min(n, i + 4)):
            if folded_lines[j].startswith(first) and facts[j].words >= 8:
                bio_after = 1.0
                break
            if facts[j].words >= 8:
                about = bio_lines.get(j)
                if about is None:
                    about = bio_lines[j] = not bio.isdisjoint(w.casefold() for w in units[j].text.split())
                if about:
                    bio_after = 0.5
        short = sum(
            1
            for j in range(max(0, i - 2), min(n, i + 3))
            if j != i and facts[j].words <= 4 and not facts[j].ends_sentence
        )
        to_date = min((abs(i - j) for j in date_lines), default=99)
        rule = rules[i] if i < len(rules) else None
        name_tokens = [t.casefold() for nm in names for t in _NAME_TOKEN.findall(nm)]
        lower = sum(1 for t in name_tokens if t in lower_words) / max(1, len(name_tokens))
        usual = sum(1 for t in name_tokens if t in common) / max(1, len(name_tokens))
        in_title = sum(1 for t in name_tokens if t in title_words) / max(1, len(name_tokens))
        x: tuple[float, ...] = (
            float(how),
            float(hand is not None),
            float(hand is not None and tuple(hand[0]) == names),
            float(len(names)),
            sum(tokens) / len(tokens),
            float(any(t == 1 for t in tokens)),
            float(any(nm.isupper() for nm in names)),
            float(f.words),
            float(f.chars),
            f.capital_share,
            f.stop_share,
            float(len(_DIGIT.findall(text))),
            float(len(_SEPARATOR_CHARS.findall(text))),
            float(bool(dates_in(text, page.dates))),
            float(has_relative(text)),
            float(f.ends_sentence),
            float(_HANDLE.search(text) is not None),
            float(bool(folded_words & roles)),
            float(bool(folded_words & orgs)),
            float(agency is not None or bool(folded_words & agencies.keys())),
            _clip(i - title, 60) if title is not None else 99.0,
            _clip(i - body_start, 60),
            _clip(i - end, 60) if end is not None else 99.0,
            float(title is None),
            float(region[0] <= i <= region[1]),
            i / n,
            math.log1p(n),
            _code(rule),
            _code(rules[i - 1]) if i > 0 else -1.0,
            _code(rules[i + 1]) if i + 1 < len(rules) else -1.0,
            _code(labels[i]),
            _code(labels[i - 1]) if i > 0 else -1.0,
            _code(labels[i + 1]) if i + 1 < n else -1.0,
            float(min(to_date, 99)),
            float(copies.get(f.norm, 1)),
            float(min(name_lines, 20)),
            float(min(in_body, 20)),
            bio_after,
            float(short),
            float(rank[i]),
            float(len(order)),
            float(openers),
            lower,
            float(lexicon.phrase_kind(f.norm, f.words) is not None),
            in_title,
            min(1.0, sum(len(nm) for nm in names) / max(1, len(text))),
            float(
                i > 0
                and facts[i - 1].words <= 4
                and (
                    facts[i - 1].ends_colon
                    or is_opener(units[i - 1].text, lexicon)
                    or roles.issuperset(units[i - 1].text.casefold().split())  # "Author", "Guest Author"
                )
            ),
            body_words,
            near_dates,
            hand_lines,
            float(i == hand_nearest and hand is not None and tuple(hand[0]) == names),
            sum(_opens_with_given_name(nm, given) for nm in names) / len(names),
            float(end is not None and i > end and i < len(heading_kind) and heading_kind[i] is Kind.RELATED),
            usual,
        )
        if page.from_html:
            x += page.dom[i] if page.dom is not None else no_dom
        out.append(Candidate(i, names, agency, how, x))
    return out


def given_name_key(name: str) -> str:
    """A name as the given-name list holds it: its first word, casefolded, accents dropped
    ("Lucía Gómez" as "lucia"); "" for no word. tools/given_names.py writes the list so."""
    words = name.split(None, 1)
    if not words:
        return ""
    first = words[0].strip(".").casefold()
    if not first.isascii():
        first = "".join(c for c in unicodedata.normalize("NFKD", first) if not unicodedata.combining(c))
    return first


def _opens_with_given_name(name: str, given: frozenset[str]) -> bool:
    """Whether the name's first word is a given name, accents aside ("Lucía" as "lucia")."""
    key = given_name_key(name)
    return bool(key) and key in given


def _clip(v: int, limit: int) -> float:
    return float(max(-limit, min(limit, v)))


def _code(label: Label | None) -> float:
    return float(_KIND_CODE[label.kind]) if label is not None else 0.0


def choose(
    page: Page,
    title: int | None,
    body_start: int,
    end: int | None,
    model: TreeModel | None = None,
    cut: float | None = None,
) -> tuple[Candidate, float] | None:
    """The best candidate and its probability, when it clears the fitted threshold."""
    model = model if model is not None else load_model(page.from_html)
    if model is None:
        return None
    cut = threshold(model) if cut is None else cut
    found = candidates(page, title, body_start, end)
    width = len(model.features)  # (the text model reads no markup)
    probs = model.probas([list(cand.features[:width]) for cand in found])
    best: tuple[Candidate, float] | None = None
    for cand, p in zip(found, probs, strict=True):
        if best is None or p > best[1]:
            best = (cand, p)
    if best is None or best[1] < cut:
        return None
    return best
