"""The result objects: frozen, typed, JSON-ready through `to_dict()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

import regex

from .kinds import Kind

# A list item's own marker: "- ", "* ", "• ", "1. ", "2) "
_BULLET: Final = regex.compile(r"(?:[-*\u2022\u00b7\u25aa\u25e6\u2013]|\d{1,3}[.)])\s")


def _short(text: str | None, limit: int = 50) -> str:
    """A string for a repr, cut to `limit` characters with an ellipsis."""
    if text is None:
        return "None"
    return repr(text if len(text) <= limit else text[: limit - 1] + "\u2026")


@dataclass(frozen=True, slots=True)
class Features:
    """The facts a unit was judged on, returned so a caller can re-threshold without reparsing."""

    words: int
    chars: int
    stop_share: float
    letter_share: float
    ends_sentence: bool
    score: float
    in_region: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "chars": self.chars,
            "stop_share": round(self.stop_share, 3),
            "letter_share": round(self.letter_share, 3),
            "ends_sentence": self.ends_sentence,
            "score": round(self.score, 3),
            "in_region": self.in_region,
        }


@dataclass(frozen=True, slots=True, repr=False)
class Segment:
    """One span of `Article.text` with its kind and the reason it was given that kind.

    kind: what the span is (`Kind.BODY`, `Kind.SHARE`...; see the table in README.md).
    start, end: character offsets into `Article.text` (`seg.text_of(article.text)`).
    reason: a short human-readable account of the decision.
    line: the 1-based input line the span starts on (a unit may span several lines).
    features: the facts the unit was judged on; None with `Options(keep_features=False)`.
    rule: the stable id of the rule or model that decided (`body.model`, `phrase.share`...).
    probability: for a fitted decision, the model's probability that the unit is of this kind.
    """

    kind: Kind
    start: int
    end: int
    reason: str
    line: int
    features: Features | None = None
    # the stable id of the rule or model that decided (`body.model`, `phrase.share`...) and, for
    # a fitted decision, the model's probability that the unit is of this kind
    rule: str = ""
    probability: float | None = None

    def __repr__(self) -> str:
        return f"Segment({self.kind.value} {self.start}:{self.end} line {self.line} {self.rule or self.reason!r})"

    def text_of(self, text: str) -> str:
        """The span's text, given `Article.text`."""
        return text[self.start : self.end]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "reason": self.reason,
            "rule": self.rule,
        }
        if self.probability is not None:
            out["probability"] = round(self.probability, 3)
        if self.features is not None:
            out["features"] = self.features.to_dict()
        return out


@dataclass(frozen=True, slots=True, repr=False)
class Caption:
    """An image or video caption, its credit split off.

    text: the caption without its credit; credit: "Reuters/Jane Doe", "AFP"... or None;
    start, end: the span of `Article.text` the caption was read from (credit included).
    """

    text: str
    credit: str | None
    start: int
    end: int

    def __repr__(self) -> str:
        return f"Caption({_short(self.text, 40)}, credit={_short(self.credit, 30)}, {self.start}:{self.end})"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Block:
    """What a body paragraph is in the page's structure.

    type: "paragraph", "heading", "list_item", "quote", "table_row" or "code"; from the markup
        for HTML input, from the line's shape for text (headings, list items and table rows
        only); level: a heading's level (1-6; 2 when read from the text's shape), else 0.
    """

    type: str = "paragraph"
    level: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "level": self.level} if self.level else {"type": self.type}


@dataclass(frozen=True, slots=True)
class Field:
    """Where a metadata value came from.

    source: "text" for a value read from the text: `start` and `end` are then the span of the
    segment that gave it. For a value an HTML page declares in its markup, the kind of markup
    ("json-ld", "opengraph", "meta", "time", "html-lang", "canonical", "title-element"; see
    boilerstrip/markup.py), and `start` and `end` are -1.
    """

    name: str
    start: int
    end: int
    source: str = "text"

    @property
    def in_text(self) -> bool:
        """True when the value was read from a span of `Article.text`."""
        return self.source == "text"

    def to_dict(self) -> dict[str, Any]:
        if self.source == "text":
            return {"start": self.start, "end": self.end}
        return {"start": self.start, "end": self.end, "source": self.source}


# The fields only an HTML page's markup gives: in `Article.to_dict()` only when set.
PAGE_FIELDS: Final = ("canonical_url", "site_name", "description", "image")


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


