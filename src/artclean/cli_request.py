"""A batch run as data, and what the local and Dask engines both derive from it.

`cli_batch` builds a `BatchRequest` from the command line; `cli_batch` and `cli_dask` both
read it here, so neither needs the other's internals.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .discover import JSONL_PATTERNS, RECORD_PATTERNS

if TYPE_CHECKING:
    from .jsonl import RecordJob
    from .options import Options
    from .progress import Display
    from .tally import Tally


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """The batch options, as click parsed them."""

    out_dir: str | None = None
    in_place: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    quiet: bool = False
    input_format: str = "text"
    text_field: str = "text"
    on_bad_line: str = "pass"
    learn_templates: bool = False
    template_min_docs: int | None = None
    site_field: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    part_format: str | None = None


@dataclass(frozen=True, slots=True)
class BatchRequest:
    """One batch run: what to clean, how, and where the output goes."""

    sources: Sequence[str]
    options: Options
    batch: BatchSettings
    output_format: str
    output: str
    encoding: str
    errors: str
    limit: int | None

    @property
    def jobs(self) -> int:
        from .parallel import default_jobs

        return self.batch.jobs or default_jobs()

    @property
    def min_docs(self) -> int:
        from .templates import DEFAULT_MIN_DOCS

        return self.batch.template_min_docs or DEFAULT_MIN_DOCS


def jsonl_paths(request: BatchRequest, display: Display) -> tuple[list[str], Tally]:
    """The JSONL files (or "-") to read, in order; what could not be found is reported.
    (WARC and Parquet files are found alike, with the patterns of their format.)"""
    from .discover import find_sources
    from .tally import Tally, failure

    batch = request.batch
    tally = Tally()
    paths: list[str] = []
    for source in request.sources:
        if source == "-":
            paths.append(source)
            continue
        patterns = RECORD_PATTERNS.get(batch.input_format, JSONL_PATTERNS)
        found = find_sources([source], batch.include or patterns, batch.exclude)
        paths.extend(str(found_source.path) for found_source in found.sources)
        for message in found.problems:
            display.problem(message)
            tally += failure()
        for message in found.skipped:
            display.problem(f"{message}; skipped")
    return paths, tally


def record_job(request: BatchRequest) -> RecordJob:
    """How each JSONL record is cleaned, whichever engine runs the batch."""
    from .jsonl import RecordJob

    batch = request.batch
    return RecordJob(
        request.options,
        text_field=batch.text_field,
        with_result=request.output_format != "text",
        bad_lines=batch.on_bad_line,
        errors=request.errors,
        site_field=batch.site_field,
        limit=request.limit,
    )


def plain_size(paths: Sequence[str]) -> int | None:
    """Total bytes to read, when known up front: not for stdin, nor for gzip."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            with open(path, "rb") as stream:
                if stream.read(2) == b"\x1f\x8b":
                    return None
            total += os.path.getsize(path)
        except OSError:
            continue
    return total


def file_size(paths: Sequence[str]) -> int | None:
    """Total bytes of the files as stored (compressed or not), None when stdin is one."""
    if "-" in paths:
        return None
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
    return total
