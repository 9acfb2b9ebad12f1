"""JSONL corpora: `artclean --input-format jsonl`, streamed, fields kept, bad lines reported."""

from __future__ import annotations

import gzip
import io
import json
import selectors
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from artclean.cli import main
from artclean.jsonl import TooLong, line_batches

SYNDICATED = "A short article about the harbour.\nThis article originally appeared in The Times."
CLEAN = "A body paragraph that needs no cleaning at all."


def run(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """`artclean ARGS` through main(): status, stdout as bytes (records pass through as they
    came, valid UTF-8 or not), stderr as text."""
    with CliRunner().isolation(input=stdin) as streams:
        status = main(list(args))
    return status, streams[0].getvalue(), streams[1].getvalue().decode()


def record(**fields: object) -> bytes:
    return json.dumps(fields).encode() + b"\n"


def test_the_text_field_is_cleaned_and_other_fields_pass_through_in_order() -> None:
    line = record(id=7, text=SYNDICATED, url="https://example.com/a", meta={"lang": "en"})
    status, stdout, stderr = run("--input-format", "jsonl", "-q", stdin=line)
    assert (status, stderr) == (0, "")
    assert json.loads(stdout) == {
        "id": 7,
        "text": "A short article about the harbour.",
        "url": "https://example.com/a",
        "meta": {"lang": "en"},
    }
    assert list(json.loads(stdout)) == ["id", "text", "url", "meta"]


def test_an_unchanged_record_is_written_back_byte_for_byte() -> None:
    line = b'{"text":"' + CLEAN.encode() + b'",  "n":1.50, "s":"caf\\u00e9"}\n'
    assert run("--input-format", "jsonl", "-q", stdin=line)[1] == line


def test_format_json_adds_the_result_under_the_artclean_key() -> None:
    line = record(text=SYNDICATED, id=1)
    _, stdout, _ = run("--input-format", "jsonl", "--format", "json", "-q", stdin=line)
    data = json.loads(stdout)
    assert list(data) == ["text", "id", "artclean"]
    assert list(data["artclean"]) == ["source", "kept", "removed", "stats"]
    assert data["artclean"]["source"] == "<stdin>:1"
    assert [r["kind"] for r in data["artclean"]["removed"]] == ["syndication"]


def test_another_text_field() -> None:
    line = record(body=SYNDICATED, text="left alone")
    _, stdout, _ = run("--input-format", "jsonl", "--text-field", "body", "-q", stdin=line)
    assert json.loads(stdout) == {
        "body": "A short article about the harbour.",
        "text": "left alone",
    }


BAD = (
    record(text=SYNDICATED, id=1)
    + b"this is not json\n"
    + record(id=3)
    + record(text=None, id=4)
    + b"[1, 2]\n"
    + b"\n"
    + b'{"text": "caf\xe9"}\n'
    + record(text=CLEAN, id=8)
)
PROBLEMS = [
    "<stdin>:2: not JSON (Expecting value at column 1)",
    "<stdin>:3: no 'text' field",
    "<stdin>:4: 'text' is null, not a string",
    "<stdin>:5: not a JSON object but an array",
    "<stdin>:7: not valid UTF-8 at byte 13 of the line",
]


def test_malformed_lines_are_reported_and_passed_through() -> None:
    status, stdout, stderr = run("--input-format", "jsonl", "-q", stdin=BAD)
    assert status == 2
    assert stderr.splitlines() == PROBLEMS
    lines = stdout.split(b"\n")
    assert lines[1:7] == BAD.split(b"\n")[1:7]
    assert json.loads(lines[7])["id"] == 8


def test_malformed_lines_can_be_skipped() -> None:
    args = ["--input-format", "jsonl", "--on-bad-line", "skip", "-q"]
    status, stdout, stderr = run(*args, stdin=BAD)
    assert status == 2
    assert stderr.splitlines() == PROBLEMS
    assert [json.loads(line)["id"] for line in stdout.splitlines()] == [1, 8]


def test_gzip_input_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(record(text=SYNDICATED) * 3))
    status, stdout, _ = run(str(path), "--input-format", "jsonl", "-q")
    assert status == 0
    assert stdout == b'{"text": "A short article about the harbour."}\n' * 3
    assert run("--input-format", "jsonl", "-q", stdin=path.read_bytes())[1] == stdout


