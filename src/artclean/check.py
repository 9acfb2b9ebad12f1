"""`--check`, `--diff` and `--fix`: artclean as a linter and fixer for content repositories.

Shaped like the tools that live in pre-commit: one line per finding in ruff's format
`path:line:col: CODE message` (or JSON, or GitHub Actions annotations), a summary, and an
exit status that ORs the files' results (0 nothing to change, 1 something would change or was
changed, 2 an error). A file is read as bytes and decoded strictly; `--fix` writes it only when
it changes, atomically, and removes whole paragraphs with the blank lines that separated them,
and nothing else: a byte-order mark, line endings, trailing whitespace and the presence or
absence of a final newline stay as they were. A symbolic link named on the command line is
written through, as `--in-place` does; in a directory only regular files are taken, so that no
link leads out of the tree and no FIFO or device is opened. File names are shown with controls
and undecodable bytes escaped (`names.printable`), so a name cannot fake a finding.

Nothing here imports click or rich; the CLI passes in its streams and whether to colour.
"""

from __future__ import annotations

import codecs
import difflib
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import IO, Any

from .config import ConfigError, Settings, SettingsFinder
from .discover import special_kind
from .files import sweep_temporaries
from .markdown import DIRECTIVES, layout
from .names import json_name, printable
from .options import CONTENT_SUFFIXES, MARKDOWN_SUFFIXES, Options
from .reading import MAX_INPUT_BYTES, InputError, read_text_and_bytes
from .result import Result
from .rules import RuleError, Selection, parse_selector
from .segment import is_blank

# The profile of every file in the check modes: these are files people write.
CHECK_PROFILE = "content"

EXIT_CLEAN = 0
EXIT_FOUND = 1
EXIT_ERROR = 2

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_NEWLINE = re.compile(r"\r\n|\r|\n")


class Mode(Enum):
    CHECK = "check"  # report findings
    DIFF = "diff"  # print the patch --fix would apply
    FIX = "fix"  # rewrite the files


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, as a linter reports it."""

    path: str
    line: int
    column: int
    kind: str
    message: str
    code: str = ""  # the rule's code (D001, S101)
    rule: str = ""  # the rule's name (exact, originally-appeared)
    end_line: int = 0  # the paragraph's last line

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of `--output-format json`."""
        return {
            "path": json_name(self.path),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "code": self.code,
            "kind": self.kind,
            "rule": self.rule,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Checked:
    """A document checked: its text before and after fixing, and what was found."""

    path: str
    before: str
    after: str
    problems: tuple[Problem, ...]

    @property
    def changed(self) -> bool:
        return self.after != self.before


@dataclass(frozen=True, slots=True)
class Document:
    """A file's text, and how to write it back as it was encoded."""

    text: str  # without the byte-order mark
    bom: bytes
    codec: str

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


# --- files ------------------------------------------------------------------------------------


def content_files(paths: Iterable[str], skipped: list[str] | None = None) -> Iterator[str]:
    """The files named, and the content files in the directories named.

    In a directory: regular files with one of CONTENT_SUFFIXES (in any case), in WALK_ORDER,
    passing over hidden files and directories (.git, .github, .venv...) and symbolic links.
    What else has a content name (a FIFO, a socket, a device) is never opened: it is added to
    `skipped` as "path: what it is". Temporary files of killed artclean runs are removed on
    the way.
    """
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for root, directories, files in os.walk(path):
            directories[:] = sorted(d for d in directories if not d.startswith("."))
            sweep_temporaries(root, files)
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(CONTENT_SUFFIXES):
                    continue
                found = os.path.join(root, name)
                try:
                    mode = os.lstat(found).st_mode
                except OSError:
                    continue  # gone since the directory was listed
                if stat.S_ISREG(mode):
                    yield found
                elif not stat.S_ISLNK(mode) and skipped is not None:
                    skipped.append(f"{found}: {special_kind(mode)}, not a regular file")


def syntax_for(path: str) -> str:
    """Markdown for .md, .markdown and .mdx files; plain text for everything else."""
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def read_document(
    path: str,
    encoding: str = "utf-8",
    errors: str = "strict",
    limit: int | None = MAX_INPUT_BYTES,
) -> Document:
    """Read a file for checking; InputError (one line naming the file) if it is not text.

    The same one-line errors and size limit (`--max-size`) as every other read."""
    data, text = read_text_and_bytes(path, encoding, errors, limit)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom) and (codec != "utf-8" or _is_utf8(encoding)):
            return Document(text, bom, codec)
    return Document(text, b"", encoding)


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


