"""Corpus formats benchmark: the WET reader alone, then a WET stream and a Parquet file cleaned.

    python tests/bench/bench_corpora.py                   # 400 MB reader, 1 GB WET, 1 GB Parquet
    python tests/bench/bench_corpora.py --wet-mb 20 --parquet-mb 20   # what fits in minutes
    python tests/bench/bench_corpora.py --reader-mb 0 --size 1G --parquet-mb 0 \
        --data /tmp/corpora-data --stop-at 08:45        # the 1 GB WET run, stopped if need be

The documents are the dev-bench page texts (/work/shared/bench: traf-dev and aeb-dev), over
and over with their URLs made unique (or, with --pages generated, the generated articles of
bench_batch.py, which clean several times faster), written as Common Crawl writes WET
files: a warcinfo record, then one `conversion` record per page, each its own gzip member.

1. Reader: FastWARC and warcio each reading the WET file whole, and artclean's reader
   (`artclean.warc.documents`: FastWARC, with member-by-member recovery); MB/s of compressed
   input by the wall clock and per CPU second (the machine may be shared). Then the same
   file with one member in the middle damaged: the records each one gets.
2. WET stream: `artclean FILE --input-format warc --jobs N -o /dev/null`, peak memory of the
   whole process tree sampled from /proc (see bench_batch.py), MB/s.
3. Parquet: the same pages as a Parquet file (row groups of --row-group-mb of text),
   `artclean FILE --input-format parquet --jobs N -o OUT.parquet`, peak memory, MB/s.

Generated data goes under --workdir and is deleted; with --data DIR it is kept there and
used again by the next run of the same size. A run still going at --stop-at (UTC, HH:MM) is
stopped: the script prints the peaks so far and how far into its input it had read (the
input file's offset, from /proc), and says that it was stopped. While a run goes, a line
every --every seconds gives the peaks so far.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from bench_batch import ARTCLEAN, MB, Run, _sample, _tree

import artclean.warc  # noqa: F401 - imported before the reader is timed

BENCH = Path("/work/shared/bench")
PAGES = [BENCH / "traf-dev" / "pages.jsonl", BENCH / "aeb-dev" / "pages-htmltext.jsonl"]


SOURCE = "dev-bench"


def pages() -> Iterator[tuple[int, str, str]]:
    """(number, url, text) of the dev-bench pages, round and round, each URL unique; or with
    --pages generated, the generated articles of bench_batch.py (which clean several times
    faster: long streams fit in a run)."""
    if SOURCE == "generated":
        from corpus import Generator

        generator = Generator()
        number = 0
        while True:
            site = number % 200
            url = f"https://www.site{site}.example/articles/{number}"
            yield number, url, generator.page(site, number)
            number += 1
    loaded = []
    for path in PAGES:
        with path.open() as stream:
            loaded.extend(json.loads(line) for line in stream)
    number = 0
    while True:
        for page in loaded:
            url = page["url"].replace(" ", "%20")
            yield number, f"{url}#{number}" if number >= len(loaded) else url, page["text"]
            number += 1


def wet_record(number: int, url: str, text: str) -> bytes:
    body = text.encode()
    headers = (
        "WARC/1.0\r\n"
        "WARC-Type: conversion\r\n"
        f"WARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-02-21T{number // 3600 % 24:02d}:{number // 60 % 60:02d}:"
        f"{number % 60:02d}Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012x}>\r\n"
        f"WARC-Refers-To: <urn:uuid:00000000-0000-4000-9000-{number:012x}>\r\n"
        "WARC-Identified-Content-Language: eng\r\n"
        "Content-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return headers.encode() + body + b"\r\n\r\n"


def write_wet(path: Path, megabytes: float) -> tuple[int, int]:
    """A WET file of about `megabytes` MB compressed: (records, bytes of text)."""
    target = megabytes * MB
    about = b"isPartOf: CC-MAIN-2024-10\r\n"
    info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n" % (
        len(about),
        about,
    )
    records = text = 0
    with path.open("wb") as out:
        out.write(gzip.compress(info, mtime=0))
        for number, url, body in pages():
            if out.tell() >= target:
                break
            out.write(gzip.compress(wet_record(number, url, body), compresslevel=6, mtime=0))
            records += 1
            text += len(body.encode())
    return records, text


def write_parquet(path: Path, megabytes: float, row_group_mb: float) -> tuple[int, int, int]:
    """A Parquet file of about `megabytes` MB (zstd, as FineWeb ships): (rows, row groups,
    bytes of text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("text", pa.string()), ("id", pa.string()), ("url", pa.string()),
                        ("date", pa.string()), ("language_score", pa.float64())])  # fmt: skip
    rows = groups = text = 0
    target = megabytes * MB
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: dict[str, list[object]] = {name: [] for name in schema.names}
        held = 0
        for number, url, body in pages():
            batch["text"].append(body)
            batch["id"].append(f"<urn:uuid:00000000-0000-4000-8000-{number:012x}>")
            batch["url"].append(url)
            batch["date"].append("2024-02-21T10:00:00Z")
            batch["language_score"].append(0.5 + (number % 50) / 100)
            held += len(body)
            if held >= row_group_mb * MB:
                writer.write_table(
                    pa.table(batch, schema=schema), row_group_size=len(batch["text"])
                )
                rows += len(batch["text"])
                groups += 1
                text += held
                batch = {name: [] for name in schema.names}
                held = 0
                if path.stat().st_size >= target:
                    break
    return rows, groups, text


