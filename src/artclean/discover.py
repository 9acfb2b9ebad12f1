"""Find the files of a batch: walk directories, match name patterns, skip hidden folders.

A file named on the command line is always taken; patterns choose among the files found
inside directories, so `artclean notes.log --in-place` works while `artclean notes/` picks
only text files. Hidden files and directories (a name starting with "."), `.git` among them,
are skipped, as are symbolic links inside a directory: a link could lead out of the tree or
to a file cleaned twice. Only regular files are taken from a directory: a FIFO would hang the
run and a device never end, so they (and sockets) are never opened, only reported. Files come
in a stable order (`options.WALK_ORDER`: a directory's files by name, then its subdirectories
by name), so every run plans the same batch. Temporary files left by killed artclean runs are
removed on the way (`files.sweep_temporaries`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase, translate
from pathlib import Path, PurePosixPath

from .files import sweep_temporaries

# Defined in `patterns`, so that --help can quote them without loading this module.
from .patterns import JSONL_PATTERNS as JSONL_PATTERNS
from .patterns import PARQUET_PATTERNS as PARQUET_PATTERNS
from .patterns import RECORD_PATTERNS as RECORD_PATTERNS
from .patterns import TEXT_PATTERNS as TEXT_PATTERNS
from .patterns import WARC_PATTERNS as WARC_PATTERNS


@dataclass(frozen=True, slots=True)
class Source:
    """A file to clean: its path, and where it sits under the directory it was found in."""

    path: Path
    relative: PurePosixPath  # under the directory given; a file given directly: its name
    size: int


@dataclass(frozen=True, slots=True)
class Found:
    sources: tuple[Source, ...]
    problems: tuple[str, ...]  # "path: reason" for what could not be listed or found
    skipped: tuple[str, ...] = ()  # "path: what it is" for special files passed over


def matches(relative: PurePosixPath, patterns: Iterable[str]) -> bool:
    """Whether a path matches a glob: by its name, or by its whole path when the glob has a /.

    Case is ignored: a scrape saved on Windows has "*.TXT" files.
    """
    for pattern in patterns:
        pattern = pattern.lower()
        subject = relative.as_posix() if "/" in pattern else relative.name
        if fnmatchcase(subject.lower(), pattern):
            return True
    return False


def matcher(patterns: Iterable[str]) -> Callable[[str, str], bool]:
    """`matches` compiled once for a walk: a function of a file's name and of its path under
    the directory given (a str, folders joined by /), which needs the path only when a glob
    has a /. One regular expression per kind of glob, not one call per glob and file."""
    lowered = [pattern.lower() for pattern in patterns]
    by_name = _either(pattern for pattern in lowered if "/" not in pattern)
    by_path = _either(pattern for pattern in lowered if "/" in pattern)

    def test(name: str, relative: str) -> bool:
        if by_name is not None and by_name(name.lower()):
            return True
        return by_path is not None and by_path(relative.lower()) is not None

    return test


def _either(patterns: Iterable[str]) -> Callable[[str], re.Match[str] | None] | None:
    found = [translate(pattern) for pattern in patterns]
    return re.compile("|".join(found)).match if found else None


def find_sources(
    paths: Sequence[str],
    include: Sequence[str] = TEXT_PATTERNS,
    exclude: Sequence[str] = (),
    skip: Iterable[Path] = (),
) -> Found:
    """The files under `paths` to clean, with problems reported rather than raised.

    `skip` holds directories never to enter, such as an output directory inside the input.
    """
    skipped = {identity for path in skip if (identity := _identity(path)) is not None}
    sources: list[Source] = []
    problems: list[str] = []
    special: list[str] = []
    given_files: set[int] = set()  # which sources were named, not found in a walk
    for given in paths:
        path = Path(given)
        if path.is_dir():
            _walk(path, include, exclude, skipped, sources, problems, special)
        elif path.exists():
            given_files.add(len(sources))
            sources.append(Source(path, PurePosixPath(path.name), _size(path)))
        else:
            problems.append(f"{given}: no such file or directory")
    return Found(_once(sources, given_files), tuple(problems), tuple(special))


def _once(sources: Sequence[Source], given_files: set[int]) -> tuple[Source, ...]:
    """Each file once, where it was first found (`DIR DIR/sub` names some files twice).
    A file found in a walk is no symbolic link (the walk took regular files only); one named
    in `given_files` (positions in `sources`) may be."""
    seen: set[str] = set()
    unique = []
    real: dict[str, str] = {}  # a folder's real path, resolved once for all its files
    for position, source in enumerate(sources):
        path = str(source.path)
        if position in given_files and os.path.islink(path):
            key = os.path.realpath(path)
        else:  # its real path is its folder's and its name: a lstat, not one per component
            folder, name = os.path.split(path)
            if folder not in real:
                real[folder] = os.path.realpath(folder)
            key = os.path.join(real[folder], name)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return tuple(unique)


def _walk(
    root: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    skipped: set[tuple[int, int]],
    sources: list[Source],
    problems: list[str],
    special: list[str],
) -> None:
    def report(error: OSError) -> None:
        problems.append(f"{error.filename}: cannot list ({error.strerror or error})")

    included, excluded = matcher(include), matcher(exclude)
    for folder, dirnames, filenames in os.walk(root, onerror=report):
        here = Path(folder)
        under = PurePosixPath(here.relative_to(root).as_posix())
        prefix = "" if under.parts == () else f"{under.as_posix()}/"
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".")
            and not (here / name).is_symlink()
            and not excluded(name, prefix + name)
            and _identity(here / name) not in skipped
        )
        sweep_temporaries(here, filenames)
        # Only the files taken become Path objects; the tests before are on strings.
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            relative = prefix + name
            if not included(name, relative) or excluded(name, relative):
                continue
            try:
                status = os.lstat(os.path.join(folder, name))
            except OSError:
                continue  # gone since the directory was listed
            if stat.S_ISREG(status.st_mode):
                sources.append(Source(here / name, under / name, status.st_size))
            elif not stat.S_ISLNK(status.st_mode):
                path = here / name
                special.append(f"{path}: {special_kind(status.st_mode)}, not a regular file")


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, what in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return what
    return "a special file"


def _identity(path: Path) -> tuple[int, int] | None:
    """Device and inode: the same directory however it is spelled."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
