"""`--engine dask` misused: one line on stderr saying what to do instead, exit 2, before any
cluster starts. These run with or without Dask installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from artclean.cli import main


def run(*args: str) -> tuple[int, str]:
    with CliRunner().isolation() as streams:
        status = main(list(args))
    return status, streams[1].getvalue().decode()


DASK_TO_OUT = ["--engine", "dask", "--input-format", "jsonl", "--out-dir", "OUT"]


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"text": "A story."}\n')
    return str(path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--engine", "dask", "--out-dir", "OUT"],
            "--engine dask cleans corpora of records: add --input-format jsonl, warc or parquet",
        ),
        (
            ["--engine", "dask", "--input-format", "jsonl"],
            "--engine dask writes one part file per partition: give --out-dir DIR",
        ),
        (
            ["--engine", "dask", "--input-format", "jsonl", "--in-place"],
            "--engine dask writes part files into --out-dir DIR, not in place",
        ),
        (
            ["--engine", "dask", "--input-format", "jsonl", "--out-dir", "OUT", "-o", "x"],
            "-o/--output writes one stream; --engine dask writes part files into --out-dir",
        ),
        (
            ["--input-format", "jsonl", "--scheduler", "tcp://127.0.0.1:8786", "--out-dir", "O"],
            "--scheduler is the address of a Dask scheduler; add --engine dask",
        ),
        (
            [*DASK_TO_OUT, "--jobs", "2", "--scheduler", "tcp://127.0.0.1:8786"],
            "--jobs sets the workers of a local cluster; the one at --scheduler has its own",
        ),
        (
            [
                "--engine",
                "dask",
                "--input-format",
                "jsonl",
                "--out-dir",
                "OUT",
                "--encoding",
                "cp1252",
            ],
            "JSONL is UTF-8 by definition; --encoding applies to text input",
        ),
    ],
)
def test_misuse_is_explained(corpus: str, tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / "out") if arg == "OUT" else arg for arg in args]
    assert run(corpus, *args) == (2, f"artclean: error: {message}\n")


def test_standard_input_is_refused(tmp_path: Path) -> None:
    args = ["-", "--engine", "dask", "--input-format", "jsonl", "--out-dir", str(tmp_path)]
    assert run(*args) == (
        2,
        "artclean: error: --engine dask reads files that its workers open, not standard input\n",
    )


def test_without_dask_the_error_says_how_to_install_it(
    corpus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes an import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "distributed", None)
    args = ["--engine", "dask", "--input-format", "jsonl", "--out-dir", str(tmp_path / "out")]
    assert run(corpus, *args) == (
        2,
        "artclean: error: --engine dask needs Dask and its distributed scheduler: "
        "pip install 'artclean[dask]'\n",
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.dask
def test_parts_of_an_earlier_run_stop_the_run(corpus: str, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the Dask engine needs pip install 'artclean[dask]'")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00000.jsonl").write_text("{}\n")
    args = ["--engine", "dask", "--input-format", "jsonl", "--out-dir", str(tmp_path / "out")]
    status, stderr = run(corpus, *args)
    assert status == 2
    assert "already holds part-00000.jsonl" in stderr
    assert "remove them or choose another directory" in stderr
