"""Dates and times written in news pages, in many languages.

Month and weekday names come from dateparser's locale data (maintained, ~200 locales);
matching and parsing are done here with compiled patterns because calling a general date
parser on every line would cost a millisecond a call.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final

import regex

from .lexicon import alternation, data_rows, holds_any

# Locales whose month names are recognised (the most used languages of the web and more).
LOCALES: Final = (
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "ru",
    "pl",
    "tr",
    "id",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "sk",
    "hu",
    "ro",
    "uk",
    "vi",
    "el",
    "hr",
    "sl",
    "bg",
    "ca",
    "ms",
    "tl",
    "lt",
    "lv",
    "et",
    "ar",
    "he",
    "hi",
)
# Locales read for relative dates only (their month names are numbers: "12月", "12월").
UNSPACED_LOCALES: Final = ("ja", "zh", "ko")
_MONTH_KEYS: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_FALLBACK_MONTHS: Final = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_TIME: Final = regex.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])\s*(?::|h|\.(?=\d\d\s*(?:[ap]\.?\s?m\b|uhr|h\b)))\s*(?P<m>[0-5]\d)"
    r"(?::(?P<s>[0-5]\d))?(?!\d)\s*(?P<ap>[ap]\.?\s?m\b\.?)?",
    regex.I,
)
# Digits of other scripts read as ASCII ones, by the code point of their zero: Arabic-Indic,
# Persian, Devanagari, Bengali.
_NATIVE_ZEROS: Final = (0x0660, 0x06F0, 0x0966, 0x09E6)
_NATIVE_DIGITS: Final = {zero + k: ord("0") + k for zero in _NATIVE_ZEROS for k in range(10)}
# Every date form read here has a four-digit year or a short numeric date (13.12.25), in ASCII
# digits or in those of _NATIVE_DIGITS (`\d` is any script's); "(?=\d)" first, so that the
# other positions are passed over without trying the alternatives.
_DATE_DIGITS: Final = regex.compile(
    r"(?=\d)(?:(?:19|20|"
    + "|".join(chr(zero + 1) + chr(zero + 9) + "|" + chr(zero + 2) + chr(zero) for zero in _NATIVE_ZEROS)
    + r")\d\d|\d[./-]\d{1,2}[./-]\d\d)"
)
_ZONE: Final = regex.compile(
    r"[\s,]*\(?(?P<name>[A-Z]{1,5})(?:(?P<sign>[+-])(?P<hh>\d{1,2})(?::?(?P<mm>[0-5]\d))?)?\)?(?![\p{L}\d])"
)
# The tail every month-first date ("December 13, 2025") ends with: a day after a space, then
# the year. Lines without it ("13 Dec 2025", "2025-12-13") skip the month-first form, whose
# hundreds of month names are otherwise tried at every word.
_DAY_YEAR: Final = regex.compile(
    r"\s[0-3]?\d(?:st|nd|rd|th|er|e|º|°)?\.?,?\s+(?:19|20)\d\d(?:(?!\d)|(?=[01]?\d:[0-5]\d))", regex.I
)
_TIME_AMPM: Final = regex.compile(r"(?<![\d:])(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>[ap]\.?\s?m\b\.?)", regex.I)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    value: date | datetime


@functools.cache
def _month_table() -> dict[str, int]:
    table = dict(_FALLBACK_MONTHS)
    try:
        from dateparser.languages import default_loader
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return table
    for code in LOCALES:
        try:
            info = default_loader.get_locale(code).info
        except Exception:  # a locale missing from this dateparser version
            continue
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key) or ():
                name = name.casefold().strip(".")
                if len(name) >= 3 and not any(ch.isdigit() for ch in name):
                    table.setdefault(name, number)
    return table


def _alternation(words: Iterable[str]) -> str:
    """A pattern matching any of `words`, longest first, written as a tree of shared prefixes.

    Hundreds of month names as one flat list are each tried in turn at every word; the tree
    tries only the names that share the letters read so far. At one position of a text, the
    names that can match are prefixes of one another (they lie on one path of the tree), and
    the tree tries the longer one first, as the list sorted by length did."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], ...]:
    month = "(?P<mon>" + _alternation(_month_table()) + r")\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?\.?"
    year = r"(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=[01]?\d:[0-5]\d))"
    # "(?=\d)" in front of the forms that open with a digit: the same matches, but the other
    # positions are passed over without trying the rest of the form
    return (
        # 2025-12-13T22:47:00+08:00, 2025-12-13 22:47
        regex.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d)"
            r"(?:[T\s]+(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.\d+)?)?"
            r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"
        ),
        # 2025年12月13日, 2025년 12월 13일, 2025/12/13, 2025.12.13; Vietnamese "13 tháng 12 năm 2025"
        regex.compile(
            r"(?=\d)(?:(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年|년|[./])\s*(?P<mo>[01]?\d)\s*(?:月|월|[./])\s*"
            r"(?P<d>[0-3]?\d)(?:\s*(?:日|일))?(?!\d)"
            r"|(?<!\d)(?P<d>[0-3]?\d)\s+tháng\s+(?P<mo>[01]?\d)(?:\s*,)?(?:\s*năm)?\s+(?P<y>(?:19|20)\d\d)(?!\d))",
            regex.I,
        ),
        # 13 Dec 2025, 13. Dezember 2025, 13 de diciembre de 2025, 13-Dec-2025
        regex.compile(
            r"(?=\d)(?<![\p{L}\d])"
            + day
            + r"(?:\s*(?:de\s+|of\s+)?"
            + month
            + r",?\s*(?:de\s+|del\s+)?|-"
            + month
            + r"-)"
            + year,
            regex.I,
        ),
        # December 13, 2025 / Dec. 13th 2025; also glued to the word before it when the page ran
        # two elements together ("By Jane DoeMar 5, 2025"): a capital right after a small letter
        regex.compile(
            r"(?:(?<![\p{L}\d])|(?-i:(?<=\p{Ll})(?=\p{Lu})))" + month + r"\s+" + day + r",?\s+" + year,
            regex.I,
        ),
        # 13.12.2025, 12/13/2025, 13-12-2025, 13.12.25; not a version ("v1.24.91")
        regex.compile(
            r"(?=\d)(?<![\d.:/])(?<!(?<!\p{L})[vV])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"
        ),
        # the year first: Hungarian "2025. december 13.", Lithuanian "2025 m. gruodžio 13 d."
        regex.compile(
            r"(?=\d)(?<![\d.:/-])(?P<y>(?:19|20)\d\d)(?:\.|\s+m\.)\s*"
            + month
            + r"\s+(?P<d>[0-3]?\d)(?!\d)\.?",
            regex.I,
        ),
    )


