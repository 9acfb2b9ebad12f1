"""`--explain`: every paragraph with its decision and reason, rendered with rich.

Colour only on a terminal; rich honours NO_COLOR. The records rendered are the same ones the
JSON output holds.
"""

from __future__ import annotations

import io
import shutil
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .result import Result

_STYLE = {
    "duplicate": "magenta",
    "syndication": "yellow",
    "related": "cyan",
    "legal": "blue",
}
_PREVIEW = 90
# Scraped text can hold terminal escape sequences and bidi overrides; on a terminal they would
# clear the screen, retitle the window or reorder the line. They are shown, not obeyed:
# C0 controls as their control pictures (␛ for ESC), others as <U+XXXX>.
_VISIBLE = {c: 0x2400 + c for c in range(0x20)} | {0x7F: "␡"}
_VISIBLE |= {c: f"<U+{c:04X}>" for c in [*range(0x80, 0xA0), *range(0x202A, 0x202F)]}
_VISIBLE |= {c: f"<U+{c:04X}>" for c in range(0x2066, 0x206A)}


def _shown(text: str) -> str:
    return text.translate(_VISIBLE)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    flat = flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"
    return _shown(flat)


def render_explanation(result: Result, stream: IO[str]) -> None:
    """Write a table of decisions and a one-line summary to `stream`."""
    # Rendered to a buffer, then written: rich exits with status 1 by itself when the reader
    # of a pipe goes away, and the CLI reports that case as 141 like other filters.
    terminal = stream.isatty()
    width = shutil.get_terminal_size().columns if terminal else 100
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        soft_wrap=False,
        force_terminal=True if terminal else None,  # None: rich still honours FORCE_COLOR
        width=width,
    )
    removed = {r.index: r for r in result.removed}
    kept = {k.index: k.text for k in result.kept}
    rows: list[tuple[int, int]] = sorted(
        [(k.line, k.index) for k in result.kept] + [(r.line, r.index) for r in result.removed]
    )
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    table.add_column("decision", no_wrap=True)
    table.add_column("paragraph and reason", overflow="fold")
    for line, index in rows:
        removal = removed.get(index)
        if removal is None or index in kept:
            table.add_row(str(line), Text("keep", style="green"), Text(_preview(kept[index])))
            continue
        style = _STYLE.get(removal.kind, "red")
        decision = Text(removal.kind, style=style)
        if removal.also:
            decision.append("+" + "+".join(removal.also), style="dim")
        body = Text.assemble(
            (_preview(removal.text), "dim strike" if console.is_terminal else ""),
            ("\n" + _shown(f"{removal.reason} [{removal.rule}]"), f"italic {style}"),
        )
        table.add_row(str(line), decision, body)
    console.print(table)
    stats = result.stats
    by_kind = ", ".join(f"{kind} {count}" for kind, count in stats.removed.items()) or "nothing"
    source = f"{_shown(result.source)}: " if result.source else ""
    console.print(
        f"{source}kept {stats.paragraphs_out} of {stats.paragraphs_in} paragraphs "
        f"({stats.chars_out} of {stats.chars_in} characters); removed: {by_kind}",
        style="bold",
        soft_wrap=True,
        markup=False,  # a path may hold brackets: "a[/b].txt" is not a closing tag
    )
    stream.write(buffer.getvalue())
