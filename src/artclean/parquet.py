"""Parquet corpora: the text column cleaned row group by row group, every other column kept.

A Parquet file is read one row group at a time, each streamed in slices of about SLICE_BYTES
(a few of which are in flight at once) for the workers, so memory is bounded by a row
group's compressed size, not by the file. The cleaned slices are put together again and
written as one row group (or several of at most GROUP_BYTES, for a larger one), so the output
has the input's schema (its column types and metadata) and, up to that size, its row groups.
The text column (`--text-field`) holds the clean text; with `with_result`, the artclean result (the
`--format json` object without its text) is added as a JSON string column `artclean`.

Each row is cleaned by `jsonl.clean_record` as the JSONL record holding the same text would
be; for template learning its site is its `domain` column, else the host of its `url` column
(or the `--site-field` column). A row whose text is null is reported ("path:row N") and kept
or dropped as `bad_lines` says, as a malformed JSONL line is.

pyarrow is an optional dependency: `pip install 'artclean[parquet]'`.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import json
import os
import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as missing:  # pragma: no cover - exercised without the extra
    raise ImportError(f"{missing}: Parquet needs pip install 'artclean[parquet]'") from None

from .files import OutputFailed
from .jsonl import RESULT_KEY, SITE_FIELD, URL_FIELD, RecordJob
from .parallel import ordered_map
from .reading import InputError, input_errors
from .rows import RowSlice, SliceOutcome, clean_slice, fingerprint_slice
from .templates import DEFAULT_CAPACITY, DEFAULT_MIN_DOCS, TemplateCounter, TemplateTable

INSTALL = "pip install 'artclean[parquet]'"
PATTERNS = ("*.parquet",)
# A slice is what a worker cleans at once; WINDOW_PER_JOB of them per worker are in flight, each
# held in this process as Arrow data, as Python strings and pickled: a tenth of a second of
# cleaning each, small next to what the workers hold.
SLICE_BYTES = 1 << 16
# Column chunks are read through a buffer of this size, not each read whole.
READ_BUFFER = 1 << 20
# The most data one output row group holds before it is written (see ParquetSink): pyarrow
# writes a row group from one table, so what it holds is held here as Arrow data until then.
GROUP_BYTES = 4 << 20
_RESULT_TYPE = pa.string()


def open_parquet(path: str, text_field: str) -> pq.ParquetFile:
    """A Parquet file whose `text_field` column holds strings; InputError says why not."""
    with input_errors(path):
        try:
            # Pre-buffering reads a row group's columns ahead, all at once, and without a
            # buffer each column chunk is read whole (compressed): memory, no gain here.
            file = pq.ParquetFile(path, pre_buffer=False, buffer_size=READ_BUFFER)
        except (pa.ArrowInvalid, pa.ArrowIOError, OSError) as error:
            if isinstance(error, FileNotFoundError | IsADirectoryError | PermissionError):
                raise
            raise InputError(f"{path}: not a Parquet file ({error})") from None
    check_schema(file.schema_arrow, text_field, path)
    return file


def check_schema(schema: pa.Schema, text_field: str, source: str) -> None:
    """InputError unless `schema` has a string column `text_field`."""
    if text_field not in schema.names:
        raise InputError(f"{source}: no {text_field!r} column (use --text-field to name it)")
    kind = schema.field(text_field).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise InputError(f"{source}: column {text_field!r} is {kind}, not a string")


def output_schema(schema: pa.Schema, with_result: bool) -> pa.Schema:
    """The schema written: the input's, with the `artclean` column when asked for (a column
    of that name already there is replaced in its place)."""
    if not with_result:
        return schema
    field = pa.field(RESULT_KEY, _RESULT_TYPE)
    if RESULT_KEY in schema.names:
        return schema.set(schema.get_field_index(RESULT_KEY), field)
    return schema.append(field)


def row_slices(
    file: pq.ParquetFile,
    source: str,
    job: RecordJob,
    size: int | None = None,
    *,
    groups: Sequence[int] | None = None,
    first_row: int = 0,
    learning: bool = False,
) -> Iterator[tuple[pa.Table, RowSlice]]:
    """The rows of a Parquet file (or of its row `groups`, the first of which starts at row
    `first_row`), a row group at a time, in slices of about `size` bytes: each as a table
    and as the plain values its cleaning needs (`size` None: SLICE_BYTES).

    A row group is streamed, its pages decoded a slice at a time, not read whole: that
    takes several times the row group's size, where this takes about its compressed size.
    """
    size = size or SLICE_BYTES
    first = first_row
    for group in range(file.num_row_groups) if groups is None else groups:
        metadata = file.metadata.row_group(group)
        rows = metadata.num_rows
        step = max(1, rows * size // max(metadata.total_byte_size, 1))
        done = 0
        try:
            # One thread: each reader thread would keep an allocator arena of its own.
            batches = file.iter_batches(step, row_groups=[group], use_threads=False)
            for batch in batches:
                part = pa.Table.from_batches([batch])
                texts = part.column(job.text_field).to_pylist()
                sites = _site_columns(part, job, learning=learning)
                done += part.num_rows
                yield part, RowSlice(source, first, texts, sites, done >= rows)
                first += part.num_rows
                _release()  # what the slice took goes back to the system, not to a pool
        except (pa.ArrowException, OSError) as error:
            raise InputError(f"{source}: cannot read row group {group} ({error})") from None


def clean_file(
    file: pq.ParquetFile, source: str, job: RecordJob, jobs: int
) -> Iterator[tuple[pa.Table, SliceOutcome]]:
    """Clean a Parquet file on `jobs` workers: each slice as the table to write (in the
    output schema) with its outcome, in input order. Workers get and return plain values;
    the tables stay in this process."""
    tables: deque[pa.Table] = deque()

    def slices() -> Iterator[RowSlice]:
        for table, rows in row_slices(file, source, job):
            tables.append(table)  # before the slice is handed on: its outcome comes after
            yield rows

    for outcome in ordered_map(clean_slice, slices(), jobs, setting=job):
        yield cleaned_table(tables.popleft(), outcome, job), outcome


def cleaned_table(table: pa.Table, outcome: SliceOutcome, job: RecordJob) -> pa.Table:
    """A slice's table with the clean texts in its text column (and the results column)."""
    position = table.schema.get_field_index(job.text_field)
    field = table.schema.field(position)
    table = table.set_column(position, field, pa.array(outcome.texts, type=field.type))
    if outcome.results is not None:
        column = pa.array(outcome.results, type=_RESULT_TYPE)
        result_field = pa.field(RESULT_KEY, _RESULT_TYPE)
        if RESULT_KEY in table.schema.names:
            at = table.schema.get_field_index(RESULT_KEY)
            table = table.set_column(at, result_field, column)
        else:
            table = table.append_column(result_field, column)
    if not all(outcome.keep):
        table = table.filter(pa.array(outcome.keep))
    return table


