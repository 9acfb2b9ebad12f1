"""Cleaning corpora on Dask, with the CLI's own per-record function.

Nothing here cleans text in a way of its own. A JSONL line is cleaned by `jsonl.clean_line`,
the function `artclean --input-format jsonl` calls for every line, and a record that comes as
an object by `jsonl.clean_record`, which `clean_line` calls; template learning counts with
`templates.TemplateCounter` and cleans with its table. So a corpus cleaned here comes out as
the CLI writes it, record for record; what Dask adds is where the work runs, and what happens
when a worker dies.

Reading (`read_jsonl`, `clean_jsonl`): a plain file is cut into blocks of bytes, each holding
the lines that start in it; a gzip file is one partition, since a gzip stream cannot be
entered in the middle (shard large corpora into many files). Lines are numbered as the CLI
numbers them, so results and messages name the same `path:line`: the lines of each block are
counted first, a pass that only reads, before any is cleaned. Lines are split by the CLI's
reader (`jsonl.split_lines`), so a record over the limit (`--max-size`) is reported and left
out as the CLI does, without ever being held whole by a worker.

Writing (`write_jsonl`, `clean_jsonl`): one file per partition, `part-00000.jsonl` and on,
each written to a temporary file beside it and renamed into place when complete. When a
worker dies, the scheduler runs its tasks again on another; a partition written again
replaces the first copy whole, so no record is lost or written twice. Read in name order, the
parts are the CLI's output stream. On a cluster, earlier partitions go first (task priority),
so that parts appear, and progress is reported, roughly in input order.

Template learning is a map-reduce: each partition's documents are counted per site into a
`TemplateCounter`, the counters are combined in a tree (`TemplateCounter.update`), and the
table of the combined counts goes once to every worker (`Client.scatter(..., broadcast=True)`
on a distributed cluster), where the cleaning tasks read it.

Dask is an optional dependency: `pip install 'artclean[dask]'`.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import itertools
import math
import os
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

try:
    import dask.bag as db
    from dask.base import compute as compute_all
    from dask.delayed import Delayed, delayed
except ImportError as missing:
    raise ImportError(f"{missing}: artclean.dask needs pip install 'artclean[dask]'") from None

from .files import OutputFailed, atomic_binary_open
from .jsonl import (
    BadLine,
    RecordJob,
    TooLong,
    check_record,
    clean_line,
    clean_record,
    line_fingerprints,
    open_records,
    record_fingerprints,
    split_lines,
)
from .options import Options
from .pipeline import clean
from .reading import MAX_INPUT_BYTES, InputError, input_errors
from .result import Result
from .tally import Tally, failure
from .templates import DEFAULT_CAPACITY, DEFAULT_MIN_DOCS, TemplateCounter, TemplateTable

if TYPE_CHECKING:
    from distributed import Client

# Partitions of a plain file: a few per worker so that the last ones finish together, and no
# larger than this, so that a retried partition costs little and a task's memory stays small.
MIN_BLOCK = 1 << 20
MAX_BLOCK = 64 << 20
PARTS_PER_WORKER = 4
DEFAULT_BLOCK = 16 << 20
# The name of lines that come without one (a bag of plain strings), as stdin is "<stdin>".
BAG_SOURCE = "<bag>"
PART_GLOB = "part-*.jsonl"


class Line(NamedTuple):
    """A line of a JSONL file without its line feed, and where it is: `source` as named to
    the CLI, `number` 1-based; `data` is a TooLong for a line over the limit, which was not
    read into memory. `error` is set, and `data` empty, where the file could not be read
    further ("path: reason"); the CLI reports that and goes on with the next file."""

    source: str
    number: int
    data: bytes | TooLong
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """The lines of `source` that start in [start, end); end None: all of it (gzip)."""

    source: str  # as named to the CLI: in messages, and the site of records naming none
    path: str  # absolute, for workers
    start: int = 0
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """A partition written: its file, the lines in it, what was reported, its counts."""

    index: int
    path: str
    lines: int
    problems: tuple[str, ...]
    tally: Tally
    # When the part could not be written (a full disk): errno and reason, returned rather
    # than raised, so that no worker logs a traceback; `clean_jsonl` raises OutputFailed.
    write_error: tuple[int, str] | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """A corpus cleaned by `clean_jsonl`: its parts, problems in input order, the counts."""

    parts: tuple[Part, ...]
    problems: tuple[str, ...]
    tally: Tally


# --- Bags: records, lines and texts in, cleaned ones out -------------------------------------


def clean_records(
    records: db.Bag,
    options: Options | None = None,
    *,
    text_field: str = "text",
    with_result: bool = False,
    bad_lines: str = "pass",
    site_field: str | None = None,
    templates: Any = None,
) -> db.Bag:
    """A bag of records (dicts) cleaned as `artclean --input-format jsonl` cleans them.

    Each record is copied, its text field cleaned and, with `with_result`, the result added
    under "artclean"; a record without a string text field is passed through or dropped, as
    `bad_lines` says. `templates` is a TemplateTable, or what `learn_templates` returns (a
    Dask item), or a future of a table scattered to the workers; the site of a record that
    names none is "" here. The result's `source` is null: records carry no line number.
    """
    job = _job(options, text_field, with_result, bad_lines, "strict", site_field)
    return records.map_partitions(_clean_records, job=job, templates=_shared(templates))


def clean_lines(
    lines: db.Bag,
    options: Options | None = None,
    *,
    text_field: str = "text",
    with_result: bool = False,
    bad_lines: str = "pass",
    errors: str = "strict",
    site_field: str | None = None,
    templates: Any = None,
) -> db.Bag:
    """A bag of JSONL lines cleaned by the CLI's function, as lines without their line feed.

    Lines may be `Line`s from `read_jsonl` (numbered as the CLI numbers them), bytes, or
    strings as `dask.bag.read_text` gives them (a final line feed is dropped); the output
    lines are strings for strings, bytes otherwise, ready for `Bag.to_textfiles` or
    `write_jsonl`. Lines without a `Line`'s name are named "<bag>" and numbered within their
    partition. A malformed line is passed through or dropped, as `bad_lines` says; a file
    that could not be read to its end raises InputError (`clean_jsonl` reports it instead).
    """
    job = _job(options, text_field, with_result, bad_lines, errors, site_field)
    return lines.map_partitions(_clean_lines, job=job, templates=_shared(templates))


def clean_texts(texts: db.Bag, options: Options | None = None) -> db.Bag:
    """A bag of texts cleaned one by one: a bag of `Result`s (`.text` is the clean text)."""
    return texts.map(_clean_text, options or Options())


def learn_templates(
    documents: db.Bag,
    options: Options | None = None,
    *,
    text_field: str = "text",
    errors: str = "strict",
    site_field: str | None = None,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
    split_every: int | None = None,
) -> Any:
    """Pass 1 over a bag of records or lines: a Dask item holding the TemplateTable.

    Each partition counts its documents' paragraphs per site, and the counters are combined
    in a tree of `split_every` at a time. Pass the item (or a future of its computed value)
    as `templates` to `clean_records` or `clean_lines` of the same bag.
    """
    job = _job(options, text_field, False, "pass", errors, site_field)
    return documents.reduction(
        partial(_count_documents, job=job, capacity=capacity),
        partial(_combine, capacity=capacity),
        split_every=split_every,
    ).apply(partial(_table, min_docs=min_docs))


def read_jsonl(
    paths: Sequence[str], *, blocksize: int = DEFAULT_BLOCK, limit: int | None = MAX_INPUT_BYTES
) -> db.Bag:
    """A bag of the `Line`s of JSONL files (plain or gzip), numbered as the CLI numbers them.

    A line of more than `limit` bytes (None: no limit) is never read whole: its `data` is a
    `jsonl.TooLong`, which the cleaning functions report and leave out. A file that cannot be
    opened, or is not text, raises InputError here.
    """
    units = plan(paths, blocksize)
    for unit in units:
        if isinstance(unit, str):
            raise InputError(unit)
    blocks = [unit for unit in units if isinstance(unit, Block)]
    if not blocks:
        return db.from_sequence([], npartitions=1)
    return db.from_delayed(
        [delayed(_read_lines)(block, first, limit) for block, first in _numbered(blocks)]
    )


def write_jsonl(
    lines: db.Bag, out_dir: str | os.PathLike[str], *, compute: bool = True
) -> list[Any]:
    """Write a bag of lines (str or bytes, without line feeds) as OUT/part-NNNNN.jsonl, one
    file per partition, each atomically: a partition written again replaces its file.

    Returns the paths written, or with `compute=False` the tasks that write them. OUT must
    hold no part files already: they would mix with these.
    """
    out = output_directory(out_dir)
    partitions = lines.to_delayed()
    width = _width(len(partitions))
    tasks = [
        delayed(_write_lines)(partition, str(out), index, width)
        for index, partition in enumerate(partitions)
    ]
    if not compute:
        return tasks
    written = list(compute_all(*tasks))
    remove_leftovers(out)
    return written


# --- A corpus of files, as the CLI cleans it ---------------------------------------------------


def clean_jsonl(
    paths: Sequence[str],
    out_dir: str | os.PathLike[str],
    options: Options | None = None,
    *,
    text_field: str = "text",
    with_result: bool = False,
    bad_lines: str = "pass",
    errors: str = "strict",
    site_field: str | None = None,
    learn: bool = False,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
    blocksize: int | None = None,
    client: Client | None = None,
    on_progress: Callable[[Sequence[str], Tally], object] | None = None,
    limit: int | None = MAX_INPUT_BYTES,
) -> Report:
    """Clean JSONL files into OUT/part-NNNNN.jsonl, as `artclean FILE... --input-format
    jsonl` would write them to one stream; read in name order, the parts are that stream.

    The settings are the CLI's (`RecordJob`); `learn` is `--learn-templates`. Each partition
    streams: memory is bounded by its longest record, not its size. Files that cannot be
    opened are reported, not raised, as the CLI does. `blocksize` None picks a few blocks per
    worker, at most 64 MiB. `client` None uses the current distributed client if there is
    one, else Dask's default scheduler (threads, for these tasks: little parallelism while
    cleaning holds the GIL). `on_progress(problems, tally)` is called for each file that
    failed and each partition done, in input order. A line of more than `limit` bytes
    (`--max-size`; None: no limit) is reported and left out without being read whole.
    """
    client = client or _current_client()
    job = _job(options, text_field, with_result, bad_lines, errors, site_field, limit)
    out = output_directory(out_dir)
    units = plan(paths, blocksize or _auto_blocksize(paths, _workers(client)))
    blocks = [unit for unit in units if isinstance(unit, Block)]
    templates: Any = None
    if learn:
        counters = [delayed(_count_block)(block, job, capacity) for block in blocks]
        table = delayed(_table)(_tree(counters, partial(_combine, capacity=capacity)), min_docs)
        if client is not None:
            learned = client.compute(table).result()
            templates = client.scatter(learned, broadcast=True, hash=False)
        else:
            templates = table
    firsts = _first_lines_of(blocks, client)
    width = _width(len(blocks))
    arguments = [
        (block, first, job, templates, str(out), index, width)
        for index, (block, first) in enumerate(zip(blocks, firsts, strict=True))
    ]
    with contextlib.closing(_write_blocks(arguments, client)) as parts:
        report = collect(units, parts, out, on_progress)
    remove_leftovers(out)
    return report


def collect(
    units: Sequence[Any],
    parts: Iterator[Part],
    out: Path,
    on_progress: Callable[[Sequence[str], Tally], object] | None,
) -> Report:
    """The report of a run: each unit's part as it comes (in order), or in its place the
    problem (a string) that kept it from being read; a part that could not be written stops
    the run, its leftovers removed."""
    problems: list[str] = []
    tally = Tally()
    done: list[Part] = []
    for unit in units:
        found: tuple[str, ...]
        if isinstance(unit, str):
            found, counted = (unit,), failure()
        else:
            part = next(parts)
            if part.write_error is not None:
                code, reason = part.write_error
                remove_leftovers(out)
                raise OutputFailed(part.path, OSError(code, reason))
            done.append(part)
            found, counted = part.problems, part.tally
        problems.extend(found)
        tally += counted
        if on_progress is not None:
            on_progress(found, counted)
    return Report(tuple(done), tuple(problems), tally)


def plan(paths: Sequence[str], blocksize: int) -> list[Block | str]:
    """Each file's blocks in order, or in its place the problem that stops it being read
    ("path: reason", as the CLI words it): missing, unreadable, binary."""
    units: list[Block | str] = []
    for source in paths:
        try:
            with open_records(source) as stream:
                compressed = isinstance(stream, gzip.GzipFile)
        except InputError as error:
            units.append(str(error))
            continue
        path = os.path.abspath(source)
        if compressed:
            units.append(Block(source, path))
            continue
        size = os.path.getsize(path)
        units.extend(
            Block(source, path, start, min(start + blocksize, size))
            for start in range(0, size, blocksize)
        )
    return units


def remove_leftovers(out_dir: str | os.PathLike[str]) -> None:
    """Delete the temporary files of partitions whose worker died while writing them (the
    partition was written again in full under its own name)."""
    for leftover in Path(out_dir).glob(".part-*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


# --- Tasks: what runs on the workers ----------------------------------------------------------


def _clean_one(line: Line, job: RecordJob) -> tuple[bytes | None, str | None, Tally]:
    """One line, by the CLI's function: what to write, the problem, the counts."""
    if line.error is not None:
        return None, line.error, failure()
    return clean_line(line.data, line.source, line.number, job)


