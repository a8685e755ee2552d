"""Memory and throughput of `extract_many` over a long stream of documents.

    python benchmarks/stream.py [-n 100000] [--processes 1,2] [--bench PATH]

Streams N documents (the dev pages' browser renderings repeated, read from
../shared/bench/dev/*.browser.txt; the fixtures when that folder is absent) through
`extract_many` as records {"id", "text"} from a generator, once per process count. Prints the
resident memory of this process (and, with a pool, of its workers together) at the 1,000th
and at the last document, the throughput in documents/s, and the CPU time per document of
all processes together (on a machine shared with other work, wall-clock throughput depends on
the load; CPU per document does much less). Memory that stays flat between the two readings
is what lets a pipeline run over millions of documents.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    import boilerstrip  # the installed package: compiled where the machine could build it
except ImportError:  # not installed: the source tree, as pure Python
    sys.path.insert(0, str(ROOT / "src"))
    import boilerstrip

from boilerstrip import extract_many  # noqa: E402


def _pages(bench: Path) -> tuple[list[str], str]:
    paths = sorted((bench / "dev").glob("*.browser.txt"))
    where = str(bench / "dev")
    if not paths:
        paths = sorted(p for p in (ROOT / "fixtures").rglob("*.txt"))
        where = "fixtures (benchmark pages not found)"
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths], where


def _records(pages: list[str], n: int) -> Iterator[dict[str, object]]:
    for i in range(n):
        yield {"id": i, "text": pages[i % len(pages)]}


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fh:
                found.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return found


def _memory() -> str:
    me = os.getpid()
    own = _rss_mb(me)
    workers = [_rss_mb(c) for c in _children(me)]
    if not workers:
        return f"{own:.0f} MB"
    return f"{own:.0f} MB (+ {len(workers)} workers {sum(workers):.0f} MB)"


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(pages: list[str], n: int, processes: int) -> None:
    cpu = _cpu_seconds()
    started = time.perf_counter()
    ok = failed = chars = 0
    at_1000 = at_last = ""
    for k, result in enumerate(extract_many(_records(pages, n), processes=processes), start=1):
        if result.article is None:
            failed += 1
        else:
            ok += 1
            chars += len(result.article.text)
        if k == 1000:
            at_1000 = _memory()
        if k == n:
            at_last = _memory()
    elapsed = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu
    print(
        f"processes={processes}: {n} documents in {elapsed:.1f} s = {n / elapsed:.0f} docs/s "
        f"({chars / elapsed / 1e6:.2f} M chars/s); CPU {cpu:.1f} s ({cpu / n * 1000:.1f} ms/doc, all "
        f"processes); {ok} ok, {failed} failed; "
        f"resident memory at document 1,000: {at_1000 or 'n/a'}, at document {n:,}: {at_last}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="documents to stream (default 100,000)")
    ap.add_argument("--processes", default="1,2", help="process counts to measure, comma-separated")
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"), help="benchmark folder")
    args = ap.parse_args(argv)
    pages, where = _pages(Path(args.bench))
    if not pages:
        print("no pages found; nothing to measure")
        return 0
    build = "compiled" if boilerstrip.COMPILED else "pure Python"
    print(f"boilerstrip {boilerstrip.__version__} ({build}); {len(pages)} distinct pages from {where}")
    for processes in (int(p) for p in args.processes.split(",")):
        run(pages, args.n, processes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
