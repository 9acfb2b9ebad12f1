"""The `artclean` command: a thin click layer over `artclean.clean`.

`artclean.cli` is its entry point, which answers a bare `artclean` reading a pipe without
it (see `cli_pipe`); `artclean.cli.cli` is this module's click command.

Exit codes: 0 success; 1 --check, --diff or --fix found something to change; 2 usage or input error;
130 interrupted (Ctrl-C); 141 output closed early (as for other Unix filters in a pipe); 143
terminated (SIGTERM).
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .cli_batch import batch_options, run_batch, wants_batch
from .cli_common import (
    EXIT_BROKEN_PIPE,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    InputProblem,
    Interrupted,
    OutputClosed,
    OutputFailed,
    Terminated,
    signals_as_exceptions,
    silence_stdout,
    stdout_text,
)
from .kinds import KINDS
from .patterns import PROFILES, TEXT_PATTERNS, WALK_ORDER
from .reading import MEMORY_FACTOR

MEMORY_FIGURE = f"about {MEMORY_FACTOR[0]} to {MEMORY_FACTOR[1]} times its size"

if TYPE_CHECKING:
    from .result import Result

STDIN_HINT = "artclean: reading from standard input; Ctrl-D to end, --help for usage"
KIND_HELP = "\n".join(f"  {name:<14}{text}" for name, text in KINDS.items())


def _selectors(_context: object, _parameter: object, values: tuple[str, ...]) -> tuple[str, ...]:
    """--select, --extend-select and --ignore: rule selectors, checked (an unknown code is a
    usage error, exit 2)."""
    from .rules import RuleError, parse_selectors

    try:
        return parse_selectors(values)
    except RuleError as error:
        raise click.BadParameter(str(error)) from None


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=f"""\b
Kinds of removal (for --keep):
{KIND_HELP}

\b
Examples:
  cat page.txt | artclean > clean.txt
  artclean page.txt --format json
  artclean page.txt --explain
  artclean page.txt --keep syndication -o clean.txt
  artclean --check posts/          # lint content files (pre-commit)
  artclean --fix posts/a.md        # remove what --check reports
  artclean --check posts/ --extend-select S --output-format github

\b
Batch examples:
  artclean articles/ --in-place
  artclean pages/ --out-dir clean/ --learn-templates
  artclean corpus.jsonl.gz --input-format jsonl -o clean.jsonl
  artclean crawl/ --input-format jsonl --engine dask --out-dir clean/
  artclean CC-MAIN-00000.warc.wet.gz --input-format warc -o clean.jsonl
  artclean fineweb.parquet --input-format parquet -o clean.parquet

