"""Batch cleaning of files: where each output goes, cleaning in workers, atomic writes.

A worker reads, cleans and writes its own files, so only paths and counts travel between
processes. Every write replaces its file atomically and keeps its permissions; a file whose
content would not change is not written at all, so its modification time stays and tools
that watch files (make, rsync, editors) see nothing happen. A file that cannot be cleaned
(missing, unreadable, binary, not in the encoding) is reported and the batch goes on.

Output layouts:
- in place: the cleaned text replaces the file, in the file's own encoding (a byte-order
  mark is kept);
- into an output directory: the same relative path, as text, or as `NAME.json` holding the
  JSON result (`--format json`), written even when unchanged so the mirror is complete;
- as a stream: one JSON line per file, returned to the caller in input order.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .discover import Source
from .files import atomic_write, flush_to_disk
from .options import Options
from .parallel import ordered_map, shared
from .reading import MAX_INPUT_BYTES, InputError, read_text_and_bytes
from .result import Result
from .tally import Tally, failure, of_result
from .templates import (
    DEFAULT_CAPACITY,
    DEFAULT_MIN_DOCS,
    TemplateCounter,
    TemplateTable,
    document_fingerprints,
)

OUTPUTS = ("text", "json", "jsonl")
# Files per task sent to a worker: fewer round trips than one file each, small enough that
# the progress bar moves and the last worker does not finish long after the others.
CHUNK_FILES = 16
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class FileJob:
    """How every file of a batch is cleaned; set once in each worker (see `parallel.shared`).

    output: "text" writes the clean text, "json" the JSON result, "jsonl" returns a JSON line.
    """

    options: Options
    output: str = "text"
    encoding: str = "utf-8"
    errors: str = "strict"
    templates: TemplateTable | None = None
    limit: int | None = MAX_INPUT_BYTES  # bytes one file may hold (--max-size)

    def __post_init__(self) -> None:
        if self.output not in OUTPUTS:
            raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, not {self.output!r}")


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file: where to read it, where to write it (None: return a JSON line), its site."""

    source: str
    target: str | None
    site: str  # the directory it is in: templates are learned per directory
    size: int


@dataclass(frozen=True, slots=True)
class FileOutcome:
    task: FileTask
    tally: Tally
    problem: str | None = None  # "path: reason" when the file failed
    line: str | None = None  # the JSON result, when the job returns lines


def plan(
    sources: Sequence[Source], *, out_dir: str | None = None, output: str = "text"
) -> list[FileTask]:
    """A task per source: into `out_dir` under its relative path, in place without one.

    With output "jsonl" nothing is written; each task's result comes back as a line.
    """
    tasks = []
    suffix = ".json" if output == "json" else ""
    folders: dict[tuple[str, ...], str] = {}  # str(Path(out_dir, *parts)), once per folder
    for source in sources:
        path = str(source.path)
        target: str | None
        if output == "jsonl":
            target = None
        elif out_dir is None:
            target = path
        else:
            *parts, name = source.relative.parts
            key = tuple(parts)
            if key not in folders:
                folders[key] = str(Path(out_dir, *parts))
            folder = folders[key]
            target = (name if folder == "." else os.path.join(folder, name)) + suffix
        # The folder as str(source.path.parent) spells it, without a Path object per file.
        tasks.append(FileTask(path, target, os.path.dirname(path) or ".", source.size))
    return tasks


def collisions(tasks: Sequence[FileTask]) -> list[tuple[FileTask, FileTask]]:
    """Pairs of tasks that would write the same file (two inputs named alike)."""
    first: dict[str, FileTask] = {}
    pairs = []
    for task in tasks:
        if task.target is None:
            continue
        key = os.path.normcase(os.path.abspath(task.target))
        if key in first:
            pairs.append((first[key], task))
        else:
            first[key] = task
    return pairs


def clean_files(tasks: Sequence[FileTask], job: FileJob, jobs: int) -> Iterator[FileOutcome]:
    """Clean every task's file; outcomes in task order, whatever the number of jobs. Files
    written into an output directory reach the disk with `settle`."""
    chunks = list(_chunks(tasks))
    jobs = min(jobs, len(chunks))  # a pool for one chunk would only cost its start-up
    # The map first: zip ends on its end, so the pool is shut down as the map returns.
    outcomes_of_chunks = ordered_map(_clean_chunk, chunks, jobs, setting=job)
    for outcomes, chunk in zip(outcomes_of_chunks, chunks, strict=True):
        for task, (tally, problem, line) in zip(chunk, outcomes, strict=True):
            yield FileOutcome(task, tally, problem, line)