def _write_block(
    block: Block,
    first_line: int,
    job: RecordJob,
    templates: TemplateTable | None,
    out_dir: str,
    index: int,
    width: int,
) -> Part:
    """Read, clean and write one partition, streaming from its input to its part file."""
    if templates is not None:
        job = replace(job, templates=templates)
    problems: list[str] = []
    total = [Tally()]

    def outputs() -> Iterator[bytes]:
        for line in _read(block, first_line, job.limit):
            output, problem, tally = _clean_one(line, job)
            total[0] += tally
            if problem is not None:
                problems.append(problem)
            if output is not None:
                yield output

    try:
        path, lines = _write_part(out_dir, index, width, outputs())
    except OSError as error:
        target = os.path.join(out_dir, f"part-{index:0{width}d}.jsonl")
        written = (error.errno or 0, error.strerror or str(error))
        return Part(index, target, 0, tuple(problems), total[0], write_error=written)
    return Part(index, path, lines, tuple(problems), total[0])


def _write_lines(lines: Iterable[bytes | str], out_dir: str, index: int, width: int) -> str:
    encoded = (_as_bytes(line) + b"\n" for line in lines)
    return _write_part(out_dir, index, width, encoded)[0]


def _write_part(out_dir: str, index: int, width: int, chunks: Iterable[bytes]) -> tuple[str, int]:
    """Write OUT/part-INDEX.jsonl atomically: complete, or not at all."""
    target = os.path.join(out_dir, f"part-{index:0{width}d}.jsonl")
    count = 0
    with atomic_binary_open(target) as stream:
        for chunk in chunks:
            stream.write(chunk)
            count += 1
    return target, count


