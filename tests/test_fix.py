"""--fix: golden files, and byte-for-byte preservation of everything that is kept."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from artclean.check import check_text, options_for, read_document, remove_lines
from artclean.cli import main

PASTED = Path(__file__).resolve().parents[1] / "fixtures" / "content" / "pasted"
GOLDEN = sorted(p.name for p in PASTED.iterdir() if p.suffix in (".md", ".txt"))
DUPLICATED = (
    "The committee met on Thursday and agreed to publish the full minutes of every meeting "
    "within a week."
)


# --- remove_lines: the edit itself ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a block between two kept blocks takes the blank line after it
        ("A\n\nB\n\nC\n", [(3, 3)], "A\n\nC\n"),
        # the first block takes the blank line after it
        ("A\n\nB\n", [(1, 1)], "B\n"),
        # the last block takes the blank line before it
        ("A\n\nB\n", [(3, 3)], "A\n"),
        # neighbouring removed blocks go with all the blank lines between them
        ("A\n\nB\n\nC\n\nD\n", [(3, 3), (5, 5)], "A\n\nD\n"),
        # lines inside a block go alone
        ("A\nB\nC\n\nD\n", [(2, 2)], "A\nC\n\nD\n"),
        # a multi-line paragraph goes whole
        ("A\n\nB1\nB2\n\nC\n", [(3, 4)], "A\n\nC\n"),
        # the gaps between kept blocks are kept as they were, even two blank lines
        ("A\n\n\nB\n\nC\n", [(6, 6)], "A\n\n\nB\n"),
        # CRLF and CR line ends, and trailing whitespace, stay
        ("A  \r\n\r\nB\r\n\r\nC\r\n", [(3, 3)], "A  \r\n\r\nC\r\n"),
        ("A\r\rB\r\rC\r", [(3, 3)], "A\r\rC\r"),
        # no final newline stays no final newline
        ("A\n\nB", [(3, 3)], "A"),
        ("A\r\n\r\nB", [(3, 3)], "A"),
        ("A\n\nB\n\nC", [(3, 3)], "A\n\nC"),
        # trailing blank lines of the file stay
        ("A\n\nB\n\n", [(3, 3)], "A\n\n"),
        # nothing to remove: nothing changes
        ("A\n\nB", [], "A\n\nB"),
    ],
)
def test_remove_lines(text, spans, expected):
    assert remove_lines(text, spans) == expected


# --- golden files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOLDEN)
def test_check_prints_the_expected_lines(name, monkeypatch, capsys):
    monkeypatch.chdir(PASTED)
    expected = (PASTED / f"{name}.check").read_text(encoding="utf-8")
    status = main(["--check", name])
    out = capsys.readouterr().out
    assert out == expected
    assert status == (1 if expected else 0)


@pytest.mark.parametrize("name", GOLDEN)
def test_fix_writes_the_expected_file_and_a_second_fix_changes_nothing(name, tmp_path, capsys):
    target = tmp_path / name
    shutil.copy(PASTED / name, target)
    expected = (PASTED / f"{name}.fixed").read_bytes()
    first = main(["--fix", str(target)])
    assert target.read_bytes() == expected
    assert first == (1 if expected != (PASTED / name).read_bytes() else 0)
    capsys.readouterr()
    assert main(["--fix", str(target)]) == 0
    assert target.read_bytes() == expected
    assert capsys.readouterr().out == ""


# --- encodings and line ends ------------------------------------------------------------------


def _post(newline: str, final: bool) -> str:
    lines = ["---", "title: A post  ", "---", "", DUPLICATED, "", "Between.", "", DUPLICATED]
    return newline.join(lines) + (newline if final else "")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("final", [True, False])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_fix_keeps_bom_line_ends_and_final_newline(tmp_path, newline, final, bom):
    post = tmp_path / "post.md"
    post.write_bytes(bom + _post(newline, final).encode())
    assert main(["--fix", str(post)]) == 1
    kept = ["---", "title: A post  ", "---", "", DUPLICATED, "", "Between."]
    assert post.read_bytes() == bom + (newline.join(kept) + (newline if final else "")).encode()


def test_fix_keeps_utf16_as_utf16(tmp_path):
    post = tmp_path / "post.md"
    post.write_bytes(codecs.BOM_UTF16_LE + _post("\n", True).encode("utf-16-le"))
    assert main(["--fix", str(post)]) == 1
    data = post.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert data[2:].decode("utf-16-le").endswith("Between.\n")


def test_fix_keeps_permissions_and_leaves_no_temporary_files(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(_post("\n", True), encoding="utf-8")
    post.chmod(0o640)
    main(["--fix", str(post)])
    assert post.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_a_clean_file_is_not_written_at_all(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("# Fine\n\nNothing to do here.\n", encoding="utf-8")
    before = post.stat().st_mtime_ns
    assert main(["--fix", str(post)]) == 0
    assert post.stat().st_mtime_ns == before


def test_read_document_round_trips_the_bytes(tmp_path):
    post = tmp_path / "post.md"
    data = codecs.BOM_UTF8 + "Ünïcode\r\nline  \r\n".encode()
    post.write_bytes(data)
    document = read_document(str(post))
    assert document.text == "Ünïcode\r\nline  \r\n"
    assert document.encode(document.text) == data


# --- properties -------------------------------------------------------------------------------

_PIECES = [
    "# A heading",
    "Output:",
    "- a list item\n- another item",
    "```\ncode\n\ncode\n```",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "> a quotation that is long enough to matter in a comparison, and then some more words.",
    DUPLICATED,
    "Another paragraph of real substance, written by hand, that says something else entirely.",
    "This article originally appeared in The Gazette.",
    "You may also like\nFerry company orders two electric boats\nIsland school wins a prize",
    "<!-- artclean: keep -->",
]


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    remaining = iter(big)
    return all(line in remaining for line in small)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12),
    newline=st.sampled_from(["\n", "\r\n"]),
    final=st.booleans(),
)
def test_fix_only_deletes_whole_lines_and_is_idempotent(pieces, newline, final):
    text = newline.join("\n\n".join(pieces).split("\n")) + (newline if final else "")
    options = options_for("post.md")
    fixed = check_text(text, options, "post.md").after
    assert _is_subsequence(fixed.splitlines(keepends=True)[:-1], text.splitlines(keepends=True))
    assert fixed.endswith(newline) == text.endswith(newline) or fixed == ""
    assert check_text(fixed, options, "post.md").after == fixed


def test_what_a_removal_reveals_is_found_in_the_same_run_at_its_original_line():
    # Removing the copy at line 3 makes the heading and the kept paragraph at lines 9-11 a
    # repeat of the passage at lines 1-5; --check reports both, at lines of the file as it is.
    text = "\n\n".join(
        [
            DUPLICATED,
            DUPLICATED,
            "# A heading",
            "<!-- artclean: keep -->",
            DUPLICATED,
            "# A heading",
        ]
    )
    checked = check_text(text + "\n", options_for("post.md"), "post.md")
    assert [str(p) for p in checked.problems] == [
        "post.md:3:1: D001 repeats the paragraph at line 1 (similarity 100)",
        "post.md:11:1: D001 repeats the paragraph at line 5 (similarity 100)",
    ]
    assert check_text(checked.after, options_for("post.md"), "post.md").problems == ()