# --- checking one document (pure) -------------------------------------------------------------


def options_for(
    path: str, settings: Settings | None = None, overrides: Mapping[str, Any] | None = None
) -> Options:
    """The options for one file: the content profile and the syntax its extension says,
    then its configuration, then `overrides` (the options given on the command line)."""
    values: dict[str, Any] = {"profile": CHECK_PROFILE, "syntax": syntax_for(path)}
    values.update((settings or Settings()).option_values())
    overrides = dict(overrides or {})
    if "select" in overrides:  # the command line's selection applies after the file's
        layer = overrides.pop("select")
        values["select"] = values.get("select", Selection()).then(layer)
    values.update(overrides)
    return Options(**values)


# Passes of cleaning in check_text; each removes lines, so few are ever needed.
MAX_PASSES = 10


def check_text(text: str, options: Options, path: str) -> Checked:
    """Find what to remove from one document, and the document without it.

    Removing a paragraph can reveal another finding (a copy that stood between two originals
    hid that a later pair repeats them as a passage), so cleaning is repeated on its own
    output until nothing more is found: what --check reports is all that --fix removes, and a
    second --fix finds nothing. Findings of later passes are reported at their lines in the
    original text.
    """
    from .pipeline import clean

    current = text
    origin = list(range(1, len(_LINE.findall(text)) + 1))  # original number of each line
    found: list[Problem] = []
    for _ in range(MAX_PASSES):
        result = clean(current, options, source=path)
        if not result.removed:
            break
        found.extend(problems(result, path, origin))
        spans = [(r.line, r.line + len(_NEWLINE.findall(r.text))) for r in result.removed]
        current, kept = _without(current, spans)
        origin = [origin[i] for i in kept]
    found.sort(key=lambda problem: (problem.line, problem.column))
    return Checked(path, text, current, tuple(found))


def problems(result: Result, path: str, origin: Sequence[int] | None = None) -> tuple[Problem, ...]:
    """One Problem per removed paragraph; a duplicate names the paragraph it repeats.

    `origin` maps the 1-based lines of the text that was cleaned to the lines of the file.
    """

    def original(line: int) -> int:
        return origin[line - 1] if origin else line

    line_of = {k.index: k.line for k in result.kept}
    line_of.update({r.index: r.line for r in result.removed})
    found = []
    for removal in result.removed:
        message = removal.reason
        if removal.duplicate_of is not None and removal.similarity is not None:
            what = "a truncated teaser of" if removal.rule == "teaser" else "repeats"
            repeats = (
                f"{what} the paragraph at line {original(line_of[removal.duplicate_of])} "
                f"(similarity {removal.similarity:g})"
            )
            if removal.kind == "duplicate":
                message = repeats
            else:  # a finding of another kind that is also a copy: "<reason>; repeats ..."
                message = f"{removal.reason.rsplit('; ', 1)[0]}; {repeats}"
        first_line = _LINE.match(removal.text)
        indent = len(first_line.group()) - len(first_line.group().lstrip()) if first_line else 0
        end_line = original(removal.line + len(_NEWLINE.findall(removal.text.rstrip("\r\n"))))
        found.append(
            Problem(
                path,
                original(removal.line),
                indent + 1,
                removal.kind,
                message,
                removal.code,
                removal.rule,
                end_line,
            )
        )
    return tuple(found)