def find_dates(text: str, *, day_first: bool | None = None) -> list[DateMatch]:
    """Every date in `text`, with the time next to it when there is one."""
    if len(text) > 2000:
        return []
    digits = _DATE_DIGITS.search(text)
    if digits is None:
        return []
    if not digits.group().isascii():
        text = text.translate(_NATIVE_DIGITS)  # (one character for one: the offsets stand)
    out: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    months = _month_table()
    for index, pattern in enumerate(_patterns()):
        if index == 3 and not _DAY_YEAR.search(text):
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _value(m, index, months, day_first)
            if value is None:
                continue
            start, end = m.start(), m.end()
            if not isinstance(value, datetime):
                value, start, end = _with_time(text, value, start, end)
            taken.append((start, end))
            out.append(DateMatch(start, end, value))
    out.sort(key=lambda d: d.start)
    return out


def written_order(text: str) -> bool | None:
    """How `text` writes a date with its month's name: the day first ("13 December 2025", True),
    the month first ("December 13, 2025", False), or neither (None)."""
    if len(text) > 2000 or _DATE_DIGITS.search(text) is None:
        return None
    forms = _patterns()
    if forms[2].search(text) is not None:  # (the day, then the month's name)
        return True
    if _DAY_YEAR.search(text) is not None and forms[3].search(text) is not None:
        return False
    return None


# The dates found in each text an extraction has read, by (text, day_first): several stages
# read the same short lines, and `find_dates` depends on nothing else.
DateMemo = dict[tuple[str, bool | None], list[DateMatch]]


def dates_in(text: str, memo: DateMemo | None, *, day_first: bool | None = None) -> list[DateMatch]:
    """`find_dates(text, day_first=day_first)`, read from `memo` when the text was searched before.
    The list is shared: callers do not change it."""
    if memo is None:
        return find_dates(text, day_first=day_first)
    key = (text, day_first)
    found = memo.get(key)
    if found is None:
        found = memo[key] = find_dates(text, day_first=day_first)
    return found


