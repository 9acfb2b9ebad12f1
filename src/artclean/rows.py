"""Rows of a table cleaned in a worker: plain Python values in, plain values out.

The Parquet reader (`parquet.py`) cuts row groups into `RowSlice`s and puts the cleaned
columns back into Arrow tables in the main process; the workers run what is here, which
needs no pyarrow, so that each worker process stays small.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .jsonl import RESULT_KEY, RecordJob, clean_record, record_fingerprints
from .parallel import shared
from .tally import Tally, failure, of_result


@dataclass(frozen=True, slots=True)
class RowSlice:
    """Consecutive rows of one row group of `source`, as plain values: what a worker needs,
    so that workers never load pyarrow. `last`: the last slice of its row group."""

    source: str
    first_row: int  # 0-based, in the file
    texts: list[str | None]
    sites: dict[str, list[Any]]  # the columns that may name a row's site, when needed
    last: bool


@dataclass(frozen=True, slots=True)
class SliceOutcome:
    texts: list[str | None]  # the clean text of each row
    results: list[str | None] | None  # the artclean result of each row, as JSON
    keep: list[bool]  # False for a row to drop (null text, with bad_lines "skip")
    problems: tuple[str, ...]
    tally: Tally
    last: bool


def clean_slice(rows: RowSlice) -> SliceOutcome:
    """Clean a slice in a worker of `clean_file`."""
    return clean_rows(rows, shared(RecordJob))


def clean_rows(rows: RowSlice, job: RecordJob) -> SliceOutcome:
    """Clean the texts of a slice: clean texts, results, rows kept, problems, counts."""
    cleaned: list[str | None] = []
    results: list[str | None] = []
    keep: list[bool] = []
    problems: list[str] = []
    tally = Tally()
    for index, text in enumerate(rows.texts):
        where = f"{rows.source}:row {rows.first_row + index}"
        if text is None:
            problems.append(f"{where}: {job.text_field!r} is null, not a string")
            keep.append(job.bad_lines == "pass")
            cleaned.append(None)
            results.append(None)
            tally += failure()
            continue
        size = len(text.encode("utf-8", "surrogatepass"))
        if job.limit is not None and size > job.limit:
            problems.append(
                f"{where}: a text of {size} bytes is over the limit of {job.limit} bytes "
                "(--max-size); the row is left out"
            )
            keep.append(False)
            cleaned.append(None)
            results.append(None)
            tally += failure(size)
            continue
        record: dict[str, Any] = {name: values[index] for name, values in rows.sites.items()}
        record[job.text_field] = text
        result = clean_record(record, job, where=where, site=rows.source)
        clean = record[job.text_field]
        cleaned.append(clean)
        keep.append(True)
        if job.with_result:
            results.append(json.dumps(record[RESULT_KEY], ensure_ascii=False))
        out = size if clean is text else len(clean.encode("utf-8", "surrogatepass"))
        tally += of_result(result, size, out)
    with_results = results if job.with_result else None
    return SliceOutcome(cleaned, with_results, keep, tuple(problems), tally, rows.last)


def fingerprint_slice(rows: RowSlice) -> list[frozenset[int]]:
    """Pass 1 for a slice in a worker of `parquet.learn_templates`."""
    return slice_fingerprints(rows, shared(RecordJob))


def slice_fingerprints(rows: RowSlice, job: RecordJob) -> list[frozenset[int]]:
    """Pass 1 for a slice (read with `learning`): what template learning counts of each row."""
    found = []
    for index, text in enumerate(rows.texts):
        if text is None:
            continue
        record: dict[str, Any] = {name: values[index] for name, values in rows.sites.items()}
        record[job.text_field] = text
        found.append(record_fingerprints(record, job, site=rows.source))
    return found
