"""A JSONL line read as an object whose top-level values are known by where they are.

A record is rewritten by splicing: the new JSON encoding of one value goes into the original
bytes in place of the old one, and everything else (numbers as they were written, `1e400`,
`1E5` or `0.1000000000000000055511151231257827`; key order; repeated keys; whitespace; a
carriage return before the line feed; a byte-order mark) stays as it came. Parsing a line
into a dict and dumping it again would change all of those.

Each top-level value is parsed by the `json` module's own scanner, which gives the index where
the value ends, so the scanner here only walks the braces, keys, colons and commas of the
top level. A value that Python cannot hold (an integer of more than `sys.get_int_max_str_digits()`
digits, nesting deeper than the recursion limit) or that is not JSON (`NaN`, `Infinity`) makes
the line malformed, as a value with a syntax error does.

A key given twice is read as `json.loads` reads it: the last value counts (it is the one
cleaned or replaced), the earlier ones pass through untouched.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from typing import Any

BOM = b"\xef\xbb\xbf"
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class NotRecord(ValueError):
    """A line that is not a JSON object Python can hold; the message says why."""


def _no_constant(name: str) -> Any:
    raise NotRecord(f"not JSON ({name} is not a JSON number)")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


@dataclass(frozen=True, slots=True)
class ObjectLine:
    """A line holding one JSON object: its fields, and where each value is in the line.

    `fields` is what `json.loads` gives. `text` is the line after its byte-order mark (kept
    in `prefix`), decoded so that it encodes back to the same bytes (surrogateescape);
    `spans[key]` is the (start, end) index in `text` of the value `fields[key]` came from
    (the last one, for a repeated key); `last` is the index just after the last value, where
    a new field goes (None for `{}`).
    """

    prefix: bytes
    text: str
    fields: dict[str, Any]
    spans: dict[str, tuple[int, int]]
    last: int | None

    def replaced(self, values: dict[str, bytes]) -> bytes:
        """The line with the value of each key in `values` replaced by the given JSON
        encoding, or added after the last field for a key the object does not have."""
        cuts = [(self.spans[key], new) for key, new in values.items() if key in self.spans]
        added = b"".join(
            b", " + encode_value(key) + b": " + new
            for key, new in values.items()
            if key not in self.spans
        )
        if added and self.last is None:
            opening = self.text.index("{") + 1
            cuts.append(((opening, opening), added.removeprefix(b", ")))
        elif added and self.last is not None:
            cuts.append(((self.last, self.last), added))
        pieces = [self.prefix]
        position = 0
        for (start, end), new in sorted(cuts, key=lambda cut: cut[0]):
            pieces += [self._bytes(position, start), new]
            position = end
        pieces.append(self._bytes(position, len(self.text)))
        return b"".join(pieces)

    def _bytes(self, start: int, end: int) -> bytes:
        return self.text[start:end].encode("utf-8", "surrogateescape")


def read_object(line: bytes, errors: str = "strict") -> ObjectLine:
    """`line` (without its line feed) as a JSON object; NotRecord says what is wrong.

    A byte-order mark before the object is allowed and kept. With `errors="replace"`, bytes
    that are not UTF-8 read as U+FFFD in the fields, and stay as they were in the line.
    """
    prefix = BOM if line.startswith(BOM) else b""
    body = line[len(prefix) :]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        if errors != "replace":
            where = error.start + len(prefix)
            raise NotRecord(f"not valid UTF-8 at byte {where} of the line") from None
        text = body.decode("utf-8", "surrogateescape")
        _, spans, last = _scan(text)
        fields = _scan(body.decode("utf-8", "replace"))[0]
        return ObjectLine(prefix, text, fields, spans, last)
    return ObjectLine(prefix, text, *_scan(text))


def encode_value(value: object) -> bytes:
    """The JSON encoding of a value to splice into a line: UTF-8 as it came, except a lone
    surrogate (from a `\\ud800` escape), which cannot be UTF-8 and so stays escaped."""
    try:
        return json.dumps(value, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return json.dumps(value).encode()


def json_type(value: object) -> str:
    """What a JSON value is, in words, for messages."""
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    return names.get(type(value), "an array" if isinstance(value, list) else "an object")


def _scan(text: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]], int | None]:
    """The fields of the object in `text`, the span of each value, the end of the last."""
    try:
        return _scan_object(text)
    except json.JSONDecodeError as error:
        raise NotRecord(f"not JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        levels = sys.getrecursionlimit()
        raise NotRecord(f"nested too deeply to read (about {levels} levels at most)") from None
    except NotRecord:
        raise
    except ValueError:  # the only value the scanner cannot convert: a very long integer
        digits = sys.get_int_max_str_digits()
        raise NotRecord(f"holds an integer of more than {digits} digits") from None


def _scan_object(text: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]], int | None]:
    at = _skip(text, 0)
    if text[at : at + 1] != "{":
        value, end = _DECODER.raw_decode(text, at)
        _end_of_text(text, end)
        raise NotRecord(f"not a JSON object but {json_type(value)}")
    fields: dict[str, Any] = {}
    spans: dict[str, tuple[int, int]] = {}
    last: int | None = None
    at = _skip(text, at + 1)
    if text[at : at + 1] == "}":
        _end_of_text(text, at + 1)
        return fields, spans, last
    while True:
        if text[at : at + 1] != '"':
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, at
            )
        key, at = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
        at = _skip(text, at)
        if text[at : at + 1] != ":":
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        at = _skip(text, at + 1)
        value, end = _DECODER.raw_decode(text, at)
        fields[key] = value
        spans[key] = (at, end)
        last = end
        at = _skip(text, end)
        delimiter = text[at : at + 1]
        if delimiter == "}":
            _end_of_text(text, at + 1)
            return fields, spans, last
        if delimiter != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)


def _skip(text: str, at: int) -> int:
    return _WHITESPACE.match(text, at).end()  # type: ignore[union-attr]


def _end_of_text(text: str, at: int) -> None:
    at = _skip(text, at)
    if at != len(text):
        raise json.JSONDecodeError("Extra data", text, at)
