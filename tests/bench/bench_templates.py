"""Is template learning safe to turn on by default? What it removes, and what that costs.

    python tests/bench/bench_templates.py [CONTENT_DIR ...]

1. The aeb-dev benchmark files (../shared/bench/aeb-dev): F1 against the gold bodies without
   template learning, with it per site (the host of each record's url) and with every record
   taken as one site (a stress test: 102 pages of different sites).
2. Generated pages of 20 sites sharing a footer: how many footers go, and what else goes.
3. Each CONTENT_DIR (written content, such as a documentation folder, where no paragraph is
   boilerplate): how many paragraphs template learning would remove, in how many files, and
   the most frequent of them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Generator

ARTCLEAN = str(Path(sys.executable).with_name("artclean"))
ROOT = Path(__file__).resolve().parents[2]


def artclean(*args: str) -> list[dict[str, Any]]:
    done = subprocess.run([ARTCLEAN, *args, "-q"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return [json.loads(line) for line in done.stdout.splitlines()]


def templates_of(results: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for result in results for r in result["removed"] if r["kind"] == "template"]


def benchmark_files(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("score", folder.parent / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    print(f"1. {folder}: F1 / template paragraphs removed")
    settings = {
        "off": [],
        "per site": ["--learn-templates"],
        "one site": ["--learn-templates", "--site-field", "no-such-field"],
    }
    print(f"   {'file':<22}" + "".join(f"{name:>22}" for name in settings))
    for name in ("clean.jsonl", "dups.jsonl", "pages-htmltext.jsonl"):
        records = score.load_jsonl(folder / name)
        row = f"   {name:<22}"
        for args in settings.values():
            base = [str(folder / name), "--input-format", "jsonl", "--format", "json", *args]
            results = artclean(*base)
            metrics, _ = score.score_items(records, [r["text"] for r in results])
            removed = sum(len(templates_of([r["artclean"]])) for r in results)
            row += f"{metrics['f1']:>16.4f} / {removed:<3}"
        print(row)


def generated_sites(workdir: Path) -> None:
    tree = workdir / "sites"
    generator = Generator()
    pages = 1000
    generator.write_tree(tree, pages, sites=20)
    results = artclean(str(tree), "--format", "jsonl", "--learn-templates")
    removed = templates_of(results)
    footers = sum("is published by the staff of" in text for text in removed)
    print(f"2. generated: {pages} pages of 20 sites (50 each), a footer on every page")
    print(f"   footers removed as template: {footers} of {pages}")
    print(f"   other paragraphs removed as template: {len(removed) - footers}")
    shared = Counter(
        (n % 20, paragraph)
        for n in range(pages)
        for paragraph in set(generator.page(n % 20, n).split("\n\n"))
    )
    common = sum(1 for (_, text), count in shared.items() if 2 <= count < 5)
    print(f"   (paragraphs in 2-4 pages of their site, which must stay: {common})")


def content_folder(folder: Path) -> None:
    results = artclean(str(folder), "--format", "jsonl", "--learn-templates")
    removed = templates_of(results)
    files = sum(1 for result in results if templates_of([result]))
    paragraphs = sum(result["stats"]["paragraphs_in"] for result in results)
    print(
        f"3. {folder}: {len(results)} files, {paragraphs} paragraphs; removed as template: "
        f"{len(removed)} paragraphs in {files} files"
    )
    for text, count in Counter(removed).most_common(5):
        preview = " ".join(text.split())[:70]
        print(f"   {count:5} x {preview!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of written content")
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared/bench/aeb-dev")
    arguments = parser.parse_args()
    if arguments.bench.is_dir():
        benchmark_files(arguments.bench)
    with tempfile.TemporaryDirectory() as workdir:
        generated_sites(Path(workdir))
    for folder in arguments.folders:
        content_folder(folder)


if __name__ == "__main__":
    main()
