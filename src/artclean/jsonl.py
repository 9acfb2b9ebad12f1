"""JSONL corpora: one document per line, cleaned as a stream.

Each record's text field is replaced by its clean text; every other field passes through, in
its place. A record whose text does not change is written back byte for byte. With
`with_result`, the artclean result (the `--format json` object without its `text`, which is
already in the record) is added under the key `artclean`.

Streaming: input is read in batches of whatever has arrived (at most 1 MiB, or one longer
line), batches are cleaned in worker processes with a bounded number in flight
(`parallel.ordered_map`), and written in input order. Memory depends on the longest record,
not on the corpus, and the first record comes out before the last one goes in.

A malformed line (not valid UTF-8 or JSON, not an object, no text field, a text that is not a
string) is reported with its line number, then passed through untouched or skipped, as
`bad_lines` says; blank lines are not records and are passed or dropped alike, unreported.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import itertools
import json
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .options import Options
from .parallel import ordered_map, shared
from .pipeline import clean, comparable_texts
from .reading import InputError, binary_kind, input_errors
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
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class RecordJob:
    """How every record of a stream is cleaned; set once in each worker (see `parallel.shared`).

    site_field: the field naming a record's site, for template learning; None means the
    `domain` field, else the host of the `url` field, else the input file.
    """

    options: Options
    text_field: str = "text"
    with_result: bool = False
    bad_lines: str = "pass"
    errors: str = "strict"
    site_field: str | None = None
    templates: TemplateTable | None = None

    def __post_init__(self) -> None:
        if self.bad_lines not in BAD_LINES:
            raise ValueError(f"bad_lines must be pass or skip, not {self.bad_lines!r}")


@dataclass(frozen=True, slots=True)
class LineBatch:
    """Consecutive lines of one input, without their line feeds."""

    source: str  # the input's name in messages: a path, or <stdin>
    first_line: int  # 1-based number of the first line
    lines: tuple[bytes, ...]

    @property
    def size(self) -> int:
        return sum(len(line) + 1 for line in self.lines)


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
    stream: io.BufferedIOBase, source: str, size: int = BATCH_BYTES
) -> Iterator[LineBatch]:
    """Complete lines as they arrive: each batch is what one read returned, so a record from
    a slow producer is cleaned at once rather than when a full batch has gathered."""
    number = 1
    pending: list[bytes] = []
    while True:
        try:
            chunk = stream.read1(size)
        except (OSError, EOFError, zlib.error) as error:
            raise InputError(f"{source}: cannot read ({error})") from None
        if not chunk:
            break
        end = chunk.rfind(b"\n")
        if end < 0:
            pending.append(chunk)
            continue
        pending.append(chunk[:end])
        lines = b"".join(pending).split(b"\n")
        pending = [chunk[end + 1 :]]
        if number == 1:
            lines[0] = lines[0].removeprefix(b"\xef\xbb\xbf")
        yield LineBatch(source, number, tuple(lines))
        number += len(lines)
    tail = b"".join(pending)
    if tail:
        yield LineBatch(
            source, number, (tail.removeprefix(b"\xef\xbb\xbf") if number == 1 else tail,)
        )


def parse(line: bytes, text_field: str, errors: str = "strict") -> dict[str, Any]:
    """A line as a record holding a string under `text_field`; BadLine says what is wrong."""
    try:
        decoded = line.decode("utf-8", errors)
    except UnicodeDecodeError as error:
        raise BadLine(f"not valid UTF-8 at byte {error.start} of the line") from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise BadLine(f"not JSON ({error.msg} at column {error.colno})") from None
    return check_record(record, text_field)


def check_record(record: object, text_field: str) -> dict[str, Any]:
    """`record` itself if it is an object holding a string under `text_field`; BadLine says
    what is wrong if not (records that come as objects, not lines, are checked alike)."""
    if not isinstance(record, dict):
        raise BadLine(f"not a JSON object but {_json_type(record)}")
    if text_field not in record:
        raise BadLine(f"no {text_field!r} field")
    if not isinstance(record[text_field], str):
        raise BadLine(f"{text_field!r} is {_json_type(record[text_field])}, not a string")
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


def clean_stream(batches: Iterator[LineBatch], job: RecordJob, jobs: int) -> Iterator[BatchOutcome]:
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
                batches = line_batches(stream, path)
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
    line: bytes, source: str, number: int, job: RecordJob
) -> tuple[bytes | None, str | None, Tally]:
    """One line: what to write (None: nothing), the problem if malformed, its counts."""
    where = f"{source}:{number}"
    size = len(line) + 1
    keep = job.bad_lines == "pass"
    if not line.strip():
        return (line + b"\n" if keep else None), None, Tally(bytes_in=size, bytes_out=size * keep)
    try:
        record = parse(line, job.text_field, job.errors)
    except BadLine as bad:
        return (line + b"\n" if keep else None), f"{where}: {bad}", failure(size, size * keep)
    result = clean_record(record, job, where=where, site=source)
    if not result.changed and not job.with_result:
        return line + b"\n", None, of_result(result, size, size)
    written = _dumps(record)
    return written, None, of_result(result, size, len(written))


def clean_record(record: dict[str, Any], job: RecordJob, *, where: str | None, site: str) -> Result:
    """Clean a record (checked by `check_record`) in place: the clean text into its text
    field and, with `with_result`, the result under RESULT_KEY. `where` names the record in
    the result ("path:line"); `site` is its site when the record names none (`site_of`)."""
    options = job.options
    if job.templates is not None:
        site = site_of(record, job.site_field, site)
        options = options.but(templates=job.templates.for_site(site))
    original = record[job.text_field]
    result = clean(original, options, source=where)
    record[job.text_field] = clean_text(original, result)
    if job.with_result:
        details = result.to_dict()
        del details["text"]
        record[RESULT_KEY] = details
    return result


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


def _dumps(record: dict[str, Any]) -> bytes:
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode()
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape: keep it escaped
        return (json.dumps(record) + "\n").encode()


def _fingerprint_lines(batch: LineBatch) -> list[frozenset[int]]:
    job = shared(RecordJob)
    found = (line_fingerprints(line, batch.source, job) for line in batch.lines)
    return [fingerprints for fingerprints in found if fingerprints is not None]


def line_fingerprints(line: bytes, source: str, job: RecordJob) -> frozenset[int] | None:
    """Pass 1 for one line of `source`: what template learning counts; None for a malformed
    line (pass 2 reports it)."""
    try:
        record = parse(line, job.text_field, job.errors)
    except BadLine:
        return None
    return record_fingerprints(record, job, site=source)


def record_fingerprints(record: dict[str, Any], job: RecordJob, *, site: str) -> frozenset[int]:
    """Pass 1 for a checked record; `site` as for `clean_record`."""
    texts = comparable_texts(record[job.text_field], job.options)
    return document_fingerprints(texts, site_of(record, job.site_field, site))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    return names.get(type(value), "an array" if isinstance(value, list) else "an object")
