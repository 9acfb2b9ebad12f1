"""Batch cleaning of files: `artclean DIR --out-dir OUT`, `--in-place`, and what they promise."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from artclean import clean
from artclean.cli import cli, main
from artclean.discover import matcher, matches

FIXTURE = Path(__file__).parent.parent / "fixtures" / "iran-russia-syndicated.txt"
CLEAN_TEXT = "A body paragraph that needs no cleaning at all.\n"
SYNDICATED = "A short article about the harbour.\nThis article originally appeared in The Times.\n"
PAST = 1_000_000_000  # an mtime far in the past, to see whether a file was rewritten


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """`artclean ARGS` through main(), with stdout and stderr captured as CliRunner does."""
    with CliRunner().isolation(input=stdin) as streams:
        status = main(list(args))
    return status, streams[0].getvalue().decode(), streams[1].getvalue().decode()


def make_tree(root: Path) -> Path:
    """articles/ with a dirty file, a clean one, a subfolder, and things to leave alone."""
    tree = root / "articles"
    (tree / "world").mkdir(parents=True)
    (tree / "world" / "iran.txt").write_bytes(FIXTURE.read_bytes())
    (tree / "harbour.txt").write_text(SYNDICATED)
    (tree / "notes.md").write_text(CLEAN_TEXT)
    (tree / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tree / ".drafts").mkdir()
    (tree / ".drafts" / "draft.txt").write_text(SYNDICATED)
    (tree / ".git").mkdir()
    (tree / ".git" / "HEAD.txt").write_text(SYNDICATED)
    (tree / ".hidden.txt").write_text(SYNDICATED)
    return tree


def files_under(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_out_dir_mirrors_the_tree_with_clean_text(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    status, stdout, stderr = run(str(tree), "--out-dir", str(tmp_path / "out"), "-q")
    assert (status, stdout, stderr) == (0, "", "")
    assert files_under(tmp_path / "out") == {
        "harbour.txt": b"A short article about the harbour.\n",
        "notes.md": CLEAN_TEXT.encode(),
        "world/iran.txt": clean(FIXTURE.read_text()).text.encode(),
    }
    assert (tree / "harbour.txt").read_text() == SYNDICATED  # the input is left alone


MARKDOWN = """# Syndication notes

A note such as the one below tells readers where a story came from:

