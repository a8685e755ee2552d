"""Metadata benchmark: extract every dev page (browser rendering), score the metadata.

    python benchmarks/metadata.py [--bench PATH] [--pred OUT.json] [--write] [--track RENDERING]
    python benchmarks/metadata.py --html [--trafilatura] [--write]

Predictions come from the dev pages' browser renderings; the scorer is the benchmark's own
`meta/score_meta.py`. `--track htmltext` or `--track naive` reads the other renderings instead
(they print the page's `<title>` on their first line). With `--write`, the report replaces the
metadata section of `docs/benchmarks.md` (the rest of that file is left as it is).

With `--html` the input is the pages' HTML instead, and each field is scored three ways: as
the text stages read it (text), as the page declares it (markup), and as `extract` gives it
(merged, boilerstrip/markup.py); on the 95 news pages and the WCXB pages, train and
validation sides of split.json apart. `--trafilatura` adds trafilatura's own
`bare_extraction(with_metadata=True)` on the same HTML.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdata import DEFAULT_BENCH, ROOT, have_trafilatura, iso, scorer, write_section  # noqa: E402

import boilerstrip  # noqa: E402
from boilerstrip import Article, Caption, extract, markup  # noqa: E402
from boilerstrip.extract import analyse, assemble  # noqa: E402

START = "<!-- metadata:start -->"
END = "<!-- metadata:end -->"
HTML_START = "<!-- markup:start -->"
HTML_END = "<!-- markup:end -->"
# The gold sets with HTML: (name in the report, folder of the pages, gold file).
HTML_SETS = (("news (dev)", "dev", "meta/dev-meta.json"), ("WCXB", "wcxb-dev", "wcxb-dev/meta.json"))
SYSTEMS = ("text", "markup", "merged")


def as_printed(article: Article, caption: Caption) -> str:
    """A caption in the gold's convention: the credit stays in the caption's text when the page
    wrote it inline on the caption's line (in brackets, or after it with no label of its own:
    "... Fla. (AP Photo/Alan Diaz, File)", "... Austria. Leonhard Foeger / Reuters file"); a credit
    with its own label outside brackets ("...marmotsCredit: Vesti", "Photograph by X") is a
    separate element there, as it is in `Caption.credit`. Only our own output is read."""
    credit = caption.credit
    line = article.text[caption.start : caption.end]
    at = line.rfind(credit) if credit else -1
    if credit is None or at < 0:
        return caption.text
    before = line[:at].rstrip()
    opening = max(before.rfind("("), before.rfind("["))
    if opening >= 0 and not any(ch in ")]" for ch in before[opening:]):
        # the whole bracket, its label too ("(Image: Getty)"), up to the first closing mark
        closes = [i for i in (line.find(")", at + len(credit)), line.find("]", at + len(credit))) if i >= 0]
        tail = line[opening : min(closes) + 1 if closes else len(line)]
        return f"{caption.text} {tail.strip()}"
    last = before.split()[-1].casefold() if before.split() else ""
    if last.endswith(":") or last == "by":  # "Credit:", "Photo:", "Photograph by"
        return caption.text  # a labelled credit: its own element
    return f"{caption.text} {credit}"


def predictions(dev: Path, ids: list[str], track: str = "browser") -> tuple[dict[str, dict[str, Any]], float]:
    """{id: prediction} for every page that has the rendering `track`, and pages per second."""

    out: dict[str, dict[str, Any]] = {}
    elapsed = 0.0
    for pid in ids:
        path = dev / f"{pid}.{track}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        article = extract(text)
        elapsed += time.perf_counter() - t0
        out[pid] = {
            "title": article.title,
            "published": iso(article.published),
            "updated": iso(article.updated),
            "authors": list(article.authors),
            "dateline": article.dateline,
            "source": article.source,
            "section": article.section,
            "tags": list(article.tags),
            "captions": [{"text": as_printed(article, c), "credit": c.credit} for c in article.captions],
        }
    return out, len(out) / max(elapsed, 1e-9)


def _record(
    title: str | None, published: Any, updated: Any, authors: Any, section: Any, tags: Any
) -> dict[str, Any]:
    return {
        "title": title,
        "published": published if published is None or isinstance(published, str) else iso(published),
        "updated": updated if updated is None or isinstance(updated, str) else iso(updated),
        "authors": list(authors),
        "section": section,
        "tags": list(tags),
    }


def html_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """{system: prediction} for one HTML page: the text stages' reading (with the models
    learnt on text), the page's declarations, and what `extract` gives, from one analysis."""
    page = analyse(path, html=True)
    declared = page.declared or markup.Declared()
    merged = assemble(page)
    text = assemble(dataclasses.replace(page, declared=None))
    out = {}
    for system, a in (("text", text), ("markup", declared), ("merged", merged)):
        out[system] = _record(a.title, a.published, a.updated, a.authors, a.section, a.tags)
    return out


