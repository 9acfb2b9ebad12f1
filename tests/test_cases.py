"""Golden files: each fixtures/cases/NAME.txt comes out as NAME.expected.txt, and every text in
fixtures/untouched/ (clean articles that look a little like boilerplate) comes out unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from artclean import clean
from artclean.cli import cli
from conftest import FIXTURES

CASES = sorted(
    p for p in (FIXTURES / "cases").glob("*.txt") if not p.name.endswith(".expected.txt")
)
UNTOUCHED = sorted((FIXTURES / "untouched").glob("*.txt"))


def expected_for(case: Path) -> Path:
    return case.with_name(case.name.removesuffix(".txt") + ".expected.txt")


def test_there_are_golden_cases_and_a_negative_set() -> None:
    assert len(CASES) >= 4
    assert len(UNTOUCHED) >= 4
    assert all(expected_for(case).exists() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case_comes_out_as_expected(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    assert clean(text).text == expected_for(case).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case_through_the_cli_is_byte_identical(case: Path) -> None:
    result = CliRunner().invoke(cli, [str(case)])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == expected_for(case).read_bytes()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case_is_already_clean_once_cleaned(case: Path) -> None:
    expected = expected_for(case).read_text(encoding="utf-8")
    result = clean(expected)
    assert result.text == expected
    assert result.removed == ()


@pytest.mark.parametrize("text", UNTOUCHED, ids=lambda p: p.stem)
def test_clean_text_passes_through_untouched(text: Path) -> None:
    original = text.read_text(encoding="utf-8")
    result = clean(original)
    assert [(r.line, r.kind, r.rule, r.text) for r in result.removed] == []
    assert result.text == original
