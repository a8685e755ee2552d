"""Body quality when the same text comes in another layout: the dev pages' browser rendering
re-laid out the ways other scrapers and tools print text, each scored against the same gold.

    python benchmarks/layouts.py [--bench PATH] [--limit N] [--wcxb] [--write]

Layouts: as given; CRLF and CR line ends; a byte order mark; every non-blank line indented
(two spaces; a tab, the first line at the margin, as text browsers print a headline); blank
lines made of spaces; two spaces at each line's end; no blank lines; a blank line after every
line; non-breaking spaces for spaces; each paragraph hard-wrapped at 72 and 100 columns (and
at 72 and indented by three, as lynx prints); one sentence a line; the whole text on one line
(what a scraper that joins a page's strings with spaces stores); line breaks written as \\n
(a JSON string read as text). A robust reading scores
each near the first row. --wcxb scores the WCXB article pages (wcxb-dev/, 711 pages of 700
sites) as well, in three more columns: ten minutes more. --write puts the table between the
layouts markers of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import boilerstrip  # noqa: F401  (the installed package: compiled where the machine could build it)
except ImportError:  # not installed: the source tree, as pure Python
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from benchdata import DEFAULT_BENCH, ROOT, body_f1, gold, pages, split_of, write_section  # noqa: E402

from boilerstrip import extract  # noqa: E402

START, END = "<!-- layouts:start -->", "<!-- layouts:end -->"
_SENTENCE_END = regex.compile(r"(?<=[.!?]) (?=\p{Lu})")


def _each_line(text: str, change: Callable[[str], str]) -> str:
    return "\n".join(change(line) if line.strip() else line for line in text.split("\n"))


def _wrap(text: str, width: int) -> str:
    return _each_line(text, lambda line: textwrap.fill(line, width))


LAYOUTS: dict[str, Callable[[str], str]] = {
    "as given": lambda t: t,
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "CR line ends": lambda t: t.replace("\n", "\r"),
    "byte order mark": lambda t: "\ufeff" + t,
    "lines indented by two spaces": lambda t: _each_line(t, lambda line: "  " + line),
    "lines indented by a tab, the first at the margin": lambda t: t.replace("\n", "\n\t"),
    "blank lines of spaces": lambda t: "\n".join(line if line.strip() else "   " for line in t.split("\n")),
    "two spaces at each line's end": lambda t: _each_line(t, lambda line: line + "  "),
    "no blank lines": lambda t: "\n".join(line for line in t.split("\n") if line.strip()),
    "a blank line after every line": lambda t: "\n\n".join(line for line in t.split("\n") if line.strip()),
    "non-breaking spaces": lambda t: t.replace(" ", "\u00a0"),
    "wrapped at 100 columns": lambda t: _wrap(t, 100),
    "wrapped at 72 columns": lambda t: _wrap(t, 72),
    "wrapped at 72, indented by three (lynx)": lambda t: _each_line(_wrap(t, 72), lambda line: "   " + line),
    "one sentence a line": lambda t: _each_line(t, lambda line: _SENTENCE_END.sub("\n", line)),
    "the whole text on one line": lambda t: " ".join(t.split()),
    "line breaks escaped as \\n": lambda t: t.replace("\n", "\\n"),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(DEFAULT_BENCH), help="benchmark folder")
    ap.add_argument("--limit", type=int, default=0, help="at most N pages (0: all)")
    ap.add_argument("--wcxb", action="store_true", help="score the WCXB article pages too")
    ap.add_argument("--write", action="store_true", help="update the layouts section of docs/benchmarks.md")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    side = split_of(bench)
    if side is None:
        return 0
    sets = {"dev": gold(bench, "dev")}
    if args.wcxb:
        wcxb = gold(bench, "wcxb-dev")
        sets["wcxb-dev"] = {pid: g for pid, g in wcxb.items() if g["page_type"] == "article"}
    texts = {name: pages(bench, name, "browser", sorted(g)[: args.limit or None]) for name, g in sets.items()}
    rows = []
    for name, layout in LAYOUTS.items():
        cells = []
        for pageset, golds in sets.items():
            pred = {pid: extract(layout(text)).body for pid, text in texts[pageset].items()}
            for part in ("all", "train", "validation"):
                keep = [pid for pid in pred if part == "all" or side.get(pid) == part]
                # (shingle F1 on both sets, the scorer of the dev pages: the word-bag figure is WCXB's own)
                f1 = body_f1(bench, "dev", {p: golds[p] for p in keep}, {p: pred[p] for p in keep})
                cells.append(f"{f1:.3f}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    head = ""
    for pageset, found in texts.items():
        n_train = sum(side.get(p) == "train" for p in found)
        what = "dev" if pageset == "dev" else "WCXB articles"
        head += f" {what}, all ({len(found)}) | train ({n_train}) | validation ({len(found) - n_train}) |"
    block = (
        "| layout of the browser rendering |"
        + head
        + "\n|---|"
        + "---|" * (3 * len(sets))
        + "\n"
        + "\n".join(rows)
    )
    print(block)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", START, END, block, "## Other layouts of the same text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
