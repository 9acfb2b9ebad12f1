"""Writing files and streams so that nothing is ever half-written, or silently cut short.

Every write goes to a temporary file in the target's directory, is flushed to disk, takes the
old file's permissions (and its owner and group, when the writer may set them), and replaces
the target with one atomic rename. An interrupted run leaves each file either as it was or
complete.

A temporary file is named `.NAME.artclean-PID-XXXXXXXX.tmp`: hidden, after its target, and
with the id of the process writing it. A run killed outright (kill -9, the OOM killer) cannot
remove its own, so the next run removes those of processes that are gone from each directory
it writes into or walks (`sweep_temporaries`).

A stream (standard output) is written through `WholeWriter`, which repeats a short write
until every byte is out: a pipe whose reader goes away part-way through one large write
(`artclean big.txt | head -1`), or an unbuffered stdout (`PYTHONUNBUFFERED=1`), would
otherwise drop the rest without an error. Failures come out as `OutputClosed` (the reader went
away: exit 141) and `OutputFailed` (a full disk, a device error: one line, exit 2), which are
no OSError, so that no code that reports a failed read can mistake them for one.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

_TEMPORARY = re.compile(r"\A\..*\.artclean-(\d+)-[^.]+\.tmp\Z", re.DOTALL)


class OutputClosed(Exception):
    """The reader of standard output went away (as in `artclean big.txt | head -1`)."""


class OutputFailed(Exception):
    """Output could not be written: a full disk, a file too large for `ulimit -f`, a device
    error. The message is one line naming where."""

    def __init__(self, where: str, error: OSError) -> None:
        super().__init__(f"{where}: cannot write ({error.strerror or error})")
        self.error = error


def temporary_prefix(target: Path) -> str:
    return f".{target.name}.artclean-{os.getpid()}-"


@contextlib.contextmanager
def atomic_open(path: str | Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text stream that becomes `path` only if the block finishes without an exception."""
    with atomic_binary_open(path) as binary:
        text = io.TextIOWrapper(binary, encoding=encoding, newline="", write_through=True)
        try:
            yield text
            text.flush()
        finally:
            with contextlib.suppress(OSError, ValueError):
                text.detach()  # the binary stream is atomic_binary_open's to close


