"""The `artclean` command: options, output files, --explain, errors and exit codes.

Most tests go through click's CliRunner; the last ones run the installed command in a real
process, where pipes, exit statuses and tracebacks are what a user sees.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import artclean
from artclean.cli import cli, main
from conftest import SEED, installed_command

ARTICLE = (
    "The city council approved the new transit plan on Tuesday after a debate that lasted more "
    "than four hours.\n"
    "This article originally appeared in The Riverside Gazette.\n"
    "Construction of the first tram line is expected to begin next spring.\n"
)
CLEAN = (
    "The city council approved the new transit plan on Tuesday after a debate that lasted more "
    "than four hours.\n"
    "Construction of the first tram line is expected to begin next spring.\n"
)
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
FOREGROUND = re.compile(r"\x1b\[(?:[0-9;]*;)?3[0-7](?:;[0-9;]*)?m")


def invoke(
    *args: str, stdin: bytes | str | None = None, env: dict[str, str] | None = None
) -> Result:
    if isinstance(stdin, str):
        stdin = stdin.encode()
    return CliRunner().invoke(cli, list(args), input=stdin, env=env)


def one_line_error(result: Result | subprocess.CompletedProcess[bytes]) -> str:
    """The single line on stderr of a failed run, checked to be a message and not a traceback."""
    stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode()
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("artclean: error: ")
    return lines[0]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- help and version -------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_options_kinds_examples_and_exit_codes(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0
    for text in ["--format", "--output", "--explain", "--keep", "--similarity", "--encoding"]:
        assert text in result.stdout
    for kind in ["duplicate", "syndication", "related", "cookie", "legal", "comments"]:
        assert re.search(rf"^\s+{kind}\s", result.stdout, re.M), kind
    assert "cat page.txt | artclean" in result.stdout
    assert "Exit status: 0 success, 1 --check/--diff/--fix found something to change" in (
        result.stdout
    )
    assert "2 usage or input error" in result.stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_is_the_package_version(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.stdout == f"artclean, version {artclean.__version__}\n"
    assert artclean.__version__ == version("artclean")


# --- options ----------------------------------------------------------------------------------


def test_keep_keeps_a_kind(article: Path) -> None:
    assert invoke(str(article)).stdout == CLEAN
    assert invoke(str(article), "--keep", "syndication").stdout == ARTICLE
    assert invoke(str(article), "-k", "syndication").stdout == ARTICLE


def test_keep_is_repeatable(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE + "Share on Facebook\nAdvertisement\n", encoding="utf-8")
    assert invoke(str(path), "-k", "share").stdout == CLEAN + "Share on Facebook\n"
    assert invoke(str(path), "-k", "share", "-k", "advertisement", "-k", "syndication").stdout == (
        ARTICLE + "Share on Facebook\nAdvertisement\n"
    )


def test_keep_rejects_an_unknown_kind(article: Path) -> None:
    result = invoke(str(article), "--keep", "adverts")
    assert result.exit_code == 2
    assert "'adverts' is not one of" in result.stderr
    assert "advertisement" in result.stderr


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "-5",
        "100.01",
        "101",
        "inf",
        "ninety",
        "nan",
    ],
)
def test_similarity_outside_0_to_100_is_a_usage_error(article: Path, value: str) -> None:
    result = invoke(str(article), "--similarity", value)
    assert result.exit_code == 2
    assert "--similarity" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("value", ["0.5", "50", "90", "100"])
def test_similarity_inside_the_range_is_accepted(article: Path, value: str) -> None:
    assert invoke(str(article), "--similarity", value).exit_code == 0


def test_similarity_changes_what_is_a_near_duplicate(tmp_path: Path) -> None:
    first = "The mayor said the bridge would reopen in the spring once repairs are complete.\n"
    typo = "The mayor said the bridge would reopen in the sprung once repairs are complete.\n"
    path = tmp_path / "page.txt"
    path.write_text(first + typo, encoding="utf-8")
    assert invoke(str(path)).stdout == first
    assert invoke(str(path), "--similarity", "100").stdout == first + typo


def test_several_files_are_cleaned_in_turn(article: Path) -> None:
    result = invoke(str(article), str(SEED))
    assert result.exit_code == 0
    seed_clean = "".join(line + "\n" for line in SEED.read_text(encoding="utf-8").split("\n")[:7])
    assert result.stdout == CLEAN + seed_clean


def test_dash_is_standard_input() -> None:
    result = invoke("-", stdin=ARTICLE)
    assert (result.exit_code, result.stdout) == (0, CLEAN)


# --- output files -----------------------------------------------------------------------------


def test_output_file_is_written_and_stdout_stays_empty(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean.txt"
    result = invoke(str(article), "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert out.read_bytes() == CLEAN.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "clean.txt"]


def test_output_file_can_be_the_input_file(article: Path) -> None:
    assert invoke(str(article), "--output", str(article)).exit_code == 0
    assert article.read_text(encoding="utf-8") == CLEAN


def test_output_file_keeps_the_permissions_of_the_file_it_replaces(
    article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "clean.txt"
    out.write_text("old contents\n")
    out.chmod(0o640)
    assert invoke(str(article), "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text() == CLEAN


def test_no_output_file_is_left_behind_when_the_input_is_missing(tmp_path: Path) -> None:
    out = tmp_path / "clean.txt"
    result = invoke(str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_an_existing_output_file_is_untouched_when_a_later_input_fails(
    article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "clean.txt"
    out.write_text("previous run\n")
    result = invoke(str(article), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "clean.txt"]


def test_an_output_file_in_a_missing_directory_is_an_error(article: Path, tmp_path: Path) -> None:
    result = invoke(str(article), "-o", str(tmp_path / "no" / "such" / "clean.txt"))
    assert result.exit_code == 2
    assert "cannot write" in one_line_error(result)


def test_output_is_utf8_with_the_input_line_ends(tmp_path: Path) -> None:
    path, out = tmp_path / "page.txt", tmp_path / "clean.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-16"))
    assert invoke(str(path), "-o", str(out)).exit_code == 0
    assert out.read_bytes() == CLEAN.replace("\n", "\r\n").encode("utf-8")


# --- --explain --------------------------------------------------------------------------------


def test_explain_is_plain_text_when_not_a_terminal() -> None:
    result = invoke(str(SEED), "--explain", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert not COLOUR.search(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["line", "decision", "paragraph", "and", "reason"]
    assert re.search(r"^\s+8\s+syndication\s+This article originally appeared", result.stdout, re.M)
    assert re.search(r"^\s+15\s+syndication\+duplicate\s", result.stdout, re.M)
    assert "lines 9-14 repeat lines 2-7 as one block [D004 repeated-block]" in result.stdout
    assert lines[-1] == (
        f"{SEED}: kept 7 of 21 paragraphs (1513 of 3423 characters); "
        "removed: duplicate 6, related 6, syndication 2"
    )


def test_explain_outside_a_terminal_is_one_unpadded_line_per_row_cut_at_words() -> None:
    """Piped, a narrow COLUMNS changes nothing: no wrapping, no padding, no word cut in half."""
    result = invoke(str(SEED), "--explain", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "line  decision               paragraph and reason"
    assert all(line == line.rstrip() for line in lines)
    rows = [line for line in lines[1:-1] if re.match(r"^\s*\d+  ", line)]
    assert len(rows) == 21  # each paragraph on one line of its own
    paragraphs = SEED.read_text(encoding="utf-8").splitlines()
    for row in rows:
        number, _decision, shown = re.match(r"^\s*(\d+)  (\S+)\s+(.*)$", row).groups()
        whole = paragraphs[int(number) - 1]
        assert len(row) <= 100
        if shown.endswith(" …"):
            assert whole.startswith(shown[:-2]) and whole[len(shown) - 2] == " ", row
        else:
            assert shown == whole
    reason = " " * 29 + "lines 9-14 repeat lines 2-7 as one block [D004 repeated-block]"
    assert lines.count(reason) == 6  # a reason is never wrapped, however long


def test_explain_on_a_terminal_is_a_table_as_wide_as_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from artclean.explain import render_explanation
    from artclean.pipeline import clean

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    result = clean(SEED.read_text(encoding="utf-8"), source="seed.txt")
    for columns in (50, 80, 160):
        monkeypatch.setenv("COLUMNS", str(columns))
        screen = Terminal()
        render_explanation(result, screen)
        lines = COLOUR.sub("", screen.getvalue()).splitlines()
        assert max(len(line) for line in lines) <= columns
        assert "[D004 repeated-block]" in " ".join(" ".join(lines).split())
        assert sum(1 for line in lines if re.match(r"^\s*\d+  ", line)) == 21


def test_explain_lists_every_paragraph_once() -> None:
    result = invoke(str(SEED), "--explain")
    numbers = [int(m) for m in re.findall(r"^\s{0,3}(\d+)\s{2}", result.stdout, re.M)]
    assert numbers == list(range(1, 22))


def test_explain_is_coloured_when_colour_is_forced() -> None:
    result = invoke(str(SEED), "--explain", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert FOREGROUND.search(result.stdout)


def test_explain_honours_no_color_even_when_colour_is_forced() -> None:
    result = invoke(str(SEED), "--explain", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "syndication" in result.stdout
    assert not FOREGROUND.search(result.stdout)


def test_explain_on_a_terminal_strikes_through_the_paragraph_not_the_reason() -> None:
    result = invoke(str(SEED), "--explain", env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    styled = re.findall(r"\x1b\[([0-9;]*)m([^\x1b]*)", result.stdout)
    reason = [codes for codes, text in styled if "matches the syndication phrase rule" in text]
    struck = [codes for codes, text in styled if "This article originally appeared" in text]
    assert struck and all("9" in codes.split(";") for codes in struck)
    assert reason and all("9" not in codes.split(";") for codes in reason)


def test_explain_to_a_file_has_no_colour(tmp_path: Path) -> None:
    out = tmp_path / "explain.txt"
    result = invoke(str(SEED), "--explain", "-o", str(out), env={"FORCE_COLOR": ""})
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "repeated-block" in text
    assert not COLOUR.search(text)


# --- input errors: exit 2, one line, no traceback ---------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert one_line_error(result) == f"artclean: error: {tmp_path / 'missing.txt'}: no such file"
    assert result.stdout == ""


def test_directory(tmp_path: Path) -> None:
    # A directory is a batch, which writes files: it needs to be told where.
    result = invoke(str(tmp_path))
    assert result.exit_code == 2
    assert one_line_error(result) == (
        f"artclean: error: {tmp_path} is a directory: give --out-dir DIR or --in-place, "
        "or --format jsonl for one JSON line per file"
    )


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("café ok\nbad ".encode() + b"\xff here\n")
    result = invoke(str(path))
    assert result.exit_code == 2
    message = one_line_error(result)
    assert message.startswith(f"artclean: error: {path}: not valid utf-8 at byte 13 ")
    assert "--errors replace" in message
    assert result.stdout == ""


def test_invalid_utf8_after_the_first_read_chunk_names_the_right_offset(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    offset = (1 << 20) + 123_457
    path.write_bytes(b"a" * offset + b"\xff\n")
    result = invoke(str(path))
    assert result.exit_code == 2
    assert f"at byte {offset} " in one_line_error(result)


def test_a_character_split_across_read_chunks_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"a" * ((1 << 20) - 1) + "é and more\n".encode())
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout.endswith("é and more\n")


def test_input_that_ends_mid_character(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"Paragraph \xc3")
    result = invoke(str(path))
    assert result.exit_code == 2
    assert "at byte 10 (the input ends mid-character)" in one_line_error(result)


def test_errors_replace_uses_the_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"A paragraph with a bad \xff byte in it.\n")
    result = invoke(str(path), "--errors", "replace")
    assert (result.exit_code, result.stdout) == (0, "A paragraph with a bad \ufffd byte in it.\n")


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Café society returns to the old town.\n".encode("latin-1"))
    assert invoke(str(path)).exit_code == 2
    result = invoke(str(path), "--encoding", "latin-1")
    assert (result.exit_code, result.stdout) == (0, "Café society returns to the old town.\n")


def test_unknown_encoding(article: Path) -> None:
    result = invoke(str(article), "--encoding", "klingon")
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in one_line_error(result)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (PNG, "a PNG image"),
        (gzip.compress(ARTICLE.encode()), "gzip-compressed data"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (
            b"text\x00\x00\x00\x00with\x00nul\x00bytes\x00" * 20,
            "binary data (it contains NUL bytes)",
        ),
    ],
    ids=["png", "gzip", "pdf", "nul-bytes"],
)
def test_binary_input_is_refused(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    result = invoke(str(path))
    assert result.exit_code == 2
    assert one_line_error(result) == f"artclean: error: {path}: looks like {what}, not text"


def test_random_bytes_are_reported_as_binary_not_as_a_bad_byte(tmp_path: Path) -> None:
    """Regression: `head -c 4096 /dev/urandom | artclean` said "not valid utf-8 at byte 1"."""
    import random

    data = random.Random(13).randbytes(4096)
    result = invoke("-", stdin=data)
    assert result.exit_code == 2
    assert one_line_error(result) == "artclean: error: <stdin>: looks like binary data, not text"


def test_text_in_a_legacy_encoding_is_still_reported_as_a_bad_byte() -> None:
    result = invoke("-", stdin="Привет, мир. Это текст в кодировке cp1251.\n".encode("cp1251"))
    assert result.exit_code == 2
    assert one_line_error(result).startswith("artclean: error: <stdin>: not valid utf-8 at byte 0")


def test_a_single_file_error_does_not_say_skipped(tmp_path: Path) -> None:
    path = tmp_path / "ls"
    path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(64))
    result = invoke(str(path))
    assert one_line_error(result) == f"artclean: error: {path}: looks like an executable, not text"


def test_binary_input_on_stdin_is_refused() -> None:
    result = invoke("-", stdin=PNG)
    assert result.exit_code == 2
    assert one_line_error(result) == "artclean: error: <stdin>: looks like a PNG image, not text"


@pytest.mark.parametrize(
    "args",
    [["--bogus"], ["--format", "xml"], ["--errors", "ignore"], ["-o"]],
    ids=["unknown-option", "bad-format", "bad-errors", "missing-value"],
)
def test_bad_option_is_a_usage_error_without_traceback(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert re.search(r"^Error: .+$", result.stderr, re.M)
    assert result.stdout == ""


def test_bad_option_message_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    # An option name close to no real one ("--bogus" would get "Did you mean '--jobs'?").
    assert main(["--xyzzy"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "artclean: error: No such option '--xyzzy' (see artclean --help)"
    ]


def test_main_returns_the_exit_status_instead_of_exiting(tmp_path: Path, capfd) -> None:
    assert main(["--version"]) == 0
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert main(["--similarity", "0"]) == 2
    captured = capfd.readouterr()
    assert "no such file" in captured.err
    assert "Traceback" not in captured.err


# --- the installed command in a real process --------------------------------------------------


def test_installed_command_reads_a_pipe(run_artclean) -> None:
    done = run_artclean([], stdin=ARTICLE.encode())
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEAN.encode(), b"")


def test_installed_command_reads_a_file(run_artclean, article: Path) -> None:
    done = run_artclean([str(article)])
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEAN.encode(), b"")


def test_installed_command_writes_an_output_file(
    run_artclean, article: Path, tmp_path: Path
) -> None:
    done = run_artclean([str(article), "-o", "clean.txt"], cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    assert (tmp_path / "clean.txt").read_bytes() == CLEAN.encode()


def test_installed_command_reports_bad_input_in_one_line(run_artclean, tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(PNG)
    for args in (["missing.txt"], ["image.png"], ["."]):
        done = run_artclean(args, cwd=tmp_path)
        assert done.returncode == 2, args
        one_line_error(done)
        assert done.stdout == b""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_reading_a_terminal_says_so_on_stderr() -> None:
    """`artclean` with no arguments at a prompt would otherwise wait without a word."""
    import pty

    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [installed_command()],
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        os.write(controller, ARTICLE.encode() + b"\x04")  # Ctrl-D at the start of a line: EOF
        stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert process.returncode == 0
    assert stderr == b"artclean: reading from standard input; Ctrl-D to end, --help for usage\n"
    assert stdout == CLEAN.encode()


def test_reading_a_pipe_says_nothing(run_artclean) -> None:
    done = run_artclean([], stdin=ARTICLE.encode())
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEAN.encode(), b"")


def test_installed_command_bad_option(run_artclean) -> None:
    done = run_artclean(["--no-such-option"])
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert b"No such option: --no-such-option" in done.stderr or b"--no-such-option" in done.stderr


def test_python_dash_m_artclean(article: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "artclean", *args], capture_output=True, timeout=60
        )

    assert run("--help").stdout.startswith(b"Usage: artclean [OPTIONS] [PATHS]...")
    assert run("--version").stdout == f"artclean, version {artclean.__version__}\n".encode()
    done = run(str(article))
    assert (done.returncode, done.stdout) == (0, CLEAN.encode())
    assert run(str(article.parent / "missing.txt")).returncode == 2


# Modules the one-document command must not load: each costs start-up that a pipe or a
# pre-commit hook pays on every call, for work it never does.
BATCH_MODULES = {
    "artclean.batch",
    "artclean.cli_dask",
    "artclean.cli_request",
    "artclean.config",
    "artclean.dask",
    "artclean.discover",
    "artclean.jsonl",
    "artclean.jsonline",
    "artclean.parallel",
    "artclean.parquet",
    "artclean.progress",
    "artclean.templates",
    "artclean.warc",
    "concurrent.futures",
    "multiprocessing",
    "rich",
}


def imported_by(args: list[str], stdin: bytes | None = None) -> set[str]:
    """The modules `python -m artclean ARGS` imports, as -X importtime lists them."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "artclean", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.decode().splitlines()
    return {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}


