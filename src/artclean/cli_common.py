"""What every layer of the command line shares: exit codes and the errors users see.

The command modules import this one and never each other upwards: `cli` (one document)
hands over to `cli_batch`, which hands over to `cli_dask`; all three report through here.
"""

from __future__ import annotations

from typing import IO, Any

import click

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class OutputClosed(Exception):
    """The reader of standard output went away (as in `artclean big.txt | head -1`)."""


class InputProblem(click.ClickException):
    """A user mistake about input or output: one line on stderr, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"artclean: error: {self.format_message()}", err=True)