def test_directories_files_and_stdin_make_one_stream_in_order(tmp_path: Path) -> None:
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "b.jsonl").write_bytes(record(id="b"))
    (tmp_path / "shards" / "a.jsonl.gz").write_bytes(gzip.compress(record(id="a")))
    (tmp_path / "shards" / "skip.txt").write_bytes(record(id="no"))
    args = [str(tmp_path / "shards"), "-", "--input-format", "jsonl", "--text-field", "id"]
    status, stdout, _ = run(*args, "-q", stdin=record(id="c"))
    assert status == 0
    assert [json.loads(line)["id"] for line in stdout.splitlines()] == ["a", "b", "c"]


def test_output_file_may_be_gzip_compressed(tmp_path: Path) -> None:
    out = tmp_path / "clean.jsonl.gz"
    run("--input-format", "jsonl", "-o", str(out), "-q", stdin=record(text=SYNDICATED))
    assert gzip.decompress(out.read_bytes()) == b'{"text": "A short article about the harbour."}\n'


def test_a_text_without_a_final_line_break_gets_none() -> None:
    _, stdout, _ = run("--input-format", "jsonl", "-q", stdin=record(text=SYNDICATED + "\n"))
    assert json.loads(stdout)["text"] == "A short article about the harbour.\n"


def pages(site: str, count: int, footer: str) -> bytes:
    lines = b""
    for n in range(count):
        text = (
            f"Story {n} of {site}: the council met and voted on the budget for the bridge.\n\n"
            f"The mayor said on day {n} that the harbour would reopen before the summer.\n\n"
            f"{footer}"
        )
        lines += record(url=f"https://www.{site}/story/{n}", text=text)
    return lines


