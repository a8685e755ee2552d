"""Per-unit facts the body decision reads: how a line ends."""

from __future__ import annotations

import pytest

from boilerstrip.features import facts
from boilerstrip.lines import Unit


def _facts(text: str):  # type: ignore[no-untyped-def]
    return facts(Unit(0, 1, 0, len(text), text, True), "de", frozenset({"und", "das", "mir"}))


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Man fühlt sich danach wie neu – und das gefällt mir 😉", True),
        ("What a day that was!! 🙂🙂", True),
        ("Weiter ★", False),
        ("Home →", False),
        ("Er sagte: „Wir kommen wieder.“", True),
        ("Die Termine im Überblick", False),
        ("He said the talks would go on. (Reuters)", True),  # a sentence, then its attribution
        ("正是有了英勇的你们，才有这座英雄的城！（评论员 罗博）", True),
        ("Bitte entschuldigt den Fehler (falls ihr ihn gefunden habt 😉 )", True),
        ("Read more (here)", False),
    ],
)
def test_sentence_end_under_closers_and_emoji(text: str, ends: bool) -> None:
    assert _facts(text).ends_sentence is ends


@pytest.mark.parametrize(
    ("text", "colon"),
    [("Das Konzeptpapier finden Sie hier:", True), ("所需材料：", True), ("Fazit: gut.", False)],
)
def test_a_line_ending_in_a_colon_announces_what_follows(text: str, colon: bool) -> None:
    assert _facts(text).ends_colon is colon
