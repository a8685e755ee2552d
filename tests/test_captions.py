"""Caption credits in their written forms."""

from __future__ import annotations

import pytest

from boilerstrip import extract
from boilerstrip.captions import (
    caption_label,
    credit_lead,
    credit_only,
    folded_copy,
    is_bare_credit,
    slideshow,
    split_credit,
    without_toggle,
)
from boilerstrip.extract import analyse
from boilerstrip.kinds import Kind
from boilerstrip.lexicon import default_lexicon

LEX = default_lexicon()


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "A man walks past. (Photo: Handout via Reuters/Jane Doe)",
            "A man walks past.",
            "Handout via Reuters/Jane Doe",
        ),
        ("A man walks past. Photo: Jane Doe/Reuters", "A man walks past.", "Jane Doe/Reuters"),
        ("A man walks past. Credit: Getty Images", "A man walks past.", "Getty Images"),
        ("A man walks past. Image: Getty Images", "A man walks past.", "Getty Images"),
        ("A man walks past. REUTERS/Jane Doe", "A man walks past.", "REUTERS/Jane Doe"),
        (
            "A man walks past in Hialeah, Fla. (AP Photo/Jane Doe, File)",
            "A man walks past in Hialeah, Fla.",
            "AP Photo/Jane Doe, File",
        ),
        ("Ein Mann geht vorbei. Foto: Jane Doe/dpa", "Ein Mann geht vorbei.", "Jane Doe/dpa"),
        ("Un homme passe. Photo : Jean Martin / AFP", "Un homme passe.", "Jean Martin / AFP"),
        ("A man walks past (Image: GETTY )", "A man walks past", "GETTY"),
        ("A man walks past [File: Reuters]", "A man walks past", "Reuters"),
        ("A man ate a rabbitCredit: Getty - Contributor", "A man ate a rabbit", "Getty - Contributor"),
        ("A town in Austria.Jane Doe / Reuters file", "A town in Austria.", "Jane Doe / Reuters file"),
        ("A map of Titan. (NASA/JPL-Caltech/ASU)", "A map of Titan.", "NASA/JPL-Caltech/ASU"),
        (
            "Ein Hermelin im Winterfell. (jdoe / iStock.com)",
            "Ein Hermelin im Winterfell.",
            "jdoe / iStock.com",
        ),
        (
            "The stock fell. Photograph by Jane Doe/AFP/Getty Images",
            "The stock fell.",
            "Jane Doe/AFP/Getty Images",
        ),
        (
            "Two at a party. (Photo by Jane Doe/Getty Images for Acme)",
            "Two at a party.",
            "Jane Doe/Getty Images for Acme",
        ),
        ("A logo in New York.Reuters", "A logo in New York.", "Reuters"),
        ("‘The talks will go on.’ Photograph: AFP via Getty", "‘The talks will go on.’", "AFP via Getty"),
        ("«Wir reden weiter.» Bild: Jane Roe", "«Wir reden weiter.»", "Jane Roe"),
        # an agency's file picture, "files" as Canadian papers print it
        ("A plant near Toronto. Jane Roe/Reuters files", "A plant near Toronto.", "Jane Roe/Reuters files"),
        (
            "Posters from the city's new campaign. (example.org)",
            "Posters from the city's new campaign.",
            "example.org",
        ),
    ],
)
def test_split_credit(text: str, caption: str, credit: str) -> None:
    assert split_credit(text, LEX) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "All contents © 2019 The Slate Group LLC. All rights reserved.",
        "Copyright © EnterMedia.co.kr. All right reserved",
        "He said the plan was sound.",
        "Prices rose 3% (and/or more) last year",
        "He said the plan was sound (see p.12).",
        "Read more at the agency's site (Example.org)",
        "Prices rose again. (in euros/year)",
    ],
)
def test_no_credit(text: str) -> None:
    assert split_credit(text, LEX) is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Photo: Getty Images", "Getty Images"),
        ("(AP Photo/Jane Doe)", "AP Photo/Jane Doe"),
        ("Photo by Jane Doe/Getty Images", "Jane Doe/Getty Images"),
        ("Image copyright EPA", "EPA"),
        ("GETTY", "GETTY"),
        ("© Jane Doe", "Jane Doe"),
        # an abbreviated credit word needs no colon (Polish "Fot." for "Fotografia")
        ("Fot. Jan Kowalski / Agencja Gazeta", "Jan Kowalski / Agencja Gazeta"),
    ],
)
def test_credit_only(text: str, credit: str) -> None:
    assert credit_only(text, LEX) == credit


