"""The body region's edges: what it crosses, where it resumes and what it takes in at its ends.

These are rules of the hand-written body stage (`fitted_body=False`), whose verdicts the
fitted decision reads as features."""

from __future__ import annotations

from boilerstrip import extract

MENU = "Home\nNews\nSport\nWeather\n\nNight buses for the east\n\n"
SHARE = "\n\nShare\nFacebook\nTwitter\n"
P = [
    "The city council voted on Tuesday to extend the night bus service to the eastern districts, after "
    "months of complaints from shift workers who said they had no way to get home.",
    "Officials said the new routes would start in March and cost about two million euros a year, most "
    "of it paid from the regional transport budget rather than from fares.",
    "Residents of the eastern districts had collected more than four thousand signatures for the "
    "petition, which was handed to the mayor at a meeting in the town hall last autumn.",
    "The opposition welcomed the decision but said it came too late for many families who had already "
    "given up their jobs because they could not reach them at night.",
    "The transport company said it would hire twenty new drivers for the service and that the buses "
    "would run every thirty minutes between midnight and five in the morning.",
]
LONG = (
    "In the weeks before the vote, the council had also asked the transport company to study whether "
    "the trams could run later on weekends, and the study found that the tracks could be kept open "
    "until two in the morning without delaying the maintenance work that is usually done at night."
)
MID = (
    "Many of the drivers who will work on the new routes said they were glad of the extra hours, "
    "although some worried about their safety late at night on the empty streets of the east."
)


def kinds(text: str) -> dict[str, tuple[str, str]]:
    art = extract(text, fitted_body=False)
    return {text[s.start : s.end]: (s.kind.value, s.reason) for s in art.segments}


def test_a_read_also_link_does_not_cut_off_the_first_paragraph() -> None:
    text = (
        MENU + P[0] + "\n\nRead also: Tram drivers strike over pay and hours\n\n" + "\n\n".join(P[1:]) + SHARE
    )
    got = kinds(text)
    assert all(got[p][0] == "body" for p in P)
    assert got["Read also: Tram drivers strike over pay and hours"][0] == "related"


def test_a_short_closing_sentence_is_body() -> None:
    text = (
        MENU + "\n\n".join(P) + "\n\nThe hearing resumes on Monday.\n\nRelated stories\nTram drivers strike\n"
    )
    got = kinds(text)
    assert got["The hearing resumes on Monday."] == ("body", "the story's closing line")
    assert got["Tram drivers strike"][0] == "related"


def test_the_story_resumes_after_a_box_of_related_headlines() -> None:
    box = "Related stories\nTram drivers strike over pay\nNew bridge opens in the north\n\n"
    text = MENU + "\n\n".join(P) + "\n\n" + box + LONG + SHARE
    got = kinds(text)
    assert got[LONG][0] == "body"
    assert got["Tram drivers strike over pay"][0] == "related"
    assert got["Related stories"][0] == "related"


def test_a_paragraph_above_a_photo_credit_is_no_caption() -> None:
    text = (
        MENU
        + "\n\n".join(P[:2])
        + "\n\n"
        + MID
        + "\n\nPhoto: Jane Smith/Reuters\n\n"
        + "\n\n".join(P[2:])
        + SHARE
    )
    art = extract(text, fitted_body=False)
    assert MID in art.paragraphs
    assert all(c.text != MID for c in art.captions)


def test_growth_crosses_a_short_list_to_the_first_paragraph() -> None:
    lead = "The council also named the three night lines that will run first, all of them from the centre."
    items = "Line 4 from the station to the hospital\nLine 9 from the market to the estates\nLine 12 along the river\n"
    text = MENU + lead + "\n\n" + items + "\n" + "\n\n".join(P) + SHARE
    got = kinds(text)
    assert got[lead][0] == "body"
    assert got["Line 9 from the market to the estates"][0] == "body"


def test_a_subheading_after_a_read_also_link_is_body() -> None:
    text = (
        MENU
        + "\n\n".join(P[:3])
        + "\n\nRead more: Tram drivers strike over pay and hours\nWhat the drivers want\n\n"
        + "\n\n".join(P[3:])
        + SHARE
    )
    got = kinds(text)
    assert got["What the drivers want"][0] == "body"
    assert got["Read more: Tram drivers strike over pay and hours"][0] == "related"