def settle(tasks: Sequence[FileTask]) -> None:
    """Make what `clean_files` wrote into an output directory durable, all at once.

    Each file there is written atomically (never seen half-written) but without a flush to
    disk of its own, which made the workers of a batch queue on the file system's journal; the
    inputs are still there to clean again. Call this after the last outcome. A file rewritten
    in place was flushed before its rename, since the original is gone once replaced.
    Raises OSError when the system reports that something could not be written.
    """
    flush_to_disk(
        task.target for task in tasks if task.target is not None and task.target != task.source
    )


def learn_templates(
    tasks: Sequence[FileTask],
    job: FileJob,
    jobs: int,
    *,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
    on_file: Callable[[FileTask], object] = lambda task: None,
) -> TemplateTable:
    """Pass 1: count each directory's recurring paragraphs. Failing files are skipped here
    and reported by the cleaning pass; `on_file` is called as each file is counted."""
    counter = TemplateCounter(capacity)
    chunks = list(_chunks(tasks))
    jobs = min(jobs, len(chunks))
    found = ordered_map(_fingerprint_chunk, chunks, jobs, setting=job)
    for task, fingerprints in zip(tasks, itertools.chain.from_iterable(found), strict=True):
        if fingerprints is not None:
            counter.add(fingerprints)
        on_file(task)
    return counter.table(min_docs)


def _chunks(tasks: Sequence[FileTask]) -> Iterator[list[FileTask]]:
    chunk: list[FileTask] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += task.size
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _clean_chunk(tasks: list[FileTask]) -> list[tuple[Tally, str | None, str | None]]:
    """Clean a chunk in a worker. Each outcome goes back without its task, which the main
    process has: a third of the bytes to pickle and unpickle."""
    job = shared(FileJob)
    outcomes = (clean_file(task, job) for task in tasks)
    return [(outcome.tally, outcome.problem, outcome.line) for outcome in outcomes]


def _fingerprint_chunk(tasks: list[FileTask]) -> list[frozenset[int] | None]:
    job = shared(FileJob)
    found: list[frozenset[int] | None] = []
    for task in tasks:
        try:
            text = read_text_and_bytes(task.source, job.encoding, job.errors, job.limit)[1]
        except InputError:
            found.append(None)
            continue
        from .pipeline import comparable_texts  # here: the main process of a batch never cleans

        texts = comparable_texts(text, job.options.for_file(task.source))
        found.append(document_fingerprints(texts, task.site))
    return found


def clean_file(task: FileTask, job: FileJob) -> FileOutcome:
    """Read, clean and write one file; a problem is returned, never raised."""
    try:
        data, text = read_text_and_bytes(task.source, job.encoding, job.errors, job.limit)
    except InputError as error:
        return FileOutcome(task, failure(), str(error))
    options = job.options.for_file(task.source)
    if job.templates is not None:
        options = options.but(templates=job.templates.for_site(task.site))
    from .pipeline import clean  # here: the main process of a batch never cleans

    result = clean(text, options, source=task.source)
    if task.target is None:
        line = json.dumps(result.to_dict(), ensure_ascii=False)
        return FileOutcome(task, of_result(result, len(data), len(line.encode())), line=line)
    try:
        output = _render(result, data, job)
    except UnicodeEncodeError as error:
        reason = f"the clean text cannot be written in {error.encoding} ({error.reason})"
        return FileOutcome(task, failure(len(data)), f"{task.source}: {reason}")
    try:
        _write(task, output, in_place=task.target == task.source, changed=result.changed)
    except OSError as error:
        reason = f"{task.target}: cannot write ({error.strerror or error})"
        return FileOutcome(task, failure(len(data)), reason)
    return FileOutcome(task, of_result(result, len(data), len(output)))


def _render(result: Result, data: bytes, job: FileJob) -> bytes:
    if job.output == "json":
        return (json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n").encode()
    if not result.changed:
        return data
    return encode_like(result.text, data, job.encoding)


def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """`text` in the encoding `original` was read in, with its byte-order mark if it had one."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


def _write(task: FileTask, output: bytes, *, in_place: bool, changed: bool) -> None:
    """Write atomically, and not at all when the file would not change."""
    assert task.target is not None
    if in_place:  # the original is gone once replaced: on disk before the rename
        if changed:
            atomic_write(os.path.realpath(task.target), output)
        return
    target = task.target
    try:
        with open(target, "rb") as stream:
            if stream.read() == output:
                return
    except OSError:
        pass
    try:  # flushed with the others by `settle`
        atomic_write(target, output, durable=False)
    except FileNotFoundError:  # its folder is not there yet: made once, not tried per file
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        atomic_write(target, output, durable=False)