@pytest.mark.parametrize(
    "text", ["© 2019 Acme Inc", "Staff", "Photos of the week are here and more", "Photography", "Fot."]
)
def test_not_credit_only(text: str) -> None:
    assert credit_only(text, LEX) is None


def test_labels() -> None:
    assert caption_label("Media captionWho is Jane Doe?") == "Who is Jane Doe?"
    assert caption_label("Image caption The scene in Geneva") == "The scene in Geneva"
    assert caption_label("Captions are fun") is None
    assert credit_lead("Credit...")
    assert credit_lead("Credit…")
    assert not credit_lead("Credit Suisse")


STORY = (
    "Ceasefire talks resume in Geneva as envoys meet\n\n"
    "By Jane Doe\n"
    "December 13, 2025\n\n"
    "GENEVA (Reuters) - Envoys from both sides met for a second day of talks in Geneva on Saturday, "
    "diplomats said, as pressure mounted for an agreement before the end of the year.\n\n"
    "{figure}\n\n"
    "The talks, mediated by a group of neutral states, are the first direct contact between the two "
    "delegations in more than a year, according to officials familiar with the matter.\n\n"
    "Neither side commented publicly on the substance of the discussions, which are expected to "
    "continue into next week at the earliest, the officials said on Saturday.\n"
)


@pytest.mark.parametrize(
    ("figure", "caption", "credit"),
    [
        (
            "Delegates arrive for the talks on Saturday.\nPhoto: Jane Roe/Reuters",
            "Delegates arrive for the talks on Saturday.",
            "Jane Roe/Reuters",
        ),
        (
            "Photo: Jane Roe/Reuters\nDelegates arrive for the talks on Saturday.",
            "Delegates arrive for the talks on Saturday.",
            "Jane Roe/Reuters",
        ),
        (
            "Delegates arrive for the talks on Saturday.\nCredit...\nJane Roe/The Daily Planet",
            "Delegates arrive for the talks on Saturday.",
            "Jane Roe/The Daily Planet",
        ),
        (
            "Delegates arrive for the talks on Saturday.\nGETTY",
            "Delegates arrive for the talks on Saturday.",
            "GETTY",
        ),
        (
            "Image caption Delegates arrive for the talks on Saturday",
            "Delegates arrive for the talks on Saturday",
            None,
        ),
        (
            "Delegates arrive for the talks on Saturday. (AP Photo/Jane Roe)",
            "Delegates arrive for the talks on Saturday.",
            "AP Photo/Jane Roe",
        ),
    ],
)
def test_caption_in_story(figure: str, caption: str, credit: str | None) -> None:
    article = extract(STORY.format(figure=figure))
    assert [(c.text, c.credit) for c in article.captions] == [(caption, credit)]
    assert all("Delegates" not in p for p in article.paragraphs)
    assert article.title == "Ceasefire talks resume in Geneva as envoys meet"


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("서울 도심에서 시민들이 걷고 있다. 사진=연합뉴스", "서울 도심에서 시민들이 걷고 있다.", "연합뉴스"),
        ("Người dân đi bộ trên phố. Ảnh: Ngọc Thành", "Người dân đi bộ trên phố.", "Ngọc Thành"),
        ("Здание банка в Москве. Фото: Иван Сидоров/ТАСС", "Здание банка в Москве.", "Иван Сидоров/ТАСС"),
        ("会合後に記者会見する日銀総裁。写真：共同通信", "会合後に記者会見する日銀総裁。", "共同通信"),
    ],
)
def test_split_credit_other_scripts(text: str, caption: str, credit: str) -> None:
    assert split_credit(text, LEX) == (caption, credit)


def test_sign_off_and_source_label_are_not_credits() -> None:
    story = STORY.format(figure="The talks are expected to resume on Monday, officials said.\nReuters")
    assert extract(story).captions == ()
    story = STORY.format(
        figure="The talks are expected to resume on Monday, officials said.\nSOURCE:\nNews agencies"
    )
    assert extract(story).captions == ()
    assert not credit_lead("Source:", LEX)
    assert credit_lead("Photo:", LEX)


