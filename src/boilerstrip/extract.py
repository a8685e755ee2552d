"""The pipeline: input -> lines -> units -> facts -> rule kinds -> body region -> metadata -> Article."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Final

from . import authors as authors_stage
from . import body as body_stage
from . import markdown, markup
from . import title as title_stage
from .article import Article, Caption, Features, Field, Segment
from .blocks import of_units as blocks_of
from .bodymodel import fitted
from .captions import SENTENCE_BREAK, mark_captions, slideshow
from .classify import (
    K_BODY,
    K_NAVIGATION,
    K_OTHER,
    K_SOURCE,
    K_TAGS,
    Label,
    rule_labels,
)
from .dates import DateMemo
from .features import UnitFacts, facts
from .html import Rendering, parse_html, span_facts
from .kinds import Kind
from .language import detect
from .lexicon import Lexicon, default_lexicon
from .lines import Unit, clean_text, make_units, run_on, segment_end, split_lines
from .load import looks_like_html, read_input, repair_mojibake
from .markdown import looks_like_markdown
from .markers import marker_words
from .metadata import (
    breadcrumb_section,
    find_dates_meta,
    find_name_line,
    find_section,
    first_body,
    last_body,
    lead_agency,
    mark_bylines_and_sources,
    parse_byline,
    parse_dateline,
    parse_source,
    short_runs,
    split_tags,
)
from .options import Options
from .page import Page
from .published import choose as choose_published

Source = str | bytes | bytearray | os.PathLike[str]


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
    assert page.decision is not None
    text, units, unit_facts, labels = page.text, page.units, page.facts, page.labels
    decision, bylines, language, lexicon = page.decision, page.bylines, page.language, page.lexicon
    opts, dates = page.options, page.dates
    fields: list[Field] = []

    def note(name: str, i: int) -> None:
        fields.append(Field(name, units[i].start, units[i].end))

    credits = {**page.credits, **_media_items(units, unit_facts, labels)}
    start = first_body(labels)
    body_start = start if start is not None else len(units)
    title_i = headline[0] if headline is not None else None
    title = None
    section = None
    if headline is not None and title_i is not None:
        labels[title_i] = headline[2]
        title = headline[1]
        note("title", title_i)
        section_i = find_section(unit_facts, labels, title_i, units)
        crumb = breadcrumb_section(units, labels, title_i) if section_i is None else None
        if section_i is not None:
            labels[section_i] = Label(
                Kind.SECTION, "a lone category label above the headline", rule="section.label"
            )
            section = clean_text(units[section_i].text)
            note("section", section_i)
        elif crumb is not None:
            labels[crumb[0]] = Label(
                Kind.SECTION, "a breadcrumb trail above the headline", rule="section.breadcrumb"
            )
            section = clean_text(crumb[1])
            note("section", crumb[0])
        start = first_body(labels)
        body_start = start if start is not None else len(units)
    end = last_body(labels)
    body_units = [i for i, lab in enumerate(labels) if lab is not None and lab.kind is K_BODY]
    paragraphs: list[str] = []
    for k, i in enumerate(body_units):
        text_i = clean_text(units[i].text)
        if k and body_units[k - 1] == i - 1 and run_on(page.text, units[i - 1], units[i]):
            paragraphs[-1] += " " + text_i  # sentences of one flattened line (`lines.split_lines`)
        else:
            paragraphs.append(text_i)
    body_text = "\n".join(paragraphs)

    anchor = title_i if title_i is not None else body_start
    # published: the fitted choice among the page's dates (or the hand rule's when the fitted
    # metadata is off); updated: the nearest labelled update
    ruled, updated = find_dates_meta(
        units, labels, anchor, body_start, unit_facts, opts.reference_date, language, end, dates
    )
    choice = choose_published(page, title_i) if opts.fitted_metadata else None
    published = (choice.unit, choice.value) if choice is not None else None
    if not opts.fitted_metadata and ruled is not None:
        published = ruled
        note("published", ruled[0])
    if choice is not None:
        lab = labels[choice.unit]
        labels[choice.unit] = (
            Label(Kind.DATE, "the publication date", rule="date.model", probability=choice.probability)
            if lab is None
            else dataclasses.replace(lab, rule="date.model", probability=choice.probability)
        )
        note("published", choice.unit)
    if updated is not None:
        note("updated", updated[0])

    authors: tuple[str, ...] = ()
    agency: str | None = None
    agency_at: int | None = None
    # the byline: the best candidate name span, when the fitted model finds one (none is an answer)
    picked = authors_stage.choose(page, title_i, body_start, end) if opts.fitted_metadata else None
    if picked is not None:
        cand, p = picked
        authors = cand.names
        note("authors", cand.unit)
        if labels[cand.unit] is None or labels[cand.unit].kind is not K_BODY:  # type: ignore[union-attr]
            labels[cand.unit] = Label(
                Kind.BYLINE, "the story's byline", rule=authors_stage.RULE, probability=round(p, 4)
            )
        if cand.agency:
            agency, agency_at = cand.agency, cand.unit
    stoplist = lexicon.stoplists.get(language or "", frozenset())
    for i in sorted(bylines, key=lambda i: abs(i - anchor)):  # the agency a byline names
        names, ag = parse_byline(units[i].text, lexicon, stoplist, dates) or bylines[i]
        if names and not authors and not opts.fitted_metadata:  # the hand rule: the nearest byline
            authors = tuple(names)
            note("authors", i)
        if ag and agency is None:
            agency, agency_at = ag, i
    if not authors and not opts.fitted_metadata and title_i is not None:
        # the hand rule's other reading: a names-only line next to the headline or the date
        found = find_name_line(
            units, unit_facts, labels, title_i, body_start, lexicon, stoplist, short_runs(unit_facts, labels)
        )
        if found is not None:
            i, (names, ag) = found
            labels[i] = Label(
                Kind.BYLINE, "a byline without an opener, next to the headline", rule="byline.name_line"
            )
            authors = tuple(names)
            note("authors", i)
            if ag and agency is None:
                agency, agency_at = ag, i

    dateline = None
    source = None
    source_at: int | None = None
    for i, lab in enumerate(
        labels
    ):  # a "Source: X" line first, then the dateline's agency, then the byline's
        if lab is not None and lab.kind is K_SOURCE:
            value = parse_source(units[i].text, lexicon)
            if isinstance(value, str):
                source, source_at = value, i
                break
    if start is not None:
        parsed = parse_dateline(units[start].text)
        if parsed is not None:
            dateline, dl_agency = parsed
            note("dateline", start)
            if dl_agency and source is None:
                source, source_at = dl_agency, start
        elif source is None:
            opening = lead_agency(units[start].text, lexicon)
            if opening is not None:
                source, source_at = opening, start
    if source is None and agency is not None:
        source, source_at = agency, agency_at
    if source_at is not None:
        note("source", source_at)

    tags: list[str] = []
    for i, lab in enumerate(labels):
        if lab is None or lab.kind is not K_TAGS or (end is not None and i < (start or 0)):
            continue
        j = i + 1
        while j < len(units) and j <= i + 6:
            f = unit_facts[j]
            kind_j = labels[j].kind if labels[j] is not None else None  # type: ignore[union-attr]
            listed = kind_j is Kind.NAVIGATION and len(split_tags(units[j].text, "")) > 1
            if kind_j not in (None, Kind.OTHER, Kind.REPEATED) and not listed:
                break  # a separated list right under the heading is the tags, not a menu
            if f.words > 15 or f.ends_sentence or f.letter_share < 0.5:
                break
            first = unit_facts[j].norm.split(" ", 1)[0]
            if first in lexicon.share_words or lexicon.phrase_kind(unit_facts[j].norm, f.words) is not None:
                break  # the share row or the furniture after the list
            labels[j] = Label(Kind.TAGS, "topic list after a tags heading", rule="tags.list")
            tags.extend(split_tags(clean_text(units[j].text), body_text))
            if not fields or fields[-1].name != "tags":
                note("tags", j)
            j += 1
        if tags:
            break

    captions: list[Caption] = []
    lo = (title_i if title_i is not None else body_start) - 10
    hi = (end if end is not None else body_start) + 8
    last = lo
    for i in sorted(credits):
        cap, credit = credits[i]
        if labels[i] is None or labels[i].kind is not Kind.CAPTION:  # type: ignore[union-attr]
            continue
        if i > hi and cap and i - last <= 2 and last > lo and _opening(cap) != _opening(credits[last][0]):
            hi = i  # a gallery going on past the story: its captions follow one another
        if not lo <= i <= hi:
            continue  # a picture of another story, or a notice in the page's footer
        if cap:
            captions.append(Caption(clean_text(cap), credit, units[i].start, units[i].end))
            last = i

    segments = _segments(page.text, units, unit_facts, labels, decision, opts)
    return Article(
        text=text,
        title=title,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        published=published[1] if published else None,
        updated=updated[1] if updated else None,
        authors=authors,
        dateline=dateline,
        source=source,
        section=section,
        tags=tuple(dict.fromkeys(tags)),
        language=language,
        segments=segments,
        provenance=tuple(fields),
        blocks=blocks_of(units, unit_facts, body_units, page.blocks),
        repaired=page.repaired,
    )


def _media_items(
    units: list[Unit], unit_facts: list[UnitFacts], labels: list[Label | None]
) -> dict[int, tuple[str, str | None]]:
    """Embedded videos: under a "Video" label, the item's title, then the one sentence that
    describes it; the description is the caption. Found after the body stage so that the
    story's region is decided on the page as it is."""
    out: dict[int, tuple[str, str | None]] = {}
    media = marker_words("media")
    for i in range(len(units) - 2):
        f = unit_facts[i]
        if f.words > 2 or f.norm not in media:
            continue
        head, desc = i + 1, i + 2
        if any(labels[k] is not None and labels[k].kind not in _MEDIA_KINDS for k in (head, desc)):  # type: ignore[union-attr]
            continue
        fh, fd = unit_facts[head], unit_facts[desc]
        if not (3 <= fh.words <= 25) or fh.ends_sentence or not (6 <= fd.words <= 60) or not fd.ends_sentence:
            continue
        if len(SENTENCE_BREAK.findall(units[desc].text)) > 1:
            continue  # the story's paragraphs run on; a video's blurb is one sentence
        labels[head] = Label(Kind.CAPTION, "a video's title, under its label", rule="caption.video_title")
        labels[desc] = Label(
            Kind.CAPTION, "a video's description, under its title", rule="caption.video_description"
        )
        out[desc] = (f"{units[head].text.strip()} {units[desc].text.strip()}", None)
    return out


_MEDIA_KINDS: Final = frozenset({Kind.BODY, Kind.OTHER, Kind.REPEATED})


def _opening(text: str) -> str:
    """The first three words: lines that all open alike are a form or a list, not captions."""
    return " ".join(text.casefold().split()[:3])


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
