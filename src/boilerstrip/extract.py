"""The pipeline: input -> lines -> units -> facts -> rule kinds -> body region -> metadata -> Article."""

from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime
from typing import Any, TypeVar

from . import authors as authors_stage
from . import body as body_stage
from . import markdown, markup
from . import title as title_stage
from .article import Article, Caption, Features, Field, Segment
from .blocks import of_units as blocks_of
from .bodymodel import fitted
from .captions import mark_captions, media_items, slideshow, story_captions
from .classify import K_BODY, K_NAVIGATION, K_OTHER, K_SOURCE, Label, rule_labels
from .dates import DateMemo
from .features import UnitFacts, facts
from .html import Rendering, parse_html, span_facts
from .kinds import Kind
from .language import detect
from .lexicon import Lexicon, default_lexicon
from .lines import Unit, clean_text, make_units, run_on, segment_end, split_lines
from .load import looks_like_html, read_input, repair_mojibake
from .markdown import looks_like_markdown
from .metadata import (
    breadcrumb_section,
    find_dates_meta,
    find_name_line,
    find_section,
    find_tags,
    first_body,
    last_body,
    lead_agency,
    mark_bylines_and_sources,
    parse_byline,
    parse_dateline,
    parse_source,
    short_runs,
)
from .options import Options
from .page import Page
from .published import choose as choose_published

Source = str | bytes | bytearray | os.PathLike[str]
_T = TypeVar("_T")


def extract(source: Source, options: Options | None = None, **overrides: Any) -> Article:
    """Segment scraped news text (or HTML) into a clean article.

    `source` is text, bytes (charset detected) or a path. Options come as an `Options`
    object, keyword overrides, or both. Raises `InputError` only for input that cannot be
    read at all; odd but valid text gives an `Article` with an empty body.
    """
    return assemble(analyse(source, options, **overrides))


def analyse(source: Source, options: Options | None = None, **overrides: Any) -> Page:
    """Every stage up to the metadata: units, facts, rule labels, captions, bylines and the
    body decision, on one `Page`. `extract` is `assemble(analyse(...))`; the training tools
    in tools/ read the same `Page`."""
    opts = Options.build(options, **overrides)
    text = read_input(source, opts.encoding)
    repaired = False
    if opts.repair_encoding:
        fixed = repair_mojibake(text)
        repaired, text = fixed != text, fixed
    declared = None
    rendering: Rendering | None = None
    if opts.html or (opts.html is None and looks_like_html(text)):
        rendering, declared = _read_html(text)
        text = rendering.text
    elif opts.markdown or (opts.markdown is None and looks_like_markdown(text)):
        text = markdown.render(text)
    page = _analyse_text(text, opts, default_lexicon(), rendering)
    page.declared = declared
    page.repaired = repaired
    return page


def _read_html(source: str) -> tuple[Rendering, markup.Declared]:
    """An HTML page's visible text with its lines' facts, and what its markup declares, from
    one parse (the tree is let go before the text stages run)."""
    parsed = parse_html(source)
    return Rendering(parsed.text, parsed.lines, parsed.blocks), markup.read(parsed.root, default_lexicon())


def _analyse_text(text: str, opts: Options, lexicon: Lexicon, rendering: Rendering | None = None) -> Page:
    units = make_units(text, split_lines(text), opts.join_fragments)
    language = opts.language or detect(text, lexicon)
    stoplist = lexicon.stoplists.get(language or "", frozenset())
    unit_facts = _all_facts(units, language, stoplist)
    dates: DateMemo = {}
    labels = rule_labels(units, unit_facts, lexicon, dates)
    page = Page(text, units, unit_facts, labels, language, lexicon, opts, stoplist, dates)
    page.bylines = mark_bylines_and_sources(units, unit_facts, labels, lexicon, dates)
    page.credits = mark_captions(units, unit_facts, labels, lexicon)
    page.rule_labels = list(labels)
    page.hand = body_stage.decide(unit_facts, labels, opts, lexicon)
    if rendering is not None and rendering.lines is not None:
        page.dom = span_facts(text, rendering.lines, [(u.start, u.end) for u in units])
    if rendering is not None and rendering.blocks is not None:
        page.blocks = [rendering.blocks[u.line - 1] for u in units]
    page.decision = (
        fitted(unit_facts, page.rule_labels, page.hand, page.dom) if opts.fitted_body else page.hand
    )
    page.labels = page.decision.labels
    for i in slideshow(page.labels, unit_facts, page.credits):
        page.labels[i] = Label(
            Kind.BODY, "a slideshow's text: the page has no other story", rule="body.slideshow"
        )
    return page


