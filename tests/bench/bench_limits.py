"""Time and memory of one document on hostile inputs (a script, not a test).

    python tests/bench/bench_limits.py           # about two minutes
    python tests/bench/bench_limits.py --full    # adds a 64 MiB page of prose (a few more)

Each case runs `artclean.clean` in a fresh process, so that its peak RSS is its own; the
tracemalloc peak (Python allocations during clean) is measured in a second run of the same
process. Figures are per document; docs/reference/limits.md quotes them.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import near_copies

SENTENCES = [
    "The council approved the plan on Tuesday after a debate that lasted four hours.",
    "Residents who spoke at the meeting were divided over the cost of the new bridge.",
    "Construction is due to start next spring and will take about two years.",
    "Opponents say the money would be better spent on repairing the town's roads.",
    "Engineers warned in March that some of its supports were badly corroded.",
]


def prose(size: int) -> str:
    """Distinct paragraphs of prose (each numbered), blank-line separated, `size` characters."""
    words = " ".join(SENTENCES).split()
    draw = random.Random(1)
    out, total, i = [], 0, 0
    while total < size:
        paragraph = " ".join(draw.choices(words, k=draw.randint(30, 120))) + f" (item {i})."
        out.append(paragraph)
        total += len(paragraph) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def near_threshold(count: int, length: int) -> str:
    """Paragraphs that share every MinHash value yet differ by 10%: each is verified."""
    draw = random.Random(6)
    base = list(" ".join(draw.choices(["alpha", "beta", "gamma", "delta"], k=length // 6)))
    out = []
    for _ in range(count):
        copy = base[:]
        for _ in range(len(copy) // 10):
            copy[draw.randrange(len(copy))] = draw.choice("xyz")
        out.append("".join(copy))
    return "\n\n".join(out) + "\n"


def long_teasers(count: int, length: int) -> str:
    draw = random.Random(5)
    vocabulary = ["alpha", "beta", "gamma", "delta", "epsilon"]
    longs = [" ".join(draw.choices(vocabulary, k=2 * length // 6)) for _ in range(4)]
    teasers = [" ".join(draw.choices(vocabulary, k=length // 6)) + "..." for _ in range(count)]
    return "\n\n".join(longs + teasers) + "\n"


CASES = {
    "prose 10 MB": lambda: prose(10 * 10**6),
    "one 50 MB line": lambda: " ".join(random.Random(1).choices(SENTENCES, k=700_000))[:50_000_000],
    "1,000,000 one-word lines": lambda: "".join(f"w{i}\n" for i in range(1_000_000)),
    "100,000 identical lines": lambda: (SENTENCES[0] + "\n") * 100_000,
    "100,000 near-duplicate paragraphs": lambda: near_copies(100_000),
    "1 MB paragraph, twice": lambda: (prose(10**6).replace("\n\n", " ") + "\n\n") * 2,
    "1,000 teasers of 3,000 characters": lambda: long_teasers(1_000, 3_000),
    "1,000 near-threshold 9,500-char paragraphs": lambda: near_threshold(1_000, 9_500),
    "Chinese, one 5 MB line": lambda: "".join(
        random.Random(3).choices([chr(c) for c in range(0x4E00, 0x4E00 + 3000)], k=5 * 10**6)
    ),
}
FULL = {"prose 64 MiB (the default --max-size)": lambda: prose(64 * 2**20 - 2**16)}


def measure(name: str) -> dict[str, float]:
    """Run in a child process: generate the case, clean it, report time and memory."""
    from artclean import clean

    text = {**CASES, **FULL}[name]()
    size = len(text.encode("utf-8"))
    clean("warm up\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    result = clean(text)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    paragraphs = result.stats.paragraphs_in
    del result
    tracemalloc.start()
    clean(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "bytes": size,
        "paragraphs": paragraphs,
        "seconds": seconds,
        "rss_growth": max(0, rss - before),
        "traced_peak": peak,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2])))
        return
    names = list(CASES) + (list(FULL) if "--full" in sys.argv else [])
    print(f"{'case':45} {'MB':>7} {'paras':>9} {'s':>7} {'s/MB':>6} {'peak/B':>7} {'RSS/B':>6}")
    for name in names:
        done = subprocess.run(
            [sys.executable, __file__, "--one", name], capture_output=True, text=True, check=True
        )
        m = json.loads(done.stdout)
        mb = m["bytes"] / 1e6
        print(
            f"{name:45} {mb:7.1f} {m['paragraphs']:9,} {m['seconds']:7.2f} "
            f"{m['seconds'] / mb:6.2f} {m['traced_peak'] / m['bytes']:7.1f} "
            f"{m['rss_growth'] / m['bytes']:6.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
