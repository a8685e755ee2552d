"""The taxonomy of segment kinds: what a span of the input was."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a segment of the input is. Kept kinds feed the article; the rest are removed."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"
    BYLINE = "byline"
    DATE = "date"
    SOURCE = "source"
    SECTION = "section"
    TAGS = "tags"
    SHARE = "share"
    ADVERTISEMENT = "advertisement"
    REPEATED = "repeated"
    NAVIGATION = "navigation"
    RELATED = "related"
    PROMO = "promo"
    LEGAL = "legal"
    COMMENTS = "comments"
    PLACEHOLDER = "placeholder"
    LOGO = "logo"
    OTHER = "other"

    @property
    def kept(self) -> bool:
        """True for kinds whose text ends up in an `Article` field."""
        return self in _KEPT


_KEPT = frozenset(
    {Kind.TITLE, Kind.BODY, Kind.CAPTION, Kind.BYLINE, Kind.DATE, Kind.SOURCE, Kind.SECTION, Kind.TAGS}
)
