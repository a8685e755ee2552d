"""Write src/boilerstrip/data/common_words.txt: words that pages print in lower case inside
running text, for the authors model's `common_words` feature ("Privacy Policy", "Customer
Care" and "Navigation Menu" are words, not names).

    python tools/common_words.py [--check]

The source is the browser rendering of the *train* pages of the development sets
(../shared/bench: dev/, dev-multi/, wcxb-dev/; sides by site in split.json). A word counts
where it follows a lower-case word or a comma and a space, so a name that opens a sentence
or a heading is not taken; a word is kept when pages of at least MIN_SITES different sites
print it so, which leaves out one site's own vocabulary and most names. The words are
casefolded and sorted, so the same pages give the same file. Languages that capitalise their
nouns (German) give few of them; a missing word only leaves the feature lower, and the model
reads it beside the line's other signs of a byline. With --check nothing is written: the exit
status says whether the shipped file is the one the pages give.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from modelio import DATA, bench_or_exit, domain_of, sides  # noqa: E402

OUT = DATA / "common_words.txt"
MIN_SITES = 10
# A lower-case word after a lower-case word or a comma and one space.
_RUNNING = regex.compile(r"(?<=[\p{Ll},;]\s)\p{Ll}[\p{Ll}\p{M}'’-]+")

HEADER = f"""\
# Words printed in lower case inside running text on pages of at least {MIN_SITES} sites,
# casefolded: the train pages of the development sets. Written by tools/common_words.py;
# do not edit by hand.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args(argv)
    bench = bench_or_exit()
    side = sides()
    pages: list[tuple[str, Path]] = []
    for folder in ("dev", "dev-multi", "wcxb-dev"):
        gold = json.loads((bench / folder / "gold.json").read_text(encoding="utf-8"))
        for pid in sorted(gold):
            path = bench / folder / f"{pid}.browser.txt"
            if side.get(pid) == "train" and path.exists():
                site = gold[pid].get("domain") or domain_of(gold[pid].get("url") or "") or pid
                pages.append((site, path))
    seen: dict[str, set[str]] = {}
    for site, path in pages:
        for word in set(_RUNNING.findall(path.read_text(encoding="utf-8", errors="replace"))):
            seen.setdefault(word.casefold(), set()).add(site)
    kept = sorted(w for w, sites in seen.items() if len(sites) >= MIN_SITES)
    text = HEADER + "".join(f"{w}\n" for w in kept)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)} {'is' if same else 'is NOT'} what the train pages give")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(kept)} words from {len(pages)} train pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