def _read(block: Block, first_line: int, limit: int | None) -> Iterator[Line]:
    """The lines of a block, read by the CLI's reader (`jsonl.split_lines`): split at line
    feeds only, a line over `limit` as a TooLong, a last line without a line feed kept. A
    read that fails ends the block with a `Line` holding the error."""
    number = first_line
    try:
        with contextlib.ExitStack() as stack:
            with input_errors(block.source):
                raw: io.BufferedIOBase = stack.enter_context(open(block.path, "rb"))
            if block.end is None:
                raw = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
            lines = itertools.chain.from_iterable(split_lines(raw, limit))
            position = 0
            if block.start > 0:
                raw.seek(block.start - 1)
                # The rest of the line that started before this block, with its line feed.
                position = block.start + _length(next(lines, b""))
            for data in lines:
                if block.end is not None and position >= block.end:
                    break
                position += _length(data) + 1
                yield Line(block.source, number, data)
                number += 1
    except InputError as error:
        yield Line(block.source, number, b"", str(error))
    except (OSError, EOFError, zlib.error) as error:
        yield Line(block.source, number, b"", f"{block.source}: cannot read ({error})")


def _read_lines(block: Block, first_line: int, limit: int | None) -> list[Line]:
    return list(_read(block, first_line, limit))


