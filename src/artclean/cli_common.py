"""What every layer of the command line shares: exit codes and the errors users see.

The command modules import this one and never each other upwards: `cli_command` (one
document) hands over to `cli_batch`, which hands over to `cli_dask`; all three report through
here. What needs no click lives in `cli_io` and is re-exported here (`cli_pipe`, which answers
a bare `artclean` without click, uses it directly).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from . import cli_io
from .cli_io import (
    EXIT_BROKEN_PIPE,
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    Interrupted,
    OutputClosed,
    OutputFailed,
    Terminated,
    signals_as_exceptions,
    silence_stdout,
)

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_ERROR",
    "EXIT_FOUND",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "InputProblem",
    "Interrupted",
    "OutputClosed",
    "OutputFailed",
    "Terminated",
    "signals_as_exceptions",
    "silence_stdout",
    "stdout_bytes",
    "stdout_text",
]


class InputProblem(click.ClickException):
    """A user mistake about input or output: one line on stderr, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        from .names import printable

        click.echo(f"artclean: error: {printable(self.format_message())}", err=True)


def _open() -> None:
    if sys.stdout is None:  # started with standard output closed (`artclean page >&-`)
        raise InputProblem("standard output is closed; use -o FILE")


@contextlib.contextmanager
def stdout_bytes() -> Iterator[IO[bytes]]:
    """`cli_io.stdout_bytes`; a closed standard output is an InputProblem."""
    _open()
    with cli_io.stdout_bytes() as stream:
        yield stream


@contextlib.contextmanager
def stdout_text() -> Iterator[IO[str]]:
    """`cli_io.stdout_text`; a closed standard output is an InputProblem."""
    _open()
    with cli_io.stdout_text() as stream:
        yield stream
