"""Split text into paragraphs, and put the kept ones back together in the input's layout.

Two layouts occur in scraped text. Where the text has blank lines, a paragraph is a
blank-line-separated block; otherwise every line is a paragraph. A block of several lines is
either one paragraph hard-wrapped at a fixed width (lynx, html2text, e-mail) or a list of short
separate lines (a menu, a list of headlines); a list is split into one paragraph per line so that
a related-links list inside one block can still be found.

Paragraphs keep their offsets into the original text, so output is made of slices of the input:
nothing is re-wrapped, re-indented or re-encoded.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .lazy import pattern
from .records import maker

_NEWLINE = re.compile(r"\r\n|\r|\n")
# A line and its terminator, if it has one: only CR, LF and CRLF end lines.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
# Characters that make a line look non-blank to str.isspace() but print nothing.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
# Wrappers (lynx, html2text, mail clients, editors) wrap at 60 to 132 columns; a block with a
# longer line is not wrapped text, however its lines happen to break.
_NARROWEST_WRAP = 40
_WIDEST_WRAP = 200
# Text wrapped at a fixed width is wrapped at 60 to 100 columns (72 and 80 are the usual). A
# narrower block is a list, whose items may read as wrapped lines; a wider one has lines as
# long as their text, and a long line before a short one is no wrapped paragraph.
_PIECE_WIDTHS = (60, 100)
_SENTENCE_END = (".", "!", "?", "。", "！", "？", "؟", "।")
_CLOSING = "\"'”’»)]）」』"
# A line that opens with a bullet symbol is a list item, never a wrapped paragraph's next line.
# Numbers and dashes are left out: "11. und 12. Februar" or "- which" may open one.
_ITEM = pattern(r"[*•▪◦]\s")
_BULLET = pattern(r"\s*(?:[-*+•·▪◦o]\s|\d{1,3}[.)]\s|[»›>]\s?)")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One unit of text: its position in the document and its exact text."""

    index: int
    line: int  # 1-based number of its first line
    end_line: int  # 1-based number of its last line
    block: int  # paragraphs of one blank-line-separated block share this number
    start: int  # offset of its first character in the document
    end: int  # offset just past its last character (its line terminator excluded)
    text: str


_make_paragraph = maker(Paragraph)


class _Line(NamedTuple):
    number: int
    start: int
    end: int
    text: str


_TEXT = operator.itemgetter(3)  # a _Line's text
_FIRST = slice(1)


def _lines(text: str) -> list[_Line]:
    # One C-level pass cuts the lines with their terminators; offsets are running sums of
    # their lengths. (A loop over regex matches took half the time of a million-line page.)
    pieces = _LINE.findall(text)
    starts = list(itertools.accumulate(map(len, pieces), initial=0))
    bodies = list(map(str.rstrip, pieces, itertools.repeat("\r\n")))
    ends = map(operator.add, starts, map(len, bodies))
    # tuple.__new__ makes each _Line in C; its class's __new__ is a Python function.
    fields = zip(itertools.count(1), starts, ends, bodies)
    return list(map(tuple.__new__, itertools.repeat(_Line), fields))


def is_blank(line: str) -> bool:
    """True for a line with nothing visible on it (in any mix of spaces and invisibles)."""
    stripped = line.lstrip()
    if stripped[:1] not in _INVISIBLE:  # "" is in every string: an empty line goes on
        return False
    return not line.translate(_DROP_INVISIBLE).strip()