def remove_lines(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text without the given 1-based line spans, and without the blank lines that only
    separated what was removed. Every other character stays, line endings included.

    A removed block between two kept blocks takes the blank lines after it along; the last
    block takes the ones before it, so the file ends as it did (with or without a newline).
    """
    return _without(text, spans)[0]


def _without(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[int]]:
    """remove_lines, and the 0-based numbers of the lines it kept."""
    lines = _LINE.findall(text)
    if not spans:
        return text, list(range(len(lines)))
    removed = {n - 1 for first, last in spans for n in range(first, last + 1)}
    blank = [is_blank(line.rstrip("\r\n")) for line in lines]
    drop = set(removed)
    for first, last in _runs(removed, blank):
        drop.update(range(first, last + 1))
        before = first - 1
        while before >= 0 and blank[before]:
            before -= 1
        after = last + 1
        while after < len(lines) and blank[after]:
            after += 1
        whole_blocks = (before == -1 or before < first - 1) and (
            after == len(lines) or after > last + 1
        )
        if not whole_blocks:
            continue
        if after == len(lines) and before >= 0:
            drop.update(range(before + 1, first))
        else:
            drop.update(range(last + 1, after))
    kept = [i for i in range(len(lines)) if i not in drop]
    fixed = "".join(lines[i] for i in kept)
    if kept and kept[-1] != len(lines) - 1 and not text.endswith(("\n", "\r")):
        fixed = fixed.removesuffix(_NEWLINE.findall(lines[kept[-1]])[-1])
    return fixed, kept


def _runs(removed: set[int], blank: Sequence[bool]) -> list[tuple[int, int]]:
    """Runs of removed lines (0-based, inclusive) with only blank lines between them."""
    runs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for i, line_is_blank in enumerate(blank):
        if line_is_blank:
            continue
        if i in removed:
            current = (current[0] if current else i, i)
        elif current:
            runs.append(current)
            current = None
    if current:
        runs.append(current)
    return runs


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff, marking a missing final newline. A relative path gets git's a/ and b/
    prefixes, so that `git apply` and `patch -p1` take the patch as it is."""
    shown = printable(path)
    old, new = (shown, shown) if os.path.isabs(path) else (f"a/{shown}", f"b/{shown}")
    lines = difflib.unified_diff(_LINE.findall(before), _LINE.findall(after), old, new)
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def directive_errors(text: str, options: Options) -> list[tuple[int, str]]:
    """`<!-- artclean: ... -->` comments that cannot be obeyed: an unknown name, an `ignore`
    without rule codes or with one that names no rule, codes given to `keep` or `skip-file`."""
    if options.syntax != "markdown" or "artclean:" not in text:
        return []
    errors = []
    for d in layout(text).directives:
        written = " ".join(("artclean:", d.name, *d.arguments))
        if d.name not in DIRECTIVES:
            known = ", ".join(DIRECTIVES)
            errors.append((d.line, f"unknown directive 'artclean: {d.name}' (known: {known})"))
        elif d.name != "ignore" and d.arguments:
            errors.append((d.line, f"'artclean: {d.name}' takes no rule codes ('{written}')"))
        elif d.name == "ignore" and not d.arguments:
            errors.append(
                (d.line, "'artclean: ignore' needs rule codes, e.g. <!-- artclean: ignore S101 -->")
            )
        for argument in d.arguments if d.name == "ignore" else ():
            try:
                parse_selector(argument)
            except RuleError as error:
                errors.append((d.line, f"{error} in '{written}'"))
    return errors


# --- the command ------------------------------------------------------------------------------


_COLOURS = {"path": "1", "kind": "35", "+": "32", "-": "31", "@": "36", "header": "1"}


def _paint(text: str, what: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[what]}m{text}\x1b[0m" if colour else text


OUTPUT_FORMATS = ("text", "json", "github")


def _render_problem(problem: Problem, colour: bool) -> str:
    where = _paint(f"{printable(problem.path)}:{problem.line}:{problem.column}:", "path", colour)
    return f"{where} {_paint(problem.code, 'kind', colour)} {problem.message}"


def github_annotation(problem: Problem) -> str:
    """A finding as a GitHub Actions workflow command, which shows it on the pull request's
    line. Escaped as the Actions toolkit does: in the message %, CR and LF; in a property
    also ":" and "," (which would end the property or the command). Bytes of the path that
    are not UTF-8 are written as \\xNN (`names.json_name`)."""
    title = f"artclean {problem.code} ({problem.kind})"
    properties = ",".join(
        f"{name}={_escape_property(str(value))}"
        for name, value in (
            ("file", json_name(problem.path)),
            ("line", problem.line),
            ("col", problem.column),
            ("title", title),
        )
    )
    return f"::error {properties}::{_escape_data(f'{problem.code} {problem.message}')}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _render_diff(diff: str, colour: bool) -> str:
    if not colour:
        return diff
    out = []
    for line in diff.splitlines(keepends=True):
        if line.startswith(("---", "+++")):
            out.append(_paint(line.rstrip("\r\n"), "header", colour) + "\n")
        elif line[:1] in "+-@":
            out.append(_paint(line.rstrip("\r\n"), line[0], colour) + "\n")
        else:
            out.append(line)
    return "".join(out)


def run(
    paths: Sequence[str],
    modes: frozenset[Mode],
    out: IO[str],
    err: IO[str],
    *,
    overrides: Mapping[str, Any] | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    colour: bool = False,
    summary: bool = True,
    output_format: str = "text",
    limit: int | None = MAX_INPUT_BYTES,
) -> int:
    """Check, diff or fix the files; write findings, diffs and a summary; return the status.

    `summary=False` leaves out the closing line on `err` (errors are still written there).
    `output_format` is how findings are written: text lines, one JSON array (written at the
    end), or GitHub Actions annotations. Files that fail (to be read, or with --fix to be
    written) are reported on `err`, the others go on, and the status is then 2; the summary
    counts as fixed only the files written.
    """
    status = EXIT_CLEAN
    as_json: list[dict[str, Any]] = []
    files = changed = excluded = 0
    kinds: Counter[str] = Counter()
    settings_for = SettingsFinder()
    skipped: list[str] = []
    for path in content_files(paths, skipped):
        for message in skipped:
            err.write(f"artclean: {printable(message)}; skipped\n")
        skipped.clear()
        try:
            settings = settings_for(os.path.dirname(os.path.abspath(path)))
            if not settings.selects(path):
                excluded += 1
                continue
            options = options_for(path, settings, overrides)
            document = read_document(path, encoding, errors, limit)
        except ConfigError as error:
            err.write(f"artclean: error: {printable(str(error))}\n")
            return EXIT_ERROR
        except InputError as error:
            err.write(f"artclean: error: {printable(str(error))}\n")
            status = EXIT_ERROR
            continue
        files += 1
        for line, message in directive_errors(document.text, options):
            err.write(f"{printable(path)}:{line}:1: error: {message}\n")
            status = EXIT_ERROR
        checked = check_text(document.text, options, path)
        if Mode.CHECK in modes or Mode.FIX in modes:
            for problem in checked.problems:
                if output_format == "json":
                    as_json.append(problem.to_dict())
                elif output_format == "github":
                    out.write(github_annotation(problem) + "\n")
                else:
                    out.write(_render_problem(problem, colour) + "\n")
        if not checked.changed:
            continue
        status = max(status, EXIT_FOUND)
        if Mode.DIFF in modes:
            out.write(_render_diff(unified_diff(path, checked.before, checked.after), colour))
        if Mode.FIX in modes:
            from .files import atomic_write

            try:
                # Through a symbolic link named on the command line, as --in-place writes.
                atomic_write(os.path.realpath(path), document.encode(checked.after))
            except OSError as error:
                reason = f"{path}: cannot write ({error.strerror or error})"
                err.write(f"artclean: error: {printable(reason)}\n")
                status = EXIT_ERROR
                continue
        changed += 1
        kinds.update(problem.kind for problem in checked.problems)
    for message in skipped:
        err.write(f"artclean: {printable(message)}; skipped\n")
    if output_format == "json":
        out.write(json.dumps(as_json, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    if summary:
        err.write(_summary(modes, files, changed, excluded, kinds) + "\n")
    return status


def _summary(
    modes: frozenset[Mode], files: int, changed: int, excluded: int, kinds: Counter[str]
) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if changed:
        verb = "fixed" if Mode.FIX in modes else "would fix"
        by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        text = f"artclean: {verb} {changed} of {plural(files, 'file')} (removed: {by_kind})"
    else:
        text = f"artclean: {plural(files, 'file')} checked, nothing to change"
    if excluded:
        text += f"; {excluded} excluded by configuration"
    return text