def _count_lines(block: Block) -> int:
    # A limit of 0 keeps no line: lines are counted, none is held.
    return sum(1 for _ in _read(block, 1, 0))


def _first_lines(counts: Sequence[int]) -> list[int]:
    """The number of each block's first line, from the counts of the blocks before it."""
    firsts = [1]
    for count in counts:
        firsts.append(firsts[-1] + count)
    return firsts


def _numbered(blocks: Sequence[Block]) -> Iterator[tuple[Block, Any]]:
    """Each block with the number of its first line: 1, or a task that counts the lines of
    the blocks of its file before it."""
    files: list[list[Block]] = []
    for block in blocks:
        if block.start == 0 or not files:
            files.append([block])
        else:
            files[-1].append(block)
    for its_blocks in files:
        if len(its_blocks) == 1:
            yield its_blocks[0], 1
            continue
        counts = [delayed(_count_lines)(block) for block in its_blocks[:-1]]
        firsts = delayed(_first_lines)(counts)
        for position, block in enumerate(its_blocks):
            yield block, firsts[position]


def _count_block(block: Block, job: RecordJob, capacity: int) -> TemplateCounter:
    """Pass 1 for a block, as the CLI's pass 1: malformed lines and read errors are skipped."""
    counter = TemplateCounter(capacity)
    for line in _read(block, 1, job.limit):
        if line.error is None:
            fingerprints = line_fingerprints(line.data, line.source, job)
            if fingerprints is not None:
                counter.add(fingerprints)
    return counter


