"""Write src/boilerstrip/data/given_names.txt: given names, for the authors model's
`given_name` feature (whether a candidate's names open with one).

    python tools/given_names.py

Two sources, both in the `train` extra:
- the US Census Bureau's 1990 first-name frequency lists (public domain), as the `names`
  package ships them (MIT): every name of both lists;
- the first names of every locale of Faker's person providers (MIT; about 80 locales: German,
  French, Spanish, Portuguese, Turkish, Arabic, Hindi, Russian, Chinese...), less the words that
  data/common_words.txt holds (printed in lower case on many sites: "Can", "Forum", "Author"),
  which say nothing of a name there.
Each kept as `authors` looks it up (`authors.given_name_key`): its first word, casefolded,
accents dropped ("Lucía" as "lucia"); sorted, so the same packages give the same file (the
header records Faker's version, whose lists may change from one release to the next). A missing name only leaves the
feature at 0, which the model reads beside the line's other signs of a byline.
"""

from __future__ import annotations

import importlib
import sys
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from boilerstrip.authors import given_name_key  # noqa: E402

DATA = ROOT / "src" / "boilerstrip" / "data"
OUT = DATA / "given_names.txt"
LISTS = ("dist.female.first", "dist.male.first")
FAKER_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")

HEADER = """\
# Given names, casefolded: the US Census Bureau's 1990 first-name lists (public domain), via
# the `names` package, and the first names of Faker's person providers (every locale; Faker
# {faker}) that common_words.txt does not hold. Written by tools/given_names.py; do not edit by hand.
"""


def census() -> set[str]:
    try:
        folder = resources.files("names")
    except ModuleNotFoundError:
        raise SystemExit("the `names` package is missing: pip install '.[train]'") from None
    found: set[str] = set()
    for name in LISTS:
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].casefold())
    return found


def faker_names() -> set[str]:
    """The first names of every locale's person provider (a list, or a dict of weights)."""
    try:
        from faker.config import AVAILABLE_LOCALES
    except ModuleNotFoundError:
        raise SystemExit("the `faker` package is missing: pip install '.[train]'") from None
    found: set[str] = set()
    for locale in sorted(AVAILABLE_LOCALES):
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attr in FAKER_LISTS:
            value = next((c.__dict__[attr] for c in provider.__mro__ if attr in c.__dict__), None)
            if isinstance(value, dict | list | tuple):
                found.update(given_name_key(str(n)) for n in value)
    return found


def main() -> int:
    common = {
        given_name_key(line)
        for line in (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    us = census()
    # (a name whose folded form is not one word, where a compatibility character folds to a
    # space, could not be looked up as one)
    found = us | {n for n in faker_names() if n and n not in common and len(n.split()) == 1}
    header = HEADER.format(faker=metadata.version("faker"))
    OUT.write_text(header + "".join(f"{n}\n" for n in sorted(found)), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(found)} names ({len(us)} from the census lists)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
