"""`artclean` with no arguments, reading a pipe or a file: the clean text on standard output,
without click.

This is what `cli_command` does for that call, with the options' defaults (the same
`Options`, the same reading of standard input up to --max-size's 64 MiB, the same writing of
standard output, the same one-line errors and exit codes), in a module that imports neither
click nor the option declarations, so that a pipe of one line starts about 20 ms sooner.
`tests/test_cli.py` runs both on the same inputs and compares what they print and return.
"""

from __future__ import annotations

import sys

from .cli_io import (
    EXIT_BROKEN_PIPE,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    Interrupted,
    OutputClosed,
    OutputFailed,
    Terminated,
    signals_as_exceptions,
    silence_stdout,
    stdout_text,
)


def clean_pipe() -> int | None:
    """Clean standard input to standard output; the exit status, or None when the click
    command must answer: standard input is a terminal (it prints a hint first) or either
    stream is closed."""
    if sys.stdin is None or sys.stdout is None or sys.stdin.isatty():
        return None
    with signals_as_exceptions():
        try:
            status = _clean()
        except (Interrupted, KeyboardInterrupt):
            _say("artclean: interrupted")
            return EXIT_INTERRUPTED
        except Terminated:
            _say("artclean: terminated")
            return EXIT_TERMINATED
        except (BrokenPipeError, OutputClosed):
            silence_stdout()
            return EXIT_BROKEN_PIPE
        except OutputFailed as error:
            silence_stdout()  # what could not be written cannot be flushed at exit either
            _say(f"artclean: error: {error}")
            return EXIT_ERROR
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
            return EXIT_BROKEN_PIPE
        return status


def _clean() -> int:
    from .names import printable
    from .options import Options
    from .pipeline import clean
    from .reading import MAX_INPUT_BYTES, InputError, read_stream
    from .rules import Layer, Selection

    # As cli_command.cli builds them from the defaults of --similarity, --keep and the
    # selectors, and for the source "-".
    options = Options(similarity=90.0, keep=frozenset(), select=Selection().then(Layer()))
    with stdout_text() as stream:
        try:
            text = read_stream(sys.stdin.buffer, "<stdin>", "utf-8", "strict", MAX_INPUT_BYTES)
        except InputError as error:
            _say(f"artclean: error: {printable(str(error))}")
            return EXIT_ERROR
        stream.write(clean(text, options.for_file("-")).text)
        stream.flush()
    return EXIT_OK


def _say(line: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
