"""The Dask engine on a bad day: a full disk and Ctrl-C each end the run in one line.

Run in a subprocess, as a user runs it: the local cluster's worker processes share the
terminal's process group, and a Ctrl-C reaches every one of them.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="the Dask engine needs pip install 'artclean[dask]'")
pytest.importorskip("distributed", reason="the Dask engine needs pip install 'artclean[dask]'")

from conftest import installed_command

pytestmark = pytest.mark.dask


def corpus(path: Path, records: int = 400) -> Path:
    with path.open("w") as stream:
        for i in range(records):
            text = f"Record {i} tells of the harbour council and its vote on item {i * 3}."
            stream.write(json.dumps({"id": i, "text": text + "\n\n" + os.urandom(300).hex()}))
            stream.write("\n")
    return path


def dask_command(tmp_path: Path) -> list[str]:
    corpus(tmp_path / "corpus.jsonl")
    return [
        installed_command(),
        "corpus.jsonl",
        "--input-format",
        "jsonl",
        "--engine",
        "dask",
        "--out-dir",
        "out",
        "-j",
        "2",
    ]


def test_a_part_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    limit = 16 << 10  # ulimit -f, which the workers inherit: every part is larger

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [*dask_command(tmp_path), "-q"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        preexec_fn=small_files,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("artclean: error: ")
    assert lines[0].endswith(".jsonl: cannot write (File too large)")
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("seconds", [1.0, 4.0])
def test_ctrl_c_to_the_whole_group_prints_one_line(tmp_path: Path, seconds: float) -> None:
    """At 1 s the workers are starting (importing), at 4 s starting or running."""
    process = subprocess.Popen(
        dask_command(tmp_path),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    time.sleep(seconds)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal sends Ctrl-C: to every process
    _, stderr = process.communicate(timeout=300)
    if b"records seen" in stderr:  # the summary: the run ended before the signal came
        pytest.skip("the run ended before the signal")
    assert (process.returncode, stderr.decode()) == (130, "artclean: interrupted\n")