def _blocks(lines: Sequence[_Line], blank: Sequence[bool]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line, empty in zip(lines, blank, strict=True):
        if empty:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _wrap_width(stripped: Sequence[str]) -> int:
    """The width of a block's widest line, less a line that is only the end of a Markdown
    link (`text](https://…)`): html2text wraps a paragraph's words but never breaks a link's
    address, so that line may run past the width the rest was wrapped at."""
    widths = [len(line) for line in stripped if " " in line or "](" not in line]
    return max(widths) if widths else max(map(len, stripped), default=0)


def is_wrapped(lines: Sequence[str], links: bool = False) -> bool:
    """Whether a block of lines is one paragraph hard-wrapped at a fixed width (`links`: a
    page converted to Markdown, whose link addresses may run past it; see _wrap_width).

    A wrapper breaks a line only when the next word would not fit, so no line may be short
    enough that the following word would have fitted under the block's widest line (itself
    between 40 and 200 characters). Wrapped
    prose also breaks mid-sentence: some continuation lines start in lower case (or in a script
    without case, after a line that does not end a sentence), which separates it from a list of
    capitalised headlines of similar length.
    """
    if len(lines) < 2:
        return False
    stripped = list(map(str.strip, lines))
    width = _wrap_width(stripped) if links else max(map(len, stripped))
    if not _NARROWEST_WRAP <= width <= _WIDEST_WRAP:
        return False
    continuations = 0
    for line, following in itertools.pairwise(stripped):
        if _BULLET.match(following):
            return False
        next_word = following.split(maxsplit=1)[0]
        if len(line) + 1 + len(next_word) <= width:
            return False
        first = next((c for c in following if c.isalpha()), "")
        caseless = first and not first.isupper() and not first.islower()
        if (
            first.islower()
            or (caseless and not line.rstrip(_CLOSING).endswith(_SENTENCE_END))
            or line.endswith(("-", ",", ";"))
        ):
            continuations += 1
    return continuations * 3 >= len(lines) - 1


def segment(text: str) -> tuple[Paragraph, ...]:
    """Cut text into paragraphs, in input order."""
    lines = _lines(text)
    # is_blank's first test, in C for every line: most lines start with something visible.
    starts = map(str.__getitem__, map(str.lstrip, map(_TEXT, lines)), itertools.repeat(_FIRST))
    blank = list(map(_INVISIBLE.__contains__, starts))
    for i in itertools.compress(range(len(lines)), blank):
        blank[i] = is_blank(lines[i].text)
    filled = [i for i, empty in enumerate(blank) if not empty]
    # Only a blank line between two others separates paragraphs. Blank lines before the first
    # or after the last do not, and must not change how the rest is cut: the clean text has
    # none, and cleaning it again has to cut it the same way.
    if filled and any(blank[filled[0] : filled[-1]]):
        blocks = _blocks(lines, blank)
    else:
        content = [lines[i] for i in filled]
        # Without blank lines every line is a paragraph, unless all of them are one hard-wrapped
        # paragraph: what is left of a wrapped block once the rest of a page is cleaned away.
        if not (len(content) > 1 and is_wrapped([line.text for line in content])):
            return tuple(
                _paragraph(
                    text,
                    i,
                    content[a].number,
                    content[b].number,
                    a,
                    content[a].start,
                    content[b].end,
                )
                for i, (a, b) in enumerate(_pieces(content))
            )
        blocks = [content]
    paragraphs: list[Paragraph] = []
    for number, block in enumerate(blocks):
        for a, b in _cut(block):
            first, last = block[a], block[b]
            index = len(paragraphs)
            paragraphs.append(
                _paragraph(text, index, first.number, last.number, number, first.start, last.end)
            )
    return tuple(paragraphs)


def _cut(block: Sequence[_Line]) -> list[tuple[int, int]]:
    """A blank-line-separated block cut into paragraphs: (first line, last line)."""
    if len(block) > 1 and is_wrapped([line.text for line in block], links=True):
        return [(0, len(block) - 1)]
    return _pieces(block)


def _pieces(block: Sequence[_Line]) -> list[tuple[int, int]]:
    """A block of lines cut into hard-wrapped paragraphs and single lines: (first, last).

    A paragraph ends at a line the next word would have fitted on (under the block's widest
    line); the lines up to there are one paragraph if they read as wrapped prose.
    """
    texts = [text.strip() for _, _, _, text in block]
    width = max(map(len, texts), default=0)
    if not _PIECE_WIDTHS[0] <= width <= _PIECE_WIDTHS[1]:
        return [(k, k) for k in range(len(texts))]
    pieces: list[tuple[int, int]] = []
    start = 0
    for i in range(len(texts)):
        following = texts[i + 1].split(maxsplit=1)[0] if i + 1 < len(texts) and texts[i + 1] else ""
        fits = not following or len(texts[i]) + 1 + len(following) <= width
        if not fits and not _ITEM.match(texts[i + 1]):
            continue  # the next word did not fit: the paragraph may go on, unless a list starts
        if i > start and is_wrapped(texts[start : i + 1]):
            pieces.append((start, i))
        else:
            pieces.extend((k, k) for k in range(start, i + 1))
        start = i + 1
    return pieces


def _paragraph(
    text: str, index: int, line: int, end_line: int, block: int, start: int, end: int
) -> Paragraph:
    """A paragraph; a U+FEFF that starts it stays outside, in the separator before it.

    Output starting with U+FEFF would be read as a byte-order mark and lose it when cleaned
    again. Kept in the separator, it is written with it: before the paragraph, or, when that
    paragraph is removed, before the next one kept in its block. Either way cleaning the
    output changes nothing.
    """
    while start < end and text[start] == "\ufeff":
        start += 1
    return _make_paragraph(index, line, end_line, block, start, end, text[start:end])


def newline_of(text: str) -> str:
    """The text's first line terminator, or a plain newline if it has none."""
    match = _NEWLINE.search(text)
    return match.group() if match else "\n"


def _terminator_after(text: str, offset: int) -> str:
    match = _NEWLINE.match(text, offset)
    return match.group() if match else ""


def _joined(kept: Sequence[Paragraph]) -> set[int]:
    """The positions k at which kept[k - 1] and kept[k], one line break apart, would be read
    as one paragraph: without the short line that kept them apart, separate lines may read
    as one hard-wrapped paragraph."""
    starts: dict[int, int] = {}  # first line of kept[k] in the joined text -> k
    line = 0
    for k, paragraph in enumerate(kept):
        starts[line] = k
        line += paragraph.end_line - paragraph.line + 1
    cut = _cut(_lines("\n".join(paragraph.text for paragraph in kept)))
    return {starts[n] for a, b in cut for n in range(a + 1, b + 1) if n in starts}


# Re-reading a block costs as much as cutting it: a block that keeps more lines than this
# (a page-long list) is written as before, and a join is tried only past at most this many
# gaps (each join re-reads its group); past them, a blank line goes at every gap.
_REREAD_LINES = 2000
_JOINED_RUNS = 8


def blank_lines(paragraphs: Sequence[Paragraph], order: Sequence[int]) -> set[int]:
    """The kept paragraphs that a blank line must go before: where a block lost some of its
    paragraphs, and the rest, written one line break apart, would be read as fewer paragraphs.

    Runs of kept paragraphs (nothing removed inside) are joined one line break apart unless
    the join would read across the gap; then a blank line starts the next run. Where a run
    would itself be read as fewer paragraphs (the removed text had set the block's width, or
    a removed first or last line had kept the rest from reading as wrapped), a blank line goes
    wherever two of its paragraphs would be read as one.
    """
    kept: dict[int, list[Paragraph]] = {}
    for index in order:
        kept.setdefault(paragraphs[index].block, []).append(paragraphs[index])
    sizes = Counter(paragraph.block for paragraph in paragraphs)
    blank: set[int] = set()
    for block, rest in kept.items():
        if len(rest) == sizes[block] or rest[-1].end_line - rest[0].line > _REREAD_LINES:
            continue  # written as it was, or too long to re-read
        joins = _joined(rest)
        if joins:
            starts = _run_starts(_runs(rest))
            blank.update(starts if starts is not None else (rest[k].index for k in joins))
    return blank


def _run_starts(runs: Sequence[list[Paragraph]]) -> list[int] | None:
    """The runs a blank line must start, where blank lines between runs are enough: runs are
    joined one line break apart unless the join would read across the gap. None where a
    group of runs would still be read as fewer paragraphs."""
    groups, starts = [runs[0]], []
    try_joins = len(runs) <= _JOINED_RUNS
    for run in runs[1:]:
        if try_joins and len(groups[-1]) not in _joined([*groups[-1], *run]):
            groups[-1] = [*groups[-1], *run]
        else:
            groups.append(run)
            starts.append(run[0].index)
    return None if any(map(_joined, groups)) else starts


def _runs(kept: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """Kept paragraphs in runs of neighbours: nothing was removed inside a run."""
    runs: list[list[Paragraph]] = []
    for paragraph in kept:
        if runs and runs[-1][-1].index == paragraph.index - 1:
            runs[-1].append(paragraph)
        else:
            runs.append([paragraph])
    return runs


def assemble(
    text: str,
    paragraphs: Sequence[Paragraph],
    order: Iterable[int],
    blank: Collection[int] = (),
) -> str:
    """Join the paragraphs at the given indices, keeping the input's separators.

    Paragraphs that were next to each other keep exactly the text between them, and paragraphs
    of different blocks are separated as their blocks were. Two others of one block stay one
    line break apart. A paragraph in `blank` (see blank_lines) has a blank line before it,
    even next to the one it followed.
    The result ends with a line break unless it is empty.
    """
    pieces: list[str] = []
    previous: Paragraph | None = None
    block_gap: dict[int, str] = {}
    for i in range(1, len(paragraphs)):
        before, after = paragraphs[i - 1], paragraphs[i]
        if before.block != after.block:
            block_gap[after.block] = text[before.end : after.start]
    for index in order:
        paragraph = paragraphs[index]
        if previous is not None:
            if previous.index == paragraph.index - 1 and index not in blank:
                pieces.append(text[previous.end : paragraph.start])  # as it was, exactly
            elif previous.block == paragraph.block:
                newline = _terminator_after(text, previous.end) or newline_of(text)
                pieces.append(newline * 2 if index in blank else newline)
            else:
                pieces.append(block_gap.get(paragraph.block) or newline_of(text) * 2)
        pieces.append(paragraph.text)
        previous = paragraph
    if previous is not None:
        pieces.append(_terminator_after(text, previous.end) or newline_of(text))
    return "".join(pieces)
