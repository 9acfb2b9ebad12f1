"""Normalise paragraphs for comparison only; output always uses the original text.

Two copies of a paragraph scraped from different parts of a page differ in ways a reader does
not see: curly or straight quotes, dash styles, doubled spaces, a trailing "Read more", case.
The comparable form removes those differences so fingerprints and rapidfuzz see the words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .lazy import pattern

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u200e": None,
        "\u200f": None,
        # Control characters print nothing a reader sees; a stray one must not make a copy
        # look different.
        **{chr(c): None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))},
        **{chr(c): None for c in range(0x7F, 0xA0)},
        # Bidirectional embeddings and isolates change how a line is shown, not what it says.
        **{chr(c): None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
        # After NFKC, a combining mark left over has nothing to combine with; U+FFFD marks a
        # byte that could not be decoded. Neither is part of what two copies say.
        **{chr(c): None for c in (*range(0x0300, 0x0370), 0xFFFD)},
    }
)

# What _FOLD changes, one character to a string: on text that is not ASCII, str.translate looks
# every character up in a dict; a regex finds the few it changes in a tenth of the time.
_FOLDED = {chr(k): v or "" for k, v in _FOLD.items()}


@lru_cache(maxsize=1)
def _folded_characters() -> re.Pattern[str]:
    return re.compile(f"[{''.join(map(re.escape, _FOLDED))}]")


def _fold_characters(text: str) -> str:
    """text.translate(_FOLD), in one regex pass."""
    return _folded_characters().sub(lambda found: _FOLDED[found[0]], text)


# Punctuation and symbols trimmed from both ends: bullets, quotes, brackets, full stops.
_EDGE = " \t!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~•·▪◦»«›‹…|"

# A paragraph cut short by a scraper or a teaser widget: "…", "...", "[…]", "Read more".
_TEASER_END = pattern(
    r"(?:\s*(?:\.\.\.|\[\.\.\.\]|\(\.\.\.\)))?"
    r"\s*(?:(?:read|see|view) (?:more|full (?:story|article))|continue reading|more\s*>+|\.\.\.)"
    r"[\s\]>)»›.\"']*$"
)


# Teaser markers sit in the last few characters; searching only there keeps this cheap.
_TEASER_TAIL = 40
# What every match of _TEASER_END holds.
_TEASER_WORDS = ("...", "more", "story", "article", "reading")


class Comparable(NamedTuple):
    """A paragraph's comparison form, and whether it ended in a teaser marker."""

    text: str
    teaser: bool


# A Comparable made in C: the NamedTuple's own __new__ is a Python function, a tenth of the
# time `comparable` takes on a short line.
_new = tuple.__new__


# NFKC puts a run of combining marks in canonical order by insertion, in time quadratic in the
# run's length: 160,000 alternating marks after one letter take minutes. No writing system
# stacks more than a handful on one letter, so for comparison a run is cut to this many. A
# paragraph shorter than the threshold cannot hold a run long enough to matter.
MAX_COMBINING_RUN = 32
_CAP_RUNS_ABOVE = 2_000


@lru_cache(maxsize=1)
def _long_combining_run() -> re.Pattern[str]:
    """Runs of marks with a non-zero combining class longer than MAX_COMBINING_RUN."""
    ranges = []
    listing = resources.files("artclean").joinpath("data", "combining-marks.txt")
    for line in listing.read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            ranges.append(f"\\U{int(first, 16):08x}-\\U{int(last, 16):08x}")
    return re.compile(f"[{''.join(ranges)}]{{{MAX_COMBINING_RUN + 1},}}")


def _cap_combining_runs(text: str) -> str:
    if len(text) <= _CAP_RUNS_ABOVE:
        return text
    return _long_combining_run().sub(lambda run: run[0][:MAX_COMBINING_RUN], text)


# _FOLD on ASCII text, as bytes.translate takes it: a backquote becomes a quote, control
# characters go (tab and line breaks stay, as split() removes them anyway).
_ASCII_FOLD = bytes(range(256)).replace(b"`", b"'")
_ASCII_DROP = bytes(c for c in range(128) if _FOLD.get(c, c) is None)


def fold(text: str) -> str:
    """NFKC, case folding, straight quotes and dashes, single spaces."""
    if text.isascii():
        # ASCII is its own NFKC form, and case-folds as lower(): the same in a third of the time.
        folded = text.lower().encode("ascii").translate(_ASCII_FOLD, _ASCII_DROP).decode("ascii")
        return " ".join(folded.split())
    text = _cap_combining_runs(text)
    folded = _fold_characters(unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def comparable(text: str) -> Comparable:
    """The form two copies of a paragraph share; teaser markers and edge punctuation removed."""
    folded = fold(text)
    tail = max(0, len(folded) - _TEASER_TAIL)
    end = folded[tail:]
    # Every teaser marker holds one of these words; most paragraphs end in none of them.
    if not any(map(end.__contains__, _TEASER_WORDS)):
        return _new(Comparable, (folded.strip(_EDGE), False))
    match = _TEASER_END.search(folded, tail)
    teaser = match is not None and match.start() > 0
    if match is not None and teaser:
        folded = folded[: match.start()]
    return _new(Comparable, (folded.strip(_EDGE), teaser))