def _count_documents(
    documents: Iterable[Line | bytes | str | dict[str, Any]], job: RecordJob, capacity: int
) -> TemplateCounter:
    counter = TemplateCounter(capacity)
    for document in documents:
        fingerprints: frozenset[int] | None
        if isinstance(document, dict):
            try:
                record = check_record(document, job.text_field)
            except BadLine:
                continue
            fingerprints = record_fingerprints(record, job, site="")
        else:
            line = _as_line(document, 0)
            if line.error is not None:
                continue
            fingerprints = line_fingerprints(line.data, line.source, job)
        if fingerprints is not None:
            counter.add(fingerprints)
    return counter


def _combine(counters: Iterable[TemplateCounter], capacity: int) -> TemplateCounter:
    combined = TemplateCounter(capacity)
    for counter in counters:
        combined.update(counter)
    return combined


def _table(counter: TemplateCounter, min_docs: int) -> TemplateTable:
    return counter.table(min_docs)


def _tree(parts: list[Delayed], combine: Callable[[list[Any]], Any], fan_in: int = 8) -> Delayed:
    """Combine the parts `fan_in` at a time, level by level, down to one."""
    if not parts:
        return delayed(combine)([])
    while len(parts) > 1:
        parts = [delayed(combine)(parts[i : i + fan_in]) for i in range(0, len(parts), fan_in)]
    return parts[0]


def _clean_records(
    records: Iterable[Any], job: RecordJob, templates: TemplateTable | None
) -> list[dict[str, Any]]:
    if templates is not None:
        job = replace(job, templates=templates)
    cleaned = []
    for record in records:
        try:
            checked = dict(check_record(record, job.text_field))
        except BadLine:
            if job.bad_lines == "pass":
                cleaned.append(record)
            continue
        clean_record(checked, job, where=None, site="")
        cleaned.append(checked)
    return cleaned


def _clean_lines(
    lines: Iterable[Line | bytes | str], job: RecordJob, templates: TemplateTable | None
) -> list[bytes | str]:
    if templates is not None:
        job = replace(job, templates=templates)
    cleaned: list[bytes | str] = []
    for number, given in enumerate(lines, 1):
        line = _as_line(given, number)
        if line.error is not None:
            raise InputError(line.error)
        output = _clean_one(line, job)[0]
        if output is None:
            continue
        output = output.removesuffix(b"\n")
        cleaned.append(
            output.decode("utf-8", "surrogateescape") if isinstance(given, str) else output
        )
    return cleaned


