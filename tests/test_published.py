"""The publication date as a fitted choice among the page's dates (boilerstrip.published)."""

from __future__ import annotations

from datetime import date, datetime

from boilerstrip import extract, published
from boilerstrip.extract import analyse
from boilerstrip.model import TreeModel

_STORY = (
    "The city council voted on Tuesday to extend night bus service to the eastern districts,"
    " after months of complaints from shift workers who said they had no way to get home.\n"
    "Officials said the new routes would start in March and cost about two million a year,"
    " paid mostly from the regional transport budget.\n"
    "Opposition members welcomed the decision but said it came too late for many families who"
    " had already given up jobs they could not reach at night.\n"
    "The first buses will run every thirty minutes between midnight and five in the morning,"
    " with stops at the main hospitals and the industrial park.\n"
)


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def test_the_model_file_matches_the_features() -> None:
    model = TreeModel.load("published")
    model.check(published.FEATURES)
    assert model.trees
    assert 0.0 <= published.threshold() <= 1.0


def test_html_input_has_its_own_date_model() -> None:
    model = published.model(html=True)
    assert model.name == "published_html" and model.features == published.FEATURES
    assert 0.0 <= published.threshold(html=True) <= 1.0


def test_published_and_updated_pair_picks_the_publication() -> None:
    text = (
        "Home\nLocal news\nNight buses to reach the eastern districts\nBy Jane Doe\n"
        "Published March 3, 2025 | Updated March 5, 2025\n" + _STORY + "Share this story\n"
    )
    article = extract(text)
    assert _day(article.published) == date(2025, 3, 3)
    assert _day(article.updated) == date(2025, 3, 5)
    line = next(s for s in article.segments if "Published March 3" in s.text_of(text))
    assert line.rule == "date.model" and line.probability is not None
    assert line.probability >= published.threshold()


def test_a_date_only_in_the_comments_is_no_publication_date() -> None:
    text = (
        "Home\nNight buses to reach the eastern districts\n" + _STORY + "3 comments\n"
        "Mary Major March 9, 2025 at 9:12 am\n"
        "About time. I have waited for this since they cut the old line.\n"
    )
    page = analyse(text)
    assert published.candidates(page) == []
    assert extract(text).published is None


def test_a_date_a_label_says_is_not_the_page_s_is_not_offered() -> None:
    # an offer's end, a link last checked, a reader's comment or reply (on the line of its date,
    # with no comments heading above it): never the publication date
    for line in (
        "Offer expires March 31, 2025.",
        "Last checked: 2025-03-31",
        "Angebot endet am 31.03.2025",
        "mmajor commented Mar 31, 2025",
        "Jane Roe replied on March 31, 2025",
    ):
        text = "Home\nNight buses to reach the eastern districts\n" + _STORY + line + "\n"
        page = analyse(text)
        assert published.candidates(page) == [], line
        assert extract(text).published is None, line
    # a date labelled as published before it on the same line is still offered
    text = (
        "Night buses to reach the eastern districts\nPublished March 3, 2025. Offer expires March 31, 2025.\n"
        + _STORY
    )
    assert [_day(c.match.value) for c in published.candidates(analyse(text))] == [date(2025, 3, 3)]


def test_empty_and_dateless_text() -> None:
    assert extract("").published is None
    assert published.candidates(analyse("")) == []
    assert published.choose(analyse("")) is None
    assert extract(_STORY).published is None


def test_a_page_that_writes_its_dates_day_first_reads_its_numeric_dates_so() -> None:
    """An English page whose dates with a month's name put the day first ("31 January 2025",
    British) puts it first in "03/10/2025" too: the 3rd of October, not the 10th of March."""
    text = (
        "Home\nNight buses to reach the eastern districts\nBy Jane Doe\n03/10/2025\n"
        + _STORY
        + "More from the blog\nWinter timetables are out - 31 January 2025\n"
        "New tram stops open - 18 January 2025\n"
    )
    assert _day(extract(text).published) == date(2025, 10, 3)
    us = text.replace("31 January 2025", "January 31, 2025").replace("18 January 2025", "January 18, 2025")
    assert _day(extract(us).published) == date(2025, 3, 10)
