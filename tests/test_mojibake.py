"""Mojibake (UTF-8 read as windows-1252 or Latin-1 before it reached `extract`) is repaired
before the text is read, unless the caller asks for the text as given."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import Options, extract
from boilerstrip.cli import main
from boilerstrip.load import repair_mojibake

from conftest import FIXTURES

TEXT = FIXTURES / "input" / "mojibake-article.txt"
HTML = FIXTURES / "html" / "mojibake.html"
TITLE = "Caf\u00e9 owner\u2019s plan for S\u00e3o Paulo market wins city backing"


@pytest.mark.parametrize("path", [TEXT, HTML], ids=["text", "html"])
def test_a_page_in_mojibake_is_read_as_written(path: object) -> None:
    article = extract(path)  # type: ignore[arg-type]
    assert article.repaired
    assert article.title == TITLE
    assert article.authors == ("Jos\u00e9 N\u00fa\u00f1ez",)
    assert article.paragraphs[0].startswith(
        "The city council on Tuesday backed a caf\u00e9 owner\u2019s plan"
    )
    assert "\u00c3" not in article.body and "\u00e2\u20ac" not in article.body
    assert article.to_dict()["repaired"] is True
    # the offsets refer to the repaired text
    seg = next(s for s in article.segments if s.kind.value == "body")
    assert seg.text_of(article.text) == article.paragraphs[0]


def test_repair_can_be_turned_off() -> None:
    given = TEXT.read_text(encoding="utf-8")
    article = extract(given, Options(repair_encoding=False))
    assert not article.repaired
    assert article.text == given
    assert "repaired" not in article.to_dict()
    assert "\u00e2\u20ac\u2122" in article.body  # "’" as windows-1252 reads its UTF-8


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text, nothing to repair.",
        "Caf\u00e9 \u00bb menu \u00e9t\u00e9 \u2014 na\u00efve r\u00e9sum\u00e9, \u00a9 2025",
        "\u00c9cole \u00e0 Montr\u00e9al: \u00ab bient\u00f4t \u00bb, a dit l\u2019\u00e9l\u00e8ve.",
        "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435 \u4e16\u754c \u3053\u3093\u306b\u3061\u306f",
    ],
)
def test_clean_text_is_left_as_it_is(text: str) -> None:
    assert repair_mojibake(text) == text
    assert not extract(text).repaired


def test_a_c1_control_is_read_as_windows_1252() -> None:
    # windows-1252 read as Latin-1 leaves C1 controls, which no text uses
    assert repair_mojibake("something I shouldn\x92t have said") == "something I shouldn\u2019t have said"


def test_a_long_line_is_repaired_around_its_marks() -> None:
    # a page's one-line script of megabytes is not read whole for one mark inside it
    filler = "x" * 5000
    line = f"{filler} caf\u00c3\u00a9 {filler} doesn\u00e2\u20ac\u2122t {filler}"
    assert repair_mojibake(line) == f"{filler} caf\u00e9 {filler} doesn\u2019t {filler}"


def test_line_breaks_and_clean_lines_stay() -> None:
    given = "Clean line \u2014 caf\u00e9\r\nCaf\u00c3\u00a9 line\n\nLast line"
    assert repair_mojibake(given) == "Clean line \u2014 caf\u00e9\r\nCaf\u00e9 line\n\nLast line"


def test_the_command_line_can_keep_the_text_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "json", str(TEXT)]) == 0
    repaired = json.loads(capsys.readouterr().out)
    assert repaired["title"] == TITLE and repaired["repaired"] is True
    assert main(["--format", "json", "--keep-mojibake", str(TEXT)]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert "repaired" not in kept and kept["title"] != TITLE


_WORDS = (
    "the council said café owner’s plan São Paulo résumé naïve façade “quoted — déjà vu "
    "Zürich Gonçalves Núñez €12 50% élan über straße"
).split()
_sentence = st.lists(st.sampled_from(_WORDS), min_size=9, max_size=20).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6))
def test_mojibake_reads_as_the_text_it_came_from(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    broken = text.encode("utf-8").decode("windows-1252", errors="replace")
    assert "\ufffd" in broken or repair_mojibake(broken) == text
    if "\ufffd" not in broken:  # (a byte windows-1252 leaves undefined is lost for good)
        assert extract(broken).body == extract(text).body
        assert repair_mojibake(text) == text
