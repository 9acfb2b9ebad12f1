"""Files, signals and write errors, as a careful Unix tool treats them (issue 15, items 3, 7-13).

Special files in directories are never opened; symbolic links named on the command line are
written through and links inside directories never followed; owners are kept; one bad input
does not stop the others; names that are not UTF-8 or hold controls are escaped; a killed
worker, SIGTERM and Ctrl-C end the run in one line with the documented status and no
temporary file left behind; every output mode reports a failed write (exit 2) and a reader
that went away (exit 141), however much of one write it took.
"""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from artclean.cli import cli
from artclean.files import sweep_temporaries
from artclean.names import json_name, printable
from conftest import installed_command

PARAGRAPHS = [
    f"Paragraph {i} reports that the council met on day {i} and voted on the budget for the "
    f"harbour district, after a long debate about item number {i * 7}."
    for i in range(8)
]
# Every paragraph twice: --check finds the second copies, --fix removes them.
REPEATED = "\n\n".join(PARAGRAPHS + PARAGRAPHS) + "\n"
CLEAN = "\n\n".join(PARAGRAPHS) + "\n"


def many_findings(path: Path, paragraphs: int = 3_000) -> Path:
    """A file whose every paragraph comes twice: thousands of findings, a long diff."""
    draw = random.Random(paragraphs)
    words = [
        "the",
        "harbour",
        "council",
        "voted",
        "budget",
        "item",
        "city",
        "report",
        "debate",
        "district",
    ]
    text = [" ".join(draw.choices(words, k=30)) + f" {i}." for i in range(paragraphs)]
    path.write_text("\n\n".join(text + text) + "\n")
    return path


def command(
    args: Sequence[str], cwd: Path, *, env: dict[str, str] | None = None, **popen: object
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [installed_command(), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=popen.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        **popen,
    )


def run(args: Sequence[str], cwd: Path, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [installed_command(), *args], cwd=cwd, capture_output=True, timeout=120, **options
    )


# --- item 3: special files, limits while reading --------------------------------------------


@pytest.mark.parametrize(
    "mode", [["--in-place"], ["--out-dir", "out"], ["--check"], ["--format", "jsonl"]]
)
def test_a_fifo_in_a_directory_is_reported_and_never_opened(
    tmp_path: Path, mode: list[str]
) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(CLEAN)
    os.mkfifo(tree / "pipe.txt")  # opening it would wait for a writer for ever
    done = run(["tree", *mode], tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"tree/pipe.txt: a FIFO, not a regular file; skipped" in done.stderr


def test_dev_zero_without_a_size_limit_is_refused_by_its_first_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPEATED)
    limit = 512 << 20  # address space: reading /dev/zero whole would pass it in a second
    done = run(
        ["/dev/zero", "a.txt", "--in-place", "--max-size", "0", "-q"],
        tmp_path,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit << 2, limit << 2)),
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "/dev/zero: looks like binary data (it contains NUL bytes), not text"
    ]
    assert (tmp_path / "a.txt").read_text() == CLEAN  # the other file was cleaned


@pytest.mark.parametrize("mode", ["--check", "--fix", "--diff"])
def test_max_size_applies_to_check_and_fix(tmp_path: Path, mode: str) -> None:
    (tmp_path / "a.md").write_text(REPEATED)
    done = run([mode, "--max-size", "1K", "a.md"], tmp_path)
    assert done.returncode == 2
    assert "a.md: larger than 1 KiB" in done.stderr.decode()
    assert (tmp_path / "a.md").read_text() == REPEATED
    assert run([mode, "--max-size", "64K", "a.md"], tmp_path).returncode == 1


# --- item 7: symbolic links ---------------------------------------------------------------


def test_fix_writes_through_a_symlink_named_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text(REPEATED)
    (tmp_path / "link.md").symlink_to("real.md")
    done = run(["--fix", "link.md"], tmp_path)
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert os.readlink(tmp_path / "link.md") == "real.md"
    assert (tmp_path / "real.md").read_text() == CLEAN


