"""The page object every stage after the line split reads and writes: one per `extract` call."""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import BodyDecision
from .classify import Label
from .dates import DateMemo
from .features import UnitFacts
from .lexicon import Lexicon
from .lines import Unit
from .markup import Declared
from .options import Options


@dataclass(slots=True)
class Page:
    """One page under analysis: its units, their facts and labels, and what the stages found.

    `labels` is filled by the rules, then the caption, byline and body stages; the metadata
    stage reads the page as the body stage left it. Training tools read the same object
    (`boilerstrip.extract.analyse`), so what they learn from is what `extract` decides on.
    """

    text: str
    units: list[Unit]
    facts: list[UnitFacts]
    labels: list[Label | None]
    language: str | None
    lexicon: Lexicon
    options: Options
    stoplist: frozenset[str] = frozenset()
    dates: DateMemo = field(default_factory=dict)
    # {unit: (caption text, credit)} from the caption stage
    credits: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    # {unit: (names, agency)} from the byline stage
    bylines: dict[int, tuple[tuple[str, ...], str | None]] = field(default_factory=dict)
    # the rule labels as they stood before the body decision (features of the fitted models)
    rule_labels: list[Label | None] = field(default_factory=list)
    # the hand-written body decision (body.py), then the fitted one over it (bodymodel.py)
    hand: BodyDecision | None = None
    decision: BodyDecision | None = None
    # per unit, what the markup says of it (html.DOM_FEATURES), when the input was HTML
    dom: list[tuple[float, ...]] | None = None
    # per unit, the block the markup makes it (type, heading level), when the input was HTML
    blocks: list[tuple[str, int]] | None = None
    # what an HTML page declares in its markup (markup.py); None for text input
    declared: Declared | None = None
    # whether the input's mojibake was repaired before the text was read (Options.repair_encoding)
    repaired: bool = False

    @property
    def from_html(self) -> bool:
        """Whether the page was read from HTML: the metadata models learnt on pages' HTML apply
        (to every HTML page, also one whose markup gave no line facts, `dom` None)."""
        return self.declared is not None
