"""The pipeline: input -> lines -> units -> facts -> rule kinds -> body region -> metadata -> Article."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Final

import regex

from . import authors as authors_stage
from . import body as body_stage
from . import markup
from . import title as title_stage
from .article import Article, Caption, Features, Field, Segment
from .blocks import of_units as blocks_of
from .bodymodel import fitted
from .captions import CaptionReader, caption_reader, folded_copy, signs_story
from .classify import (
    K_BODY,
    K_DATE,
    K_NAVIGATION,
    K_OTHER,
    K_RELATED,
    K_REPEATED,
    K_SOURCE,
    K_TAGS,
    Label,
    rule_labels,
)
from .dates import DateMemo, find_dates, first_label
from .features import UnitFacts, facts
from .html import Rendering, parse_html, span_facts
from .kinds import Kind
from .language import detect
from .lexicon import Lexicon, default_lexicon
from .lines import Unit, make_units, split_lines
from .load import looks_like_html, read_input, repair_mojibake
from .markers import marker_words
from .metadata import (
    breadcrumb_section,
    find_dates_meta,
    find_name_line,
    find_section,
    first_body,
    is_opener,
    last_body,
    lead_agency,
    parse_byline,
    parse_dateline,
    parse_source,
    short_runs,
    split_tags,
)
from .options import Options
from .page import Page
from .published import choose as choose_published

_CONTROL: Final = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A sentence ending followed by the next sentence ("... here. The ...", or a CJK full stop).
_SENTENCE_BREAK: Final = regex.compile(r"\p{L}[.!?\u3002\uff01\uff1f]\s+\p{Lu}|[\u3002\uff01\uff1f]")
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
    page.bylines = _mark_bylines_and_sources(units, unit_facts, labels, lexicon, dates)
    page.credits = _mark_captions(units, unit_facts, labels, lexicon)
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


def _mark_captions(
    units: list[Unit], unit_facts: list[UnitFacts], labels: list[Label | None], lexicon: Lexicon
) -> dict[int, tuple[str, str | None]]:
    """Label caption lines; return {unit: (caption text, credit)}.

    A caption is a line ending with a credit, a line under a printed caption label, or a short
    descriptive line right above a credit line (a copy of it repeated by the page included)."""
    out: dict[int, tuple[str, str | None]] = {}
    reader = caption_reader(lexicon)  # (once per page: its tests run on every line)
    plain: set[str] = set()  # lines no credit or caption form reads (pages repeat many lines)
    for i, unit in enumerate(units):
        if not _free(labels, i) or i in out:
            continue
        text = unit.text
        if text in plain and labels[i] is not None:
            continue  # a copy of such a line: the same tests as on the first copy, then this check
        lead = reader.credit_lead(text)
        if lead and i + 1 < len(units) and _free(labels, i + 1) and unit_facts[i + 1].words <= 12:
            lead_credit = _clean(units[i + 1].text)
            labels[i] = Label(Kind.CAPTION, "image credit label", rule="caption.credit_label")
            labels[i + 1] = Label(Kind.CAPTION, "image credit", rule="caption.credit")
            out[i] = ("", None)
            out[i + 1] = ("", None)
            _caption_above(units, unit_facts, labels, out, lexicon, reader, i, lead_credit)
            continue
        labelled = reader.caption_label(text)
        if labelled is not None and unit_facts[i].words <= 80:
            labels[i] = Label(Kind.CAPTION, "a printed caption label", rule="caption.printed_label")
            split = reader.split_credit(labelled)
            above = reader.credit_only(units[i - 1].text) if i > 0 and i - 1 in out else None
            out[i] = split if split is not None else (labelled, above)
            continue
        only = reader.credit_only(text)
        if only is None and labels[i] is None and _credit_in_capitals(units, unit_facts, i):
            only = text.strip(" ()[]")
        if only is not None:
            bare = reader.is_bare_credit(text)
            if bare and not (i > 0 and unit_facts[i - 1].ends_sentence and _free(labels, i - 1)):
                continue
            if bare and signs_story(text):
                continue
            labels[i] = Label(Kind.CAPTION, "image credit", rule="caption.credit")
            out[i] = ("", None)
            _caption_above(units, unit_facts, labels, out, lexicon, reader, i, only, bare)
            continue
        if not lead:
            plain.add(text)
        if labels[i] is not None:
            continue
        if not 3 <= unit_facts[i].words <= 160:
            continue
        if unit_facts[i].words > 60:
            split = reader.split_credit(text)  # a long caption names its credit with a label
            if split is not None and _spaced_label(text, split[0], lexicon):
                labels[i] = Label(Kind.CAPTION, "ends with an image credit", rule="caption.ends_with_credit")
                out[i] = split
            continue
        stamp = _dated_stamp(text) if text.endswith(")") else None
        if stamp is None and i + 1 < len(units) and units[i + 1].text.startswith("("):
            stamp = len(text) if _dated_stamp(units[i + 1].text) == 0 else None
        described = stamp is not None and text[:stamp].rstrip().endswith((".", "!", "?", "。"))
        if stamp is not None and described and unit_facts[i].words >= 8:
            # "... was released on Monday. (Published Monday, Nov. 18, 2019)": a story's paragraphs
            # carry no date of their own; an embedded video's description does
            labels[i] = Label(
                Kind.CAPTION, "a media item's description, dated in brackets", rule="caption.dated_media"
            )
            out[i] = (text[:stamp].rstrip(), None)
            continue
        split = reader.split_credit(text)
        if split is not None:
            labels[i] = Label(Kind.CAPTION, "ends with an image credit", rule="caption.ends_with_credit")
            out[i] = split
            continue
        unfolded = reader.without_toggle(text)
        split = reader.split_credit(unfolded) if unfolded != text else None
        if split is not None:
            labels[i] = Label(
                Kind.CAPTION,
                "ends with an image credit and the link folding it",
                rule="caption.credit_folded",
            )
            out[i] = split
            if i + 1 < len(units) and _free(labels, i + 1) and folded_copy(units[i + 1].text, unfolded):
                labels[i + 1] = Label(
                    Kind.CAPTION, "the caption above, shortened to unfold", rule="caption.folded_copy"
                )
                out[i + 1] = ("", None)
    _gallery_heads(units, unit_facts, labels, out)
    return out


# (module-level functions rather than closures in `_mark_captions`: compiled, a closure is a
# callable object and every variable it shares is read through it)
def _free(labels: list[Label | None], k: int) -> bool:
    lab = labels[k]
    return lab is None or lab.kind is K_REPEATED


def _short_caption(
    units: list[Unit],
    unit_facts: list[UnitFacts],
    labels: list[Label | None],
    out: dict[int, tuple[str, str | None]],
    reader: CaptionReader,
    k: int,
) -> bool:
    """A short descriptive sentence, as captions are (a story's paragraphs run longer)."""
    if k >= len(units) or not _free(labels, k) or k in out:
        return False
    f = unit_facts[k]
    return (
        3 <= f.words <= 25
        and f.ends_sentence
        and len(_SENTENCE_BREAK.findall(units[k].text)) <= 1
        and not reader.credit_only(units[k].text)
    )


def _caption_above(
    units: list[Unit],
    unit_facts: list[UnitFacts],
    labels: list[Label | None],
    out: dict[int, tuple[str, str | None]],
    lexicon: Lexicon,
    reader: CaptionReader,
    i: int,
    credit: str | None,
    sentence: bool = False,
) -> None:
    if i + 1 < len(units) and reader.caption_label(units[i + 1].text) is not None:
        return  # the credit belongs to the labelled caption under it
    k = i - 1
    seen = 0
    while k >= 0 and seen < 3:
        lab = labels[k]
        if k in out and out[k][0]:
            return
        if lab is not None and lab.kind is Kind.CAPTION or (lab is not None and lab.kind is Kind.OTHER):
            k -= 1
            seen += 1
            continue
        if not _free(labels, k) or not 3 <= unit_facts[k].words <= 45:
            break
        if parse_dateline(units[k].text) or lead_agency(units[k].text, lexicon):
            break  # "LONDON (Reuters) -", "(Agency) - ...": the story's first paragraph
        if sentence and (not unit_facts[k].ends_sentence or unit_facts[k].words > 35):
            return  # a bare name under a heading is no credit, and under a paragraph it signs the story
        if (
            unit_facts[k].words > 25
            and not sentence
            and _short_caption(units, unit_facts, labels, out, reader, i + 1)
        ):
            break  # a paragraph above, a caption-like sentence below: the caption is below
        labels[k] = Label(Kind.CAPTION, "caption above an image credit", rule="caption.credit_below")
        out[k] = (units[k].text, credit)
        j = k - 1
        if j >= 0 and _free(labels, j) and unit_facts[j].norm == unit_facts[k].norm:
            labels[j] = Label(Kind.CAPTION, "a copy of the caption below it", rule="caption.copy")
        return
    if not sentence and _short_caption(units, unit_facts, labels, out, reader, i + 1):
        # no caption above: a short sentence right under the credit
        labels[i + 1] = Label(Kind.CAPTION, "caption under an image credit", rule="caption.credit_above")
        out[i + 1] = (units[i + 1].text, credit)


def _credit_in_capitals(units: list[Unit], unit_facts: list[UnitFacts], i: int) -> bool:
    """A name of a few words set in capitals right under a sentence, in the same block
    ("... legalized for medical use." / "STATISTA"): a picture's credit, as credits are set;
    a heading stands apart from the paragraph above it."""
    unit = units[i]
    core = unit.text.strip(" ()[]")
    if unit.blank_before or i == 0 or not 1 <= unit_facts[i].words <= 2 or not core.isupper():
        return False
    if _CAPITAL_NAME.fullmatch(core) is None:
        return False  # "GPU", "WIR.IHR.ALLE", "PRINT & DIGITAL": an acronym, a slogan, a menu label
    if i + 1 < len(units) and not units[i + 1].blank_before:
        return False  # the block goes on: a label over what follows, not a credit closing a caption
    above = units[i - 1].text.rstrip(" \"'”’»")
    return (
        above.endswith(".")  # a caption describes: it ends with a full stop, not "?" or "!"
        and not above.isupper()
        and 3 <= unit_facts[i - 1].words <= 35
    )


# A credit set in capitals: one or two words of four letters or more ("STATISTA", "NASA JPL").
_CAPITAL_NAME: Final = regex.compile(r"\p{Lu}{4,}(?:[ '’-]\p{Lu}{2,})?")


def _gallery_heads(
    units: list[Unit],
    unit_facts: list[UnitFacts],
    labels: list[Label | None],
    out: dict[int, tuple[str, str | None]],
) -> None:
    """Captions of a gallery without a credit: a line in the caption slot of a gallery whose
    captions alternate with the same counter line ("6", "1 of 6", "Image")."""
    for i in sorted(out):
        k = i
        while k - 2 >= 0 and k in out and out[k][0]:
            sep, head = k - 1, k - 2
            if not (k + 1 < len(units) and unit_facts[sep].norm == unit_facts[k + 1].norm):
                break  # the same separator on both sides of the caption: a gallery's rhythm
            if unit_facts[sep].words > 3 or head in out:
                break
            if unit_facts[sep].words and not any(ch.isdigit() for ch in units[sep].text):
                break  # a counter ("6", "1 of 6"), not a name or a label repeated around a box
            lab = labels[head]
            if lab is not None and lab.kind not in (Kind.REPEATED, Kind.OTHER):
                break
            if not 3 <= unit_facts[head].words <= 45 or unit_facts[head].ends_sentence:
                break  # a paragraph ends with a full stop; a gallery's captions often do not
            labels[head] = Label(
                Kind.CAPTION, "in a gallery's caption slot, between its counters", rule="caption.gallery_slot"
            )
            out[head] = (units[head].text, None)
            k = head


def _mark_bylines_and_sources(
    units: list[Unit],
    unit_facts: list[UnitFacts],
    labels: list[Label | None],
    lexicon: Lexicon,
    dates: DateMemo | None = None,
) -> dict[int, tuple[tuple[str, ...], str | None]]:
    bylines: dict[int, tuple[tuple[str, ...], str | None]] = {}
    for i, unit in enumerate(units):
        label = labels[i]
        if unit_facts[i].words > 40:
            continue
        if (label is None or label.kind is K_DATE) and unit_facts[i].words <= 24:  # longer: a paragraph
            parsed = parse_byline(unit.text, lexicon, dates=dates)
            if parsed is not None and not parsed[0] and parsed[1] is None:
                parsed = None
            if parsed is None and i + 1 < len(units) and is_opener(unit.text, lexicon):
                # "By" alone, the name on the next line (an inline link cut the byline)
                joined = parse_byline(f"{unit.text} {units[i + 1].text}", lexicon, dates=dates)
                if (
                    joined is not None
                    and joined[0]
                    and labels[i + 1] is None
                    and unit_facts[i + 1].words <= 12
                ):
                    labels[i] = Label(Kind.BYLINE, "a byline opener", rule="byline.opener")
                    labels[i + 1] = Label(
                        Kind.BYLINE, "a byline, its opener on the line above", rule="byline.opener_above"
                    )
                    bylines[i + 1] = joined
                    continue
            if parsed is not None:
                bylines[i] = parsed
                if label is None:
                    labels[i] = Label(Kind.BYLINE, "a byline", rule="byline.parsed")
                continue
        if label is None or label.kind is K_RELATED:
            src = parse_source(unit.text, lexicon)
            if src is not None:
                labels[i] = Label(Kind.SOURCE, "names the story's source", rule="source.line")
    return bylines


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
            section = _clean(units[section_i].text)
            note("section", section_i)
        elif crumb is not None:
            labels[crumb[0]] = Label(
                Kind.SECTION, "a breadcrumb trail above the headline", rule="section.breadcrumb"
            )
            section = _clean(crumb[1])
            note("section", crumb[0])
        start = first_body(labels)
        body_start = start if start is not None else len(units)
    end = last_body(labels)
    body_units = [i for i, lab in enumerate(labels) if lab is not None and lab.kind is K_BODY]
    paragraphs = [_clean(units[i].text) for i in body_units]
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
            tags.extend(split_tags(_clean(units[j].text), body_text))
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
            captions.append(Caption(_clean(cap), credit, units[i].start, units[i].end))
            last = i

    segments = _segments(units, unit_facts, labels, decision, opts)
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
        if len(_SENTENCE_BREAK.findall(units[desc].text)) > 1:
            continue  # the story's paragraphs run on; a video's blurb is one sentence
        labels[head] = Label(Kind.CAPTION, "a video's title, under its label", rule="caption.video_title")
        labels[desc] = Label(
            Kind.CAPTION, "a video's description, under its title", rule="caption.video_description"
        )
        out[desc] = (f"{units[head].text.strip()} {units[desc].text.strip()}", None)
    return out


_MEDIA_KINDS: Final = frozenset({Kind.BODY, Kind.OTHER, Kind.REPEATED})


def _spaced_label(text: str, caption: str, lexicon: Lexicon) -> bool:
    """True when the credit cut from `text` is a spaced "Credit: X" after a full stop; glued to the
    sentence ("...Behörden.Foto: X") it belongs to a picture next to a paragraph."""
    rest = text[len(caption) :]
    if not rest[:1].isspace() or not caption.rstrip().endswith((".", "!", "?", "”", '"')):
        return False
    head = rest.strip().split(":", 1)[0].casefold()
    return ":" in rest[:30] and head in lexicon.credit_words


def _dated_stamp(text: str) -> int | None:
    """Where a closing "(Published Monday, Nov. 18, 2019)" starts, if `text` ends with one."""
    text = text.rstrip()
    k = text.rfind("(")
    if k < 0 or not text.endswith(")") or len(text) - k > 60:
        return None
    inner = text[k + 1 : -1].strip()
    if first_label(inner) != 0 or not find_dates(inner):
        return None
    return k


def _opening(text: str) -> str:
    """The first three words: lines that all open alike are a form or a list, not captions."""
    return " ".join(text.casefold().split()[:3])


def _segments(
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
        out.append(Segment(kind, unit.start, unit.end, reason, unit.line, feats, rule, probability))
    return tuple(out)


def _clean(text: str) -> str:
    if text.isprintable():  # (no control character: most lines skip the pattern)
        return text.strip()
    return str(_CONTROL.sub("", text)).strip()
