"""Shared paths and helpers: the fixtures folder, the seed article, the installed command."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run, so that a test run (and CI) passes
# or fails by the code alone. To search for new counterexamples, draw fresh ones:
#     ARTCLEAN_HYPOTHESIS=explore python -m pytest tests/test_properties.py
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("ARTCLEAN_HYPOTHESIS", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "iran-russia-syndicated.txt"

collect_ignore = ["bench", "fuzz"]
if importlib.util.find_spec("distributed") is None:
    # Without the dask extra the module would only be skipped; its tests are marked `dask`
    # and run in CI's own step (pip install '.[dask]' && python -m pytest -m dask).
    collect_ignore.append("test_dask.py")


def installed_command() -> str:
    """The `artclean` script installed beside the Python running the tests, else on PATH."""
    here = str(Path(sys.executable).parent)
    found = shutil.which("artclean", path=here + os.pathsep + os.environ.get("PATH", ""))
    if found is None:
        pytest.fail("the artclean command is not installed (pip install -e '.[test]')")
    return found


Run = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture
def run_artclean(tmp_path: Path) -> Run:
    """Run the installed command in a subprocess; bytes in, bytes out, never raises on status."""

    def run(
        args: Sequence[str],
        stdin: bytes | None = None,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [installed_command(), *args],
            input=stdin,
            capture_output=True,
            env={**os.environ, **(env or {})},
            cwd=cwd or tmp_path,
            timeout=120,
        )

    return run


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
