"""What an HTML page declares about itself, and the one rule that merges it with the text.

`read` takes the tree html.py parsed (libxml2's HTML parser: no network, no DTD, no entity
expansion; nothing here fetches anything) and collects the page's own declarations: the
article node of its JSON-LD, its OpenGraph and other meta tags, `<time datetime>`,
`<html lang>`, `<link rel=canonical>` and `<title>`. `merge` then chooses, field by field,
between that value and the one the text stages read, by the table `PREFER`; the numbers
behind each choice are in docs/design.md.
"""

from __future__ import annotations

import html as html_entities
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Final

import regex
from lxml import etree

from .article import Article, Field
from .dates import find_dates
from .lexicon import Lexicon, normalize
from .metadata import declared_names

# The sources a declared value can come from, as `Field.source` names them.
JSON_LD: Final = "json-ld"
OPENGRAPH: Final = "opengraph"  # og:* and article:* properties
META: Final = "meta"  # other <meta name|property|itemprop> tags
TIME: Final = "time"  # <time datetime>
LANG: Final = "html-lang"  # <html lang>
CANONICAL: Final = "canonical"  # <link rel=canonical>
TITLE_ELEMENT: Final = "title-element"  # <title>

# schema.org types whose node describes the article itself (any other "...Article" too).
_ARTICLE_TYPES: Final = frozenset(
    {"blogposting", "liveblogposting", "report", "socialmediaposting", "newsarticle", "article"}
)
# Meta keys (name, property or itemprop, lower case) per field, in order of trust.
_META_KEYS: Final = {
    "title": ("og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title", "headline"),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "article:published",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "originalpublicationdate",
    ),
    "updated": (
        "article:modified_time",
        "og:article:modified_time",
        "og:updated_time",
        "datemodified",
        "dcterms.modified",
        "article.updated",
    ),
    "authors": (
        "article:author",
        "og:article:author",
        "author",
        "byl",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
    ),
    "section": ("article:section", "section", "parsely-section", "sailthru.section"),
    "tags": ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"),
    "description": ("og:description", "description", "twitter:description"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
    "site_name": ("og:site_name", "application-name"),
    "canonical_url": ("og:url",),
}
_LIST_KEYS: Final = frozenset({"article:tag"})  # a tag per element: every element counts
# A JSON-LD block wrapped the way CMSs print it: CDATA markers, HTML comments.
_JSON_WRAPPING: Final = regex.compile(r"\A\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*\Z")
_TRAILING_COMMA: Final = regex.compile(r",(\s*[\]}])")
_SPACES: Final = regex.compile(r"\s+")
_TAG_SPLIT: Final = regex.compile(r"\s*[,;]\s*")
_LANGUAGE: Final = regex.compile(r"\A([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\Z")
_ISO_DATE: Final = regex.compile(
    r"\A\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?\Z"
)
# "Headline | Site", "Site - Headline": the separators a <title> or og:title joins them with.
_AFFIX_SEPARATOR: Final = regex.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022\u00bb/]{1,2}\s+")
# The longest JSON-LD block read (a page's article node is a few kilobytes).
_MAX_JSON: Final = 1_000_000


@dataclass(frozen=True, slots=True)
class Declared:
    """The metadata a page's markup declares, each value with the source it was read from
    (`sources`: (field, source) pairs; see the source names at the top of this module)."""

    title: str | None = None
    published: date | datetime | None = None
    updated: date | datetime | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    sources: tuple[tuple[str, str], ...] = ()
    # every title the markup declares besides `title` (JSON-LD headline, OpenGraph and other
    # meta titles, the <title> element), in the order read: they confirm a printed headline
    other_titles: tuple[str, ...] = ()

    def source(self, name: str) -> str | None:
        """Where the value of field `name` was read, or None when the page declares none."""
        for field, where in self.sources:
            if field == name:
                return where
        return None


