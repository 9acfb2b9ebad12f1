"""The negative set of real writing: documentation of public packages, as they ship it.

Nothing in fixtures/real-docs/docs was pasted (see its SOURCES.md), so --check with the default
selection must find nothing there: reference docs, rule docs and changelogs repeat themselves
on purpose, and a pre-commit hook that calls that a paste gets uninstalled.
"""

from __future__ import annotations

import json
from pathlib import Path

from artclean.check import CONTENT_SUFFIXES, content_files
from artclean.cli import main
from conftest import FIXTURES

REAL = FIXTURES / "real-docs"


def test_the_set_is_several_hundred_files_with_their_sources_and_licenses():
    files = list(content_files([str(REAL / "docs")]))
    assert len(files) >= 400
    assert all(path.endswith(CONTENT_SUFFIXES) for path in files)
    packages = {Path(path).relative_to(REAL / "docs").parts[0] for path in files}
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    for package in packages:
        assert f"| {package} |" in sources, package
        assert (REAL / "LICENSES" / f"{package}.txt").is_file(), package


def test_nothing_is_found_in_real_docs(capsys):
    status = main(["--check", "--output-format", "json", str(REAL / "docs")])
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert status == 0
    assert captured.err.endswith("files checked, nothing to change\n")
