"""The command line: `boilerstrip FILE|DIR|- ...` prints the clean article of each input."""

from __future__ import annotations

import argparse
import fnmatch
import functools
import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import regex

from . import COMPILED, __version__
from .article import PAGE_FIELDS, Article
from .batch import BatchResult, _run
from .errors import InputError
from .kinds import Kind
from .options import Options
from .sources import kind_of, read_jsonl, read_warc

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_EXT = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}
# what comes off a container's name for its output file: crawl.warc.gz -> crawl.warc.jsonl,
# crawl.warc.wet.gz -> crawl.warc.wet.jsonl (so the WARC and WET files of a crawl never clash)
_CONTAINER_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".gz")
# (the page fields only HTML input has, and the flag only repaired input has)
_ARTICLE_FIELDS = (*Article("").to_dict(), *PAGE_FIELDS, "repaired")
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
    """One input: a file (one document), a container (WARC, WET or JSON Lines: many documents),
    or standard input when `path` is None."""

    path: Path | None
    name: str  # shown in messages and used as the document id
    relative: Path  # output name under -o DIR, without extension
    kind: str = "text"  # "text", "warc" or "jsonl"
    error: str | None = None  # a path that cannot be read: reported in its place in the output

    @property
    def container(self) -> bool:
        return self.kind != "text"


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boilerstrip",
        description=(
            "Turn scraped news text into a clean article. Prints the article body of each input; "
            "directories are walked for text files; WARC, WET and JSON Lines files give one "
            "document per record. Use --show to see the kind of every input line and why it was "
            "kept or removed."
        ),
        epilog="Exit status: 0 when every input worked, 1 when some failed (the others are still "
        "processed; each failure is reported as 'boilerstrip: NAME: reason'), 2 for usage errors "
        "(nothing is processed).",
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|DIR|-",
        help="text, HTML, WARC/WET (.warc[.gz], .wet[.gz]) or JSON Lines (.jsonl[.gz]) files, "
        "directories, or - for stdin",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "jsonl", "markdown"),
        default="text",
        help="text: the body only (default); json: every field, paragraph, caption and segment; "
        "jsonl: one JSON object per line and per document, with id, url, fetched and error "
        "(failed documents too); markdown: title, metadata line, body and captions",
    )
    p.add_argument("--jsonl", dest="format", action="store_const", const="jsonl", help="same as -f jsonl")
    p.add_argument(
        "--no-segments",
        dest="segments",
        action="store_false",
        help="json/jsonl: leave out the segments (most of the size of a record)",
    )
    p.add_argument(
        "--fields",
        metavar="A,B",
        help=f"json/jsonl: keep only these article fields (of: {', '.join(_ARTICLE_FIELDS)})",
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
        help="write one output file per input into DIR (created if needed) instead of printing; a "
        "WARC, WET or JSON Lines input gives one file with all its documents; inputs are never "
        "overwritten, and two inputs that would write the same file are an error",
    )
    p.add_argument(
        "--skip-existing",
        action="store_true",
        help="with -o: skip inputs whose output file already exists (resume a run; outputs are "
        "written whole or not at all)",
    )
    p.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="which files to take from directories, searched recursively (default: *.txt)",
    )
    p.add_argument(
        "--input-format",
        choices=("auto", "text", "warc", "jsonl"),
        default="auto",
        help="how to read inputs: auto (default) by file name (.warc, .warc.gz, .wet.gz, .jsonl, "
        ".jsonl.gz...; anything else and stdin as text, Markdown or HTML)",
    )
    p.add_argument("--language", metavar="CODE", help="force the page language (ISO 639-1, e.g. en, de)")
    p.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD[THH:MM]",
        help="resolve relative dates ('2 hours ago', 'yesterday') against this date (WARC "
        "records use their fetch date when this is not given)",
    )
    p.add_argument(
        "--encoding",
        metavar="CHARSET",
        help="the charset of the inputs when known (e.g. utf-8, windows-1252); by default a byte "
        "order mark, the charset an HTML page declares, or detection decides",
    )
    p.add_argument(
        "--keep-mojibake",
        action="store_true",
        help='read the text as given: do not repair mojibake such as "doesnâ€™t" for "doesn’t" '
        "(Options(repair_encoding=False))",
    )
    p.add_argument(
        "--fast",
        action="store_true",
        help="the hand-written rules only, no fitted models: about four times faster, less accurate "
        "on sites unlike news pages (Options(fitted_body=False, fitted_metadata=False))",
    )
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="html", action="store_const", const=True, help="treat inputs as HTML")
    kind.add_argument(
        "--text",
        dest="html",
        action="store_const",
        const=False,
        help="treat inputs as text (not HTML or Markdown)",
    )
    kind.add_argument(
        "--markdown",
        action="store_true",
        help="treat inputs as Markdown: links read as their labels, images and emphasis marks set aside "
        "(sniffed without it: three links or images in Markdown syntax, and one for every twenty lines)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="process documents in N parallel processes (output order stays the input order)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary (errors are still reported)",
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
        fields = _fields(args)
    except UsageError as exc:
        parser.error(str(exc))
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.skip_existing and args.output_dir is None:
        parser.error("--skip-existing needs -o DIR")
    inputs: list[str] = args.inputs
    if inputs.count("-") > 1:
        parser.error("standard input (-) can be given only once")
    colour = args.color == "always" or (
        args.color == "auto"
        and args.output_dir is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    report = Reporter()
    try:
        return _run_cli(args, inputs, options, fields, colour, report)
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        report.close()
        return 130


def _run_cli(
    args: argparse.Namespace,
    inputs: list[str],
    options: Options,
    fields: tuple[str, ...] | None,
    colour: bool,
    report: Reporter,
) -> int:
    started = time.monotonic()
    jobs = list(_jobs(inputs, args.glob, args.input_format))
    several = len(inputs) > 1 or any(j.container for j in jobs) or any(_is_dir(i) for i in inputs if i != "-")
    view = View(args.format, args.show, colour, several, args.segments, fields)
    sink = Sink(view, args.output_dir, report)
    if args.output_dir is not None:
        clashes = sink.plan(jobs)
        if clashes:
            for target, first, second in clashes:
                report.error(
                    str(target), f"both {first} and {second} would be written here; nothing was written"
                )
            return 2
        jobs = [j for j in jobs if j.error is not None or sink.check(j, args.skip_existing)]
        try:
            args.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            report.error(str(args.output_dir), f"cannot create output directory ({exc.strerror or exc})")
            return 1
    report.start(
        total=None if any(j.container for j in jobs) else len(jobs),
        show=not args.quiet and sys.stderr.isatty(),
    )
    order: deque[Job] = deque()
    finish = functools.partial(_finish, view)
    try:
        stream = _run(
            _documents(jobs, order),
            options,
            processes=args.jobs,
            ordered=True,
            chunksize=8 if args.jobs > 1 else 1,
            finish=finish,
        )
        for rendered in stream:
            sink.emit(order.popleft(), rendered)
        sink.close()
        sys.stdout.flush()
    finally:
        sink.discard()
        report.close()
    if not args.quiet:
        if report.documents != 1 or report.failed or report.skipped:
            report.summary(time.monotonic() - started)
        elif report.empty_name is not None:
            # one document and nothing printed for it: say so, rather than exit in silence
            report.error(
                report.empty_name, "no article body found (--show lists every line and why it was removed)"
            )
    return 1 if report.failed else 0


def _options(args: argparse.Namespace) -> Options:
    try:
        return Options(
            language=args.language,
            reference_date=args.reference_date,
            html=False if args.markdown else args.html,
            markdown=True if args.markdown else (False if args.html is False else None),
            encoding=args.encoding,
            repair_encoding=not args.keep_mojibake,
            fitted_body=not args.fast,
            fitted_metadata=not args.fast,
        )
    except (ValueError, TypeError) as exc:
        message = (
            str(exc)
            .replace("language:", "--language:", 1)
            .replace("reference_date:", "--reference-date:", 1)
            .replace("encoding:", "--encoding:", 1)
        )
        raise UsageError(message) from None


def _fields(args: argparse.Namespace) -> tuple[str, ...] | None:
    if args.fields is None:
        return None
    names = tuple(n.strip() for n in args.fields.split(",") if n.strip())
    unknown = [n for n in names if n not in _ARTICLE_FIELDS]
    if unknown or not names:
        raise UsageError(
            f"--fields: unknown field(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(_ARTICLE_FIELDS)}"
        )
    if args.format not in ("json", "jsonl") or args.show:
        raise UsageError("--fields works with -f json or -f jsonl")
    return names


def _is_dir(raw: str) -> bool:
    try:
        return Path(raw).is_dir()
    except OSError:
        return False


class Reporter:
    """Errors, the progress bar and the counts for the summary, all on standard error."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.documents = 0
        self.done = 0
        self.failed = 0
        self.empty = 0
        self.empty_name: str | None = None  # the first document whose body is empty
        self.skipped = 0

    def start(self, total: int | None, show: bool) -> None:
        if show:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False)

    def error(self, name: str, message: str) -> None:
        line = f"boilerstrip: {name}: {message}"
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            sys.stderr.write(line + "\n")

    def document(self, name: str, ok: bool, empty: bool) -> None:
        self.documents += 1
        if not ok:
            self.failed += 1
        else:
            self.done += 1
            self.empty += empty
            if empty and self.empty_name is None:
                self.empty_name = name
        if self.bar is not None:
            self.bar.update(1)
            if not ok:
                self.bar.set_postfix(failed=self.failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def summary(self, seconds: float) -> None:
        rate = f", {self.documents / seconds:.0f} docs/s" if seconds > 0 and self.documents else ""
        parts = [f"{self.done} done", f"{self.failed} failed", f"{self.empty} with an empty body"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (output exists)")
        sys.stderr.write(f"boilerstrip: {', '.join(parts)} in {seconds:.1f} s{rate}\n")


def _jobs(inputs: list[str], pattern: str, input_format: str) -> Iterator[Job]:
    """Jobs for every input, in order; a path that cannot be read is a job with its `error`."""

    def kind(name: str) -> str:
        return kind_of(name) if input_format == "auto" else input_format

    for raw in inputs:
        if raw == "-":
            stdin_kind = "text" if input_format == "auto" else input_format
            yield Job(None, "<stdin>", Path("stdin"), stdin_kind)
            continue
        path = Path(raw)
        problem = _problem(path)
        if problem is not None:
            yield _failed(raw, problem)
        elif path.is_dir():
            found = list(_walk(path, pattern))
            if not found:
                yield _failed(raw, f"directory has no files matching {pattern}{_glob_hint(path)}")
            for p, error in found:
                if error is not None:
                    yield _failed(str(p), error)
                else:
                    yield Job(p, str(p), _stem(p.relative_to(path)), kind(p.name))
        elif not path.is_file():
            yield _failed(raw, "not a regular file")
        else:
            yield Job(path, raw, _stem(Path(path.name)), kind(path.name))


def _problem(path: Path) -> str | None:
    """Why a path given on the command line cannot be read, or None."""
    try:
        path.stat()
        return None
    except FileNotFoundError:
        try:
            if path.is_symlink():
                return f"broken symbolic link (to {os.readlink(path)})"
        except OSError:
            pass
        return "no such file or directory"
    except OSError as exc:
        return f"cannot access ({exc.strerror or exc})"


def _failed(name: str, error: str) -> Job:
    return Job(None, name, Path(name), "text", error)


def _glob_hint(root: Path) -> str:
    """What a directory without a matching file holds instead, as a --glob to take it:
    " (it holds 3 *.md files: --glob '*.md' takes them)", or nothing."""
    suffixes: dict[str, int] = {}
    for p, error in _walk(root, "*"):
        if error is None and p.suffix:
            suffixes[p.suffix] = suffixes.get(p.suffix, 0) + 1
    if not suffixes:
        return ""
    suffix, count = max(suffixes.items(), key=lambda item: (item[1], item[0]))
    files = "file" if count == 1 else "files"
    return f" (it holds {count} *{suffix} {files}: --glob '*{suffix}' takes them)"


def _walk(root: Path, pattern: str) -> list[tuple[Path, str | None]]:
    """The files under `root` matching `pattern`, and the paths that cannot be read (an
    unreadable folder, a broken link) with the reason, sorted by path."""
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        name = exc.filename or root
        found.append((Path(name), f"cannot read directory ({exc.strerror or exc})"))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError as exc:
            unreadable(exc)
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:  # a link back up the tree: walked once already
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in filenames:
            p = Path(folder, name)
            if not _matches(p.relative_to(root), pattern):
                continue
            problem = _problem(p)
            if problem is not None:
                found.append((p, problem))
            elif p.is_file():
                found.append((p, None))
    return sorted(found, key=lambda entry: entry[0])


def _matches(relative: Path, pattern: str) -> bool:
    if "/" in pattern:
        return relative.match(pattern)
    return fnmatch.fnmatchcase(relative.name, pattern)


def _stem(relative: Path) -> Path:
    """The output name of an input: its path without the extension (a container's without
    the compression and JSON Lines extensions only)."""
    name = relative.name
    if kind_of(name) == "text":
        return relative.with_suffix("") if relative.suffix else relative
    for suffix in _CONTAINER_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return relative.with_name(name[: -len(suffix)])
    return relative.with_suffix("") if relative.suffix else relative


def _documents(jobs: list[Job], order: deque[Job]) -> Iterator[dict[str, Any]]:
    """One record per document for `extract_many`; `order` gets the job of each, in step."""
    for job in jobs:
        if job.error is not None:
            order.append(job)
            yield {"id": job.name, "error": job.error}
            continue
        if not job.container:
            order.append(job)
            if job.path is None:
                yield {"id": job.name, "text": sys.stdin.buffer.read()}
            else:
                yield {"id": job.name, "path": job.path}
            continue
        source: Any = sys.stdin.buffer if job.path is None else job.path
        reader = read_warc if job.kind == "warc" else read_jsonl
        count = 0
        try:
            for record in reader(source, job.name):
                count += 1
                order.append(job)
                yield record
        except InputError as exc:
            count += 1
            order.append(job)
            yield {"id": job.name, "error": str(exc)}
        if count == 0:
            what = "no HTML responses or text conversions" if job.kind == "warc" else "no records"
            order.append(job)
            yield {"id": job.name, "error": f"no documents in this file ({what})"}


@dataclass(frozen=True)
class View:
    """How each article is rendered."""

    fmt: str
    show: bool
    colour: bool
    several: bool
    segments: bool = True
    fields: tuple[str, ...] | None = None

    @property
    def ext(self) -> str:
        return ".show.txt" if self.show else _EXT[self.fmt]

    @property
    def headed(self) -> bool:
        """Text outputs of several documents are headed `==> NAME <==`."""
        return self.several and (self.show or self.fmt in ("text", "markdown"))


@dataclass(frozen=True)
class Rendered:
    """One document's output (rendered in the worker), or the one-line reason it failed.

    `text` is also set for a failed document in JSON Lines: its error record."""

    id: str | int | None
    text: str | None
    error: str | None = None
    empty: bool = False
    url: str | None = None


def _finish(view: View, result: BatchResult) -> Rendered:
    """Render one result; never raises."""
    name = result.id if isinstance(result.id, str) else str(result.id)
    try:
        if result.article is None:
            text = None
            if view.fmt == "jsonl" and not view.show:
                text = json.dumps(result.to_dict(), ensure_ascii=False)
            elif view.fmt == "json" and view.several and not view.show:  # one object per line
                text = json.dumps({"file": name, "error": result.error}, ensure_ascii=False)
            return Rendered(result.id, text, result.error or "failed", url=result.url)
        article = result.article
        if view.show:
            text = render_show(article, view.colour)
        elif view.fmt == "jsonl":
            text = json.dumps(result.to_dict(segments=view.segments, fields=view.fields), ensure_ascii=False)
        else:
            text = render(
                article,
                view.fmt,
                name if view.several else None,
                segments=view.segments,
                fields=view.fields,
            )
        return Rendered(result.id, text, None, not article.paragraphs, result.url)
    except Exception as exc:  # a bug must still not end the run with a traceback
        error = f"internal error: {type(exc).__name__}: {exc}"
        text = json.dumps(_error_record(name, error)) if view.fmt == "jsonl" else None
        return Rendered(result.id, text, error)


def _error_record(name: str, error: str) -> dict[str, Any]:
    return BatchResult(name, None, None, error).to_dict()


class Sink:
    """Where rendered documents go: standard output, or files under -o DIR written whole
    (a temporary file renamed into place), so an interrupted run leaves no half-written file."""

    def __init__(self, view: View, output_dir: Path | None, report: Reporter) -> None:
        self.view = view
        self.output_dir = output_dir
        self.report = report
        self.targets: dict[Job, Path] = {}
        self.open_job: Job | None = None
        self.open_file: TextIO | None = None
        self.open_temp: Path | None = None

    def target(self, job: Job) -> Path:
        assert self.output_dir is not None
        ext = ".jsonl" if job.container and self.view.fmt == "json" else self.view.ext
        return self.output_dir / job.relative.with_name(job.relative.name + ext)

    def plan(self, jobs: list[Job]) -> list[tuple[Path, str, str]]:
        """(target, first input, second input) for every output file two inputs would write."""
        owners: dict[str, Job] = {}
        clashes = []
        for job in jobs:
            if job.error is not None:
                continue
            target = self.target(job)
            key = os.path.normcase(os.path.abspath(target))
            if key in owners:
                clashes.append((target, owners[key].name, job.name))
            else:
                owners[key] = job
            self.targets[job] = target
        return clashes

    def check(self, job: Job, skip_existing: bool) -> bool:
        """Whether to process `job`: not when its output would overwrite it, nor (resuming)
        when its output is there already."""
        target = self.targets[job]
        if job.path is not None and target.resolve() == job.path.resolve():
            self.report.error(job.name, f"output {target} would overwrite the input; choose another -o DIR")
            self.report.failed += 1
            return False
        if skip_existing and target.exists():
            self.report.skipped += 1
            return False
        return True

    def emit(self, job: Job, rendered: Rendered) -> None:
        name = _name(job, rendered)
        self.report.document(name, rendered.error is None, rendered.empty)
        if rendered.error is not None:
            self.report.error(name, rendered.error)
        if self.output_dir is None:
            if rendered.text is None:
                return
            if self.view.headed:
                sys.stdout.write(f"==> {rendered.url or name} <==\n")
            _write(sys.stdout, rendered.text)
            if self.view.headed:
                sys.stdout.write("\n")
            return
        if job is not self.open_job:
            self.close()
        if not job.container and (rendered.error is not None or rendered.text is None):
            return  # a failed input: no output file, so that a resumed run tries it again
        try:
            handle = self._open(job)
            if rendered.text is not None:
                if job.container and self.view.headed:
                    handle.write(f"==> {rendered.url or name} <==\n")
                _write(handle, rendered.text)
                if job.container and self.view.headed:
                    handle.write("\n")
            if not job.container:
                self.close()
        except OSError as exc:
            self.report.error(job.name, f"cannot write {self.targets[job]} ({exc.strerror or exc})")
            self.report.failed += 1
            self.discard()

    def _open(self, job: Job) -> TextIO:
        if self.open_file is not None:
            return self.open_file
        target = self.targets[job]
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        self.open_job, self.open_temp = job, Path(temp)
        self.open_file = open(fd, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        return self.open_file

    def close(self) -> None:
        """Finish the open output file: flushed to disk, then renamed into place."""
        if self.open_file is None or self.open_job is None or self.open_temp is None:
            return
        handle, temp, job = self.open_file, self.open_temp, self.open_job
        self.open_file = self.open_job = self.open_temp = None
        try:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.chmod(temp, 0o666 & ~_umask())
            os.replace(temp, self.targets[job])
        except OSError as exc:
            handle.close()
            temp.unlink(missing_ok=True)
            self.report.error(job.name, f"cannot write {self.targets[job]} ({exc.strerror or exc})")
            self.report.failed += 1

    def discard(self) -> None:
        """Drop a half-written output (an interrupted run, a failed write)."""
        if self.open_file is not None:
            self.open_file.close()
        if self.open_temp is not None:
            self.open_temp.unlink(missing_ok=True)
        self.open_file = self.open_job = self.open_temp = None


def _name(job: Job, rendered: Rendered) -> str:
    """The name a document is reported under: the file, or FILE#ID for a record in a container
    (a record without an id of its own is already named after the file: FILE:LINE, FILE#N)."""
    if not job.container:
        return job.name
    ident = str(rendered.id)
    if ident == job.name or ident.startswith((f"{job.name}:", f"{job.name}#")):
        return ident
    return f"{job.name}#{ident}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(stream: TextIO, text: str) -> None:
    stream.write(text if text.endswith("\n") or not text else text + "\n")


def render(
    article: Article,
    fmt: str,
    name: str | None = None,
    *,
    segments: bool = True,
    fields: Sequence[str] | None = None,
) -> str:
    """An article as text (the body), JSON (everything, or `fields`) or Markdown."""
    if fmt in ("json", "jsonl"):
        data = article.to_dict(segments=segments)
        if fields is not None:
            data = {k: data[k] for k in fields if k in data}
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
    if article.paragraphs:
        parts.append(article.markdown())  # subheadings, lists, quotes and code as the blocks say
    for cap in article.captions:
        parts.append(f"> {cap.text}" + (f" ({cap.credit})" if cap.credit else ""))
    if article.tags:
        parts.append("Tags: " + ", ".join(article.tags))
    return "\n\n".join(parts)


def render_show(article: Article, colour: bool) -> str:
    """Every line of the input with the kind of the segment it is in, the id of the rule or model
    that decided it, the model's probability where fitted, and the reason in full. A line that
    holds several segments (a page flattened onto one line, read a sentence at a time) gets a
    row for each, under its number."""
    text = article.text
    segs = article.segments
    out: list[str] = []
    width = max((len(k.value) for k in Kind), default=10)
    k = 0
    for number, (start, end) in enumerate(_line_spans(text), start=1):
        line = text[start:end]
        while k < len(segs) and segs[k].end <= start:
            k += 1
        inside = []  # the segments this line holds, each with its part of the line
        j = k
        while j < len(segs) and segs[j].start < max(end, start + 1):
            inside.append((segs[j], text[max(segs[j].start, start) : min(segs[j].end, end)]))
            j += 1
        if not line.strip() or not inside:
            out.append(f"{number:>5}")
            continue
        if len(inside) == 1:
            inside = [(inside[0][0], line)]
        for seg, part in inside:
            cont = seg.start < start
            label = "\u21b3" if cont else seg.kind.value
            rule = "" if cont else seg.rule
            p = "" if cont or seg.probability is None else f"{seg.probability:.2f}"
            head = f"{number:>5} {label:<{width}} {rule:<26} {p:>4}"
            shown = _CONTROL.sub("\ufffd", part.strip())
            why = "" if cont else f"  ({seg.reason})"  # the reason in full, after the line
            if colour:
                out.append(f"\x1b[{_COLOUR.get(seg.kind, _DIM)}m{head}\x1b[0m | {shown}\x1b[2m{why}\x1b[0m")
            else:
                out.append(f"{head} | {shown}{why}")
    return "\n".join(out)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, split the way segments number them (CR, LF or CRLF)."""
    pos = 0
    for m in _NEWLINE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    if pos < len(text) or not text:
        yield pos, len(text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
