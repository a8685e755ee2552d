"""Body quality on Markdown input: the development pages' HTML rendered as Markdown by
html2text, read as Markdown (the default: sniffed) and as plain text (`markdown=False`).

    python benchmarks/markdown_input.py [--bench PATH] [--limit N] [--write]

Page-to-Markdown tools print a page's links, images and emphasis as syntax. Each page's HTML
(`<id>.html.gz`) is rendered by html2text twice: unwrapped (`body_width=0`) and wrapped at 78
columns (its default, which also breaks link targets across lines); a third rendering with
its links, images and emphasis left out is the same page's text without the syntax, what a
reading of the Markdown can hope for. Sets: dev/ (95 news pages, shingle F1 of score.py) and
the WCXB articles (word-bag F1 of score_wordbag.py), whole and on their train and validation
sides (../shared/bench/split.json). --write puts the table between the markdown markers of
docs/benchmarks.md. html2text is in the `bench` extra (`pip install '.[bench]'`).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import boilerstrip  # noqa: F401  (the installed package: compiled where the machine could build it)
except ImportError:  # not installed: the source tree, as pure Python
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from benchdata import DEFAULT_BENCH, ROOT, body_f1, gold, split_of, write_section  # noqa: E402

from boilerstrip import extract  # noqa: E402

START, END = "<!-- markdown:start -->", "<!-- markdown:end -->"
RENDERINGS = ("unwrapped", "wrapped at 78", "without the syntax")


def renderings(html: str) -> dict[str, str]:
    """The page as html2text prints it: unwrapped, wrapped, and without links and emphasis."""
    import html2text

    out: dict[str, str] = {}
    for name, width, plain in (
        (RENDERINGS[0], 0, False),
        (RENDERINGS[1], 78, False),
        (RENDERINGS[2], 0, True),
    ):
        h = html2text.HTML2Text()
        h.body_width = width
        h.ignore_links = h.ignore_images = h.ignore_emphasis = plain
        out[name] = h.handle(html)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(DEFAULT_BENCH), help="benchmark folder")
    ap.add_argument("--limit", type=int, default=0, help="at most N pages per set (0: all)")
    ap.add_argument("--write", action="store_true", help="update the markdown section of docs/benchmarks.md")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    side = split_of(bench)
    if side is None:
        return 0
    if importlib.util.find_spec("html2text") is None:
        print("html2text is not installed (pip install '.[bench]'): nothing to measure")
        return 0
    wcxb = gold(bench, "wcxb-dev")
    sets: list[tuple[str, str, dict[str, Any]]] = [
        ("dev news pages (shingle F1)", "dev", gold(bench, "dev")),
        (
            "WCXB articles (word-bag F1)",
            "wcxb-dev",
            {k: v for k, v in wcxb.items() if v["page_type"] == "article"},
        ),
    ]
    columns = [(r, m) for r in RENDERINGS[:2] for m in (True, False)] + [(RENDERINGS[2], False)]
    rows: list[str] = []
    for label, folder, gold_set in sets:
        ids = [p for p in sorted(gold_set) if (bench / folder / f"{p}.html.gz").exists()][
            : args.limit or None
        ]
        preds: dict[tuple[str, bool], dict[str, str]] = {c: {} for c in columns}
        for pid in ids:
            html = gzip.decompress((bench / folder / f"{pid}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            )
            shown = renderings(html)
            for rendering, as_markdown in columns:
                preds[(rendering, as_markdown)][pid] = extract(shown[rendering], markdown=as_markdown).body
        for part in ("all", "train", "validation"):
            keep = [p for p in ids if part == "all" or side.get(p) == part]
            cells = []
            for column in columns:
                pred = {p: preds[column][p] for p in keep}
                f1 = body_f1(bench, folder, {p: gold_set[p] for p in keep}, pred)
                cells.append(f"{f1:.3f}")
            rows.append(f"| {label} | {part} | {len(keep)} | " + " | ".join(cells) + " |")
            print(rows[-1], flush=True)
    header = (
        "| set | side | pages | unwrapped, read as Markdown | unwrapped, as text | wrapped, read as Markdown "
        "| wrapped, as text | without the syntax |\n|---|---|---|---|---|---|---|---|"
    )
    block = header + "\n" + "\n".join(rows)
    print(block)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", START, END, block, "## Markdown input")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