def trafilatura_prediction(path: Path) -> dict[str, Any]:
    """trafilatura's own reading of the page's metadata (`bare_extraction`, metadata on)."""
    import gzip

    from trafilatura import bare_extraction

    data = path.read_bytes()
    doc = bare_extraction(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data, with_metadata=True)
    if doc is None:
        return {}
    categories = doc.categories or []
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return _record(doc.title, doc.date, None, authors, categories[0] if categories else None, doc.tags or [])


def _updated_same_day(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, int]:
    """(pages whose declared modification day is predicted, pages with one): the scorer has no
    figure for the update, so the same-day test of `published` is applied to it here."""
    hits = n = 0
    for pid, g in gold.items():
        if g.get("modified"):
            n += 1
            hits += (pred.get(pid, {}).get("updated") or "")[:10] == g["modified"][:10]
    return hits, n


def html_report(
    bench: Path, with_trafilatura: bool, keep: dict[str, dict[str, dict[str, Any]]] | None = None
) -> str:
    """The text / markup / merged table on the HTML of every gold page, train and validation
    sides apart (validation pages only ever summed up, never looked at one by one). `keep`, when
    given, receives the train pages' predictions: {set: {system: {page: record}}}."""
    score_meta = scorer(bench, "score_meta")
    side_of: dict[str, str] = json.loads((bench / "split.json").read_text(encoding="utf-8"))
    systems = SYSTEMS + (("trafilatura",) if with_trafilatura else ())
    rows: list[str] = []
    elapsed = 0.0
    pages = 0
    for label, folder, gold_file in HTML_SETS:
        gold_all = json.loads((bench / gold_file).read_text(encoding="utf-8"))
        pred: dict[str, dict[str, dict[str, Any]]] = {s: {} for s in systems}
        for pid in sorted(gold_all):
            path = bench / folder / f"{pid}.html.gz"
            if not path.exists():
                continue
            t0 = time.perf_counter()
            for system, record in html_predictions(path).items():
                pred[system][pid] = record
            elapsed += time.perf_counter() - t0
            pages += 1
            if with_trafilatura:
                pred["trafilatura"][pid] = trafilatura_prediction(path)
        if keep is not None:
            keep[label] = {
                system: {pid: r for pid, r in by_page.items() if side_of.get(pid) == "train"}
                for system, by_page in pred.items()
            }
        figures: dict[str, dict[str, list[str]]] = {}
        sides = ("train", "validation")
        for side in sides:
            gold = {pid: g for pid, g in gold_all.items() if side_of.get(pid) == side}
            for system in systems:
                r = score_meta.score(gold, pred[system])
                found = {
                    f"title, exact (n={r['title']['n']})": r["title"]["exact"],
                    f"published, same day (n={r['published']['n']})": r["published"]["date_acc"],
                    f"published where the gold has none (of {r['published']['gold_null_pages']})": r[
                        "published"
                    ]["false_positives"],
                    f"authors, F1 (n={r['authors']['n']})": r["authors"]["f1"],
                    f"authors where the gold has none (of {r['authors']['gold_empty_pages']})": r["authors"][
                        "false_positives"
                    ],
                }
                if r["section"]["n"]:
                    found[f"section, exact (n={r['section']['n']})"] = r["section"]["exact"]
                    found[f"tags, F1 (n={r['tags']['n']})"] = r["tags"]["f1"]
                hits, n = _updated_same_day(gold, pred[system])
                if n:
                    found[f"updated, same day (n={n})"] = hits / n
                for name, value in found.items():
                    cell = f"{value:.3f}" if isinstance(value, float) else str(value)
                    key = name.split(" (")[0]
                    figures.setdefault(key, {}).setdefault(side, []).append(cell)
                    figures[key].setdefault(f"{side}:n", [name[len(key) :].strip(" ()")])
        for key, by_side in figures.items():
            cells = " | ".join(" / ".join(by_side[side]) for side in sides)
            counts = ", ".join(by_side[f"{side}:n"][0] for side in sides)
            rows.append(f"| {label} | {key} ({counts}) | {cells} |")
    head = " / ".join(systems)
    return (
        f"| pages | figure (train, validation) | train: {head} | validation: {head} |\n"
        "| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n\n"
        f"({pages} HTML pages; {1000 * elapsed / max(pages, 1):.1f} ms per page for one analysis and "
        "the three readings together)\n"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder")
    ap.add_argument(
        "--pred",
        type=Path,
        help="also write the predictions to this JSON file (with --html: the train pages')",
    )
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md (browser rendering only)")
    ap.add_argument(
        "--track", default="browser", choices=("browser", "htmltext", "naive"), help="text rendering read"
    )
    ap.add_argument("--html", action="store_true", help="score HTML input: text, markup and merged")
    ap.add_argument("--trafilatura", action="store_true", help="with --html: trafilatura's figures too")
    args = ap.parse_args(argv)
    if args.write and args.track != "browser":
        ap.error("--write records the browser rendering's figures: not with --track")
    if args.html:
        missing = [f for f in ("split.json", *(g for _, _, g in HTML_SETS)) if not (args.bench / f).exists()]
        if missing or not (args.bench / "meta" / "score_meta.py").exists():
            print(
                f"no HTML metadata benchmark at {args.bench} (expected split.json, meta/score_meta.py, "
                f"meta/dev-meta.json and wcxb-dev/meta.json); nothing to do"
            )
            return 0
        kept: dict[str, dict[str, dict[str, Any]]] = {}
        report = html_report(args.bench, args.trafilatura and have_trafilatura(), kept if args.pred else None)
        print(report)
        if args.pred:  # (the train pages only: validation pages are read in aggregate)
            args.pred.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
        if args.write:
            heading = "## Metadata from HTML: text, markup and merged"
            write_section(ROOT / "docs" / "benchmarks.md", HTML_START, HTML_END, report, heading)
            print(f"updated {ROOT / 'docs' / 'benchmarks.md'}")
        return 0
    gold_path = args.bench / "meta" / "dev-meta.json"
    if not gold_path.exists() or not (args.bench / "meta" / "score_meta.py").exists():
        print(
            f"no metadata benchmark at {args.bench} (expected meta/dev-meta.json and meta/score_meta.py); nothing to do"
        )
        return 0
    score_meta = scorer(args.bench, "score_meta")  # the benchmark's own scorer
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred, speed = predictions(args.bench / "dev", sorted(gold), args.track)
    if args.pred:
        args.pred.write_text(json.dumps(pred, ensure_ascii=False, indent=1), encoding="utf-8")
    report = score_meta.report(score_meta.score(gold, pred))
    build = "compiled" if boilerstrip.COMPILED else "pure Python"  # (about half the speed)
    report += f"\n({len(pred)} pages, {args.track} rendering, {speed:.0f} pages/s for the whole extraction, {build})\n"
    print(report)
    if args.write:
        block = (
            f"## Metadata (dev pages, browser rendering)\n\n```\n{report.rstrip()}\n```\n\n"
            "Captions are scored in the gold's convention (`as_printed` in benchmarks/metadata.py): a\n"
            "credit written inline on the caption's line, in brackets or unlabelled after it, stays in\n"
            "the caption's text; `Caption.text` itself always has the credit split off into\n"
            "`Caption.credit`. Scored on `Caption.text` alone, recall is 0.592 (precision 0.946)."
        )
        write_section(ROOT / "docs" / "benchmarks.md", START, END, block, "")
        print(f"updated {ROOT / 'docs' / 'benchmarks.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
