"""Unit tests of the metadata parsers: bylines, datelines, sources."""

from __future__ import annotations

import pytest

from boilerstrip.lexicon import default_lexicon
from boilerstrip.metadata import parse_byline, parse_dateline, parse_name_line, parse_source, split_tags

LEX = default_lexicon()
EN = LEX.stoplists.get("en", frozenset())


@pytest.mark.parametrize(
    ("text", "names", "agency"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        ("Von Max Mustermann", ("Max Mustermann",), None),
        ("Texto: Ana Souza e João Silva", ("Ana Souza", "João Silva"), None),
        ("山田太郎 記者", ("山田太郎",), None),
        ("홍길동 기자", ("홍길동",), None),
        ("記者 王小明", ("王小明",), None),
        ("作者：王小明", ("王小明",), None),
        ("Napisał Jan Kowalski", ("Jan Kowalski",), None),
        ("Skrevet af Lars Hansen", ("Lars Hansen",), None),
        ("Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie"), None),
        ("Auteur : Jean Dupont", ("Jean Dupont",), None),  # French puts a space before a colon
        ("Texte\u00a0: Jean Dupont", ("Jean Dupont",), None),
        ("Auteurs\u202f: Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie"), None),
        ("Текст: Иван Петров", ("Иван Петров",), None),
        (
            "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
            ("Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"),
            None,
        ),
        ("By Tess Bonn - 11/19/19 06:56 AM EST", ("Tess Bonn",), None),
        ("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST", ("Kashmira Gander",), None),
        ("By Kashmira Gander On 11/13/19 at 4:00 PM EST", ("Kashmira Gander",), None),  # lines run together
        ("By Jane Will On May 3, 2024", ("Jane Will",), None),  # two words stay, stop word or not
        ("By Jane Doe@janedoe Nov 19, 2019, 7:53pm EST", ("Jane Doe",), None),
        ("By Jane Doe jdoe@example.com (509) 459-5382", ("Jane Doe",), None),
        ("Von Max Mustermann publiziert am 30. Juli 2018", ("Max Mustermann",), None),
        ("5:45 AM PST 11/19/2019 by Jane Doe", ("Jane Doe",), None),
        ("Written by Jane Doe, MS, RD on November 14, 2019", ("Jane Doe",), None),
        ("Analysis by Jane Doe, CNN Editor-at-large", ("Jane Doe",), None),
        ("By Jane Doe | Special to the Daily Planet", ("Jane Doe",), None),
        ("By Jane Doe Updated Nov. 19, 2019 8:21 am ET", ("Jane Doe",), None),
        ("By Reuters", (), "Reuters"),
        ("By Minh Do and Jane Doe", ("Minh Do", "Jane Doe"), None),
        ("Von Max Mustermann Foto: dpa", ("Max Mustermann",), None),
        ("By Jane Doe, BBC News, New York", ("Jane Doe",), None),
    ],
)
def test_byline(text: str, names: tuple[str, ...], agency: str | None) -> None:
    assert parse_byline(text, LEX, EN) == (names, agency)


@pytest.mark.parametrize(
    "text",
    [
        "By the way, this is not a byline",
        "Bypass road reopens",
        "By European Space Agency",
        "by 2020",
        "BY AND",
    ],
)
def test_not_byline(text: str) -> None:
    parsed = parse_byline(text, LEX, EN)
    assert parsed is None or parsed[0] == ()


@pytest.mark.parametrize(
    ("text", "names", "agency"),
    [
        ("Jane Doe", ("Jane Doe",), None),
        ("JANE DOE, FUTURISM", ("Jane Doe",), None),
        ("Jane Doe and John Roe, Associated Press", ("Jane Doe", "John Roe"), "Associated Press"),
        ("Jane Doe, AP National Political Writer", ("Jane Doe",), "AP"),
        ("Jane Doe - Nov 19, 2019, 8:15 pm CST", ("Jane Doe",), None),
    ],
)
def test_name_line(text: str, names: tuple[str, ...], agency: str | None) -> None:
    assert parse_name_line(text, LEX, EN) == (names, agency)


