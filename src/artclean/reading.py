"""Read and decode input: files or streams, read in chunks, decoded strictly by default.

A scraped file is often not what it claims to be. Invalid UTF-8 is reported with the byte
offset of the first bad byte, so the user can look at it or choose to replace bad bytes; a
binary file given by mistake is recognised and refused rather than cleaned into garbage.
"""

from __future__ import annotations

import codecs
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CHUNK_SIZE = 1 << 20
_SNIFF_SIZE = 8192

# Signatures of files people pipe into text tools by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"%PDF-", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


class InputError(Exception):
    """Input that cannot be read as text; the message is one line naming the source."""


def _binary_kind(head: bytes) -> str | None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = head[:_SNIFF_SIZE]
    if sample.count(0) > max(1, len(sample) // 100):
        return "binary data (it contains NUL bytes)"
    return None


def _encoding_for(head: bytes, encoding: str) -> str:
    """UTF-8 accepts a BOM; a UTF-16 BOM switches to UTF-16."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if codecs.lookup(encoding).name == "utf-8":
        return "utf-8-sig"
    return encoding


def decode_chunks(
    chunks: Iterator[bytes], name: str, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[str]:
    """Decode a stream of byte chunks incrementally; raise InputError on the first bad byte."""
    try:
        first = next(chunks)
    except StopIteration:
        return
    binary = _binary_kind(first)
    if binary is not None:
        raise InputError(f"{name}: looks like {binary}, not text; skipped")
    try:
        decoder = codecs.getincrementaldecoder(_encoding_for(first, encoding))(errors)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    consumed = 0
    for chunk in _chain(first, chunks):
        pending = len(decoder.getstate()[0])
        try:
            yield decoder.decode(chunk)
        except UnicodeDecodeError as error:
            offset = consumed - pending + error.start
            raise InputError(
                f"{name}: not valid {encoding} at byte {offset} ({error.reason}); "
                "use --errors replace to replace bad bytes, or --encoding to name the encoding"
            ) from None
        consumed += len(chunk)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        offset = consumed - len(error.object) + error.start
        raise InputError(
            f"{name}: not valid {encoding} at byte {offset} (the input ends mid-character); "
            "use --errors replace to replace bad bytes"
        ) from None


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def byte_chunks(stream: BinaryIO, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """A binary stream as chunks of at most `size` bytes, read as they arrive."""
    while chunk := stream.read(size):
        yield chunk


def read_stream(
    stream: BinaryIO, name: str, encoding: str = "utf-8", errors: str = "strict"
) -> str:
    """All text of a binary stream (stdin, a socket, an open file)."""
    return "".join(decode_chunks(byte_chunks(stream), name, encoding, errors))


def read_file(path: str | Path, encoding: str = "utf-8", errors: str = "strict") -> str:
    """All text of a file; missing, unreadable or non-text files raise InputError."""
    name = str(path)
    with input_errors(name), open(path, "rb") as stream:
        return read_stream(stream, name, encoding, errors)


def read_bytes(path: str | Path) -> bytes:
    """All bytes of a file, with read_file's one-line errors (a batch writes them back)."""
    with input_errors(str(path)), open(path, "rb") as stream:
        return stream.read()


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Bytes already in memory, decoded and checked exactly as read_file does."""
    return "".join(decode_chunks(iter((data,)), name, encoding, errors))


def binary_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is when it is not text ("a PNG image"), else None."""
    return _binary_kind(head)


@contextlib.contextmanager
def input_errors(name: str) -> Iterator[None]:
    """Turn the ways opening or reading file `name` fails into one-line InputErrors."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
