"""Replay the inputs in fixtures/regressions/ (found by fuzzing and by the property tests)
through the invariant checks they once broke; the file name says which (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from artclean import clean
from conftest import FIXTURES
from fuzz.checks import check_clean, check_decode, check_markdown, check_segment

REGRESSIONS = sorted(p for p in (FIXTURES / "regressions").iterdir() if p.name != "README.md")


def text_of(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as stream:
        return stream.read()


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_regression(path: Path) -> None:
    check, *rest = path.stem.split("--")
    if check == "decode":
        data = path.read_bytes()
        for errors in ("strict", "replace"):
            for step in (1, 7, 4096):
                check_decode(data, rest[0], errors, step)
        return
    text = text_of(path)
    check_segment(text)
    check_markdown(text)
    if check in ("clean", "idempotent"):
        check_clean(text)
    if check == "idempotent":
        once = clean(text).text
        assert clean(once).text == once


def test_every_regression_file_names_a_known_check() -> None:
    assert REGRESSIONS
    for path in REGRESSIONS:
        assert path.stem.split("--")[0] in {"decode", "segment", "markdown", "clean", "idempotent"}
        assert path.suffix == (".bin" if path.stem.startswith("decode--") else ".txt"), path
