"""WARC and WET files (Common Crawl's text extracts): each text record cleaned as a document.

Records of type `conversion` (what WET files hold), and `resource` or `response` records whose
content is `text/plain`, become JSONL records: `url` (WARC-Target-URI), `id` (WARC-Record-ID),
`date` (WARC-Date) and the clean text, cleaned by `jsonl.clean_record` as a JSONL record with
those fields would be. Other records (`warcinfo`, `request`, `metadata`, HTML responses) are
skipped and counted, not errors.

Common Crawl compresses each record as a gzip member of its own, so that a reader can start at
any record. That is also what lets a damaged file lose only what is damaged: members are
split here, one at a time, and a member that does not decompress (corrupt, or cut short) is
reported with its byte offset, after which reading resumes at the next member that holds a
WARC record. The records before and after are cleaned as if nothing had happened. A plain
(uncompressed) WARC is parsed as it streams, and a damaged record there stops that input.

The records themselves are parsed by FastWARC (`pip install 'artclean[warc]'`): of the two
well-kept WARC libraries it is the faster by far (on a WET file built as Common Crawl builds
them, about 120 MB of compressed input per CPU second against warcio's 45; see
tests/bench/bench_corpora.py), and neither goes past a damaged member on its own, so the
recovery is ours either way. A file is read by FastWARC as one stream; only where that stops
is it read member by member (zlib, in Python: about half as fast) until past the damage.
Standard input cannot be read again, so it is read member by member throughout.

Memory: a member is held whole while it is parsed (a WET record is some kilobytes); a gzip
member larger than MAX_MEMBER decompressed is not a per-record WARC.gz and is refused.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import sys
import zlib
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

try:
    from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType
except ImportError as missing:  # pragma: no cover - exercised without the extra
    raise ImportError(f"{missing}: WARC input needs pip install 'artclean[warc]'") from None

from .jsonl import RecordJob, clean_record, record_fingerprints
from .parallel import ordered_map, shared
from .reading import InputError, input_errors
from .tally import Tally, failure, of_result
from .templates import DEFAULT_CAPACITY, DEFAULT_MIN_DOCS, TemplateCounter, TemplateTable

INSTALL = "pip install 'artclean[warc]'"
PATTERNS = ("*.warc", "*.warc.gz", "*.wet", "*.wet.gz")
# Records per batch sent to a worker: about this many bytes of content.
BATCH_BYTES = 1 << 20
MAX_MEMBER = 64 << 20
_READ = 1 << 20
_STEP = 1 << 14
_GZIP_MAGIC = b"\x1f\x8b"
_MEMBER_MAGIC = b"\x1f\x8b\x08"
_TEXT_TYPES = WarcRecordType.resource | WarcRecordType.response
_WANTED = WarcRecordType.conversion | _TEXT_TYPES


@dataclass(frozen=True, slots=True)
class Document:
    """A text record: where it starts in its input (of the compressed file), and its fields."""

    offset: int
    url: str | None
    id: str | None
    date: str | None
    content: bytes
    charset: str | None = None


@dataclass(frozen=True, slots=True)
class WarcBatch:
    """Consecutive text records of one input, what was wrong between them, and the records
    skipped as not text; `consumed` is how far into the (compressed) input they reach."""

    source: str
    documents: tuple[Document, ...]
    problems: tuple[str, ...]
    skipped: int
    consumed: int


@dataclass(frozen=True, slots=True)
class WarcOutcome:
    output: bytes  # JSONL lines, each ending in a line feed
    problems: tuple[str, ...]
    tally: Tally
    consumed: int


@contextlib.contextmanager
def open_warc(path: str) -> Iterator[io.BufferedReader]:
    """A WARC input as a binary stream: a file, or "-" for stdin."""
    name = "<stdin>" if path == "-" else path
    with contextlib.ExitStack() as stack:
        if path == "-":
            raw: Any = sys.stdin.buffer
        else:
            with input_errors(name):
                raw = stack.enter_context(open(path, "rb"))
        if not isinstance(raw, io.BufferedReader):
            raw = io.BufferedReader(raw)
        yield raw


def warc_batches(
    stream: io.BufferedReader, source: str, size: int = BATCH_BYTES
) -> Iterator[WarcBatch]:
    """The text records of a WARC stream in batches of about `size` bytes of content."""
    documents: list[Document] = []
    problems: list[str] = []
    skipped = 0
    held = 0
    consumed = 0
    for item, position in _records(stream, source):
        consumed = position
        if isinstance(item, Document):
            documents.append(item)
            held += len(item.content)
        elif isinstance(item, str):
            problems.append(item)
        else:
            skipped += 1
        if held >= size:
            yield WarcBatch(source, tuple(documents), tuple(problems), skipped, consumed)
            documents, problems, skipped, held = [], [], 0, 0
    if documents or problems or skipped:
        yield WarcBatch(source, tuple(documents), tuple(problems), skipped, consumed)


def documents(path: str) -> Iterator[Document | str]:
    """The text records of one WARC file in order, and in their places what was wrong
    ("path@offset: reason"): the reader alone, as the benchmark measures it."""
    with open_warc(path) as stream:
        for item, _ in _records(stream, path):
            if item is not None:
                yield item


def clean_stream(
    batches: Iterator[WarcBatch], job: RecordJob, jobs: int
) -> Generator[WarcOutcome, None, None]:
    """Clean batches of records on `jobs` workers; outcomes in input order."""
    return ordered_map(clean_batch, batches, jobs, setting=job)


def clean_batch(batch: WarcBatch) -> WarcOutcome:
    """Clean a batch of records in a worker of `clean_stream`."""
    return clean_documents(batch, shared(RecordJob))


def clean_documents(batch: WarcBatch, job: RecordJob) -> WarcOutcome:
    """Clean a batch of records: JSONL lines, problems, counts."""
    output: list[bytes] = []
    problems = list(batch.problems)
    tally = Tally(failed=len(batch.problems), skipped=batch.skipped)
    for document in batch.documents:
        where = f"{batch.source}@{document.offset}"
        size = len(document.content)
        if job.limit is not None and size > job.limit:
            problems.append(
                f"{where}: a record of {size} bytes is over the limit of {job.limit} bytes "
                "(--max-size); left out"
            )
            tally += failure(size)
            continue
        try:
            record = as_record(document, job)
        except UnicodeDecodeError as error:
            problems.append(f"{where}: not valid {error.encoding} at byte {error.start}")
            tally += failure(size)
            continue
        result = clean_record(record, job, where=where, site=batch.source)
        line = dumps(record)
        output.append(line)
        tally += of_result(result, size, len(line))
    return WarcOutcome(b"".join(output), tuple(problems), tally, batch.consumed)


def as_record(document: Document, job: RecordJob) -> dict[str, Any]:
    """A text record as the JSONL record it is cleaned as (UnicodeDecodeError if its bytes
    are not text in its charset)."""
    charset = document.charset or "utf-8"
    try:
        text = document.content.decode(charset, job.errors)
    except LookupError:
        text = document.content.decode("utf-8", job.errors)
    return {"url": document.url, "id": document.id, "date": document.date, job.text_field: text}


def dumps(record: dict[str, Any]) -> bytes:
    """A record as a JSONL line."""
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode()
    except UnicodeEncodeError:  # lone surrogates from errors="surrogateescape": keep escaped
        return (json.dumps(record) + "\n").encode()


def learn_templates(
    paths: Sequence[str],
    job: RecordJob,
    jobs: int,
    *,
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_CAPACITY,
) -> TemplateTable:
    """Pass 1 over WARC files: count each site's recurring paragraphs (site: the URL's host).
    Damaged records and unreadable files are skipped here, reported in pass 2."""
    counter = TemplateCounter(capacity)
    for path in paths:
        try:
            with open_warc(path) as stream:
                found = ordered_map(
                    _fingerprint_batch, warc_batches(stream, path), jobs, setting=job
                )
                for fingerprints in itertools.chain.from_iterable(found):
                    counter.add(fingerprints)
        except InputError:
            continue
    return counter.table(min_docs)


def _fingerprint_batch(batch: WarcBatch) -> list[frozenset[int]]:
    return batch_fingerprints(batch, shared(RecordJob))


def batch_fingerprints(batch: WarcBatch, job: RecordJob) -> list[frozenset[int]]:
    """Pass 1 for a batch: what template learning counts of each text record."""
    found = []
    for document in batch.documents:
        try:
            record = as_record(document, job)
        except UnicodeDecodeError:
            continue
        found.append(record_fingerprints(record, job, site=batch.source))
    return found


# --- Reading ----------------------------------------------------------------------------------


def _records(stream: io.BufferedReader, source: str) -> Iterator[tuple[Document | str | None, int]]:
    """Each record of the stream: a Document, None for a record skipped as not text, or a
    problem ("source@offset: reason"); with how far into the input it reaches."""
    head = stream.peek(2)[:2]
    if head == _GZIP_MAGIC:
        if stream.seekable():
            yield from _seekable_records(stream, source)
        else:
            yield from _member_records(stream, source, 0)
        return
    if head and not head.startswith(b"W"):
        raise InputError(f"{source}: not a WARC file (it starts with {head!r})")
    iterator = iter(ArchiveIterator(stream, parse_http=False))
    position = 0
    while True:
        try:
            record = next(iterator)
            position = record.stream_pos
            yield _document(record, position, source), position
        except StopIteration:
            return
        except Exception as error:  # FastWARC raises plain exceptions on bad input
            yield f"{source}@{position}: cannot read further ({error})", position
            return


def _seekable_records(
    stream: io.BufferedReader, source: str
) -> Iterator[tuple[Document | str | None, int]]:
    """A gzip file read by FastWARC as one stream, its fast path. Where that stops, with an
    error or without (FastWARC may take a member cut short for the end), reading goes on
    member by member from the last record read, past any damage, then by FastWARC again."""
    position = 0
    while True:
        stream.seek(position)
        last: int | None = None
        try:
            for record in ArchiveIterator(stream, parse_http=False):
                document = _document(record, record.stream_pos, source)
                last = record.stream_pos
                yield document, last
        except Exception:  # FastWARC raises plain exceptions on bad input
            pass
        start = position if last is None else last
        stream.seek(start)
        for item, reached in _member_records(stream, source, start, skip_first=last is not None):
            position = reached
            yield item, reached
        if position <= start:
            return


def _member_records(
    stream: io.BufferedReader, source: str, start: int, *, skip_first: bool | None = None
) -> Iterator[tuple[Document | str | None, int]]:
    """The records of a gzip stream member by member, from input offset `start`. With
    `skip_first` set (True: but not the records of the first member, read already), stop
    after the first damage and the good member that follows it; None: read to the end."""
    damaged = False
    for offset, data, end in _members(stream, source, start):
        if skip_first and offset == start and not isinstance(data, str):
            continue
        if isinstance(data, str):
            damaged = True
            yield data, end
            continue
        found = False
        try:
            for record in ArchiveIterator(io.BytesIO(data), parse_http=False):
                found = True
                yield _document(record, offset, source), end
        except Exception as error:  # FastWARC raises plain exceptions on bad records
            yield f"{source}@{offset}: not a WARC record ({error})", end
            continue
        if not found and data.strip():
            yield f"{source}@{offset}: not a WARC record", end
        if damaged and skip_first is not None:
            return


def _document(record: WarcRecord, offset: int, source: str) -> Document | str | None:
    kind = record.record_type
    if not kind & _WANTED:
        record.reader.consume()
        return None
    charset = None
    if kind & _TEXT_TYPES:
        if kind == WarcRecordType.response:
            record.parse_http()
            content_type = record.http_content_type
            charset = record.http_charset
        else:
            content_type = record.headers.get("Content-Type")
            charset = _charset(content_type)
        if (content_type or "").split(";")[0].strip().lower() != "text/plain":
            record.reader.consume()
            return None
    content = record.reader.read()
    if kind == WarcRecordType.conversion and len(content) < record.content_length:
        return (
            f"{source}@{offset}: record cut short ({len(content)} of {record.content_length} bytes)"
        )
    headers = record.headers
    return Document(
        offset,
        headers.get("WARC-Target-URI"),
        headers.get("WARC-Record-ID"),
        headers.get("WARC-Date"),
        content,
        charset,
    )


def _charset(content_type: str | None) -> str | None:
    for parameter in (content_type or "").split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _members(
    stream: io.BufferedReader, source: str, start: int = 0
) -> Iterator[tuple[int, bytes | str, int]]:
    """The gzip members of a stream from input offset `start` (where the stream is), one at a
    time: (offset, decompressed data, end offset), or in place of a damaged stretch (offset,
    problem, offset of the next good member)."""
    reader = _Compressed(stream, source, start)
    while reader.fill(reader.position + 1):
        offset = reader.position
        data, reason = reader.member()
        if data is not None:
            yield offset, data, reader.position
            continue
        if reason == _CUT_SHORT:
            end = reader.base + len(reader.buffer)
            yield offset, f"{source}@{offset}: gzip member cut short at the end of input", end
            return
        message = f"{source}@{offset}: damaged gzip member ({reason})"
        if not reader.resynchronise(offset + 1):
            yield offset, f"{message}; no record after it", reader.position
            return
        yield offset, f"{message}; {reader.position - offset} bytes skipped", reader.position


_CUT_SHORT = "cut short"


class _Compressed:
    """A window on a gzip stream: `position` is where the next member starts (an offset of
    the input), with at least the bytes from there that `fill` asked for in `buffer`."""

    def __init__(self, stream: io.BufferedReader, source: str, start: int = 0) -> None:
        self.stream = stream
        self.source = source
        self.buffer = b""
        self.base = start  # the input offset of buffer[0]
        self.position = start
        self.eof = False

    def fill(self, end: int) -> bool:
        """Read until the buffer reaches input offset `end` (False if the input ends first)."""
        while self.base + len(self.buffer) < end:
            if self.eof:
                return False
            try:
                chunk = self.stream.read(_READ)
            except OSError as error:
                raise InputError(
                    f"{self.source}: cannot read ({error.strerror or error})"
                ) from None
            if not chunk:
                self.eof = True
                return False
            keep = self.position - self.base
            self.buffer = self.buffer[keep:] + chunk
            self.base = self.position
        return True

    def member(self, at: int | None = None) -> tuple[bytes | None, str]:
        """Decompress the member at `at` (default: `position`); on success, move `position`
        past it. (None, reason) when it is damaged or cut short by the end of input."""
        start = self.position if at is None else at
        decompressor = zlib.decompressobj(31)
        parts: list[bytes] = []
        held = 0
        cursor = start
        while not decompressor.eof:
            if not self.fill(cursor + 1):
                return None, _CUT_SHORT
            local = cursor - self.base
            piece = self.buffer[local : local + _STEP]
            try:
                part = decompressor.decompress(piece)
            except zlib.error as error:
                return None, str(error).removeprefix("Error -3 while decompressing data: ")
            parts.append(part)
            held += len(part)
            if held > MAX_MEMBER:
                raise InputError(
                    f"{self.source}@{start}: a gzip member larger than {MAX_MEMBER >> 20} MiB: "
                    "not a WARC compressed record by record; decompress it and pipe it in"
                )
            cursor += len(piece) - len(decompressor.unused_data)
        self.position = cursor
        return b"".join(parts), ""

    def resynchronise(self, start: int) -> bool:
        """Move `position` to the first member at or after `start` that decompresses into a
        WARC record; False if there is none before the end of input."""
        cursor = start
        while self.fill(cursor + len(_MEMBER_MAGIC)):
            self.position = cursor  # what lies before is given up: the buffer may drop it
            local = cursor - self.base
            found = self.buffer.find(_MEMBER_MAGIC, local)
            if found < 0:
                cursor = self.base + max(local, len(self.buffer) - len(_MEMBER_MAGIC) + 1)
                continue
            cursor = self.position = self.base + found
            data, _ = self._try(cursor)
            self.position = cursor
            if data is not None and data.startswith(b"WARC/"):
                return True
            cursor += 1
        self.position = self.base + len(self.buffer)
        return False

    def _try(self, at: int) -> tuple[bytes | None, str]:
        try:
            return self.member(at)
        except InputError:
            return None, "too large"
