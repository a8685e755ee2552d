"""Properties that hold for any input: no crash, segments tile the input, clean text survives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilerstrip import Article, extract

_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but "
    "have an they you were her she there been one all we their has would when if so no will more "
    "government said people year city council police minister water school report company market "
    "president week officials children hospital workers election river price plan court"
).split()


def assert_tiles(article: Article) -> None:
    text = article.text
    last = 0
    covered = bytearray(len(text))
    for seg in article.segments:
        assert seg.start >= last, "segments overlap or are unsorted"
        assert seg.end > seg.start
        assert seg.reason
        covered[seg.start : seg.end] = b"\x01" * (seg.end - seg.start)
        last = seg.end
    for i, ch in enumerate(text):
        # between segments: whitespace, and the invisible zero-width space and byte-order mark
        assert covered[i] or ch.isspace() or ch in "\u200b\ufeff", f"character {ch!r} at {i} is in no segment"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_never_raises_and_tiles_any_text(text: str) -> None:
    assert_tiles(extract(text))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
            st.sampled_from(["", " ", "Advertisement", "By Jane Doe", "Photo: AP", "12 Dec 2025", "Share"]),
        ),
        max_size=40,
    ),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
)
def test_line_soup_tiles(lines: list[str], newline: str) -> None:
    assert_tiles(extract(newline.join(lines)))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_bytes_never_raise_unexpectedly(data: bytes) -> None:
    from boilerstrip import InputError

    try:
        article = extract(data)
    except InputError:
        return
    assert_tiles(article)


_sentence = st.lists(st.sampled_from(_WORDS), min_size=9, max_size=22).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_paragraph = st.lists(_sentence, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_paragraph, min_size=2, max_size=8, unique=True))  # a repeated paragraph is a repeat
def test_clean_text_is_kept_whole(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    article = extract(text)
    assert list(article.paragraphs) == paragraphs
    again = extract(article.body)
    assert again.body == article.body


def test_extracting_the_body_again_keeps_it(seed_text: str) -> None:
    body = extract(seed_text).body
    assert extract(body).body == body


def test_a_sentence_that_starts_like_a_link_heading_is_prose() -> None:
    paragraphs = [
        "The council met on Tuesday to discuss the harbour repairs and the cost of the work.",
        "More from the meeting is expected when the minutes are published next week.",
        "Next year the council will ask the regional government to share the cost of the repairs.",
    ]
    assert list(extract("\n\n".join(paragraphs)).paragraphs) == paragraphs