@dataclass(frozen=True, slots=True, repr=False)
class Article:
    """A clean article and the account of every span of the input.

    text: the text that was segmented (HTML and Markdown already turned into the text they
        show); every offset refers to it.
    title: the headline, or None.
    paragraphs: the body paragraphs in order (`body` joins them with a blank line).
    blocks: for each paragraph, its `Block` (heading, list item, quote...): `markdown()` uses them.
    captions: image and video captions with their credits.
    published, updated: a `date` when the page gives only the day; a `datetime` when it gives
        a time as well. A datetime is naive (the page's local time as written, not converted)
        unless the page names a UTC offset or an unambiguous zone ("+01:00", "GMT", "EST"):
        then it is aware, with a fixed-offset `tzinfo`. Relative dates ("2 hours ago") are
        resolved only against `Options.reference_date`. None when no date was found.
    authors: the names of the byline, roles and agencies removed.
    dateline: "VILNIUS" of "VILNIUS: ...", or None (it stays in the first paragraph too).
    source: the agency or source line ("Reuters", "Source: AFP"), or None.
    section: the category label above the headline, or None.
    tags: the topic tags.
    language: the ISO 639-1 code of the page (forced, declared by an HTML page, or detected),
        or None.
    segments: one `Segment` per unit, sorted and non-overlapping; with whitespace they tile `text`.
    provenance: for each metadata field, the span it was read from, or the markup that
        declared it (see `where` and `Field`).
    repaired: True when mojibake in the input was repaired before it was read
        (`Options.repair_encoding`): `text` is then the repaired text, not the input.
    canonical_url, site_name, description, image: what an HTML page declares (its canonical
        link, og:site_name, its description and its main image's URL); None for text input.

    For HTML input, title, published, updated, authors, section, tags and language are
    chosen between the page's declarations and the text's reading by one rule (markup.py).

    `repr()` is a short summary; `to_dict()` gives everything.
    """

    text: str
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    published: date | datetime | None = None
    updated: date | datetime | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    source: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    segments: tuple[Segment, ...] = ()
    provenance: tuple[Field, ...] = field(default=())
    blocks: tuple[Block, ...] = ()
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    repaired: bool = False

    def __repr__(self) -> str:
        dates = f", published={_iso(self.published)}" if self.published is not None else ""
        authors = f", authors={len(self.authors)}" if self.authors else ""
        return (
            f"Article(title={_short(self.title, 60)}{dates}{authors}, language={self.language!r}, "
            f"paragraphs={len(self.paragraphs)}, body_chars={sum(map(len, self.paragraphs))}, "
            f"captions={len(self.captions)}, segments={len(self.segments)}, text_chars={len(self.text)})"
        )

    @property
    def body(self) -> str:
        """The paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    def markdown(self) -> str:
        """The body as Markdown: headings, list items, quotes and code as the blocks say."""
        out: list[str] = []
        previous = ""
        for k, text in enumerate(self.paragraphs):
            block = self.blocks[k] if k < len(self.blocks) else Block()
            if block.type == "heading":
                line = "#" * max(2, min(block.level, 6)) + " " + text
            elif block.type == "list_item":
                line = text if _BULLET.match(text) else "- " + text
            elif block.type == "quote":
                line = "> " + text
            elif block.type == "code":
                line = text if previous == "code" else "```\n" + text
            else:
                line = text
            if previous == "code" and block.type != "code":
                out.append("\n```")
            if out:  # a list, a quote or a code block runs on; anything else stands apart
                out.append("\n" if block.type == previous and previous != "paragraph" else "\n\n")
            out.append(line)
            previous = block.type
        if previous == "code":
            out.append("\n```")
        return "".join(out)

    def where(self, name: str) -> Field | None:
        """Where a metadata field ("title", "published", "authors"...) was read: a span of
        `text`, or the markup that declared it (`Field.source`)."""
        for f in self.provenance:
            if f.name == name:
                return f
        return None

    def to_dict(self, *, segments: bool = True) -> dict[str, Any]:
        """Everything as JSON-ready values; dates as ISO 8601. canonical_url, site_name,
        description and image appear only when set (only an HTML page declares them), and
        `repaired` only when the input's mojibake was repaired."""
        out: dict[str, Any] = {
            "title": self.title,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "authors": list(self.authors),
            "dateline": self.dateline,
            "source": self.source,
            "section": self.section,
            "tags": list(self.tags),
            "language": self.language,
            **self._declared(),
            "captions": [c.to_dict() for c in self.captions],
            "paragraphs": list(self.paragraphs),
            "blocks": [b.to_dict() for b in self.blocks],
            "body": self.body,
            "fields": {f.name: f.to_dict() for f in self.provenance},
        }
        if self.repaired:
            out["repaired"] = True
        if segments:
            out["segments"] = [s.to_dict() for s in self.segments]
        return out

    def _declared(self) -> dict[str, str]:
        pairs = ((name, getattr(self, name)) for name in PAGE_FIELDS)
        return {name: value for name, value in pairs if value is not None}
