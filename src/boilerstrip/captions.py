"""Image and video captions: a caption line, its credit split off in its many written forms, and
the labelling of a page's caption lines (`mark_captions`)."""

from __future__ import annotations

import functools
from typing import Final

import regex

from .classify import K_REPEATED, Label
from .dates import find_dates, first_label
from .features import UnitFacts
from .kinds import Kind
from .lexicon import Lexicon, alternation
from .lines import Unit, clean_text
from .markers import marker_words
from .metadata import lead_agency, parse_dateline

# A credit that is a copyright notice of the site ("© 2019 X. All rights reserved"), not of a picture.
_NOTICE: Final = regex.compile(r"\A(?:\d{4}\b|.*\brights?\s+reserved)", regex.I)


@functools.cache
def _patterns(credit_words: frozenset[str], agencies: frozenset[str]) -> tuple[regex.Pattern[str], ...]:
    words = alternation(credit_words, spaces=True)
    wire = alternation(a for a in agencies if len(a) >= 2)
    prefix = alternation(marker_words("credit_prefix"))
    label = rf"(?:(?:{prefix})\s+)?(?:{words})"
    return (
        # "... 2025. (Photo: Handout via Reuters/X)", "(File photo: AFP/X)", "[Image: X]", "[File: Reuters]"
        regex.compile(
            rf"[\s\u00a0]*[(\[]\s*(?:{label}|{prefix})(?:\s*(?:by\s+)?[:/]|\s+by\b)\s*"
            rf"(?P<credit>[^()\[\]]{{2,160}}?)\s*[)\]]\s*\Z",
            regex.I,
        ),
        # "... (AP Photo/Jane Doe)", "(REUTERS/Jane Doe)", "(Getty Images)"
        regex.compile(
            rf"[\s\u00a0]*[(\[]\s*(?P<credit>(?:{wire})(?:\s+(?:{words}))?\s*/\s*[^()\[\]]{{2,120}}?|"
            rf"(?:{wire})(?:\s+(?:{words}))?)\s*[)\]]\s*\Z",
            regex.I,
        ),
        # "... Photo: X/Reuters", "... Credit: Getty Images", "... Foto: dpa", "...rabbitCredit: EPA"
        regex.compile(
            rf"(?:(?<=[.!?\"”’»)。」])|\||(?<=\p{{Ll}})(?=(?-i:\p{{Lu}})))[\s\u00a0]*(?:\|\s*)?{label}\s*(?:by\s+)?[:：=]\s*"
            rf"(?P<credit>[^\n]{{2,120}}?)\s*\Z",
            regex.I,
        ),
        # "... REUTERS/Jane Doe", "... AFP/Getty Images", "...Austria.Jane Doe / Reuters file"
        regex.compile(
            rf"(?<=[.!?\"”)])[\s\u00a0]*(?P<credit>(?:[\p{{Lu}}][\p{{L}}.'’-]*\s+){{0,4}}(?:via\s+)?(?i:{wire})(?:\s+(?i:{words}))?"
            rf"\s*/\s*[\p{{L}}][\p{{L}}\s.'’-]{{1,60}}(?:/[\p{{L}}\s.'’-]{{1,40}})?)\s*\Z",
        ),
        regex.compile(
            rf"(?<=[.!?\"”)])[\s\u00a0]*(?P<credit>(?:[\p{{Lu}}][\p{{L}}.'’-]*\s?){{1,4}}\s*/\s*(?i:{wire})(?:\s+(?i:files?|{words}))?)\s*\Z",
        ),
        # "... rabbits. (JANE DOE/SCIENCE PHOTO LIBRARY)", "... Titan. (NASA/JPL-Caltech/ASU)",
        # "... getarnt. (jdoe / iStock.com)": a photographer's handle and the stock site
        regex.compile(
            r"(?<=[.!?\"”])[\s\u00a0]*[(\[]\s*(?P<credit>\p{Lu}[^()\[\]/]{1,60}(?:/[^()\[\]/]{2,60}){1,3}?"
            r"|[\p{L}\d][^()\[\]/\s]{1,40}\s*/\s*[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,6})\s*[)\]]\s*\Z"
        ),
        # "... earnings. Photograph by Jane Doe/AFP", "... New York.Reuters"
        regex.compile(
            rf"(?<=[.!?\"”])[\s\u00a0]*(?:{label})\s+by\s+(?P<credit>\p{{Lu}}[^\n]{{2,120}}?)\s*\Z",
            regex.I,
        ),
        regex.compile(rf"(?<=\p{{L}}[.!?])(?P<credit>{wire})\s*\Z"),  # glued: no space
        # "... viral campaign. (onmeth.com)": the site a picture was taken from
        regex.compile(
            r"(?<=[.!?\"”])[\s\u00a0]*[(\[]\s*(?P<credit>[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,6})\s*[)\]]\s*\Z"
        ),
        # "... © Jane Doe", "... ©AFP"
        regex.compile(
            r"[\s\u00a0]*[(\[]?\s*(?:©|\(c\)|copyright\b)\s*(?P<credit>[^()\[\]\n]{2,80}?)\s*[)\]]?\s*\Z",
            regex.I,
        ),
    )


