"""File names as they may be shown: one line, no terminal controls, no undecodable bytes.

A file name on Linux is any bytes but "/" and NUL. Python decodes the bytes that are not
UTF-8 as lone surrogates (U+DC80-U+DCFF), which no UTF-8 output can hold, and a name can hold
a line feed (a fake finding in `--check` output) or an escape sequence (which a terminal
obeys). So a name in a line of output is written with Python's escapes, as `ls -b` does:

- a byte that is not UTF-8: `\\xNN` (the byte);
- a control character: `\\n`, `\\r`, `\\t`, else `\\xNN`; other invisible line and direction
  controls (U+2028, U+2029, U+200E, U+202A-U+202E, U+2066-U+2069...): `\\uNNNN`;
- a backslash: `\\\\`, so that the escapes cannot be confused with a name.

In JSON, where every character can be written, only the bytes that are not UTF-8 are escaped
(`json_name`).
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
_INVISIBLE = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """`text` with controls, direction marks, backslashes and undecodable bytes escaped."""
    if text.isprintable() and "\\" not in text and not _INVISIBLE.intersection(text):
        return text
    return "".join(_escape(character) for character in text)


def json_name(text: str) -> str:
    """`text` with the bytes that are not UTF-8 (lone surrogates) written as `\\xNN`."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_byte(c) if _surrogate(c) else c for c in text)
    return text


def _escape(character: str) -> str:
    if character in _NAMED:
        return _NAMED[character]
    if _surrogate(character):
        return _byte(character)
    code = ord(character)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"\\x{code:02x}"
    if character in _INVISIBLE or unicodedata.category(character) in ("Zl", "Zp", "Cc", "Cs"):
        return f"\\u{code:04x}"
    return character


def _surrogate(character: str) -> bool:
    return "\ud800" <= character <= "\udfff"


def _byte(character: str) -> str:
    code = ord(character)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
