"""Declared metadata: what an HTML page's markup says, and how it is merged with the text."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilerstrip import Article, Field, Kind, Segment, extract
from boilerstrip.html import html_to_text, parse_html
from boilerstrip.lexicon import default_lexicon
from boilerstrip.markup import PREFER, TEXT_SURE, Declared, merge, read

from conftest import FIXTURES, Listener

HTML = FIXTURES / "html"
_STORY = (
    "<p>The harbour authority said on Monday that the new ferry terminal would open in June, two "
    "months later than planned, because the steel for the roof arrived late from the mill.</p>"
    "<p>Passengers will use the old terminal until then, and the authority has added a shuttle bus "
    "from the station so that travellers with luggage do not have to walk along the quay.</p>"
)


def _declared(markup: str) -> Declared:
    return read(parse_html(markup).root, default_lexicon())


# ---------------------------------------------------------------- reading the markup
def test_json_ld_graph_gives_the_article_node() -> None:
    article = extract(HTML / "declared-jsonld.html")
    utc = UTC
    assert article.published == datetime(2024, 3, 4, 1, 30, tzinfo=utc)
    assert article.updated == datetime(2024, 3, 5, 9, 15, tzinfo=utc)
    # a Person by reference into the @graph is resolved; the Organization is no author
    assert article.authors == ("Tomas Lindqvist", "Mira Okafor")
    assert article.section == "Local"  # the first of a list
    assert article.tags == ("ferries", "harbour", "construction")
    assert article.canonical_url == "https://gazette.example/news/2024/03/ferry-terminal-june"
    assert article.site_name == "The Example Gazette"
    assert article.image == "https://gazette.example/img/ferry-terminal.jpg"
    assert article.description is not None and article.description.startswith("The new terminal")
    assert article.language == "en"


def test_opengraph_and_meta_tags() -> None:
    article = extract(HTML / "declared-opengraph.html")
    cet = timezone(timedelta(hours=1))
    assert article.published == datetime(2023, 11, 20, 6, 0, tzinfo=cet)
    assert article.updated == datetime(2023, 11, 20, 14, 45, tzinfo=cet)
    assert article.authors == ("Anna Berger",)  # "Von ANNA BERGER, Beispielblatt", read as a byline
    assert article.section == "Verkehr"
    assert article.tags == ("Busverkehr", "Bergdorf", "Pendler")  # every article:tag
    assert article.canonical_url == "https://beispielblatt.example/verkehr/buslinie-bergdorf"  # og:url
    assert article.language == "de"
    assert article.image is None
    # an og:title the page never shows is an SEO title: the headline printed on the page stays
    assert article.title == "Neue Buslinie zum Bergdorf"
    where = article.where("title")
    assert where is not None and where.in_text


def test_a_site_name_joined_to_the_title_is_cut() -> None:
    head = '<meta property="og:site_name" content="Example Times">'
    for title in (
        "Bridge reopens after repairs | Example Times",
        "Example Times - Bridge reopens after repairs",
    ):
        declared = _declared(f"<html><head>{head}<title>{title}</title></head><body>{_STORY}</body></html>")
        assert declared.title == "Bridge reopens after repairs"
        assert declared.source("title") == "title-element"


def test_placeholder_dates_urls_and_organisations_are_no_values() -> None:
    declared = _declared(
        "<html><head>"
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
        '<meta property="article:author" content="https://example.com/staff/jane">'
        '<meta name="author" content="Staff Reports">'
        "</head><body>" + _STORY + "</body></html>"
    )
    assert declared.published is None
    assert declared.authors == ()


def test_only_a_time_element_marked_as_the_publication_counts() -> None:
    plain = _declared(f'<html><body><time datetime="2022-05-01">1 May</time>{_STORY}</body></html>')
    marked = _declared(f'<html><body><time datetime="2022-05-01" pubdate>1 May</time>{_STORY}</body></html>')
    assert plain.published is None
    assert marked.published == date(2022, 5, 1) and marked.source("published") == "time"


# ---------------------------------------------------------------- malformed markup
def test_malformed_json_ld_is_ignored() -> None:
    article = extract(HTML / "declared-malformed.html")
    assert article.title == "Storm closes coastal road"
    assert article.published is None and article.authors == () and article.tags == ()
    assert article.paragraphs[0].startswith("The coastal road")


@pytest.mark.parametrize(
    "block",
    [
        "[" * 100_000 + "]" * 100_000,  # deeper than the JSON parser recurses
        '{"a": ' * 50_000 + "1" + "}" * 50_000,
        '{"@type": "NewsArticle", "headline": "Cut short',
        '{"@type": "NewsArticle", "headline": "Trailing comma",}',
        "<!-- not json -->",
        '{"@graph": [null, 1, "x", {"@type": {"nested": true}}]}',
    ],
)
def test_no_json_ld_block_raises(block: str) -> None:
    page = (
        f'<html><head><script type="application/ld+json">{block}</script></head><body>{_STORY}</body></html>'
    )
    article = extract(page)
    assert article.paragraphs and article.published is None


def test_a_trailing_comma_is_forgiven() -> None:
    block = '{"@type": "NewsArticle", "headline": "Ferry terminal opens", "datePublished": "2024-06-01",}'
    declared = _declared(f'<html><head><script type="application/ld+json">{block}</script></head></html>')
    assert declared.published == date(2024, 6, 1) and declared.source("published") == "json-ld"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    ["@type", "@graph", "@id", "author", "datePublished", "headline", "keywords", "image"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200) | st.dictionaries(_KEYS, _JSON, max_size=6).map(json.dumps))
def test_never_raises_on_any_json_ld(block: str) -> None:
    block = block.replace("</", "<\\/")  # (the block stays inside its script element)
    page = (
        f'<html><head><script type="application/ld+json">{block}</script></head><body>{_STORY}</body></html>'
    )
    article = extract(page)
    assert article.paragraphs == extract(f"<html><body>{_STORY}</body></html>").paragraphs


def test_nothing_the_markup_refers_to_is_fetched(listener: Listener) -> None:
    url = listener.url
    block = json.dumps({"@context": f"{url}/ctx", "@type": "NewsArticle", "image": f"{url}/a.jpg"})
    page = (
        f'<html><head><link rel="canonical" href="{url}/story"><meta property="og:image" '
        f'content="{url}/b.jpg"><script type="application/ld+json">{block}</script></head>'
        f"<body>{_STORY}</body></html>"
    )
    article = extract(page)
    assert article.canonical_url == f"{url}/story" and article.image == f"{url}/a.jpg"
    assert not listener.connected()


# ---------------------------------------------------------------- what does not change
def test_a_page_that_declares_nothing_gives_what_its_text_gives() -> None:
    page = (HTML / "declared-nothing.html").read_text(encoding="utf-8")
    from_html, from_text = extract(page), extract(html_to_text(page))
    assert from_html.to_dict(segments=False) == from_text.to_dict(segments=False)
    # (the HTML body model, which reads the markup too, gives its own probabilities)
    assert [s.kind for s in from_html.segments] == [s.kind for s in from_text.segments]


def test_the_body_is_the_texts_whatever_the_markup_declares() -> None:
    page = (HTML / "declared-jsonld.html").read_text(encoding="utf-8")
    from_html, from_text = extract(page), extract(html_to_text(page))
    assert from_html.paragraphs == from_text.paragraphs
    # (the spans and kinds are the text's; the HTML body model gives its own probabilities)
    assert [(s.kind, s.start, s.end) for s in from_html.segments] == [
        (s.kind, s.start, s.end) for s in from_text.segments
    ]
    assert from_html.captions == from_text.captions


def test_text_input_has_no_page_fields_and_no_sources(seed_text: str) -> None:
    d = extract(seed_text).to_dict()
    assert not {"canonical_url", "site_name", "description", "image"} & set(d)
    assert all(set(f) == {"start", "end"} for f in d["fields"].values())


# ---------------------------------------------------------------- the merge rule and provenance
def _article(**values: object) -> Article:
    provenance = tuple(Field(name, 0, 5) for name in values)
    return Article(text="Title\n", provenance=provenance, **values)  # type: ignore[arg-type]


def test_declared_values_win_where_the_rule_says_so() -> None:
    text = _article(
        published=date(2024, 1, 1),
        updated=date(2024, 1, 2),
        authors=("Jane Roe",),
        section="News",
        tags=("a",),
    )
    declared = Declared(
        published=datetime(2024, 1, 2, 9, 0),
        updated=date(2024, 1, 3),
        authors=("Jane Doe",),
        section="Local",
        tags=("b", "c"),
        sources=(("published", "json-ld"), ("updated", "opengraph"), ("authors", "meta")),
    )
    merged = merge(text, declared, [], forced_language=False)
    for name, side in PREFER.items():
        if side == "markup" and getattr(declared, name) not in (None, ()):
            assert getattr(merged, name) == getattr(declared, name), name
    published = merged.where("published")
    assert published == Field("published", -1, -1, "json-ld") and not published.in_text
    assert merged.to_dict()["fields"]["published"] == {"start": -1, "end": -1, "source": "json-ld"}
    assert merged.where("section") == Field("section", -1, -1, "markup")  # no source noted: "markup"


def test_the_text_fills_what_the_markup_lacks_and_keeps_its_span() -> None:
    text = _article(published=date(2024, 1, 1), authors=("Jane Roe",))
    merged = merge(text, Declared(), [], forced_language=False)
    assert merged is text


def test_the_same_value_keeps_the_text_span_but_another_offset_is_another_value() -> None:
    utc, est = UTC, timezone(timedelta(hours=-5))
    text = _article(published=datetime(2024, 1, 1, 19, 4, tzinfo=est))
    same = merge(text, Declared(published=datetime(2024, 1, 1, 19, 4, tzinfo=est)), [], forced_language=False)
    assert same.where("published") == Field("published", 0, 5)
    instant = datetime(2024, 1, 2, 0, 4, tzinfo=utc)  # the same instant, written in UTC
    merged = merge(text, Declared(published=instant, sources=(("published", "json-ld"),)), [], False)
    assert merged.published is not None and merged.published.isoformat() == "2024-01-02T00:04:00+00:00"


def test_a_forced_language_wins_over_the_declared_one() -> None:
    text = _article(language="en")
    declared = Declared(language="de", sources=(("language", "html-lang"),))
    assert merge(text, declared, [], forced_language=True).language == "en"
    assert merge(text, declared, [], forced_language=False).language == "de"


@pytest.mark.parametrize(
    ("text_title", "declared_title", "lines", "expected"),
    [
        # the text's headline is the declared title less an affix: the text's headline stays
        ("Bridge reopens", "Bridge reopens | Example Times", ["bridge reopens"], "Bridge reopens"),
        # the declared title is printed on the page: it is the headline as shown
        ("Read more", "Bridge reopens after repairs", ["read more", "bridge reopens after repairs"], None),
        # printed less its site name and section ("Headline - Section | Site")
        (
            "Read more",
            "Bridge reopens - Local | Example Times",
            ["bridge reopens - local", "read more"],
            None,
        ),
        # an SEO title the page never shows does not replace the headline...
        ("Bridge reopens", "Best bridge news 2024", ["bridge reopens"], "Bridge reopens"),
        # ...but fills a page whose text gave no headline
        (None, "Best bridge news 2024", [], "Best bridge news 2024"),
    ],
)
def test_title_rule(
    text_title: str | None, declared_title: str, lines: list[str], expected: str | None
) -> None:
    text = _article(title=text_title) if text_title else Article(text="")
    declared = Declared(title=declared_title, sources=(("title", "opengraph"),))
    merged = merge(text, declared, lines, forced_language=False)
    if expected is None:  # the variant printed on the page
        assert merged.title is not None and merged.title.casefold() in lines
        assert merged.where("title") == Field("title", -1, -1, "opengraph")
    else:
        assert merged.title == expected


def test_a_sure_text_date_far_from_the_declared_one_stands() -> None:
    def dated(probability: float) -> Article:
        seg = Segment(Kind.DATE, 0, 5, "the publication date", 1, None, "date.model", probability)
        return replace(_article(published=date(2024, 1, 10)), segments=(seg,))

    far = Declared(published=date(2023, 6, 1), sources=(("published", "json-ld"),))
    near = Declared(published=date(2024, 1, 11), sources=(("published", "json-ld"),))
    assert merge(dated(TEXT_SURE + 0.05), far, [], False).published == date(2024, 1, 10)
    assert merge(dated(TEXT_SURE - 0.05), far, [], False).published == date(2023, 6, 1)
    # a day apart is one date written in two time zones: the declared one, with its zone, wins
    assert merge(dated(0.99), near, [], False).published == date(2024, 1, 11)


def test_an_unsure_headline_gives_way_to_a_declared_title_the_page_does_not_show() -> None:
    def headed(probability: float | None) -> Article:
        seg = Segment(Kind.TITLE, 0, 5, "the headline", 1, None, "title.model", probability)
        return replace(_article(title="Title"), segments=(seg,))

    seo = Declared(title="Bridge reopens after repairs", sources=(("title", "opengraph"),))
    assert merge(headed(0.3), seo, ["title"], False, title_floor=0.5).title == "Bridge reopens after repairs"
    assert merge(headed(0.7), seo, ["title"], False, title_floor=0.5).title == "Title"
    assert merge(headed(0.3), seo, ["title"], False).title == "Title"  # no floor: the text's headline
    assert merge(headed(None), seo, ["title"], False, title_floor=0.5).title == "Title"  # the hand rule's


def test_a_headline_another_declared_title_confirms_stays_however_unsure() -> None:
    def headed(probability: float) -> Article:
        seg = Segment(Kind.TITLE, 0, 5, "the headline", 1, None, "title.model", probability)
        return replace(_article(title="Title"), segments=(seg,))

    # og:title is an SEO title, but the <title> element ("Title | Site") names the printed headline
    seo = Declared(
        title="Bridge reopens after repairs",
        other_titles=("Title | The Gazette",),
        sources=(("title", "opengraph"),),
    )
    assert merge(headed(0.1), seo, ["title"], False, title_floor=0.5).title == "Title"
    alone = replace(seo, other_titles=())
    assert (
        merge(headed(0.1), alone, ["title"], False, title_floor=0.5).title == "Bridge reopens after repairs"
    )


def test_read_keeps_every_declared_title() -> None:
    declared = _declared(
        "<html><head><title>Headline - Site</title>"
        '<meta property="og:title" content="Click here: an SEO title">'
        '<meta name="twitter:title" content="Headline">'
        "</head><body><p>x</p></body></html>"
    )
    assert declared.title == "Click here: an SEO title"
    assert declared.other_titles == ("Headline", "Headline - Site")
