"""The headline ranking: the shipped model matches the code, and the headline wins over the
lines that look like one (the site name, a breadcrumb, a section label)."""

from __future__ import annotations

import math
from pathlib import Path

from boilerstrip import extract
from boilerstrip.extract import analyse
from boilerstrip.kinds import Kind
from boilerstrip.model import Tree, TreeModel
from boilerstrip.title import (
    FEATURE_NAMES,
    FEATURES,
    Candidate,
    candidates,
    choose,
    cutoffs,
    first_line_model,
    first_line_title,
    pick,
    shipped_model,
)

STORY = (
    "Ferry operators and the port authority met on Saturday to discuss the new fees, which the "
    "operators say will double the price of a crossing for island residents by next summer.\n\n"
    "The port authority said the fees would pay for new berths and that residents would keep "
    "their discount, but the operators said they would strike from Monday if nothing changed.\n\n"
    "Island councillors asked both sides to return to the table before the start of the winter "
    "timetable, when fewer boats sail and a strike would leave many villages cut off.\n"
)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HEADLINE = "Ferry operators threaten strike over new port fees"


def test_model_loads_and_its_features_are_the_code_s() -> None:
    model = TreeModel.load("title")
    model.check(FEATURE_NAMES)
    assert len(FEATURES) == len(set(FEATURE_NAMES))
    assert model.trees and shipped_model().features == FEATURE_NAMES
    cut = cutoffs(model)
    assert 0.0 <= cut.floor <= 1.0 and 0.0 <= cut.unruled <= 1.0 and cut.margin >= 0.0


def test_html_input_has_its_own_headline_model() -> None:
    html_model = shipped_model(html=True)
    assert html_model.name == "title_html" and html_model.features == FEATURE_NAMES
    cut = cutoffs(html_model)
    assert 0.0 <= cut.floor <= 1.0 and 0.0 <= cut.unruled <= 1.0


def test_site_name_and_breadcrumb_above_the_headline() -> None:
    text = (
        "The Island Courier\nHome › News › Local\nSubscribe\n\n"
        f"{HEADLINE}\nBy Jane Doe\nDecember 13, 2025\n\n{STORY}\n"
        "© The Island Courier\n"
    )
    article = extract(text)
    assert article.title == HEADLINE
    title = [s for s in article.segments if s.kind is Kind.TITLE]
    assert len(title) == 1 and title[0].rule == "title.model"
    assert title[0].probability is not None and 0.0 < title[0].probability <= 1.0
    assert text[title[0].start : title[0].end] == HEADLINE


def test_section_label_above_the_headline_stays_the_section() -> None:
    text = f"The Island Courier\nNews\nSport\nCulture\n\nLocal\n{HEADLINE}\nBy Jane Doe\nDecember 13, 2025\n\n{STORY}"
    article = extract(text)
    assert article.title == HEADLINE


def test_every_candidate_has_every_feature() -> None:
    page = analyse(f"The Island Courier\n{HEADLINE}\nBy Jane Doe\n\n{STORY}")
    found = candidates(page)
    assert found and all(len(c.features) == len(FEATURE_NAMES) for c in found)
    assert any(c.text == HEADLINE for c in found)


def _markup_features(page_source: str | Path) -> dict[str, tuple[float, ...]]:
    names = ("heading_level", "declared")
    cols = [FEATURE_NAMES.index(n) for n in names]
    found = candidates(analyse(page_source))
    return {c.text: tuple(c.features[k] for k in cols) for c in found}


def test_html_candidates_know_their_heading_level_and_the_declared_title() -> None:
    page = FIXTURES / "html" / "short-structured.html"
    feats = _markup_features(page)
    headline = "Town council approves cycle lanes on the river road"
    assert feats[headline] == (1.0, 1.0)  # in the h1, and the page's <title>
    assert feats["Why the council changed its mind"] == (2.0, 0.0)


def test_text_input_has_no_markup_features() -> None:
    feats = _markup_features(f"The Island Courier\n{HEADLINE}\nBy Jane Doe\n\n{STORY}")
    assert feats[HEADLINE] == (-1.0, -1.0)


def test_no_crash_and_no_title_on_empty_or_blank_text() -> None:
    for text in ("", "\n\n", "   "):
        assert candidates(analyse(text)) == []
        assert extract(text).title is None


def test_pick_keeps_the_rule_s_headline_within_the_margin() -> None:
    cut = cutoffs(shipped_model())
    assert pick([], cut) is None
    assert pick([(0.99, False), (0.1, True)], type(cut)(0.0, 0.0, 0.0)) == 0
    assert pick([(0.6, False), (0.5, True)], type(cut)(0.0, 0.0, 0.2)) == 1
    assert pick([(0.3, False)], type(cut)(0.0, 0.5, 0.0)) is None  # no rule's headline: `unruled`
    assert pick([(0.3, True)], type(cut)(0.4, 0.0, 0.0)) is None  # under the floor