def test_version_imports_click_and_nothing_of_the_cleaning() -> None:
    modules = imported_by(["--version"])
    assert "click" in modules and "artclean.cli" in modules  # the listing is read right
    unwanted = BATCH_MODULES | {"artclean.pipeline", "artclean.options", "artclean.rules"}
    assert not modules & unwanted
    assert not any(module.startswith("rapidfuzz") for module in modules)


def test_cleaning_a_pipe_imports_no_batch_machinery() -> None:
    modules = imported_by([], stdin=b"hello\n")
    assert "artclean.pipeline" in modules
    assert not modules & BATCH_MODULES
    assert "artclean.content" not in modules  # the profile of Markdown and content files
    # A bare `artclean` reading a pipe is answered by cli_pipe, without click.
    assert not {"click", "artclean.cli_command", "artclean.cli_common"} & modules


# A bare `artclean` (cli_pipe, no click) against `artclean -` (the click command), on inputs
# that take each way out: a clean text, bytes not in UTF-8, binary input, an empty input.
PIPE_INPUTS = [
    ARTICLE.encode(),
    b"A caf\xe9 article.\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"",
    "Zeile eins.\n\nWeitergelesen: hier.\n\ufeff".encode("utf-16"),
]


@pytest.mark.parametrize(
    "data", PIPE_INPUTS, ids=["article", "latin-1", "binary", "empty", "utf-16"]
)
def test_a_bare_pipe_answers_as_the_click_command_does(data: bytes) -> None:
    def run(*args: str) -> tuple[int, bytes, bytes]:
        done = subprocess.run([installed_command(), *args], input=data, capture_output=True)
        return done.returncode, done.stdout, done.stderr

    assert run() == run("-")


