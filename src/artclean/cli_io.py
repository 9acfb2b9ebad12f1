"""What the command line needs that does not need click: exit codes, signals as exceptions,
and standard output written whole.

`cli_common` re-exports all of it for the command modules; `cli_pipe`, which answers
`artclean` with no arguments without importing click, uses it directly.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import IO

from .files import OutputClosed, OutputFailed

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_ERROR",
    "EXIT_FOUND",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "Interrupted",
    "OutputClosed",
    "OutputFailed",
    "Terminated",
    "signals_as_exceptions",
    "silence_stdout",
    "stdout_bytes",
    "stdout_text",
]

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which click would catch and answer with an empty line
    on stderr before ours."""


class Terminated(BaseException):
    """SIGTERM arrived (`timeout`, a cancelled CI job, `docker stop`): unwound like Ctrl-C,
    so that every temporary file is removed on the way out."""


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """SIGINT raises `Interrupted` and SIGTERM `Terminated` in the main thread, so that both
    unwind the run the same way: running work is finished or abandoned whole, temporary
    files are removed, and the command exits 130 or 143 with one line on stderr."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(number: int, frame: FrameType | None) -> None:
        raise Interrupted

    def terminate(number: int, frame: FrameType | None) -> None:
        raise Terminated

    previous = {
        signal.SIGINT: signal.signal(signal.SIGINT, interrupt),
        signal.SIGTERM: signal.signal(signal.SIGTERM, terminate),
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def stdout_bytes() -> Iterator[IO[bytes]]:
    """Standard output as a binary stream whose writes go out whole or fail loudly
    (`files.WholeWriter`): a lost reader is `OutputClosed`, any other failure `OutputFailed`."""
    from .files import whole_stdout

    assert sys.stdout is not None, "the caller reports a closed standard output"
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced, as by click's CliRunner
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    stream = whole_stdout(fd)
    try:
        yield stream
        stream.flush()
    finally:
        with contextlib.suppress(OutputClosed, OutputFailed, OSError, ValueError):
            stream.close()  # flushes what is left; the descriptor stays open


@contextlib.contextmanager
def stdout_text() -> Iterator[IO[str]]:
    """Standard output as UTF-8 text, written as `stdout_bytes` writes."""
    with stdout_bytes() as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        try:
            yield text
            text.flush()
        finally:
            with contextlib.suppress(OutputClosed, OutputFailed, OSError, ValueError):
                text.flush()
            with contextlib.suppress(OutputClosed, OutputFailed, OSError, ValueError):
                text.detach()


def silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush cannot fail again."""
    if sys.stdout is None:
        return
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
