"""The seed article: a news story whose body was scraped twice, with a syndication note after each
copy and a "You may also like" list at the end. Its clean text is exactly its first seven lines.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from artclean import clean
from artclean.cli import cli
from conftest import SEED


def lines_of(text: str) -> list[str]:
    return text.split("\n")


@pytest.fixture
def lines(seed_text: str) -> list[str]:
    return lines_of(seed_text)


@pytest.fixture
def expected_text(lines: list[str]) -> str:
    """The lead paragraph and the six body paragraphs, each ending in a newline."""
    return "".join(line + "\n" for line in lines[:7])


def test_the_seed_has_21_lines_and_no_final_newline(seed_text: str, lines: list[str]) -> None:
    assert len(lines) == 21
    assert not seed_text.endswith("\n")
    assert lines[7] == lines[14] == "This article originally appeared in The New York Times."
    assert lines[15] == "You may also like"


def test_clean_text_is_exactly_the_first_seven_lines(seed_text: str, expected_text: str) -> None:
    assert clean(seed_text).text == expected_text


def test_kept_paragraphs_are_lines_1_to_7(seed_text: str, lines: list[str]) -> None:
    result = clean(seed_text)
    assert [(k.index, k.line, k.text) for k in result.kept] == [
        (i, i + 1, lines[i]) for i in range(7)
    ]


def test_lines_9_to_14_are_one_repeated_block_of_lines_2_to_7(seed_text: str) -> None:
    removed = {r.line: r for r in clean(seed_text).removed}
    block = [removed[line] for line in range(9, 15)]
    assert [r.kind for r in block] == ["duplicate"] * 6
    assert [r.rule for r in block] == ["repeated-block"] * 6
    assert [r.duplicate_of for r in block] == [1, 2, 3, 4, 5, 6]  # the indices of lines 2-7
    assert {r.group for r in block} == {8}  # one group, named by its first paragraph
    assert [r.similarity for r in block] == [100.0] * 6
    assert all(r.also == () for r in block)
    assert block[0].reason == "lines 9-14 repeat lines 2-7 as one block"


def test_both_syndication_notes_are_syndication_and_the_second_also_a_duplicate(
    seed_text: str,
) -> None:
    removed = {r.line: r for r in clean(seed_text).removed}
    first, second = removed[8], removed[15]

    assert (first.kind, first.rule, first.also, first.duplicate_of) == (
        "syndication",
        "originally-appeared",
        (),
        None,
    )
    assert (second.kind, second.rule, second.also) == (
        "syndication",
        "originally-appeared",
        ("duplicate",),
    )
    assert second.duplicate_of == first.index == 7
    assert second.similarity == 100.0
    assert "syndication phrase rule" in second.reason
    assert "repeats the paragraph at line 8" in second.reason


def test_you_may_also_like_and_its_five_headlines_are_one_related_list(
    seed_text: str, lines: list[str]
) -> None:
    removed = {r.line: r for r in clean(seed_text).removed}
    related = [removed[line] for line in range(16, 22)]
    assert [r.kind for r in related] == ["related"] * 6
    assert [r.rule for r in related] == ["related-header"] + ["related-item"] * 5
    assert {r.group for r in related} == {15}
    assert [r.text for r in related] == lines[15:21]
    assert all(r.duplicate_of is None and r.also == () for r in related)


def test_exactly_lines_8_to_21_are_removed(seed_text: str) -> None:
    result = clean(seed_text)
    assert [r.line for r in result.removed] == list(range(8, 22))
    assert result.stats.removed == {"duplicate": 6, "related": 6, "syndication": 2}
    assert (result.stats.paragraphs_in, result.stats.paragraphs_out) == (21, 7)
    assert (result.stats.chars_in, result.stats.chars_out) == (3423, 1513)


@pytest.mark.parametrize("ending", ["\n", "\n\n", "\r\n"], ids=["lf", "blank-line", "crlf"])
def test_a_final_line_break_changes_nothing(seed_text: str, ending: str) -> None:
    without, with_ending = clean(seed_text), clean(seed_text + ending)
    assert with_ending.text == without.text
    assert with_ending.removed == without.removed
    assert with_ending.kept == without.kept


def test_a_byte_order_mark_changes_nothing(seed_text: str, expected_text: str) -> None:
    assert clean("\ufeff" + seed_text).text == expected_text


def test_cli_text_output_from_the_file(expected_text: str) -> None:
    result = CliRunner().invoke(cli, [str(SEED)])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_text
    assert result.stderr == ""


def test_cli_text_output_from_stdin(seed_text: str, expected_text: str) -> None:
    result = CliRunner().invoke(cli, [], input=seed_text.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_text


def test_cli_json_output_holds_the_same_decisions(seed_text: str, expected_text: str) -> None:
    result = CliRunner().invoke(cli, [str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == str(SEED)
    assert data["text"] == expected_text
    assert [r["line"] for r in data["removed"]] == list(range(8, 22))
    assert data["removed"] == [
        {
            "index": r.index,
            "line": r.line,
            "kind": r.kind,
            "code": r.code,
            "rule": r.rule,
            "reason": r.reason,
            "text": r.text,
            "duplicate_of": r.duplicate_of,
            "similarity": r.similarity,
            "also": list(r.also),
            "group": r.group,
        }
        for r in clean(seed_text).removed
    ]
    second_note = data["removed"][7]
    assert (second_note["kind"], second_note["also"], second_note["duplicate_of"]) == (
        "syndication",
        ["duplicate"],
        7,
    )


def test_cli_json_from_stdin_has_null_source(seed_text: str, expected_text: str) -> None:
    result = CliRunner().invoke(cli, ["-", "--format", "json"], input=seed_text.encode())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] is None
    assert data["text"] == expected_text


def test_installed_command_cleans_the_seed_from_a_pipe(run_artclean, seed_text, expected_text):
    done = run_artclean([], stdin=seed_text.encode())
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == expected_text.encode()
