"""The fitted author decision: the model file, candidate readings, and whole pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from boilerstrip import extract
from boilerstrip.authors import (
    FEATURES,
    HOW_INNER,
    HOW_LOOSE,
    HOW_NAMES,
    HOW_OPENED,
    HOW_OPENER,
    HOW_PREFIX,
    HTML_FEATURES,
    MODEL_NAME,
    RULE,
    _gapped,
    _opens_with_given_name,
    candidates,
    load_model,
    readings,
    run_on,
    threshold,
)
from boilerstrip.extract import analyse
from boilerstrip.kinds import Kind
from boilerstrip.lexicon import default_lexicon
from boilerstrip.model import TreeModel

from conftest import ROOT, bench_dir

STORY = (
    "The council voted on Tuesday to rebuild the old harbour wall before the winter storms, "
    "after two years of repairs that did not hold.\n\n"
    "Engineers said the new wall would be higher and would protect the fishing fleet and the "
    "houses along the quay for at least fifty years.\n\n"
    "Work is due to start in March and will cost the town about four million euros, most of it "
    "paid by the regional government.\n"
)
HEAD = "Town council agrees to rebuild the harbour wall before winter\n\n"


def test_model_loads_and_matches_the_features() -> None:
    model = TreeModel.load(MODEL_NAME)
    model.check(FEATURES)
    assert model.trees
    assert 0.0 < threshold(model) < 1.0
    assert load_model() is not None
    html = load_model(html=True)
    assert html is not None and html.trees != model.trees  # its own file, not the text model's
    html.check(HTML_FEATURES)  # the text features, then what the markup says of the line
    assert 0.0 < threshold(html) < 1.0


def test_html_candidates_carry_what_the_markup_says() -> None:
    """On HTML input a candidate's features end with its line's markup facts (an element whose
    class says "author"), which the HTML model reads; the text model reads the first ones only."""
    html = (
        "<html><body><article><h1>The harbour wall is older than anyone thought</h1>"
        '<div class="author-name">By Jane Doe</div>'
        + "".join(f"<p>{line}</p>" for line in STORY.split("\n\n") if line.strip())
        + "</article></body></html>"
    )
    article = extract(html)
    assert article.authors == ("Jane Doe",)
    page = analyse(html)
    found = [c for c in candidates(page, 0, 2, None) if c.names == ("Jane Doe",)]
    assert found and len(found[0].features) == len(HTML_FEATURES)
    assert found[0].features[HTML_FEATURES.index("class_meta")] > 0


def test_readings_of_byline_forms() -> None:
    page = analyse(HEAD + STORY)
    assert readings("By Jane Doe | May 3, 2024", page)[0][:1] == (("Jane Doe",),)
    assert readings("By Jane Doe | May 3, 2024", page)[0][2] == HOW_OPENER
    inner = readings("Ten ways to see the coast by Jane Doe", page)
    assert (("Jane Doe",), None, HOW_INNER) in inner
    assert (("Jane Doe",), None, HOW_NAMES) in readings("Jane Doe | May 3, 2024", page)
    assert (("Susan",), None, HOW_LOOSE) in readings("Susan December 9, 2024 0 Comments", page)
    assert (("Mahua Das",), None, HOW_PREFIX) in readings("Dec 26, 2025 • Mahua Das in Projects", page)
    assert readings("ByJane Doe 12th February 2025", page)[0][0] == ("Jane Doe",)
    assert readings("BY JANE DOEPUBLISHED: JAN 29, 2025", page)[0][0] == ("Jane Doe",)
    assert readings("the harbour wall", page) == []
    assert ("Jane Doe",) in [r[0] for r in readings("Jane DoeFounder at Acme", page)]  # a glued job title
    assert ("Jane Doe",) in [r[0] for r in readings("Jane Doe Founder & Lead Reviewer", page)]
    assert ("Jane Doe",) in [r[0] for r in readings("Jane Doe's Tech Blog", page)]
    assert ("Acme Editorial Team",) in [r[0] for r in readings("Acme Editorial Team", page)]
    assert readings("By Jane Doe FOXBusiness", page)[0][0] == ("Jane Doe",)  # a brand's word ends the name
    assert readings("Written by: Jane Doe Jane Doe", page)[0][0] == ("Jane Doe",)  # alt text and name


def test_readings_of_what_an_opener_introduces() -> None:
    """A company, a column or a team after "By" is offered as it is printed (the model decides), a
    role alone or a news agency is not; every inner opener of a line is read; a stop word a name
    carried at its end, or a job title after it, is dropped."""
    page = analyse(HEAD + STORY)
    assert (("Ask the Doctors",), None, HOW_OPENED) in readings("By Ask the Doctors", page)
    assert (("Lavazza Coffee",), None, HOW_OPENED) in readings("By the Lavazza Coffee 2–3 minutes", page)
    assert readings("By Staff Reports", page) == []
    assert readings("by News Desk", page) == [(("News Desk",), None, HOW_OPENED)]  # a team's name
    assert (("Will Judd",), None, HOW_OPENED) in readings(
        "Guide by Will Judd Former Deputy Tech Editor", page
    )
    assert (("BeauHD",), None, HOW_OPENED) in readings("Posted by BeauHD on Friday December 19, 2025", page)
    assert not any(r[2] == HOW_OPENED for r in readings("By AFP | May 3, 2024", page))  # a source
    assert (("3i Global",), None, HOW_OPENED) in readings("By 3i Global", page)
    assert ("Jane Roe",) in [r[0] for r in readings("By Jane Roe, Home Expert | May 3, 2024", page)]
    two = readings("Medically reviewed by Ann Lee, MD — Written by Jane Doe, RD — Updated May 3, 2024", page)
    assert (("Jane Doe",), None, HOW_INNER) in two
    assert ("Jane Doe",) in [r[0] for r in readings("May 18, 2023 By Jane Doe In", page)]
    run_on = [r[0] for r in readings("By Jane Doe On 11/13/19 at 4:00 PM EST", page)]
    assert run_on and all(names == ("Jane Doe",) for names in run_on)  # never "Jane Doe On"
    assert readings("Contributors: Jane Doe", page)[0][:1] == (("Jane Doe",),)
    assert not any(r[2] == HOW_OPENED for r in readings("By the way, the wall is old", page))


def test_a_job_title_after_the_name_is_not_a_second_author() -> None:
    """The parts after a name that hold a job title's word are the person's role, and so is what
    follows them (the company); a second name joined by "and" still counts."""
    page = analyse(HEAD + STORY)
    first = [r[0] for r in readings("By: Jane Doe, Sr. Director of Operations, Acme Van Lines", page)]
    assert first and all(names == ("Jane Doe",) for names in first)
    assert readings("Written by Jane Doe, Head of Marketing and Community Development", page)[0][0] == (
        "Jane Doe",
    )
    assert readings("By Jane Doe, Security Expert & John Roe, Home Expert", page)[0][0] == ("Jane Doe",)
    assert readings("By Jane Doe and John Roe | May 3, 2024", page)[0][0] == ("Jane Doe", "John Roe")


def test_separators_of_other_shapes() -> None:
    """The dot operators some pages print between a byline's parts read as the middle dot does;
    a slash glued between a name and a capitalised word separates them, an opener's own slash
    ("AUTOR/IN") does not."""
    page = analyse(HEAD + STORY)
    for line in ("By Jane Doe ⋅ Senior Editor ⋅ Updated May 6, 2025", "By Jane Doe ∙ May 3, 2024"):
        assert readings(line, page)[0][0] == ("Jane Doe",)
    assert ("Jane Doe",) in [r[0] for r in readings("JANE DOE/The Associated Press", page)]
    dated = readings("By Jane Doe/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020", page)
    assert dated[0][0] == ("Jane Doe",)
    split = analyse(HEAD + "AUTOR/IN\nMax Mustermann\n\n" + STORY)
    assert ("Max Mustermann",) in [c.names for c in candidates(split, 0, 3, None)]


def test_names_printed_one_part_a_line_read_as_one_list() -> None:
    """A rendering that prints each linked name on a line of its own, with the commas and "and"
    between them on their own lines or at a line's end, gives a reading of the whole list."""
    page = analyse(
        HEAD + "Thomas Broderick\n,\nNalea Ko\n, and\nJohn Roe\nUpdated on December 11, 2025\n\n" + STORY
    )
    first = next(i for i, u in enumerate(page.units) if u.text.startswith("Thomas"))
    assert run_on(page, first) == " Nalea Ko, and John Roe"
    found = [c.names for c in candidates(page, 0, first + 4, None)]
    assert ("Thomas Broderick", "Nalea Ko", "John Roe") in found
    split = analyse(HEAD + "By\nJane Doe\nand\nJohn Roe\n\n" + STORY)
    assert ("Jane Doe", "John Roe") in [c.names for c in candidates(split, 0, 5, None)]
    alone = analyse(HEAD + "Jane Doe\nMay 3, 2024\n\n" + STORY)
    assert run_on(alone, 1) == ""  # no joint after the name
    dangling = analyse(HEAD + "By Jane Doe and\n\n" + STORY)
    assert run_on(dangling, 1) == ""  # a joint no name follows


