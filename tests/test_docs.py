"""The documentation shows what the tool does: every console example is run and compared.

A ```console block in README.md or docs/ holds `$ ` commands, each followed by its output
(standard output and standard error, as a terminal shows them). Each block runs in a fresh
directory holding a copy of fixtures/, with the installed `artclean` first on PATH, and its
output must match line by line, trailing spaces aside (editors strip them). Two shorthands
keep long output readable: a line `[...]` alone stands for any number of lines, and `[...]`
within a line for any text (a time or a temporary path that differs on every run).
`$ echo $?` prints the previous command's exit status.

A block that cannot run here has `<!-- console: not run: REASON -->` on the line before it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from artclean.cli import MEMORY_FIGURE
from artclean.discover import TEXT_PATTERNS
from artclean.options import WALK_ORDER
from conftest import FIXTURES, ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
NOT_RUN = re.compile(r"^<!-- console: not run: .+ -->$")
ELIDED = "[...]"


@dataclass(frozen=True)
class Step:
    command: str
    expected: list[str]


@dataclass(frozen=True)
class Example:
    page: Path
    line: int  # of the opening fence, 1-based
    steps: list[Step]
    runs: bool

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def examples(page: Path) -> list[Example]:
    lines = page.read_text(encoding="utf-8").splitlines()
    found = []
    number = 0
    while number < len(lines):
        if lines[number].strip() != "```console":
            number += 1
            continue
        start = number
        body: list[str] = []
        number += 1
        while lines[number].strip() != "```":
            body.append(lines[number])
            number += 1
        runs = not (start > 0 and NOT_RUN.match(lines[start - 1].strip()))
        found.append(Example(page, start + 1, steps(body), runs))
        number += 1
    return found


def steps(body: list[str]) -> list[Step]:
    result: list[Step] = []
    index = 0
    while index < len(body):
        line = body[index]
        assert line.startswith("$ "), f"output before the first command: {line!r}"
        command = line[2:]
        while command.endswith("\\"):
            index += 1
            command += "\n" + body[index]
        index += 1
        expected = []
        while index < len(body) and not body[index].startswith("$ "):
            expected.append(body[index])
            index += 1
        result.append(Step(command, expected))
    return result


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether the output fits the expected lines, with the two shorthands."""
    if not expected:
        return not actual
    head, rest = expected[0].rstrip(), expected[1:]
    if head == ELIDED:
        return any(matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in head.split(ELIDED))
    return bool(re.fullmatch(pattern, actual[0].rstrip())) and matches(rest, actual[1:])


ALL = [example for page in PAGES for example in examples(page)]


def test_the_pages_have_console_examples_and_most_of_them_run() -> None:
    readme = [example for example in ALL if example.page.name == "README.md"]
    assert len(readme) >= 4 and all(example.runs for example in readme)
    assert sum(example.runs for example in ALL) >= 8


@pytest.mark.parametrize("example", [e for e in ALL if e.runs], ids=str)
def test_console_example(example: Example, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"FORCE_COLOR", "PRE_COMMIT", "COLUMNS", "CLICOLOR_FORCE"}
    }
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["NO_COLOR"] = "1"
    status = 0
    for step in example.steps:
        if step.command == "echo $?":
            actual = [str(status)]
        else:
            done = subprocess.run(
                ["bash", "-c", step.command],
                cwd=tmp_path,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=120,
            )
            status = done.returncode
            actual = done.stdout.decode("utf-8").splitlines()
        assert matches(step.expected, actual), (
            f"{example}: $ {step.command}\n--- expected\n"
            + "\n".join(step.expected)
            + "\n--- got\n"
            + "\n".join(actual)
        )


def test_the_shorthands_are_strict_about_everything_else() -> None:
    assert matches(["a", "[...]", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "[...]", "b"], ["a", "b"])
    assert not matches(["a", "[...]", "d"], ["a", "b", "c"])
    assert matches(["time [...]"], ["time   0.1 s"])
    assert not matches(["time [...]"], ["times 0.1 s"])
    assert matches(["error: [...]/a.toml: bad"], ["error: /tmp/x/a.toml: bad"])
    assert not matches(["error: [...]/a.toml: bad"], ["error: /tmp/x/a.toml: worse"])
    assert not matches(["a"], ["a", "b"])
    assert matches(["a  "], ["a"])


# --- the landing page, the site, and figures quoted in more than one place -----------------


def test_the_readme_is_a_landing_page_with_the_two_set_up_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    assert "pip install . && artclean fixtures/iran-russia-syndicated.txt\n" in readme
    assert "pip install '.[test]' && python -m pytest\n" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npip install '.[test]' && python -m pytest\n" in ci  # the first command CI runs


def test_every_page_is_in_the_site_navigation_and_every_link_resolves() -> None:
    site = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {path.relative_to(ROOT / "docs").as_posix() for path in PAGES[1:]}
    in_nav = set(re.findall(r":\s+(\S+\.md)$", site, re.M))
    assert pages == in_nav
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs/|CHANGELOG)[^)#]*)", readme):
        assert (ROOT / target).exists(), target


def test_figures_and_file_sets_are_quoted_the_same_in_help_and_docs() -> None:
    from click.testing import CliRunner

    from artclean.cli import cli

    help_text = " ".join(CliRunner().invoke(cli, ["--help"]).stdout.split())
    limits = " ".join((ROOT / "docs/reference/limits.md").read_text(encoding="utf-8").split())
    assert f"which takes {MEMORY_FIGURE}." in help_text
    assert f"cleaning takes {MEMORY_FIGURE}" in limits
    patterns = " ".join(TEXT_PATTERNS)
    assert patterns in help_text
    for guide in ("batch-and-jsonl.md", "content-repositories.md"):
        text = " ".join((ROOT / "docs/guide" / guide).read_text(encoding="utf-8").split())
        assert f"`{patterns}`" in text, guide
        assert f"Order: {WALK_ORDER}." in text, guide
    assert f"Order: {WALK_ORDER}." in help_text
