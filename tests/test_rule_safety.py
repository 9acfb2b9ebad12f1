"""No crafted paragraph can stall a pipe, a hook or a worker: every pattern runs in linear time.

Each shipped phrase rule is run, alone and inside its language's combined alternation, on
adversarial strings made of its own pieces with a failing end, up to 4 KB (`adversarial.py`).
A rule that backtracks catastrophically takes seconds at a few hundred bytes and hours at 4 KB,
so each language runs in a subprocess that is stopped when it goes quiet.
"""

from __future__ import annotations

import subprocess
import sys
import time
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from artclean import clean
from artclean.boilerplate import _rule, available_languages, extra_phrasebook
from artclean.cli import cli
from artclean.safepattern import nested_repetition
from conftest import Run

HERE = Path(__file__).resolve().parent

# A string of up to 4 KB must match in far less than this; a backtracking rule takes longer
# at a few hundred bytes already.
BUDGET_SECONDS = 0.5
QUIET_SECONDS = 60


@pytest.mark.slow  # every rule of every language on strings up to 4 KB: CI's -m slow step
@pytest.mark.parametrize("language", available_languages())
def test_every_phrase_rule_is_linear_on_adversarial_strings(language: str) -> None:
    command = [sys.executable, str(HERE / "adversarial.py"), language, str(BUDGET_SECONDS)]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=QUIET_SECONDS)
    except subprocess.TimeoutExpired as stopped:
        output = (stopped.stdout or b"").decode() if isinstance(stopped.stdout, bytes) else ""
        last = output.strip().splitlines()[-1:] or ["before the first rule"]
        pytest.fail(f"{language}: no end after {QUIET_SECONDS} s, at {last[0]}")
    assert done.returncode == 0, done.stderr
    slow = [line for line in done.stdout.splitlines() if line.startswith("slow ")]
    assert slow == [], f"{language} ({time.monotonic() - started:.0f} s): {slow}"


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:[a-z]{2,4}/)*(?:dpa|afp)$",
        r"(?:\w+ )*end",
        r"(?:(?: \w+){0,3})*x",
        r"(a+)+b",
        r"(?:a+){2,}b",
        r"(?x:(?:\w+[ ]) *)end",  # verbose: the space before * is not a character
    ],
)
def test_nested_repetition_is_refused(pattern: str) -> None:
    assert nested_repetition(pattern)
    entry = {"kind": "syndication", "name": "bad", "max_words": 10, "match": pattern}
    with pytest.raises(ValueError, match="possessive"):
        _rule(entry, "xx")
    with pytest.raises(ValueError, match="possessive"):
        extra_phrasebook((("syndication", pattern),))


@pytest.mark.parametrize(
    "pattern",
    [r"(?:[a-z]{2,4}/)*+(?:dpa|afp)$", r"(?:\w++ )*end", r"(?: \w+){0,3}x", r"(?:ab|a)*c"],
)
def test_possessive_or_flat_repetition_is_accepted(pattern: str) -> None:
    assert not nested_repetition(pattern)


def test_a_backtracking_phrase_in_the_configuration_is_one_line_and_exit_2(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.artclean.phrases]\nadvertisement = ["(?:\\\\w+ )*sponsored"]\n', encoding="utf-8"
    )
    (tmp_path / "post.md").write_text("A post.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--check", str(tmp_path / "post.md")])
    assert result.exit_code == 2
    assert "possessive" in result.output
    assert len(result.output.strip().splitlines()) == 1


# The crafted paragraphs that took minutes before the rules were rewritten, at 4 KB.
CRAFTED = {
    "byline": "Author and reported and " * 170 + "x/y",
    "agency": "Text.\n\n" + "dpa/" + "afp/" * 1000 + "afp1",
    "publisher-note": "Folha é um jornal " + "de jornalismo investigativo " * 140 + "!",
    "combining-marks": "a" + "\u0301\u0316" * 160_000,
}


CLEAN_IN = """
import sys
from artclean import Options, clean
with open(sys.argv[1], encoding="utf-8") as text:
    clean(text.read(), Options(languages=(sys.argv[2],)))
"""


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_paragraphs_clean_in_seconds(name: str, tmp_path: Path, run_artclean: Run) -> None:
    path = tmp_path / "crafted.txt"
    path.write_text(CRAFTED[name], encoding="utf-8")
    for language in ("en", "de", "pt"):
        command = [sys.executable, "-c", CLEAN_IN, str(path), language]
        done = subprocess.run(command, capture_output=True, timeout=QUIET_SECONDS)
        assert done.returncode == 0, done.stderr
    assert run_artclean([str(path)]).returncode == 0  # the installed command, language detected


def test_a_long_run_of_combining_marks_is_cut_for_comparison_only() -> None:
    text = "Stacked: " + "e" + "\u0301\u0316" * 20_000 + " marks.\n\nStacked: " + "e\u0301 marks."
    result = clean(text)
    assert result.text.startswith(text.split("\n\n")[0])  # the original, not a cut copy


def test_the_combining_marks_list_matches_this_python() -> None:
    listing = resources.files("artclean").joinpath("data", "combining-marks.txt")
    header = listing.read_text(encoding="ascii").splitlines()[0]
    if unicodedata.unidata_version not in header:
        pytest.skip(f"the list is for another Unicode version than {unicodedata.unidata_version}")
    listed = set()
    for line in listing.read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            listed.update(range(int(first, 16), int(last, 16) + 1))
    marks = {c for c in range(0x110000) if unicodedata.combining(chr(c))}
    assert listed == marks
