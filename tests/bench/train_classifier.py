"""Train the page classifier's weights (src/artclean/data/classifier.json) on the dev bench.

    python tests/bench/train_classifier.py [--bench ../shared/bench/aeb-dev] [--check]

Labels come from the gold article bodies: a paragraph of a page dump is article text when at
least half of its 4-word shingles occur in the gold (shorter paragraphs: when their words
occur in the gold in order). Features are computed by artclean's own pipeline
(`pipeline.analyse(...).page_inputs()`), and decisions by `classify.judge`, so training and use
cannot drift apart. Each of the model's two stages is an L2-regularised logistic regression
fitted by Newton's method in pure Python, weighted by paragraph length (the metric counts words,
not paragraphs); the second stage is fitted on the first stage's in-sample scores. The
decision thresholds are then chosen on the two-fold cross-validated F1 of the benchmark's own
metric, and the figures are printed. `--check` recomputes everything and fails if the committed
file differs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

from artclean.classify import SECOND, Model, Stage, judge, probabilities, second_rows
from artclean.features import NAMES
from artclean.options import Options
from artclean.pipeline import analyse
from artclean.segment import assemble

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "src" / "artclean" / "data" / "classifier.json"
FILES = ("pages-htmltext.jsonl", "pages-inscriptis.jsonl")
TOKEN = re.compile(r"\w+")
L2 = 1.0


def shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def label(paragraph_text: str, gold_tokens: list[str], gold_shingles: set[tuple[str, ...]]) -> bool:
    tokens = TOKEN.findall(paragraph_text)
    if len(tokens) < 4:
        return f" {' '.join(tokens)} " in f" {' '.join(gold_tokens)} "
    own = shingles(tokens)
    return len(own & gold_shingles) * 2 >= len(own)


def metric(gold: str, prediction: str) -> tuple[float, float]:
    """Precision and recall of the benchmark's 4-gram shingle metric for one document."""
    from collections import Counter

    def bag(text: str) -> Counter[tuple[str, ...]]:
        tokens = TOKEN.findall(text)
        if len(tokens) < 4:
            return Counter([tuple(tokens)]) if tokens else Counter()
        return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))

    g, p = bag(gold), bag(prediction)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def load(bench: Path) -> list[dict[str, object]]:
    documents = []
    for name in FILES:
        for line in (bench / name).open(encoding="utf-8"):
            record = json.loads(line)
            analysis = analyse(record["text"], Options(profile="page"))
            gold_tokens = TOKEN.findall(record["gold"])
            gold_shingles = shingles(gold_tokens)
            inputs = analysis.page_inputs()
            documents.append(
                {
                    "id": record["id"],
                    "file": name,
                    "gold": record["gold"],
                    "analysis": analysis,
                    "inputs": inputs,
                    "labels": [
                        label(p.text, gold_tokens, gold_shingles) for p in analysis.paragraphs
                    ],
                    "sizes": [max(1, len(TOKEN.findall(p.text))) for p in analysis.paragraphs],
                }
            )
    return documents


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems here are 23 x 23)."""
    n = len(vector)
    a = [[*row[:], vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit(
    documents: list[dict[str, object]], rows_of: Callable[[dict[str, object]], list[list[float]]]
) -> Stage:
    """Weighted L2 logistic regression by Newton's method."""
    samples = []
    for doc in documents:
        for row, lab, size, text in zip(
            rows_of(doc), doc["labels"], doc["sizes"], doc["analysis"].texts, strict=False
        ):  # type: ignore[attr-defined]
            if text:
                samples.append(([*row, 1.0], 1.0 if lab else 0.0, float(size)))
    k = len(samples[0][0])
    beta = [0.0] * k
    for _ in range(25):
        gradient = [0.0] * k
        hessian = [[0.0] * k for _ in range(k)]
        for x, y, weight in samples:
            z = sum(b * v for b, v in zip(beta, x, strict=False))
            p = 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0
            g = weight * (p - y)
            h = weight * p * (1 - p)
            for i in range(k):
                gradient[i] += g * x[i]
                hx = h * x[i]
                row = hessian[i]
                for j in range(i + 1):
                    row[j] += hx * x[j]
        for i in range(k):
            for j in range(i):
                hessian[j][i] = hessian[i][j]
        for i in range(k - 1):  # no penalty on the bias
            gradient[i] += L2 * beta[i]
            hessian[i][i] += L2
        step = solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=False)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return Stage(tuple(beta[:-1]), beta[-1])