def _value(
    m: regex.Match[str], index: int, months: dict[str, int], day_first: bool | None
) -> date | datetime | None:
    g = m.groupdict()
    try:
        if index in (0, 1):
            y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"])
        elif index in (2, 3, 5):
            y, mo, d = int(g["y"]), months[g["mon"].casefold().strip(".")], int(g["d"])
        else:
            a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
            if y < 100:
                y += 2000 if y < 69 else 1900  # as strptime's %y reads two digits ("12/13/99": 1999)
            if a > 12:
                d, mo = a, b
            elif b > 12:
                mo, d = a, b
            elif day_first is False or (day_first is None and g["sep"] == "/"):
                mo, d = a, b
            else:
                d, mo = a, b
        if index == 0 and g.get("h") is not None:
            value = datetime(y, mo, d, int(g["h"]), int(g["m"]))
            tz = g.get("tz")
            if tz:
                minutes = 0 if tz == "Z" else int(tz[1:3]) * 60 + int(tz[-2:])
                value = value.replace(
                    tzinfo=timezone(timedelta(minutes=-minutes if tz[0] == "-" else minutes))
                )
            return value
        return date(y, mo, d)
    except (ValueError, KeyError):
        return None


_YEAR_OR_STOP: Final = regex.compile(r"\d{4}|[.!?]\s")  # between a date and a time: not its time


def _with_time(text: str, day: date, start: int, end: int) -> tuple[date | datetime, int, int]:
    """Attach a time written just after (or just before) the date, and its zone when known."""
    window = text[end : end + 40]
    glued = bool(window[:1].isdigit())  # "NOV 15, 20195:45 AM": the year runs into the time
    if glued:
        window = " " + window
    m = _TIME.search(window) or _TIME_AMPM.search(window)
    if m and not _YEAR_OR_STOP.search(window[: m.start()]):
        stop = end + m.end() - glued
        value, stop = _zoned(text, _combine(day, m), stop)
        return value, start, stop
    before = text[max(0, start - 40) : start]
    last = None
    for last in _TIME.finditer(before):  # noqa: B007 - the last time before the date
        continue
    if last is not None:
        value, after = _zoned(before, _combine(day, last), last.end())
        between = before[after:].strip(" ,|-–—·\u00a0")
        # "10:01 pm PST, Tuesday, November 19, 2019": a zone and a weekday may stand between
        if len(between) <= 3 or (len(between) <= 12 and between.isalpha() and after > last.end()):
            return value, start - len(before) + last.start(), end
    return day, start, end


def _zoned(text: str, value: date | datetime, at: int) -> tuple[date | datetime, int]:
    """The value with the time zone named right after `at` ("EST", "GMT+2", "UTC"), when it is unambiguous."""
    if not isinstance(value, datetime):
        return value, at
    m = _ZONE.match(text, at)
    if not m:
        return value, at
    name = m.group("name").upper()
    zone = _zones().get(name)
    if zone is None:
        return value, at
    offset, seasonal = zone
    if seasonal and _us_summer(value):
        offset += 60
    if m.group("sign"):
        hours = int(m.group("hh"))
        minutes = int(m.group("mm") or 0)
        if hours > 14:
            return value, at
        delta = hours * 60 + minutes
        offset += delta if m.group("sign") == "+" else -delta
    return value.replace(tzinfo=timezone(timedelta(minutes=offset))), m.end()


@functools.cache
def _zones() -> dict[str, tuple[int, bool]]:
    """{abbreviation: (standard offset in minutes, follows US daylight-saving time)}."""
    table: dict[str, tuple[int, bool]] = {}
    for cells in data_rows("timezones.tsv"):
        table[cells[0].strip().upper()] = (int(cells[1]), len(cells) > 2 and cells[2].strip() == "us")
    return table


