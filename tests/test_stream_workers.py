"""Record streams (JSONL, WARC/WET to JSONL or Parquet) whose worker process dies: one line,
the next input goes on.

A worker killed while it holds work (kill -9, the OOM killer) ends its pool with `WorkerLost`.
Both stream formats report it the same way, from the one loop that writes every record
stream: `INPUT: a worker process died ...; the rest of this input was not cleaned`, exit 2,
the records written so far kept, and the next input cleaned by a new pool.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import artclean.parallel
from artclean.cli import main
from artclean.parallel import WorkerLost

SYNDICATED = "A short article about the harbour.\nThis article originally appeared in The Times."


def run(*args: str) -> tuple[int, bytes, str]:
    with CliRunner().isolation() as streams:
        status = main(list(args))
    return status, streams[0].getvalue(), streams[1].getvalue().decode()


def jsonl_input(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps({"id": n, "text": SYNDICATED}) + "\n" for n in range(count)))
    return path


def wet_input(path: Path, count: int) -> Path:
    """A WET file as Common Crawl writes it: one gzip member per conversion record."""
    warc = pytest.importorskip("fastwarc.warc", reason="WARC input needs artclean[warc]")
    members = []
    for n in range(count):
        record = warc.WarcRecord()
        record.init_headers(warc.WarcRecordType.conversion, f"uuid:{n:08d}".encode())
        record.headers["WARC-Target-URI"] = f"https://news.example/{n}"
        record.headers["Content-Type"] = "text/plain"
        record.set_bytes_content(SYNDICATED.encode())
        stream = io.BytesIO()
        record.write(stream)
        members.append(gzip.compress(stream.getvalue(), mtime=0))
    path.write_bytes(b"".join(members))
    return path


def losing_the_first_pool(calls: list[int]) -> Callable[..., Iterator[Any]]:
    """An `ordered_map` whose first pool loses a worker, as the pool reports a kill -9; it
    notes the jobs each call asked for in `calls`, and maps later calls in this process."""
    real = artclean.parallel.ordered_map

    def ordered_map(
        function: Callable[[Any], Any], items: Iterable[Any], jobs: int, **kwargs: Any
    ) -> Iterator[Any]:
        calls.append(jobs)
        if len(calls) == 1:
            raise WorkerLost
        yield from real(function, items, 1, **kwargs)

    return ordered_map


FORMATS: dict[str, tuple[str, Callable[[Path, int], Path], str]] = {
    "jsonl": ("artclean.jsonl", jsonl_input, "jsonl"),
    "warc": ("artclean.warc", wet_input, "wet.gz"),
}


@pytest.mark.parametrize("input_format", sorted(FORMATS))
def test_a_lost_worker_is_one_line_and_the_next_input_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, input_format: str
) -> None:
    module, make, suffix = FORMATS[input_format]
    first = make(tmp_path / f"first.{suffix}", 3)
    second = make(tmp_path / f"second.{suffix}", 2)
    calls: list[int] = []
    dies_on_the_first_input = losing_the_first_pool(calls)
    monkeypatch.setattr(f"{module}.ordered_map", dies_on_the_first_input)
    out = tmp_path / "clean.jsonl"
    status, stdout, stderr = run(
        str(first), str(second), "--input-format", input_format, "-q", "-j", "2", "-o", str(out)
    )
    assert (status, stdout) == (2, b"")  # the records went to -o FILE
    assert stderr == (
        f"{first}: a worker process died (killed, perhaps for lack of memory); "
        "the rest of this input was not cleaned\n"
    )
    assert calls == [2, 2]  # the second input got a pool of its own
    written = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(written) == 2  # the second input's records, cleaned
    assert all(record["text"] == "A short article about the harbour." for record in written)


@pytest.mark.parametrize("into", ["-o", "--out-dir"])
def test_a_lost_worker_writing_parquet_is_one_line_and_the_next_input_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, into: str
) -> None:
    """WARC/WET to Parquet goes through the same loop: the Parquet output keeps what came
    before the loss (with --out-dir, the first input's file holds no rows), and the next
    input is cleaned into it."""
    parquet = pytest.importorskip("pyarrow.parquet", reason="needs artclean[parquet]")
    first = wet_input(tmp_path / "first.wet.gz", 3)
    second = wet_input(tmp_path / "second.wet.gz", 2)
    calls: list[int] = []
    dies_on_the_first_input = losing_the_first_pool(calls)
    monkeypatch.setattr("artclean.warc.ordered_map", dies_on_the_first_input)
    target = tmp_path / ("clean.parquet" if into == "-o" else "out")
    status, stdout, stderr = run(
        str(first), str(second), "--input-format", "warc", "-q", "-j", "2", into, str(target)
    )
    assert (status, stdout) == (2, b"")
    assert stderr == (
        f"{first}: a worker process died (killed, perhaps for lack of memory); "
        "the rest of this input was not cleaned\n"
    )
    assert calls == [2, 2]
    if into == "--out-dir":
        assert parquet.read_table(target / "first.parquet").num_rows == 0
        target = target / "second.parquet"
    table = parquet.read_table(target)
    assert table.column("url").to_pylist() == ["https://news.example/0", "https://news.example/1"]
    assert set(table.column("text").to_pylist()) == {"A short article about the harbour."}