def timed(read: Callable[[Path], int], path: Path) -> tuple[int, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    count = read(path)
    return count, time.perf_counter() - wall, time.process_time() - cpu


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream, record_types=WarcRecordType.conversion):
                record.headers.get("WARC-Target-URI")
                record.reader.read()
                count += 1
        except Exception as error:
            print(f"    fastwarc stopped after {count} records: {error}")
    return count


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type == "conversion":
                    record.rec_headers.get_header("WARC-Target-URI")
                    record.content_stream().read()
                    count += 1
        except Exception as error:
            print(f"    warcio stopped after {count} records: {str(error)[:60]}")
    return count


def read_artclean(path: Path) -> int:
    from artclean.warc import documents

    count = 0
    for item in documents(str(path)):
        if isinstance(item, str):
            print(f"    artclean reported: {item}")
        else:
            count += 1
    return count


class Pipe(io.RawIOBase):
    """A file read as standard input is: no seeking."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("rb", buffering=0)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self.file.readinto(buffer) or 0

    def close(self) -> None:
        self.file.close()
        super().close()


def read_artclean_pipe(path: Path) -> int:
    """artclean's reader on a stream it cannot seek in: member by member throughout."""
    from artclean.warc import _records

    count = 0
    with io.BufferedReader(Pipe(path)) as stream:
        for item, _ in _records(stream, "<stdin>"):
            if isinstance(item, str):
                print(f"    artclean (stdin) reported: {item}")
            elif item is not None:
                count += 1
    return count


def reader(workdir: Path, megabytes: float) -> None:
    path = workdir / "reader.warc.wet.gz"
    records, text = write_wet(path, megabytes)
    size = path.stat().st_size
    print(f"WET reader: {size / MB:,.1f} MB compressed, {text / MB:,.1f} MB of text, "
          f"{records:,} records, one gzip member each")  # fmt: skip
    readers = [
        ("fastwarc", read_fastwarc),
        ("warcio", read_warcio),
        ("artclean", read_artclean),
        ("artclean, from a pipe", read_artclean_pipe),
    ]
    with contextlib_suppress_warcio_noise():
        for name, read in readers:
            count, wall, cpu = timed(read, path)
            print(f"  {name:21} {count:,} records, {size / MB / wall:6.1f} MB/s wall, "
                  f"{size / MB / cpu:6.1f} MB per CPU second")  # fmt: skip
        damaged = workdir / "damaged.warc.wet.gz"
        data = bytearray(path.read_bytes())
        middle = data.find(b"\x1f\x8b\x08", len(data) // 2)
        data[middle + 30 : middle + 60] = bytes(30)
        damaged.write_bytes(bytes(data))
        print(f"  one member damaged at byte {middle:,} (of {records:,} records):")
        for name, read in readers:
            print(f"  {name:21} {read(damaged):,} records")
    path.unlink()
    damaged.unlink()


class contextlib_suppress_warcio_noise:
    """warcio prints a line per URL with a space in it; not what the benchmark is about."""

    def __enter__(self) -> None:
        self.stderr = sys.stderr
        sys.stderr = io.StringIO()

    def __exit__(self, *_: object) -> None:
        sys.stderr = self.stderr


STOP_AT: datetime.datetime | None = None
EVERY = 60.0
# The PSS of the whole tree, sampled each second after the first minute of a run: its level,
# beside the peak (a running maximum, which only rises as a run goes on and rare moments
# where every process is at its high add up).
LEVELS: list[int] = []


def _offset(pid: int, path: Path) -> int | None:
    """How far into `path` the process tree of `pid` has read: the file offset of the
    descriptor that has it open (the largest, if several do)."""
    found = None
    for member in _tree(pid):
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{member}/fd"):
                with contextlib.suppress(OSError):
                    if os.readlink(f"/proc/{member}/fd/{fd}") == str(path):
                        info = Path(f"/proc/{member}/fdinfo/{fd}").read_text()
                        position = int(info.split("pos:", 1)[1].split()[0])
                        found = max(found or 0, position)
    return found


def _pss_now(root: int) -> tuple[int, int]:
    """The PSS of the tree of `root` now, and of `root` alone (bytes): the peaks say how high
    memory went, these whether it still climbs."""
    total = main = 0
    for pid in _tree(root):
        with contextlib.suppress(OSError, AttributeError):
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            found = re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE)
            size = int(found.group(1)) * 1024 if found else 0
            total += size
            main = size if pid == root else main
    return total, main