def _us_summer(value: datetime) -> bool:
    """US daylight-saving time: from 2:00 on the second Sunday of March to 2:00 on the first Sunday of November."""
    march = date(value.year, 3, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7 + 7)
    november = date(value.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    naive = value.replace(tzinfo=None)
    return (
        datetime(start.year, start.month, start.day, 2) <= naive < datetime(end.year, end.month, end.day, 2)
    )


def _combine(day: date, m: regex.Match[str]) -> date | datetime:
    hour = int(m.group("h"))
    minute = int(m.groupdict().get("m") or 0)
    ap = (m.group("ap") or "").casefold().replace(".", "").replace(" ", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    try:
        return datetime(day.year, day.month, day.day, hour, minute)
    except ValueError:
        return day


# ---------------------------------------------------------------- relative dates
_UNITS: Final = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400}


@functools.cache
def _relative_forms() -> tuple[tuple[str, ...], dict[str, tuple[str, int]]]:
    """The numbered relative-date forms ("(?P<n_hour>\\d{1,3}) hours ago") as pattern sources,
    longest first, and the fixed words ("yesterday") with their (unit, count).

    Built from dateparser's locale data (its relative-date expressions), for the same locales
    as the month names."""
    numbered: set[str] = set()
    fixed: dict[str, tuple[str, int]] = {}
    try:
        from dateparser.languages import default_loader
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return (), {}
    for code in (*LOCALES, *UNSPACED_LOCALES):
        try:
            info = default_loader.get_locale(code).info
        except Exception:
            continue
        for key, forms in (info.get("relative-type-regex") or {}).items():
            unit = key.replace("\\1", "").replace("ago", "").strip()
            if unit not in _UNITS or not key.endswith("ago"):
                continue
            for form in forms:
                group = f"(?P<n_{unit}>\\d{{1,3}})"
                numbered.add(_NUMBER_GROUP.sub(lambda _m, g=group: g, form, count=1))
        for key, forms in (info.get("relative-type") or {}).items():
            parts = key.split()
            if len(parts) == 3 and parts[0] in ("0", "1", "2") and parts[1] == "day" and parts[2] == "ago":
                for form in forms:
                    if len(form) >= 3:
                        fixed.setdefault(form.casefold(), ("day", int(parts[0])))
    return tuple(sorted(numbered, key=len, reverse=True)), fixed


@functools.cache
def _relative() -> tuple[regex.Pattern[str], dict[str, tuple[str, int]]]:
    """One pattern for "2 hours ago", "vor 3 Stunden", "il y a 2 jours", "yesterday", "hier"...

    Returns the pattern and, for fixed words, their (unit, count)."""
    alternatives, fixed = _relative_forms()
    if not alternatives and not fixed:
        return regex.compile(r"(?!)"), {}
    words = alternation(fixed)
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    # Group names repeat across alternatives; the `regex` module allows that.
    pattern = regex.compile(rf"(?<![\p{{L}}\d])(?:{body}|(?P<word>{words}))(?![\p{{L}}])", regex.I)
    return pattern, fixed


@functools.cache
def _relative_words() -> regex.Pattern[str]:
    """Only the fixed words ("yesterday", "gestern"): a cheap test for lines without digits."""
    _, fixed = _relative()
    words = alternation(fixed)
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{words})(?![\p{{L}}])", regex.I)


@functools.cache
def _relative_numbers() -> regex.Pattern[str]:
    """A digit with the words of some numbered form next to it: the text before the number
    ("vor ", "il y a ") or, for forms opening with the number, the text after it (" hours ago").

    Every numbered match holds one, so a text without one skips the full pattern (hundreds of
    forms tried at every word). Only digits are tried, the words by shared prefixes."""
    before: list[str] = []
    after: list[str] = []
    raw: list[str] = []
    for alt in _relative_forms()[0]:
        m = _GROUP_SOURCE.search(alt)
        if m is None:  # pragma: no cover - every form has its number group
            raw.append(alt)
            continue
        head, tail = alt[: m.start()], alt[m.end() :]
        piece = head or tail
        if _METACHARS.search(piece):
            raw.append(alt)
        elif head:
            before.append(head)
        else:
            after.append(tail)
    parts = [f"(?:{alt})" for alt in raw]
    if before:
        parts.append(f"(?<={_alternation(before)})\\d")
    if after:
        parts.append(f"\\d{_alternation(after)}")
    return regex.compile("|".join(parts) or r"(?!)", regex.I)


_GROUP_SOURCE: Final = regex.compile(r"\(\?P<n_\w+>\\d\{1,3\}\)")
_METACHARS: Final = regex.compile(r"[\\()\[\]{}?*+.|^$]")


