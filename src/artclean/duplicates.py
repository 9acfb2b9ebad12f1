"""Find paragraphs that repeat an earlier one: exactly, nearly, or as a truncated teaser.

Candidates come from the MinHash index in `fingerprint`; rapidfuzz verifies each candidate on
the comparable forms (rapidfuzz applies no normalisation of its own unless told to). Its
`ratio` is a normalised Indel similarity; `partial_ratio` scores the best-matching substring,
which is what a teaser cut from a longer paragraph is. `token_set_ratio` is deliberately not
used: it scores 100 whenever one text's words are a subset of the other's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .fingerprint import CandidateIndex, sketch
from .normalize import Comparable

# Texts of fewer words are compared exactly: "Step 1" and "Step 2" are different lines.
FUZZY_MIN_WORDS = 5
# Texts without spaces (Chinese, Japanese, Thai) are measured in characters instead.
FUZZY_MIN_CHARS = 16
# A later copy at least this much longer is the more complete text.
FULLER_RATIO = 1.05
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Paragraph `index` repeats paragraph `of`.

    `index` is the copy to remove. When `moved` is set, `index` comes first and `of` is the
    later, fuller copy whose text is to be shown at `index`'s position.
    """

    index: int
    of: int
    similarity: float
    rule: str  # "exact", "near" or "teaser"
    moved: bool = False


def _fuzzy(text: str) -> bool:
    words = text.split()
    if len(words) >= FUZZY_MIN_WORDS:
        return True
    return len(text) >= FUZZY_MIN_CHARS and len(text) > 12 * len(words)


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def _verify(
    later: Comparable, earlier: Comparable, threshold: float
) -> tuple[float, str, bool] | None:
    """Score a candidate pair: (similarity, rule, later copy is fuller) or None.

    Copies made by scraping differ in quotes, spaces and typos, never in their numbers: two
    lines that differ in a price, a score or a date are different lines however similar.
    """
    if not later.teaser and not earlier.teaser and _numbers(later.text) != _numbers(earlier.text):
        return None
    score = fuzz.ratio(later.text, earlier.text, score_cutoff=threshold)
    if score:
        fuller = len(later.text) >= FULLER_RATIO * len(earlier.text) and not later.teaser
        return score, "near", fuller
    if later.teaser and len(later.text) < len(earlier.text):
        score = fuzz.partial_ratio(later.text, earlier.text, score_cutoff=threshold)
        if score:
            return score, "teaser", False
    if earlier.teaser and len(earlier.text) < len(later.text):
        score = fuzz.partial_ratio(earlier.text, later.text, score_cutoff=threshold)
        if score:
            return score, "teaser", True
    return None


def find_duplicates(items: Sequence[Comparable], threshold: float) -> list[Duplicate]:
    """Every paragraph that repeats an earlier one, in input order.

    Each is matched against the first copies only, so a document of many copies of one text
    costs one comparison per copy, and the cost stays linear in the number of paragraphs.
    """
    first_copy: dict[str, int] = {}
    index = CandidateIndex()
    found: list[Duplicate] = []
    for i, item in enumerate(items):
        if not item.text:
            continue
        original = first_copy.setdefault(item.text, i)
        if original != i:
            found.append(Duplicate(i, original, 100.0, "exact"))
            continue
        if not _fuzzy(item.text):
            continue
        fingerprint = sketch(item.text)
        best: tuple[float, int, str, bool] | None = None
        for j, _shared in index.candidates(fingerprint):
            verdict = _verify(item, items[j], threshold)
            if verdict and (best is None or verdict[0] > best[0]):
                best = (verdict[0], j, verdict[1], verdict[2])
        if best is None:
            index.add(i, fingerprint)
            continue
        score, j, rule, fuller = best
        if fuller:
            found.append(Duplicate(j, i, round(score, 1), rule, moved=True))
        else:
            found.append(Duplicate(i, j, round(score, 1), rule))
    return found
