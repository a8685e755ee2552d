"""Shared plumbing for the benchmark scripts, the quality-floor tests and the tools: where the
benchmark pages are, their scorers, the pages of each rendering, and the sections of
docs/benchmarks.md that each script owns."""

from __future__ import annotations

import importlib
import json
import sys
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
TRACKS = ("browser", "htmltext", "naive")


def iso(value: date | datetime | None) -> str | None:
    """A date as the metadata scorer reads it: ISO 8601, a time of day to the minute."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def scorer(bench: Path, name: str) -> ModuleType:
    """One of the benchmark's own scorers (score, score_snippets, meta/score_meta)."""
    folder = str(bench / "meta") if name == "score_meta" else str(bench)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


def gold(bench: Path, pageset: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((bench / pageset / "gold.json").read_text(encoding="utf-8"))
    return data


def split_of(bench: Path) -> dict[str, str] | None:
    """Each development page's side (train or validation), or None, said on standard output,
    when the benchmark pages are not there."""
    path = bench / "split.json"
    if not path.exists():
        print(
            f"no benchmark pages under {bench} (the folder ../shared/bench beside the repo); nothing to measure"
        )
        return None
    side: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return side


def body_f1(bench: Path, pageset: str, gold_set: dict[str, Any], pred: dict[str, str]) -> float:
    """A page set's own body figure: shingle F1 on dev/, snippet F1 on dev-multi/, word-bag F1
    on wcxb-dev/."""
    if pageset == "dev":
        f1 = scorer(bench, "score").score(
            {k: {**v, "url": v.get("url", "")} for k, v in gold_set.items()}, pred
        )
    elif pageset == "dev-multi":
        f1 = scorer(bench, "score_snippets").score(gold_set, pred)
    else:
        bodies = {
            k: {"articleBody": v["articleBody"], "with": [], "without": []} for k, v in gold_set.items()
        }
        f1 = scorer(bench, "score_wordbag").score(bodies, pred)
    return float(f1[0]["f1"])


def pages(bench: Path, pageset: str, track: str, ids: Any) -> dict[str, str]:
    """{id: text} of one rendering for the ids that have it."""
    out: dict[str, str] = {}
    for pid in ids:
        path = bench / pageset / f"{pid}.{track}.txt"
        if path.exists():
            out[pid] = path.read_text(encoding="utf-8")
    return out


def write_section(doc: Path, start: str, end: str, block: str, heading: str) -> None:
    """Put `block` between the `start` and `end` markers of `doc`, leaving the rest alone;
    a missing section is added at the end under `heading`."""
    section = f"{start}\n{block.rstrip()}\n{end}"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    a, b = text.find(start), text.find(end)
    if a != -1 and b > a:
        text = text[:a] + section + text[b + len(end) :]
    else:
        text = text.rstrip("\n") + (f"\n\n{heading}" if heading else "") + f"\n\n{section}\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")


def have_trafilatura() -> bool:
    """Whether trafilatura, the comparison system, is installed (`pip install '.[bench]'`);
    says so when it is not."""
    import importlib.util

    if importlib.util.find_spec("trafilatura") is not None:
        return True
    print("trafilatura is not installed (pip install '.[bench]'): its figures are left out")
    return False