def test_a_time_zone_after_a_time_is_no_name() -> None:
    """A time zone after a time ("11:28 AMT", one data/timezones.tsv leaves out as ambiguous) is
    no name; a name in capitals after the time still reads."""
    page = analyse(HEAD + STORY)
    assert readings("November 20, 2019 - 11:28 AMT", page) == []
    assert ("Jane Doe",) in [r[0] for r in readings("November 20, 2019 11:28 AMT Jane Doe", page)]
    assert ("Jane Doe",) in [r[0] for r in readings("November 20, 2019 11:28 JANE DOE", page)]
    assert ("Jane Doe",) in [r[0] for r in readings("November 20, 2019 - Jane Doe", page)]


def test_a_wide_gap_in_a_byline_separates_as_a_bar_does() -> None:
    """Cells printed side by side on one line ("By Jane Doe    View In Digital Edition"): the
    unit's text collapses the gap, the byline reader still sees it."""
    page = analyse(HEAD + "By Jane Doe    View In Digital Edition\n\n" + STORY)
    found = candidates(page, 0, 2, None)
    assert ("Jane Doe",) in [c.names for c in found]
    assert extract(HEAD + "JANE DOE \xa0 USA TODAY\n\n" + STORY).authors == ("Jane Doe",)
    # a gap right after an opener is no separator, and an HTML page's text keeps the source's
    # indentation, which is no layout: its lines are read as the unit's text
    assert _gapped("by   Jane Doe", "by Jane Doe", page.lexicon) == "by Jane Doe"
    assert _gapped("Jane Doe   Town Hall", "Jane Doe Town Hall", page.lexicon) == "Jane Doe | Town Hall"


