"""Train the page classifier's weights (src/artclean/data/classifier.json) on the dev bench.

    python tests/bench/train_classifier.py [--bench ../shared/bench] [--check]
    python tests/bench/train_classifier.py --estimate [--folds 10] [--repeats 5]

Needs numpy (a development tool; artclean itself applies the weights in pure Python).

Two kinds of labels, from the two development sets:
- aeb-dev (both page layouts): a paragraph is article text when at least half of its 4-word
  shingles occur in the gold body (shorter paragraphs: when their words occur in it in order);
- traf-dev (497 pages in 16 languages): a paragraph holding a snippet that must survive is
  article text, one holding a snippet that must go is not, the rest are unlabelled. Only about
  five paragraphs a page are labelled, so each counts TRAF_WEIGHT times.

Features come from artclean's own pipeline (`pipeline.analyse(...).page_inputs()`) and decisions
from `classify.judge`'s own steps, so training and use cannot drift apart. Each of the model's two
stages is an L2-regularised logistic regression weighted by paragraph length (the metric counts
words, not paragraphs); the second stage is fitted on the first stage's in-sample scores. The
decision thresholds are chosen on two-fold cross-validated figures (aeb-dev F1 of the
benchmark's metric, traf-dev hmean of found and absent snippets), which are printed: they are
the honest estimate for pages the model has not seen. `--check` recomputes everything and fails
if the committed file differs.

`--estimate` writes nothing: it scores the committed model on the dev pages (and a model
refitted on all of them, on today's features), then refits it
`--repeats` times with `--folds`-fold cross-validation (each fold fitted on the other folds, at
the committed thresholds; the split by a seeded hash of the page id, both layouts of an aeb-dev
page in one fold) and prints the out-of-fold figures. Two folds fit on half the pages and
understate a model fitted on all of them; ten folds, repeated, say what pages it has not seen
cost the model.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import statistics
import sys
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from artclean.classify import (
    SECOND,
    Model,
    PageInputs,
    Stage,
    decide,
    probabilities,
    second_rows,
)
from artclean.classify import model as committed_model
from artclean.features import NAMES
from artclean.options import Options
from artclean.pipeline import analyse

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "src" / "artclean" / "data" / "classifier.json"
AEB = ("pages-htmltext", "pages-inscriptis")
TRAF = "traf-dev/pages.jsonl"
TOKEN = re.compile(r"\w+")
L2 = 1.0
TRAF_WEIGHT = 5.0  # chosen by cross-validation among 1, 3, 5 and 8
GRID = list(itertools.product((0.35, 0.4, 0.45, 0.5), (0.05, 0.1, 0.2), (0.85, 0.9, 0.95, 1.01)))


@dataclass
class Page:
    """A page of a dev set, analysed once: what the classifier reads, and its labels."""

    name: str  # the set: an aeb-dev layout or "traf"
    id: str
    inputs: PageInputs
    labels: list[float | None]  # 1 article, 0 not, None unlabelled
    sizes: list[int]  # words per paragraph
    paragraphs: list[str]
    dropped: set[int]  # found by phrase rules, lists or duplicates: never output
    gold: str = ""  # aeb-dev
    found: tuple[str, ...] = ()  # traf-dev: snippets that must survive
    gone: tuple[str, ...] = ()  # traf-dev: snippets that must go
    language: str = ""

    @property
    def fold(self) -> int:
        return zlib.crc32(self.id.encode()) % 2


def _squeeze(text: str) -> str:
    return " ".join(text.split())


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


def snippet_label(text: str, found: list[str], gone: list[str]) -> float | None:
    text = _squeeze(text)

    def holds(snippets: list[str]) -> bool:
        return any(s in text or (len(text) >= 15 and text in s) for s in snippets)

    article, furniture = holds(found), holds(gone)
    return None if article == furniture else 1.0 if article else 0.0


def metric(gold: str, prediction: str) -> tuple[float, float]:
    """Precision and recall of the benchmark's 4-gram shingle metric for one document."""

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


