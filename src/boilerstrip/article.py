"""The result objects: frozen, typed, JSON-ready through `to_dict()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .kinds import Kind


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


@dataclass(frozen=True, slots=True)
class Segment:
    """One span of `Article.text` with its kind and the reason it was given that kind."""

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

    def text_of(self, text: str) -> str:
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


@dataclass(frozen=True, slots=True)
class Caption:
    """An image or video caption, its credit split off."""

    text: str
    credit: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Field:
    """Where a metadata value came from: the span of the segment that gave it."""

    name: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article and the account of every span of the input."""

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

    @property
    def body(self) -> str:
        """The paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    def where(self, name: str) -> Field | None:
        """The span a metadata field ("title", "published", "authors"...) was read from."""
        for f in self.provenance:
            if f.name == name:
                return f
        return None

    def to_dict(self, *, segments: bool = True) -> dict[str, Any]:
        """Everything as JSON-ready values; dates as ISO 8601."""
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
            "captions": [c.to_dict() for c in self.captions],
            "paragraphs": list(self.paragraphs),
            "body": self.body,
            "fields": {f.name: f.to_dict() for f in self.provenance},
        }
        if segments:
            out["segments"] = [s.to_dict() for s in self.segments]
        return out
