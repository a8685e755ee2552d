"""boilerstrip: scraped news text in, a clean article out, every span of the input explained.

>>> from boilerstrip import extract
>>> article = extract(text)
>>> article.body, article.title, article.published, article.captions, article.segments

Many documents (texts, paths, records, WARC files): `extract_many`, one `BatchResult` each;
on Dask: `boilerstrip.dask`.
"""

from __future__ import annotations

import importlib.machinery
import sys

from .api import extract
from .article import Article, Block, Caption, Features, Field, Segment
from .batch import BatchResult, extract_many
from .errors import InputError
from .kinds import Kind
from .options import Options

__version__ = "0.1.0"

COMPILED: bool = (getattr(sys.modules[f"{__name__}.body"], "__file__", None) or "").endswith(
    tuple(importlib.machinery.EXTENSION_SUFFIXES)
)
"""Whether the pipeline stages run compiled (see setup.py); both give the same results."""

__all__ = [
    "COMPILED",
    "Article",
    "BatchResult",
    "Block",
    "Caption",
    "Features",
    "Field",
    "InputError",
    "Kind",
    "Options",
    "Segment",
    "__version__",
    "extract",
    "extract_many",
]