@functools.cache
def _credit_only(credit_words: frozenset[str], agencies: frozenset[str]) -> regex.Pattern[str]:
    copyright = alternation((w for w in credit_words if "copyright" in w), spaces=True)
    prefix = alternation(marker_words("credit_prefix"))
    words = alternation(credit_words, spaces=True)
    wire = alternation(a for a in agencies if len(a) >= 2)
    # a credit word that is an abbreviation needs no colon: "Fot. Jan Kowalski / Agencja Gazeta"
    dotted = alternation(w for w in credit_words if w.endswith("."))
    return regex.compile(
        rf"\A[(\[]?\s*(?:(?:{prefix})\s+)?(?:{words})\s*(?:by\s+)?[:：=/]\s*(?P<credit>.{{2,100}}?)\s*[)\]]?\Z"
        rf"|\A(?:{dotted})\s+(?P<credit>\p{{L}}.{{1,99}}?)\s*\Z"
        rf"|\A(?:(?:{words})\s+)+by\s+(?P<credit>.{{2,100}}?)\s*\Z"
        rf"|\A(?:{copyright})\s+(?P<credit>.{{2,80}}?)\s*\Z"
        rf"|\A[(\[]?\s*(?:©|\(c\))\s*(?P<credit>.{{2,80}}?)\s*[)\]]?\Z"
        rf"|\A[(\[]\s*(?P<credit>(?:{wire})(?:\s+(?:{words}))?\s*/\s*.{{2,80}}?)\s*[)\]]\Z"
        rf"|\A(?P<credit>(?:{wire})(?:\s+(?:{words}))?\s*/\s*(?:\p{{Lu}}[\p{{L}}.'’-]*\s?){{1,4}})\Z"
        rf"|\A[(\[]?(?P<credit>(?:{wire})(?:\s+(?:{words}))?)[)\]]?\Z",
        regex.I,
    )


@functools.cache
def _credit_lead(credit_words: frozenset[str]) -> regex.Pattern[str]:
    """ "Credit..." / "Photo:" alone on a line: the credit itself is on the next line."""
    words = alternation(credit_words, spaces=True)
    return regex.compile(rf"\A(?:{words})\s*(?:\.{{2,}}|…|:)\s*\Z", regex.I)