def _page(name: str, record: dict[str, object]) -> Page:
    analysis = analyse(str(record["text"]), Options(profile="page"))
    texts = [p.text for p in analysis.paragraphs]
    page = Page(
        name=name,
        id=str(record["id"]),
        inputs=analysis.page_inputs(),
        labels=[],
        sizes=[max(1, len(TOKEN.findall(t))) for t in texts],
        paragraphs=texts,
        dropped={i for i, t in enumerate(analysis.texts) if not t}
        | set(analysis.findings)
        | set(analysis.duplicates),
    )
    if name == "traf":
        page.found = tuple(map(_squeeze, record["with"]))  # type: ignore[arg-type]
        page.gone = tuple(map(_squeeze, record["without"]))  # type: ignore[arg-type]
        page.language = str(record["lang"])
        page.labels = [snippet_label(t, list(page.found), list(page.gone)) for t in texts]
    else:
        page.gold = str(record["gold"])
        gold_tokens = TOKEN.findall(page.gold)
        gold_shingles = shingles(gold_tokens)
        page.labels = [1.0 if label(t, gold_tokens, gold_shingles) else 0.0 for t in texts]
    return page


def load(bench: Path) -> list[Page]:
    pages = []
    for name in AEB:
        for line in (bench / "aeb-dev" / f"{name}.jsonl").open(encoding="utf-8"):
            pages.append(_page(name, json.loads(line)))
    for line in (bench / TRAF).open(encoding="utf-8"):
        pages.append(_page("traf", json.loads(line)))
    return pages


def fit(rows: list[list[float]], labels: list[float], weights: list[float]) -> Stage:
    """Weighted L2 logistic regression by Newton's method (no penalty on the bias)."""
    x = np.hstack([np.array(rows), np.ones((len(rows), 1))])
    y, w = np.array(labels), np.array(weights)
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -500, 500)))
        gradient = x.T @ (w * (p - y)) + penalty * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Stage(tuple(round(float(b), 6) for b in beta[:-1]), round(float(beta[-1]), 6))


def _fit_stage(pages: list[Page], rows_of: object) -> Stage:
    rows, labels, weights = [], [], []
    for page in pages:
        for i, row in enumerate(rows_of(page)):  # type: ignore[operator]
            if page.labels[i] is not None and i not in page.dropped:
                rows.append(row)
                labels.append(page.labels[i])
                weights.append(page.sizes[i] * (TRAF_WEIGHT if page.name == "traf" else 1.0))
    return fit(rows, labels, weights)


def fit_model(pages: list[Page]) -> tuple[Stage, Stage]:
    first = _fit_stage(pages, lambda page: page.inputs.rows)
    second = _fit_stage(
        pages, lambda page: second_rows(page.inputs, probabilities(page.inputs.rows, first))
    )
    return first, second


def scores(
    pages: list[Page], probability: list[list[float]], thresholds: tuple[float, float, float]
) -> dict[str, float]:
    """F1 per aeb-dev layout, traf-dev hmean overall and per language, for given verdicts."""
    model = Model(Stage((), 0.0), Stage((), 0.0), *thresholds)
    metrics: dict[str, list[tuple[float, float]]] = {}
    counts: dict[str, list[int]] = {}
    for page, prob in zip(pages, probability, strict=True):
        keep = decide(page.inputs, prob, model).keep
        kept = [t for i, t in enumerate(page.paragraphs) if keep[i] and i not in page.dropped]
        if page.name != "traf":
            metrics.setdefault(page.name, []).append(metric(page.gold, "\n\n".join(kept)))
            continue
        out = _squeeze(" ".join(kept))
        tally = [
            sum(s in out for s in page.found),
            len(page.found),
            sum(s not in out for s in page.gone),
            len(page.gone),
        ]
        language = page.language if page.language in ("de", "en", "es", "fr", "pl") else "other"
        for key in ("traf", f"traf {language}"):
            counts[key] = [a + b for a, b in zip(counts.get(key, [0, 0, 0, 0]), tally, strict=True)]
    out: dict[str, float] = {}
    for name, values in metrics.items():
        precision = sum(v[0] for v in values) / len(values)
        recall = sum(v[1] for v in values) / len(values)
        out[name] = 2 * precision * recall / (precision + recall)
    for name, (found, want, absent, unwanted) in sorted(counts.items()):
        f, a = found / max(want, 1), absent / max(unwanted, 1)
        out[name] = 2 * f * a / (f + a) if f + a else 0.0
    return out


def objective(figures: dict[str, float]) -> float:
    return (figures["pages-htmltext"] + figures["pages-inscriptis"]) / 2 + figures["traf"]