```text
This article originally appeared in The Times.
```
"""


def test_each_file_is_cleaned_as_artclean_cleans_it_alone(tmp_path: Path) -> None:
    # A Markdown file is written content: its code block is protected, alone or in a batch.
    tree = make_tree(tmp_path)
    (tree / "notes-on-notes.md").write_text(MARKDOWN)
    run(str(tree), "--out-dir", str(tmp_path / "out"), "-q")
    for path in [*tree.glob("[!.]*.md"), *tree.glob("[!.]*.txt"), *tree.glob("world/*")]:
        status, alone, _ = run(str(path))
        mirrored = tmp_path / "out" / path.relative_to(tree)
        assert (status, mirrored.read_text()) == (0, alone), path
    assert (tmp_path / "out" / "notes-on-notes.md").read_text() == MARKDOWN


def test_in_place_rewrites_only_what_changes_and_keeps_permissions(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    for path in tree.rglob("*"):
        os.utime(path, (PAST, PAST))
    (tree / "harbour.txt").chmod(0o640)
    status, _, _ = run(str(tree), "--in-place", "-q")
    assert status == 0
    assert (tree / "harbour.txt").read_text() == "A short article about the harbour.\n"
    assert stat.S_IMODE((tree / "harbour.txt").stat().st_mode) == 0o640
    assert (tree / "notes.md").stat().st_mtime == PAST
    assert (tree / ".drafts" / "draft.txt").read_text() == SYNDICATED
    assert (tree / ".git" / "HEAD.txt").read_text() == SYNDICATED
    assert not [p for p in tree.rglob("*.tmp")]


def test_a_file_named_on_the_command_line_is_cleaned_whatever_its_name(tmp_path: Path) -> None:
    log = tmp_path / "scrape.log"
    log.write_text(SYNDICATED)
    assert run(str(log), "--in-place", "-q")[0] == 0
    assert log.read_text() == "A short article about the harbour.\n"


def test_a_byte_order_mark_is_kept_in_place(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SYNDICATED.encode())
    run(str(path), "--in-place", "-q")
    assert path.read_bytes() == b"\xef\xbb\xbfA short article about the harbour.\n"


def test_an_unchanged_output_is_not_rewritten(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    out = tmp_path / "out"
    run(str(tree), "--out-dir", str(out), "-q")
    for path in out.rglob("*.*"):
        os.utime(path, (PAST, PAST))
    (tree / "notes.md").write_text("A different body paragraph, changed since.\n")
    run(str(tree), "--out-dir", str(out), "-q")
    assert (out / "harbour.txt").stat().st_mtime == PAST
    assert (out / "notes.md").read_text() == "A different body paragraph, changed since.\n"


def test_include_and_exclude_choose_the_files(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    out = tmp_path / "out"
    run(str(tree), "--out-dir", str(out), "--include", "*.md", "-q")
    assert set(files_under(out)) == {"notes.md"}
    out2 = tmp_path / "out2"
    run(str(tree), "--out-dir", str(out2), "--exclude", "world", "--exclude", "notes.*", "-q")
    assert set(files_under(out2)) == {"harbour.txt"}


def test_patterns_match_names_or_paths_ignoring_case() -> None:
    assert matches(PurePosixPath("a/b/Page.TXT"), ["*.txt"])
    assert matches(PurePosixPath("news/2024/page.txt"), ["news/*"])
    assert not matches(PurePosixPath("blog/page.txt"), ["news/*"])


@pytest.mark.parametrize(
    "patterns",
    [
        ["*.txt"],
        ["*.TXT", "news/*"],
        ["*a*b*c*", "[ab]*.t?t", "x/*/c.md"],
        ["news/*", "*/2024/*"],
        [],
    ],
)
def test_the_walks_compiled_patterns_answer_as_matches_does(patterns: list[str]) -> None:
    test = matcher(patterns)
    for path in [
        "Page.TXT",
        "a/b/page.txt",
        "news/2024/page.txt",
        "blog/2024/abc.md",
        "x/y/c.md",
        "bat.txt",
        "acab.tXt",
        "a/bc",
    ]:
        relative = PurePosixPath(path)
        assert test(relative.name, path) == matches(relative, patterns), (path, patterns)


def test_failing_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    (tree / "scan.txt").write_bytes(b"%PDF-1.7\n...")
    (tree / "latin.txt").write_bytes(b"caf\xe9 au lait\n")
    status, _, stderr = run(str(tree), "--out-dir", str(tmp_path / "out"), "-q")
    assert status == 2
    assert stderr.splitlines() == [
        f"{tree / 'latin.txt'}: not valid utf-8 at byte 3 (invalid continuation byte); "
        "use --errors replace to replace bad bytes, or --encoding to name the encoding",
        f"{tree / 'scan.txt'}: looks like a PDF document, not text",
    ]
    assert set(files_under(tmp_path / "out")) == {"harbour.txt", "notes.md", "world/iran.txt"}


def test_a_file_over_max_size_is_refused_and_the_rest_cleaned(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    (tree / "huge.txt").write_text("A long line of prose that repeats. " * 200)
    status, _, stderr = run(str(tree), "--out-dir", str(tmp_path / "out"), "--max-size", "4K", "-q")
    assert status == 2
    assert stderr.splitlines() == [
        f"{tree / 'huge.txt'}: larger than 4 KiB (each input is cleaned in memory); "
        "use --max-size to raise the limit"
    ]
    assert set(files_under(tmp_path / "out")) == {"harbour.txt", "notes.md", "world/iran.txt"}


def test_a_missing_path_is_reported_and_the_rest_cleaned(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    status, _, stderr = run(str(tree), str(tmp_path / "nope"), "--out-dir", str(tmp_path / "o"))
    assert status == 2
    assert f"{tmp_path / 'nope'}: no such file or directory" in stderr
    assert (tmp_path / "o" / "harbour.txt").exists()


def test_jobs_1_and_2_write_identical_files(tmp_path: Path) -> None:
    tree = tmp_path / "many"
    tree.mkdir()
    seed = FIXTURE.read_text().splitlines(keepends=True)
    for n in range(60):
        lines = seed[n % 7 :] + seed[: n % 7] if n % 3 else seed
        (tree / f"page{n:03}.txt").write_text("".join(lines))
    run(str(tree), "--out-dir", str(tmp_path / "one"), "--jobs", "1", "--learn-templates", "-q")
    run(str(tree), "--out-dir", str(tmp_path / "two"), "--jobs", "2", "--learn-templates", "-q")
    assert files_under(tmp_path / "one") == files_under(tmp_path / "two")
    assert len(files_under(tmp_path / "one")) == 60


def test_json_with_out_dir_writes_one_json_file_per_input(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    run(str(tree), "--out-dir", str(tmp_path / "out"), "--format", "json", "-q")
    assert set(files_under(tmp_path / "out")) == {
        "harbour.txt.json",
        "notes.md.json",
        "world/iran.txt.json",
    }
    data = json.loads((tmp_path / "out" / "harbour.txt.json").read_text())
    assert data["source"] == str(tree / "harbour.txt")
    assert [r["kind"] for r in data["removed"]] == ["syndication"]


def test_jsonl_without_out_dir_is_one_line_per_file_in_order(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    status, stdout, _ = run(str(tree), "--format", "jsonl", "-q")
    assert status == 0
    sources = [json.loads(line)["source"] for line in stdout.splitlines()]
    assert sources == [str(tree / n) for n in ("harbour.txt", "notes.md", "world/iran.txt")]


def test_batch_check_and_hook_take_the_same_files_in_the_order_help_describes(
    tmp_path: Path,
) -> None:
    """--help says which files a directory gives and in what order; --check and the
    pre-commit hooks' `files` pattern must take the same ones."""
    import re

    from artclean.check import content_files

    tree = tmp_path / "site"
    names = ["b.txt", "a.mdx", "Z.TEXT", "zz.txt", "m/c.md", "m/n/d.markdown", "m/e.MD"]
    for name in [*names, "skip.rst", "m/skip.html", "m/n/.hidden.md"]:
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(SYNDICATED)
    help_text = " ".join(CliRunner().invoke(cli, ["--help"]).stdout.split())
    assert "*.md *.markdown *.mdx *.txt *.text" in help_text
    assert (
        "Order: a directory's files in name order, then each subdirectory in name order, "
        "depth first." in help_text
    )
    in_order = ["Z.TEXT", "a.mdx", "b.txt", "zz.txt", "m/c.md", "m/e.MD", "m/n/d.markdown"]
    status, stdout, _ = run(str(tree), "--format", "jsonl", "-q")
    assert status == 0
    assert [json.loads(line)["source"] for line in stdout.splitlines()] == [
        str(tree / name) for name in in_order
    ]
    assert list(content_files([str(tree)])) == [str(tree / name) for name in in_order]
    hooks = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text()
    patterns = set(re.findall(r"^    files: (.+)$", hooks, re.M))
    assert len(patterns) == 1
    pattern = patterns.pop()
    hook_files = {
        path.relative_to(tree).as_posix()
        for path in tree.rglob("*")
        if path.is_file() and re.search(pattern, path.name)
    } - {"m/n/.hidden.md"}  # pre-commit passes what git tracks; artclean skips hidden files
    assert hook_files == set(names)