def _written(output: Path | None) -> int:
    """The size of the temporary file `output` is being written to (0 if none)."""
    if output is None:
        return 0
    sizes = [0]
    for temporary in output.parent.glob(f".{output.name}.*.tmp"):
        with contextlib.suppress(OSError):
            sizes.append(temporary.stat().st_size)
    return max(sizes)


def watched_until(
    command: list[str], source: Path, output: Path | None = None
) -> tuple[Run, bool, int | None, int]:
    """Run `command` as bench_batch.watched does (the process tree sampled every 0.1 s), but
    stop it at STOP_AT: (the run, whether it was stopped, bytes of `source` read by then
    (None when it is read at offsets, as Parquet is), bytes of `output` written by then)."""
    run = Run()
    finished = threading.Event()
    where: list[int | None] = [None]
    out = [0]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.PIPE,
            start_new_session=True,
        )  # fmt: skip

        def sample() -> None:
            last = level = time.perf_counter()
            LEVELS.clear()
            while not finished.wait(0.1):
                _sample(process.pid, run)
                if (now := time.perf_counter()) - level >= 1:
                    level = now
                    if now - start >= 60:
                        LEVELS.append(_pss_now(process.pid)[0])
                where[0] = _offset(process.pid, source) or where[0]
                out[0] = _written(output) or out[0]
                if time.perf_counter() - last >= EVERY:
                    last = time.perf_counter()
                    tree, main = _pss_now(process.pid)
                    print(f"    {last - start:7.0f} s: {(where[0] or 0) / MB:8.1f} MB read, "
                          f"{out[0] / MB:8.1f} MB written; "
                          f"peak PSS {run.peak_pss / MB:.1f} MB, largest process "
                          f"{run.peak_process / MB:.1f} MB; PSS now {tree / MB:.1f} MB "
                          f"(main process {main / MB:.1f})", flush=True)  # fmt: skip

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stopped = False
        timeout = None
        if STOP_AT is not None:
            now = datetime.datetime.now(datetime.UTC)
            timeout = max(0.0, (STOP_AT - now).total_seconds())
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            stopped = True
            os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C: to the main process and workers
            _, stderr = process.communicate()
        run.seconds = time.perf_counter() - start
        finished.set()
        sampler.join()
    run.stderr = stderr.decode()
    assert stopped or process.returncode == 0, run.stderr
    return run, stopped, where[0], out[0]


