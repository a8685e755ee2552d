"""The public `extract`: a thin pure-Python wrapper around the pipeline in extract.py.

The pipeline stages are compiled with mypyc in a normal install, and a compiled function
carries neither its docstring nor its signature; this module is never compiled (it is not in
setup.py's list), so `help(boilerstrip.extract)` and `inspect.signature` read as written here.
"""

from __future__ import annotations

import os
from typing import Any

from .article import Article
from .extract import extract as _extract
from .options import Options

Source = str | bytes | bytearray | os.PathLike[str]


def extract(source: Source, options: Options | None = None, **overrides: Any) -> Article:
    """Segment scraped news text (or HTML) into a clean article.

    source: the page as `str`; as `bytes` (a BOM wins, then the `encoding` option, then
        the charset an HTML page declares, then UTF-8, then the detected charset; gzip data
        is opened); or as a path (`pathlib.Path`) to read. HTML is sniffed and turned into
        text first (force it with `html=True`/`False`).
    options: an `Options` object (build once, pass around); None takes the defaults.
    **overrides: any `Options` field by name, applied over `options`
        (`extract(text, language="de", reference_date="2025-12-13")`).

    Returns an `Article`: `body`, `paragraphs`, `title`, `published`, `authors`, `captions`,
    `segments` (every span of the input with its kind and reason) and `to_dict()`.

    Raises `boilerstrip.InputError` (a `ValueError`) only for input it cannot read at all:
    undecodable bytes, a path that is not a file, a wrong type. Odd but valid text (empty,
    only boilerplate, one huge line) gives an `Article` with an empty body. Bad options raise
    `ValueError` or `TypeError` naming the field. No state is kept between calls.

    Example::

        from boilerstrip import extract
        article = extract(Path("page.txt"), language="en")
        print(article.title, article.published, article.body, sep="\n")

    For many documents (a stream, a folder, WARC files) use `boilerstrip.extract_many`.
    """
    return _extract(source, options, **overrides)