def assemble(page: Page) -> Article:
    """The metadata stage and the result: title, section, dates, authors, dateline, source,
    tags and captions read off the page the body stage left, then the `Article`. The page is
    left as it was: the headline, byline and other metadata lines are marked on a copy of its
    labels, so a page can be assembled again (with other options or without its markup)."""
    assert page.decision is not None, "assemble() takes a page that analyse() made"
    page = dataclasses.replace(page, labels=list(page.labels))
    article = _assemble(page, _headline(page))
    if page.declared is None:
        return article
    lines = (f.norm for f in page.facts)  # a declared title the page shows is one of its lines
    floor = title_stage.cutoffs(title_stage.shipped_model(html=True)).declared
    return markup.merge(article, page.declared, lines, page.options.language is not None, floor)


def _headline(page: Page) -> tuple[int, str, Label] | None:
    """The headline's line, its text and its label: the fitted ranking's choice, or the hand
    rule's when the fitted metadata is off."""
    if not page.options.fitted_metadata:
        ruled = title_stage.rule_choice(page)
        if ruled is None:
            return None
        return ruled[0], ruled[1], Label(Kind.TITLE, "the headline (hand rule)", rule="title.rule")
    first_line = None if page.from_html else title_stage.first_line_model()
    chosen = title_stage.choose(page, title_stage.shipped_model(html=page.from_html), first_line)
    if chosen is None:
        return None
    cand = chosen.candidate
    notes = [f"ranked first of {chosen.count} candidates"]
    if chosen.first_line:
        notes.append("the first line read as the page's title")
    if chosen.shown_shorter:
        notes.append("the first line's reading, shown shorter here")
    reason = f"the headline ({'; '.join(notes)})"
    rule = "title.first_line" if chosen.first_line else "title.model"
    label = Label(Kind.TITLE, reason, rule=rule, probability=chosen.probability)
    return cand.unit, cand.text, label


def _all_facts(units: list[Unit], language: str | None, stoplist: frozenset[str]) -> list[UnitFacts]:
    """The facts of every unit; a line the page repeats (menus, teasers) is read once."""
    known: dict[str, UnitFacts] = {}
    out: list[UnitFacts] = []
    for unit in units:
        f = known.get(unit.text)
        if f is None:
            f = known[unit.text] = facts(unit, language, stoplist)
        out.append(f)
    return out


def _assemble(page: Page, headline: tuple[int, str, Label] | None) -> Article:
    """The metadata stages, in order, over the page: each reads the labels the ones before it
    wrote (the headline, then the section, the dates, the byline...) and says where its field
    came from."""
    assert page.decision is not None
    units, labels = page.units, page.labels
    fields: list[Field] = []

    def note(name: str, i: int | None) -> None:
        if i is not None:
            fields.append(Field(name, units[i].start, units[i].end))

    def taken(name: str, found: tuple[int, _T] | None) -> _T | None:
        """The value a stage found, its line noted as the field's source."""
        if found is None:
            return None
        note(name, found[0])
        return found[1]

    credits = {**page.credits, **media_items(units, page.facts, labels)}
    title_i, title = (headline[0], headline[1]) if headline is not None else (None, None)
    section: str | None = None
    if headline is not None:
        labels[headline[0]] = headline[2]
        note("title", headline[0])
        section = taken("section", _section(page, headline[0]))
    start = first_body(labels)
    body_start = start if start is not None else len(units)
    end = last_body(labels)
    body_units = [i for i, lab in enumerate(labels) if lab is not None and lab.kind is K_BODY]
    paragraphs = _paragraphs(page, body_units)
    body_text = "\n".join(paragraphs)

    # the headline's line the byline and date stand by (the title itself stays where it was read)
    shown_at = _headline_copy(page, title_i, body_start) if title_i is not None else None
    anchor = shown_at if shown_at is not None else body_start
    found_dates = _dates(page, shown_at, anchor, body_start, end)
    published = taken("published", found_dates[0])
    updated = taken("updated", found_dates[1])
    authors, at, agency = _byline(page, shown_at, anchor, body_start, end)
    note("authors", at)
    found_source = _dateline_and_source(page, start, agency)
    dateline = taken("dateline", found_source[0])
    source = taken("source", found_source[1])
    tags, tags_at = find_tags(units, page.facts, labels, page.lexicon, start, end, body_text)
    note("tags", tags_at)
    hi = (end if end is not None else body_start) + 8
    captions = [
        Caption(clean_text(cap), credit, units[i].start, units[i].end)
        for i, (cap, credit) in story_captions(labels, credits, anchor - 10, hi)
    ]

    return Article(
        text=page.text,
        title=title,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        published=published,
        updated=updated,
        authors=authors,
        dateline=dateline,
        source=source,
        section=section,
        tags=tuple(dict.fromkeys(tags)),
        language=page.language,
        segments=_segments(page.text, units, page.facts, labels, page.decision, page.options),
        provenance=tuple(fields),
        blocks=blocks_of(units, page.facts, body_units, page.blocks),
        repaired=page.repaired,
    )


