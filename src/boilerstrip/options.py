"""All tunable behaviour of `extract`, folded into one frozen object, checked when it is built."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from .load import web_codec

# Languages told apart by their writing system (language.py) rather than by a stoplist.
_SCRIPT_LANGUAGES = frozenset({"ja", "ko", "th", "zh"})


@functools.cache
def supported_languages() -> frozenset[str]:
    """The ISO 639-1 codes `Options.language` accepts: every language the lexicon has a
    stoplist for (data/languages.tsv), and those recognised by their writing system."""
    from .lexicon import default_lexicon  # the word lists are read once per process anyway

    return frozenset(default_lexicon().stoplists) | _SCRIPT_LANGUAGES


def normalise_language(code: str) -> str:
    """`de-DE`, `DE`, `de_DE` -> `de`; raises ValueError for a code the lexicon does not have."""
    if not isinstance(code, str):
        raise TypeError(f"language: expected an ISO 639-1 code such as 'en', got {type(code).__name__}")
    base = code.strip().replace("_", "-").split("-", 1)[0].casefold()
    known = supported_languages()
    if base not in known:
        raise ValueError(f"language: unsupported code {code!r}; supported: {', '.join(sorted(known))}")
    return base


def parse_reference_date(value: object) -> date | datetime | None:
    """A date, a datetime or an ISO 8601 string ("2025-12-13", "2025-12-13T08:00+01:00")."""
    if value is None or isinstance(value, date):  # a datetime is a date too
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) <= 10:
                return date.fromisoformat(text)
            return datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"reference_date: not an ISO 8601 date or date-time: {value!r} (e.g. 2025-12-13 or 2025-12-13T08:00)"
            ) from None
    raise TypeError(
        f"reference_date: expected a date, a datetime or an ISO 8601 string, got {type(value).__name__}"
    )


@dataclass(frozen=True, slots=True)
class Options:
    """Options for `extract`. Build once and pass around; every field has a good default.

    language: ISO 639-1 code to force ("en", "de"...; "de-DE" and "DE" are read as "de");
        None detects it from the text. A code the lexicon has no words for is a ValueError
        that lists the supported ones (`boilerstrip.options.supported_languages()`).
    reference_date: resolves relative dates ("2 hours ago", "yesterday"); a date, a datetime
        or an ISO 8601 string (stored as a date or datetime); None leaves them unknown.
    min_body_words: a prose unit shorter than this many words is never body on its own merit
        (an int, 0 or more).
    body_threshold: score (0..1) above which a unit counts as prose.
    join_fragments: rejoin lines cut at inline tags ("naive" get_text output) before judging them.
    html: treat input as HTML (True), as text (False) or sniff it (None).
    markdown: read text input as Markdown (True: links as their labels, images and emphasis
        marks set aside, `Article.text` the text it shows), as it is (False), or sniff it
        (None: three links or images in Markdown syntax, and one for every twenty lines, make
        it Markdown).
    keep_features: attach the per-unit features to each segment (for re-thresholding).
    fitted_body: decide the body with the fitted model (data/body.model.json) over the
        hand-written rules' verdicts (True, the default); False keeps the rules' decision.
    fitted_metadata: choose the headline, the authors and the publication date with the
        fitted models (True, the default); False takes the hand rules' choices, which are
        about four times faster and less accurate on sites unlike the news pages they were
        written on (docs/benchmarks.md). `fitted_body=False, fitted_metadata=False` is the
        fast mode.
    encoding: the charset of bytes input when the caller knows it (an HTTP header's
        charset: "utf-8", "windows-1252", "ISO-8859-1"...); it wins over the charset a page
        declares and over detection, but not over a byte order mark. None (the default)
        detects it. A name Python's codecs do not know is a ValueError.
    repair_encoding: repair mojibake ("doesnâ€™t" for "doesn’t", "SÃ£o" for "São": UTF-8
        that was decoded as windows-1252 or Latin-1 before it reached `extract`, often in the
        page's own HTML) before reading the text, with ftfy's encoding fixes only (True, the
        default). `Article.repaired` says when it changed the text; `Article.text` is then
        the repaired text. False reads the text as it is given.

    Wrong values raise `ValueError` (out of range, unknown language) or `TypeError` (wrong
    type) when the object is built, with a message naming the field.
    """

    language: str | None = None
    reference_date: date | datetime | None = None
    min_body_words: int = 6
    body_threshold: float = 0.5
    join_fragments: bool = True
    html: bool | None = None
    markdown: bool | None = None
    keep_features: bool = True
    fitted_body: bool = True
    fitted_metadata: bool = True
    encoding: str | None = None
    repair_encoding: bool = True

    def __post_init__(self) -> None:
        if self.language is not None:
            object.__setattr__(self, "language", normalise_language(self.language))
        object.__setattr__(self, "reference_date", parse_reference_date(self.reference_date))
        words: object = self.min_body_words
        if isinstance(words, bool) or not isinstance(words, int):
            raise TypeError(f"min_body_words: expected an int, got {type(words).__name__}")
        if not 0 <= words <= 10_000:
            raise ValueError(f"min_body_words: must be between 0 and 10000, got {words}")
        threshold: object = self.body_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise TypeError(f"body_threshold: expected a number, got {type(threshold).__name__}")
        if not 0.0 <= threshold <= 1.0:  # also false for NaN
            raise ValueError(f"body_threshold: must be between 0 and 1, got {threshold}")
        object.__setattr__(self, "body_threshold", float(threshold))
        for name in ("join_fragments", "keep_features", "fitted_body", "fitted_metadata", "repair_encoding"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name}: expected True or False, got {type(getattr(self, name)).__name__}")
        for name in ("html", "markdown"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), bool):
                raise TypeError(
                    f"{name}: expected True, False or None, got {type(getattr(self, name)).__name__}"
                )
        if self.encoding is not None:
            if not isinstance(self.encoding, str):
                raise TypeError(
                    f"encoding: expected a charset name or None, got {type(self.encoding).__name__}"
                )
            if web_codec(self.encoding) is None:
                raise ValueError(
                    f"encoding: unknown charset {self.encoding!r} (expected a name such as utf-8, "
                    "windows-1252 or iso-8859-15)"
                )

    @classmethod
    def build(cls, options: Options | None = None, **overrides: Any) -> Options:
        """An `Options` from an existing one (or the defaults) with keyword overrides applied."""
        if options is not None and not isinstance(options, Options):
            raise TypeError(f"options: expected an Options object or None, got {type(options).__name__}")
        base = options if options is not None else cls()
        if not overrides:
            return base
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(base, **overrides)
