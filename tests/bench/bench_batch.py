"""Batch benchmark: a directory of generated pages, then a JSONL stream of at least 1 GB.

    python tests/bench/bench_batch.py                  # 5,000 files and a 1 GiB stream
    python tests/bench/bench_batch.py --files 500 --jsonl-mb 50   # a quick look

Prints, for the directory: files/s and MB/s with --jobs 1 and --jobs 2, the ratio, and
whether the two output trees are byte-identical; the same run with --learn-templates. For
the stream (read from stdin, written to /dev/null): wall time, MB/s and peak memory, as
getrusage(RUSAGE_CHILDREN) reports it and as sampled from /proc for the whole process tree
(the main process and its workers). The machine may be shared: the CPU seconds of each run's
process tree and a pure-Python baseline tell its figures apart from the load of others, and
the main process's own CPU is what two workers cannot share out. On Linux with autogroup
(/proc/sys/kernel/sched_autogroup_enabled), `nice` orders processes only within one session:
another session's work at nice 19 still takes an equal share of the CPUs (see
docs/benchmarks.md, "Fifth round").
Generated data goes under --workdir and is deleted. Last, in this process, where a JSONL
record's time goes: the JSON work of the stream (read, encode, splice) against cleaning, and
what orjson would change, when it is installed (--json-mb 0 skips it).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Generator

ARTCLEAN = str(Path(sys.executable).with_name("artclean"))
MB = 1e6
TICKS = os.sysconf("SC_CLK_TCK")


def spin(count: int) -> int:
    total = 0
    for n in range(count):
        total += n * n
    return total


def cpu_baseline() -> float:
    """How much faster two processes run a pure-Python loop than one, on this machine now:
    the best ratio --jobs 2 could reach (other load on the machine lowers it)."""
    import multiprocessing

    work = [5_000_000] * 4
    start = time.perf_counter()
    for count in work:
        spin(count)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(spin, work)
        parallel = time.perf_counter() - start
    return serial / parallel


def tree_digest(root: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
            count += 1
    return count, digest.hexdigest()


@dataclass
class Run:
    """One run of artclean, watched from /proc: its whole process tree (main, workers)."""

    seconds: float = 0.0
    stderr: str = ""
    peak_total: int = 0  # largest sum of VmRSS over the tree, bytes
    peak_pss: int = 0  # largest sum of Pss (shared pages divided among their users), bytes
    peak_process: int = 0  # largest VmHWM of any one process, bytes
    cpu: dict[int, float] = field(default_factory=dict)  # last user+system seconds per pid
    main: int = 0  # the pid of the main process

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    @property
    def main_cpu_seconds(self) -> float:
        """The main process's own CPU: what it does before and after the workers, and
        while they run (reading, sending, ordering, writing), which --jobs cannot share out."""
        return self.cpu.get(self.main, 0.0)


def _tree(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    members = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in members and pid not in members:
                members.add(pid)
                grew = True
    return members


def _sample(root: int, run: Run) -> None:
    total = pss = 0
    for pid in _tree(root):
        with contextlib.suppress(OSError, IndexError, ValueError):
            status = Path(f"/proc/{pid}/status").read_text()
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            total += int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
            hwm = int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
            run.peak_process = max(run.peak_process, hwm)
            ticks = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13]
            run.cpu[pid] = sum(int(t) for t in ticks) / TICKS
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            found = re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE)
            pss += int(found.group(1)) * 1024 if found else 0
    run.peak_total = max(run.peak_total, total)
    run.peak_pss = max(run.peak_pss, pss)


def watched(command: list[str], stdin: Path | None = None) -> Run:
    """Run `command` (stdout to /dev/null), sampling its process tree every 0.1 s."""
    run = Run()
    finished = threading.Event()
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(stdin.open("rb")) if stdin else subprocess.DEVNULL
        sink = stack.enter_context(open(os.devnull, "wb"))
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=sink, stderr=subprocess.PIPE)
        run.main = process.pid

        def sample() -> None:
            while not finished.wait(0.1):
                _sample(process.pid, run)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        run.seconds = time.perf_counter() - start
        finished.set()
        sampler.join()
    run.stderr = stderr.decode()
    assert process.returncode == 0, run.stderr
    return run


def directory(workdir: Path, files: int) -> None:
    tree = workdir / "tree"
    size = Generator().write_tree(tree, files)
    print(f"directory: {files:,} files, {size / MB:.1f} MB, 50 sites ({tree})")
    runs = {}
    digests = {}
    for jobs in (1, 2):
        out = workdir / f"out-jobs{jobs}"
        command = [ARTCLEAN, str(tree), "--out-dir", str(out), "--jobs", str(jobs), "-q"]
        runs[jobs] = run = watched(command)
        digests[jobs] = tree_digest(out)
        print(
            f"  --jobs {jobs}: {run.seconds:6.2f} s  {files / run.seconds:6.1f} files/s  "
            f"{size / MB / run.seconds:5.2f} MB/s  CPU {run.cpu_seconds:6.2f} s "
            f"(main process {run.main_cpu_seconds:4.2f} s)   $ {' '.join(command)}"
        )
    print(f"  ratio of wall times, jobs 1 / jobs 2: {runs[1].seconds / runs[2].seconds:.2f}x")
    print(
        f"  CPU seconds of the whole process tree, jobs 2 / jobs 1: "
        f"{runs[2].cpu_seconds / runs[1].cpu_seconds:.2f} (the cost of parallelism)"
    )
    same = digests[1] == digests[2]
    print(
        f"  --jobs 2 output byte-identical to --jobs 1: {'yes' if same else 'NO'} "
        f"({digests[1][0]:,} files, sha256 {digests[1][1][:16]})"
    )
    out = workdir / "out-templates"
    command = [ARTCLEAN, str(tree), "--out-dir", str(out), "--jobs", "2", "--learn-templates"]
    run = watched(command)
    template = re.search(r"removed: template\s+([\d,]+)", run.stderr)
    print(
        f"  --jobs 2 --learn-templates: {run.seconds:6.2f} s  {files / run.seconds:6.1f} files/s"
        f"  CPU {run.cpu_seconds:6.2f} s; paragraphs removed as template: "
        f"{template.group(1) if template else 0}"
    )
    shutil.rmtree(tree)
    for path in workdir.glob("out-*"):
        shutil.rmtree(path)


def stream(workdir: Path, megabytes: int, jobs: int) -> None:
    corpus = workdir / "corpus.jsonl"
    start = time.perf_counter()
    size = Generator().write_jsonl(corpus, megabytes * 1024 * 1024)
    records = sum(1 for _ in corpus.open("rb"))
    print(
        f"jsonl stream: {size / MB:,.1f} MB, {records:,} records "
        f"(generated in {time.perf_counter() - start:.0f} s into {corpus})"
    )
    command = [ARTCLEAN, "--input-format", "jsonl", "--jobs", str(jobs)]
    run = watched(command, stdin=corpus)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    seen = re.search(r"records seen\s+([\d,]+)", run.stderr)
    print(f"  $ {' '.join(command)} < {corpus} > /dev/null")
    print(f"  records cleaned: {seen.group(1) if seen else '?'}")
    print(f"  wall time: {run.seconds:.1f} s, {size / MB / run.seconds:.2f} MB/s")
    print(
        f"  CPU seconds of the whole process tree: {run.cpu_seconds:.1f} s "
        f"(main process {run.main_cpu_seconds:.2f} s)"
    )
    print(f"  peak RSS, one process (getrusage RUSAGE_CHILDREN): {usage.ru_maxrss / 1024:.1f} MB")
    print(f"  peak RSS, one process (VmHWM sampled from /proc): {run.peak_process / MB:.1f} MB")
    print(f"  peak RSS, whole process tree (VmRSS summed, sampled): {run.peak_total / MB:.1f} MB")
    print(f"  peak PSS, whole process tree (shared pages divided): {run.peak_pss / MB:.1f} MB")
    corpus.unlink()


def json_path(megabytes: int) -> None:
    """Where a JSONL record's time goes, in this process: the JSON work of `jsonl.clean_line`
    (reading the record with the spans of its values, encoding the clean text, splicing it
    in) against cleaning the text; and what orjson, when installed, would do for the JSON."""
    from artclean.jsonl import read_record
    from artclean.jsonline import encode_value
    from artclean.pipeline import clean

    generator = Generator().records()
    lines: list[bytes] = []
    size = 0
    while size < megabytes * 1024 * 1024:
        lines.append(next(generator).rstrip(b"\n"))
        size += len(lines[-1]) + 1

    def best(work: Callable[[], object], runs: int = 3) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return min(times)

    found = [read_record(line, "text") for line in lines]
    texts = [record.fields["text"] for record in found]
    read = best(lambda: [read_record(line, "text") for line in lines])
    splice = best(lambda: [r.replaced({"text": encode_value(r.fields["text"])}) for r in found])
    sample = texts[: max(1, len(texts) // 10)]
    cleaning = best(lambda: [clean(text) for text in sample], 1) * len(texts) / len(sample)
    print(f"json path: {size / MB:.1f} MB, {len(lines):,} records, in one process")
    print(f"  read the record and the spans of its values: {size / MB / read:7.1f} MB/s")
    print(f"  encode the clean text and splice it in:      {size / MB / splice:7.1f} MB/s")
    print(f"  clean the text (a tenth of the records):     {size / MB / cleaning:7.2f} MB/s")
    json_share = (read + splice) / (read + splice + cleaning)
    print(f"  share of a record's time that is JSON: {json_share:.1%}")
    try:
        import orjson
    except ImportError:
        print("  orjson: not installed")
        return
    loads = best(lambda: [json.loads(line) for line in lines])
    fast_loads = best(lambda: [orjson.loads(line) for line in lines])
    dumps = best(lambda: [encode_value(text) for text in texts])
    fast_dumps = best(lambda: [orjson.dumps(text) for text in texts])
    print(f"  orjson.loads: {loads / fast_loads:.1f}x json.loads")
    print(f"  orjson.dumps: {dumps / fast_dumps:.1f}x encode_value (json.dumps)")
    print(f"  were the JSON work free, a record would take {1 - json_share:.1%} of its time now")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--jsonl-mb", type=int, default=1024, help="MiB of JSONL to stream")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the stream")
    parser.add_argument(
        "--json-mb", type=int, default=8, help="MiB of records for the JSON path (0: skip)"
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/artclean-bench"))
    arguments = parser.parse_args()
    workdir = arguments.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"artclean batch benchmark; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"CPU baseline: 2 processes run a pure-Python loop {cpu_baseline():.2f}x as fast as 1")
    try:
        if arguments.files:
            directory(workdir, arguments.files)
        if arguments.jsonl_mb:
            stream(workdir, arguments.jsonl_mb, arguments.jobs)
        if arguments.json_mb:
            json_path(arguments.json_mb)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