def split_credit(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """(caption, credit) when the text ends with a credit; None when it has none."""
    return caption_reader(lexicon).split_credit(text)


def credit_only(text: str, lexicon: Lexicon) -> str | None:
    """The credit when the whole line is one ("Photo: Getty Images", "(AP Photo/X)", "GETTY")."""
    return caption_reader(lexicon).credit_only(text)


def caption_reader(lexicon: Lexicon) -> CaptionReader:
    """The caption forms of `lexicon`, to fetch once per page rather than once per line."""
    return _reader(lexicon.credit_words, lexicon.agencies, lexicon.source_labels)


@functools.cache
def _reader(
    credit_words: frozenset[str], agencies: frozenset[str], source_labels: frozenset[str]
) -> CaptionReader:
    return CaptionReader(credit_words, agencies, source_labels)


class CaptionReader:
    """The per-line caption tests of one lexicon, with every pattern and word set they use read
    once from the cached builders below (a call through a cache wrapper per line costs more
    than the string tests that spare the patterns)."""

    def __init__(
        self, credit_words: frozenset[str], agencies: frozenset[str], source_labels: frozenset[str]
    ) -> None:
        self.patterns = _patterns(credit_words, agencies)
        self.agencies_folded = _agencies_folded(agencies)
        self.credit_keys = _credit_keys(credit_words)
        self.glued_wires = _glued_wires(agencies)
        self.credit_only_pattern = _credit_only(credit_words, agencies)
        self.openings = _openings(credit_words, agencies)
        self.roles = marker_words("role")
        self.agency_names = _agency_names(agencies)
        self.lead = _credit_lead(
            credit_words - source_labels
        )  # "Source:" alone introduces the story's source
        self.worded_tails = _worded_tails()
        self.worded_line = _worded_line()
        self.worded_heads = _worded_heads()
        self.courtesy_keys = _courtesy_keys()
        self.unsourced_ends, self.unsourced_longest = _unsourced_ends()
        self.toggle_ends, self.toggle_longest = _toggle_ends()
        self.toggle = _toggles()[0]
        self.caption_heads = _caption_heads()
        self.caption_initials = frozenset(head[:1] for head in self.caption_heads)
        self.caption_labels = _caption_labels()

    def split_credit(self, text: str) -> tuple[str, str] | None:
        """(caption, credit) when the text ends with a credit; None when it has none."""
        if len(text) > 1500:
            return None
        # Credits end the line: only its tail is searched, so long lines cost no more than short ones.
        offset = max(0, len(text) - 260)
        tail = text[offset:]
        hinted = _credit_hinted(tail)
        if not hinted and _last_word(tail) not in self.agencies_folded:
            # no bracket, slash, colon, ©, "by" or trailing agency: only a credit in words can apply
            return self.worded_credit(text, tail, offset)
        patterns = self.patterns
        for k, pos in self.credit_forms(tail):
            m = patterns[k].search(tail, max(0, pos))
            if m:
                caption = text[: offset + m.start()].rstrip(" \u00a0|-–—,")
                credit = m.group("credit").strip(" .;,")
                if credit and len(caption) >= 1 and not _NOTICE.match(credit):
                    return caption, credit
        return self.worded_credit(text, tail, offset)

    def credit_forms(self, tail: str) -> list[tuple[int, int]]:
        """The credit patterns (by their place in `_patterns`, in order) whose form can be in `tail`,
        each with where in `tail` its form can begin, so it is not tried at every position (string
        tests for what each form needs, much cheaper than the patterns)."""
        end = tail[-170:]
        end_folded = end.casefold()
        bracket = tail.rstrip()[-1:] in (")", "]")
        opening = max(tail.rfind("("), tail.rfind("[")) - 3
        forms: list[tuple[int, int]] = []
        if bracket:  # "(Photo: X)", "(AP Photo/X)"
            forms += ((0, opening), (1, opening))
        colon = max(tail.rfind(":"), tail.rfind("："), tail.rfind("="))
        if colon >= max(0, len(tail) - 170) and self.holds_credit_word(tail[max(0, colon - 45) :]):
            forms.append((2, colon - 45))  # a colon (or "：", "=") in `end`, after a credit word
        if "/" in end:
            slash = tail.find("/", max(0, len(tail) - 170)) - 90
            forms += ((3, slash), (4, slash))
            if bracket:
                forms.append((5, opening))
        if " by " in end_folded:
            forms.append((6, tail.casefold().rfind(" by ") - 45))
        if not bracket:
            if self.may_end_glued(tail):
                forms.append((7, len(tail) - 60))
        elif "." in end[-40:]:
            forms.append((8, opening))
        if "©" in end or "(c)" in end_folded or "copyright" in end_folded:
            folded = tail.casefold()
            first = min(
                (k for k in (tail.rfind("©"), folded.rfind("(c)"), folded.rfind("copyright")) if k >= 0),
                default=0,
            )
            forms.append((9, first - 5))
        return forms

    def may_end_glued(self, tail: str) -> bool:
        """False when `tail` surely does not end with an agency glued to its last sentence
        ("... New York.Reuters"): the name would be all that follows the last ".", "!" or "?"
        (a set look-up, much cheaper than that pattern)."""
        wires = self.glued_wires
        if wires is None:
            return True
        end = tail.rstrip()
        stop = max(end.rfind("."), end.rfind("!"), end.rfind("?"))
        return stop > 0 and end[stop + 1 :] in wires

    def holds_credit_word(self, text: str) -> bool:
        """False when no credit word ("Photo", "Bildquelle") can be in `text`: the "Photo: X" form
        needs one before its colon (string tests, much cheaper than that pattern)."""
        folded = text.casefold()
        for key in self.credit_keys:
            if key in folded:
                return True
        return False

    def worded_credit(self, text: str, tail: str, offset: int) -> tuple[str, str] | None:
        """(caption, credit) when the caption ends with a credit written in words, without a colon:
        "... in 2019. Courtesy of Jane Doe", "... (Cortesía de X)", "Jane Doe Submitted photo"."""
        window = tail[-120:]
        end = window.rstrip()
        if end.endswith((").", "].")):
            end = end[:-1]  # "... ist unklar (Symbolbild).": the bracket closes the sentence
        bracket = end[-1:] in (")", "]")
        ends, longest = self.unsourced_ends, self.unsourced_longest
        unsourced = end[-longest:].casefold().endswith(ends) or (
            bracket and end[-longest - 1 : -1].casefold().endswith(ends)
        )
        courtesy = False
        folded = window.casefold()
        for key in self.courtesy_keys:
            if key in folded:
                courtesy = True
                break
        if not (unsourced or courtesy):
            return None  # (most lines: no pattern to try)
        # (string tests for what each form needs, cheaper than the patterns: an unsourced credit
        # ends the line, under a bracket; a courtesy phrase is in it, the first form in brackets)
        for pattern, hint in zip(self.worded_tails, (unsourced, bracket and courtesy, courtesy), strict=True):
            if not hint:
                continue
            m = pattern.search(tail, max(0, len(tail) - 120))
            if m:
                caption = text[: offset + m.start()].rstrip(" \u00a0|-–—,")
                credit = m.group("credit").strip(" .;,")
                if credit and caption:
                    return caption, credit
        return None

    def credit_only(self, text: str) -> str | None:
        """The credit when the whole line is one ("Photo: Getty Images", "(AP Photo/X)", "GETTY")."""
        if len(text) > 160:
            return None
        worded = _worded_line_match(text.strip(), self.worded_heads, self.worded_line)
        if worded is not None:
            return str(worded.group("credit")).strip(" .;,")
        if not self.opens_credit(text):
            return self.agency_credit(text)
        if self.is_bare_credit(text) and text.strip(" ()[]").casefold() in self.roles:
            return None  # "Staff" names no picture source
        m = self.credit_only_pattern.match(text.strip())
        if not m:
            return None
        credit = (m.group("credit") or "").strip(" .;,")
        if not credit or _NOTICE.match(credit):
            return None
        return credit

    def opens_credit(self, text: str) -> bool:
        """The first word `_OPENING` reads in `text` is one of the openings. A line that starts
        with a word of ASCII letters and digits, then a space or nothing, has that word read (the
        pattern skips nothing before a letter, and a space ends the word): a set look-up answers
        without the pattern."""
        k = text.find(" ")
        head = text if k < 0 else text[:k]
        if head.isascii() and head.isalnum():
            return head.lower() in self.openings
        first = _OPENING.match(text)
        return first is not None and first.group(1).casefold() in self.openings

    def agency_credit(self, text: str) -> str | None:
        """A credit line that names the photographer before the agency: "Jane Roe/Getty Images",
        "Jupiterimages, Getty Images/Creatas RF", "Jane Roe / AFP"."""
        if len(text) > 60 or "/" not in text or len(text.split()) > 6 or any(ch in text for ch in ":©"):
            return None
        if any(ch.isdigit() for ch in text):
            return None  # "3/28 photos": a counter
        core = text.strip(" ()[]")
        if core.endswith((".", "!", "?", ":")) or self.agency_names.search(core) is None:
            return None
        if not core[:1].isupper() or any(not part.strip() for part in core.split("/")):
            return None  # "and/or", a path or a date, not names on both sides of the slash
        return core

    def credit_lead(self, text: str) -> bool:
        """True for a line that only announces a credit printed on the next line ("Credit...", "Photo:")."""
        if len(text) >= 24 or not text.rstrip().endswith((".", "…", ":")):
            return False
        return bool(self.lead.match(text.strip()))

    def is_bare_credit(self, text: str) -> bool:
        """True for a credit line that is a name alone ("GETTY", "(Reuters)"), with no credit word or slash."""
        return _bare(text, self.worded_heads, self.worded_line)

    def caption_label(self, text: str) -> str | None:
        """The caption after a printed label ("Image caption The scene...", "Media captionWho is..."), or None."""
        first = text[:1]
        if first.isascii() and first.lower() not in self.caption_initials:
            return None  # (an ASCII first letter casefolds to itself lowercased: no label starts so)
        return _labelled(text, self.caption_heads, self.caption_labels)

    def without_toggle(self, text: str) -> str:
        """The caption without the link that folds it ("... (AP Photo/X) less"); `text` when there is none."""
        return _unfolded(text, self.toggle_ends, self.toggle_longest, self.toggle)


@functools.cache
def _glued_wires(agencies: frozenset[str]) -> frozenset[str] | None:
    """The agency names the glued form reads; None when one holds ".", "!" or "?" itself (then
    the name is not what follows the last of them, and the form is always tried)."""
    wires = frozenset(a for a in agencies if len(a) >= 2)
    return None if any(mark in name for name in wires for mark in ".!?") else wires


@functools.cache
def _credit_keys(credit_words: frozenset[str]) -> tuple[str, ...]:
    """A piece of text that each credit word holds however it is spaced or cased (its longest
    word; the credit words are casefolded), none of them holding another ("foto", not "fotos")."""
    pieces = {max(w.split(), key=len) for w in credit_words if w.strip()}
    return tuple(sorted(p for p in pieces if not any(q != p and q in p for q in pieces)))


@functools.cache
def _courtesy_keys() -> tuple[str, ...]:
    """The longest word of each courtesy phrase ("courtesy", "genehmigung"; not "of"), with
    either apostrophe: one of them is in any line that holds such a phrase."""
    keys = {max(p.split(), key=len) for p in marker_words("courtesy") if p.strip()}
    return tuple(sorted(keys | {k.replace("’", "'") for k in keys}))


@functools.cache
def _unsourced_ends() -> tuple[tuple[str, ...], int]:
    """The last word of each unsourced credit ("photo" of "File photo"), with either apostrophe,
    and the longest one's length: a line that ends with such a credit ends with one of them."""
    ends = {p.split()[-1] for p in marker_words("unsourced_credit") if p.strip()}
    ends |= {w.replace("’", "'") for w in ends}
    return tuple(sorted(ends)), max(map(len, ends), default=0)


def _alternation(kind: str) -> str:
    return alternation(marker_words(kind), spaces=True, apostrophes=True)


# A credit's source: a name of a few words (up to six), no sentence inside it.
_SOURCE: Final = r"(?P<credit>[\p{L}\d][^\s()\[\].!?]*(?:[ \u00a0]+[^\s()\[\].!?]+){0,5}?)"


@functools.cache
def _worded_tails() -> tuple[regex.Pattern[str], ...]:
    courtesy = _alternation("courtesy")
    unsourced = _alternation("unsourced_credit")
    return (
        # "... in 2019. (File photo)", "Jane Doe Submitted photo": the credit opens with a capital
        regex.compile(
            rf"(?:(?<=[.!?\"”’»)])[\s\u00a0]*|(?<=\p{{L}})[\s\u00a0]+)[(\[]?(?P<credit>(?=\p{{Lu}})(?i:{unsourced}))(?:[)\]]\.?)?\s*\Z"
        ),
        # "... in 2019. (Courtesy of Jane Doe)", "... Kiev (Cortesía de X)"
        regex.compile(rf"[\s\u00a0]*[(\[]\s*(?:{courtesy})\s+{_SOURCE}\s*[)\]]\s*\Z", regex.I),
        # "... in 2019. Courtesy of Jane Doe": after the caption's last sentence
        regex.compile(rf"(?<=[.!?\"”’»])[\s\u00a0]*(?:{courtesy})\s+{_SOURCE}\s*\.?\s*\Z", regex.I),
    )


@functools.cache
def _worded_line() -> regex.Pattern[str]:
    """A whole line that is a credit in words: "Courtesy of Jane Doe", "(Submitted photo)"."""
    courtesy = _alternation("courtesy")
    unsourced = _alternation("unsourced_credit")
    return regex.compile(
        rf"\A[(\[]?\s*(?:(?P<credit>{unsourced})|(?:{courtesy})\s+{_SOURCE})\s*\.?\s*[)\]]?\Z", regex.I
    )


def _worded_line_match(
    line: str, heads: frozenset[str] | None, pattern: regex.Pattern[str]
) -> regex.Match[str] | None:
    """`_worded_line()` (`pattern`) matched on `line`, tried only when its first two letters can
    begin one of the credit words, `_worded_heads()` (a string test, much cheaper than the pattern)."""
    if heads is not None:
        start = (line[1:] if line[:1] in ("(", "[") else line).lstrip()[:2]
        if len(start) == 2 and start.isascii() and start.lower() not in heads:
            return None
    return pattern.match(line)


@functools.cache
def _worded_heads() -> frozenset[str] | None:
    """The first two letters (lowercased) of the credit words a whole credit line can begin
    with, those an ASCII line can begin with (the others hold a letter that no ASCII letter
    matches when case is ignored); None when that is unsure, and the pattern is always tried."""
    heads = set()
    for word in marker_words("courtesy") | marker_words("unsourced_credit"):
        pair = word[:2]
        if len(pair) == 2 and pair.isascii() and pair.isalpha():
            heads.add(pair.lower())
        elif pair.isascii() or any(_folds_to_ascii(ch) for ch in pair if not ch.isascii()):
            return None  # (a space or a mark, or a letter such as "ſ" that an ASCII letter matches)
    return frozenset(heads)


def _folds_to_ascii(ch: str) -> bool:
    return ch.casefold().isascii() or ch.lower().isascii() or ch.upper().isascii()


@functools.cache
def _toggles() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    words = _alternation("toggle")
    return (
        regex.compile(rf"(?<=\S)[\s\u00a0]+(?:{words})\s*\Z", regex.I),
        regex.compile(rf"\s*(?:\.\.\.|…)[\s\u00a0]*(?:{words})\s*\Z", regex.I),
    )


@functools.cache
def _toggle_ends() -> tuple[tuple[str, ...], int]:
    """The last word of every toggle ("more" of "read more"; casefolded, as the toggles are, and
    with either apostrophe), and the longest one's length: a line that ends with none of them,
    under spaces, ends with no toggle."""
    ends = {w.split()[-1] for w in marker_words("toggle") if w.strip()}
    ends |= {w.replace("’", "'") for w in ends}
    return tuple(sorted(ends)), max(map(len, ends), default=0)


def without_toggle(text: str) -> str:
    """The caption without the link that folds it ("... (AP Photo/X) less"); `text` when there is none."""
    ends, longest = _toggle_ends()
    return _unfolded(text, ends, longest, _toggles()[0])


def _unfolded(text: str, ends: tuple[str, ...], longest: int, toggle: regex.Pattern[str]) -> str:
    if not text.rstrip()[-longest:].casefold().endswith(ends):
        return text  # (a string test: most lines skip the pattern)
    m = toggle.search(text, max(0, len(text) - 30))
    return text[: m.start()] if m else text


def folded_copy(text: str, caption: str) -> bool:
    """True for a shortened copy of `caption` that ends with the link unfolding it
    ("Two men walk past the ... more"): a page prints both and shows one."""
    m = _toggles()[1].search(text, max(0, len(text) - 30))
    if m is None:
        return False
    head = " ".join(text[: m.start()].split()).casefold()
    return len(head) >= 20 and " ".join(caption.split()).casefold().startswith(head)


_CREDIT_HINT: Final = regex.compile(r"[(\[©/:：=]|\bby\b", regex.I)


def _credit_hinted(tail: str) -> bool:
    """`_CREDIT_HINT` finds something in `tail`: one of its marks is there (string tests, much
    cheaper than the pattern), or "by" as a word (the pattern, only when "by" is there in any case)."""
    if "(" in tail or "/" in tail or ":" in tail or "[" in tail or "=" in tail or "©" in tail or "：" in tail:
        return True
    # (no letter but "b" and "B" matches "b" when case is ignored, none but "y" and "Y" matches "y")
    by = "by" in tail or "By" in tail or "bY" in tail or "BY" in tail
    return by and _CREDIT_HINT.search(tail) is not None


def _last_word(text: str) -> str:
    tail = text[-40:].rstrip(" .,;:!?)]}\"'”’»\u00a0")
    if not tail:
        return ""
    word = tail.rsplit(None, 1)[-1].rsplit(".", 1)[-1]  # "York.Reuters": a credit glued to the sentence
    return word.lstrip("([{\"'“‘«").casefold()


@functools.cache
def _agencies_folded(agencies: frozenset[str]) -> frozenset[str]:
    return frozenset(a.casefold().split()[-1] for a in agencies if a.strip())


@functools.cache
def _openings(credit_words: frozenset[str], agencies: frozenset[str]) -> frozenset[str]:
    """First words a credit-only line can start with: a credit word, an agency, ©, file/archive."""
    words = {w.split()[0] for w in credit_words if w.strip()}
    words |= {a.casefold().split()[0] for a in agencies if a.strip()}
    words |= set(marker_words("credit_prefix")) | {"©", "(c)"}
    words |= {w.rstrip(".") for w in words if w.endswith(".")}  # `_OPENING` reads "Fot." as "Fot"
    return frozenset(words)


_OPENING: Final = regex.compile(r"[\s(\[]*(©|\(c\)|[^\s/:：=(\[\]).,;]+)")


@functools.cache
def _agency_names(agencies: frozenset[str]) -> regex.Pattern[str]:
    # the picture agencies first, then the wires
    photo = alternation(marker_words("photo_agency"), spaces=True)
    wire = alternation((a for a in agencies if len(a) >= 2), spaces=True)
    alts = f"{photo}|{wire}"
    return regex.compile(rf"(?<![\p{{L}}])(?:{alts})(?![\p{{L}}])", regex.I)


def credit_lead(text: str, lexicon: Lexicon | None = None) -> bool:
    """True for a line that only announces a credit printed on the next line ("Credit...", "Photo:")."""
    if len(text) >= 24 or not text.rstrip().endswith((".", "…", ":")):
        return False
    words = lexicon.credit_words if lexicon is not None else marker_words("credit")
    if lexicon is not None:
        words = words - lexicon.source_labels  # "Source:" alone introduces the story's source
    return bool(_credit_lead(words).match(text.strip()))


def is_bare_credit(text: str) -> bool:
    """True for a credit line that is a name alone ("GETTY", "(Reuters)"), with no credit word or slash."""
    return _bare(text, _worded_heads(), _worded_line())


def _bare(text: str, heads: frozenset[str] | None, worded: regex.Pattern[str]) -> bool:
    core = text.strip(" ()[]")
    if _worded_line_match(core, heads, worded) is not None:
        return False  # "Courtesy of Jane Doe", "Submitted photo": the words say it is a credit
    return bool(core) and "/" not in core and ":" not in core and len(core.split()) <= 4


def signs_story(text: str) -> bool:
    """A bare wire name in ordinary case ("Reuters") under a paragraph signs the story; picture
    credits are set in capitals ("GETTY", "REUTERS"), name a picture agency or say what they are
    ("Photo by X")."""
    core = text.strip(" ()[]")
    first = core.split()[0].casefold() if core else ""
    if first in marker_words("credit") or first.startswith("©"):
        return False
    return not core.isupper() and core.casefold() not in marker_words("photo_agency")


@functools.cache
def _caption_labels() -> regex.Pattern[str]:
    alts = alternation(marker_words("caption"), spaces=True)
    return regex.compile(rf"\A(?:{alts})(?:\s*:\s*|\s+|(?=(?-i:\p{{Lu}})|[\"“‘'(]))(?=\S)", regex.I)


@functools.cache
def _caption_heads() -> tuple[str, ...]:
    return tuple(sorted({label.split()[0] for label in marker_words("caption") if label.strip()}))


def caption_label(text: str) -> str | None:
    """The caption after a printed label ("Image caption The scene...", "Media captionWho is..."), or None."""
    return _labelled(text, _caption_heads(), _caption_labels())


def _labelled(text: str, heads: tuple[str, ...], labels: regex.Pattern[str]) -> str | None:
    if not text[:24].casefold().startswith(heads):
        return None
    m = labels.match(text)
    if m is None:
        return None
    rest = text[m.end() :].strip()
    return rest or None


# A sentence ending followed by the next sentence ("... here. The ...", or a CJK full stop).
SENTENCE_BREAK: Final = regex.compile(r"\p{L}[.!?\u3002\uff01\uff1f]\s+\p{Lu}|[\u3002\uff01\uff1f]")


def mark_captions(
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
            lead_credit = clean_text(units[i + 1].text)
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


SLIDESHOW_SLIDES: Final = 3  # the fewest captioned pictures that make a slideshow
SLIDESHOW_WORDS: Final = 8  # the fewest words of a slide's text (more than a label or a name)


# A caption's text and its credit (None when the page prints none), by the caption's unit.
Credited = tuple[str, str | None]


def media_items(
    units: list[Unit], unit_facts: list[UnitFacts], labels: list[Label | None]
) -> dict[int, Credited]:
    """Embedded videos: under a "Video" label, the item's title, then the one sentence that
    describes it; the description is the caption. Found after the body stage so that the
    story's region is decided on the page as it is."""
    out: dict[int, Credited] = {}
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


def _first_words(text: str) -> str:
    """The first three words: lines that all open alike are a form or a list, not captions."""
    return " ".join(text.casefold().split()[:3])


def story_captions(
    labels: list[Label | None], credits: dict[int, Credited], lo: int, hi: int
) -> list[tuple[int, Credited]]:
    """The captions of the story's pictures: the caption lines from `lo` to `hi` (around the
    headline and the body), and past `hi` a gallery that goes on, its captions one after
    another (within two lines) and not opening alike, as a form's or a list's lines do. A
    picture further off belongs to another story, or is a notice in the page's footer."""
    out: list[tuple[int, Credited]] = []
    last = lo
    for i in sorted(credits):
        cap = credits[i][0]
        if labels[i] is None or labels[i].kind is not Kind.CAPTION:  # type: ignore[union-attr]
            continue
        if (
            i > hi
            and cap
            and i - last <= 2
            and last > lo
            and _first_words(cap) != _first_words(credits[last][0])
        ):
            hi = i
        if not lo <= i <= hi:
            continue
        if cap:
            out.append((i, credits[i]))
            last = i
    return out


def slideshow(
    labels: list[Label | None], unit_facts: list[UnitFacts], credits: dict[int, tuple[str, str | None]]
) -> list[int]:
    """The captions that are the page's story: where the body decision kept nothing, the page
    shows `SLIDESHOW_SLIDES` or more pictures with a text of `SLIDESHOW_WORDS` words or more,
    and those texts hold most of the words of the page's sentences (lines of as many words that
    end like one), the page is a slideshow and the texts are what it says: an empty body would
    lose them. (A review whose story the decision missed has its prose elsewhere.)"""
    if any(lab is not None and lab.kind is Kind.BODY for lab in labels):
        return []
    slides = [
        i
        for i, (cap, _) in sorted(credits.items())
        if cap
        and (lab := labels[i]) is not None
        and lab.kind is Kind.CAPTION
        and unit_facts[i].words >= SLIDESHOW_WORDS
    ]
    if len(slides) < SLIDESHOW_SLIDES:
        return []
    sentences = sum(f.words for f in unit_facts if f.words >= SLIDESHOW_WORDS and f.ends_sentence)
    return slides if 2 * sum(unit_facts[i].words for i in slides) >= sentences else []


# (module-level functions rather than closures in `mark_captions`: compiled, a closure is a
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
        and len(SENTENCE_BREAK.findall(units[k].text)) <= 1
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
