"""Start-up benchmark: `artclean --version` and `echo hello | artclean` against `python -c pass`.

    python tests/bench/bench_startup.py                 # medians of 20, interleaved
    python tests/bench/bench_startup.py --runs 50 --src /path/to/other/src   # compare trees

Each round runs every command once, in turn, so that load from others on a shared machine
falls on all of them alike. Prints the median wall time and the median CPU time (user + system,
from getrusage) of each, and how much more than `python -c pass` each costs: the figures the
issue's targets are stated in (--version at most +40 ms, a one-line pipe at most +80 ms).
Python files are compiled to bytecode first (the environment may forbid writing it, and a
user's installed package has it), so that what is measured is start-up, not compilation.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable
ARTCLEAN = str(Path(PYTHON).with_name("artclean"))


def commands(src: str | None) -> list[tuple[str, list[str], bytes | None]]:
    label = f"[{src}] " if src else ""
    return [
        (f"{label}python -m artclean --version", [PYTHON, "-m", "artclean", "--version"], None),
        (f"{label}artclean --version", [ARTCLEAN, "--version"], None),
        (f"{label}echo hello | artclean", [ARTCLEAN], b"hello\n"),
    ]


def environment(src: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if src:
        env["PYTHONPATH"] = src
    return env


def package_folder(src: str | None) -> Path:
    code = "import artclean; print(artclean.__file__)"
    found = subprocess.run(
        [PYTHON, "-c", code], env=environment(src), capture_output=True, text=True, check=True
    )
    return Path(found.stdout.strip()).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--src",
        action="append",
        default=[],
        help="a src folder to put on PYTHONPATH (repeatable; default: the installed package)",
    )
    args = parser.parse_args()
    for src in args.src or [None]:
        compileall.compile_dir(str(package_folder(src)), quiet=1)
    runs: list[tuple[str, list[str], bytes | None, str | None]] = [
        ("python -c pass", [PYTHON, "-c", "pass"], None, None)
    ]
    for src in args.src or [None]:
        runs += [(name, argv, stdin, src) for name, argv, stdin in commands(src)]
    wall: dict[str, list[float]] = {run[0]: [] for run in runs}
    cpu: dict[str, list[float]] = {run[0]: [] for run in runs}
    for _ in range(args.runs):
        for name, argv, stdin, src in runs:
            env = environment(src)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(argv, input=stdin, env=env, stdout=subprocess.DEVNULL, check=True)
            wall[name].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            cpu[name].append(used)
    base_wall = statistics.median(wall["python -c pass"])
    base_cpu = statistics.median(cpu["python -c pass"])
    print(f"medians of {args.runs} interleaved runs; load average {os.getloadavg()[0]:.2f}")
    for name in wall:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"  {name:50} wall {w * 1000:6.1f} ms (+{(w - base_wall) * 1000:5.1f})"
            f"  cpu {c * 1000:6.1f} ms (+{(c - base_cpu) * 1000:5.1f})"
        )


if __name__ == "__main__":
    main()
