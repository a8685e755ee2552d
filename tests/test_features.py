"""Per-unit facts the body decision reads: how a line ends, how many words it holds."""

from __future__ import annotations

import random

import pytest

from boilerstrip import extract
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
        ("حکومت نے نئے بجٹ کا اعلان کیا۔", True),  # the Urdu full stop
        ("सरकार ने नए बजट की घोषणा की॥", True),  # a double danda
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


@pytest.mark.parametrize(
    ("words", "stop"),
    [
        ("កម្ពុជា រដ្ឋាភិបាល ប្រជាជន ភ្នំពេញ ថ្ងៃ ឆ្នាំ នេះ បាន និង របស់ ក្នុង ទៅ មក ការ សេដ្ឋកិច្ច", "។"),
        ("မြန်မာ နိုင်ငံ အစိုးရ ပြည်သူ ရန်ကုန် နေ့ နှစ် သည် နှင့် တွင်", "။"),
    ],
    ids=["khmer", "burmese"],
)
def test_a_story_in_a_script_without_spaces_between_words_is_kept(words: str, stop: str) -> None:
    """Khmer and Burmese put spaces between phrases, not words: a paragraph is a few
    space-separated runs, which counted as words made every paragraph too short to be prose.
    (Sentences built of real words in a seeded order: what is read is the script.)"""
    rng = random.Random(7)
    vocabulary = words.split()

    def phrase() -> str:
        return "".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 7)))

    story = [" ".join(phrase() for _ in range(rng.randint(3, 6))) + stop for _ in range(6)]
    text = "\n\n".join(
        ["Home\nNews\nSport\nContact", *story, "Share\nFacebook\nTwitter\n© 2024 Example News"]
    )
    assert extract(text).paragraphs == tuple(story)
