"""The entry point of the `artclean` command (`artclean.cli:main`).

A bare `artclean` reading a pipe or a file (`cat page.txt | artclean`, an editor's filter) is
the commonest call and the one whose start-up is its whole cost. `cli_pipe` answers it as the
click command does, byte for byte and exit code for exit code, without importing click (about
20 ms of imports and option parsing). Everything else goes to that command, `cli_command.cli`,
which this module also hands out as `artclean.cli.cli` (for CliRunner and the docs).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status instead of exiting (for tests and embedding)."""
    if not (sys.argv[1:] if argv is None else argv):
        from .cli_pipe import clean_pipe

        status = clean_pipe()
        if status is not None:
            return status
    from .cli_command import main as command

    return command(argv)


def __getattr__(name: str) -> Any:
    """The click command (`cli`) and the rest of `cli_command`, imported when asked for."""
    if name.startswith("__"):  # the import system asks for __path__ and such: not those
        raise AttributeError(name)
    from . import cli_command

    return getattr(cli_command, name)