def verdicts(
    pages: list[Page], models: dict[int, tuple[Stage, Stage]], folds: list[int]
) -> list[list[float]]:
    """Each page's probabilities by the model of its fold (`folds`: one per page)."""
    out = []
    for page, fold in zip(pages, folds, strict=True):
        first, second = models[fold]
        rows = page.inputs.rows
        out.append(probabilities(second_rows(page.inputs, probabilities(rows, first)), second))
    return out


def estimate(pages: list[Page], folds: int, repeats: int) -> None:
    """Print the committed model's dev figures and its repeated k-fold cross-validated ones."""
    committed = committed_model()
    thresholds = (committed.region_threshold, committed.keep_inside, committed.keep_outside)
    names = ("pages-htmltext", "pages-inscriptis", "traf")

    def line(figures: dict[str, float]) -> str:
        return "  ".join(f"{name} {figures[name]:.4f}" for name in names)

    def on_all(fitted: tuple[Stage, Stage]) -> dict[str, float]:
        return scores(pages, verdicts(pages, {0: fitted}, [0] * len(pages)), thresholds)

    own = on_all((committed.first, committed.second))
    print("committed model on the pages it was fitted on:\n  " + line(own))
    refit = on_all(fit_model(pages))
    print("refitted on today's features, on the same pages:\n  " + line(refit))
    runs: list[dict[str, float]] = []
    for seed in range(repeats):
        fold = [
            int(hashlib.sha1(f"{seed}:{page.id}".encode()).hexdigest(), 16) % folds
            for page in pages
        ]
        models = {
            k: fit_model([p for p, f in zip(pages, fold, strict=True) if f != k])
            for k in range(folds)
        }
        runs.append(scores(pages, verdicts(pages, models, fold), thresholds))
        print(f"  {folds}-fold, split {seed}: " + line(runs[-1]))
    print(
        f"{folds}-fold cross-validated, median of {repeats} splits (range), and what unseen pages"
        " cost against the committed model and against the refit:"
    )
    for name in names:
        middle = statistics.median(run[name] for run in runs)
        low, high = min(run[name] for run in runs), max(run[name] for run in runs)
        print(
            f"  {name:<18} {middle:.4f} ({low:.4f}-{high:.4f})"
            f"  cost {own[name] - middle:+.4f} / {refit[name] - middle:+.4f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--check", action="store_true", help="fail if the committed weights differ")
    parser.add_argument(
        "--estimate",
        action="store_true",
        help="write nothing; print the committed model's cross-validated figures",
    )
    parser.add_argument("--folds", type=int, help="folds for --estimate (10)")
    parser.add_argument("--repeats", type=int, help="splits for --estimate (5)")
    args = parser.parse_args()
    needed = [args.bench / "aeb-dev" / f"{name}.jsonl" for name in AEB] + [args.bench / TRAF]
    if not all(path.exists() for path in needed):
        print(f"no benchmark files in {args.bench}", file=sys.stderr)
        return 2
    if not args.estimate and (args.folds is not None or args.repeats is not None):
        parser.error("--folds and --repeats go with --estimate")
    if args.estimate and args.check:
        parser.error("--estimate and --check do not go together")
    folds = 10 if args.folds is None else args.folds
    repeats = 5 if args.repeats is None else args.repeats
    if folds < 2 or repeats < 1:
        parser.error("--folds must be 2 or more and --repeats 1 or more")
    pages = load(args.bench)
    if args.estimate:
        estimate(pages, folds, repeats)
        return 0
    # Each fold's model is fitted without it and applied to it.
    models = {k: fit_model([p for p in pages if p.fold != k]) for k in (0, 1)}
    cross = verdicts(pages, models, [p.fold for p in pages])
    best = max(GRID, key=lambda t: objective(scores(pages, cross, t)))
    print("two-fold cross-validated, thresholds", best)
    for name, figure in scores(pages, cross, best).items():
        print(f"  {name:<18} {figure:.3f}")
    first, second = fit_model(pages)
    data = {
        "about": "Page classifier weights; made by tests/bench/train_classifier.py, do not edit.",
        "features": list(NAMES),
        "second_features": list(SECOND),
        "first": {"weights": list(first.weights), "bias": first.bias},
        "second": {"weights": list(second.weights), "bias": second.bias},
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
