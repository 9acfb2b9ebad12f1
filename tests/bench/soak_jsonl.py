"""Soak test of the JSONL stream: a generated corpus with every kind of bad record, through
the installed `artclean --input-format jsonl` (a script, not a test: tests/bench is not
collected).

    python tests/bench/soak_jsonl.py                  # a 16 MiB corpus, about a minute
    python tests/bench/soak_jsonl.py --size 1G        # the figures in docs/reference/limits.md
    python tests/bench/soak_jsonl.py --bomb 10G       # one gzip file holding a 10 GiB record

The corpus is written to a temporary directory (or --keep DIR) in pieces, never held whole.
Every so many records it holds one of each kind a stream must survive: an integer of 5,000
digits, nesting 100,000 deep, a record over --max-size, a line that is not JSON, bytes that
are not UTF-8 (bad lines, reported and passed through), and records that must come out as
written but for their text: repeated keys, numbers a float cannot hold (1e400, 1E5,
0.1000000000000000055511151231257827), a CRLF line end; the file starts with a byte-order
mark. The run is checked, not only timed: every good record out once, in order, each odd one
byte for byte but its text, every bad one reported with its line number.

Printed: records in, out and failed (against what the corpus holds), the peak RSS of the
largest process of the tree (getrusage of the children, as /usr/bin/time -v reports it) and
of the whole tree (the sum over its processes, sampled from /proc), wall time and MB/s.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Generator

SYNDICATED = "Harbour news.\n\nThis article originally appeared in The Site Herald."
_UNITS = {"": 0, "K": 10, "M": 20, "G": 30}


def size_of(text: str) -> int:
    match = re.fullmatch(r"(\d+)([KMG]?)", text.strip().upper().removesuffix("B"))
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 64M or 1G")
    return int(match[1]) << _UNITS[match[2]]


@dataclass
class Expected:
    """What the corpus holds, as it was written."""

    records: int = 0  # lines that are not blank
    bad: dict[int, str] = field(default_factory=dict)  # line number: the kind of bad line
    odd: dict[int, bytes] = field(default_factory=dict)  # line number: the expected output
    good_ids: list[int] = field(default_factory=list)  # ids of records to come out cleaned
    bytes: int = 0


def odd_records(number: int) -> list[tuple[str, bytes, bytes | None]]:
    """(kind, line, the line expected out, None for a bad line) for each kind."""
    text = json.dumps(SYNDICATED).encode()
    clean = json.dumps(SYNDICATED.split("\n")[0]).encode()
    repeated = b'{"id": %d, "text": "the first stays", "text": TEXT}' % number
    numbers = (
        b'{"big": 1e400, "e": 1E5, "tiny": 0.1000000000000000055511151231257827, "text": TEXT}'
    )
    crlf = b'{"text": TEXT , "end": "CRLF"}\r'
    return [
        ("repeated keys", repeated.replace(b"TEXT", text), repeated.replace(b"TEXT", clean)),
        ("odd numbers", numbers.replace(b"TEXT", text), numbers.replace(b"TEXT", clean)),
        ("CRLF", crlf.replace(b"TEXT", text), crlf.replace(b"TEXT", clean)),
        ("huge integer", b'{"text": "x", "n": 1%s}' % (b"0" * 5000), None),
        ("deep nesting", b'{"text": "x", "n": %s1%s}' % (b"[" * 100_000, b"]" * 100_000), None),
        ("not JSON", b'{"text": "unterminated', None),
        ("not UTF-8", b'{"text": "caf\xe9"}', None),
    ]


def write_corpus(path: Path, size: int, every: int, limit: int) -> Expected:
    """About `size` bytes of good records, the odd ones every `every` records and a record over
    `limit` bytes (written in pieces) after the tenth and then every 100 * `every`."""
    expected = Expected()
    number = 0
    oversized = 0  # bytes of records over the limit, not counted in `size`
    with path.open("wb") as stream:

        def put(line: bytes) -> None:
            nonlocal number
            stream.write(line + b"\n")
            number += 1
            expected.records += 1
            expected.bytes += len(line) + 1

        stream.write(b"\xef\xbb\xbf")
        expected.bytes += 3
        for count, line in enumerate(Generator(seed=3).records()):
            if expected.bytes - oversized >= size:
                break
            put(line.removesuffix(b"\n"))
            expected.good_ids.append(count)
            if count % every == every - 1:
                for kind, odd, out in odd_records(count):
                    put(odd)
                    if out is None:
                        expected.bad[number] = kind
                    else:
                        expected.odd[number] = out
            if count % (100 * every) == 10:
                stream.write(b'{"text": "')
                piece = b"word " * (1 << 16)
                for _ in range(limit // len(piece) + 1):
                    stream.write(piece)
                stream.write(b'"}\n')
                number += 1
                expected.records += 1
                expected.bad[number] = "over --max-size"
                expected.bytes += (limit // len(piece) + 1) * len(piece) + 13
                oversized += (limit // len(piece) + 1) * len(piece) + 13
    return expected


def write_bomb(path: Path, size: int) -> Expected:
    """A gzip file: two records, one line of `size` letters, two records; in pieces."""
    expected = Expected()
    records = Generator(seed=4).records()
    with gzip.open(path, "wb", compresslevel=1) as stream:
        for position in range(5):
            if position == 2:
                piece = b"a" * (1 << 20)
                for _ in range(size >> 20):
                    stream.write(piece)
                stream.write(b"\n")
                expected.bad[3] = "over --max-size"
                expected.bytes += (size >> 20 << 20) + 1
            else:
                line = next(records)
                stream.write(line)
                expected.good_ids.append(json.loads(line)["id"])
                expected.bytes += len(line)
            expected.records += 1
    return expected


class TreeMemory:
    """The peak of the summed RSS of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(self.pid)))
            time.sleep(self.interval)

    def stop(self) -> int:
        self.done.set()
        self.thread.join()
        return self.peak