def test_by_name_and_date_line() -> None:
    article = extract(HEAD + "By Jane Doe | May 3, 2024\n\n" + STORY)
    assert article.authors == ("Jane Doe",)
    byline = [s for s in article.segments if s.kind is Kind.BYLINE]
    assert byline and byline[0].rule == RULE and byline[0].probability is not None


def test_name_alone_under_the_headline() -> None:
    article = extract(HEAD + "Jane Doe\n\nMay 3, 2024\n\n" + STORY)
    assert article.authors == ("Jane Doe",)


def test_no_author_is_an_answer() -> None:
    article = extract(HEAD + "May 3, 2024\n\n" + STORY)
    assert article.authors == ()


def test_no_candidates_on_empty_text() -> None:
    assert extract("").authors == ()
    page = analyse("")
    assert candidates(page, None, 0, None) == []
    assert extract("\n\n   \n").authors == ()


def test_given_name_feature_reads_the_first_word_accents_aside() -> None:
    at = FEATURES.index("given_name")
    page = analyse(HEAD + "Lucía Gómez\n\nMay 3, 2024\n\n" + STORY)
    found = {c.names: c.features[at] for c in candidates(page, 0, 4, len(page.units) - 1)}
    assert found[("Lucía Gómez",)] == 1.0
    page = analyse(HEAD + "Harbour Office\n\nMay 3, 2024\n\n" + STORY)
    found = {c.names: c.features[at] for c in candidates(page, 0, 4, len(page.units) - 1)}
    assert found.get(("Harbour Office",), 0.0) == 0.0


