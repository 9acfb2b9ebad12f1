"""Read and decode input: files or streams, read in chunks, decoded strictly by default.

A scraped file is often not what it claims to be. Invalid UTF-8 is reported with the byte
offset of the first bad byte, so the user can look at it or choose to replace bad bytes; a
binary file given by mistake is recognised and refused rather than cleaned into garbage.
A document is cleaned in memory, so an input larger than a limit (64 MiB unless raised) is
refused after reading no more than that, rather than exhausting memory.
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


# The most a single input may hold, in bytes, unless the caller allows more (`--max-size`).
MAX_INPUT_BYTES = 64 << 20
# What cleaning one input holds in memory, in multiples of its size: prose at the low end, one
# huge line or many identical lines at the high end. Measured by tests/bench/bench_limits.py;
# --help and docs/reference/limits.md quote these numbers, and a test keeps them the same.
MEMORY_FACTOR = (6, 14)

# Byte-order marks, longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
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


# C0 controls that text does not use (tab, line ends, form feed and ESC are text's own) and DEL.
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20)])
_CONTROL_BYTES |= {0x7F}


def _random_bytes(head: bytes) -> bool:
    """Whether input that is not valid in its encoding is binary rather than mis-encoded text.

    Called only after a decoding error in the first chunk. Text in a legacy 8-bit encoding
    (Latin-1, cp1251) has bytes above 0x7F but hardly any control bytes; compressed, encrypted
    or random data has one in nine.
    """
    sample = head[:_SNIFF_SIZE]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls >= 4 and controls * 30 > len(sample)


def _unmarked_utf16(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text in UTF-16 without a byte-order mark, else None.

    Text in a Latin script has a NUL in every other byte, always on the same side.
    """
    sample = head[: _SNIFF_SIZE & ~1]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= len(even) // 100:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= len(odd) // 100:
        return "utf-16-be"
    return None


def _byte_order_mark(head: bytes) -> tuple[int, str | None]:
    """The length of the byte-order mark that `head` starts with, and its encoding."""
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return len(mark), encoding
    return 0, None


