"""The check modes from the command line: CliRunner, main(), and the installed command."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from artclean.check import Mode, content_files, run
from artclean.cli import cli, main

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
SENTENCE = (
    "The committee met on Thursday and agreed to publish the full minutes of every meeting "
    "within a week."
)
POST = f"# Minutes\n\n{SENTENCE}\n\nOther news.\n\n{SENTENCE}\n"


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_check_reports_linter_lines_and_exits_1(post):
    result = invoke("--check", str(post))
    assert result.exit_code == 1
    assert result.stdout == f"{post}:7:1: D001 repeats the paragraph at line 3 (similarity 100)\n"
    assert result.stderr == "artclean: would fix 1 of 1 file (removed: duplicate 1)\n"
    assert post.read_text(encoding="utf-8") == POST


def test_check_on_clean_files_exits_0_quietly_on_stdout():
    result = invoke("--check", str(CONTENT / "clean"))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "artclean: 45 files checked, nothing to change\n"


@pytest.mark.parametrize("mode", ["--check", "--fix"])
def test_under_pre_commit_each_process_prints_its_findings_and_no_summary(tmp_path, post, mode):
    """pre-commit (PRE_COMMIT=1) splits the files among processes; summaries would disagree."""
    clean = tmp_path / "clean.md"
    clean.write_text("# Fine\n\nNothing to see.\n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    runner = CliRunner(env={"PRE_COMMIT": "1"})
    dirty = runner.invoke(cli, [mode, str(post)])
    tidy = runner.invoke(cli, [mode, str(clean)])
    broken = runner.invoke(cli, [mode, str(missing)])
    assert (dirty.exit_code, tidy.exit_code, broken.exit_code) == (1, 0, 2)
    assert dirty.stdout == (f"{post}:7:1: D001 repeats the paragraph at line 3 (similarity 100)\n")
    assert (dirty.stderr, tidy.stdout, tidy.stderr, broken.stdout) == ("", "", "", "")
    assert broken.stderr.startswith(f"artclean: error: {missing}: ")  # errors are still told
    assert broken.stderr.count("\n") == 1


def test_diff_prints_a_patch_and_changes_nothing(post):
    result = invoke("--diff", str(post))
    assert result.exit_code == 1
    assert result.stdout == (
        f"--- {post}\n+++ {post}\n@@ -3,5 +3,3 @@\n {SENTENCE}\n \n Other news.\n-\n-{SENTENCE}\n"
    )
    assert "\x1b[" not in result.stdout
    assert post.read_text(encoding="utf-8") == POST


def test_diff_applies_with_patch(post, tmp_path):
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "artclean", "--diff", "post.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    subprocess.run(["patch", "-p1", "-s"], cwd=tmp_path, input=result.stdout, text=True, check=True)
    assert post.read_text(encoding="utf-8") == f"# Minutes\n\n{SENTENCE}\n\nOther news.\n"


def test_diff_is_coloured_only_when_asked():
    out = io.StringIO()
    run(
        [str(CONTENT / "pasted" / "suppressed.md")],
        frozenset({Mode.DIFF}),
        out,
        io.StringIO(),
        colour=True,
    )
    assert "\x1b[31m-Afterwards" in out.getvalue()


def test_fix_rewrites_and_exits_1_then_0(post):
    first = invoke("--fix", str(post))
    assert first.exit_code == 1
    assert first.stdout.endswith("D001 repeats the paragraph at line 3 (similarity 100)\n")
    assert first.stderr == "artclean: fixed 1 of 1 file (removed: duplicate 1)\n"
    assert post.read_text(encoding="utf-8") == f"# Minutes\n\n{SENTENCE}\n\nOther news.\n"
    second = invoke("--fix", str(post))
    assert (second.exit_code, second.stdout) == (0, "")


def test_fix_with_diff_shows_what_it_wrote(post):
    result = invoke("--fix", "--diff", str(post))
    assert result.exit_code == 1
    assert f"-{SENTENCE}\n" in result.stdout
    assert post.read_text(encoding="utf-8").endswith("Other news.\n")


def test_directories_are_walked_for_content_files_skipping_hidden_ones(tmp_path):
    for name in ["a.md", "b.markdown", "c.mdx", "d.txt", "e.rst", ".hidden.md", "sub/f.MD"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "g.md").write_text("x\n", encoding="utf-8")
    found = [os.path.relpath(p, tmp_path) for p in content_files([str(tmp_path)])]
    assert found == ["a.md", "b.markdown", "c.mdx", "d.txt", os.path.join("sub", "f.MD")]
    # A file named explicitly is checked whatever its name (pre-commit chooses the files).
    assert list(content_files([str(tmp_path / "e.rst")])) == [str(tmp_path / "e.rst")]


def test_errors_exit_2_but_every_other_file_is_still_checked(tmp_path, post):
    bad = tmp_path / "latin1.md"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = invoke("--check", str(tmp_path / "missing.md"), str(bad), str(binary), str(post))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"artclean: error: {tmp_path / 'missing.md'}: no such file",
        f"artclean: error: {bad}: not valid utf-8 at byte 3 (invalid continuation byte); "
        "use --errors replace to replace bad bytes, or --encoding to name the encoding",
        f"artclean: error: {binary}: looks like a PNG image, not text",
        "artclean: would fix 1 of 1 file (removed: duplicate 1)",
    ]
    assert result.stdout.startswith(f"{post}:7:1: D001 ")


def test_an_unknown_directive_is_an_error(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("<!-- artclean: skip_file -->\n\nText.\n", encoding="utf-8")
    result = invoke("--check", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{path}:1:1: error: unknown directive 'artclean: skip_file' "
        "(known: keep, skip-file, ignore)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--check", "--fix", "x.md"], "--check and --fix exclude each other"),
        (["--check", "--format", "json", "x.md"], "--format cannot be used with --check"),
        (["--check", "-o", "out.md", "x.md"], "--output cannot be used with --check"),
        (["--fix", "--explain", "x.md"], "--explain cannot be used with --check"),
        (["--check"], "need files or directories, not stdin"),
        (["--check", "-"], "need files or directories, not stdin"),
        (["--fix", "--errors", "replace", "x.md"], "--fix cannot be used with --errors replace"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("artclean: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_markdown_cleaned_to_stdout_matches_fix(tmp_path):
    source = CONTENT / "pasted" / "blank-line-paste.md"
    result = invoke(str(source))
    assert result.exit_code == 0
    assert result.stdout == (CONTENT / "pasted" / "blank-line-paste.md.fixed").read_text(
        encoding="utf-8"
    )


def test_the_installed_command(tmp_path, post):
    command = shutil.which("artclean", path=os.path.dirname(sys.executable))
    assert command is not None
    clean = tmp_path / "clean.md"
    clean.write_text("# Fine\n\nNothing to see.\n", encoding="utf-8")
    checked = subprocess.run(
        [command, "--check", str(clean), str(post)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 1
    assert checked.stdout == f"{post}:7:1: D001 repeats the paragraph at line 3 (similarity 100)\n"
    assert checked.stderr == "artclean: would fix 1 of 2 files (removed: duplicate 1)\n"
    fixed = subprocess.run([command, "--fix", str(post)], capture_output=True, check=False)
    assert fixed.returncode == 1
    again = subprocess.run([command, "--check", str(post)], capture_output=True, check=False)
    assert again.returncode == 0
