"""Run a command for at most SECONDS and read the memory of each process of its tree every second.

    python tests/bench/watch_tree.py [--settle 30] 170 samples.log -- artclean FILE.parquet \
        --input-format parquet --jobs 2 -o clean.parquet

Each second, one line in LOG: the tree's PSS, then each process as PID:PSS/RSS (MB, from
/proc/PID/smaps_rollup). At the end (the command done, or stopped with SIGINT as Ctrl-C
would), for the samples after the first --settle seconds: the median and peak of the tree's
PSS and of the main process's PSS and RSS, and each process's peak PSS.

PSS divides a page among every process that maps it, on the whole machine, so a process
outside the tree that loads the same libraries (pyarrow) lowers the PSS measured here; the
main process's RSS does not move with it. Nothing here imports pyarrow for that reason.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import time

MB = 1024


def tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def memory(pid: int) -> tuple[int, int] | None:
    """(PSS, RSS) of `pid` in MB, None once it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            text = rollup.read()
    except OSError:
        return None
    values = [re.search(rf"^{name}:\s+(\d+)", text, re.MULTILINE) for name in ("Pss", "Rss")]
    if not all(values):
        return None
    pss, rss = (int(value.group(1)) // MB for value in values if value)
    return pss, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seconds", type=float)
    parser.add_argument("log")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    parser.add_argument("--settle", type=float, default=30, help="seconds left out at first")
    arguments = parser.parse_args()
    command = arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
    start = time.monotonic()
    peaks: dict[int, int] = {}
    trees: list[int] = []
    main_pss: list[int] = []
    main_rss: list[int] = []
    with open(arguments.log, "w") as log:
        while process.poll() is None and time.monotonic() - start < arguments.seconds:
            total, parts = 0, []
            for pid in tree(process.pid):
                found = memory(pid)
                if found is None:
                    continue
                total += found[0]
                parts.append(f"{pid}:{found[0]}/{found[1]}")
                peaks[pid] = max(peaks.get(pid, 0), found[0])
                if pid == process.pid and time.monotonic() - start > arguments.settle:
                    main_pss.append(found[0])
                    main_rss.append(found[1])
            if time.monotonic() - start > arguments.settle:
                trees.append(total)
            print(f"{time.monotonic() - start:6.0f}s tree PSS {total} MB  {' '.join(parts)}",
                  file=log, flush=True)  # fmt: skip
            time.sleep(1)
    stopped = process.poll() is None
    if stopped:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(60)
    ended = "stopped" if stopped else f"exit {process.returncode}"
    print(f"{ended} after {time.monotonic() - start:.0f} s; "
          f"{len(trees)} samples after the first {arguments.settle:g} s")  # fmt: skip
    for label, values in (("tree PSS", trees), ("main PSS", main_pss), ("main RSS", main_rss)):
        if values:
            print(f"  {label}: median {statistics.median(values):.0f} MB, peak {max(values)} MB")
    for pid, peak in peaks.items():
        print(f"  {pid}: peak PSS {peak} MB")


if __name__ == "__main__":
    main()