def _headline_copy(page: Page, title: int, body_start: int) -> int:
    """Where the dates and the byline are looked for around the headline: the headline's line,
    or, when that is the page's first line (the `<title>` html-text and tag-stripping print
    first) and the headline is printed again above the story, that copy, which the byline and
    the date stand beside."""
    if title != 0:
        return title
    facts = page.facts
    last = min(body_start, len(facts) - 1)
    return next((j for j in range(last, 0, -1) if facts[j].norm == facts[title].norm), title)


def _section(page: Page, title: int) -> tuple[int, str] | None:
    """The section the page files the story under, labelled: a lone category label above the
    headline, else the last step of a breadcrumb trail there."""
    units, labels = page.units, page.labels
    at = find_section(page.facts, labels, title, units)
    if at is not None:
        labels[at] = Label(Kind.SECTION, "a lone category label above the headline", rule="section.label")
        return at, clean_text(units[at].text)
    crumb = breadcrumb_section(units, labels, title)
    if crumb is None:
        return None
    labels[crumb[0]] = Label(Kind.SECTION, "a breadcrumb trail above the headline", rule="section.breadcrumb")
    return crumb[0], clean_text(crumb[1])


def _paragraphs(page: Page, body_units: list[int]) -> list[str]:
    """The body's paragraphs: one a unit, the sentences of one flattened line joined again
    (`lines.split_lines`)."""
    units = page.units
    out: list[str] = []
    for k, i in enumerate(body_units):
        text_i = clean_text(units[i].text)
        if k and body_units[k - 1] == i - 1 and run_on(page.text, units[i - 1], units[i]):
            out[-1] += " " + text_i
        else:
            out.append(text_i)
    return out


Dated = tuple[int, date | datetime]


def _dates(
    page: Page, title: int | None, anchor: int, body_start: int, end: int | None
) -> tuple[Dated | None, Dated | None]:
    """The publication date, the fitted choice among the page's dates (the hand rule's when the
    fitted metadata is off), its line labelled; the update, the labelled one nearest the headline."""
    opts, labels = page.options, page.labels
    ruled, updated = find_dates_meta(
        page.units,
        labels,
        anchor,
        body_start,
        page.facts,
        opts.reference_date,
        page.language,
        end,
        page.dates,
    )
    if not opts.fitted_metadata:
        return ruled, updated
    choice = choose_published(page, title)
    if choice is None:
        return None, updated
    lab = labels[choice.unit]
    labels[choice.unit] = (
        Label(Kind.DATE, "the publication date", rule="date.model", probability=choice.probability)
        if lab is None
        else dataclasses.replace(lab, rule="date.model", probability=choice.probability)
    )
    return (choice.unit, choice.value), updated