def test_gallery_captions_after_the_story_and_its_uncredited_first_slot() -> None:
    gallery = (
        "Delegates wait outside the conference hall in Geneva\n4\n"
        "Envoys arrive at the palace gates on SaturdayCredit: Jane Roe/Reuters\n4\n"
        "Guards stand outside the hotel of the delegationsCredit: Jane Roe/Reuters\n4\n"
        "Journalists gather at the entrance of the hallCredit: AFP\n4\n"
        "A diplomat reads a statement to the pressCredit: AFP\n"
    )
    filler = "".join(f"Related story number {n} about another topic\n" for n in range(6))
    text = STORY.format(figure="The officials said more talks would follow.") + filler + gallery
    captions = [c.text for c in extract(text).captions]
    assert captions == [
        "Delegates wait outside the conference hall in Geneva",
        "Envoys arrive at the palace gates on Saturday",
        "Guards stand outside the hotel of the delegations",
        "Journalists gather at the entrance of the hall",
        "A diplomat reads a statement to the press",
    ]


def test_a_form_repeated_line_after_line_is_no_gallery() -> None:
    form = "".join(
        f"You comment with your {n} account. ( Log out /  Change )\n" for n in ("A", "B", "C", "D")
    )
    filler = "".join(f"Related story number {n} about another topic\n" for n in range(7))
    text = STORY.format(figure="The officials said more talks would follow.") + filler + form
    assert len(extract(text, fitted_body=False).captions) <= 1  # (the caption stage's own window)


def test_a_dated_media_description_is_a_caption() -> None:
    figure = (
        "A video shows envoys arriving at the palace on Saturday morning. (Published Saturday, Dec. 13, 2025)"
    )
    article = extract(STORY.format(figure=figure))
    assert [(c.text, c.credit) for c in article.captions] == [
        ("A video shows envoys arriving at the palace on Saturday morning.", None)
    ]
    listing = "(Demo) How to read the talks' agenda in five minutes (Updated: 2025.12.13)"
    assert extract(STORY.format(figure=listing)).captions == ()


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Jane Roe/Getty Images", "Jane Roe/Getty Images"),
        ("Jupiterimages, Getty Images/Creatas RF", "Jupiterimages, Getty Images/Creatas RF"),
        ("Jane Roe / AFP", "Jane Roe / AFP"),
    ],
)
def test_credit_naming_the_photographer_first(text: str, credit: str) -> None:
    assert credit_only(text, LEX) == credit


@pytest.mark.parametrize("text", ["3/28 photos", "Jane Roe/The Daily Planet", "and/or AFP said"])
def test_not_a_photographer_credit(text: str) -> None:
    assert credit_only(text, LEX) is None


def test_an_embedded_video_title_and_blurb_make_one_caption() -> None:
    figure = (
        "Video\nEnvoys arrive for a second day of talks in Geneva\n"
        "Delegates from both sides explain what they hope the talks will achieve this week."
    )
    article = extract(STORY.format(figure=figure))
    assert [c.text for c in article.captions] == [
        "Envoys arrive for a second day of talks in Geneva "
        "Delegates from both sides explain what they hope the talks will achieve this week."
    ]
    assert all("Delegates from both sides" not in p for p in article.paragraphs)
    assert article.title == "Ceasefire talks resume in Geneva as envoys meet"


def test_video_label_with_colon_introduces_a_caption() -> None:
    assert caption_label("Video: Envoys explain what they hope for") == "Envoys explain what they hope for"
    assert caption_label("Video games are a growing market") is None
    # the German label for a figure, with its colon (a sentence may open with the word)
    assert caption_label("Abbildung: Schneehöhen im Mattertal") == "Schneehöhen im Mattertal"
    assert caption_label("Abbildung 2 zeigt die Entwicklung der Preise.") is None


def test_long_caption_with_a_spaced_credit_label_but_not_a_glued_one() -> None:
    long = " ".join(["The module holds crew quarters, a galley, stores and a small gym for the crew."] * 5)
    article = extract(STORY.format(figure=long + " Credit: ESA"))
    assert [(c.text, c.credit) for c in article.captions] == [(long, "ESA")]
    article = extract(STORY.format(figure=long.rstrip(".") + ".Foto: example.de"))
    assert article.captions == ()


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("A man walks past. Courtesy of Jane Doe", "A man walks past.", "Jane Doe"),
        ("A man walks past (Photo courtesy of Jane Doe)", "A man walks past", "Jane Doe"),
        ("Jane Doe Submitted photo", "Jane Doe", "Submitted photo"),
        # German marks a stock picture so; the bracket may close the sentence
        (
            "Wer die Äste auf die Wege zieht, ist unklar (Symbolbild).",
            "Wer die Äste auf die Wege zieht, ist unklar",
            "Symbolbild",
        ),
        ("Un hombre camina. (Cortesía de Juana Pérez)", "Un hombre camina.", "Juana Pérez"),
        ("Ana García, directora del museo. Foto cedida", "Ana García, directora del museo.", "Foto cedida"),
        ("Ein Mann geht vorbei. (Archivfoto)", "Ein Mann geht vorbei.", "Archivfoto"),
        ("Un uomo passa. (Per gentile concessione di Mario Rossi)", "Un uomo passa.", "Mario Rossi"),
    ],
)
def test_split_credit_in_words(text: str, caption: str, credit: str) -> None:
    assert split_credit(text, LEX) == (caption, credit)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Courtesy of Andrew Vaughan", "Andrew Vaughan"),
        ("Submitted photo", "Submitted photo"),
        ("Mit freundlicher Genehmigung von Stadtmuseum Köln", "Stadtmuseum Köln"),
        ("Divulgação", "Divulgação"),
        ("(Foto cedida)", "Foto cedida"),
    ],
)
def test_credit_only_in_words(text: str, credit: str) -> None:
    assert credit_only(text, LEX) == credit
    assert not is_bare_credit(text)  # the words say it is a picture's credit


