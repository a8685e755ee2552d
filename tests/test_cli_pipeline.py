"""The command line over many inputs: nothing lost, nothing half-written, every failure named."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from warcdata import WARC_DATE, WARC_URL, WET_DATE, WET_URL, write_warc, write_wet

from boilerstrip import cli

from conftest import FIXTURES

SEED = FIXTURES / "cna-belarus.txt"


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The command line run in this process (quicker than a new interpreter per call)."""
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_stdin = os.getcwd(), sys.stdin
    try:
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # usage errors
                code = int(exc.code or 0)
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return subprocess.CompletedProcess(list(args), code, out.getvalue().encode(), err.getvalue().encode())


def run_installed(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed entry point, in a new process."""
    exe = shutil.which("boilerstrip", path=str(Path(sys.executable).parent))
    cmd = [exe] if exe else [sys.executable, "-m", "boilerstrip"]
    return subprocess.run([*cmd, *args], capture_output=True, cwd=cwd, timeout=120)


def lines(res: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in res.stdout.decode().splitlines()]


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_two_inputs_with_one_output_name_are_an_error(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(SEED, tmp_path / sub / "x.txt")
    res = run_installed("-o", "out", "a/x.txt", "b/x.txt", cwd=tmp_path)
    assert res.returncode == 2
    assert b"out/x.txt: both a/x.txt and b/x.txt would be written here" in res.stderr
    assert not (tmp_path / "out").exists()  # checked before anything is written
    shutil.copy(SEED, tmp_path / "a" / "x.html")
    res = run("-o", "out", "--glob", "*", "a", cwd=tmp_path)
    assert res.returncode == 2 and b"a/x.html and a/x.txt" in res.stderr
    assert not (tmp_path / "out").exists()


def test_resume_skips_finished_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEED, src / f"{name}.txt")
    out = tmp_path / "out"
    assert run("-o", str(out), str(src)).returncode == 0
    assert files(out) == ["a.txt", "b.txt", "c.txt"]  # written whole: no temporary files left
    (out / "a.txt").write_text("kept", encoding="utf-8")
    (out / "c.txt").unlink()
    res = run("-o", str(out), "--skip-existing", str(src))
    assert res.returncode == 0, res.stderr
    assert (out / "a.txt").read_text(encoding="utf-8") == "kept"
    assert (out / "c.txt").read_text(encoding="utf-8").startswith("VILNIUS:")
    assert b"1 done, 0 failed, 0 with an empty body, 2 skipped" in res.stderr
    assert run("-o", str(out), str(src)).returncode == 0
    assert (out / "a.txt").read_text(encoding="utf-8").startswith("VILNIUS:")
    assert run("--skip-existing", str(src)).returncode == 2  # needs -o
    res = run("-o", str(out), "-f", "json", str(src), str(tmp_path / "missing.txt"))
    assert res.returncode == 1 and b"missing.txt: no such file or directory" in res.stderr
    assert files(out) == ["a.json", "a.txt", "b.json", "b.txt", "c.json", "c.txt"]


def test_broken_links_and_binary_files_are_named(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "good.txt")
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = run(str(src), str(src / "gone.txt"))
    assert res.returncode == 1
    err = res.stderr.decode()
    assert f"boilerstrip: {src / 'gone.txt'}: broken symbolic link (to {tmp_path / 'nowhere.txt'})" in err
    assert f"boilerstrip: {src / 'image.txt'}: binary data (NUL bytes), not text" in err
    assert err.count("gone.txt: broken symbolic link") == 2  # in the folder and given directly
    assert "1 done, 3 failed" in err
    assert "Traceback" not in err
    assert "VILNIUS:" in res.stdout.decode()


def test_jsonl_has_one_record_per_input_errors_included(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 100)
    res = run("--jsonl", "--no-segments", str(SEED), str(tmp_path / "missing.txt"), str(tmp_path / "bin.txt"))
    assert res.returncode == 1
    records = lines(res)
    assert [r["id"] for r in records] == [str(SEED), str(tmp_path / "missing.txt"), str(tmp_path / "bin.txt")]
    assert records[0]["error"] is None and "segments" not in records[0] and records[0]["body"]
    assert records[1] == {
        "id": str(tmp_path / "missing.txt"),
        "url": None,
        "fetched": None,
        "error": "no such file or directory",
    }
    assert records[2]["error"] == "binary data (NUL bytes), not text"
    one = run("--jsonl", str(SEED))  # one input: still one line
    assert len(one.stdout.splitlines()) == 1 and lines(one)[0]["segments"]
    assert one.stderr == b""  # one document that worked: no summary
    piped = run("--jsonl", "--fields", "title,published", "-", stdin=SEED.read_bytes())
    assert lines(piped) == [
        {
            "id": "<stdin>",
            "url": None,
            "fetched": None,
            "error": None,
            "title": "Belarus frees Nobel winner, top opposition figures as US lifts more sanctions",
            "published": "2025-12-13T22:47",
        }
    ]
    several = run("-f", "json", str(SEED), str(tmp_path / "missing.txt"))
    assert lines(several)[1] == {"file": str(tmp_path / "missing.txt"), "error": "no such file or directory"}
    small = run("-f", "json", "--no-segments", str(SEED)).stdout
    assert len(small) * 3 < len(run("-f", "json", str(SEED)).stdout)


def test_bad_fields_and_options_are_usage_errors() -> None:
    for args in (["--fields", "title,nope"], ["--fields", "title"], ["--language", "xx"]):
        res = run(*args, str(SEED))
        assert res.returncode == 2, args
        assert b"Traceback" not in res.stderr
    assert b"supported: " in run("--language", "xx", str(SEED)).stderr
    assert run("--language", "en-GB", str(SEED)).returncode == 0


def test_warc_and_wet_files(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz")
    wet = write_wet(tmp_path / "crawl.warc.wet.gz")
    res = run("--jsonl", "--no-segments", str(warc), str(wet))
    assert res.returncode == 0, res.stderr
    records = lines(res)
    assert [(r["url"], r["fetched"]) for r in records] == [(WARC_URL, WARC_DATE), (WET_URL, WET_DATE)]
    assert records[0]["body"] == records[1]["body"] and records[0]["body"].startswith("VILNIUS:")
    out = tmp_path / "out"
    assert run("-o", str(out), "--jsonl", str(warc), str(wet)).returncode == 0
    assert files(out) == ["crawl.warc.jsonl", "crawl.warc.wet.jsonl"]
    assert [
        r["url"] for r in map(json.loads, (out / "crawl.warc.jsonl").read_text(encoding="utf-8").splitlines())
    ] == [WARC_URL]
    text = run(str(warc))
    assert text.stdout.decode().startswith(f"==> {WARC_URL} <==\nVILNIUS:")
    piped = run("--input-format", "warc", "--jsonl", "--fields", "title", "-", stdin=wet.read_bytes())
    assert lines(piped)[0]["url"] == WET_URL


def test_jsonl_input_and_parallel_output(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    rows = [
        json.dumps({"id": f"r{i}", "url": f"https://x/{i}", "text": text[: 800 + 300 * i]}) for i in range(8)
    ]
    rows.insert(3, "{broken")
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    serial = run("--jsonl", str(path))
    parallel = run("--jsonl", "-j", "2", str(path))
    assert serial.returncode == parallel.returncode == 1
    assert parallel.stdout == serial.stdout
    records = lines(serial)
    assert [r["id"] for r in records] == ["r0", "r1", "r2", f"{path}:4", "r3", "r4", "r5", "r6", "r7"]
    assert records[3]["error"].startswith("line 4 is not JSON")
    # (a record without an id is named after its file and line, once)
    assert f"boilerstrip: {path}:4: line 4 is not JSON".encode() in serial.stderr


# Unreadable folders: as root, chmod 000 does not stop reading, so the permission errors the
# operating system would give are also simulated in-process.


def _root_reads_anything(folder: Path) -> bool:
    try:
        os.listdir(folder)
        return True
    except PermissionError:
        return False


def test_unreadable_folder_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "in" / "a.txt")
    shutil.copy(SEED, locked / "b.txt")
    locked.chmod(0)
    try:
        if _root_reads_anything(locked):
            pytest.skip("running as root: chmod 000 does not block reading (see the simulated tests)")
        res = run(str(tmp_path / "in"), str(locked / "b.txt"))
        assert res.returncode == 1
        err = res.stderr.decode()
        assert f"boilerstrip: {locked}: cannot read directory (Permission denied)" in err
        assert f"boilerstrip: {locked / 'b.txt'}: cannot access (Permission denied)" in err
        assert "Traceback" not in err
    finally:
        locked.chmod(0o755)


def test_unreadable_folder_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "in" / "a.txt")
    shutil.copy(SEED, locked / "b.txt")
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).parent == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    code = cli.main(["--jsonl", "--fields", "title", str(tmp_path / "in"), str(locked / "b.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"boilerstrip: {locked}: cannot read directory (Permission denied)" in err
    assert f"boilerstrip: {locked / 'b.txt'}: cannot access (Permission denied)" in err
    assert [json.loads(line)["error"] for line in out.splitlines()] == [
        None,
        "cannot read directory (Permission denied)",
        "cannot access (Permission denied)",
    ]


def test_outputs_are_replaced_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "cna-belarus.txt").write_text("old", encoding="utf-8")

    def fail(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert cli.main(["-q", "-o", str(out), str(SEED)]) == 1
    assert files(out) == ["cna-belarus.txt"]  # the old file stays, no temporary file is left
    assert (out / "cna-belarus.txt").read_text(encoding="utf-8") == "old"


def test_progress_bar_and_summary_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(3):
        shutil.copy(SEED, tmp_path / f"p{i}.txt")
    (tmp_path / "empty.txt").write_text("Advertisement\n", encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli.main(["-o", str(tmp_path / "out"), str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "0/4 [" in err and "doc/s" in err  # the bar, on standard error
    assert "boilerstrip: 4 done, 0 failed, 1 with an empty body in " in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli.main(["-q", "-o", str(tmp_path / "out2"), str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