\b
Exit status: 0 success, 1 --check/--diff/--fix found something to change,
2 usage or input error, or a failed read or write (the other inputs go on),
130 interrupted, 141 output closed early (e.g. piped into head), 143 terminated.""",
)
# readable=False: an unreadable file is reported when it is read, and the others go on.
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True, readable=False))
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="text: the clean article; json: one object with what was kept and removed and why; "
    "jsonl: one such object per line, one line per input.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write to FILE instead of standard output.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show every paragraph with its decision and the reason (coloured on a terminal).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; report each finding as path:line:col: CODE message. "
    "Exit 1 if any file would change. Directories are searched for "
    f"{' '.join(TEXT_PATTERNS)} files ({WALK_ORDER}).",
)
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change.")
@click.option(
    "--fix",
    is_flag=True,
    help="Rewrite the files without what --check reports; exit 1 if any file changed.",
)
@click.option(
    "-k",
    "--keep",
    "keep",
    multiple=True,
    type=click.Choice(list(KINDS)),
    metavar="KIND",
    help="Keep paragraphs of this kind instead of removing them (repeatable).",
)
@click.option(
    "--select",
    multiple=True,
    callback=_selectors,
    metavar="CODES",
    help="Report only these rules: codes (S101), prefixes (S), kinds (syndication) or ALL, "
    "comma-separated or repeated; replaces the default selection.",
)
@click.option(
    "--extend-select",
    multiple=True,
    callback=_selectors,
    metavar="CODES",
    help="Report these rules as well as those selected.",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_selectors,
    metavar="CODES",
    help="Do not report these rules.",
)
@click.option(
    "--output-format",
    "findings_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    envvar="ARTCLEAN_OUTPUT_FORMAT",
    help="How --check and --fix write findings: path:line:col: CODE message lines, one JSON "
    "array, or GitHub Actions annotations (::error file=...). Also read from "
    "ARTCLEAN_OUTPUT_FORMAT, e.g. set in a CI workflow that runs pre-commit.",
)
@click.option(
    "--profile",
    type=click.Choice(PROFILES),
    help="How to read every input, winning over a configuration file: auto decides per "
    "document whether it is a whole page; page always finds the article among menus; article "
    "uses duplicates and phrase rules only; content is conservative, for written files. "
    "Default: auto, and content for Markdown files (for a crawl saved as Markdown pages, give "
    "auto or page); with --check, --diff and --fix, content or the configuration's profile.",
)
@click.option(
    "--similarity",
    type=click.FloatRange(0, 100, min_open=True),
    callback=lambda _context, _parameter, value: _finite(value),
    default=90.0,
    show_default=True,
    help="rapidfuzz score (0-100] at which two paragraphs count as near-duplicates.",
)
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="Encoding of the input (a UTF-8, UTF-16 or UTF-32 byte-order mark is always honoured).",
)
@click.option(
    "--errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="strict: stop at a byte that is not valid in the encoding; replace: use U+FFFD.",
)
@click.option(
    "--max-size",
    callback=lambda _context, _parameter, value: _byte_size(value),
    default="64M",
    metavar="SIZE",
    show_default=True,
    help="Refuse an input larger than SIZE (e.g. 512K, 64M, 2G; 0 for no limit); with "
    "--input-format jsonl, warc or parquet, each record larger than SIZE is reported and left "
    "out. Each "
    f"input is cleaned in memory, which takes {MEMORY_FIGURE}.",
)
@batch_options
@click.version_option(__version__, "-V", "--version", prog_name="artclean")
def cli(
    paths: tuple[str, ...],
    output_format: str,
    output: str,
    explain: bool,
    check: bool,
    diff: bool,
    fix: bool,
    keep: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    findings_format: str,
    profile: str | None,
    similarity: float,
    encoding: str,
    errors: str,
    max_size: int,
    **batch: Any,
) -> int:
    """Clean scraped article text.

    Reads each PATH (a file, or - for standard input; standard input when none is given),
    splits off near-duplicate paragraphs and boilerplate (syndication notes, related-link
    lists, navigation, share, newsletter, cookie, advertising and copyright lines) and writes
    the clean text to standard output.

    Given directories, --out-dir or --in-place, cleans a batch of files on every core;
    with --input-format jsonl, a stream of JSON records (see Batch examples below).
    """
    if check or diff or fix:
        _check_files(paths, check=check, diff=diff, fix=fix, limit=max_size or None)
    if _given("findings_format"):
        raise InputProblem("--output-format applies to --check and --fix; use --format here")
    from .options import Options
    from .rules import Layer, Selection

    rules = Layer(select or None, extend_select, ignore)
    options = Options(similarity=similarity, keep=frozenset(keep), select=Selection().then(rules))
    if profile is not None:
        options = options.but(profile=profile, markdown_profile=profile)
    sources = list(paths) or ["-"]
    if "-" in sources and sys.stdin is not None and sys.stdin.isatty():
        # Otherwise someone who typed `artclean` to see what it does waits on a silent terminal.
        click.echo(STDIN_HINT, err=True)
    if wants_batch(sources, batch):
        return run_batch(
            sources,
            options,
            output_format=output_format,
            output=output,
            explain=explain,
            encoding=encoding,
            errors=errors,
            settings=batch,
            limit=max_size or None,
        )
    if output_format == "json" and len(sources) > 1 and not explain:
        raise InputProblem("--format json writes one object; use --format jsonl for several inputs")
    failed: list[str] = []
    with _open_output(output) as stream:
        for source, text in _read_all(sources, encoding, errors, max_size or None, failed):
            result = _clean(text, options, source)
            if explain:
                from .explain import render_explanation

                render_explanation(result, stream)
            elif output_format == "text":
                stream.write(result.text)
            else:
                indent = 2 if output_format == "json" else None
                import json  # here, not at the top: only --format json needs it

                stream.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent))
                stream.write("\n")
            stream.flush()
        if failed and output != "-":  # -o FILE is all or nothing: it keeps the last good run
            raise InputProblem(f"{output}: not written, since {failed[0]} could not be read")
    if failed:
        click.get_current_context().exit(EXIT_ERROR)  # so that CliRunner sees 2 too
    return EXIT_OK


def _given(name: str) -> bool:
    """Whether an option was given on the command line (not by default or environment)."""
    context = click.get_current_context()
    return context.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE


def _finite(value: float) -> float:
    """FloatRange lets NaN through: every comparison with it is false."""
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number in the range 0<x<=100.")
    return value


_UNITS = {"": 0, "K": 10, "M": 20, "G": 30, "T": 40}


def _byte_size(value: str) -> int:
    """A size in bytes, written as 1048576, 512K, 64M or 2G (binary units); 0 means none."""
    text = value.strip().upper().removesuffix("IB").removesuffix("B")
    unit = text[-1:] if text[-1:] in _UNITS else ""
    try:
        size = float(text[: len(text) - len(unit)])
    except ValueError:
        size = -1.0
    if not 0 <= size < 1e18:
        raise click.BadParameter(f"{value!r} is not a size such as 1048576, 512K, 64M or 2G.")
    return int(size * (1 << _UNITS[unit]))


def _clean(text: str, options: Any, source: str) -> Result:
    from .pipeline import clean

    return clean(text, options.for_file(source), source=None if source == "-" else source)


def _check_files(
    paths: Sequence[str], *, check: bool, diff: bool, fix: bool, limit: int | None
) -> NoReturn:
    """--check, --diff and --fix: settings from configuration files, the command line winning."""
    from .check import Mode, run

    context = click.get_current_context()
    given = {
        name
        for name in context.params
        if context.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE
    }
    for name in ("output_format", "output", "explain"):
        if name in given:
            option = "--" + name.removeprefix("output_")
            raise InputProblem(f"{option} cannot be used with --check, --diff or --fix")
    if check and fix:
        raise InputProblem("--check and --fix exclude each other (--check only reports)")
    if not paths or "-" in paths:
        raise InputProblem("--check, --diff and --fix need files or directories, not stdin")
    if fix and context.params["errors"] == "replace":
        raise InputProblem("--fix cannot be used with --errors replace (it would write U+FFFD)")
    overrides: dict[str, Any] = {}
    if "similarity" in given:
        overrides["similarity"] = context.params["similarity"]
    if "keep" in given:
        overrides["keep"] = frozenset(context.params["keep"])
    if "profile" in given:
        overrides["profile"] = context.params["profile"]
    if given & {"select", "extend_select", "ignore"}:
        from .rules import Layer

        params = context.params
        overrides["select"] = Layer(
            params["select"] or None, params["extend_select"], params["ignore"]
        )
    findings_format = context.params["findings_format"]
    if diff and findings_format != "text" and "findings_format" in given:
        raise InputProblem(f"--output-format {findings_format} cannot be used with --diff")
    modes = {Mode.CHECK} if check else set()
    modes |= {Mode.DIFF} if diff else set()
    modes |= {Mode.FIX} if fix else set()
    colour = sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    with stdout_text() as out:
        status = run(
            paths,
            frozenset(modes),
            out,
            sys.stderr,
            overrides=overrides,
            encoding=context.params["encoding"],
            errors=context.params["errors"],
            colour=colour and findings_format == "text",
            # pre-commit sets PRE_COMMIT=1 and splits the files among several processes: a
            # summary from each would read as contradicting the next ("would fix 1 of 4
            # files" above "1 file checked, nothing to change"), so there the findings speak
            # for themselves.
            summary="PRE_COMMIT" not in os.environ,
            output_format=findings_format,
            limit=limit,
        )
    context.exit(status)  # an exit, not a return value, so that CliRunner sees 1 and 2 too


def _read_all(
    sources: Sequence[str], encoding: str, errors: str, limit: int | None, failed: list[str]
) -> Iterator[tuple[str, str]]:
    """The text of each input. One that cannot be read is reported on stderr and added to
    `failed`, and the others go on, as `cat` does; one input alone is a usage error."""
    from .names import printable
    from .reading import InputError, read_file, read_stream

    for source in sources:
        try:
            if source == "-":
                text = read_stream(sys.stdin.buffer, "<stdin>", encoding, errors, limit)
            else:
                text = read_file(source, encoding, errors, limit)
        except InputError as error:
            if len(sources) == 1:
                raise InputProblem(str(error)) from None  # printed escaped, as every error
            click.echo(f"artclean: error: {printable(str(error))}", err=True)
            failed.append(source)
            continue
        yield source, text


@contextlib.contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    """UTF-8 text to stdout, or to a file that appears only when the run succeeds."""
    if path == "-":
        with stdout_text() as stdout:
            yield stdout
        return
    from .files import atomic_open

    try:
        context = atomic_open(path)
        stream = context.__enter__()
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        yield stream
    except OSError as error:
        context.__exit__(*sys.exc_info())  # removes the temporary file
        raise _cannot_write(path, error) from None
    except BaseException:
        context.__exit__(*sys.exc_info())
        raise
    try:
        context.__exit__(None, None, None)  # flush, fsync and rename can fail too
    except OSError as error:
        raise _cannot_write(path, error) from None


def _cannot_write(where: str, error: OSError) -> InputProblem:
    return InputProblem(f"{where}: cannot write ({error.strerror or error})")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status instead of exiting (for tests and embedding)."""
    with signals_as_exceptions():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    try:
        status = cli.main(args=argv, prog_name="artclean", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.UsageError as problem:
        hint = f" (see {problem.ctx.command_path} --help)" if problem.ctx else ""
        message = problem.format_message().rstrip(".")
        click.echo(f"artclean: error: {message}{hint}", err=True)
        return problem.exit_code
    except click.ClickException as problem:
        problem.show()
        return problem.exit_code
    except (Interrupted, KeyboardInterrupt, click.exceptions.Abort):
        click.echo("artclean: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Terminated:
        click.echo("artclean: terminated", err=True)
        return EXIT_TERMINATED
    except (BrokenPipeError, OutputClosed):
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except OutputFailed as error:
        # What could not be written cannot be flushed at exit either.
        silence_stdout()
        click.echo(f"artclean: error: {error}", err=True)
        return EXIT_ERROR
    try:
        if sys.stdout is not None:  # None when started with stdout closed
            sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
    return status if isinstance(status, int) else EXIT_OK
