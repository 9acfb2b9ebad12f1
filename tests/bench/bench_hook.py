"""How long `artclean --check` takes as a pre-commit hook on a typical 20-file commit.

Runs the installed command on the first 20 Markdown files of the negative set, and on 20 longer
posts made from them, several times each, and prints the medians beside `python -c pass` and
`artclean --version` measured in the same run. Run it from anywhere:

    python tests/bench/bench_hook.py [RUNS]
"""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLEAN = Path(__file__).resolve().parents[2] / "fixtures" / "content" / "clean"


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
        for label, command, files in rows:
            seconds = median_seconds(command, runs)
            size = ""
            if files:
                size = f"  ({sum(os.path.getsize(f) for f in files) // len(files)} bytes a post)"
            print(f"{label:<36}{seconds * 1000:7.0f} ms median of {runs}{size}")


if __name__ == "__main__":
    main()
