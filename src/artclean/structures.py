"""Structures of a page that a paragraph-by-paragraph reading misses: comment threads.

A comment reads like prose, and a thread of them under an article reads like more article.
What gives a thread away is its shape, in any language: the same short header again and
again, an author's name and a date or time ("Nick A" / "2 days ago at 07:47 am"), each
followed by a few paragraphs of text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

# A date or a time as comment headers write them: 07:47, 18.11.2019, 2019-11-18,
# 18 November 2019, November 18, 2019, "2 days ago".
_WHEN = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\b(?:\s?(?:[ap]\.?m\b\.?|uhr\b))?"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\.? [^\W\d_]{3,12}\.? \d{4}\b"
    r"|\b[^\W\d_]{3,12}\.? \d{1,2},? \d{4}\b"
    r"|\b\d+ [^\W\d_]+ ago\b"
)
# A header line is short; an author's name on its own line is shorter still.
HEADER_WORDS = 14
NAME_WORDS = 4
# A thread has at least this many headers, each within this many paragraphs of the last.
THREAD_HEADERS = 3
THREAD_GAP = 8
# Short lines just above the first header ("Top Rated Comments", "[ 167 comments ]") belong
# to the thread.
THREAD_TITLE_LINES = 3
TITLE_WORDS = 6


def comment_headers(texts: Sequence[str]) -> list[tuple[int, str]]:
    """Paragraphs that open a comment, with the shape of their header.

    A header is a short dated line, with the author's name above it when it stands on a line
    of its own (the header then starts at the name). Its shape is what is left of the dated
    line without the date, the time and capitalised words (names): "says: at", "Rating",
    "" for a bare date under a name. A thread repeats one shape; a byline over an "Updated:"
    line, or tweets signed with different handles, do not.
    """
    headers = []
    for i, text in enumerate(texts):
        words = len(text.split())
        if not 0 < words <= HEADER_WORDS or not _WHEN.search(text) or _closed(text):
            continue
        shape = " ".join(w for w in _WHEN.sub(" ", text).split() if not w[:1].isupper())
        above = texts[i - 1] if i else ""
        named = i > 0 and 0 < len(above.split()) <= NAME_WORDS and not _WHEN.search(above)
        if named and not _closed(above):
            headers.append((i - 1, "name/" + shape))
        elif shape:
            headers.append((i, shape))
    return headers


def comment_thread(texts: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """The comment thread that starts inside paragraphs start..end, if any: (first, last).

    Headers of one shape, at least THREAD_HEADERS of them, each comment between two of them
    two to THREAD_GAP paragraphs long. The thread runs from its title lines to the end of the
    span, or past it to the end of its last comment: the span is an article's region, and
    what follows the comments in it is more of them (a reply form, a pager). The article must
    come first.
    """
    runs: dict[str, list[int]] = {}
    best: list[int] = []
    for index, shape in comment_headers(texts[start:]):
        run = runs.setdefault(shape, [])
        if run and not 2 <= index - run[-1] <= THREAD_GAP:
            run.clear()
        run.append(index)
        if len(run) > len(best) and run[0] <= end - start:
            best = list(run)
    if len(best) < THREAD_HEADERS:
        return None
    first = start + best[0]
    while first > start and start + best[0] - first < THREAD_TITLE_LINES:
        above = texts[first - 1]
        if not 0 < len(above.split()) <= TITLE_WORDS or _closed(above):
            break
        first -= 1
    if first == start:
        return None
    comment = min(b - a for a, b in itertools.pairwise(best))
    return first, min(len(texts) - 1, max(end, start + best[-1] + comment - 1))


def _closed(text: str) -> bool:
    """Ends as a sentence does: a line of the article, not a header."""
    return text.rstrip().endswith((".", "!", "?", "\u3002"))
