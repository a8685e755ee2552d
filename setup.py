"""Build: the per-line pipeline stages are compiled to C with mypyc when a C compiler is at hand.

The stages are plain typed Python (`mypy --strict`); mypyc turns them into a C extension that
runs the same code about half again as fast. The result objects, options, input loading and the
command line stay Python (they can be pickled, subclassed and read in a traceback). Without a
compiler, or with BOILERSTRIP_PURE_PYTHON=1 in the environment, the package installs as pure
Python and gives the same results; `boilerstrip.COMPILED` tells which one is running. An
editable install (`pip install -e .`) is never compiled, so that an edit takes effect at once.
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The stages that run once per line of input: where the time goes.
COMPILED_MODULES = [
    "authors",
    "body",
    "bodymodel",
    "captions",
    "classify",
    "dates",
    "extract",
    "features",
    "html",
    "language",
    "lexicon",
    "lines",
    "markers",
    "metadata",
    "model",
    "published",
    "title",
]


class OptionalBuildExt(build_ext):
    """Build the extension if this machine can; otherwise say so and install pure Python.

    mypyc builds one shared library (listed first) and a small module per compiled file that
    loads it: once one part fails, the rest is skipped, so no module is left without its library.
    """

    failed = False

    def build_extension(self, ext: Extension) -> None:
        if self.failed:
            return
        try:
            super().build_extension(ext)
        except Exception as err:  # no compiler, no Python headers: the .py modules still work
            self.failed = True
            print(f"boilerstrip: compiling failed ({err}); installing pure Python", file=sys.stderr)


def _extensions() -> list[Extension]:
    if os.environ.get("BOILERSTRIP_PURE_PYTHON", "") not in ("", "0"):
        return []
    if "editable_wheel" in sys.argv:  # `pip install -e .`: compiled modules in the source tree
        return []  # would hide every later edit of the .py files behind a stale build
    try:
        from mypyc.build import mypycify
    except ImportError:  # built without the build requirements (e.g. --no-build-isolation)
        return []
    paths = [os.path.join("src", "boilerstrip", f"{name}.py") for name in COMPILED_MODULES]
    try:
        return list(mypycify(paths, opt_level="3"))
    except (Exception, SystemExit) as err:  # mypyc refuses the code (e.g. another mypy release)
        print(f"boilerstrip: mypyc failed ({err}); installing pure Python", file=sys.stderr)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
