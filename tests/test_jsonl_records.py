"""JSONL records pass through byte for byte except their text value; a record Python cannot
hold is a bad line, not a traceback; a record over --max-size is refused without being held.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from artclean.cli import main
from artclean.jsonline import encode_value, read_object
from conftest import Run, installed_command

SYNDICATED = "A short article about the harbour.\nThis article originally appeared in The Times."
SYNDICATED_JSON = json.dumps(SYNDICATED).encode()
CLEAN_JSON = json.dumps(SYNDICATED.split("\n")[0]).encode()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """`artclean ARGS` through main(): status, stdout as bytes, stderr as text."""
    with CliRunner().isolation(input=stdin) as streams:
        status = main(list(args))
    return status, streams[0].getvalue(), streams[1].getvalue().decode()


def good(number: int) -> bytes:
    return b'{"id": %d, "text": %s}\n' % (number, SYNDICATED_JSON)


def cleaned(number: int) -> bytes:
    return b'{"id": %d, "text": %s}\n' % (number, CLEAN_JSON)


# Each line holds what a dump of the parsed record would change; `text` is a placeholder for
# the syndicated text, which the cleaner shortens.
AS_WRITTEN = [
    b'{"big": 1e400, "text": TEXT, "tiny": 0.1000000000000000055511151231257827, "e": 1E5}',
    b'{"text": "the first is kept", "n": -0.0, "text": TEXT}',
    b'  { "text"  :TEXT ,"z":1 , "a" : [ 1.0 ,{}] }\t',
    b'{"text": TEXT, "line end": "CRLF"}\r',
    b'{"text": TEXT, "escaped": "caf\\u00e9 \\ud83d\\ude00 \\/", "raw": "caf\xc3\xa9"}',
]


@pytest.mark.parametrize("line", AS_WRITTEN, ids=["numbers", "repeat", "space", "crlf", "escapes"])
def test_only_the_text_value_of_a_record_changes(line: bytes) -> None:
    given = line.replace(b"TEXT", SYNDICATED_JSON) + b"\n"
    status, stdout, stderr = run("--input-format", "jsonl", "-q", stdin=given)
    assert (status, stderr) == (0, "")
    assert stdout == line.replace(b"TEXT", CLEAN_JSON) + b"\n"


def test_a_byte_order_mark_stays() -> None:
    given = b"\xef\xbb\xbf" + good(1) + good(2)
    assert run("--input-format", "jsonl", "-q", stdin=given)[1] == (
        b"\xef\xbb\xbf" + cleaned(1) + cleaned(2)
    )


def test_format_json_adds_the_result_after_the_last_field_and_changes_nothing_else() -> None:
    given = b'{"text": %s, "n": 1E5 }\r\n' % SYNDICATED_JSON
    status, stdout, _ = run("--input-format", "jsonl", "--format", "json", "-q", stdin=given)
    head = b'{"text": %s, "n": 1E5, "artclean": ' % CLEAN_JSON
    assert status == 0
    assert stdout.startswith(head)
    assert stdout.endswith(b" }\r\n")
    result = json.loads(stdout[len(head) : -len(b" }\r\n")])
    assert list(result) == ["source", "kept", "removed", "stats"]
    assert [r["kind"] for r in result["removed"]] == ["syndication"]


def test_format_json_replaces_the_value_of_an_artclean_field() -> None:
    given = b'{"artclean": 1, "text": %s, "artclean": "old", "x": 2}\n' % SYNDICATED_JSON
    _, stdout, _ = run("--input-format", "jsonl", "--format", "json", "-q", stdin=given)
    head = b'{"artclean": 1, "text": %s, "artclean": {"source": "<stdin>:1"' % CLEAN_JSON
    assert stdout.startswith(head)
    assert stdout.endswith(b'}, "x": 2}\n')


def test_non_utf_8_bytes_in_other_fields_stay_with_errors_replace() -> None:
    given = b'{"raw": "\xff\xfe", "text": %s}\n' % SYNDICATED_JSON
    status, stdout, _ = run("--input-format", "jsonl", "--errors", "replace", "-q", stdin=given)
    assert (status, stdout) == (0, b'{"raw": "\xff\xfe", "text": %s}\n' % CLEAN_JSON)


UNREADABLE = {
    "long integer": (b'{"text": "x", "n": 1%s}' % (b"0" * 5000), "holds an integer of more than"),
    "deep nesting": (b'{"text": "x", "n": %s1%s}' % (b"[" * 100_000, b"]" * 100_000), "nested"),
    "NaN": (b'{"text": "x", "n": NaN}', "not JSON (NaN is not a JSON number)"),
    "Infinity": (b'{"text": "x", "n": -Infinity}', "not JSON (-Infinity is not a JSON number)"),
    "leading zero": (b'{"text": "x", "n": 01}', "not JSON (Expecting ',' delimiter"),
}


@pytest.mark.parametrize("kind", list(UNREADABLE))
def test_a_value_python_cannot_hold_makes_a_bad_line_and_the_stream_goes_on(kind: str) -> None:
    line, reason = UNREADABLE[kind]
    given = good(1) + line + b"\n" + good(3)
    status, stdout, stderr = run("--input-format", "jsonl", "-q", stdin=given)
    assert status == 2
    assert stderr.startswith(f"<stdin>:2: {reason}")
    assert len(stderr.splitlines()) == 1
    assert stdout == cleaned(1) + line + b"\n" + cleaned(3)
    skipped = run("--input-format", "jsonl", "--on-bad-line", "skip", "-q", stdin=given)
    assert skipped == (2, cleaned(1) + cleaned(3), stderr)


def test_unreadable_values_by_the_installed_command(run_artclean: Run) -> None:
    given = b"".join(line + b"\n" for line, _ in UNREADABLE.values()) + good(6)
    done = run_artclean(["--input-format", "jsonl", "--jobs", "2", "-q"], stdin=given)
    assert done.returncode == 2
    assert done.stdout == given[: -len(good(6))] + cleaned(6)
    problems = done.stderr.decode().splitlines()
    assert [problem.split(":")[1] for problem in problems] == ["1", "2", "3", "4", "5"]
    assert "Traceback" not in done.stderr.decode()


def test_a_record_over_max_size_is_refused_naming_its_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    big = b'{"text": "%s"}\n' % (b"word " * 300)
    corpus.write_bytes(good(1) + big + good(3))
    status, stdout, stderr = run(str(corpus), "--input-format", "jsonl", "--max-size", "1K", "-q")
    assert status == 2
    assert stderr == (
        f"{corpus}:2: a record of {len(big) - 1} bytes is over the limit of 1024 bytes "
        "(--max-size); left out\n"
    )
    assert stdout == cleaned(1) + cleaned(3)
    unlimited = run(str(corpus), "--input-format", "jsonl", "--max-size", "0", "-q")
    assert unlimited == (0, cleaned(1) + big + cleaned(3), "")


def bomb(path: Path, size: int, before: bytes, after: bytes) -> None:
    """A gzip file holding `before`, one line of `size` letters, then `after`; written in
    pieces, never held whole."""
    with gzip.open(path, "wb", compresslevel=1) as stream:
        stream.write(before)
        piece = b"a" * (1 << 20)
        for _ in range(size >> 20):
            stream.write(piece)
        stream.write(b"\n" + after)


def peak_rss(command: list[str]) -> tuple[subprocess.CompletedProcess[bytes], int]:
    """Run `command`; its result and the peak RSS in bytes of the largest process in its
    tree, measured from a fresh Python so that no earlier child counts."""
    script = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "sys.stderr.buffer.write(done.stderr)\n"
        "sys.stdout.buffer.write(done.stdout)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(f'peak {peak}\\n')\n"
        "sys.exit(done.returncode)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *command], capture_output=True, timeout=300
    )
    *stderr, peak = done.stderr.decode().splitlines()
    done.stderr = "".join(line + "\n" for line in stderr).encode()
    return done, int(peak.removeprefix("peak ")) * 1024


@pytest.mark.slow  # reads 256 MiB out of gzip
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
def test_a_gzip_bomb_record_is_refused_with_memory_bounded_by_the_limit(tmp_path: Path) -> None:
    corpus = tmp_path / "bomb.jsonl.gz"
    size = 256 << 20
    bomb(corpus, size, good(1), good(3))
    assert corpus.stat().st_size < 4 << 20
    args = [str(corpus), "--input-format", "jsonl", "--max-size", "4M", "--jobs", "2", "-q"]
    done, peak = peak_rss([installed_command(), *args])
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"{corpus}:2: a record of {size} bytes is over the limit of {4 << 20} bytes "
        "(--max-size); left out\n"
    )
    assert done.stdout == cleaned(1) + cleaned(3)
    assert peak < 100 << 20, f"peak RSS {peak >> 20} MiB for a limit of 4 MiB"


def test_the_limit_has_a_default_and_is_documented_in_help() -> None:
    status, stdout, _ = run("--help")
    assert status == 0
    text = " ".join(stdout.decode().split())
    assert "jsonl, warc or parquet, each record larger than SIZE is reported and left out" in text
    assert "[default: 64M]" in text


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
SPACE = st.sampled_from(["", " ", "\t", "  ", "\r\n "])


@given(
    st.lists(st.tuples(st.sampled_from(["text", "id", "", "é", 'a"b']), VALUES), max_size=6),
    SPACE,
    SPACE,
    st.booleans(),
    st.text(),
)
def test_a_spliced_line_reads_as_the_record_with_only_those_values_changed(
    pairs: list[tuple[str, object]], before: str, after: str, ascii: bool, new: str
) -> None:
    """Any object, any spacing, repeated keys: the fields read as json.loads reads them, and
    the line with a value replaced or added reads as that record with that value changed."""
    items = [
        f"{before}{json.dumps(key, ensure_ascii=ascii)}{after}:{before}"
        f"{json.dumps(value, ensure_ascii=ascii)}{after}"
        for key, value in pairs
    ]
    line = ("{" + before + ",".join(items) + "}" + after).encode("utf-8", "surrogatepass")
    if b"\xed" in line:  # a lone surrogate written raw: not UTF-8, not a case here
        return
    found = read_object(line)
    expected = json.loads(line)
    assert found.fields == expected
    changed = read_object(found.replaced({"text": encode_value(new), "z": b"[1E5]"}))
    assert changed.fields == {**expected, "text": new, "z": [1e5]}
    untouched = found.replaced({})
    assert untouched == line