def _clean_text(text: str, options: Options) -> Result:
    return clean(text, options)


# --- Helpers ----------------------------------------------------------------------------------


def _job(
    options: Options | None,
    text_field: str,
    with_result: bool,
    bad_lines: str,
    errors: str,
    site_field: str | None,
    limit: int | None = MAX_INPUT_BYTES,
) -> RecordJob:
    return RecordJob(
        options or Options(),
        text_field=text_field,
        with_result=with_result,
        bad_lines=bad_lines,
        errors=errors,
        site_field=site_field,
        limit=limit,
    )


def _shared(templates: Any) -> Any:
    """A table as one key of the graph, sent to each worker once, not once per task."""
    if isinstance(templates, TemplateTable):
        return delayed(templates, traverse=False)
    return templates


def _as_line(given: Line | bytes | str, number: int) -> Line:
    if isinstance(given, Line):
        return given
    data = _as_bytes(given)
    if isinstance(given, str):
        data = data.removesuffix(b"\n")
    return Line(BAG_SOURCE, number, data)


def _length(data: bytes | TooLong) -> int:
    return data.size if isinstance(data, TooLong) else len(data)


def _as_bytes(line: bytes | str) -> bytes:
    return line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line


def _width(parts: int) -> int:
    """Digits in part names, so that name order is partition order."""
    return max(5, len(str(max(parts - 1, 0))))


def output_directory(out_dir: str | os.PathLike[str]) -> Path:
    """OUT, made if need be, absolute (workers may run elsewhere); FileExistsError if it
    holds part files already, which would mix with the new ones."""
    out = Path(out_dir).absolute()
    out.mkdir(parents=True, exist_ok=True)
    existing = sorted(out.glob(PART_GLOB))
    if existing:
        raise FileExistsError(
            f"{out_dir} already holds {existing[0].name} and other parts of an earlier run; "
            "remove them or choose another directory"
        )
    return out


def _auto_blocksize(paths: Sequence[str], workers: int) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += os.path.getsize(path)
    wanted = math.ceil(total / (PARTS_PER_WORKER * max(workers, 1)))
    return min(MAX_BLOCK, max(MIN_BLOCK, wanted))


def _current_client() -> Client | None:
    try:
        from distributed import default_client
    except ImportError:
        return None
    try:
        return default_client()
    except ValueError:
        return None


def _workers(client: Client | None) -> int:
    if client is None:
        return os.cpu_count() or 1
    return max(1, sum(client.nthreads().values()))


def _first_lines_of(blocks: Sequence[Block], client: Client | None) -> list[int]:
    """The number of each block's first line, counted on the cluster before cleaning starts
    (reading is fast beside cleaning), so that the cleaning tasks depend on nothing."""
    numbered = [first for _, first in _numbered(blocks)]
    pending = [first for first in numbered if isinstance(first, Delayed)]
    if client is not None:
        counted = iter(client.gather(client.compute(pending)))
    else:
        counted = iter(compute_all(*pending))
    return [next(counted) if isinstance(first, Delayed) else first for first in numbered]


def _write_blocks(
    arguments: list[tuple[Any, ...]], client: Client | None
) -> Generator[Part, None, None]:
    """`_write_block` of each, results in order (see `in_order`)."""
    return in_order(_write_block, arguments, client)


def in_order(
    function: Callable[..., Part], arguments: list[tuple[Any, ...]], client: Client | None
) -> Generator[Part, None, None]:
    """`function` of each argument tuple, results in order, each as soon as it and those
    before it are done. On a cluster, earlier partitions have priority, so that parts are
    written, and progress and problems reported, in input order as far as the workers allow."""
    if client is None:
        yield from compute_all(*(delayed(function)(*given) for given in arguments))
        return
    futures = [
        client.submit(function, *given, priority=-index, pure=False)
        for index, given in enumerate(arguments)
    ]
    try:
        for future in futures:
            yield future.result()
    finally:
        client.cancel(futures)
