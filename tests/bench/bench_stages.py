"""CPU time of the per-paragraph stages of the core, each on its own (a script, not a test).

    python tests/bench/bench_stages.py
    PYTHONPATH=build/compiled python tests/bench/bench_stages.py   # after compile_core.py

Over the paragraphs of ../shared/bench/aeb-dev/pages-htmltext.jsonl: segmentation of each
page, the comparable form and the fold of each paragraph, its MinHash sketch, the duplicate
search of each page and the page classifier's own features of each paragraph (English stop
words). Each stage runs once to warm up, then all stages in turn, ROUNDS times; the least and
the median CPU time (this process's) of each are printed. Run two trees one after the other
(twice) to compare them: the figures are for one machine at one load.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

from bench_pipeline import PAGES

from artclean import features
from artclean.duplicates import find_duplicates
from artclean.fingerprint import sketch
from artclean.language import stopwords
from artclean.normalize import comparable, fold
from artclean.options import DEFAULT_SIMILARITY
from artclean.segment import segment

ROUNDS = 9


def main() -> None:
    if not PAGES.exists():
        sys.exit(f"bench_stages: {PAGES} not found")
    with PAGES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    stop = stopwords("en")
    paragraphs = [p.text for text in texts for p in segment(text)]
    compared = [[comparable(p.text) for p in segment(text)] for text in texts]
    forms = [c.text for page in compared for c in page]
    tokens = [features.words_of(fold(p)) for p in paragraphs]
    stages: dict[str, Callable[[], object]] = {
        "segment.segment": lambda: [segment(t) for t in texts],
        "normalize.comparable": lambda: [comparable(p) for p in paragraphs],
        "normalize.fold": lambda: [fold(p) for p in paragraphs],
        "fingerprint.sketch": lambda: [sketch(f) for f in forms],
        "duplicates.find_duplicates": lambda: [
            find_duplicates(page, DEFAULT_SIMILARITY) for page in compared
        ],
        "features.own_features": lambda: [
            features.own_features(p, t, stop) for p, t in zip(paragraphs, tokens, strict=True)
        ],
    }
    for run in stages.values():
        run()
    times: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(ROUNDS):
        for name, run in stages.items():
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    kind = "compiled" if not features.__file__.endswith(".py") else "pure Python"
    print(f"{kind} core ({features.__file__}), {len(paragraphs)} paragraphs, {ROUNDS} rounds")
    for name, spent in times.items():
        print(
            f"    {name:28} least {min(spent) * 1000:7.1f} ms"
            f"  median {statistics.median(spent) * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    main()
