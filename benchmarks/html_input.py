"""Body quality and speed on HTML input: boilerstrip next to trafilatura, on the same pages.

    python benchmarks/html_input.py [--bench PATH] [--limit N] [--no-trafilatura] [--write]

Pages: the HTML (`<id>.html.gz`) of the development pages beside the repo: dev/ (95 news
pages, shingle F1 of score.py), dev-multi/ (snippet F1 of score_snippets.py) and wcxb-dev/
(word-bag F1 of score_wordbag.py, articles and all page types). Each set is scored whole and
on its train and validation sides (../shared/bench/split.json, split by site: the validation
sites are the ones no rule or model was fitted on). Systems: `boilerstrip.extract` on the raw
bytes (it renders the HTML itself), and trafilatura's `bare_extraction(with_metadata=True)`,
timed side by side in this one process on the same pages (seconds spent in each system only;
reading the files is not counted). --write puts the table between the html markers of
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import boilerstrip  # noqa: F401  (the installed package: compiled where the machine could build it)
except ImportError:  # not installed: the source tree, as pure Python
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from benchdata import DEFAULT_BENCH, ROOT, body_f1, gold, have_trafilatura, split_of, write_section  # noqa: E402

import boilerstrip  # noqa: E402
from boilerstrip import extract  # noqa: E402

START, END = "<!-- html:start -->", "<!-- html:end -->"


def ours(data: bytes) -> str:
    return extract(data, html=True).body


def trafilatura_body(data: bytes) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True)
    if doc is None:
        return ""
    text = doc.text if hasattr(doc, "text") else doc.get("text")  # (a Document from 1.9 on)
    return text or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(DEFAULT_BENCH), help="benchmark folder")
    ap.add_argument("--limit", type=int, default=0, help="at most N pages per set (0: all)")
    ap.add_argument("--no-trafilatura", action="store_true", help="only boilerstrip")
    ap.add_argument("--write", action="store_true", help="update the html section of docs/benchmarks.md")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    side = split_of(bench)
    if side is None:
        return 0
    systems: dict[str, Callable[[bytes], str]] = {"boilerstrip": ours}
    if not args.no_trafilatura and have_trafilatura():
        systems["trafilatura"] = trafilatura_body

    sets: list[tuple[str, str, dict[str, dict[str, object]]]] = []
    dev, multi, wcxb = gold(bench, "dev"), gold(bench, "dev-multi"), gold(bench, "wcxb-dev")
    sets.append(("dev news pages (shingle F1)", "dev", dev))
    sets.append(("dev-multi (snippet F1)", "dev-multi", multi))
    articles = {k: v for k, v in wcxb.items() if v.get("page_type") == "article"}
    sets.append(("WCXB articles (word-bag F1)", "wcxb-dev", articles))
    sets.append(("WCXB all types (word-bag F1)", "wcxb-dev", wcxb))

    rows: list[str] = []
    seconds = {name: 0.0 for name in systems}
    timed: set[tuple[str, str]] = set()
    for label, folder, gold_set in sets:
        ids = sorted(gold_set)[: args.limit or None]
        preds: dict[str, dict[str, str]] = {name: {} for name in systems}
        for pid in ids:
            path = bench / folder / f"{pid}.html.gz"
            if not path.exists():
                continue
            data = gzip.decompress(path.read_bytes())
            for name, run in systems.items():
                t0 = time.perf_counter()
                preds[name][pid] = run(data)
                if (name, f"{folder}/{pid}") not in timed:  # (the article pages are in two sets)
                    seconds[name] += time.perf_counter() - t0
                    timed.add((name, f"{folder}/{pid}"))
        for part in ("all", "train", "validation"):
            keep = [pid for pid in preds["boilerstrip"] if part == "all" or side.get(pid) == part]
            if not keep:
                continue
            cells = []
            for name in systems:
                pred = {pid: preds[name][pid] for pid in keep}
                f1 = body_f1(bench, folder, {pid: gold_set[pid] for pid in keep}, pred)
                cells.append(f"{f1:.3f}")
            rows.append(f"| {label} | {part} | {len(keep)} | " + " | ".join(cells) + " |")
            print(rows[-1], flush=True)
    pages_timed = len({key for name, key in timed if name == "boilerstrip"})
    # a pure-Python build runs at about half the speed of a compiled one: say which ran
    build = "boilerstrip compiled" if boilerstrip.COMPILED else "boilerstrip as pure Python"
    speed = " / ".join(f"{name} {pages_timed / max(s, 1e-9):.1f} pages/s" for name, s in seconds.items())
    if "trafilatura" in seconds:  # the yardstick: how many times trafilatura's pace
        speed += f" ({seconds['trafilatura'] / max(seconds['boilerstrip'], 1e-9):.2f} times as fast)"
    header = "| set | side | pages | " + " | ".join(systems) + " |\n|---|---|---|" + "---|" * len(systems)
    block = (
        f"{header}\n"
        + "\n".join(rows)
        + f"\n\nSpeed on the same {pages_timed} pages, one process, side by side ({build}): {speed}."
    )
    print(block)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", START, END, block, "## HTML input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