def report(
    label: str, command: list[str], size: int, text: int, source: Path, output: Path | None = None
) -> None:
    print(f"  $ {' '.join(command)}", flush=True)
    run, stopped, read, written = watched_until(command, source, output)
    if stopped:
        print(f"  STOPPED at {STOP_AT:%H:%M} UTC after {run.seconds:.0f} s")
        if read is None:
            print(f"  {written / MB:,.1f} MB of output written by then (complete row groups); "
                  f"the input is {size / MB:,.1f} MB")  # fmt: skip
            size = text = 0
        else:
            share = read / size
            print(f"  about {read / MB:,.1f} of {size / MB:,.1f} MB of {label} read ({share:.0%}; "
                  "the reader runs a little ahead of the cleaning)")  # fmt: skip
            size, text = read, round(text * share)
    else:
        seen = [line.strip() for line in run.stderr.splitlines() if "records seen" in line]
        print(f"  {seen[0] if seen else '?'}")
    print(f"  wall time {run.seconds:.1f} s: {size / MB / run.seconds:.2f} MB/s of {label}, "
          f"{text / MB / run.seconds:.2f} MB/s of text; CPU {run.cpu_seconds:.1f} s")  # fmt: skip
    print(f"  peak RSS, one process (VmHWM): {run.peak_process / MB:.1f} MB")
    print(f"  peak RSS, whole process tree (VmRSS summed): {run.peak_total / MB:.1f} MB")
    print(f"  peak PSS, whole process tree: {run.peak_pss / MB:.1f} MB", flush=True)
    if LEVELS:
        levels = sorted(LEVELS)
        median, high = levels[len(levels) // 2], levels[len(levels) * 19 // 20]
        print(f"  PSS of the tree each second after the first minute: median "
              f"{median / MB:.1f} MB, 95th percentile {high / MB:.1f} MB ({len(levels)} samples)",
              flush=True)  # fmt: skip


def generated(
    data: Path | None, workdir: Path, name: str, write: Callable[[Path], tuple[int, ...]]
) -> tuple[Path, tuple[int, ...]]:
    """The file `name`, written by `write` (its counts kept beside it), or with --data, the
    one an earlier run wrote there."""
    if data is None:
        path = workdir / name
        return path, write(path)
    data.mkdir(parents=True, exist_ok=True)
    path, counts = data / name, data / f"{name}.counts.json"
    if not (path.exists() and counts.exists()):
        counts.unlink(missing_ok=True)
        numbers = write(path)
        counts.write_text(json.dumps(numbers))
    return path, tuple(json.loads(counts.read_text()))


def wet_stream(workdir: Path, megabytes: float, jobs: int, data: Path | None) -> None:
    name = f"stream-{megabytes:g}MB-{SOURCE}.warc.wet.gz"
    path, (records, text) = generated(data, workdir, name, lambda p: write_wet(p, megabytes))
    size = path.stat().st_size
    print(f"WET stream: {size / MB:,.1f} MB compressed, {text / MB:,.1f} MB of text, "
          f"{records:,} records")  # fmt: skip
    command = [ARTCLEAN, str(path), "--input-format", "warc", "--jobs", str(jobs)]
    report("compressed WET", [*command, "-o", os.devnull], size, text, path)
    if data is None:
        path.unlink()


def parquet(
    workdir: Path, megabytes: float, row_group_mb: float, jobs: int, data: Path | None
) -> None:
    name = f"corpus-{megabytes:g}MB-{row_group_mb:g}MB-groups-{SOURCE}.parquet"
    path, (rows, groups, text) = generated(
        data, workdir, name, lambda p: write_parquet(p, megabytes, row_group_mb)
    )
    size = path.stat().st_size
    print(f"Parquet: {size / MB:,.1f} MB (zstd), {text / MB:,.1f} MB of text, {rows:,} rows "
          f"in {groups} row groups")  # fmt: skip
    out = workdir / "clean.parquet"
    command = [ARTCLEAN, str(path), "--input-format", "parquet", "--jobs", str(jobs)]
    report("Parquet", [*command, "-o", str(out)], size, text, path, out)
    if data is None:
        path.unlink()
    out.unlink(missing_ok=True)


def megabytes(size: str) -> float:
    """A size as 1G, 500M or 500 (MB)."""
    units = {"G": 1000.0, "M": 1.0}
    if size[-1:].upper() in units:
        return float(size[:-1]) * units[size[-1:].upper()]
    return float(size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reader-mb", type=float, default=400, help="compressed WET to read")
    parser.add_argument("--wet-mb", type=float, default=1000, help="compressed WET to clean")
    parser.add_argument("--parquet-mb", type=float, default=1000, help="Parquet to clean")
    parser.add_argument("--row-group-mb", type=float, default=32, help="text per row group")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pages", choices=["dev-bench", "generated"], default="dev-bench")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/artclean-bench-corpora"))
    parser.add_argument(
        "--size", type=megabytes, help="WET and Parquet size at once (1G, 200M): --wet-mb and "
        "--parquet-mb, where those are not given",
    )  # fmt: skip
    parser.add_argument("--data", type=Path, help="keep generated inputs here, and reuse them")
    parser.add_argument("--stop-at", help="stop a cleaning run still going at HH:MM (UTC)")
    parser.add_argument("--every", type=float, default=60, help="seconds between peak lines")
    arguments = parser.parse_args()
    global SOURCE, STOP_AT, EVERY
    SOURCE = arguments.pages
    EVERY = arguments.every
    if arguments.size is not None:
        given = {arg.split("=")[0] for arg in sys.argv[1:]}
        if "--wet-mb" not in given:
            arguments.wet_mb = arguments.size
        if "--parquet-mb" not in given:
            arguments.parquet_mb = arguments.size
    if arguments.stop_at:
        hour, minute = (int(part) for part in arguments.stop_at.split(":"))
        now = datetime.datetime.now(datetime.UTC)
        STOP_AT = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if now >= STOP_AT:
            STOP_AT += datetime.timedelta(days=1)
    workdir = arguments.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"artclean corpus formats benchmark ({SOURCE} pages); {os.cpu_count()} CPUs; "
          f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
    try:
        if arguments.reader_mb:
            reader(workdir, arguments.reader_mb)
        if arguments.wet_mb:
            wet_stream(workdir, arguments.wet_mb, arguments.jobs, arguments.data)
        if arguments.parquet_mb:
            parquet(
                workdir, arguments.parquet_mb, arguments.row_group_mb, arguments.jobs,
                arguments.data,
            )  # fmt: skip
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
