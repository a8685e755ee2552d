"""The command line: `boilerstrip FILE|DIR|- ...` prints the clean article of each input."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import regex

from . import COMPILED, __version__
from .article import Article
from .errors import InputError
from .extract import extract
from .kinds import Kind
from .options import Options

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_EXT = {"text": ".txt", "json": ".json", "markdown": ".md"}
# ANSI colours per kind for --show on a terminal: kept kinds stand out, removed kinds are dim.
_COLOUR = {
    Kind.BODY: "32",
    Kind.TITLE: "1;36",
    Kind.CAPTION: "35",
    Kind.BYLINE: "36",
    Kind.DATE: "36",
    Kind.SOURCE: "36",
    Kind.SECTION: "36",
    Kind.TAGS: "36",
}
_DIM = "2"


@dataclass(frozen=True)
class Job:
    """One input: a file path, or standard input when `path` is None."""

    path: Path | None
    name: str  # shown in messages
    relative: Path  # output name under -o DIR


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boilerstrip",
        description=(
            "Turn scraped news text into a clean article. Prints the article body of each input; "
            "directories are walked for text files. Use --show to see the kind of every input line "
            "and why it was kept or removed."
        ),
        epilog="Exit status: 0 when every input worked, 1 when some failed (the others are still "
        "processed), 2 for usage errors.",
    )
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR|-", help="text or HTML files, directories, or - for stdin"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text: the body only (default); json: every field, paragraph, caption and segment; "
        "markdown: title, metadata line, body and captions",
    )
    p.add_argument(
        "--show",
        action="store_true",
        help="print every input line with its kind and the reason for it (coloured on a terminal)",
    )
    p.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        type=Path,
        help="write one output file per input into DIR (created if needed) instead of printing; "
        "inputs are never overwritten",
    )
    p.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="which files to take from directories, searched recursively (default: *.txt)",
    )
    p.add_argument("--language", metavar="CODE", help="force the page language (ISO 639-1, e.g. en, de)")
    p.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD[THH:MM]",
        help="resolve relative dates ('2 hours ago', 'yesterday') against this date",
    )
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="html", action="store_const", const=True, help="treat inputs as HTML")
    kind.add_argument("--text", dest="html", action="store_const", const=False, help="treat inputs as text")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="process files in N parallel processes (output order stays the input order)",
    )
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour for --show")
    p.add_argument(
        "--version",
        action="version",
        version=f"boilerstrip {__version__} ({'compiled' if COMPILED else 'pure Python'})",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        options = _options(args)
    except UsageError as exc:
        parser.error(str(exc))
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    inputs: list[str] = args.inputs
    if inputs.count("-") > 1:
        parser.error("standard input (-) can be given only once")
    colour = args.color == "always" or (
        args.color == "auto"
        and args.output_dir is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    several = len(inputs) > 1 or any(Path(i).is_dir() for i in inputs if i != "-")
    view = View(args.format, args.show, colour, several)
    if args.output_dir is not None:
        try:
            args.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _error(str(args.output_dir), f"cannot create output directory ({exc.strerror or exc})")
            return 1
    failures = 0
    try:
        jobs: list[Job] = []
        for job in _jobs(inputs, args.glob):
            if isinstance(job, str):
                failures += 1
            else:
                jobs.append(job)
        for job, result in _results(jobs, view, options, args.jobs):
            if not _emit(job, result, view, args.output_dir):
                failures += 1
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    return 1 if failures else 0


def _options(args: argparse.Namespace) -> Options:
    reference: date | datetime | None = None
    if args.reference_date:
        try:
            reference = datetime.fromisoformat(args.reference_date)
            if len(args.reference_date) <= 10:
                reference = reference.date()
        except ValueError as exc:
            raise UsageError(f"--reference-date: not an ISO date: {args.reference_date!r}") from exc
    return Options(language=args.language, reference_date=reference, html=args.html)


def _jobs(inputs: list[str], pattern: str) -> Iterator[Job | str]:
    """Jobs for every input; a str for an input that failed (its error already printed)."""
    for raw in inputs:
        if raw == "-":
            yield Job(None, "<stdin>", Path("stdin"))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob(pattern) if p.is_file())
            if not found:
                _error(raw, f"directory has no files matching {pattern}")
                yield raw
            for p in found:
                yield Job(p, str(p), p.relative_to(path).with_suffix(""))
        elif path.exists() and not path.is_file():
            _error(raw, "not a regular file")
            yield raw
        elif not path.exists():
            _error(raw, "no such file or directory")
            yield raw
        else:
            yield Job(path, raw, Path(path.stem))


@dataclass(frozen=True)
class View:
    """How each article is rendered."""

    fmt: str
    show: bool
    colour: bool
    several: bool

    @property
    def ext(self) -> str:
        return ".show.txt" if self.show else _EXT[self.fmt]


@dataclass(frozen=True)
class Result:
    """The rendered article, or the one-line reason it failed."""

    rendered: str | None
    error: str | None = None


def _results(jobs: list[Job], view: View, options: Options, workers: int) -> Iterator[tuple[Job, Result]]:
    """Results in input order; with several workers, files are processed in parallel."""
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield job, process(job, view, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(process, jobs, [view] * len(jobs), [options] * len(jobs), chunksize=8)
        yield from zip(jobs, results, strict=True)


def process(job: Job, view: View, options: Options) -> Result:
    """Read, extract and render one input; never raises."""
    try:
        data = sys.stdin.buffer.read() if job.path is None else job.path.read_bytes()
        article = extract(data, options)
        if view.show:
            return Result(render_show(article, view.colour))
        return Result(render(article, view.fmt, job.name if view.several and view.fmt == "json" else None))
    except InputError as exc:
        return Result(None, str(exc))
    except OSError as exc:
        return Result(None, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a bug must still not end the run with a traceback
        return Result(None, f"internal error: {type(exc).__name__}: {exc}")


def _emit(job: Job, result: Result, view: View, output_dir: Path | None) -> bool:
    if result.rendered is None:
        _error(job.name, result.error or "failed")
        return False
    headed = view.several and view.fmt != "json"
    if output_dir is None:
        if headed:
            sys.stdout.write(f"==> {job.name} <==\n")
        _write(sys.stdout, result.rendered)
        if headed:
            sys.stdout.write("\n")
        return True
    target = output_dir / job.relative.with_name(job.relative.name + view.ext)
    if job.path is not None and target.resolve() == job.path.resolve():
        _error(job.name, f"output {target} would overwrite the input; choose another -o DIR")
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as fh:
            _write(fh, result.rendered)
    except OSError as exc:
        _error(job.name, f"cannot write {target} ({exc.strerror or exc})")
        return False
    return True


def _write(stream: TextIO, text: str) -> None:
    stream.write(text if text.endswith("\n") or not text else text + "\n")


def render(article: Article, fmt: str, name: str | None = None) -> str:
    """An article as text (the body), JSON (everything) or Markdown."""
    if fmt == "json":
        data = article.to_dict()
        if name is not None:  # several inputs: one JSON object per line
            return json.dumps({"file": name, **data}, ensure_ascii=False)
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return _markdown(article)
    return article.body


def _markdown(article: Article) -> str:
    parts: list[str] = []
    if article.title:
        parts.append(f"# {article.title}")
    meta = []
    if article.authors:
        meta.append("By " + ", ".join(article.authors))
    if article.published:
        meta.append(article.published.isoformat())
    if article.source:
        meta.append(article.source)
    if article.section:
        meta.append(article.section)
    if meta:
        parts.append("*" + " · ".join(meta) + "*")
    parts.extend(article.paragraphs)
    for cap in article.captions:
        parts.append(f"> {cap.text}" + (f" ({cap.credit})" if cap.credit else ""))
    if article.tags:
        parts.append("Tags: " + ", ".join(article.tags))
    return "\n\n".join(parts)


def render_show(article: Article, colour: bool) -> str:
    """Every line of the input with the kind of the segment it is in and the reason."""
    text = article.text
    segs = article.segments
    out: list[str] = []
    width = max((len(k.value) for k in Kind), default=10)
    k = 0
    for number, (start, end) in enumerate(_line_spans(text), start=1):
        line = text[start:end]
        while k < len(segs) and segs[k].end <= start:
            k += 1
        seg = segs[k] if k < len(segs) and segs[k].start < max(end, start + 1) else None
        if not line.strip() or seg is None:
            out.append(f"{number:>5}")
            continue
        cont = seg.start < start
        label = "\u21b3" if cont else seg.kind.value
        reason = "" if cont else seg.reason
        head = f"{number:>5} {label:<{width}} {reason:<40.40}"
        shown = _CONTROL.sub("\ufffd", line.strip())
        if colour:
            out.append(f"\x1b[{_COLOUR.get(seg.kind, _DIM)}m{head}\x1b[0m | {shown}")
        else:
            out.append(f"{head} | {shown}")
    return "\n".join(out)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, split the way segments number them (CR, LF or CRLF)."""
    pos = 0
    for m in _NEWLINE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    if pos < len(text) or not text:
        yield pos, len(text)


def _error(name: str, message: str) -> None:
    sys.stderr.write(f"boilerstrip: {name}: {message}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
