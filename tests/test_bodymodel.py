"""The fitted body decision: the shipped model, its features, the decoding and the labels it gives."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from boilerstrip import Kind, extract
from boilerstrip.bodymodel import DEFAULT_MODEL, FEATURES, copies, decode, topic_words, unit_features
from boilerstrip.extract import analyse

from conftest import FIXTURES, load_expected


def test_model_is_shipped_and_reads_the_features_the_code_computes() -> None:
    assert DEFAULT_MODEL is not None, "data/body.model.json is missing: run tools/train_body.py --write"
    DEFAULT_MODEL.check(FEATURES)
    assert DEFAULT_MODEL.param("switch_cost") >= 0.0


def test_every_unit_gets_one_finite_value_per_feature(seed_text: str) -> None:
    page = analyse(seed_text)
    assert page.hand is not None
    rows = unit_features(page.facts, page.rule_labels, page.hand)
    assert len(rows) == len(page.units)
    assert all(len(row) == len(FEATURES) and all(math.isfinite(v) for v in row) for row in rows)


def test_body_segments_carry_the_model_rule_and_probability(seed_text: str) -> None:
    article = extract(seed_text)
    body = [s for s in article.segments if s.kind is Kind.BODY]
    assert body
    for seg in body:
        assert seg.rule == "body.model"
        assert seg.probability is not None and 0.5 <= seg.probability <= 1.0
        assert seg.to_dict()["rule"] == "body.model"


def test_decode_without_switch_cost_is_a_threshold() -> None:
    assert decode([0.9, 0.2, 0.8], [1.0, 1.0, 1.0], [False] * 3, 0.0) == [True, False, True]


def test_decode_bridges_a_short_dip_when_switching_costs() -> None:
    assert decode([0.9, 0.4, 0.9], [1.0, 1.0, 1.0], [False] * 3, 5.0) == [True, True, True]


def test_fixed_units_neither_vote_nor_break_the_run() -> None:
    # a caption between two paragraphs: not body itself, and no switch is paid across it
    assert decode([0.9, 0.01, 0.9], [1.0, 1.0, 1.0], [False, True, False], 100.0) == [True, False, True]


@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.floats(0.1, 10.0), st.booleans()), max_size=40))
def test_decode_returns_one_verdict_per_unit_and_never_keeps_a_fixed_one(
    units: list[tuple[float, float, bool]],
) -> None:
    probs, weights, fixed = [u[0] for u in units], [u[1] for u in units], [u[2] for u in units]
    out = decode(probs, weights, fixed, 2.0)
    assert len(out) == len(units)
    assert not any(o and f for o, f in zip(out, fixed, strict=True))


def test_a_second_copy_of_the_story_is_dropped_as_a_copy() -> None:
    text = (FIXTURES / "body" / "story-twice.txt").read_text(encoding="utf-8")
    article = extract(text)
    got = [
        {"line": s.line, "kind": s.kind.value, "rule": s.rule, "text": article.text[s.start : s.end]}
        for s in article.segments
        if s.kind in (Kind.BODY, Kind.REPEATED)
    ]
    assert got == load_expected("body/story-twice.expected.json")["lines"]
    assert article.body.count("twelve diesel cranes") == 1


def test_copies_needs_most_of_a_long_units_text_kept_above() -> None:
    story = "the port will replace its twelve diesel cranes with electric models over four years"
    norms = [
        story,
        "a short line",
        story + " and more words of its own that no earlier unit holds here",
        story,
    ]
    # the exact copy goes; the unit with as many new words as old stays; a dropped unit is no source
    assert copies(norms, [True, True, True, True]) == {3: 0}
    assert copies(norms, [False, True, True, True]) == {3: 2}
    assert (
        copies(["one two three four five six seven", "one two three four five six seven"], [True, True]) == {}
    )


@given(st.lists(st.text(max_size=60), max_size=12), st.data())
def test_copies_only_names_kept_units_and_earlier_sources(norms: list[str], data: st.DataObject) -> None:
    keep = data.draw(st.lists(st.booleans(), min_size=len(norms), max_size=len(norms)))
    for unit, source in copies(norms, keep).items():
        assert keep[unit] and keep[source] and source < unit


def test_topic_words_are_long_words_and_character_pairs_of_unspaced_scripts() -> None:
    assert topic_words("the flood closed 2 bridges in 2024") == {"flood", "closed", "bridges"}
    assert topic_words("東京都") == {"東京", "京都"}


def test_a_line_on_the_story_s_subject_shares_its_topic_words() -> None:
    page = analyse(
        "Flood closes the lower bridge\n\n"
        "The river rose by two metres overnight, and the town closed the lower bridge to traffic.\n\n"
        "Buses run over the upper bridge instead, which the operator said would add ten minutes.\n\n"
        "Engineers will inspect the lower bridge once the river falls again, the town said.\n\n"
        "Subscribe to our newsletter for weekly gardening tips and recipes.\n"
    )
    assert page.hand is not None
    rows = unit_features(page.facts, page.rule_labels, page.hand)
    shared = FEATURES.index("topic_page")
    by_text = {unit.text[:10]: row[shared] for unit, row in zip(page.units, rows, strict=True)}
    assert by_text["Engineers "] > 0.3
    assert by_text["Subscribe "] == 0.0


def test_a_link_to_another_story_inside_one_is_not_kept_for_contiguity() -> None:
    # "Read more: <headline>" between two paragraphs: the model doubts it (P under 0.5) and the
    # decoding would keep it for the story's run; the rule's label stands
    paras = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
        "ending months of debate over the crumbling structure.",
        "Engineers had warned last year that the bridge, built in 1931, could no longer carry heavy "
        "traffic safely, and buses were diverted in the autumn.",
        "Read more: Tunnel plans: Work in progress",
        "The mayor said cyclists and pedestrians would still be able to cross while the council looks "
        "for money to repair or replace the bridge.",
        "Shop owners on the eastern bank said they feared losing customers, and asked for more parking "
        "near the market square before the closure.",
    ]
    art = extract("Harbour bridge to close to cars\n\n" + "\n\n".join(paras) + "\n")
    assert art.paragraphs == tuple(p for p in paras if not p.startswith("Read more"))
    (link,) = [s for s in art.segments if art.text[s.start : s.end].startswith("Read more")]
    assert (link.kind, link.rule) == (Kind.RELATED, "phrase.related")