@pytest.mark.parametrize("mode", ["--check", "--fix"])
def test_check_and_fix_of_a_directory_never_follow_links_out_of_it(
    tmp_path: Path, mode: str
) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(REPEATED)
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "link.md").symlink_to("../outside/secret.md")
    (tmp_path / "tree" / "folder").symlink_to("../outside", target_is_directory=True)
    done = run([mode, "tree"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    assert (tmp_path / "outside" / "secret.md").read_text() == REPEATED
    assert (tmp_path / "tree" / "link.md").is_symlink()


# --- item 8: owner and group --------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
@pytest.mark.parametrize("mode", [["--fix", "a.md"], [".", "--in-place", "--include", "*.md"]])
def test_a_rewrite_keeps_owner_group_and_mode(tmp_path: Path, mode: list[str]) -> None:
    target = tmp_path / "a.md"
    target.write_text(REPEATED)
    os.chown(target, 1234, 5678)
    os.chmod(target, 0o640)
    done = run(mode, tmp_path)
    assert done.returncode in (0, 1), done.stderr
    status = target.stat()
    assert target.read_text() == CLEAN
    assert (status.st_uid, status.st_gid, status.st_mode & 0o7777) == (1234, 5678, 0o640)


# --- item 9: one unreadable input -----------------------------------------------------------


def test_an_unreadable_file_is_no_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """click's readable=True refused the whole command line when one file was unreadable."""
    (tmp_path / "a.txt").write_text(REPEATED)
    (tmp_path / "b.txt").write_text(REPEATED)
    unreadable = str(tmp_path / "b.txt")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: path != unreadable and real_access(path, mode, **kw)
    )
    result = CliRunner().invoke(cli, [str(tmp_path / "a.txt"), unreadable, "--in-place"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.txt").read_text() == CLEAN


def test_one_bad_input_of_several_is_reported_and_the_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPEATED)
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    (tmp_path / "c.txt").write_text(CLEAN)
    done = run(["a.txt", "bad.txt", "c.txt"], tmp_path)
    assert done.returncode == 2
    assert done.stdout.decode() == CLEAN + CLEAN
    assert done.stderr.decode().splitlines() == [
        "artclean: error: bad.txt: not valid utf-8 at byte 3 (invalid continuation byte); "
        "use --errors replace to replace bad bytes, or --encoding to name the encoding"
    ]


# --- item 10: --fix counts what it wrote ----------------------------------------------------


def test_fix_reports_a_failed_write_and_does_not_count_it(tmp_path: Path) -> None:
    many_findings(tmp_path / "big.md", 300)
    (tmp_path / "small.md").write_text(REPEATED)
    limit = 8 << 10  # ulimit -f: small.md's clean text fits, big.md's does not

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run(["--fix", "big.md", "small.md"], tmp_path, preexec_fn=small_files)
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert "artclean: error: big.md: cannot write (File too large)" in lines
    assert lines[-1] == "artclean: fixed 1 of 2 files (removed: duplicate 8)"
    assert (tmp_path / "small.md").read_text() == CLEAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.md", "small.md"]


# --- item 11: names -----------------------------------------------------------------------


def test_printable_names() -> None:
    assert printable("notes/été 2024.md") == "notes/été 2024.md"
    assert printable(os.fsdecode(b"caf\xe9.md")) == "caf\\xe9.md"
    assert printable("a\nb.md:1:1: duplicate: fake") == "a\\nb.md:1:1: duplicate: fake"
    assert printable("\x1b[2Jx\u202etxt.md") == "\\x1b[2Jx\\u202etxt.md"
    assert printable("back\\slash") == "back\\\\slash"
    assert json_name(os.fsdecode(b"caf\xe9.md")) == "caf\\xe9.md"
    assert json_name("a\nb") == "a\nb"  # JSON escapes it itself


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in (b"caf\xe9.md", b"two\nlines.md", b"esc\x1b[31mape.md"):
        (tree / os.fsdecode(name)).write_text(REPEATED)
    return tree


@pytest.mark.parametrize(
    "args",
    [
        ["--check", "tree"],
        ["--diff", "tree"],
        ["tree", "--format", "jsonl"],
        [os.fsdecode(b"tree/caf\xe9.md"), "--format", "json"],
        [os.fsdecode(b"tree/caf\xe9.md"), "--explain"],
    ],
    ids=["check", "diff", "jsonl", "json", "explain"],
)
def test_names_that_are_not_utf8_or_hold_controls_never_crash_and_stay_on_their_line(
    odd_names: Path, args: list[str]
) -> None:
    done = run(args, odd_names.parent, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert done.returncode in (1, 0) and b"Traceback" not in done.stderr, done.stderr
    output = done.stdout.decode("utf-8")  # strict: nothing but UTF-8 came out
    if args[-1] == "jsonl":
        sources = [json.loads(line)["source"] for line in output.splitlines()]
        assert sources == ["tree/caf\\xe9.md", "tree/esc\x1b[31mape.md", "tree/two\nlines.md"]
        return
    if args[-1] == "json":
        assert json.loads(output)["source"] == "tree/caf\\xe9.md"
        return
    assert "caf\\xe9.md" in output
    assert "\x1b" not in output
    if args[0] == "--check":
        for line in output.splitlines():
            assert line.startswith(
                ("tree/caf\\xe9.md:", "tree/esc\\x1b[31mape.md:", "tree/two\\nlines.md:")
            )


# --- item 12: workers, SIGTERM, Ctrl-C, temporary files ------------------------------------


def a_tree(root: Path, files: int = 60, paragraphs: int = 400) -> Path:
    tree = root / "tree"
    tree.mkdir()
    for n in range(files):
        lines = [
            f"File {n}, line {i}: the harbour council voted on item {i * 11}."
            for i in range(paragraphs)
        ]
        (tree / f"f{n:03d}.txt").write_text("\n\n".join(lines + lines[:50]) + "\n")
    return tree


def descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *descendants(child)]
    return found


def wait_for(condition: Callable[[], object], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            pytest.fail("timed out")
        time.sleep(0.01)


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")


@pytest.mark.slow
@needs_proc
def test_a_killed_worker_is_one_line_and_exit_2(tmp_path: Path) -> None:
    a_tree(tmp_path, files=150)
    process = command(["tree", "--out-dir", "out", "-j", "2"], tmp_path)
    # Children of the main process: the resource tracker and the fork server; the workers
    # are the fork server's children. One is killed while it works, as the OOM killer does.
    wait_for(lambda: len(descendants(process.pid)) >= 4)
    time.sleep(0.5)
    os.kill(descendants(process.pid)[-1], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    text = stderr.decode()
    assert process.returncode == 2, text
    assert "Traceback" not in text and "leaked" not in text
    problems = [line for line in text.splitlines() if "worker" in line]
    assert len(problems) == 1
    assert "a worker process died (killed, perhaps for lack of memory)" in problems[0]


@pytest.mark.slow
@needs_proc
def test_sigterm_is_handled_like_ctrl_c_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    tree = a_tree(tmp_path, files=200)
    process = command([".", "--in-place", "-j", "2"], tree)
    wait_for(lambda: len(descendants(process.pid)) >= 3)
    time.sleep(1)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    text = stderr.decode()
    assert process.returncode == 143, text
    assert text.splitlines()[-1] == "artclean: terminated"
    assert "Traceback" not in text and "leaked" not in text
    assert [p.name for p in tree.iterdir() if p.name.startswith(".")] == []


def test_sigterm_while_reading_writes_no_output(tmp_path: Path) -> None:
    process = command(["-o", "out.txt"], tmp_path, stdin=subprocess.PIPE)
    assert process.stdin is not None
    process.stdin.write(CLEAN.encode())
    process.stdin.flush()
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (143, b"artclean: terminated\n")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_prints_one_line_and_no_empty_one(tmp_path: Path) -> None:
    process = command([], tmp_path, stdin=subprocess.PIPE)
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (130, b"artclean: interrupted\n")


@needs_proc
def test_ctrl_c_to_the_whole_group_as_workers_start_prints_no_traceback(tmp_path: Path) -> None:
    a_tree(tmp_path)
    process = command(["tree", "--out-dir", "out", "-j", "2"], tmp_path, start_new_session=True)
    wait_for(lambda: len(descendants(process.pid)) >= 1)  # the fork server is starting
    os.killpg(process.pid, signal.SIGINT)  # as the terminal sends Ctrl-C: to every process
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (130, b"artclean: interrupted\n")


def test_temporary_files_of_processes_that_are_gone_are_removed(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(REPEATED)
    dead = subprocess.Popen(["true"])
    dead.wait()
    gone = dead.pid
    stale = tree / f".a.txt.artclean-{gone}-x1y2z3.tmp"
    live = tree / f".a.txt.artclean-{os.getpid()}-x1y2z3.tmp"
    other = tree / ".a.txt.kept.tmp"
    for path in (stale, live, other):
        path.write_text("partial")
    done = run(["tree", "--in-place"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert not stale.exists() and live.exists() and other.exists()
    stale.write_text("partial")
    assert sweep_temporaries(tree) == 1


# --- item 13 and issue 13 item 3: write failures and lost readers, in every output mode -----


OUTPUT_MODES = {
    "text": ["big.md"],
    "jsonl": ["big.md", "big.md", "--format", "jsonl"],
    "explain": ["big.md", "--explain"],
    "check": ["--check", "big.md"],
    "diff": ["--diff", "big.md"],
    "batch-jsonl": [".", "--format", "jsonl", "--include", "*.md"],
    "records": ["records.jsonl", "--input-format", "jsonl"],
}


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    many_findings(tmp_path / "big.md")
    many_findings(tmp_path / "other.md", 500)
    record = json.dumps({"text": REPEATED})
    (tmp_path / "records.jsonl").write_text((record + "\n") * 3_000)
    return tmp_path


# The default test run takes one mode of each kind; CI's slow step takes them all.
QUICK_MODES = ("text", "check")
MODES = [
    pytest.param(mode, marks=() if mode in QUICK_MODES else pytest.mark.slow)
    for mode in OUTPUT_MODES
]


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("mode", MODES)
def test_a_reader_that_stops_after_one_line_gives_141(
    outputs: Path, mode: str, unbuffered: bool
) -> None:
    env = {"PYTHONUNBUFFERED": "1"} if unbuffered else {}
    process = command(OUTPUT_MODES[mode], outputs, env=env)
    assert process.stdout is not None
    process.stdout.readline()  # part of one large write, at most
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 141, stderr
    assert b"Traceback" not in stderr and b"error" not in stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("mode", MODES)
def test_a_full_device_on_stdout_is_one_line_and_exit_2(
    outputs: Path, mode: str, unbuffered: bool
) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"} if unbuffered else None
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [installed_command(), *OUTPUT_MODES[mode]],
            cwd=outputs,
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
        )
    assert done.returncode == 2
    errors = [line for line in done.stderr.decode().splitlines() if "error" in line]
    assert errors == ["artclean: error: standard output: cannot write (No space left on device)"]
    assert "Traceback" not in done.stderr.decode()


@pytest.mark.parametrize("target", ["out.jsonl", "out.jsonl.gz"])
@pytest.mark.parametrize("mode", ["batch-jsonl", "records"])
def test_a_file_too_large_for_the_disk_is_one_line_and_no_temporary_file(
    outputs: Path, mode: str, target: str
) -> None:
    limit = 16 << 10

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    (outputs / "records.jsonl").write_text(
        "".join(json.dumps({"text": f"{i} {os.urandom(200).hex()}"}) + "\n" for i in range(400))
    )
    done = run([*OUTPUT_MODES[mode], "-o", target, "-q"], outputs, preexec_fn=small_files)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"artclean: error: {target}: cannot write (File too large)"
    ]
    assert not [p for p in outputs.iterdir() if p.name.startswith((".", "out"))]


if sys.platform != "linux":  # pragma: no cover
    pytestmark = pytest.mark.skip(reason="Linux process and file semantics")
