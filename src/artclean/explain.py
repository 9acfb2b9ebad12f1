"""`--explain`: every paragraph with its decision and reason, rendered with rich.

Colour only on a terminal; rich honours NO_COLOR. The records rendered are the same ones the
JSON output holds.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .names import printable
from .result import Result

_STYLE = {
    "duplicate": "magenta",
    "syndication": "yellow",
    "related": "cyan",
    "legal": "blue",
}
# Scraped text can hold terminal escape sequences and bidi overrides; on a terminal they would
# clear the screen, retitle the window or reorder the line. They are shown, not obeyed:
# C0 controls as their control pictures (␛ for ESC), others as <U+XXXX>.
_VISIBLE = {c: 0x2400 + c for c in range(0x20)} | {0x7F: "␡"}
_VISIBLE |= {c: f"<U+{c:04X}>" for c in [*range(0x80, 0xA0), *range(0x202A, 0x202F)]}
_VISIBLE |= {c: f"<U+{c:04X}>" for c in range(0x2066, 0x206A)}


def _shown(text: str) -> str:
    return text.translate(_VISIBLE)


def _preview(text: str, width: int) -> str:
    """The paragraph on one line, cut at a word boundary to fit `width` characters."""
    flat = _shown(" ".join(text.split()))
    if len(flat) <= width:
        return flat
    cut = flat[: max(width - 2, 1)]
    space = cut.rfind(" ")
    if space > width // 3:  # a word cut in half reads as a different word
        cut = cut[:space]
    return cut.rstrip() + " …"


def render_explanation(result: Result, stream: IO[str]) -> None:
    """Write every paragraph's decision and a one-line summary to `stream`.

    On a terminal: a rich table as wide as the terminal. Elsewhere (a pipe, a file): the same
    columns as plain lines, one row per paragraph and a reason line under each removal, never
    wrapped, padded or cut mid-word, so that grep, diff and a pager see what was decided.
    """
    # Rendered to a buffer, then written: rich exits with status 1 by itself when the reader
    # of a pipe goes away, and the CLI reports that case as 141 like other filters.
    terminal = stream.isatty()
    width = shutil.get_terminal_size().columns if terminal else _PLAIN_WIDTH
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        soft_wrap=not terminal,
        force_terminal=True if terminal else None,  # None: rich still honours FORCE_COLOR
        width=width,
    )
    rows = _rows(result, struck="dim strike" if console.is_terminal else "")
    if terminal:
        _print_table(console, rows, width)
    else:
        _print_lines(console, rows)
    stats = result.stats
    by_kind = ", ".join(f"{kind} {count}" for kind, count in stats.removed.items()) or "nothing"
    source = f"{printable(result.source)}: " if result.source else ""
    console.print(
        f"{source}kept {stats.paragraphs_out} of {stats.paragraphs_in} paragraphs "
        f"({stats.chars_out} of {stats.chars_in} characters); removed: {by_kind}",
        style="bold",
        soft_wrap=not terminal,
        markup=False,  # a path may hold brackets: "a[/b].txt" is not a closing tag
    )
    stream.write(buffer.getvalue())


# Outside a terminal a row is at most this wide, reason lines aside (they are never cut).
_PLAIN_WIDTH = 100


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    decision: Text
    text: str
    style: str  # of the paragraph's text
    reason: Text | None  # for a removal: why, and the rule's name


def _rows(result: Result, struck: str) -> list[_Row]:
    removed = {r.index: r for r in result.removed}
    kept = {k.index: k.text for k in result.kept}
    order = sorted(
        [(k.line, k.index) for k in result.kept] + [(r.line, r.index) for r in result.removed]
    )
    rows = []
    for line, index in order:
        removal = removed.get(index)
        if removal is None or index in kept:
            rows.append(_Row(line, Text("keep", style="green"), kept[index], "", None))
            continue
        style = _STYLE.get(removal.kind, "red")
        decision = Text(removal.kind, style=style)
        if removal.also:
            decision.append("+" + "+".join(removal.also), style="dim")
        reason = Text(
            _shown(f"{removal.reason} [{removal.code} {removal.rule}]"), style=f"italic {style}"
        )
        rows.append(_Row(line, decision, removal.text, struck, reason))
    return rows


def _columns(rows: list[_Row]) -> tuple[int, int]:
    line = max([len("line"), *(len(str(row.line)) for row in rows)])
    decision = max([len("decision"), *(len(row.decision) for row in rows)])
    return line, decision


def _print_lines(console: Console, rows: list[_Row]) -> None:
    line_width, decision_width = _columns(rows)
    indent = " " * (line_width + decision_width + 4)
    preview = max(_PLAIN_WIDTH - len(indent), 40)
    console.print(
        Text(f"{'line':>{line_width}}  {'decision':<{decision_width}}  paragraph and reason"),
        style="bold",
    )
    for row in rows:
        out = Text(f"{row.line:>{line_width}}  ", style="dim")
        out.append_text(row.decision)
        out.append(" " * (decision_width - len(row.decision) + 2))
        out.append(_preview(row.text, preview), style=row.style)
        console.print(out)
        if row.reason is not None:
            console.print(Text(indent).append_text(row.reason))


def _print_table(console: Console, rows: list[_Row], width: int) -> None:
    line_width, decision_width = _columns(rows)
    preview = max(width - line_width - decision_width - 4, 20)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    table.add_column("decision", no_wrap=True)
    table.add_column("paragraph and reason", overflow="fold")
    for row in rows:
        body = Text(_preview(row.text, preview), style=row.style)
        if row.reason is not None:
            body.append("\n").append_text(row.reason)
        table.add_row(str(row.line), row.decision, body)
    console.print(table)
