"""A batch on the terminal: a progress bar while it runs, a summary table when it ends.

Both go to stderr, so stdout stays the data. The bar is drawn only when stderr is a
terminal; the summary is printed either way (unless the user asks for quiet), without colour
when stderr is not a terminal, and rich honours NO_COLOR on one.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from .names import printable
from .tally import Tally


def stderr_console(stream: IO[str] | None = None) -> Console:
    """A console on stderr: terminal features only when it is a terminal."""
    stream = stream or sys.stderr
    terminal = stream.isatty()
    return Console(
        file=stream, force_terminal=terminal, highlight=False, emoji=False, soft_wrap=True
    )


class Display:
    """The progress bar of one batch; problems are printed above it as they happen.

    unit: what a document is called ("files", "records"); total_bytes None when unknown
    (standard input, compressed input), in which case the bar shows no time remaining.
    """

    def __init__(self, console: Console, *, unit: str, show_bar: bool) -> None:
        self.console = console
        self.unit = unit
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._documents = 0
        self._total_documents: int | None = None
        if show_bar and console.is_terminal:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[documents]}"),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> Display:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def stage(self, description: str, *, documents: int | None, total_bytes: int | None) -> None:
        """Start a stage of the batch (learning templates, cleaning) with its totals."""
        self._documents = 0
        self._total_documents = documents
        if self._progress is None:
            return
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(
            description, total=total_bytes, documents=self._count_text()
        )

    def advance(self, documents: int, size: int) -> None:
        self._documents += documents
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=size, documents=self._count_text())

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def problem(self, message: str) -> None:
        """A one-line report ("path: reason"), printed above the bar."""
        self.console.print(
            escape(printable(message)), style="red" if self.console.is_terminal else None
        )

    def _count_text(self) -> str:
        total = f"/{self._total_documents}" if self._total_documents is not None else ""
        return f"{self._documents}{total} {self.unit}"


def render_summary(console: Console, tally: Tally, *, unit: str, seconds: float) -> None:
    """Files (or records) seen, changed, unchanged and failed; removals by kind; bytes."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_row(f"{unit} seen", f"{tally.seen:,}")
    table.add_row(f"{unit} changed", f"{tally.changed:,}")
    table.add_row(f"{unit} unchanged", f"{tally.unchanged:,}")
    table.add_row(f"{unit} failed", f"{tally.failed:,}", style="red" if tally.failed else None)
    if tally.skipped:
        table.add_row(f"{unit} skipped (not text)", f"{tally.skipped:,}")
    table.add_row("paragraphs in", f"{tally.paragraphs_in:,}")
    table.add_row("paragraphs out", f"{tally.paragraphs_out:,}")
    for kind, count in tally.removed.items():
        table.add_row(f"removed: {kind}", f"{count:,}")
    table.add_row("bytes in", f"{tally.bytes_in:,}")
    table.add_row("bytes out", f"{tally.bytes_out:,}")
    rate = tally.bytes_in / seconds / 1e6 if seconds > 0 else 0.0
    table.add_row("time", f"{seconds:.1f} s, {rate:.1f} MB/s")
    console.print(table)
