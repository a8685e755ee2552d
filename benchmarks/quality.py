"""Body quality of boilerstrip next to simple baselines on the shared benchmark pages.

    python benchmarks/quality.py [--bench PATH] [--no-baselines] [--write]

Systems: boilerstrip; keep-everything (the whole text is the body); a C4-style line filter
(keep lines that end in terminal punctuation and have at least three words); trafilatura
run on the text wrapped as one <p> per line (imported only when needed). Each runs on every
text rendering of the dev pages (shingle F1 of the shared score.py) and on the browser
rendering of the multilingual pages (snippet F1 of score_snippets.py). Prints one markdown
table; --write also puts it between the quality markers of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import boilerstrip  # noqa: F401  (the installed package: compiled where the machine could build it)
except ImportError:  # not installed: the source tree, as pure Python
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from benchdata import DEFAULT_BENCH, ROOT, TRACKS, gold, have_trafilatura, pages, scorer, write_section  # noqa: E402

from boilerstrip import extract  # noqa: E402

START, END = "<!-- quality:start -->", "<!-- quality:end -->"
_TERMINAL = (".", "!", "?", '"', "\u201d", "\u3002", "\uff01", "\uff1f", "\u2026")


def keep_everything(text: str) -> str:
    return text


def c4_filter(text: str) -> str:
    """The line filter of C4: lines ending in terminal punctuation with at least three words."""
    keep = []
    for line in text.splitlines():
        line = line.strip()
        if line.endswith(_TERMINAL) and len(line.split()) >= 3:
            keep.append(line)
    return "\n".join(keep)


def trafilatura_lines(text: str) -> str:
    import trafilatura  # lazily: only this baseline needs it

    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    doc = f"<html><body>{body}</body></html>"
    return trafilatura.extract(doc, include_comments=False) or ""


def boilerstrip_body(text: str) -> str:
    return extract(text).body


def run(system: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    out: dict[str, str] = {}
    for text in list(pages.values())[:3]:  # warm up: word lists, patterns, lazy imports
        try:
            system(text)
        except Exception:
            pass
    t0 = time.perf_counter()
    for pid, text in pages.items():
        try:
            out[pid] = system(text)
        except Exception:  # a baseline failing on one page scores as an empty body there
            out[pid] = ""
    return out, len(pages) / max(time.perf_counter() - t0, 1e-9)


def table(bench: Path, baselines: bool) -> str:
    score, score_snippets = scorer(bench, "score"), scorer(bench, "score_snippets")
    systems: list[tuple[str, Callable[[str], str]]] = [("boilerstrip", boilerstrip_body)]
    if baselines:
        systems += [("keep everything", keep_everything), ("C4 line filter", c4_filter)]
        if have_trafilatura():
            systems.append(("trafilatura (one <p> per line)", trafilatura_lines))
    dev_gold = gold(bench, "dev")
    multi_gold = gold(bench, "dev-multi")
    sets: list[tuple[str, str, dict[str, str]]] = [
        ("dev", track, pages(bench, "dev", track, dev_gold)) for track in TRACKS
    ]
    sets.append(("dev-multi", "browser", pages(bench, "dev-multi", "browser", multi_gold)))
    rows = [
        "| system | pages | rendering | F1 | P | R | pages/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, system in systems:
        for label, track, texts in sets:
            pred, rate = run(system, texts)
            if label == "dev":
                m = score.evaluate({k: v for k, v in dev_gold.items() if k in pred}, pred)
            else:
                m = score_snippets.aggregate(
                    [score_snippets.page_counts(multi_gold[p], pred.get(p)) for p in multi_gold]
                )
            rows.append(
                f"| {name} | {label} ({len(texts)}) | {track} | {m['f1']:.3f} | {m['precision']:.3f} "
                f"| {m['recall']:.3f} | {rate:.0f} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(DEFAULT_BENCH), help="benchmark folder")
    ap.add_argument("--no-baselines", action="store_true", help="only boilerstrip")
    ap.add_argument("--write", action="store_true", help="update the quality section of docs/benchmarks.md")
    args = ap.parse_args(argv)
    bench = Path(args.bench)
    if not (bench / "dev" / "gold.json").exists() or not (bench / "dev-multi" / "gold.json").exists():
        print(f"benchmark pages not found under {bench}; nothing to measure (pass --bench PATH)")
        return 0
    body = table(bench, not args.no_baselines)
    body += (
        "\n\nDev pages: shingle F1/P/R of score.py (mean over pages). dev-multi: snippet F1/P/R of "
        "score_snippets.py (pooled). pages/s: one process, text already in memory, after a "
        "warm-up; see benchmarks/speed.py for a steadier throughput figure."
    )
    print(body)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", START, END, body, "## Body quality")
        print(f"\nwrote {ROOT / 'docs' / 'benchmarks.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