def test_the_first_line_model_matches_the_code() -> None:
    model = first_line_model()
    assert model.name == "title_first_line" and model.features == FEATURE_NAMES
    cut = cutoffs(model)
    assert 0.0 <= cut.floor <= 1.0 and 0.0 <= cut.unruled <= 1.0


# A rendering made without a browser: the page's <title> ("Headline - Site") on the first line,
# then the site's menus, then the headline as the page shows it.
MENU = "\n".join(f"Section {k}" for k in range(12))
TITLED = f"{HEADLINE} - The Island Courier\n\n{MENU}\n\n{HEADLINE}\nBy Jane Doe\nDecember 13, 2025\n\n{STORY}"


def test_a_first_line_that_is_the_title_reads_as_the_declared_title() -> None:
    page = analyse(TITLED)
    found = candidates(page)
    titled = first_line_title(page, found)
    assert titled is not None and len(titled) == len(found)
    col = FEATURE_NAMES.index("declared")
    shown = [c for c in titled if c.text == HEADLINE and c.unit > 0]
    assert shown and all(c.features[col] == 2.0 for c in shown)  # the title less its affix
    assert all(c.features[col] == -1.0 for c in found)  # the candidates as listed are untouched


def test_the_first_line_title_marks_the_headline_where_the_page_shows_it() -> None:
    article = extract(TITLED)
    assert article.title == HEADLINE
    title = [s for s in article.segments if s.kind is Kind.TITLE]
    assert len(title) == 1 and title[0].rule == "title.first_line"
    assert title[0].start == TITLED.index(f"\n{HEADLINE}\nBy") + 1  # not the first line
    assert HEADLINE not in article.body


def test_pages_whose_first_line_is_not_their_title_keep_the_text_model() -> None:
    for text in (f"The Island Courier\n{HEADLINE}\nBy Jane Doe\n\n{STORY}", f"{HEADLINE}\n\n{STORY}", ""):
        page = analyse(text)
        assert first_line_title(page, candidates(page)) is None
    html = (FIXTURES / "html" / "short-structured.html").read_text(encoding="utf-8")
    page = analyse(html)
    assert page.from_html and first_line_title(page, candidates(page)) is None


def test_a_long_first_line_is_not_read_as_a_title() -> None:
    first = " | ".join([HEADLINE] * 40)  # a line of text with many separators, no <title>
    page = analyse(f"{first}\n\n{MENU}\n\n{HEADLINE}\nBy Jane Doe\n\n{STORY}")
    assert first_line_title(page, candidates(page)) is None
    short = analyse(f"{HEADLINE} | The Island Courier\n\n{MENU}\n\n{HEADLINE}\nBy Jane Doe\n\n{STORY}")
    assert first_line_title(short, candidates(short)) is not None


def _prefers_the_first_line(found: list[Candidate]) -> TreeModel:
    """A stand-in for a headline model: P 0.9 for the candidates of the first line, 0.5 for the
    others (one split on `offset`, the lines from the story's start)."""
    col = FEATURE_NAMES.index("offset")
    first = max(c.features[col] for c in found if c.unit == 0)
    tree = Tree((col,), (first + 0.5,), (-1,), (-2,), (math.log(9.0), 0.0))
    return TreeModel("title", FEATURE_NAMES, (tree,), info=(("floor", "0.1"), ("unruled", "0.1")))


def test_a_first_line_headline_with_more_words_gives_way_to_the_line_shown() -> None:
    # the first line reads "Headline, December 13" (a <title> with a date the page does not
    # print with its headline): the headline is the line the page shows, not the first line
    text = f"{HEADLINE}, December 13\n\n{MENU}\n\n{HEADLINE}\nBy Jane Doe\n\n{STORY}"
    page = analyse(text)
    chosen = choose(page, _prefers_the_first_line(candidates(page)))
    assert chosen is not None and chosen.candidate.unit > 0 and chosen.candidate.text == HEADLINE
    assert abs(chosen.probability - 0.9) < 1e-9 and chosen.shown_shorter
    # a later line that says more than the first one does not replace it
    longer = analyse(f"{HEADLINE}\n\n{MENU}\n\n{HEADLINE}, December 13 | World\n\n{STORY}")
    chosen = choose(longer, _prefers_the_first_line(candidates(longer)))
    assert chosen is not None and chosen.candidate.unit == 0 and not chosen.shown_shorter