@pytest.mark.parametrize(
    "text",
    [
        "Breaking News",
        "Home Depot sales miss, shares plunge",
        "The Water Coolest",
        "Read more",
        "Learn More",
        "jane doe",
    ],
)
def test_not_name_line(text: str) -> None:
    assert parse_name_line(text, LEX, EN) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VILNIUS: Belarusian President Alexander Lukashenko freed", ("VILNIUS", None)),
        ("LONDON (Reuters) - Britain said", ("LONDON", "Reuters")),
        ("WASHINGTON, Dec 13 (AP) -- The", ("WASHINGTON", "AP")),
        ("MADRID, 13 dic (EFE).- El Gobierno", ("MADRID", "EFE")),
        ("New York (CNN) - The", ("New York", "CNN")),
        ("BERLIN (dpa) - Der Bundestag", ("BERLIN", "dpa")),
        ("COVID-19 cases rose again", None),
        ("BREAKING: Senate adjourns", None),
        ("The president said on Monday", None),
    ],
)
def test_dateline(text: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Source: Reuters/dy", "Reuters"),
        ("Quelle: dpa", "dpa"),
        ("Fuente: EFE", "EFE"),
        ("© AFP", "AFP"),
        ("(Reporting by Jane Doe; Editing by Alex Smith)", True),
        ("Sources say the deal is close", None),
        ("The source of the leak was never found.", None),
    ],
)
def test_source(text: str, expected: str | bool | None) -> None:
    assert parse_source(text, LEX) == expected


def test_tags_split() -> None:
    assert split_tags("Geneva, Diplomacy, United Nations", "") == ("Geneva", "Diplomacy", "United Nations")
    assert split_tags("Bundestag · Energie", "") == ("Bundestag", "Energie")
    body = "Talks on the United Nations plan resumed in Geneva with the Red Cross."
    assert split_tags("United Nations Geneva Diplomacy Red Cross", body) == (
        "United Nations",
        "Geneva",
        "Diplomacy",
        "Red Cross",
    )
    assert split_tags("Government and politics", body) == ("Government and politics",)
    assert split_tags("MacBook Pro,", body) == ("MacBook Pro",)


PARAGRAPHS = (
    "Envoys from both sides met for a second day of ceasefire talks in Geneva on Saturday, "
    "diplomats said, as pressure mounted for an agreement before the end of the year.\n\n"
    "The talks, mediated by a group of neutral states, are the first direct contact between the "
    "two delegations in more than a year, according to officials familiar with the matter.\n"
)


def test_title_in_capitals_takes_the_ordinary_copy() -> None:
    from boilerstrip import extract

    text = (
        "CEASEFIRE TALKS RESUME IN GENEVA\n\nBy Jane Doe\nDecember 13, 2025\n\n"
        + PARAGRAPHS
        + "\nMore on: Ceasefire talks resume in Geneva\n"
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva"


def test_title_in_ordinary_case_keeps_its_own_case() -> None:
    from boilerstrip import extract

    text = (
        "Ceasefire talks resume in Geneva\n\nBy Jane Doe\nDecember 13, 2025\n\n"
        + PARAGRAPHS
        + "\nMore on: Ceasefire Talks Resume In Geneva\n"
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("|Ceasefire talks resume in Geneva", "Ceasefire talks resume in Geneva"),
        ("› Ceasefire talks resume in Geneva", "Ceasefire talks resume in Geneva"),
        ("Ceasefire talks resume in Geneva,", "Ceasefire talks resume in Geneva"),
        ("»Ceasefire talks resume in Geneva«", "»Ceasefire talks resume in Geneva«"),
    ],
)
def test_title_without_separator_marks_at_its_edges(line: str, title: str) -> None:
    from boilerstrip import extract

    text = line + "\n\nBy Jane Doe\nDecember 13, 2025\n\n" + PARAGRAPHS
    assert extract(text).title == title


