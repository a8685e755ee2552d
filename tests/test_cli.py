"""The command line through its installed entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import boilerstrip

from conftest import FIXTURES, load_expected

SEED = FIXTURES / "cna-belarus.txt"


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    exe = shutil.which("boilerstrip", path=str(Path(sys.executable).parent))
    cmd = [exe] if exe else [sys.executable, "-m", "boilerstrip"]
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


def test_prints_the_body() -> None:
    res = run(str(SEED))
    assert res.returncode == 0, res.stderr
    body = res.stdout.decode()
    assert body.strip() == "\n\n".join(load_expected("cna-belarus.expected.json")["paragraphs"])


def test_json_format() -> None:
    res = run("--format", "json", str(SEED))
    data = json.loads(res.stdout)
    assert data["title"].startswith("Belarus frees")
    assert data["published"] == "2025-12-13T22:47"
    assert {s["kind"] for s in data["segments"]} >= {"body", "caption", "share", "advertisement"}


def test_markdown_format() -> None:
    out = run("-f", "markdown", str(SEED)).stdout.decode()
    assert out.startswith("# Belarus frees Nobel winner")
    assert "> Belarusian President" in out


def test_show_is_plain_when_piped() -> None:
    out = run("--show", str(SEED)).stdout.decode()
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert len(lines) == 59
    assert lines[6].split()[:2] == ["7", "share"]
    assert "share or follow buttons" in lines[6]
    colored = run("--show", "--color", "always", str(SEED)).stdout.decode()
    assert "\x1b[" in colored


def test_show_gives_each_sentence_of_a_flattened_line_a_row() -> None:
    flat = " ".join(SEED.read_text(encoding="utf-8").split()).encode()
    rows = run("--show", "-", stdin=flat).stdout.decode().splitlines()
    assert len(rows) > 20 and all(row.split()[0] == "1" for row in rows)
    assert any("share.row" in row and "| WhatsApp" in row for row in rows)
    assert any(row.split()[1] == "body" and "Belarusian potash." in row for row in rows)


def test_stdin() -> None:
    res = run("-", stdin=SEED.read_bytes())
    assert res.returncode == 0
    assert "VILNIUS:" in res.stdout.decode()


def test_a_single_document_without_a_body_is_reported(tmp_path: Path) -> None:
    """An empty result is not an error (exit 0), but one document printing nothing says why."""
    page = tmp_path / "menu.txt"
    page.write_text("Home\nNews\nSport\nContact\n", encoding="utf-8")
    res = run(str(page))
    assert res.returncode == 0
    assert res.stdout == b""
    assert (
        res.stderr.decode()
        == f"boilerstrip: {page}: no article body found (--show lists every line and why it was removed)\n"
    )
    assert run("-q", str(page)).stderr == b""
    assert run(str(SEED)).stderr == b""


def test_output_dir_and_directories(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(SEED, src / "sub" / "b.txt")
    (src / "ignored.md").write_text("not taken", encoding="utf-8")
    out = tmp_path / "out"
    res = run("-o", str(out), "-f", "json", str(src))
    assert res.returncode == 0, res.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.json",
        "sub/b.json",
    ]
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["section"] == "World"


def test_never_overwrites_an_input(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    shutil.copy(SEED, target)
    before = target.read_bytes()
    res = run("-o", str(tmp_path), str(target))
    assert res.returncode == 1
    assert b"overwrite" in res.stderr
    assert target.read_bytes() == before


def test_errors_go_to_stderr_and_others_still_run(tmp_path: Path) -> None:
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    res = run(str(tmp_path / "missing.txt"), str(SEED), str(empty_dir))
    assert res.returncode == 1
    err = res.stderr.decode()
    assert "missing.txt: no such file or directory" in err
    assert "no files matching" in err
    assert "Traceback" not in err
    assert "VILNIUS:" in res.stdout.decode()


def test_a_device_is_not_a_regular_file() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    res = run("/dev/null")
    assert res.returncode == 1
    assert b"not a regular file" in res.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--format", "yaml", str(SEED)],
        ["--reference-date", "soon", str(SEED)],
        ["--encoding", "no-such-charset", str(SEED)],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    res = run(*args)
    assert res.returncode == 2
    assert b"usage:" in res.stderr
    assert b"Traceback" not in res.stderr


def test_help_and_version() -> None:
    res = run("--help")
    assert res.returncode == 0
    for option in ("--format", "--show", "--output-dir", "--glob", "--reference-date", "--encoding"):
        assert option.encode() in res.stdout
    version = run("--version").stdout.decode()
    assert version.startswith("boilerstrip ")
    assert ("(compiled)" if boilerstrip.COMPILED else "(pure Python)") in version  # which build runs


def test_encoding_for_files_and_stdin(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("Belarus", "Belar\u00fas").replace("\u2019", "'")
    page = tmp_path / "latin.txt"
    page.write_bytes(text.encode("iso-8859-15", errors="replace"))
    for args, stdin in (([str(page)], None), (["-"], page.read_bytes())):
        res = run("--encoding", "iso-8859-15", *args, stdin=stdin)
        assert res.returncode == 0, res.stderr
        assert "Belar\u00fas" in res.stdout.decode()
    assert b"encoding: unknown charset" in run("--encoding", "base64", str(page)).stderr


def test_fast_mode_uses_the_rules_only() -> None:
    res = run("--fast", "-f", "json", str(SEED))
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["paragraphs"] == load_expected("cna-belarus.expected.json")["paragraphs"]
    rules = {s["rule"] for s in data["segments"]}
    assert "title.rule" in rules and not rules & {
        "body.model",
        "title.model",
        "title.first_line",
        "byline.model",
        "date.model",
    }


def test_undecodable_input_reports_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 50)
    res = run(str(bad))
    assert res.returncode in (0, 1)
    assert b"Traceback" not in res.stderr


def test_parallel_jobs_keep_input_order(tmp_path: Path) -> None:
    for i in range(6):
        shutil.copy(SEED, tmp_path / f"page{i}.txt")
    serial = run("-f", "json", str(tmp_path))
    parallel = run("-f", "json", "-j", "2", str(tmp_path))
    assert parallel.returncode == 0, parallel.stderr
    assert parallel.stdout == serial.stdout
    assert [json.loads(line)["file"] for line in parallel.stdout.decode().splitlines()] == [
        str(tmp_path / f"page{i}.txt") for i in range(6)
    ]


def test_a_folder_without_matching_files_says_what_it_holds(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(FIXTURES / "markdown" / "article.md", folder / "a.md")
    shutil.copy(FIXTURES / "markdown" / "article.md", folder / "b.md")
    res = run("-o", str(tmp_path / "out"), str(folder))
    assert res.returncode == 1
    assert "no files matching *.txt (it holds 2 *.md files: --glob '*.md' takes them)" in res.stderr.decode()
    res = run("-o", str(tmp_path / "out"), "--glob", "*.md", str(folder))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "b.txt"]
