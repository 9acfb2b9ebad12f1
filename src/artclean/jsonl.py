"""JSONL corpora: one document per line, cleaned as a stream.

Each record's text field is replaced by its clean text, and every other byte of the line
passes through as it came: the clean text's JSON encoding is spliced into the line in place of
the old value (`jsonline`), so numbers keep their digits, keys their order, repeated keys stay
(the last `text` is the one cleaned, as `json.loads` reads it), and whitespace, a carriage
return and a byte-order mark stay. A record whose text does not change is written back byte
for byte. With `with_result`, the artclean result (the `--format json` object without its
`text`, which is already in the record) is added under the key `artclean`, after the last
field (or in place of the value of an `artclean` field the record has).

Streaming: input is read in batches of whatever has arrived (at most 256 KiB, or one longer
line), batches are cleaned in worker processes with a bounded number in flight
(`parallel.ordered_map`), and written in input order. Memory depends on the longest record,
not on the corpus, and the first record comes out before the last one goes in.

A line longer than the job's `limit` (`--max-size`, 64 MiB unless set) is read past in
pieces and never held whole: memory stays bounded by the limit whatever the stream holds (a
gzip file of one 10 GiB line). It is reported with its line number and left out, since its
bytes were not kept; the records after it go on.

A malformed line (not valid UTF-8 or JSON, a value Python cannot hold such as an integer of
thousands of digits or nesting thousands deep, not an object, no text field, a text that is
not a string) is reported with its line number, then passed through untouched or skipped, as
`bad_lines` says; blank lines are not records and are passed or dropped alike, unreported.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import itertools
import sys
import zlib
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .jsonline import BOM, NotRecord, ObjectLine, encode_value, json_type, read_object
from .options import Options
from .parallel import ordered_map, shared
from .reading import MAX_INPUT_BYTES, InputError, binary_kind, input_errors
from .result import Result
from .tally import Tally, failure, of_result
from .templates import (
    DEFAULT_CAPACITY,
    DEFAULT_MIN_DOCS,
    TemplateCounter,
    TemplateTable,
    document_fingerprints,
)

RESULT_KEY = "artclean"
BAD_LINES = ("pass", "skip")
# Fields that name a record's site, tried in order, when no site field is given.
SITE_FIELD = "domain"
URL_FIELD = "url"
BATCH_BYTES = 1 << 20
# The most bytes of complete lines in one batch for a worker (unless one line is longer).
# Small enough that the workers share a small file evenly and end a stream together (1 MiB
# gave the 1.5 MB of aeb-dev's page dumps to two workers as 1 MiB and 0.5 MB); large enough
# that sending a batch costs nothing beside cleaning it (about 0.1 s of CPU per 256 KiB).
LINE_BATCH_BYTES = 1 << 18
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class RecordJob:
    """How every record of a stream is cleaned; set once in each worker (see `parallel.shared`).

    site_field: the field naming a record's site, for template learning; None means the
    `domain` field, else the host of the `url` field, else the input file.
    limit: the most bytes a line may hold (None: no limit); a longer one is left out.
    """

    options: Options
    text_field: str = "text"
    with_result: bool = False
    bad_lines: str = "pass"
    errors: str = "strict"
    site_field: str | None = None
    templates: TemplateTable | None = None
    limit: int | None = MAX_INPUT_BYTES

    def __post_init__(self) -> None:
        if self.bad_lines not in BAD_LINES:
            raise ValueError(f"bad_lines must be pass or skip, not {self.bad_lines!r}")


class TooLong(NamedTuple):
    """In place of a line longer than `limit` bytes: its size without the line feed. Its
    bytes were read past, not kept."""

    size: int
    limit: int


@dataclass(frozen=True, slots=True)
class LineBatch:
    """Consecutive lines of one input, without their line feeds."""

    source: str  # the input's name in messages: a path, or <stdin>
    first_line: int  # 1-based number of the first line
    lines: tuple[bytes | TooLong, ...]

    @property
    def size(self) -> int:
        return sum(_length(line) + 1 for line in self.lines)


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    output: bytes  # the lines to write, each ending in a line feed
    problems: tuple[str, ...]  # "source:line: reason" for each malformed line
    tally: Tally


class BadLine(ValueError):
    """A line that is not a record with a text field; the message says why."""


@contextlib.contextmanager
def open_records(path: str) -> Iterator[io.BufferedIOBase]:
    """A JSONL input as a binary stream: a file, or "-" for stdin; gzip is undone on the way.

    Gzip is recognised by its first bytes, not its name, so compressed stdin works too.
    """
    name = "<stdin>" if path == "-" else path
    with contextlib.ExitStack() as stack:
        if path == "-":
            raw: io.BufferedIOBase = sys.stdin.buffer  # type: ignore[assignment]
        else:
            with input_errors(name):
                raw = stack.enter_context(open(path, "rb"))
        if not isinstance(raw, io.BufferedReader):
            raw = io.BufferedReader(raw)
        head = raw.peek(8192)
        if head.startswith(_GZIP_MAGIC):
            yield stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
            return
        what = binary_kind(head)
        if what is not None:
            raise InputError(f"{name}: looks like {what}, not JSONL")
        yield raw


def line_batches(
    stream: io.BufferedIOBase,
    source: str,
    size: int = LINE_BATCH_BYTES,
    *,
    limit: int | None = MAX_INPUT_BYTES,
) -> Iterator[LineBatch]:
    """Complete lines as they arrive: each batch is what one read completed, so a record from
    a slow producer is cleaned at once rather than when a full batch has gathered. A line
    longer than `limit` comes as TooLong (see `split_lines`)."""
    number = 1
    try:
        for lines in split_lines(stream, limit, size):
            yield LineBatch(source, number, tuple(lines))
            number += len(lines)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"{source}: cannot read ({error})") from None


def split_lines(
    stream: io.BufferedIOBase, limit: int | None, size: int = BATCH_BYTES
) -> Iterator[list[bytes | TooLong]]:
    """The lines of `stream`, without their line feeds, in the groups each read of at most
    `size` bytes completes; the last line may lack a line feed. A line of more than `limit`
    bytes comes as TooLong: once the part read of it passes the limit, the rest is only
    counted, so memory stays within about twice the limit, whatever the line's length.

    Lines are split at line feeds only: a carriage return or byte-order mark stays.
    """
    pending: list[bytes] = []  # the start of a line not complete yet
    held = 0  # bytes in pending
    skipped: int | None = None  # bytes read past of a line over the limit

    def checked(line: bytes) -> bytes | TooLong:
        if limit is None or len(line) <= limit:
            return line
        return TooLong(len(line), limit)

    def completed(end: bytes) -> bytes | TooLong:
        if skipped is not None:
            assert limit is not None
            return TooLong(skipped + len(end), limit)
        return checked(b"".join([*pending, end]) if pending else end)

    while True:
        chunk = stream.read1(size)
        if not chunk:
            break
        first = chunk.find(b"\n")
        if first >= 0:
            last = chunk.rfind(b"\n")
            lines = [completed(chunk[:first])]
            if last > first:
                lines += map(checked, chunk[first + 1 : last].split(b"\n"))
            pending, held, skipped = [], 0, None
            chunk = chunk[last + 1 :]
        else:
            lines = []
        if skipped is not None:
            skipped += len(chunk)
        elif limit is not None and held + len(chunk) > limit:
            pending, held, skipped = [], 0, held + len(chunk)
        elif chunk:
            pending.append(chunk)
            held += len(chunk)
        if lines:
            yield lines
    if skipped is not None:
        assert limit is not None
        yield [TooLong(skipped, limit)]
    elif pending:
        yield [b"".join(pending)]


def parse(line: bytes, text_field: str, errors: str = "strict") -> dict[str, Any]:
    """A line as a record holding a string under `text_field`; BadLine says what is wrong."""
    return read_record(line, text_field, errors).fields


def read_record(line: bytes, text_field: str, errors: str = "strict") -> ObjectLine:
    """A line as a record holding a string under `text_field`, with where each value is in
    the line (for splicing); BadLine says what is wrong."""
    try:
        found = read_object(line, errors)
    except NotRecord as error:
        raise BadLine(str(error)) from None
    check_record(found.fields, text_field)
    return found


def check_record(record: object, text_field: str) -> dict[str, Any]:
    """`record` itself if it is an object holding a string under `text_field`; BadLine says
    what is wrong if not (records that come as objects, not lines, are checked alike)."""
    if not isinstance(record, dict):
        raise BadLine(f"not a JSON object but {json_type(record)}")
    if text_field not in record:
        raise BadLine(f"no {text_field!r} field")
    if not isinstance(record[text_field], str):
        raise BadLine(f"{text_field!r} is {json_type(record[text_field])}, not a string")
    return record


def site_of(record: dict[str, Any], site_field: str | None, default: str) -> str:
    """The site a record belongs to, for template learning."""
    if site_field is not None:
        value = record.get(site_field)
        return value if isinstance(value, str) and value else default
    domain = record.get(SITE_FIELD)
    if isinstance(domain, str) and domain:
        return domain.lower().removeprefix("www.")
    url = record.get(URL_FIELD)
    if isinstance(url, str):
        with contextlib.suppress(ValueError):
            host = urlsplit(url).hostname
            if host:
                return host.removeprefix("www.")
    return default


def clean_stream(
    batches: Iterator[LineBatch], job: RecordJob, jobs: int
) -> Generator[BatchOutcome, None, None]:
    """Clean batches of lines on `jobs` workers; outcomes in input order."""
    return ordered_map(clean_lines, batches, jobs, setting=job)


def learn_templates(
    paths: Sequence[str],
    job: RecordJob,
    jobs: int,
    *,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
) -> TemplateTable:
    """Pass 1 over files (not stdin: it reads them twice): count each site's recurring
    paragraphs. Malformed lines and unreadable files are skipped here, reported in pass 2."""
    counter = TemplateCounter(capacity)
    for path in paths:
        try:
            with open_records(path) as stream:
                batches = line_batches(stream, path, limit=job.limit)
                found = ordered_map(_fingerprint_lines, batches, jobs, setting=job)
                for fingerprints in itertools.chain.from_iterable(found):
                    counter.add(fingerprints)
        except InputError:
            continue
    return counter.table(min_docs)


def clean_lines(batch: LineBatch) -> BatchOutcome:
    """Clean a batch of lines (in a worker): the lines to write, problems, counts."""
    job = shared(RecordJob)
    output: list[bytes] = []
    problems: list[str] = []
    tally = Tally()
    for offset, line in enumerate(batch.lines):
        number = batch.first_line + offset
        written, problem, counted = clean_line(line, batch.source, number, job)
        if written is not None:
            output.append(written)
        if problem is not None:
            problems.append(problem)
        tally += counted
    return BatchOutcome(b"".join(output), tuple(problems), tally)


def clean_line(
    line: bytes | TooLong, source: str, number: int, job: RecordJob
) -> tuple[bytes | None, str | None, Tally]:
    """One line: what to write (None: nothing), the problem if malformed, its counts."""
    where = f"{source}:{number}"
    if isinstance(line, TooLong):
        problem = (
            f"{where}: a record of {line.size} bytes is over the limit of {line.limit} bytes "
            "(--max-size); left out"
        )
        return None, problem, failure(line.size + 1)
    size = len(line) + 1
    keep = job.bad_lines == "pass"
    if not line.removeprefix(BOM).strip():
        return (line + b"\n" if keep else None), None, Tally(bytes_in=size, bytes_out=size * keep)
    try:
        found = read_record(line, job.text_field, job.errors)
    except BadLine as bad:
        return (line + b"\n" if keep else None), f"{where}: {bad}", failure(size, size * keep)
    text, result = _clean_fields(found.fields, job, where=where, site=source)
    if not result.changed and not job.with_result:
        return line + b"\n", None, of_result(result, size, size)
    values = {job.text_field: encode_value(text)}
    if job.with_result:
        values[RESULT_KEY] = encode_value(_details(result))
    written = found.replaced(values) + b"\n"
    return written, None, of_result(result, size, len(written))


def clean_record(record: dict[str, Any], job: RecordJob, *, where: str | None, site: str) -> Result:
    """Clean a record (checked by `check_record`) in place: the clean text into its text
    field and, with `with_result`, the result under RESULT_KEY. `where` names the record in
    the result ("path:line"); `site` is its site when the record names none (`site_of`)."""
    text, result = _clean_fields(record, job, where=where, site=site)
    record[job.text_field] = text
    if job.with_result:
        record[RESULT_KEY] = _details(result)
    return result


def _clean_fields(
    record: dict[str, Any], job: RecordJob, *, where: str | None, site: str
) -> tuple[str, Result]:
    """The clean text of a checked record, and the result; as for `clean_record`."""
    options = job.options
    if job.templates is not None:
        site = site_of(record, job.site_field, site)
        options = options.but(templates=job.templates.for_site(site))
    original = record[job.text_field]
    from .pipeline import clean  # here: the main process of a batch never cleans

    result = clean(original, options, source=where)
    return clean_text(original, result), result


def _details(result: Result) -> dict[str, Any]:
    """The result as `--format json` writes it, without the text (the record holds that)."""
    details = result.to_dict()
    del details["text"]
    return details


def clean_text(original: str, result: Result) -> str:
    """The clean text, ending in a line break only if the original did.

    The pipeline ends its text with a line break, as a file should; a record's text field
    usually has none, and an unchanged record must stay unchanged.
    """
    if not result.changed:
        return original
    text = result.text
    if original.endswith(("\n", "\r")):
        return text
    return text.removesuffix("\r\n") if text.endswith("\r\n") else text.removesuffix("\n")


def _fingerprint_lines(batch: LineBatch) -> list[frozenset[int]]:
    job = shared(RecordJob)
    found = (line_fingerprints(line, batch.source, job) for line in batch.lines)
    return [fingerprints for fingerprints in found if fingerprints is not None]


def line_fingerprints(line: bytes | TooLong, source: str, job: RecordJob) -> frozenset[int] | None:
    """Pass 1 for one line of `source`: what template learning counts; None for a malformed
    line (pass 2 reports it)."""
    if isinstance(line, TooLong):
        return None
    try:
        record = parse(line, job.text_field, job.errors)
    except BadLine:
        return None
    return record_fingerprints(record, job, site=source)


def record_fingerprints(record: dict[str, Any], job: RecordJob, *, site: str) -> frozenset[int]:
    """Pass 1 for a checked record; `site` as for `clean_record`."""
    from .pipeline import comparable_texts  # here: the main process of a batch never cleans

    texts = comparable_texts(record[job.text_field], job.options)
    return document_fingerprints(texts, site_of(record, job.site_field, site))


def _length(line: bytes | TooLong) -> int:
    return line.size if isinstance(line, TooLong) else len(line)
