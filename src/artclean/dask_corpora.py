"""WARC/WET and Parquet corpora cleaned on Dask, by the local CLI's own per-batch functions.

As `artclean.dask` does for JSONL, nothing here cleans in a way of its own: a WARC batch is
cleaned by `warc.clean_documents` and a Parquet slice by `rows.clean_rows`, the functions
the local stream runs in its workers, so the records come out as the CLI writes them.

Partitions: a WARC file is one partition (a gzip stream is entered at its start: shard large
crawls into many files, as Common Crawl does); a Parquet file is one partition per row group,
read with pyarrow (the reader behind Dask's own `read_parquet`, without its pandas layer).
Parts: `part-NNNNN.jsonl` for WARC input, `part-NNNNN.parquet` for Parquet (each row group
written as one, with the input's schema), each written atomically; read in name order they
are the local CLI's output (`-o clean.jsonl`, or `-o clean.parquet`). WARC input may go to
Parquet parts instead (`parts="parquet"`): a file each, with the columns and rows of the
local `-o clean.parquet` (url, id, date, the text, and the artclean result as JSON).

Template learning is the same map-reduce as for JSONL: counters per partition, combined in
a tree, the table sent once to every worker.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dask.delayed import delayed

from .dask import (
    Part,
    Report,
    _combine,
    _current_client,
    _table,
    _tree,
    _width,
    _write_part,
    collect,
    in_order,
    output_directory,
    remove_leftovers,
)
from .files import OutputFailed
from .jsonl import RecordJob
from .reading import InputError
from .tally import Tally, failure
from .templates import DEFAULT_CAPACITY, DEFAULT_MIN_DOCS, TemplateCounter, TemplateTable

if TYPE_CHECKING:
    from distributed import Client

PARQUET_PART_GLOB = "part-*.parquet"
PART_FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True, slots=True)
class Unit:
    """A partition: a whole WARC file, or one row group of a Parquet file (`group`)."""

    source: str  # as named to the CLI
    path: str  # absolute, for workers
    group: int | None = None
    first_row: int = 0


def plan(paths: Sequence[str], input_format: str, text_field: str) -> list[Unit | str]:
    """The partitions of each file in order, or in its place the problem that stops it
    being read ("path: reason", as the CLI words it)."""
    units: list[Unit | str] = []
    for source in paths:
        try:
            if input_format == "warc":
                from .warc import open_warc

                with open_warc(source):
                    pass
                units.append(Unit(source, os.path.abspath(source)))
                continue
            from .parquet import open_parquet

            metadata = open_parquet(source, text_field).metadata
        except InputError as error:
            units.append(str(error))
            continue
        first = 0
        for group in range(metadata.num_row_groups):
            units.append(Unit(source, os.path.abspath(source), group, first))
            first += metadata.row_group(group).num_rows
    return units


def clean_corpus(
    paths: Sequence[str],
    out_dir: str | os.PathLike[str],
    job: RecordJob,
    input_format: str,
    *,
    learn: bool = False,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
    client: Client | None = None,
    on_progress: Callable[[Sequence[str], Tally], object] | None = None,
    parts: str | None = None,
) -> Report:
    """Clean WARC ("warc") or Parquet ("parquet") files into OUT/part-NNNNN.*, as
    `artclean FILE... --input-format FORMAT -o clean.jsonl` (or `clean.parquet`) would write
    them. `job` is the CLI's (`cli_request.record_job`); otherwise as `dask.clean_jsonl`.
    `parts`: "jsonl" or "parquet", the parts' format; by default the input's (JSONL parts
    for WARC). Parquet input is written to Parquet parts only."""
    parts = parts or ("jsonl" if input_format == "warc" else "parquet")
    if parts not in PART_FORMATS or (input_format == "parquet" and parts != "parquet"):
        raise ValueError(f"{input_format} input cannot be written to {parts} parts")
    client = client or _current_client()
    out = output_directory(out_dir)
    existing = sorted(out.glob(PARQUET_PART_GLOB))
    if existing:
        raise FileExistsError(
            f"{out_dir} already holds {existing[0].name} and other parts of an earlier run; "
            "remove them or choose another directory"
        )
    units = plan(paths, input_format, job.text_field)
    units_read = [unit for unit in units if isinstance(unit, Unit)]
    templates: Any = None
    if learn:
        counters = [delayed(_count)(unit, job, input_format, capacity) for unit in units_read]
        table = delayed(_table)(_tree(counters, partial(_combine, capacity=capacity)), min_docs)
        if client is not None:
            learned = client.compute(table).result()
            templates = client.scatter(learned, broadcast=True, hash=False)
        else:
            templates = table.compute()
    width = _width(len(units_read))
    arguments = [
        (unit, job, templates, input_format, parts, str(out), index, width)
        for index, unit in enumerate(units_read)
    ]
    with contextlib.closing(in_order(_write_unit, arguments, client)) as written:
        report = collect(units, written, Path(out), on_progress)
    remove_leftovers(out)
    for leftover in Path(out).glob(".part-*.parquet.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    return report


# --- Tasks: what runs on the workers ----------------------------------------------------------


def _write_unit(
    unit: Unit,
    job: RecordJob,
    templates: TemplateTable | None,
    input_format: str,
    parts: str,
    out_dir: str,
    index: int,
    width: int,
) -> Part:
    """Read, clean and write one partition. A part that cannot be written (a full disk,
    `ulimit -f`) is returned with its `write_error`, not raised, as `dask._write_block` does:
    the run then stops with one line, and no worker logs a traceback."""
    if templates is not None:
        job = replace(job, templates=templates)
    suffix = parts
    try:
        if input_format == "warc":
            write = _write_warc if parts == "jsonl" else _write_warc_parquet
            return write(unit, job, out_dir, index, width)
        return _write_parquet(unit, job, out_dir, index, width)
    except (OSError, OutputFailed) as failed:
        error = failed.error if isinstance(failed, OutputFailed) else failed
        target = os.path.join(out_dir, f"part-{index:0{width}d}.{suffix}")
        written = (error.errno or 0, error.strerror or str(error))
        return Part(index, target, 0, (), Tally(), write_error=written)


def _write_warc(unit: Unit, job: RecordJob, out_dir: str, index: int, width: int) -> Part:
    problems: list[str] = []
    total = [Tally()]
    path, _ = _write_part(out_dir, index, width, _warc_outputs(unit, job, problems, total))
    return Part(index, path, total[0].seen, tuple(problems), total[0])


def _write_warc_parquet(unit: Unit, job: RecordJob, out_dir: str, index: int, width: int) -> Part:
    """A WARC file as a Parquet part: the rows `-o clean.parquet` holds for it (the records
    of the JSONL output, as `parquet.records_table` turns them into columns)."""
    from .parquet import parquet_sink, records_schema, records_table

    schema = records_schema(job.text_field, job.with_result)
    target = os.path.join(out_dir, f"part-{index:0{width}d}.parquet")
    problems: list[str] = []
    total = [Tally()]
    with parquet_sink(target, schema) as sink:
        for output in _warc_outputs(unit, job, problems, total):
            sink.add(records_table(output, schema), False)
    return Part(index, target, sink.rows, tuple(problems), total[0])


def _warc_outputs(
    unit: Unit, job: RecordJob, problems: list[str], total: list[Tally]
) -> Iterator[bytes]:
    """The JSONL lines of a WARC file's clean records, a batch at a time, as the CLI's WARC
    stream writes them; what is reported goes to `problems`, the counts to `total[0]`."""
    from .warc import clean_documents, open_warc, warc_batches

    try:
        with open_warc(unit.path) as stream:
            for batch in warc_batches(stream, unit.source):
                outcome = clean_documents(batch, job)
                total[0] += outcome.tally
                problems.extend(outcome.problems)
                if outcome.output:
                    yield outcome.output
    except InputError as error:
        problems.append(str(error).replace(unit.path, unit.source, 1))
        total[0] += failure()


def _write_parquet(unit: Unit, job: RecordJob, out_dir: str, index: int, width: int) -> Part:
    from .parquet import cleaned_table, open_parquet, output_schema, parquet_sink, row_slices
    from .rows import clean_rows

    assert unit.group is not None
    file = open_parquet(unit.path, job.text_field)
    schema = output_schema(file.schema_arrow, job.with_result)
    target = os.path.join(out_dir, f"part-{index:0{width}d}.parquet")
    problems: list[str] = []
    tally = Tally()
    slices = row_slices(file, unit.source, job, groups=[unit.group], first_row=unit.first_row)
    with parquet_sink(target, schema, like=file) as sink:
        try:
            for table, rows in slices:
                outcome = clean_rows(rows, job)
                sink.add(cleaned_table(table, outcome, job), rows.last)
                problems.extend(outcome.problems)
                tally += outcome.tally
        except InputError as error:  # the rows before it stand, as in the CLI's -o FILE
            problems.append(str(error).replace(unit.path, unit.source, 1))
            tally += failure()
    return Part(index, target, sink.rows, tuple(problems), tally)


def _count(unit: Unit, job: RecordJob, input_format: str, capacity: int) -> TemplateCounter:
    """Pass 1 for a partition, as the CLI's pass 1: what cannot be read is skipped."""
    counter = TemplateCounter(capacity)
    with contextlib.suppress(InputError):
        if input_format == "warc":
            from .warc import batch_fingerprints, open_warc, warc_batches

            with open_warc(unit.path) as stream:
                for batch in warc_batches(stream, unit.source):
                    for fingerprints in batch_fingerprints(batch, job):
                        counter.add(fingerprints)
        else:
            from .parquet import open_parquet, row_slices
            from .rows import slice_fingerprints

            assert unit.group is not None
            file = open_parquet(unit.path, job.text_field)
            for _, rows in row_slices(file, unit.source, job, groups=[unit.group], learning=True):
                for fingerprints in slice_fingerprints(rows, job):
                    counter.add(fingerprints)
    return counter