def read(root: etree._Element, lexicon: Lexicon) -> Declared:
    """The declarations of a parsed page. Malformed parts (JSON that does not parse, a date
    that is no date, an author that is a URL) are left out; nothing raises."""
    meta = _meta_tags(root)
    node, graph = _article_node(root)
    found: dict[str, tuple[Any, str]] = {}
    titles: list[str] = []

    def offer(name: str, value: Any, source: str) -> None:
        if value in (None, "", ()):
            return
        if name == "title":
            titles.append(value)
        if name not in found:
            found[name] = (value, source)

    site_name = None
    if node is not None:
        site_name = _text(_name_of(_resolve(node.get("publisher"), graph)))
        offer("title", _text(node.get("headline")) or _text(node.get("name")), JSON_LD)
        offer("published", _first_date(node.get("datePublished"), node.get("dateCreated")), JSON_LD)
        offer("updated", _first_date(node.get("dateModified")), JSON_LD)
        offer("authors", _json_authors(node.get("author") or node.get("creator"), graph, lexicon), JSON_LD)
        offer("section", _first_text(node.get("articleSection")), JSON_LD)
        offer("tags", _split_tags(node.get("keywords")), JSON_LD)
        offer("language", _language(_text(_name_of(node.get("inLanguage")))), JSON_LD)
        offer("description", _text(node.get("description")), JSON_LD)
        offer("image", _url_of(node.get("image")), JSON_LD)
    canonical = _canonical(root)
    offer("canonical_url", canonical, CANONICAL)
    for name, keys in _META_KEYS.items():
        for key in keys:
            values = meta.get(key)
            if not values:
                continue
            source = OPENGRAPH if key.startswith(("og:", "article:")) else META
            offer(name, _from_meta(name, key, values, lexicon), source)
    offer("site_name", site_name, JSON_LD)
    offer("published", _time_element(root), TIME)
    offer(
        "language",
        _language(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")),
        LANG,
    )
    title_element = _title_element(root)
    offer("title", title_element, TITLE_ELEMENT)
    if "title" in found:
        value, source = found["title"]
        found["title"] = (_strip_site(value, found.get("site_name", (None, ""))[0]), source)
    chosen = {name: value for name, (value, _) in found.items()}
    # (titles[0] is `title` as read, before its site name was cut)
    others = tuple(dict.fromkeys(t for t in titles[1:] if t != chosen.get("title")))
    return Declared(
        **chosen,
        sources=tuple((name, source) for name, (_, source) in found.items()),
        other_titles=others,
    )


# ---------------------------------------------------------------- meta tags
def _meta_tags(root: etree._Element) -> dict[str, list[str]]:
    """{key: contents} of every <meta> with a name, property or itemprop and a content."""
    out: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        key = el.get("property") or el.get("name") or el.get("itemprop")
        if not content or not key:
            continue
        content = content.strip()
        if content:
            out.setdefault(key.strip().lower(), []).append(content)
    return out


def _from_meta(name: str, key: str, values: list[str], lexicon: Lexicon) -> Any:
    if name in ("published", "updated"):
        return _first_date(*values)
    if name == "authors":
        names: list[str] = []
        for value in values:
            cleaned = _clean(value)
            if cleaned and not cleaned.startswith(("http:", "https:", "/")):
                names.extend(declared_names(cleaned, lexicon))
        return tuple(dict.fromkeys(names))
    if name == "tags":
        tags: list[str] = []
        for value in values if key in _LIST_KEYS else values[:1]:
            tags.extend(_split_tags(value))
        return tuple(dict.fromkeys(tags))
    if name == "section":
        return _first_text(values[0].split(",")[0])
    return _clean(values[0])


# ---------------------------------------------------------------- JSON-LD
def _article_node(root: etree._Element) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
    """The first JSON-LD node of an article type, and every node by its @id (for references)."""
    graph: dict[str, dict[str, Any]] = {}
    article: dict[str, Any] | None = None
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        for node in _nodes(_load_json(el.text)):
            ident = node.get("@id")
            if isinstance(ident, str):
                graph.setdefault(ident, node)
            if article is None and _is_article(node.get("@type")):
                article = node
    return article, graph


def _load_json(text: str) -> Any:
    """A JSON-LD block as data; None when it does not parse, after undoing the usual damage
    (CDATA or comment wrapping, trailing commas)."""
    if len(text) > _MAX_JSON:
        return None
    text = _JSON_WRAPPING.sub("", text)
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """The objects of a block: the block itself, a list's items and an @graph's members."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            yield item
            members = item.get("@graph")
            if isinstance(members, list):
                stack[:0] = members


def _is_article(kind: Any) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    for k in kinds:
        if isinstance(k, str):
            folded = k.strip().lower().rsplit("/", 1)[-1]
            if folded in _ARTICLE_TYPES or folded.endswith("article"):
                return True
    return False


def _resolve(value: Any, graph: dict[str, dict[str, Any]]) -> Any:
    """A node given by reference ({"@id": ...}) looked up in the page's nodes."""
    if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
        return graph.get(value["@id"], value)
    return value


def _json_authors(value: Any, graph: dict[str, dict[str, Any]], lexicon: Lexicon) -> tuple[str, ...]:
    """The people an article node names as its author: organisations are left out."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolve(item, graph)
        if isinstance(item, dict):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() != "person" for k in kinds):
                continue
            item = item.get("name")
            if isinstance(item, list):
                item = ", ".join(x for x in item if isinstance(x, str))
        text = _text(item)
        if text and not text.startswith(("http:", "https:")):
            names.extend(declared_names(text, lexicon))
    return tuple(dict.fromkeys(names))


def _name_of(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _url_of(value: Any) -> str | None:
    """An image given as a URL, an ImageObject or a list of either: the first URL."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return _text(value)


# ---------------------------------------------------------------- the other elements
def _canonical(root: etree._Element) -> str | None:
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            href = (el.get("href") or "").strip()
            if href.startswith(("http:", "https:")):
                return href
    return None


def _time_element(root: etree._Element) -> date | datetime | None:
    """The first <time datetime> of the page's body that marks a publication."""
    for el in root.iter("time"):
        value = el.get("datetime")
        if value and (el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished"):
            return _first_date(value)
    return None


def _title_element(root: etree._Element) -> str | None:
    """The <title> of the page's head (an <svg> in the body has titles of its own)."""
    head = root.find("head")
    found = head.find("title") if head is not None else None
    return _clean("".join(found.itertext())) if found is not None else None


def _strip_site(title: str, site: str | None) -> str:
    """A title without the site's name joined to it ("Headline | Site", "Site - Headline")."""
    if not site:
        return title
    parts = _AFFIX_SEPARATOR.split(title)
    key = _key(site)
    if len(parts) > 1 and _key(parts[-1]) == key:
        return title[: title.rfind(parts[-1])].rstrip(" |-\u2013\u2014:\u00b7\u2022\u00bb/")
    if len(parts) > 1 and _key(parts[0]) == key:
        return title[len(parts[0]) :].lstrip(" |-\u2013\u2014:\u00b7\u2022\u00bb/")
    return title


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# ---------------------------------------------------------------- values
def _clean(value: str) -> str | None:
    if "&" in value:
        value = html_entities.unescape(value)
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _text(value: Any) -> str | None:
    return _clean(value) if isinstance(value, str) else None


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return _text(value)


def _split_tags(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    tags: list[str] = []
    for item in items:
        if isinstance(item, str):
            tags.extend(t for t in (_clean(t) for t in _TAG_SPLIT.split(item)) if t)
    return tuple(dict.fromkeys(tags))


def _language(value: str | None) -> str | None:
    if not value:
        return None
    m = _LANGUAGE.match(value.strip())
    return m.group(1).lower() if m else None


def _first_date(*values: Any) -> date | datetime | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str):
            parsed = _parse_date(value.strip())
            if parsed is not None:
                return parsed
    return None


def _parse_date(value: str) -> date | datetime | None:
    """An ISO 8601 value as declared (its offset kept, fractions of a second dropped); any
    other form as the text stage reads a date."""
    parsed: date | datetime | None = None
    if _ISO_DATE.match(value):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None and len(value) == 10:
            parsed = parsed.date()
        elif isinstance(parsed, datetime):
            parsed = parsed.replace(microsecond=0)
    if parsed is None:
        found = find_dates(value[:200])
        parsed = found[0].value if found else None
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None  # "0001-01-01", "1970-01-01T00:00:00Z": placeholders
    return parsed


# ---------------------------------------------------------------- the merge
TEXT: Final = "text"
MARKUP: Final = "markup"
# Which side gives a field when the markup and the text both have a value; the other side
# fills the field when one has none. The figures behind each entry come from the train pages
# of the benchmark (news and WCXB; docs/design.md, "Declared metadata"):
# - title: the text's headline, except that a declared title the page prints as a line of its
#   own (once its " | Site" or "Section - " affixes are cut) is the headline as shown; a
#   declared title the page never shows is most often an SEO title (`declared_title`).
# - published: where the two disagree the declared date is right on 43 pages, the text's on
#   26; where the text has none it is right on 64 pages, wrong on 2, and on 18 the gold has
#   no date (the page declares one it does not show).
# - updated: the declared modification day is right on 51 of 56 news pages, the text's on 8.
# - authors: where the two disagree the declared names are right on 13 pages, the text's on
#   8; where the text has none they are right on 53 of 63. They are read as bylines are
#   (organisations, roles and one-word accounts left out).
# - section, tags: the text finds them rarely (0.15 and 0.04 on the news pages), the
#   declarations nearly always (0.76 and 0.98).
# - language: the two agree on 932 of 940 pages; of the 8 others, the declared language is
#   right on 6 (detection misread lists and tables); a language the caller forces wins.
PREFER: Final = {
    "title": TEXT,
    "published": MARKUP,
    "updated": MARKUP,
    "authors": MARKUP,
    "section": MARKUP,
    "tags": MARKUP,
    "language": MARKUP,
}
# The probability at which the text's own publication date beats a declared one more than a day
# away:
# on the train pages' 76 disagreements (HTML input), the markup always winning gets 44 right,
# the text winning from 0.5 up 44, from 0.7 49, from 0.8 51, from 0.85 47, from 0.9 44.
TEXT_SURE: Final = 0.8
_QUOTES: Final = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def merge(
    article: Article,
    declared: Declared,
    lines: Iterable[str],
    forced_language: bool,
    title_floor: float = 0.0,
) -> Article:
    """The article with each metadata field taken from the markup or the text by `PREFER`,
    and the page's declared canonical URL, site name, description and image. `lines` are the
    normalised texts of the page's units (`UnitFacts.norm`): a declared title the page shows
    is one of them. A text headline chosen with a probability under `title_floor` gives way to
    a declared title the page does not show (the floor is fitted with the headline model,
    `title.Cutoffs.declared`). The body, captions and segments are the text's, unchanged."""
    fields = {f.name: f for f in article.provenance}
    changes: dict[str, Any] = {}

    def take(name: str, value: Any) -> None:
        if _same(value, getattr(article, name)):
            return  # the same value: the text's span says where it is
        changes[name] = value
        fields[name] = Field(name, -1, -1, declared.source(name) or MARKUP)

    title_p = _probability(article, "title")
    unsure = title_p is not None and title_p < title_floor
    title = declared_title(article.title, declared, lines, unsure)
    if title is not None:
        take("title", title)
    for name, prefer in PREFER.items():
        if name == "title" or (name == "language" and forced_language):
            continue
        mine, theirs = getattr(declared, name), getattr(article, name)
        if mine in (None, ()):
            continue
        if name == "published" and _apart(theirs, mine) and _sure(article, name):
            continue  # the text's date, chosen with a high probability, stands
        if prefer == MARKUP or theirs in (None, ()):
            take(name, mine)
    for name in ("canonical_url", "site_name", "description", "image"):
        value = getattr(declared, name)
        if value is not None:
            take(name, value)
    if not changes:
        return article
    return replace(article, **changes, provenance=tuple(fields.values()))


def _apart(a: Any, b: Any) -> bool:
    """Two dates more than a day apart (a time zone can move a day by one: those are one date)."""
    if not isinstance(a, date) or not isinstance(b, date):
        return False
    da = a.date() if isinstance(a, datetime) else a
    db = b.date() if isinstance(b, datetime) else b
    return abs((da - db).days) > 1


def _sure(article: Article, name: str) -> bool:
    """Whether the fitted choice behind the text's value of `name` reached `TEXT_SURE`."""
    p = _probability(article, name)
    return p is not None and p >= TEXT_SURE


def _probability(article: Article, name: str) -> float | None:
    """The probability of the fitted choice behind the text's value of `name` (None for a value
    no model chose, or none)."""
    where = article.where(name)
    if where is None or where.start < 0:
        return None
    for seg in article.segments:
        if seg.start == where.start and seg.probability is not None:
            return seg.probability
    return None


def _same(a: Any, b: Any) -> bool:
    """Equal values written alike: 19:04-05:00 and 00:04+00:00 are one instant, not one value."""
    if isinstance(a, date) and isinstance(b, date):
        return type(a) is type(b) and a.isoformat() == b.isoformat()
    return bool(a == b)


def declared_title(
    text_title: str | None, declared: Declared, lines: Iterable[str], unsure: bool = False
) -> str | None:
    """The declared title when it should replace the text's headline, else None.

    The text's headline stays when it is the declared title or the declared title less an
    affix ("Headline | Site"), or another title the markup declares, with or without an affix
    (the <title> element beside an og:title). Otherwise the first of the declared title, the
    declared title less its trailing parts, and less its leading parts, that the page prints
    as a line of its own is the headline as shown. A declared title the page does not show fills a page
    whose text gave no headline, and replaces a headline the ranking was `unsure` of."""
    if declared.title is None:
        return None
    variants = title_variants(declared.title)
    if text_title is not None:
        others = [v for t in declared.other_titles for v in title_variants(t)]
        if line_key(text_title) in {line_key(v) for v in (*variants, *others)}:
            return None
    shown = {line.translate(_QUOTES) for line in lines}
    for variant in variants:
        if line_key(variant) in shown:
            return variant
    return declared.title if text_title is None or unsure else None


def title_variants(title: str) -> list[str]:
    """The title, then the title without its trailing parts (the longest first), then without
    its leading parts: "A - B | Site" gives "A - B | Site", "A - B", "A", "B | Site", "Site"."""
    cuts = list(_AFFIX_SEPARATOR.finditer(title))
    variants = [title]
    variants.extend(title[: m.start()] for m in reversed(cuts))
    variants.extend(title[m.end() :] for m in cuts)
    return [v for v in (v.strip() for v in variants) if v]


def line_key(text: str) -> str:
    """A line's text as titles are compared: normalised, curly quotes and dashes made plain."""
    return normalize(text).translate(_QUOTES)