def learn_templates(
    paths: Sequence[str],
    job: RecordJob,
    jobs: int,
    *,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
) -> TemplateTable:
    """Pass 1 over Parquet files: count each site's recurring paragraphs. Files that cannot
    be read are skipped here, reported in pass 2."""
    counter = TemplateCounter(capacity)
    for path in paths:
        try:
            file = open_parquet(path, job.text_field)
            slices = (rows for _, rows in row_slices(file, path, job, learning=True))
            for found in ordered_map(fingerprint_slice, slices, jobs, setting=job):
                for fingerprints in found:
                    counter.add(fingerprints)
        except InputError:
            continue
    return counter.table(min_docs)


def _site_columns(
    table: pa.Table, job: RecordJob, *, learning: bool = False
) -> dict[str, list[Any]]:
    """The columns that may name a row's site, when templates are learned or used."""
    if job.templates is None and not learning:
        return {}
    names = [job.site_field] if job.site_field is not None else [SITE_FIELD, URL_FIELD]
    return {name: table.column(name).to_pylist() for name in names if name in table.schema.names}


# --- Records of other readers (WARC) as Parquet ---------------------------------------------

WARC_COLUMNS = ("url", "id", "date")


def records_schema(text_field: str, with_result: bool) -> pa.Schema:
    """The columns of WARC records written as Parquet: url, id, date (strings, null when the
    record has none), the clean text, and with `with_result` the artclean result as JSON."""
    names = list(dict.fromkeys([*WARC_COLUMNS, text_field]))
    if with_result:
        names.append(RESULT_KEY)
    return pa.schema([pa.field(name, pa.string()) for name in names])


