"""Batch benchmark: a directory of generated pages, then a JSONL stream of at least 1 GB.

    python tests/bench/bench_batch.py                  # 5,000 files and a 1 GiB stream
    python tests/bench/bench_batch.py --files 500 --jsonl-mb 50   # a quick look

Prints, for the directory: files/s and MB/s with --jobs 1 and --jobs 2, the ratio, and
whether the two output trees are byte-identical; the same run with --learn-templates. For
the stream (read from stdin, written to /dev/null): wall time, MB/s and peak memory, as
getrusage(RUSAGE_CHILDREN) reports it and as sampled from /proc for the whole process tree
(the main process and its workers). Generated data goes under --workdir and is deleted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Generator

ARTCLEAN = str(Path(sys.executable).with_name("artclean"))
MB = 1e6


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


def timed(command: list[str], **kwargs: object) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start, done


def directory(workdir: Path, files: int) -> None:
    tree = workdir / "tree"
    size = Generator().write_tree(tree, files)
    print(f"directory: {files:,} files, {size / MB:.1f} MB, 50 sites ({tree})")
    seconds = {}
    digests = {}
    for jobs in (1, 2):
        out = workdir / f"out-jobs{jobs}"
        command = [ARTCLEAN, str(tree), "--out-dir", str(out), "--jobs", str(jobs), "-q"]
        seconds[jobs], done = timed(command)
        assert done.returncode == 0, done.stderr
        digests[jobs] = tree_digest(out)
        print(
            f"  --jobs {jobs}: {seconds[jobs]:6.2f} s  {files / seconds[jobs]:7.1f} files/s  "
            f"{size / MB / seconds[jobs]:5.2f} MB/s   $ {' '.join(command)}"
        )
    print(f"  ratio jobs 1 / jobs 2: {seconds[1] / seconds[2]:.2f}x")
    same = digests[1] == digests[2]
    print(
        f"  --jobs 2 output byte-identical to --jobs 1: {'yes' if same else 'NO'} "
        f"({digests[1][0]:,} files, sha256 {digests[1][1][:16]})"
    )
    out = workdir / "out-templates"
    command = [ARTCLEAN, str(tree), "--out-dir", str(out), "--jobs", "2", "--learn-templates"]
    took, done = timed(command)
    assert done.returncode == 0, done.stderr
    template = re.search(r"removed: template\s+([\d,]+)", done.stderr)
    print(
        f"  --jobs 2 --learn-templates: {took:6.2f} s  {files / took:7.1f} files/s; "
        f"paragraphs removed as template: {template.group(1) if template else 0}"
    )
    shutil.rmtree(tree)
    for path in workdir.glob("out-*"):
        shutil.rmtree(path)


def _tree_memory(root: int) -> tuple[int, int]:
    """(sum of VmRSS, largest VmHWM) in bytes over `root` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    members = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in members and pid not in members:
                members.add(pid)
                grew = True
    total = peak = 0
    for pid in members:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
        hwm = int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
        total += rss
        peak = max(peak, hwm)
    return total, peak


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
    peak_total = peak_process = 0
    with corpus.open("rb") as source, open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=sink, stderr=subprocess.PIPE)
        finished = threading.Event()

        def sample() -> None:
            nonlocal peak_total, peak_process
            while not finished.wait(0.1):
                total, peak = _tree_memory(process.pid)
                peak_total = max(peak_total, total)
                peak_process = max(peak_process, peak)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        seconds = time.perf_counter() - start
        finished.set()
        sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert process.returncode == 0, stderr
    seen = re.search(r"records seen\s+([\d,]+)", stderr.decode())
    print(f"  $ {' '.join(command)} < {corpus} > /dev/null")
    print(f"  records cleaned: {seen.group(1) if seen else '?'}")
    print(f"  wall time: {seconds:.1f} s, {size / MB / seconds:.2f} MB/s")
    print(f"  peak RSS, one process (getrusage RUSAGE_CHILDREN): {usage.ru_maxrss / 1024:.1f} MB")
    print(f"  peak RSS, one process (VmHWM sampled from /proc): {peak_process / MB:.1f} MB")
    print(f"  peak RSS, whole process tree (VmRSS summed, sampled): {peak_total / MB:.1f} MB")
    corpus.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--jsonl-mb", type=int, default=1024, help="MiB of JSONL to stream")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the stream")
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
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
