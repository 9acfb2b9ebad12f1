"""Regular expressions compiled the first time they are used, not when their module is imported.

Compiling a pattern costs from a tenth of a millisecond to a few milliseconds (a character class
spanning the CJK block takes 1.5 ms), and a module-level table of them is paid by every run
that imports the module, before it reads a byte: a pipe of one line or a pre-commit hook pays
it for patterns it never uses. `pattern` returns a stand-in with the compiled pattern's
methods; the first attribute asked of it compiles the pattern and binds its methods to the
stand-in, so that every later call costs what a call of the compiled pattern's method costs.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a stand-in binds to itself once compiled: everything code asks of a module's pattern.
_BOUND = (
    "match",
    "search",
    "fullmatch",
    "findall",
    "finditer",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _Deferred:
    """A pattern not compiled yet (see `pattern`)."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self.pattern = source  # read without compiling (prefilter.needs reads it)

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not hold yet: the first use of the pattern.
        compiled = re.compile(self._source, self._flags)
        for bound in _BOUND:
            setattr(self, bound, getattr(compiled, bound))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"pattern({self._source!r}, {self._flags})"


def pattern(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", _Deferred(source, int(flags)))