@pytest.mark.parametrize(
    "text",
    [
        "It was a submitted photo",
        "He thanked them. Courtesy of his friends, he said, the trip went well.",
        "Courtesy Call",
        "The stock fell sharply on Monday, traders said.",
    ],
)
def test_no_credit_in_words(text: str) -> None:
    assert split_credit(text, LEX) is None
    assert credit_only(text, LEX) is None


def test_folding_link_after_a_caption() -> None:
    full = "Workers clear the store, Dec. 12, 2025. (AP Photo/Jane Roe)"
    assert without_toggle(full + " less") == full
    assert without_toggle("A man walks past.") == "A man walks past."
    assert folded_copy("Workers clear the store, Dec. ... more", full)
    assert not folded_copy("Workers clear the store ... more", "Other words entirely here")


@pytest.mark.parametrize(
    ("figure", "captions"),
    [
        (
            "Delegates arrive for the talks on Saturday.\nDATAWRAPPER",
            ["Delegates arrive for the talks on Saturday."],
        ),
        ("Les délégués arrivent samedi au palais.\nMAXPPP", ["Les délégués arrivent samedi au palais."]),
        ("Delegates arrive for the talks on Saturday.\nGPU", []),  # an acronym: a heading
        ("Did the delegates arrive on Saturday?\nDATAWRAPPER", []),  # a caption describes, it asks nothing
        ("Delegates arrive for the talks on Saturday.\nMORE STORIES\nAnother story", []),  # the block goes on
    ],
)
def test_credit_set_in_capitals_under_a_caption(figure: str, captions: list[str]) -> None:
    assert [c.text for c in extract(STORY.format(figure=figure)).captions] == captions


_SLIDES = (
    "Home\nGalleries\nWinter on the northern lakes\n"
    "1/3\nIce fishermen gather at dawn on the frozen lake, waiting for the first bite of the day.\n"
    "Photo: Jane Doe/Reuters\n"
    "2/3\nA boy pulls a sled loaded with firewood across the snow toward his family's cabin.\n"
    "Photo: Jane Doe/Reuters\n"
    "3/3\nSkaters race along a cleared track as the sun sets behind the pines on the far shore.\n"
    "Photo: Jane Doe/Reuters\n"
    "More galleries\n"
)


def test_a_slideshow_s_texts_are_its_body() -> None:
    # a page whose only sentences are the texts of its pictures: they are what it says, and an
    # empty body would lose them
    art = extract(_SLIDES)
    assert art.body.split("\n\n") == [
        "Ice fishermen gather at dawn on the frozen lake, waiting for the first bite of the day.",
        "A boy pulls a sled loaded with firewood across the snow toward his family's cabin.",
        "Skaters race along a cleared track as the sun sets behind the pines on the far shore.",
    ]
    assert art.captions == ()
    assert [s.rule for s in art.segments if s.kind.value == "body"] == ["body.slideshow"] * 3


def test_captions_stay_captions_beside_the_page_s_prose() -> None:
    # the same pictures in a page with prose of its own: the decision left the body empty here
    # (its body labels taken off), but the captions hold a minority of the page's sentences
    story = "".join(
        f"The council met on Tuesday to discuss item {n} of the winter plan, and members voted to approve it.\n"
        for n in range(1, 6)
    )
    page = analyse(_SLIDES + story)
    labels = [None if lab is not None and lab.kind is Kind.BODY else lab for lab in page.labels]
    assert slideshow(labels, page.facts, page.credits) == []
    assert len(slideshow(labels[: len(page.units) - 5] + [None] * 5, page.facts[:-5], page.credits)) == 3