def test_templates_are_learned_per_directory(tmp_path: Path) -> None:
    footer = "The Daily Bugle is produced by the staff at 5 Market Street in Springfield."
    for site in ("bugle", "herald"):
        (tmp_path / site).mkdir()
    for n in range(6):
        body = (
            f"Story number {n} about the harbour, the council and the river in spring.\n\n"
            f"The council met on day {n} and voted on the budget for the new bridge."
        )
        (tmp_path / "bugle" / f"{n}.txt").write_text(f"{body}\n\n{footer}\n")
        if n < 3:
            (tmp_path / "herald" / f"{n}.txt").write_text(f"{body}\n\n{footer}\n")
    status, stdout, _ = run(str(tmp_path), "--format", "jsonl", "--learn-templates", "-q")
    assert status == 0
    removed = {
        Path(r["source"]).parent.name: r["removed"] for r in map(json.loads, stdout.splitlines())
    }
    assert [(r["kind"], r["reason"]) for r in removed["bugle"]] == [
        ("template", f"recurs in 6 documents of {tmp_path / 'bugle'}")
    ]
    assert removed["herald"] == []  # three pages: below the threshold of five


def test_output_directory_inside_the_input_is_not_cleaned_again(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    run(str(tree), "--out-dir", str(tree / "clean"), "-q")
    run(str(tree), "--out-dir", str(tree / "clean"), "-q")
    assert not (tree / "clean" / "clean").exists()


def test_two_inputs_with_one_output_name_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(SYNDICATED)
    status, _, stderr = run(
        str(tmp_path / "a" / "page.txt"), str(tmp_path / "b" / "page.txt"), "--out-dir", "o"
    )
    assert status == 2
    assert "would both be written to" in stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--in-place", "--out-dir", "o"], "exclude each other"),
        (["--in-place", "--format", "json"], "--in-place writes clean text"),
        (["--out-dir", "o", "--format", "jsonl"], "--format jsonl writes one stream"),
        ([], "is a directory: give --out-dir DIR or --in-place"),
        (["--out-dir", "o", "--explain"], "--explain shows one document"),
        (["--in-place", "--template-min-docs", "3"], "add that option"),
        (["--in-place", "--encoding", "no-such-codec"], "unknown encoding 'no-such-codec'"),
        (["--in-place", "--input-format", "jsonl"], "use -o FILE instead"),
    ],
)
def test_misused_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    tree = make_tree(tmp_path)
    status, _, stderr = run(str(tree), *args)
    assert status == 2
    assert stderr.startswith("artclean: error: ") and message in stderr
    assert "Traceback" not in stderr


