"""Throughput of `extract` on the dev pages (browser rendering), in one process.

    python benchmarks/speed.py [--bench PATH] [--runs N] [--track browser]

Reports the median of N runs (default 5) over all pages: pages/s and MB/s of input text,
then the peak memory of one pass measured with tracemalloc (a separate pass, since tracing
slows everything down; word lists loaded during warm-up are not counted) and the process's
maximum resident size. Everything `extract` does is timed; reading the files is not. It measures the installed package
(compiled when the machine could build it, see setup.py; the output says which), or the source
tree as pure Python when boilerstrip is not installed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    import boilerstrip  # the installed package: compiled where the machine could build it
except ImportError:  # not installed: the source tree, as pure Python
    sys.path.insert(0, str(ROOT / "src"))
    import boilerstrip

from boilerstrip import extract  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"), help="benchmark folder")
    ap.add_argument("--runs", type=int, default=5, help="timed runs (median reported)")
    ap.add_argument("--track", default="browser", help="text rendering: browser, htmltext or naive")
    args = ap.parse_args(argv)
    folder = Path(args.bench) / "dev"
    paths = sorted(folder.glob(f"*.{args.track}.txt"))
    if not paths:
        print(f"no dev pages found under {folder}; nothing to measure")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in paths]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for text in texts[:5]:  # warm up: word lists and compiled patterns load once
        extract(text)
    times = []
    for _ in range(max(1, args.runs)):
        t0 = time.perf_counter()
        for text in texts:
            extract(text)
        times.append(time.perf_counter() - t0)
    elapsed = statistics.median(times)
    tracemalloc.start()
    for text in texts:
        extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = ""
    try:
        import resource

        rss = f", process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    except ImportError:  # not on every platform
        pass
    build = "compiled" if boilerstrip.COMPILED else "pure Python"
    print(
        f"{len(texts)} pages ({size_mb:.2f} MB, {args.track}, {build}), median of {len(times)} runs: "
        f"{len(texts) / elapsed:.0f} pages/s, {size_mb / elapsed:.2f} MB/s, "
        f"{1000 * elapsed / len(texts):.2f} ms/page; peak traced memory of a pass {peak / 1e6:.1f} MB{rss}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
