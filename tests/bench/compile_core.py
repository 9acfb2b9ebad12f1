"""An experiment: artclean's per-paragraph modules compiled with mypyc, in a folder of their own.

    python tests/bench/compile_core.py                      # -> build/compiled
    PYTHONPATH=build/compiled python tests/bench/bench_pipeline.py
    PYTHONPATH=build/compiled python -m pytest tests/test_golden.py

Copies src/artclean to DEST/artclean and compiles MODULES there with mypyc (it ships with
mypy, which the `test` extra installs; a C compiler and the Python headers are needed). src/
and the installed package are untouched: the compiled tree runs only where it is put on
PYTHONPATH, and what is not compiled runs from the copied .py files. This is not a supported
way to install artclean: compiled, the slotted dataclasses become mypyc native classes that
neither pickle nor copy, and some modules do not compile or crash (docs/benchmarks.md, "Fifth
round (core)", has the measurements and the list).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("features", "normalize", "fingerprint", "duplicates", "segment")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dest", type=Path, default=ROOT / "build" / "compiled")
    parser.add_argument(
        "modules", nargs="*", default=list(MODULES), help=f"default: {' '.join(MODULES)}"
    )
    args = parser.parse_args()
    dest: Path = args.dest.resolve()
    source = ROOT / "src" / "artclean"
    for name in args.modules:
        if not (source / f"{name}.py").is_file():
            sys.exit(f"compile_core: no module artclean.{name} in {source}")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    shutil.copytree(source, dest / "artclean", ignore=ignore)
    # A compiled dataclass is a native class without __slots__ whose own constructor runs in
    # C: records.maker, which sets a slotted class's slots, hands such a class back as it is.
    records = dest / "artclean" / "records.py"
    text = records.read_text(encoding="utf-8")
    check = '    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:\n'
    if check not in text:
        sys.exit(f"compile_core: {records} has changed; adapt the native-class patch")
    native = '    if dataclasses.is_dataclass(cls) and "__slots__" not in vars(cls):  # mypyc\n'
    records.write_text(text.replace(check, native + "        return cls\n" + check), "utf-8")
    # mypyc names each extension after its module and writes it beside the package, so it
    # runs from the folder that holds the package; no pyproject there (setuptools would read
    # it), so mypy's checks are its defaults, not the project's strict ones (CI runs those).
    files = [f"artclean/{name}.py" for name in args.modules]
    started = time.perf_counter()
    built = subprocess.run(
        [sys.executable, "-m", "mypyc", *files], cwd=dest, capture_output=True, text=True
    )
    if built.returncode:
        sys.stderr.write(built.stdout[-4000:] + built.stderr[-4000:])
        sys.exit(f"compile_core: mypyc failed (exit {built.returncode})")
    shutil.rmtree(dest / "build", ignore_errors=True)  # the generated C and object files
    extensions = sorted(path.name for path in dest.rglob("*.so")) + sorted(
        path.name for path in dest.rglob("*.pyd")
    )
    print(f"compiled {len(files)} modules in {time.perf_counter() - started:.0f} s into {dest}:")
    for name in extensions:
        print(f"    {name}")
    print(f"use it with PYTHONPATH={dest}")


if __name__ == "__main__":
    main()