def test_given_names_are_kept_as_they_are_looked_up() -> None:
    """data/given_names.txt holds each name as the feature looks it up (first word, casefolded,
    accents dropped), and holds names beyond the American lists ("Naoise", "Alban")."""
    given = default_lexicon().given_names
    assert len(given) > 20_000
    assert {"naoise", "alban", "matias", "lucia"} <= given
    unlike = [n for n in given if not _opens_with_given_name(n, frozenset({n}))]
    assert unlike == []
    assert not {"can", "forum", "author"} & given  # common words are left out


def test_common_words_feature_tells_words_from_names() -> None:
    """Pages print "Customer Care" in lower case as words; "Jane Roth" is a name."""
    at = FEATURES.index("common_words")
    for line, share in (("Customer Care", 1.0), ("Jane Roth", 0.0)):
        page = analyse(HEAD + line + "\n\nMay 3, 2024\n\n" + STORY)
        found = {c.names: c.features[at] for c in candidates(page, 0, 4, len(page.units) - 1)}
        assert found[(line,)] == share


def test_a_news_agency_alone_is_not_an_author() -> None:
    """An agency is the story's source (as the byline reader reads it); a role is offered."""
    page = analyse(HEAD + STORY)
    assert readings("Reuters | May 3, 2024", page) == []
    assert readings("By Associated Press", page) == []
    assert ("Jane Doe",) in [r[0] for r in readings("Jane Doe, Reuters | May 3, 2024", page)]
    assert ("Staff",) in [r[0] for r in readings("Staff | May 3, 2024", page)]
    assert extract(HEAD + "Reuters | May 3, 2024\n\n" + STORY).authors == ()


def test_furniture_lines_are_not_read_for_names() -> None:
    """A share row under the headline is buttons: the body's furniture rules hold no byline."""
    page = analyse(HEAD + "WhatsApp Telegram\n\n" + STORY)
    assert page.rule_labels[1] is not None and page.rule_labels[1].rule == "share.row"
    assert all(c.unit != 1 for c in candidates(page, 0, 2, len(page.units) - 1))
    assert extract(HEAD + "WhatsApp Telegram\n\n" + STORY).authors == ()


def test_readers_names_under_comments_are_not_offered() -> None:
    page = analyse(HEAD + STORY + "\n3 comments\n\nJane Doe\n\nGreat news for the town.\n")
    units = [u.text for u in page.units]
    end = units.index(STORY.strip().split("\n\n")[-1])
    assert units[end + 1] == "3 comments"
    assert all(c.unit <= end + 1 for c in candidates(page, 0, 1, end))
    assert extract(HEAD + STORY + "\n3 comments\n\nJane Doe\n\nGreat news for the town.\n").authors == ()


def test_common_words_file_is_what_its_tool_writes() -> None:
    """data/common_words.txt is fitted data: tools/common_words.py gives the same file again."""
    bench_dir()
    tool = ROOT / "tools" / "common_words.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


BYLINE_PAGES = sorted((ROOT / "fixtures" / "bylines").glob("*.txt"))
BYLINE_AUTHORS = json.loads((ROOT / "fixtures" / "bylines" / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", BYLINE_PAGES, ids=[p.stem for p in BYLINE_PAGES])
def test_bylines_in_other_languages(page: Path) -> None:
    """The openers of Hungarian, Croatian, Greek, Finnish, Slovenian, Hebrew, Arabic and Thai
    bylines, and names in scripts without capitals after an opener."""
    assert list(extract(page.read_text(encoding="utf-8")).authors) == BYLINE_AUTHORS[page.name]


@pytest.mark.parametrize("page", BYLINE_PAGES, ids=[p.stem for p in BYLINE_PAGES])
def test_a_short_line_in_a_script_without_capitals_is_not_a_name(page: Path) -> None:
    """Without its opener, the byline's place holds a section's name: no author. Only what an
    opener introduces is read as names in a script without capitals."""
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[2] = {"ar": "أخبار محلية", "he": "חדשות מקומיות", "th": "ข่าวท้องถิ่น", "el": "Τοπικές ειδήσεις"}.get(
        page.stem, "Lokal"
    )
    assert extract("\n".join(lines)).authors == ()
