"""The word lists and tables of boilerstrip/data/ are data: each row has the shape its file
declares, its kind is one the code knows, and no entry is listed twice."""

from __future__ import annotations

from collections import Counter

import pytest
import regex

from boilerstrip.kinds import Kind
from boilerstrip.lexicon import data_file, data_rows, normalize

# {file: the numbers of tab-separated cells a row may have}
SHAPES = {
    "bio.txt": {1},
    "body_furniture.txt": {3},
    "common_words.txt": {1},
    "consent.tsv": {2},
    "datelabels.tsv": {2},
    "dom_words.tsv": {2},
    "given_names.txt": {1},
    "languages.tsv": {2},
    "markers.tsv": {2},
    "phrases.tsv": {3},
    "prompts.tsv": {2},
    "share.txt": {1, 2},
    "timezones.tsv": {2, 3},
}
_KINDS = {kind.value for kind in Kind}


def test_every_word_list_is_known_here() -> None:
    folder = data_file("")
    lists = {p.name for p in folder.iterdir() if p.suffix in (".tsv", ".txt")}
    assert lists == set(SHAPES)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_rows_have_their_shape_and_no_entry_is_listed_twice(name: str) -> None:
    rows = data_rows(name)
    assert rows, name
    bad = [row for row in rows if len(row) not in SHAPES[name] or not all(cell.strip() for cell in row)]
    assert not bad, f"{name}: rows of another shape: {bad[:5]}"
    # an entry is its cells as the code reads them: casefolded, spaces collapsed (but the news
    # agencies, whose case tells "© DPA" and "© dpa" from a word: metadata.source_holder)
    keys = [
        tuple(" ".join((cell if row[0] == "agency" else cell.casefold()).split()) for cell in row)
        for row in rows
    ]
    twice = sorted(key for key, n in Counter(keys).items() if n > 1)
    assert not twice, f"{name}: listed twice: {twice[:10]}"


def test_phrases_have_a_known_kind_and_match() -> None:
    for kind, match, phrase in data_rows("phrases.tsv"):
        assert kind in _KINDS, (kind, phrase)
        assert match in ("contains", "notice", "line", "start"), (match, phrase)
        assert normalize(phrase), phrase
    # the same phrase matched the same way under two kinds would be decided by the file's order
    seen: dict[tuple[str, str], str] = {}
    for kind, match, phrase in data_rows("phrases.tsv"):
        key = (match, normalize(phrase))
        assert seen.setdefault(key, kind) == kind, (key, seen[key], kind)


def test_prompts_consent_and_date_labels_have_known_kinds() -> None:
    assert {row[0] for row in data_rows("prompts.tsv")} <= _KINDS
    assert {row[0] for row in data_rows("consent.tsv")} == {"cookie", "context"}
    assert {row[0] for row in data_rows("datelabels.tsv")} == {"published", "updated", "other"}


def test_every_marker_kind_is_documented_in_the_file() -> None:
    """markers.tsv says in its header what each kind is for; a kind used in a row and not
    described there, or described and never used, is a typo on one side."""
    header = [
        line
        for line in data_file("markers.tsv").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]
    documented = {m.group(1) for line in header if (m := regex.match(r"#\s+([a-z_]+):", line))}
    used = {row[0] for row in data_rows("markers.tsv")}
    assert used <= documented, sorted(used - documented)
    assert not documented - used, sorted(documented - used)
