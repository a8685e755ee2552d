"""Score the body decision on the shared benchmark pages and show where it goes wrong.

    python tools/evalbody.py [--bench DIR] [--worst N] [--show ID] [--track browser]

Prints dev F1/P/R per rendering and multi F1/P/R; `--worst` lists the worst dev pages;
`--show` prints one page's units with their kind and whether the gold body holds them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

from boilerstrip import extract

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from benchdata import gold, pages, scorer  # noqa: E402

_TOK = regex.compile(r"\w+")


def dev_scores(bench: Path, track: str) -> tuple[dict, dict]:  # type: ignore[type-arg]
    dev_gold = gold(bench, "dev")
    pred = {pid: extract(text).body for pid, text in pages(bench, "dev", track, dev_gold).items()}
    return scorer(bench, "score").score({k: v for k, v in dev_gold.items() if k in pred}, pred)  # type: ignore[no-any-return]


def multi_scores(bench: Path) -> tuple[dict, dict]:  # type: ignore[type-arg]
    multi_gold = gold(bench, "dev-multi")
    pred = {pid: extract(text).body for pid, text in pages(bench, "dev-multi", "browser", multi_gold).items()}
    return scorer(bench, "score_snippets").score(multi_gold, pred)  # type: ignore[no-any-return]


def show(bench: Path, pid: str, track: str) -> None:
    if (bench / "dev" / f"{pid}.{track}.txt").exists():
        gold = json.loads((bench / "dev" / "gold.json").read_text(encoding="utf-8"))[pid]["articleBody"]
        path = bench / "dev" / f"{pid}.{track}.txt"
        gtoks = " ".join(_TOK.findall(gold))
        bad = ""
    else:
        g = json.loads((bench / "dev-multi" / "gold.json").read_text(encoding="utf-8"))[pid]
        path = bench / "dev-multi" / f"{pid}.browser.txt"
        gtoks = "\n".join(" ".join(_TOK.findall(s)) for s in g["with"])
        bad = "\n".join(" ".join(_TOK.findall(s)) for s in g["without"])
        withs = [" ".join(_TOK.findall(s)) for s in g["with"]]
        withouts = [" ".join(_TOK.findall(s)) for s in g["without"]]
    text = path.read_text(encoding="utf-8")
    art = extract(text)
    for seg in art.segments:
        t = " ".join(_TOK.findall(text[seg.start : seg.end]))
        ing = "G" if t and t in gtoks else ("W" if t and bad and t in bad else " ")
        if bad or gtoks.count("\n"):
            ing = "G" if t and any(w in t or t in w for w in withs) else ""
            ing = ing or ("W" if t and any(w in t or t in w for w in withouts) else " ")
        k = seg.kind.value
        mark = "!" if (ing == "G") != (k == "body") else " "
        f = seg.features
        sc = f"{f.score:.2f}" if f is not None else ""
        print(f"{mark}{ing} {k[:6]:6} {sc:4} {text[seg.start : seg.end][:110]!r}  [{seg.reason}]")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--show")
    ap.add_argument("--track", default="browser")
    ap.add_argument("--tracks", default="browser,htmltext,naive,multi")
    ap.add_argument("--multi-worst", type=int, default=0)
    args = ap.parse_args()
    bench = Path(args.bench)
    if args.show:
        show(bench, args.show, args.track)
        return 0
    tracks = args.tracks.split(",")
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(len(tracks)) as pool:
        futures = {
            t: pool.submit(multi_scores, bench) if t == "multi" else pool.submit(dev_scores, bench, t)
            for t in tracks
        }
        results = {t: f.result() for t, f in futures.items()}
    for track in tracks:
        if track == "multi":
            s, pages = results[track]
            print(f"multi     F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} empty {s['empty']}")
            worst = sorted(pages.items(), key=lambda kv: -(kv[1]["fp"] + kv[1]["fn"]))
            for pid, p in worst[: args.multi_worst]:
                print(f"   fp {p['fp']:3d} fn {p['fn']:3d} {pid}")
            continue
        s, pages = results[track]
        print(f"{track:9} F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} empty {s['empty']}")
        if track == args.track and args.worst:
            gold = json.loads((bench / "dev" / "gold.json").read_text(encoding="utf-8"))

            def f1(p: dict) -> float:  # type: ignore[type-arg]
                d = p["precision"] + p["recall"]
                return 2 * p["precision"] * p["recall"] / d if d else 0.0

            for pid, p in sorted(pages.items(), key=lambda kv: f1(kv[1]))[: args.worst]:
                print(
                    f"   {f1(p):.3f} P {p['precision']:.3f} R {p['recall']:.3f} {pid[:16]} {gold[pid]['url'][:90]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
