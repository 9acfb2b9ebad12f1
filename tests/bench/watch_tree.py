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

The tree's own memory, which no other process moves: with --unique N (as root, which may
read page frame numbers), every N seconds also the tree's distinct resident pages (from
/proc/PID/pagemap), each counted once however many of its processes (or others) map it:
what the tree would take alone, and what its PSS is on an otherwise idle machine.
`--attach PID` watches a tree that is already running instead of starting a command.

At the end it also prints each process's median PSS and RSS (named: main, fork server,
resource tracker, worker), the CPU seconds of the tree (each process's user and system time,
read from /proc/PID/stat each second: a process's last second may be missed), and with
`--input FILE`, how far the tree had read FILE (the offset of the descriptor that has it open,
read each second: right for a file read as a stream, as a WET file is; a file read at offsets,
as Parquet is, shows none), also on each `--unique` line. A run stopped part way says how far
it got that way.
"""

from __future__ import annotations

import argparse
import array
import os
import re
import signal
import statistics
import subprocess
import time

MB = 1024
TICK = os.sysconf("SC_CLK_TCK")


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


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds `pid` has used (not its children's), None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK


def role(pid: int, root: int) -> str:
    """What a process of the tree is, from its command line (a worker is a child of the fork
    server, whose command line it keeps)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        with open(f"/proc/{pid}/stat") as stat:
            parent = int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return "?"
    if pid == root:
        return "main"
    if "resource_tracker" in command:
        return "resource tracker"
    if "forkserver" in command:
        return "fork server" if parent == root else "worker"
    return command.split(" ", 1)[0].rsplit("/", 1)[-1]


def offset(pids: list[int], path: str) -> int | None:
    """How far `pids` have read `path`: the largest offset of a descriptor that has it open."""
    found = None
    for pid in pids:
        try:
            descriptors = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in descriptors:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") != path:
                    continue
                with open(f"/proc/{pid}/fdinfo/{fd}") as info:
                    position = int(info.read().split("pos:", 1)[1].split()[0])
            except (OSError, IndexError, ValueError):
                continue
            found = max(found or 0, position)
    return found


PAGE = os.sysconf("SC_PAGE_SIZE")
_PRESENT = 1 << 63
_FRAME = (1 << 55) - 1


def frames(pid: int) -> set[int] | None:
    """The physical frames of `pid`'s resident pages (None once it is gone, or without the
    right to read them: the frame numbers then read as 0)."""
    found: set[int] = set()
    try:
        with open(f"/proc/{pid}/smaps") as smaps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
            start = end = 0
            for line in smaps:
                if line[0] in "0123456789abcdef" and "-" in line.split(" ", 1)[0]:
                    start, end = (int(x, 16) for x in line.split(" ", 1)[0].split("-"))
                elif line.startswith("Rss:") and line.split()[1] != "0":
                    pagemap.seek(start // PAGE * 8)
                    entries = array.array("Q")
                    entries.frombytes(pagemap.read((end - start) // PAGE * 8))
                    found.update(entry & _FRAME for entry in entries if entry & _PRESENT)
    except OSError:
        return None
    if found and found == {0}:
        return None
    return found


def unique(pids: list[int]) -> int | None:
    """MB of distinct resident pages of `pids` together."""
    union: set[int] = set()
    for pid in pids:
        found = frames(pid)
        if found is None and os.path.exists(f"/proc/{pid}"):
            return None  # not allowed to read frames
        union |= found or set()
    return len(union) * PAGE // (1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seconds", type=float)
    parser.add_argument("log")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    parser.add_argument("--settle", type=float, default=30, help="seconds left out at first")
    parser.add_argument("--unique", type=float, default=0, help="every N s, the tree's own MB")
    parser.add_argument("--attach", type=int, help="watch this running process's tree")
    parser.add_argument("--input", help="report how far the tree has read this file")
    arguments = parser.parse_args()
    source = os.path.realpath(arguments.input) if arguments.input else None
    size = os.path.getsize(source) if source else 0
    command = arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command
    process = None
    if arguments.attach:
        root = arguments.attach
    else:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
        root = process.pid
    start = time.monotonic()
    peaks: dict[int, int] = {}
    samples: dict[int, list[tuple[int, int]]] = {}
    roles: dict[int, str] = {}
    cpu: dict[int, float] = {}
    read: int | None = None
    trees: list[int] = []
    owns: list[int] = []
    main_pss: list[int] = []
    main_rss: list[int] = []
    last_unique = -arguments.unique

    def running() -> bool:
        return process.poll() is None if process else os.path.exists(f"/proc/{root}")

    with open(arguments.log, "w") as log:
        while running() and time.monotonic() - start < arguments.seconds:
            total, parts, pids = 0, [], tree(root)
            for pid in pids:
                found = memory(pid)
                if found is None:
                    continue
                total += found[0]
                parts.append(f"{pid}:{found[0]}/{found[1]}")
                peaks[pid] = max(peaks.get(pid, 0), found[0])
                if pid not in roles:
                    roles[pid] = role(pid, root)
                used = cpu_seconds(pid)
                if used is not None:
                    cpu[pid] = max(cpu.get(pid, 0.0), used)
                if time.monotonic() - start > arguments.settle:
                    samples.setdefault(pid, []).append(found)
                if pid == root and time.monotonic() - start > arguments.settle:
                    main_pss.append(found[0])
                    main_rss.append(found[1])
            if source:
                read = offset(pids, source) or read
            settled = time.monotonic() - start > arguments.settle
            if settled:
                trees.append(total)
            own = ""
            if arguments.unique and time.monotonic() - last_unique >= arguments.unique:
                last_unique = time.monotonic()
                mb = unique(pids)
                own = f"  own {mb} MB" if mb is not None else "  own ? MB"
                if source:
                    own += f"  read {(read or 0) / 1024**2:.1f} MB"
                if mb is not None and settled:
                    owns.append(mb)
            print(f"{time.monotonic() - start:6.0f}s tree PSS {total} MB{own}  {' '.join(parts)}",
                  file=log, flush=True)  # fmt: skip
            time.sleep(1)
    stopped = running() and process is not None
    if process is not None and stopped:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(60)
    ended = (
        "stopped" if stopped else ("attached" if process is None else f"exit {process.returncode}")
    )
    print(f"{ended} after {time.monotonic() - start:.0f} s; "
          f"{len(trees)} samples after the first {arguments.settle:g} s")  # fmt: skip
    rows = (("tree PSS", trees), ("tree own", owns), ("main PSS", main_pss), ("main RSS", main_rss))
    for label, values in rows:
        if values:
            print(f"  {label}: median {statistics.median(values):.0f} MB, peak {max(values)} MB")
    print(f"  CPU of the tree: {sum(cpu.values()):.1f} s")
    if source:
        where = "none seen" if read is None else f"{read / 1024**2:,.1f} MB ({read / size:.1%})"
        print(f"  read of {size / 1024**2:,.1f} MB of {arguments.input}: {where}")
    for pid, peak in peaks.items():
        taken = samples.get(pid, [])
        median = (
            f"median PSS {statistics.median(p for p, _ in taken):.0f} MB, "
            f"RSS {statistics.median(r for _, r in taken):.0f} MB; "
            if taken
            else ""
        )
        print(f"  {pid} ({roles[pid]}): {median}peak PSS {peak} MB, CPU {cpu.get(pid, 0):.1f} s")


if __name__ == "__main__":
    main()
