"""Write src/boilerstrip/data/given_names.txt: given names, for the authors model's
`given_name` feature (whether a candidate's names open with one).

    python tools/given_names.py

The source is the US Census Bureau's 1990 first-name frequency lists (public domain), as the
`names` package ships them (MIT; in the `train` extra). Every name of both lists is kept,
casefolded and sorted, so the same package gives the same file. The lists are American: they
hold many names of European, Latin American and other origins, and miss many others. A
missing name only leaves the feature at 0, which the model reads beside the line's other
signs of a byline.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "boilerstrip" / "data" / "given_names.txt"
LISTS = ("dist.female.first", "dist.male.first")

HEADER = """\
# Given names, casefolded: the US Census Bureau's 1990 first-name lists (public domain), via
# the `names` package. Written by tools/given_names.py; do not edit by hand.
"""


def main() -> int:
    try:
        folder = resources.files("names")
    except ModuleNotFoundError:
        raise SystemExit("the `names` package is missing: pip install '.[train]'") from None
    found: set[str] = set()
    for name in LISTS:
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].casefold())
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in sorted(found)), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(found)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