def test_a_bare_pipe_into_a_full_disk_or_a_closed_reader_exits_as_the_click_command_does(
    tmp_path: Path,
) -> None:
    source = tmp_path / "big.txt"
    source.write_text(ARTICLE * 2000)

    def full_disk(*args: str) -> tuple[int, bytes]:
        with source.open("rb") as stdin, open("/dev/full", "wb") as stdout:
            done = subprocess.run(
                [installed_command(), *args], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE
            )
        return done.returncode, done.stderr

    def closed_early(*args: str) -> tuple[int, bytes]:
        with source.open("rb") as stdin:
            process = subprocess.Popen(
                [installed_command(), *args],
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            assert process.stdout is not None and process.stderr is not None
            process.stdout.read(10)
            process.stdout.close()  # as `head -c 10` does
            error = process.stderr.read()
            return process.wait(timeout=60), error

    if Path("/dev/full").exists():
        assert full_disk() == full_disk("-")
        assert full_disk()[0] == 2
    assert closed_early() == closed_early("-") == (141, b"")


def test_the_bare_pipe_uses_the_defaults_the_click_command_declares() -> None:
    """cli_pipe spells out what the click command's defaults give: they must stay so."""
    from artclean.reading import MAX_INPUT_BYTES

    with cli.make_context("artclean", []) as context:
        given = context.params
    assert given["max_size"] == MAX_INPUT_BYTES
    assert given["similarity"] == 90.0
    assert (given["keep"], given["select"], given["extend_select"], given["ignore"]) == ((),) * 4
    assert (given["encoding"], given["errors"], given["output_format"]) == (
        "utf-8",
        "strict",
        "text",
    )
    assert (given["output"], given["explain"], given["paths"]) == ("-", False, ())


def test_a_batch_still_finds_its_machinery(tmp_path: Path) -> None:
    """The batch modules, imported where they are used, are there when a batch runs."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    modules = imported_by([str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "-q"])
    assert {"artclean.batch", "artclean.cli_request", "artclean.discover"} <= modules
    assert (tmp_path / "out" / "a.txt").read_text() == CLEAN


def big_page(path: Path) -> str:
    """A long page of distinct paragraphs, far more than a pipe holds."""
    lines = [
        f"Paragraph {i} of the report describes the {i}th of many findings in some detail, "
        f"with a reference number {i * 7919} so that no two paragraphs are alike."
        for i in range(3_000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines[0]


def test_piping_into_head_ends_quietly(tmp_path: Path) -> None:
    first = big_page(tmp_path / "big.txt")
    done = subprocess.run(
        f"'{installed_command()}' big.txt | head -1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert done.stdout == (first + "\n").encode()
    assert done.stderr == b""


@pytest.mark.parametrize(
    "output", [[], ["--format", "jsonl"], ["--explain"]], ids=["text", "jsonl", "explain"]
)
def test_output_closed_early_exits_141_quietly(tmp_path: Path, output: list[str]) -> None:
    big_page(tmp_path / "big.txt")
    process = subprocess.Popen(
        [installed_command(), "big.txt", *output],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before anything is written
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 141
    assert stderr == b""


def test_output_closed_early_prints_nothing_on_stderr(tmp_path: Path) -> None:
    big_page(tmp_path / "big.txt")
    process = subprocess.Popen(
        [installed_command(), "big.txt"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) != 0
    assert stderr == b""