def atomic_write(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` atomically, keeping its permissions and owner (`durable`:
    as for `atomic_binary_open`).

    The steps of `atomic_binary_open` without a stream: a batch writes thousands of files
    this way, and a stream costs CPU beside the system's own work on a quiet disk.
    """
    target = os.fspath(path)
    fd, temporary, existed = _temporary_for(target)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        _install(temporary, target, existed)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _temporary_for(target: str) -> tuple[int, str, bool]:
    """A new temporary file beside `target`, open for writing, and whether `target` exists.

    A new file's permissions (0o666 less the umask) are given as it is made; over an
    existing file the temporary is private (0o600) until `_install` gives it that file's
    owner and permissions.
    """
    folder = os.path.dirname(target) or "."
    sweep_temporaries(folder, once=True)
    try:
        os.stat(target)
        existed = True
    except FileNotFoundError:
        existed = False
    prefix = os.path.join(folder, temporary_prefix(Path(target)))
    fd, temporary = _new_temporary(prefix, 0o600 if existed else 0o666)
    return fd, temporary, existed


def _install(temporary: str, target: str, existed: bool) -> None:
    """Put a finished temporary file in the place of `target`."""
    if existed:
        _copy_owner_and_mode(Path(target), temporary)
    os.replace(temporary, target)


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _new_temporary(prefix: str, mode: int) -> tuple[int, str]:
    """A new file named PREFIX + 8 random hex digits + ".tmp", open for writing."""
    for _ in range(100):
        temporary = f"{prefix}{os.urandom(4).hex()}.tmp"
        try:
            return os.open(temporary, _FLAGS | getattr(os, "O_BINARY", 0), mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", prefix)


@contextlib.contextmanager
def atomic_binary_open(path: str | Path, *, durable: bool = True) -> Iterator[IO[bytes]]:
    """A binary stream that becomes `path` only if the block finishes without an exception.

    durable: flush the file to disk (fsync) before the rename. Without it the file is still
    never seen half-written, but a power cut before the system writes it back can lose it;
    a caller that writes many files so flushes them all at once (`flush_to_disk`).
    """
    target = os.fspath(path)
    fd, temporary, existed = _temporary_for(target)
    stream = os.fdopen(fd, "wb")
    try:
        yield stream
        stream.flush()
        if durable:
            os.fsync(stream.fileno())
        stream.close()
        _install(temporary, target, existed)
    except BaseException:
        with contextlib.suppress(OSError):  # what is left in its buffer fails the same way
            stream.close()
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def flush_to_disk(paths: Iterable[str | Path]) -> None:
    """Make files written with `durable=False` reach the disk, with as few calls as the system
    allows: syncfs(2) once per file system they are on (Linux), else sync(2) (other Unix
    systems), else an fsync of each file. One flush of a whole batch costs about what one
    fsync does, where an fsync per file made the workers queue on the file system's journal.

    Raises OSError when the system reports that something could not be written.
    """
    files = [os.path.abspath(path) for path in paths]
    if not files:
        return
    syncfs = file_system_sync()
    if syncfs is not None:
        devices: set[int] = set()
        for directory in sorted({os.path.dirname(path) for path in files}):
            try:
                fd = os.open(directory, os.O_RDONLY)
            except FileNotFoundError:
                continue
            try:
                device = os.fstat(fd).st_dev
                if device not in devices:
                    syncfs(fd, directory)
                    devices.add(device)
            finally:
                os.close(fd)
        return
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in files:  # Windows
        with contextlib.suppress(FileNotFoundError), open(path, "rb+") as stream:
            os.fsync(stream.fileno())


def file_system_sync() -> Callable[[int, str], None] | None:
    """syncfs(2) where the C library has it (Linux): a function that flushes the file system
    holding an open descriptor and raises OSError naming `where` when that fails; else None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError):
        return None

    def syncfs(fd: int, where: str) -> None:
        if function(fd) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number), where)

    return syncfs


def _copy_owner_and_mode(target: Path, temporary: str) -> None:
    """Give the new file the old one's owner, group and permissions, or the usual permissions
    for a new file. Owner and group are kept where the writer may set them (root, or a
    group the writer is in), as `sed -i` does; elsewhere the new file is the writer's."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        return
    mine = os.stat(temporary)
    if (status.st_uid, status.st_gid) != (mine.st_uid, mine.st_gid):
        for owner, group in ((status.st_uid, status.st_gid), (-1, status.st_gid)):
            try:
                os.chown(temporary, owner, group)
                break
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.EINVAL):
                    raise
    os.chmod(temporary, stat.S_IMODE(status.st_mode))  # after chown, which clears set-id bits


_swept: set[str] = set()


def sweep_temporaries(
    directory: str | Path, names: Iterable[str] | None = None, *, once: bool = False
) -> int:
    """Remove the temporary files in `directory` left by artclean processes that are gone.

    `names` are the directory's entries when the caller has listed it already; with `once`,
    a directory already swept by this process is not listed again. Returns how many files
    were removed.
    """
    key = os.path.abspath(directory)
    if once and key in _swept:
        return 0
    _swept.add(key)
    if names is None:
        try:
            names = os.listdir(directory)
        except OSError:
            return 0
    removed = 0
    for name in names:
        match = _TEMPORARY.match(name)
        if match is None or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(directory, name))
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class WholeWriter(io.RawIOBase):
    """The writable end of a file descriptor, where every write writes all it is given.

    A write that fails raises `OutputClosed` or `OutputFailed` once; after that, writes are
    dropped, so that the buffers above, flushed again at exit, cannot fail a second time.
    """

    def __init__(self, fd: int, name: str = "standard output") -> None:
        super().__init__()
        self._fd = fd
        self._where = name
        self._failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        if self._failed:
            return size
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except BrokenPipeError:
            self._failed = True
            raise OutputClosed from None
        except OSError as error:
            self._failed = True
            if error.errno == errno.EPIPE:
                raise OutputClosed from None
            raise OutputFailed(self._where, error) from None
        return size


def whole_stdout(fd: int = 1) -> io.BufferedWriter:
    """Standard output as a binary stream whose writes are never cut short unnoticed."""
    return io.BufferedWriter(WholeWriter(fd))


def whole_text_stdout(fd: int = 1) -> io.TextIOWrapper:
    """Standard output as UTF-8 text, written whole (see `whole_stdout`)."""
    return io.TextIOWrapper(whole_stdout(fd), encoding="utf-8", newline="")
