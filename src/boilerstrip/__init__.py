"""boilerstrip: scraped news text in, a clean article out, every span of the input explained.

>>> from boilerstrip import extract
>>> article = extract(text)
>>> article.body, article.title, article.published, article.captions, article.segments
"""

from __future__ import annotations

from .article import Article, Caption, Features, Field, Segment
from .errors import InputError
from .extract import extract
from .kinds import Kind
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Caption",
    "Features",
    "Field",
    "InputError",
    "Kind",
    "Options",
    "Segment",
    "__version__",
    "extract",
]