@functools.cache
def _relative_ascii_spellings() -> tuple[str, ...] | None:
    """The fixed relative words ("yesterday", "i dag") as an ASCII text can hold them, in lower
    case: an ASCII text containing none of them cannot match `_relative_words`, and the test
    costs a few substring searches where the pattern costs one case-insensitive try at every word.

    Each letter of a word is spelled by the ASCII characters the pattern's own case-insensitive
    matching takes for it (words with a letter no ASCII character matches are left out); None,
    so that the pattern is always tried, when some letter would need two spellings."""
    ascii_chars = [chr(c) for c in range(128)]
    spelled_as: dict[str, set[str]] = {}
    out: list[str] = []
    for word in _relative()[1]:
        letters: list[str] = []
        for ch in word:
            if ch not in spelled_as:
                same = regex.compile(regex.escape(ch), regex.I)
                spelled_as[ch] = {a.lower() for a in ascii_chars if same.fullmatch(a)}
            if len(spelled_as[ch]) > 1:
                return None
            if not spelled_as[ch]:
                break  # never in an ASCII text
            letters.append(next(iter(spelled_as[ch])))
        else:
            out.append("".join(letters))
    return tuple(out)


def _may_be_relative(text: str) -> bool:
    if _relative_numbers().search(text) is not None:
        return True
    if text.isascii():
        spellings = _relative_ascii_spellings()
        if spellings is not None:
            if not holds_any(text.lower(), spellings):
                return False
    return _relative_words().search(text) is not None


_NUMBER_GROUP: Final = regex.compile(r"\([^()]*\\d[^()]*\)")


def has_relative(text: str) -> bool:
    """True when the text holds a relative date ("2 hours ago", "gestern"), resolvable or not."""
    return len(text) <= 300 and _may_be_relative(text) and _relative()[0].search(text) is not None


def find_relative(text: str, reference: date | datetime) -> DateMatch | None:
    """A relative date ("2 hours ago", "vor 3 Stunden", "gestern") resolved against `reference`."""
    if len(text) > 300 or not _may_be_relative(text):
        return None
    pattern, fixed = _relative()
    m = pattern.search(text)
    if m is None:
        return None
    if m.group("word"):
        _, count = fixed.get(m.group("word").casefold(), ("day", 0))
        base = reference.date() if isinstance(reference, datetime) else reference
        return DateMatch(m.start(), m.end(), base - timedelta(days=count))
    for unit, seconds in _UNITS.items():
        n = m.groupdict().get(f"n_{unit}")
        if n:
            delta = timedelta(seconds=seconds * int(n))
            if isinstance(reference, datetime) and seconds < 86400:
                return DateMatch(m.start(), m.end(), reference - delta)
            base = reference.date() if isinstance(reference, datetime) else reference
            return DateMatch(m.start(), m.end(), base - timedelta(days=delta.days))
    return None


@functools.cache
def _labels() -> regex.Pattern[str]:
    """Date label words (data/datelabels.tsv: published, updated, other) as one pattern with a
    group per kind."""
    kinds: dict[str, list[str]] = {"published": [], "updated": [], "other": []}
    for kind, word, *_ in data_rows("datelabels.tsv"):
        kinds.setdefault(kind.strip(), []).append(word.strip().rstrip(":").casefold())
    parts = []
    for kind, words in kinds.items():
        spaced = alternation((w for w in words if not _UNSPACED_WORD.search(w)), spaces=True)
        unspaced = [w for w in words if _UNSPACED_WORD.search(w)]
        alts = [r"(?<![\p{L}])(?:" + spaced + r")(?![\p{L}])"]
        if unspaced:
            alts.append(alternation(unspaced))
        parts.append(f"(?P<{kind}>{'|'.join(alts)})")
    return regex.compile("|".join(parts), regex.I)


_UNSPACED_WORD: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def date_roles(text: str, found: list[DateMatch]) -> list[str]:
    """For each date found in `text`: the kind of the nearest label before it ("Published ... |
    Updated ..."), "published", "updated" or "other" (not the page's date: "Offer expires ...",
    "Last checked ..."); "" when no label precedes it."""
    marks = [(m.start(), m.lastgroup or "published") for m in _labels().finditer(text)]
    roles = []
    for d in found:
        before = [kind for at, kind in marks if at < d.start]
        roles.append(before[-1] if before else "")
    return roles


def first_label(text: str) -> int | None:
    """Where the first date label word of `text` starts, if it has one."""
    m = _labels().search(text)
    return m.start() if m else None


def is_update(text: str) -> bool:
    """True when a date line says it is an update time, not the publication time."""
    m = _labels().search(text)
    return bool(m and m.group("updated"))
