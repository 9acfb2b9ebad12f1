"""Dask benchmark: the same JSONL corpus through the local engine and through Dask.

    python tests/bench/bench_dask.py                     # 40 MB, 3 runs of each
    python tests/bench/bench_dask.py --mb 10 --runs 1    # a quick look
    python tests/bench/bench_dask.py --learn-templates   # both passes

Prints records/s and MB/s (of JSONL read), the median of --runs runs, for:
- local: `artclean CORPUS --input-format jsonl --jobs N -o FILE`, the plain CLI;
- dask: `artclean CORPUS --input-format jsonl --engine dask --jobs N --out-dir DIR`, which
  starts a local cluster of N worker processes and stops it, all inside the timing;
- dask on a running cluster: the same with `--scheduler ADDRESS` of a cluster started
  beforehand, as on a real cluster that outlives each job.
and whether the part files, read in name order, are byte-identical to the local output.
The machine may be shared, so beside wall-clock time each run's CPU seconds are measured:
of the command's process tree (for a cluster it starts, its workers too), and for the running
cluster also those of its workers and of this process, where its scheduler runs.
Generated data goes under --workdir and is deleted.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent))
from bench_batch import watched
from corpus import Generator

ARTCLEAN = str(Path(sys.executable).with_name("artclean"))
MB = 1e6


def timed(command: list[str], cpu_elsewhere: Callable[[], float] = lambda: 0.0) -> Run:
    """Wall-clock and CPU seconds of a command's process tree (sampled from /proc, as in
    bench_batch); `cpu_elsewhere` adds the processes it uses outside its tree."""
    before = cpu_elsewhere()
    run = watched(command)
    return Run(run.seconds, run.cpu_seconds + cpu_elsewhere() - before)


class Run(NamedTuple):
    wall: float
    cpu: float


def parts(out: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(out.glob("part-*.jsonl")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=40, help="corpus size in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--learn-templates", action="store_true")
    parser.add_argument("--workdir", default=None)
    options = parser.parse_args()

    from distributed import Client, LocalCluster

    work = Path(tempfile.mkdtemp(prefix="bench-dask-", dir=options.workdir))
    try:
        corpus = work / "corpus.jsonl"
        size = Generator(seed=1).write_jsonl(corpus, int(options.mb * MB))
        with corpus.open("rb") as stream:
            records = sum(1 for _ in stream)
        common = [ARTCLEAN, str(corpus), "--input-format", "jsonl", "-q"]
        if options.learn_templates:
            common.append("--learn-templates")
        jobs = ["--jobs", str(options.jobs)]
        print(
            f"corpus: {records:,} records, {size / MB:.1f} MB; {options.runs} runs each, "
            f"medians; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
            + (", --learn-templates" if options.learn_templates else "")
        )

        def local(run: int) -> list[str]:
            return [*common, *jobs, "-o", str(work / f"local-{run}.jsonl")]

        def dask(run: int, *more: str) -> list[str]:
            return [*common, "--engine", "dask", "--out-dir", str(work / f"dask-{run}"), *more]

        results: dict[str, list[Run]] = {"local": [], "dask": [], "dask, running": []}
        with (
            LocalCluster(
                n_workers=options.jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # not 8787
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            address = client.scheduler.address

            def cluster_cpu() -> float:
                workers = client.run(time.process_time)
                return sum(workers.values()) + time.process_time()

            for run in range(options.runs):
                # Interleaved, so that a change in the machine's load falls on all alike.
                results["local"].append(timed(local(run)))
                results["dask"].append(timed(dask(run, *jobs)))
                shutil.rmtree(work / f"dask-{run}")
                results["dask, running"].append(
                    timed(dask(run, "--scheduler", address), cluster_cpu)
                )
        for name, runs in results.items():
            wall = statistics.median(run.wall for run in runs)
            cpu = statistics.median(run.cpu for run in runs)
            print(
                f"{name:<14} {wall:6.1f} s  {records / wall:8,.0f} records/s  "
                f"{size / MB / wall:5.2f} MB/s  {cpu:6.1f} CPU s  "
                f"{records / cpu:6,.0f} records per CPU s   (wall: "
                + ", ".join(f"{run.wall:.1f}" for run in runs)
                + " s)"
            )
        for name in ("dask", "dask, running"):
            wall = statistics.median(run.wall for run in results["local"]) / statistics.median(
                run.wall for run in results[name]
            )
            cpu = statistics.median(run.cpu for run in results[name]) / statistics.median(
                run.cpu for run in results["local"]
            )
            print(f"{name} / local: {wall:.2f}x the rate, {cpu:.2f}x the CPU time")
        same = all(
            parts(work / f"dask-{run}") == (work / f"local-{run}.jsonl").read_bytes()
            for run in range(options.runs)
        )
        print(f"part files identical to the local output: {'yes' if same else 'NO'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
