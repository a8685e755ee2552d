"""The date parser on the written forms news pages use, in many languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from boilerstrip.dates import date_roles, find_dates, find_relative, is_update

EST = timezone(timedelta(hours=-5))
CASES = [
    ("13 Dec 2025 10:47PM", datetime(2025, 12, 13, 22, 47)),
    ("December 13, 2025 at 10:47 p.m. EST", datetime(2025, 12, 13, 22, 47, tzinfo=EST)),
    ("13.12.2025, 22:47 Uhr", datetime(2025, 12, 13, 22, 47)),
    ("2025-12-13T22:47:00+08:00", datetime(2025, 12, 13, 22, 47, tzinfo=timezone(timedelta(hours=8)))),
    ("2025-12-13T22:47:00Z", datetime(2025, 12, 13, 22, 47, tzinfo=UTC)),
    ("Nov. 20, 2019, 9:28 AM UTC", datetime(2019, 11, 20, 9, 28, tzinfo=UTC)),
    ("NOV 15, 20195:45 AM", datetime(2019, 11, 15, 5, 45)),  # year and time run together
    ("13. Dezember 2025", date(2025, 12, 13)),
    ("13 de diciembre de 2025", date(2025, 12, 13)),
    ("13-Dec-2025", date(2025, 12, 13)),
    ("Updated on 19-DEC-2025", date(2025, 12, 19)),
    ("13 décembre 2025 à 22h47", datetime(2025, 12, 13, 22, 47)),
    ("13 dicembre 2025", date(2025, 12, 13)),
    ("13 de dezembro de 2025", date(2025, 12, 13)),
    ("13 december 2025", date(2025, 12, 13)),
    ("13 декабря 2025", date(2025, 12, 13)),
    ("13 grudnia 2025", date(2025, 12, 13)),
    ("13 Aralık 2025", date(2025, 12, 13)),
    ("13 Desember 2025", date(2025, 12, 13)),
    ("13 grudnia 2025 r.", date(2025, 12, 13)),
    ("2025年12月13日", date(2025, 12, 13)),
    ("2025년 12월 13일", date(2025, 12, 13)),
    ("13 tháng 12 năm 2025", date(2025, 12, 13)),
    ("Thứ bảy, 13 tháng 12, 2025 22:47", datetime(2025, 12, 13, 22, 47)),
    ("13 ٣ 2025", None),  # a lone number is no month
    # the year first (Hungarian, Lithuanian); digits of other scripts (Arabic, Persian, Hindi)
    ("2025. december 13. 22:47", datetime(2025, 12, 13, 22, 47)),
    ("2025 m. gruodžio 13 d.", date(2025, 12, 13)),
    ("Published 2025 December 13", None),  # no mark after the year: not this form
    ("١٣ ديسمبر ٢٠٢٥", date(2025, 12, 13)),
    ("۱۳/۱۲/۲۰۲۵", date(2025, 12, 13)),
    ("१३ दिसंबर २०२५", date(2025, 12, 13)),
    # the time first, then its zone and the weekday
    ("Updated 10:01 pm EST, Tuesday, November 19, 2019", datetime(2019, 11, 19, 22, 1, tzinfo=EST)),
    ("22:47, 13. Dezember 2025", datetime(2025, 12, 13, 22, 47)),
    (
        "Monday, November 18, 2019, 04:05 pm PT",
        datetime(2019, 11, 18, 16, 5, tzinfo=timezone(timedelta(hours=-8))),
    ),
    (
        "July 4, 2019 at 9:24 pm ET",
        datetime(2019, 7, 4, 21, 24, tzinfo=timezone(timedelta(hours=-4))),
    ),  # US summer
    ("Nov 18, 2019 at 9:24 pm CST", datetime(2019, 11, 18, 21, 24)),  # US Central or China: unknown
    ("11/19/19 06:56 AM EST", datetime(2019, 11, 19, 6, 56, tzinfo=EST)),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_forms(text: str, expected: date | None) -> None:
    found = find_dates(text)
    if expected is None:
        assert found == []
    else:
        assert found, text
        assert found[0].value == expected


def test_numeric_order() -> None:
    assert find_dates("05/06/2025")[0].value == date(2025, 5, 6)  # slash: month first by default
    assert find_dates("05/06/2025", day_first=True)[0].value == date(2025, 6, 5)
    assert find_dates("05.06.2025")[0].value == date(2025, 6, 5)  # dots: day first
    assert find_dates("13/05/2025")[0].value == date(2025, 5, 13)  # unambiguous either way
    assert find_dates("12/13/99")[0].value == date(1999, 12, 13)  # two digits as strptime's %y
    assert find_dates("13.12.25")[0].value == date(2025, 12, 13)


def test_no_dates() -> None:
    assert find_dates("Scores 4-1 in the second period") == []
    assert find_dates("Call 555-1234 today") == []
    assert find_dates("Wayland 1.25 RC1 (Wayland v1.24.91) is out") == []  # a version
    assert find_dates("") == []


REF = datetime(2025, 12, 14, 12, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 hours ago", datetime(2025, 12, 14, 10, 0)),
        ("vor 3 Stunden", datetime(2025, 12, 14, 9, 0)),
        ("hace 5 minutos", datetime(2025, 12, 14, 11, 55)),
        ("il y a 2 jours", date(2025, 12, 12)),
        ("3 дня назад", date(2025, 12, 11)),
        ("5時間前", datetime(2025, 12, 14, 7, 0)),
        ("yesterday", date(2025, 12, 13)),
        ("gestern", date(2025, 12, 13)),
        ("ayer", date(2025, 12, 13)),
    ],
)
def test_relative(text: str, expected: date) -> None:
    found = find_relative(text, REF)
    assert found is not None
    assert found.value == expected


def test_relative_needs_a_match() -> None:
    assert find_relative("Yesterdays news was big", REF) is None
    assert find_relative("the 2 hours agony", REF) is None


def test_roles() -> None:
    text = "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm"
    assert date_roles(text, find_dates(text)) == ["published", "updated"]
    text = "By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET"
    assert date_roles(text, find_dates(text)) == ["updated", "published"]
    assert is_update("Aktualisiert am 14.12.2025")
    assert is_update("Mis à jour le 14 décembre 2025")
    assert not is_update("Publié le 13 décembre 2025")


def test_long_line_is_cheap() -> None:
    line = "1" * 5_000_000 + " December 13, 2025"
    assert find_dates(line) == []  # far too long to be a date line
