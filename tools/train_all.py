"""Refit every shipped model, in the order in which they read one another.

    python tools/train_all.py [--from STEP] [--only text|html] [--list]

A model's features read what the models before it decided: the headline's candidates read the
body region, the publication date reads the headline's place, the authors read the headline's
and the date's. So after a change to one stage, every model after it is refitted from that
stage on (`--from`; from the text body, both chains: HTML pages whose markup gives no line
facts are decided by the text body model), or the files would no longer be what their scripts
give. Each step is one of the training scripts, run as it is documented; each is seeded and deterministic, so a rerun
on the same pages writes the same files. Text and HTML input have a chain each (`--only`).
About 15-25 minutes for both on two cores; needs the `train` extra and ../shared/bench.
Every shipped model file is what this writes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, chain, the script and its arguments), in the order they must run
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("body", "text", ("train_body.py", "--decoding", "1.0,0.5", "--write")),
    ("title", "text", ("train_title.py",)),
    ("title-first-line", "text", ("train_title.py", "--first-line")),
    ("date", "text", ("train_date.py",)),
    ("authors", "text", ("train_authors.py", "--write")),
    ("body-html", "html", ("train_body.py", "--html", "--decoding", "1.0,0.5", "--write")),
    ("title-html", "html", ("train_title.py", "--html")),
    ("date-html", "html", ("train_date.py", "--html")),
    ("authors-html", "html", ("train_authors.py", "--html", "--write")),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [name for name, _, _ in STEPS]
    ap.add_argument(
        "--from", dest="start", choices=names, help="the first step to run (its chain's later ones follow)"
    )
    ap.add_argument("--only", choices=("text", "html"), help="one chain only")
    ap.add_argument("--list", action="store_true", help="print the steps and stop")
    args = ap.parse_args(argv)
    chain = args.only
    first = 0
    if args.start:
        first = names.index(args.start)
        # the HTML chain reads the text body model too (on HTML pages whose markup gives no
        # line facts, bodymodel.fitted), so a refit from the text body runs both chains
        chain = chain or (None if args.start == "body" else STEPS[first][1])
    steps = [s for s in STEPS[first:] if chain is None or s[1] == chain]
    for name, which, command in steps:
        line = " ".join(("python", f"tools/{command[0]}", *command[1:]))
        if args.list:
            print(f"{name:<18} {which:<5} {line}")
            continue
        print(f"== {name}: {line}", flush=True)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, str(ROOT / "tools" / command[0]), *command[1:]], cwd=ROOT)
        if done.returncode != 0:
            print(f"{name} failed (exit {done.returncode}); the steps after it were not run", file=sys.stderr)
            return done.returncode
        print(f"== {name}: {time.perf_counter() - t0:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