def _byline(
    page: Page, title: int | None, anchor: int, body_start: int, end: int | None
) -> tuple[tuple[str, ...], int | None, tuple[int, str] | None]:
    """The authors and the line that names them, and the agency a byline names (with its line).
    The authors are the fitted model's best candidate when it clears its threshold (no author is
    an answer); with the fitted metadata off, the hand rule's: the byline nearest the headline,
    else a names-only line beside it."""
    units, labels, lexicon, opts = page.units, page.labels, page.lexicon, page.options
    authors: tuple[str, ...] = ()
    at: int | None = None
    agency: tuple[int, str] | None = None
    picked = authors_stage.choose(page, title, body_start, end) if opts.fitted_metadata else None
    if picked is not None:
        cand, p = picked
        authors, at = cand.names, cand.unit
        if labels[at] is None or labels[at].kind is not K_BODY:  # type: ignore[union-attr]
            labels[at] = Label(
                Kind.BYLINE, "the story's byline", rule=authors_stage.RULE, probability=round(p, 4)
            )
        if cand.agency:
            agency = (at, cand.agency)
    for i in sorted(page.bylines, key=lambda i: abs(i - anchor)):
        names, ag = parse_byline(units[i].text, lexicon, page.stoplist, page.dates) or page.bylines[i]
        if names and not authors and not opts.fitted_metadata:
            authors, at = tuple(names), i
        if ag and agency is None:
            agency = (i, ag)
    if not authors and not opts.fitted_metadata and title is not None:
        runs = short_runs(page.facts, labels)
        found = find_name_line(units, page.facts, labels, title, body_start, lexicon, page.stoplist, runs)
        if found is not None:
            i, (names, ag) = found
            labels[i] = Label(
                Kind.BYLINE, "a byline without an opener, next to the headline", rule="byline.name_line"
            )
            authors, at = tuple(names), i
            if ag and agency is None:
                agency = (i, ag)
    return authors, at, agency


def _dateline_and_source(
    page: Page, start: int | None, agency: tuple[int, str] | None
) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """The dateline opening the story, and the source (each with its line): a "Source: X" line
    first, then the dateline's agency, an agency opening the story, the byline's agency."""
    units, labels = page.units, page.labels
    source: tuple[int, str] | None = None
    for i, lab in enumerate(labels):
        if lab is not None and lab.kind is K_SOURCE:
            value = parse_source(units[i].text, page.lexicon)
            if isinstance(value, str):
                source = (i, value)
                break
    dateline: tuple[int, str] | None = None
    if start is not None:
        parsed = parse_dateline(units[start].text)
        if parsed is not None:
            dateline = (start, parsed[0])
            if parsed[1] and source is None:
                source = (start, parsed[1])
        elif source is None:
            opening = lead_agency(units[start].text, page.lexicon)
            if opening is not None:
                source = (start, opening)
    return dateline, source if source is not None else agency


def _segments(
    text: str,
    units: list[Unit],
    unit_facts: list[UnitFacts],
    labels: list[Label | None],
    decision: body_stage.BodyDecision,
    opts: Options,
) -> tuple[Segment, ...]:
    a, b = decision.region
    out: list[Segment] = []
    run = short_runs(unit_facts, labels)
    scores = decision.scores
    keep = opts.keep_features
    escaped = "\\n" in text  # (only then can a unit's segment reach past its text: `lines.segment_end`)
    for i, unit in enumerate(units):
        label = labels[i]
        in_region = a <= i <= b
        rule, probability = "", None
        if label is not None:
            kind, reason, rule, probability = label.kind, label.reason, label.rule, label.probability
        elif run[i]:
            kind, reason = K_NAVIGATION, "one of a run of short lines (a menu or link list)"
            rule = "navigation.short_run"
        elif in_region:
            kind, reason = K_OTHER, f"not prose (score {scores[i]:.2f})"
            rule = "other.not_prose"
        else:
            kind, reason = K_OTHER, "outside the article region"
            rule = "other.outside"
        feats: Features | None = None
        if keep:
            f = unit_facts[i]
            feats = Features(
                f.words, f.chars, f.stop_share, f.letter_share, f.ends_sentence, scores[i], in_region
            )
        end = unit.end
        if escaped:
            end = segment_end(text, unit, units[i + 1].start if i + 1 < len(units) else len(text))
        out.append(Segment(kind, unit.start, end, reason, unit.line, feats, rule, probability))
    return tuple(out)