def fit_model(documents: list[dict[str, object]]) -> tuple[Stage, Stage]:
    first = fit(documents, lambda doc: doc["inputs"].rows)  # type: ignore[attr-defined]

    def second(doc: dict[str, object]) -> list[list[float]]:
        inputs = doc["inputs"]
        return second_rows(inputs, probabilities(inputs.rows, first))  # type: ignore[arg-type, attr-defined]

    return first, fit(documents, second)


def decide(doc: dict[str, object], fitted: Model) -> list[int]:
    """What the pipeline would keep: the classifier's verdicts, minus phrase and duplicate
    findings."""
    analysis = doc["analysis"]
    verdicts = judge(doc["inputs"], fitted)  # type: ignore[arg-type]
    return [
        i
        for i, keep in enumerate(verdicts.keep)
        if keep and i not in analysis.findings and i not in analysis.duplicates  # type: ignore[attr-defined]
    ]


def f1(scores: list[tuple[float, float]]) -> tuple[float, float, float]:
    precision = sum(s[0] for s in scores) / len(scores)
    recall = sum(s[1] for s in scores) / len(scores)
    return precision, recall, 2 * precision * recall / (precision + recall)


GRID = list(itertools.product((0.25, 0.3, 0.35, 0.4), (0.05, 0.1, 0.2, 0.3), (0.95, 0.99, 1.01)))


def evaluate(
    documents: list[dict[str, object]],
    models: dict[int, tuple[Stage, Stage]],
    thresholds: tuple[float, float, float],
) -> dict[str, tuple[float, float, float]]:
    scores: dict[str, list[tuple[float, float]]] = {}
    for doc in documents:
        keep = decide(doc, Model(*models[fold_of(doc)], *thresholds))
        text = assemble(doc["analysis"].text, doc["analysis"].paragraphs, keep)  # type: ignore[attr-defined]
        scores.setdefault(str(doc["file"]), []).append(metric(str(doc["gold"]), text))
    return {name: f1(values) for name, values in scores.items()}


def fold_of(doc: dict[str, object]) -> int:
    return int(str(doc["id"])[:8], 16) % 2


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "aeb-dev")
    parser.add_argument("--check", action="store_true", help="fail if the committed weights differ")
    args = parser.parse_args()
    if not all((args.bench / name).exists() for name in FILES):
        print(f"no benchmark files in {args.bench}", file=sys.stderr)
        return 2
    documents = load(args.bench)
    folds = {k: fit_model([d for d in documents if fold_of(d) != k]) for k in (0, 1)}
    cross = folds  # folds[k] was fitted without fold k, and is applied to it
    best = max(GRID, key=lambda t: sum(v[2] for v in evaluate(documents, cross, t).values()))
    print("two-fold cross-validated, thresholds", best)
    for name, (p, r, f) in evaluate(documents, cross, best).items():
        print(f"  {name:<24} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    first, second = fit_model(documents)
    data = {
        "about": "Page classifier weights; made by tests/bench/train_classifier.py, do not edit.",
        "features": list(NAMES),
        "second_features": list(SECOND),
        "first": {"weights": [round(w, 6) for w in first.weights], "bias": round(first.bias, 6)},
        "second": {"weights": [round(w, 6) for w in second.weights], "bias": round(second.bias, 6)},
        "region_threshold": best[0],
        "keep_inside": best[1],
        "keep_outside": best[2],
    }
    rendered = json.dumps(data, indent=2) + "\n"
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == rendered
        print("committed weights are", "current" if same else "OUT OF DATE")
        return 0 if same else 1
    OUTPUT.write_text(rendered, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
