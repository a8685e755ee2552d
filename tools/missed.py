"""Where the multilingual body loses snippets: every missed `with` snippet (and every
`without` snippet let through) traced to the unit that holds it, its kind and reason.

    python tools/missed.py [--bench DIR] [--list] [--fp] [--page ID] [--side train|validation]

Prints counts by kind and reason; `--list` prints each snippet with its unit. Only the train
side of ../shared/bench/split.json is read unless `--side validation` asks for the other side's
counts, which are never listed page by page.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import regex

from boilerstrip import extract

ROOT = Path(__file__).resolve().parent.parent
_WS = regex.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def locate(text: str, snippet: str, segments: tuple) -> list:  # type: ignore[type-arg]
    """The segments that overlap the first place the snippet appears in the text."""
    words = norm(snippet).split(" ")
    pattern = r"\s+".join(regex.escape(w) for w in words)
    m = regex.search(pattern, text)
    if m is None:
        return []
    return [s for s in segments if s.start < m.end() and s.end > m.start()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--fp", action="store_true", help="trace the `without` snippets let through")
    ap.add_argument("--page")
    ap.add_argument("--where", action="store_true", help="split by place: before, inside or after the body")
    ap.add_argument("--side", choices=("train", "validation"), default="train")
    args = ap.parse_args()
    if args.side == "validation" and (args.list or args.page):
        ap.error("validation pages are read in aggregate only: no --list or --page")
    bench = Path(args.bench) / "dev-multi"
    gold = json.loads((bench / "gold.json").read_text(encoding="utf-8"))
    side = json.loads((bench.parent / "split.json").read_text(encoding="utf-8"))
    gold = {pid: item for pid, item in gold.items() if side.get(pid) == args.side}
    tally: collections.Counter[str] = collections.Counter()
    pages: collections.Counter[str] = collections.Counter()
    for pid, item in gold.items():
        if args.page and pid != args.page:
            continue
        path = bench / f"{pid}.browser.txt"
        text = path.read_text(encoding="utf-8")
        art = extract(text)
        out = norm(art.body)
        snippets = item["without"] if args.fp else item["with"]
        for snip in snippets:
            inside = norm(snip) in out
            if inside != args.fp:
                continue
            segs = locate(text, snip, art.segments)
            if not segs:
                key = "not in text"
            else:
                kinds = sorted({s.kind.value for s in segs})
                if kinds == ["body"] and not args.fp:
                    key = "body, split across units"
                else:
                    seg = next((s for s in segs if s.kind.value != "body"), segs[0])
                    key = f"{seg.kind.value}: {seg.rule}"  # (the rule id: reasons carry figures)
                    if args.where and seg.kind.value != "body":
                        body = [s for s in art.segments if s.kind.value == "body"]
                        if not body:
                            key += " / no body"
                        elif seg.end <= body[0].start:
                            key += " / before"
                        elif seg.start >= body[-1].end:
                            key += " / after"
                        else:
                            key += " / inside"
            tally[key] += 1
            pages[pid] += 1
            if args.list:
                unit = " | ".join(text[s.start : s.end][:140] for s in segs[:2])
                print(f"{pid} [{key}] {snip[:60]!r}\n      {unit!r}")
    print()
    for key, n in tally.most_common():
        print(f"{n:4d}  {key}")
    print(f"{sum(tally.values())} snippets on {len(pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
