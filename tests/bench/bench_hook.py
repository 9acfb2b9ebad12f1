"""How long `artclean --check` takes as a pre-commit hook on a typical 20-file commit.

Runs the installed command on the first 20 Markdown files of the negative set, and on 20 longer
posts made from them, several times each, and prints the median wall-clock and CPU times beside
`python -c pass` and `artclean --version` measured in the same run. Run it from anywhere:

    python tests/bench/bench_hook.py [RUNS]
"""

from __future__ import annotations

import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLEAN = Path(__file__).resolve().parents[2] / "fixtures" / "content" / "clean"


def median_seconds(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock time and median CPU time (user + system) of the command.

    CPU time says what the command costs even on a busy machine, where wall-clock time also
    counts the time spent waiting for a core.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def longer_posts(sources: list[Path], folder: Path) -> list[str]:
    """20 posts of about 6 KB: front matter and the bodies of five negative-set files each."""
    bodies = itertools.cycle(p.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for p in sources)
    paths = []
    for n in range(20):
        path = folder / f"post-{n:02}.md"
        body = "\n\n".join(next(bodies) for _ in range(5))
        path.write_text(f"---\ntitle: Post {n}\n---\n\n{body}", encoding="utf-8")
        paths.append(str(path))
    return paths


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    artclean = shutil.which("artclean", path=os.path.dirname(sys.executable)) or "artclean"
    posts = sorted(CLEAN.glob("*.md"))[:20]
    with tempfile.TemporaryDirectory() as folder:
        longer = longer_posts(posts, Path(folder))
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("artclean --version", [artclean, "--version"], None),
            ("artclean --check, 20 posts", [artclean, "--check", *map(str, posts)], posts),
            ("artclean --check, 20 longer posts", [artclean, "--check", *longer], longer),
        ]
        print(f"medians of {runs} runs; load average {os.getloadavg()[0]:.1f}")
        for label, command, files in rows:
            wall, cpu = median_seconds(command, runs)
            size = ""
            if files:
                size = f"  ({sum(os.path.getsize(f) for f in files) // len(files)} bytes a post)"
            print(f"{label:<36}{wall * 1000:5.0f} ms wall, {cpu * 1000:5.0f} ms CPU{size}")


if __name__ == "__main__":
    main()