def test_learning_templates_needs_a_batch(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(SYNDICATED)
    status, _, stderr = run(str(tmp_path / "page.txt"), "--learn-templates")
    assert status == 2
    assert "a batch writes files: give --out-dir DIR or --in-place" in stderr


def test_a_file_found_twice_is_cleaned_once(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    status, stdout, _ = run(str(tree), str(tree / "world"), "--format", "jsonl", "-q")
    assert status == 0
    assert len(stdout.splitlines()) == 3


def test_a_file_reached_through_links_is_cleaned_once(tmp_path: Path) -> None:
    """A directory named through a link to it, and a file through a link to it, are the
    files found in the real directory: each is cleaned once, where it was first found."""
    tree = make_tree(tmp_path)
    (tmp_path / "alias").symlink_to(tree, target_is_directory=True)
    (tmp_path / "page.txt").symlink_to(tree / "world" / "iran.txt")
    args = (str(tree), str(tmp_path / "alias"), str(tmp_path / "page.txt"))
    status, stdout, _ = run(*args, "--format", "jsonl", "-q")
    assert status == 0
    assert len(stdout.splitlines()) == 3
    status, stdout, _ = run(str(tmp_path / "page.txt"), str(tree), "--format", "jsonl", "-q")
    assert status == 0
    assert len(stdout.splitlines()) == 3


def test_summary_on_stderr_plain_when_not_a_terminal(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    (tree / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    status, _, stderr = run(str(tree), "--out-dir", str(tmp_path / "out"))
    assert status == 2
    assert "\x1b[" not in stderr
    summary = dict(line.rsplit(None, 1) for line in stderr.splitlines()[1:] if line.strip())
    assert summary["files seen"] == "4"
    assert summary["files changed"] == "2"
    assert summary["files unchanged"] == "1"
    assert summary["files failed"] == "1"
    assert summary["removed: syndication"] == "3"


def installed_command() -> list[str]:
    script = Path(sys.executable).with_name("artclean")
    return [str(script)] if script.exists() else [sys.executable, "-m", "artclean"]


def test_the_installed_command_cleans_a_directory(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    (tree / "scan.txt").write_bytes(b"%PDF-1.7\n...")
    done = subprocess.run(
        [*installed_command(), str(tree), "--out-dir", str(tmp_path / "out"), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"{tree / 'scan.txt'}: looks like a PDF document")
    assert "files failed" in done.stderr and "\x1b[" not in done.stderr
    assert (tmp_path / "out" / "harbour.txt").read_text() == "A short article about the harbour.\n"


# --- durability: when files reach the disk -----------------------------------------------------


class DiskCalls:
    """Counts the flushes to disk a run makes: fsync per file, and whole-file-system syncs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, fail: bool = False) -> None:
        self.fsynced: list[str] = []
        self.synced: list[str] = []
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            self.fsynced.append(os.readlink(f"/proc/self/fd/{fd}"))
            real_fsync(fd)

        def syncfs(fd: int, where: str) -> None:
            self.synced.append(where)
            if fail:
                raise OSError(5, "Input/output error", where)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr("artclean.files.file_system_sync", lambda: syncfs)


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, syncfs")


@linux_only
def test_out_dir_files_reach_the_disk_in_one_flush_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An fsync per file made the workers of a batch wait on each other; the output of an
    --out-dir batch can be made again from its inputs, so it is flushed once, at the end."""
    tree = make_tree(tmp_path)
    disk = DiskCalls(monkeypatch)
    status, _, stderr = run(str(tree), "--out-dir", str(tmp_path / "out"), "-q", "--jobs", "1")
    assert (status, stderr) == (0, "")
    assert len(files_under(tmp_path / "out")) == 3
    assert disk.fsynced == []
    assert len(disk.synced) == 1 and Path(disk.synced[0]).is_relative_to(tmp_path / "out")


@linux_only
def test_in_place_flushes_each_file_before_it_replaces_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_tree(tmp_path)
    disk = DiskCalls(monkeypatch)
    status, _, _ = run(str(tree), "--in-place", "-q", "--jobs", "1")
    assert status == 0
    # Two files change; each temporary file is flushed before its rename over the original.
    assert [Path(path).name.split(".artclean-")[0] for path in disk.fsynced] == [
        ".harbour.txt",
        ".iran.txt",
    ]
    assert disk.synced == []


@linux_only
def test_a_failed_final_flush_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = make_tree(tmp_path)
    DiskCalls(monkeypatch, fail=True)
    out = tmp_path / "out"
    status, _, stderr = run(str(tree), "--out-dir", str(out), "-q", "--jobs", "1")
    assert status == 2
    assert stderr == f"{out}: cannot write (Input/output error)\n"


@linux_only
def test_flush_to_disk_flushes_real_files(tmp_path: Path) -> None:
    from artclean.files import atomic_write, file_system_sync, flush_to_disk

    assert file_system_sync() is not None  # syncfs(2), found in the C library
    atomic_write(tmp_path / "a.txt", b"text\n", durable=False)
    flush_to_disk([tmp_path / "a.txt", tmp_path / "gone" / "b.txt"])  # a missing one is no error
    assert (tmp_path / "a.txt").read_bytes() == b"text\n"


def test_out_dir_files_are_made_with_the_umasks_permissions_and_no_temporary_is_left(
    tmp_path: Path,
) -> None:
    tree = make_tree(tmp_path)
    out = tmp_path / "out"
    (out / "stale").mkdir(parents=True)
    old = os.umask(0o027)
    try:
        status, _, stderr = run(str(tree), "--out-dir", str(out), "-q", "--jobs", "1")
    finally:
        os.umask(old)
    assert (status, stderr) == (0, "")
    written = [path for path in out.rglob("*") if path.is_file()]
    assert len(written) == 3
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {0o640}
    assert not [path for path in out.rglob(".*") if ".artclean-" in path.name]


def test_a_write_that_fails_leaves_no_temporary_and_the_target_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from artclean import files

    target = tmp_path / "page.txt"
    target.write_bytes(b"before\n")
    target.chmod(0o600)

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "write", full)
    with pytest.raises(OSError, match="No space left"):
        files.atomic_write(target, b"after\n", durable=False)
    monkeypatch.undo()
    assert target.read_bytes() == b"before\n"
    assert [path.name for path in tmp_path.iterdir()] == ["page.txt"]
    files.atomic_write(target, b"after\n", durable=False)
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"after\n", 0o600)
