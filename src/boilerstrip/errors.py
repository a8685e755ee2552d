"""The one exception type boilerstrip raises for input it cannot read at all."""

from __future__ import annotations


class InputError(ValueError):
    """Input that cannot be read as text: undecodable bytes, a path that is not a file, a wrong type.

    Odd but valid text (empty, only boilerplate, one huge line) never raises; it gives an
    `Article` with an empty body.
    """