def test_title_site_suffix_dropped_when_the_bare_headline_is_shown() -> None:
    from boilerstrip import extract

    text = (
        "Ceasefire talks resume in Geneva | Daily Planet\n\nCeasefire talks resume in Geneva\n\n"
        "By Jane Doe\nDecember 13, 2025\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva"


def test_title_is_never_a_share_row_or_byline() -> None:
    from boilerstrip import extract

    text = "Share this story on Facebook\n\nBy European Space Agency\n\n" + PARAGRAPHS
    article = extract(text)
    assert article.title is None or not article.title.startswith(("Share", "By"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(CNN)President Donald Trump said", "CNN"),
        ("(AP) — The storm hit the coast", "AP"),
        ("(Reuters) - Envoys met on Saturday", "Reuters"),
        ("(NYAG) is investigating the company", None),
        ("(The long story) of it", None),
    ],
)
def test_lead_agency(text: str, expected: str | None) -> None:
    from boilerstrip.metadata import lead_agency

    assert lead_agency(text, LEX) == expected


def test_opener_alone_on_its_line() -> None:
    from boilerstrip import extract

    text = "Ceasefire talks resume in Geneva\n\nBy\n\nJane Doe\nDecember 13, 2025\n\n" + PARAGRAPHS
    article = extract(text)
    assert article.authors == ("Jane Doe",)
    assert all("Jane Doe" not in p for p in article.paragraphs)


def test_a_name_the_stoplist_holds_in_a_script_without_capitals() -> None:
    """jusText's Arabic stoplist holds common given names; after an opener they are a name."""
    arabic = LEX.stoplists.get("ar", frozenset())
    assert "محمد" in arabic  # (the case this test is about)
    assert parse_byline("بقلم: محمد علي", LEX, arabic) == (("محمد علي",), None)
    assert parse_name_line("محمد علي", LEX, arabic) is None  # no opener: no name read


def test_opener_with_a_spaced_colon_alone_on_its_line() -> None:
    from boilerstrip.metadata import is_opener

    assert is_opener("Auteur :", LEX) and is_opener("Texte\u00a0:", LEX)
    assert not is_opener("Dimanche :", LEX)


def test_date_label_is_no_name() -> None:
    assert parse_name_line("Published Tue, Nov 19 2019 7:05 AM EST", LEX, EN) is None
    assert parse_name_line("da Cup, Xfinity e Truck Series", LEX, EN) is None


def test_photo_agency_and_staff_are_no_source() -> None:
    assert parse_source("© Getty Images", LEX) is None
    assert parse_source("Source: https://example.org/report", LEX) is True
    assert parse_byline("By Staff", LEX, EN) is None


def test_name_line_never_starts_with_an_article() -> None:
    de = LEX.stoplists.get("de", frozenset())
    assert parse_name_line("Der Turm der Wünsche", LEX, de) is None
    assert parse_name_line("Eine Analyse von Max Mustermann", LEX, de) is None
    assert parse_dateline("PUBLISHED: November 19, 2019") is None


@pytest.mark.parametrize(
    ("dates", "published"),
    [
        ("Published 05/06/2025 | Updated 13/06/2025", "2025-06-05"),  # the other date shows day first
        ("Published 05/06/2025 | Updated 05/13/2025", "2025-05-06"),  # the other date shows month first
        ("Published 05/06/2025", "2025-05-06"),  # English page: month first
    ],
)
def test_numeric_order_from_the_page(dates: str, published: str) -> None:
    from boilerstrip import extract

    text = f"Ceasefire talks resume in Geneva\n\nBy Jane Doe\n{dates}\n\n" + PARAGRAPHS
    assert extract(text).to_dict()["published"] == published


def test_numeric_order_from_the_language() -> None:
    from boilerstrip import extract

    text = (
        "Waffenruhe: Gespräche in Genf gehen weiter\n\nVon Max Mustermann\n05/06/2025\n\n"
        "Die Gesandten beider Seiten haben sich am Samstag zu einem zweiten Tag der Gespräche in Genf "
        "getroffen, teilten Diplomaten mit, während der Druck für eine Einigung wächst.\n\n"
        "Die Gespräche werden von einer Gruppe neutraler Staaten vermittelt und sind der erste direkte "
        "Kontakt zwischen den beiden Delegationen seit mehr als einem Jahr, hieß es.\n"
    )
    article = extract(text)
    assert article.language == "de"
    assert article.to_dict()["published"] == "2025-06-05"


def test_title_is_the_line_the_byline_hangs_from_not_the_kicker() -> None:
    from boilerstrip import extract

    text = (
        "Home\nWorld\nPolitics\n\nDiplomacy Behind Closed Doors\n\n"
        "Ceasefire talks resume in Geneva as envoys meet again\n"
        "By Jane Doe\nDecember 13, 2025\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva as envoys meet again"


def test_title_is_the_repeated_line_not_the_standfirst_under_it() -> None:
    from boilerstrip import extract

    text = (
        "Up next:\nCeasefire talks resume in Geneva after a year of silence\n"
        "Ceasefire talks resume in Geneva after a year of silence\n"
        "Envoys from both sides meet for a second day\n"
        "By Jane Doe\nDecember 13, 2025\n\n" + PARAGRAPHS + "\nMore from the region\n"
        "Ceasefire talks resume in Geneva after a year of silence\n"
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva after a year of silence"


def test_title_under_a_trending_strip() -> None:
    from boilerstrip import extract

    text = (
        "TRENDING:\nElections\nClimate summit\nCeasefire talks resume in Geneva\n"
        "By Jane Doe - 12/13/25 06:56 AM EST\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva"


def test_title_above_a_date_line_the_body_stage_kept() -> None:
    from boilerstrip import extract

    text = (
        "Blog - Latest News\n"
        "Ceasefire talks resume in Geneva after a year of silence!\n"
        "December 13, 2025/0 Comments/in World News /by Jane Doe\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva after a year of silence!"


def test_title_over_share_buttons_and_byline_beats_a_video_title() -> None:
    from boilerstrip import extract

    text = (
        "Ceasefire talks resume in Geneva\n"
        "Envoys meet for a second day.\nFacebook\nTwitter\nComments\nEmail\n"
        "By Jane Doe\n\nVideo\nCeasefire talks: envoys from both sides meet in Geneva\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva"


def test_kicker_in_capitals_over_the_headline() -> None:
    from boilerstrip import extract

    text = (
        "Home\nWorld\nPolitics\n\nGENEVA CEASEFIRE TALKS\nWhy envoys keep coming back to the table\n"
        "Facebook\nTwitter\nEmail\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "Why envoys keep coming back to the table"


def test_headline_in_capitals_over_its_standfirst() -> None:
    from boilerstrip import extract

    text = (
        "CEASEFIRE TALKS RESUME\nEnvoys from both sides meet for a second day in Geneva.\n"
        "By Jane Doe\nDecember 13, 2025\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "CEASEFIRE TALKS RESUME"


def test_title_is_not_a_byline_without_opener_nor_a_bracketed_name() -> None:
    from boilerstrip import extract

    text = (
        "The world asks, are they serious? And what comes next?\n"
        "Jane Q. Doe and John Roe Daily Planet\n"
        "Published 10:02 AM EST Dec 13, 2025\n\n" + PARAGRAPHS
    )
    assert extract(text).title == "The world asks, are they serious? And what comes next?"
    text = (
        "Ceasefire talks resume in Geneva as envoys meet\nDecember 13, 2025\n<Ceasefire Talks>\n\n"
        + PARAGRAPHS
    )
    assert extract(text).title == "Ceasefire talks resume in Geneva as envoys meet"
