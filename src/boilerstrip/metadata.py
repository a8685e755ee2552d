"""Metadata from the lines around the story: title, section, dates, byline, dateline, source, tags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import regex

from .classify import Label
from .dates import DateMatch, find_dates, is_update
from .features import UnitFacts
from .kinds import Kind
from .lexicon import Lexicon, normalize
from .lines import Unit

_SITE_SUFFIX = regex.compile(r"\s+(?:\||-|–|—|::|»|·)\s+[^|–—»·]{1,60}\Z")
_TAG_SPLIT = regex.compile(r"\s*(?:[,|·•;#]|\s/\s)\s*")
_NAME_SPLIT = regex.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\be\b|\bet\b|\ben\b|\bi\b|\bdan\b|\bve\b|\bи\b|、)\s*"
)
_NAME_WORD = regex.compile(
    r"\A(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|(?:de|da|do|dos|das|van|von|der|den|la|le|du|di|del|della|bin|ibn|al|el|ter|ten|y|zu)\Z)"
)
_ROLE = regex.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|analyst|bureau|chief|"
    r"desk|team|news|media|photographer|redaktion|redacción|rédaction|redazione|autor|author|journalist)\b",
    regex.I,
)
_BYLINE_SEP = regex.compile(r"\s+(?:\||•|·|—|–|-)\s+|\s{2,}")
_DATELINE_CAPS = regex.compile(
    r"\A(?P<place>[\p{Lu}][\p{Lu}\p{M}'’.\-]*(?:[ \-][\p{Lu}][\p{Lu}\p{M}'’.\-]*){0,3}"
    r"(?:,\s*\p{Lu}[\p{L}.]{0,12}(?:\s\p{Lu}[\p{L}.]{0,12})?)?)"
    r"(?:,\s*(?P<when>[\p{L}\d .]{1,20}?))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?::|[-–—]{1,2})\s+(?=\S)"
)
_DATELINE_AGENCY = regex.compile(
    r"\A(?P<place>\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \-]\p{Lu}[\p{L}\p{M}'’.\-]*){0,3})"
    r"(?:,\s*(?P<when>[\p{L}\d .]{1,20}?))?\s*\((?P<agency>[^()\n]{2,40})\)\s*(?::|[-–—]{1,2})\s+(?=\S)"
)
_SOURCE_LINE = regex.compile(r"\A(?P<label>[\p{L} ]{3,20}?)\s*:\s*(?P<value>.{2,120})\Z")
_REPORTING = regex.compile(
    r"\A[(\[]?\s*(?:reporting|additional reporting|writing|editing|compiled)\s+by\b.{2,300}[)\]]?\Z", regex.I
)
_INITIALS = regex.compile(r"\s*/\s*\p{Ll}{1,4}\Z")
_COPYRIGHT = regex.compile(r"\A(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<holder>[^\n]{2,60}?)\.?\Z", regex.I)


@dataclass(frozen=True, slots=True)
class Meta:
    title: int | None = None
    section: int | None = None
    published: tuple[int, date | datetime] | None = None
    updated: tuple[int, date | datetime] | None = None
    authors: tuple[int, tuple[str, ...]] | None = None
    dateline: tuple[str, str | None] | None = None  # (place, agency)
    source: tuple[int, str] | None = None
    tags: tuple[tuple[int, ...], tuple[str, ...]] | None = None


def first_body(labels: list[Label | None]) -> int | None:
    for i, label in enumerate(labels):
        if label is not None and label.kind is Kind.BODY:
            return i
    return None


def last_body(labels: list[Label | None]) -> int | None:
    for i in range(len(labels) - 1, -1, -1):
        label = labels[i]
        if label is not None and label.kind is Kind.BODY:
            return i
    return None


def _free(label: Label | None) -> bool:
    return label is None or label.kind is Kind.OTHER


# ---------------------------------------------------------------- title and section
def find_title(
    units: list[Unit], facts: list[UnitFacts], labels: list[Label | None], start: int
) -> int | None:
    """The headline: a short, unpunctuated line above the body, preferring lines the page repeats."""
    copies: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for i, f in enumerate(facts[: start + 1]):
        for key in _title_keys(f.norm):
            copies[key] = copies.get(key, 0) + 1
            first_at.setdefault(key, i)
    best: tuple[float, int] | None = None
    lo = max(0, start - 60)
    for i in range(start - 1, lo - 1, -1):
        label, f = labels[i], facts[i]
        if not (label is None or label.kind in (Kind.REPEATED, Kind.OTHER)):
            continue
        if not (3 <= f.words <= 40) or f.chars > 300 or f.letter_share < 0.6:
            continue
        text = units[i].text
        key = f.norm
        n = max(copies.get(k, 0) for k in _title_keys(key))
        score = 1.0 + min(n - 1, 2) * 1.0 - 0.04 * (start - i)
        if text.endswith("."):
            score -= 1.2
        if f.words < 4:
            score -= 0.4
        if f.stop_share == 0 and f.words > 3:
            score -= 0.2
        target = min(first_at.get(k, i) for k in _title_keys(key))
        if best is None or score > best[0]:
            best = (score, target)
    return best[1] if best and best[0] > 0 else None


def _title_keys(norm: str) -> list[str]:
    keys = [norm]
    m = _SITE_SUFFIX.search(norm)
    if m:
        keys.append(normalize(norm[: m.start()]))
    return keys


def title_text(text: str, units: list[Unit], title: int) -> str:
    """The headline without a site suffix when the bare headline is also on the page."""
    m = _SITE_SUFFIX.search(text)
    if m:
        bare = normalize(text[: m.start()])
        if any(normalize(u.text) == bare for u in units if u.index != title):
            return text[: m.start()].strip()
    return text


def find_section(facts: list[UnitFacts], labels: list[Label | None], title: int) -> int | None:
    """A lone category label just above the headline."""
    for i in range(title - 1, max(-1, title - 4), -1):
        label, f = labels[i], facts[i]
        if label is not None and label.kind in (Kind.SHARE, Kind.ADVERTISEMENT, Kind.LOGO, Kind.DATE):
            continue
        if label is None and 1 <= f.words <= 3 and f.chars <= 30 and not f.ends_sentence:
            before = facts[i - 1] if i > 0 else None
            free_before = i > 0 and labels[i - 1] is None
            if free_before and before is not None and before.words <= 3:
                return None  # the last item of a menu, not a lone label
            return i
        return None
    return None


# ---------------------------------------------------------------- dates
def find_dates_meta(
    units: list[Unit], labels: list[Label | None], anchor: int, body_start: int
) -> tuple[tuple[int, date | datetime] | None, tuple[int, date | datetime] | None]:
    """Published and updated: dates on short non-body lines, nearest to the headline first."""
    order = sorted(
        (i for i, lab in enumerate(labels) if lab is not None and lab.kind in (Kind.DATE, Kind.BYLINE)),
        key=lambda i: abs(i - anchor) if i <= body_start + 3 else 1000 + i,
    )
    published: tuple[int, date | datetime] | None = None
    updated: tuple[int, date | datetime] | None = None
    for i in order:
        found = find_dates(units[i].text)
        if not found:
            continue
        value = _best(found)
        if is_update(units[i].text):
            if updated is None:
                updated = (i, value)
            if len(found) > 1 and published is None and not is_update(units[i].text[: found[0].end]):
                published = (i, found[0].value)
            continue
        if published is None:
            published = (i, value)
        elif not isinstance(published[1], datetime) and isinstance(value, datetime):
            if value.date() == published[1]:
                published = (i, value)
    return published, updated


def _best(found: list[DateMatch]) -> date | datetime:
    for d in found:
        if isinstance(d.value, datetime):
            return d.value
    return found[0].value


# ---------------------------------------------------------------- byline
def parse_byline(text: str, lexicon: Lexicon) -> tuple[tuple[str, ...], str | None] | None:
    """(authors, agency) from a byline, or None when the text is not one."""
    if len(text) > 200:
        return None
    folded = text.casefold()
    rest = None
    for opener in lexicon.byline_openers:
        if folded.startswith(opener) and (
            opener.endswith(":") or len(text) == len(opener) or not text[len(opener)].isalpha()
        ):
            rest = text[len(opener) :].lstrip(" :")
            break
    if rest is None:
        return None
    rest = _BYLINE_SEP.split(rest)[0]
    for d in reversed(find_dates(rest)):
        rest = rest[: d.start].rstrip(" ,|-–—·") + rest[d.end :]
    names: list[str] = []
    agency: str | None = None
    for part in _NAME_SPLIT.split(rest):
        part = part.strip(" .,;:")
        if not part:
            continue
        if part in lexicon.agencies or part.upper() in {a.upper() for a in lexicon.agencies}:
            agency = agency or part
            continue
        if _ROLE.search(part):
            continue
        if "@" in part or "http" in part or any(ch.isdigit() for ch in part):
            continue
        words = part.split()
        if not (2 <= len(words) <= 5):
            continue
        if not all(_NAME_WORD.match(w) for w in words):
            continue
        if part.isupper():
            part = " ".join(w.capitalize() for w in words)
        names.append(part)
    if not names and agency is None:
        return None
    return tuple(dict.fromkeys(names)), agency


# ---------------------------------------------------------------- dateline and source
def parse_dateline(paragraph: str) -> tuple[str, str | None] | None:
    """(place, agency) from the opening of the first paragraph ("VILNIUS:", "LONDON (Reuters) -")."""
    head = paragraph[:120]
    m = _DATELINE_CAPS.match(head)
    if m:
        place = m.group("place").strip()
        letters = [ch for ch in place if ch.isalpha()]
        if len(letters) >= 3 and all(ch.isupper() for ch in letters):
            return place.rstrip(","), (m.group("agency") or None)
    m = _DATELINE_AGENCY.match(head)
    if m:
        return m.group("place").strip(), m.group("agency")
    return None


def parse_source(text: str, lexicon: Lexicon) -> str | None | bool:
    """The source named by a "Source: X" / "(Reporting by ...)" / "© AFP" line.

    Returns the value, True for a source line that names no single source, None for other lines."""
    if len(text) > 300:
        return None
    m = _SOURCE_LINE.match(text)
    if m and m.group("label").strip().casefold() in lexicon.source_labels:
        value = _INITIALS.sub("", m.group("value")).strip(" .")
        return value or True
    if _REPORTING.match(text):
        return True
    m = _COPYRIGHT.match(text)
    holder = str(m.group("holder")).strip() if m else ""
    if holder in lexicon.agencies:
        return holder
    return None


# ---------------------------------------------------------------- tags
def split_tags(text: str, body: str) -> tuple[str, ...]:
    """Tags from one line: on separators, or, for run-together words, on phrases the story uses."""
    parts = [p.strip() for p in _TAG_SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        return tuple(dict.fromkeys(parts))
    tokens = text.split()
    if len(tokens) <= 1:
        return (text.strip(),) if text.strip() else ()
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
