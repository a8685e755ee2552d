"""Dates and times written in news pages, in many languages.

Month and weekday names come from dateparser's locale data (maintained, ~200 locales);
matching and parsing are done here with compiled patterns because calling a general date
parser on every line would cost a millisecond a call.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime

import regex

# Locales whose month names are recognised (the most used languages of the web and more).
LOCALES = (
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
)
_MONTH_KEYS = (
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
_FALLBACK_MONTHS = {
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
_UPDATED = regex.compile(
    r"\b(?:updated?|last\s+updated|modified|aktualisiert|zuletzt\s+aktualisiert|mis\s+à\s+jour|"
    r"actualizado|actualización|atualizado|atualização|aggiornato|aggiornamento|bijgewerkt|"
    r"обновлено|güncelleme|güncellendi|diperbarui|zaktualizowano|aktualizace|uppdaterad|opdateret)\b"
    r"|更新|수정",
    regex.I,
)
_TIME = regex.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])\s*(?::|h|\.(?=\d\d\s*(?:[ap]\.?\s?m\b|uhr|h\b)))\s*(?P<m>[0-5]\d)"
    r"(?::(?P<s>[0-5]\d))?(?!\d)\s*(?P<ap>[ap]\.?\s?m\b\.?)?",
    regex.I,
)
_TIME_AMPM = regex.compile(r"(?<![\d:])(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>[ap]\.?\s?m\b\.?)", regex.I)


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
                if len(name) >= 3 and not name.isdigit():
                    table.setdefault(name, number)
    return table


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], ...]:
    names = sorted(_month_table(), key=len, reverse=True)
    month = "(?P<mon>" + "|".join(regex.escape(n) for n in names) + r")\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?\.?"
    year = r"(?P<y>(?:19|20)\d\d)"
    return (
        # 2025-12-13T22:47:00+08:00, 2025-12-13 22:47
        regex.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d)"
            r"(?:[T\s]+(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.\d+)?)?"
            r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"
        ),
        # 2025年12月13日, 2025년 12월 13일, 2025/12/13, 2025.12.13
        regex.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年|년|[./])\s*(?P<mo>[01]?\d)\s*(?:月|월|[./])\s*"
            r"(?P<d>[0-3]?\d)(?:\s*(?:日|일))?(?!\d)"
        ),
        # 13 Dec 2025, 13. Dezember 2025, 13 de diciembre de 2025
        regex.compile(
            r"(?<![\p{L}\d])"
            + day
            + r"\s*(?:de\s+|of\s+)?"
            + month
            + r",?\s*(?:de\s+|del\s+)?"
            + year
            + r"(?!\d)",
            regex.I,
        ),
        # December 13, 2025 / Dec. 13th 2025
        regex.compile(r"(?<![\p{L}\d])" + month + r"\s+" + day + r",?\s+" + year + r"(?!\d)", regex.I),
        # 13.12.2025, 12/13/2025, 13-12-2025, 13.12.25
        regex.compile(
            r"(?<![\d.:/])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"
        ),
    )


def find_dates(text: str, *, day_first: bool | None = None) -> list[DateMatch]:
    """Every date in `text`, with the time next to it when there is one."""
    if len(text) > 2000 or not any(ch.isdigit() for ch in text):
        return []
    out: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    months = _month_table()
    for index, pattern in enumerate(_patterns()):
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


def _value(m: regex.Match[str], index: int, months: dict[str, int], day_first: bool | None) -> date | None:
    g = m.groupdict()
    try:
        if index in (0, 1):
            y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"])
        elif index in (2, 3):
            y, mo, d = int(g["y"]), months[g["mon"].casefold().strip(".")], int(g["d"])
        else:
            a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
            if y < 100:
                y += 2000
            if a > 12:
                d, mo = a, b
            elif b > 12:
                mo, d = a, b
            elif day_first is False or (day_first is None and g["sep"] == "/"):
                mo, d = a, b
            else:
                d, mo = a, b
        if index == 0 and g.get("h") is not None:
            return datetime(y, mo, d, int(g["h"]), int(g["m"]))
        return date(y, mo, d)
    except (ValueError, KeyError):
        return None


def _with_time(text: str, day: date, start: int, end: int) -> tuple[date | datetime, int, int]:
    """Attach a time written just after (or just before) the date."""
    window = text[end : end + 30]
    m = _TIME.search(window) or _TIME_AMPM.search(window)
    if m and not regex.search(r"\d{4}|[.!?]\s", window[: m.start()]):
        return _combine(day, m), start, end + m.end()
    before = text[max(0, start - 25) : start]
    last = None
    for last in _TIME.finditer(before):  # noqa: B007 - the last time before the date
        continue
    if last is not None and len(before[last.end() :].strip(" ,|-–—·\u00a0")) <= 3:
        return _combine(day, last), start - len(before) + last.start(), end
    return day, start, end


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


def is_update(text: str) -> bool:
    """True when a date line says it is an update time, not the publication time."""
    return bool(_UPDATED.search(text))