def _tree(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = {root}, {root}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _rss(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def run(command: list[str], out: Path) -> tuple[int, list[str], float, int, int]:
    """Run `command` with stdout to `out`: status, stderr lines, seconds, the peak RSS of its
    largest process and of its whole tree (bytes)."""
    started = time.monotonic()
    with out.open("wb") as stdout:
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
        memory = TreeMemory(process.pid)
        _, stderr = process.communicate()
    seconds = time.monotonic() - started
    tree = memory.stop()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return process.returncode, stderr.decode(errors="replace").splitlines(), seconds, largest, tree


def check(out: Path, expected: Expected, problems: list[str], source: str) -> list[str]:
    """What differs from what the corpus holds; empty if nothing."""
    wrong = []
    reported = {}
    for problem in problems:
        match = re.match(re.escape(source) + r":(\d+): ", problem)
        if match:
            reported[int(match[1])] = problem
        else:
            wrong.append(f"unexpected stderr line: {problem[:200]}")
    if sorted(reported) != sorted(expected.bad):
        missing = sorted(set(expected.bad) - set(reported))[:5]
        extra = sorted(set(reported) - set(expected.bad))[:5]
        wrong.append(f"bad lines reported wrongly: missing {missing}, unexpected {extra}")
    ids = []
    odd_out = []
    with out.open("rb") as stream:
        for line in stream:
            line = line.removeprefix(b"\xef\xbb\xbf")
            if line.startswith(b'{"id": ') and b'"url"' in line:
                ids.append(json.loads(line)["id"])
            elif line.removesuffix(b"\n") in expected.odd.values():
                odd_out.append(line)
    if ids != expected.good_ids:
        wrong.append(f"{len(ids)} good records out, {len(expected.good_ids)} in, or out of order")
    if len(odd_out) != len(expected.odd):
        wrong.append(f"{len(odd_out)} of {len(expected.odd)} odd records came out as written")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=size_of, default=size_of("16M"), help="corpus size")
    parser.add_argument("--bomb", type=size_of, help="instead: a gzip file of one such record")
    parser.add_argument("--every", type=int, default=2000, help="good records between odd ones")
    parser.add_argument("--max-size", default="64M", help="passed to artclean")
    parser.add_argument("--jobs", default="2", help="passed to artclean")
    parser.add_argument("--keep", type=Path, help="write the corpus and output here, and keep it")
    arguments = parser.parse_args()
    command = shutil.which("artclean", path=str(Path(sys.executable).parent)) or "artclean"
    folder = arguments.keep or Path(tempfile.mkdtemp(prefix="soak-jsonl-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.monotonic()
        if arguments.bomb:
            corpus = folder / "bomb.jsonl.gz"
            expected = write_bomb(corpus, arguments.bomb)
        else:
            corpus = folder / "corpus.jsonl"
            expected = write_corpus(
                corpus, arguments.size, arguments.every, size_of(arguments.max_size)
            )
        print(
            f"corpus: {corpus.stat().st_size / 1e6:,.1f} MB on disk, "
            f"{expected.bytes / 1e6:,.1f} MB of records, {expected.records:,} records "
            f"({len(expected.bad)} bad, {len(expected.odd)} odd), "
            f"written in {time.monotonic() - started:.0f} s"
        )
        args = [str(corpus), "--input-format", "jsonl", "--jobs", arguments.jobs, "-q"]
        args += ["--max-size", arguments.max_size]
        print("$ artclean " + " ".join(args) + " > out.jsonl")
        status, problems, seconds, largest, tree = run([command, *args], folder / "out.jsonl")
        out_lines = sum(1 for _ in (folder / "out.jsonl").open("rb"))
        print(
            f"records in {expected.records:,}, out {out_lines:,}, failed {len(problems):,} "
            f"(expected {len(expected.bad):,}); exit {status}"
        )
        print(
            f"peak RSS: {largest / 2**20:,.0f} MiB largest process, {tree / 2**20:,.0f} MiB "
            f"whole tree (sampled)"
        )
        print(f"time {seconds:,.1f} s, {expected.bytes / 1e6 / seconds:,.1f} MB/s")
        wrong = check(folder / "out.jsonl", expected, problems, str(corpus))
        if status != 2:
            wrong.append(f"exit {status}, not 2")
        for line in wrong:
            print(f"WRONG: {line}")
        print("ok" if not wrong else "FAILED")
        return 1 if wrong else 0
    finally:
        if arguments.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