def _text_codec(encoding: str, name: str) -> codecs.CodecInfo:
    """The codec of a text encoding; bytes-to-bytes codecs such as base64 are refused."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{name}: {encoding!r} is not a text encoding")
    return info


def _wide(info: codecs.CodecInfo) -> bool:
    """Whether the encoding writes NUL bytes in ordinary text (UTF-16, UTF-32)."""
    try:
        return b"\x00" in info.encode("a")[0]
    except (UnicodeError, TypeError, ValueError):
        return False


def describe_size(size: int) -> str:
    """A byte count as people write it: "64 MiB", "1.5 GiB", "100 bytes"."""
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift:
            return f"{size / (1 << shift):.4g} {unit}"
    return f"{size} bytes"


def decode_chunks(
    chunks: Iterator[bytes],
    name: str,
    encoding: str = "utf-8",
    errors: str = "strict",
    limit: int | None = None,
) -> Iterator[str]:
    """Decode a stream of byte chunks incrementally; raise InputError on the first bad byte.

    A byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding and is dropped. Binary
    data is refused by its first bytes; so is input of more than `limit` bytes, before more
    than `limit` bytes and one chunk are held. Byte offsets count from the start of the input.
    """
    _text_codec(encoding, name)
    try:
        first = next(chunks)
    except StopIteration:
        return
    skip, marked = _byte_order_mark(first)
    encoding = marked or encoding
    info = _text_codec(encoding, name)
    if not marked and info.name in ("utf-16", "utf-32"):
        # Python's incremental decoders for these insist on a mark (after the first chunk).
        raise InputError(
            f"{name}: {encoding} without a byte-order mark; "
            f"use --encoding {info.name}-le or {info.name}-be"
        )
    if not marked and not _wide(info):
        unmarked = _unmarked_utf16(first)
        if unmarked:
            raise InputError(
                f"{name}: looks like UTF-16 text without a byte-order mark; "
                f"use --encoding {unmarked}"
            )
        binary = _binary_kind(first)
        if binary is not None:
            raise InputError(f"{name}: looks like {binary}, not text")
    said = " (as its byte-order mark says)" if marked else ""
    hint = "" if marked else ", or --encoding to name the encoding"
    decoder = info.incrementaldecoder(errors)
    consumed = 0
    for chunk in _chain(first[skip:], chunks):
        if limit is not None and skip + consumed + len(chunk) > limit:
            raise InputError(
                f"{name}: larger than {describe_size(limit)} (each input is cleaned in memory); "
                "use --max-size to raise the limit"
            )
        pending = len(decoder.getstate()[0])
        try:
            yield decoder.decode(chunk)
        except UnicodeDecodeError as error:
            if consumed == 0 and not marked and _random_bytes(first):
                raise InputError(f"{name}: looks like binary data, not text") from None
            offset = skip + consumed - pending + error.start
            raise InputError(
                f"{name}: not valid {encoding}{said} at byte {offset} ({error.reason}); "
                f"use --errors replace to replace bad bytes{hint}"
            ) from None
        except UnicodeError as error:  # e.g. "UTF-32 stream does not start with BOM"
            raise _undecodable(name, encoding, error) from None
        consumed += len(chunk)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        offset = skip + consumed - len(error.object) + error.start
        raise InputError(
            f"{name}: not valid {encoding}{said} at byte {offset} (the input ends mid-character); "
            "use --errors replace to replace bad bytes"
        ) from None
    except UnicodeError as error:
        raise _undecodable(name, encoding, error) from None


def _undecodable(name: str, encoding: str, error: UnicodeError) -> InputError:
    return InputError(f"{name}: cannot decode as {encoding} ({error}); use --encoding to name one")


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def byte_chunks(stream: BinaryIO, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """A binary stream as chunks of at most `size` bytes, read as they arrive.

    From a terminal, one read each: a buffered read() goes on reading after the line it has,
    takes the user's Ctrl-D as the end of that read, and waits for a second one.
    """
    read = getattr(stream, "read1", stream.read) if stream.isatty() else stream.read
    while chunk := read(size):
        yield chunk


def read_stream(
    stream: BinaryIO,
    name: str,
    encoding: str = "utf-8",
    errors: str = "strict",
    limit: int | None = MAX_INPUT_BYTES,
) -> str:
    """All text of a binary stream (stdin, a socket, an open file), at most `limit` bytes."""
    try:
        return "".join(decode_chunks(byte_chunks(stream), name, encoding, errors, limit))
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None


def read_file(
    path: str | Path,
    encoding: str = "utf-8",
    errors: str = "strict",
    limit: int | None = MAX_INPUT_BYTES,
) -> str:
    """All text of a file; missing, unreadable, non-text or too large files raise InputError."""
    name = str(path)
    with input_errors(name), open(path, "rb") as stream:
        return read_stream(stream, name, encoding, errors, limit)


def read_bytes(path: str | Path, limit: int | None = MAX_INPUT_BYTES) -> bytes:
    """All bytes of a file, with read_file's one-line errors (a batch writes them back)."""
    name = str(path)
    with input_errors(name), open(path, "rb") as stream:
        data = stream.read(limit + 1) if limit is not None else stream.read()
    if limit is not None and len(data) > limit:
        raise InputError(
            f"{name}: larger than {describe_size(limit)} (each input is cleaned in memory); "
            "use --max-size to raise the limit"
        )
    return data


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


def read_text_and_bytes(
    path: str | Path,
    encoding: str = "utf-8",
    errors: str = "strict",
    limit: int | None = MAX_INPUT_BYTES,
) -> tuple[bytes, str]:
    """A file's bytes and its text, read as read_file reads: chunk by chunk, binary data
    refused by its first chunk and a file over `limit` after `limit` bytes and one chunk, so
    that neither /dev/zero nor an endless device is read whole (a batch writes bytes back)."""
    name = str(path)
    chunks: list[bytes] = []

    def recorded(stream: BinaryIO) -> Iterator[bytes]:
        for chunk in byte_chunks(stream):
            chunks.append(chunk)
            yield chunk

    with input_errors(name), open(path, "rb") as stream:
        text = "".join(decode_chunks(recorded(stream), name, encoding, errors, limit))
    return b"".join(chunks), text