FOOTER = "The Daily Bugle is produced by the staff at 5 Market Street in Springfield."


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_templates_are_learned_per_site(tmp_path: Path, jobs: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(pages("bugle.com", 6, FOOTER) + pages("herald.com", 2, FOOTER))
    args = [str(corpus), "--input-format", "jsonl", "--format", "json", "--learn-templates"]
    status, stdout, _ = run(*args, "--jobs", jobs, "-q")
    assert status == 0
    results = [json.loads(line) for line in stdout.splitlines()]
    bugle = results[0]["artclean"]["removed"]
    assert [(r["kind"], r["reason"]) for r in bugle] == [
        ("template", "recurs in 6 documents of bugle.com")
    ]
    assert FOOTER in results[6]["text"]  # two pages of herald.com: too few to tell


def test_the_site_field_can_be_named(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.loads(line) for line in pages("bugle.com", 6, FOOTER).splitlines()]
    corpus.write_bytes(b"".join(record(source="all", text=r["text"]) for r in lines))
    args = [str(corpus), "--input-format", "jsonl", "--learn-templates", "--site-field", "source"]
    _, stdout, _ = run(*args, "--template-min-docs", "6", "-q")
    assert FOOTER.encode() not in stdout


def test_jsonl_is_utf_8() -> None:
    status, _, stderr = run("--input-format", "jsonl", "--encoding", "latin-1", stdin=b"")
    assert (status, stderr) == (
        2,
        "artclean: error: JSONL is UTF-8 by definition; --encoding applies to text input\n",
    )


def test_learning_templates_needs_files_not_stdin() -> None:
    status, _, stderr = run("--input-format", "jsonl", "--learn-templates", stdin=b"")
    assert status == 2
    assert "needs files, not stdin" in stderr


def test_jobs_1_and_2_give_identical_streams() -> None:
    corpus = b"".join(
        record(id=n, text=f"Paragraph {n} of a story about the river.\n{SYNDICATED}")
        for n in range(500)
    )
    one = run("--input-format", "jsonl", "--jobs", "1", "--format", "json", "-q", stdin=corpus)
    two = run("--input-format", "jsonl", "--jobs", "2", "--format", "json", "-q", stdin=corpus)
    assert one == two
    assert len(one[1].splitlines()) == 500


def test_a_binary_file_is_refused_and_the_rest_cleaned(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "b.jsonl").write_bytes(record(text=SYNDICATED))
    status, stdout, stderr = run(str(tmp_path), "--input-format", "jsonl", "-q")
    assert status == 2
    assert stderr == f"{tmp_path / 'a.jsonl'}: looks like a PNG image, not JSONL\n"
    assert json.loads(stdout)["text"] == "A short article about the harbour."


def test_the_first_record_comes_out_before_the_input_ends() -> None:
    """A producer writes one record and waits: its cleaned record must arrive first."""
    script = Path(sys.executable).with_name("artclean")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "artclean"]
    process = subprocess.Popen(
        [*command, "--input-format", "jsonl", "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(record(id=1, text=SYNDICATED))
        process.stdin.flush()
        # Not a timing test: the generous limit only keeps a broken build from hanging.
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            assert selector.select(timeout=120), "no output while the input stayed open"
        first = process.stdout.readline()
        assert process.poll() is None  # still running: the input is not finished
        process.stdin.write(record(id=2, text=SYNDICATED))
        process.stdin.close()
        rest = process.stdout.read()
    finally:
        if process.poll() is None and not process.stdin.closed:
            process.kill()
        process.wait(timeout=120)
    assert json.loads(first) == {"id": 1, "text": "A short article about the harbour."}
    assert json.loads(rest) == {"id": 2, "text": "A short article about the harbour."}
    assert process.returncode == 0


class Trickle(io.RawIOBase):
    """A stream that hands out a few bytes per read, as a pipe from a slow producer does."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step = data, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        piece, self.data = self.data[: self.step], self.data[self.step :]
        buffer[: len(piece)] = piece
        return len(piece)


@pytest.mark.parametrize("step", [1, 3, 1000])
def test_lines_split_across_reads_come_out_whole_and_numbered(step: int) -> None:
    data = b'\xef\xbb\xbf{"a": 1}\r\n{"b": 2}\n\n{"c": 3}'
    stream = io.BufferedReader(Trickle(data, step), buffer_size=step)
    batches = list(line_batches(stream, "x.jsonl"))
    numbered = [
        (batch.first_line + offset, line)
        for batch in batches
        for offset, line in enumerate(batch.lines)
    ]
    assert numbered == [
        (1, b'\xef\xbb\xbf{"a": 1}\r'),
        (2, b'{"b": 2}'),
        (3, b""),
        (4, b'{"c": 3}'),
    ]


@pytest.mark.parametrize("step", [1, 3, 7, 1000])
def test_a_line_over_the_limit_is_counted_not_kept_wherever_the_reads_split_it(
    step: int,
) -> None:
    data = b"0123456789\n" + b"x" * 25 + b"\n12345678\n" + b"y" * 11 + b"\nlast"
    stream = io.BufferedReader(Trickle(data, step), buffer_size=step)
    lines = [
        line for batch in line_batches(stream, "x", size=step, limit=10) for line in batch.lines
    ]
    assert lines == [b"0123456789", TooLong(25, 10), b"12345678", TooLong(11, 10), b"last"]


def descendants(pid: int) -> set[int]:
    """The processes below `pid`, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def running(pids: set[int]) -> set[int]:
    """Those of `pids` that still run (a zombie has ended, it only waits to be reaped)."""
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_end_when_the_main_process_is_killed() -> None:
    script = Path(sys.executable).with_name("artclean")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "artclean"]
    process = subprocess.Popen(
        [*command, "--input-format", "jsonl", "--jobs", "2", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(record(id=1, text=SYNDICATED))
    process.stdin.flush()
    process.stdout.readline()  # the workers are up and have cleaned a record
    workers = descendants(process.pid)
    assert len(workers) >= 2
    process.kill()
    process.wait()
    # Not a timing test: the limit only keeps a broken build from hanging the suite.
    deadline = time.monotonic() + 120
    while running(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(workers)
    process.stdin.close()
    process.stdout.close()