def records_table(lines: bytes, schema: pa.Schema) -> pa.Table:
    """JSONL lines (as the WARC stream writes them) as a table of `schema`: the same records,
    field for field, with the artclean object as a JSON string, as `--format json` gives it
    for Parquet input."""
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for line in lines.splitlines():
        record = json.loads(line)
        for name, values in columns.items():
            value = record.get(name)
            if name == RESULT_KEY and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            values.append(value)
    return pa.table(columns, schema=schema)


# --- Writing ----------------------------------------------------------------------------------


class ParquetSink:
    """A Parquet file written atomically: it appears under its name only when `close` is
    reached without an error; a write that fails raises `files.OutputFailed`. Tables `add`ed
    go into the current row group, which ends at the end of an input row group, or once it
    holds GROUP_BYTES: a larger input row group is written as several, so that memory never
    holds more than that of output."""

    def __init__(
        self, path: str | os.PathLike[str], schema: pa.Schema, compression: str = "snappy"
    ) -> None:
        self.target = Path(path)
        self.schema = schema
        fd, self.temporary = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent or "."
        )
        os.close(fd)
        try:
            self.writer = pq.ParquetWriter(self.temporary, schema, compression=compression)
        except BaseException:
            os.unlink(self.temporary)
            raise
        self.rows = 0
        self.pending: list[pa.Table] = []
        self.held = 0

    def add(self, table: pa.Table, end_of_group: bool) -> None:
        """Rows for the current row group; `end_of_group`: the input's row group ends here."""
        if table.num_rows:
            self.pending.append(table)
            self.held += table.nbytes
        if end_of_group or self.held >= GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        tables, self.pending, self.held = self.pending, [], 0
        rows = sum(table.num_rows for table in tables)
        if not rows:
            return
        table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
        del tables
        if not table.schema.equals(self.schema, check_metadata=False):
            table = table.cast(self.schema)  # a copy: only when a type differs
        with self._reported():
            self.writer.write_table(table, row_group_size=rows)
        self.rows += rows
        del table
        _release()

    def close(self) -> None:
        self._flush()
        with self._reported():
            self.writer.close()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.temporary, 0o666 & ~umask)
            os.replace(self.temporary, self.target)

    @contextlib.contextmanager
    def _reported(self) -> Iterator[None]:
        """A failed write (a full disk, `ulimit -f`) as OutputFailed naming the target, with
        the system's reason: Arrow's own message wraps it in a sentence of its own."""
        try:
            yield
        except OSError as error:
            reason = os.strerror(error.errno) if error.errno else str(error)
            raise OutputFailed(str(self.target), OSError(error.errno, reason)) from None

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()

    def abandon(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


def parquet_sink(
    path: str | os.PathLike[str], schema: pa.Schema, like: pq.ParquetFile | None = None
) -> ParquetSink:
    """A Parquet file opened for writing (OSError if it cannot be), to use with `with`: it
    appears under its name only when the block ends without an exception. Compressed as the
    largest column of `like` (the input) is, if given and that codec can be written;
    otherwise with Snappy, pyarrow's default."""
    return ParquetSink(path, schema, _compression(like))


def _compression(like: pq.ParquetFile | None) -> str:
    """The codec of the largest column of `like`'s first row group (the text, in a corpus)."""
    if like is None or like.metadata.num_row_groups == 0:
        return "snappy"
    group = like.metadata.row_group(0)
    columns = [group.column(i) for i in range(group.num_columns)]
    largest = max(columns, key=lambda column: column.total_uncompressed_size)
    codec = {"UNCOMPRESSED": "none", "LZ4_RAW": "lz4"}.get(largest.compression, largest.compression)
    codec = codec.lower()
    return codec if codec == "none" or pa.Codec.is_available(codec) else "snappy"


def _release() -> None:
    """Give memory Arrow has freed back to the system: its pool keeps it otherwise, and a
    stream of row groups would hold the most any one of them took, several times over."""
    pa.default_memory_pool().release_unused()


def jsonl_lines(table: pa.Table) -> bytes:
    """Rows as JSONL lines, for Parquet read into a JSONL stream: values JSON cannot hold
    (dates, decimals, bytes) as their text."""
    return b"".join(
        (json.dumps(row, ensure_ascii=False, default=_jsonable) + "\n").encode(
            "utf-8", "surrogatepass"
        )
        for row in table.to_pylist()
    )


def _jsonable(value: object) -> object:
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return value.isoformat() if not isinstance(value, datetime.timedelta) else str(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
