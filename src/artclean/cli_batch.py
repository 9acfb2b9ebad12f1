"""The command line of batch cleaning: directories, --in-place, --out-dir, record streams
(JSONL, WARC/WET, Parquet).

`cli_command.py` applies the option bundle `batch_options` and hands over to `run_batch` when
`wants_batch` says so, so the one-document command stays as it was. The work itself is in
the library (`batch.py`, `jsonl.py`); this module checks the options, shows progress and
the summary, and turns what happened into an exit status: 2 when any file or line failed.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeVar

import click

# Only what declaring the options needs is imported here: `cli_command` imports this for
# every run, and a single document needs none of the batch machinery (see `run_batch`).
from .cli_common import EXIT_ERROR, EXIT_OK, InputProblem, OutputFailed, stdout_bytes
from .patterns import JSONL_PATTERNS, PARQUET_PATTERNS, TEXT_PATTERNS, WALK_ORDER, WARC_PATTERNS

if TYPE_CHECKING:
    from .cli_request import BatchRequest
    from .jsonl import RecordJob
    from .options import Options
    from .progress import Display
    from .tally import Tally
    from .templates import TemplateTable

    class _StreamOutcome(Protocol):
        """A cleaned batch of records, whatever their input format."""

        @property
        def output(self) -> bytes: ...  # JSONL lines, each ending in a line feed
        @property
        def problems(self) -> tuple[str, ...]: ...
        @property
        def tally(self) -> Tally: ...


Command = TypeVar("Command", bound=Callable[..., Any])
# Where the JSONL lines of cleaned records go: a stream, or the rows of a Parquet file.
_Write = Callable[[bytes], object]
RECORD_FORMATS = ("jsonl", "warc", "parquet")
# The optional library each record format needs, and how to install it.
_EXTRAS = {"warc": "FastWARC", "parquet": "pyarrow"}

_OPTIONS = [
    click.option(
        "--out-dir",
        type=click.Path(file_okay=False),
        metavar="DIR",
        help="Clean every file into DIR under the same relative path (directories mirrored).",
    ),
    click.option(
        "--in-place", is_flag=True, help="Rewrite each file that changes with its clean text."
    ),
    click.option(
        "--include",
        multiple=True,
        metavar="GLOB",
        help="Files to clean inside directories (repeatable; replaces the default patterns: "
        f"{' '.join(TEXT_PATTERNS)}, or {' '.join(JSONL_PATTERNS)} for JSONL, "
        f"{' '.join(WARC_PATTERNS)} for WARC, {' '.join(PARQUET_PATTERNS)} for Parquet). "
        "A GLOB with a / matches the path under the directory, otherwise the file name. "
        f"Order: {WALK_ORDER}.",
    ),
    click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="Files and directories to leave out (repeatable).",
    ),
    click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        metavar="N",
        help="Worker processes; the output is the same for any N.  [default: all cores]",
    ),
    click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on stderr."),
    click.option(
        "--input-format",
        type=click.Choice(["text", *RECORD_FORMATS]),
        default="text",
        show_default=True,
        help="jsonl: one JSON record per line (gzip read transparently); the text field is "
        "cleaned, other fields pass through. warc: WARC/WET files (Common Crawl), text records "
        "out as JSONL, or as Parquet with -o FILE.parquet or --out-dir DIR "
        "(needs pip install 'artclean[warc]'). parquet: the text column cleaned, "
        "every column kept; -o FILE.parquet or --out-dir DIR writes Parquet "
        "(needs pip install 'artclean[parquet]').",
    ),
    click.option(
        "--text-field",
        default="text",
        show_default=True,
        metavar="NAME",
        help="The field of a JSONL record (or column of a Parquet file) that holds the text.",
    ),
    click.option(
        "--on-bad-line",
        type=click.Choice(["pass", "skip"]),
        default="pass",
        show_default=True,
        help="A JSONL line that is not a record with a text field is reported, then passed "
        "through untouched or skipped (a record over --max-size is always left out).",
    ),
    click.option(
        "--learn-templates",
        is_flag=True,
        help="First count paragraphs across the batch; remove those in many documents of one "
        "site (directory, or JSONL domain) as kind 'template'.",
    ),
    click.option(
        "--template-min-docs",
        type=click.IntRange(min=2),
        metavar="N",
        help="Documents of one site a paragraph must be in to be a template.  [default: 5]",
    ),
    click.option(
        "--site-field",
        metavar="NAME",
        help="JSONL field naming a record's site for --learn-templates.  "
        "[default: domain, else the host of url]",
    ),
    click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="dask: clean a corpus of records (--input-format jsonl, warc or parquet) on a "
        "Dask cluster into part files in --out-dir (needs pip install 'artclean[dask]').",
    ),
    click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="The Dask scheduler to use, e.g. tcp://host:8786.  "
        "[default: a local cluster on this machine's cores]",
    ),
    click.option(
        "--part-format",
        type=click.Choice(["jsonl", "parquet"]),
        help="The format of the part files --engine dask writes: WARC records go to jsonl "
        "or parquet parts.  [default: the input's; jsonl for WARC]",
    ),
]


def batch_options(command: Command) -> Command:
    """Add the batch options to a click command."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def wants_batch(sources: Sequence[str], settings: Mapping[str, Any]) -> bool:
    """Whether the command line asks for a batch rather than one document at a time."""
    return bool(
        settings.get("out_dir")
        or settings.get("in_place")
        or settings.get("input_format") in RECORD_FORMATS
        or settings.get("learn_templates")
        or settings.get("engine") == "dask"
        or settings.get("scheduler")
        or settings.get("part_format")
        or any(source != "-" and os.path.isdir(source) for source in sources)
    )


def run_batch(
    sources: Sequence[str],
    options: Options,
    *,
    output_format: str,
    output: str,
    explain: bool,
    encoding: str,
    errors: str,
    settings: Mapping[str, Any],
    limit: int | None = None,
) -> int:
    """Check the options, run the batch, print the summary; return the exit status."""
    from .cli_request import BatchRequest, BatchSettings
    from .progress import Display, render_summary, stderr_console

    batch = BatchSettings(**settings)
    request = BatchRequest(sources, options, batch, output_format, output, encoding, errors, limit)
    if batch.input_format == "parquet":
        _arrow_allocator()
    problem = _misuse(request, explain)
    if problem:
        raise InputProblem(problem)
    unit = "records" if batch.input_format in RECORD_FORMATS else "files"
    console = stderr_console()
    with Display(console, unit=unit, show_bar=not batch.quiet) as display:
        runners = {"jsonl": _run_jsonl, "warc": _run_warc, "parquet": _run_parquet}
        run = runners.get(batch.input_format, _run_files)
        if batch.engine == "dask":
            from .cli_dask import run_dask as run
        from .parallel import WorkerLost

        try:
            tally = run(request, display)
        except WorkerLost as error:  # in a pass that cannot report it per file
            raise InputProblem(str(error)) from None
    if not batch.quiet:
        render_summary(console, tally, unit=unit, seconds=display.elapsed())
    return EXIT_ERROR if tally.failed else EXIT_OK


def _arrow_allocator() -> None:
    """Arrow's memory from malloc, which gives freed memory back to the system, for a run
    that streams Parquet row groups: its default (mimalloc) keeps what a row group took, and
    the peak is about a quarter higher. Only before pyarrow is first imported (it reads the
    choice then), and not over the user's own ARROW_DEFAULT_MEMORY_POOL."""
    if "pyarrow" not in sys.modules:
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def _misuse(request: BatchRequest, explain: bool) -> str | None:
    """What is wrong with the combination of options, if anything, and what to do instead."""
    batch, sources, output_format = request.batch, request.sources, request.output_format
    if batch.engine == "dask" or batch.scheduler is not None or batch.part_format is not None:
        from .cli_dask import misuse

        return misuse(request, explain)
    writes_files = batch.out_dir is not None or batch.in_place
    try:
        encoding = codecs.lookup(request.encoding).name
    except LookupError:
        return f"unknown encoding {request.encoding!r}"
    if batch.out_dir is not None and batch.in_place:
        return "--out-dir and --in-place exclude each other: choose where the clean text goes"
    if explain:
        return "--explain shows one document at a time; use --format json for a batch"
    if writes_files and request.output != "-":
        return "-o/--output writes one stream; with --out-dir or --in-place files are written"
    if batch.template_min_docs is not None and not batch.learn_templates:
        return "--template-min-docs sets a threshold for --learn-templates; add that option"
    if batch.input_format == "jsonl":
        if encoding != "utf-8":
            return "JSONL is UTF-8 by definition; --encoding applies to text input"
        if writes_files:
            return "JSONL input is cleaned into one stream: use -o FILE instead"
        if batch.learn_templates and "-" in sources:
            return "--learn-templates reads the input twice, so it needs files, not stdin"
        return None
    if batch.input_format in _EXTRAS:
        return _corpus_misuse(request, encoding, writes_files)
    if batch.site_field is not None:
        return "--site-field names a field of JSONL records; add --input-format jsonl"
    if "-" in sources:
        return "standard input cannot be part of a batch of files; give file names"
    if batch.in_place and output_format != "text":
        return "--in-place writes clean text; use --out-dir DIR for --format json files"
    if batch.out_dir is not None and output_format == "jsonl":
        return (
            "--format jsonl writes one stream: drop --out-dir to get it on stdout, "
            "or use --format json for one JSON file per input"
        )
    if not writes_files and output_format != "jsonl":
        folders = [source for source in sources if os.path.isdir(source)]
        what = f"{folders[0]} is a directory" if folders else "a batch writes files"
        return (
            f"{what}: give --out-dir DIR or --in-place, "
            "or --format jsonl for one JSON line per file"
        )
    return None


def _run_files(request: BatchRequest, display: Display) -> Tally:
    from dataclasses import replace

    from .batch import FileJob, clean_files, collisions, learn_templates, plan, settle
    from .discover import find_sources
    from .parallel import WorkerLost
    from .tally import Tally, failure

    batch = request.batch
    if batch.out_dir is not None:
        try:
            Path(batch.out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputProblem(f"{batch.out_dir}: cannot create ({error.strerror})") from None
    if request.jobs > 1 and any(os.path.isdir(source) for source in request.sources):
        from .parallel import start_early

        start_early()  # its workers' start overlaps the walk of the directories
    skip = [Path(batch.out_dir)] if batch.out_dir is not None else []
    found = find_sources(request.sources, batch.include or TEXT_PATTERNS, batch.exclude, skip)
    tasks = plan(found.sources, out_dir=batch.out_dir, output=request.output_format)
    clash = collisions(tasks)
    if clash:
        first, second = clash[0]
        raise InputProblem(
            f"{first.source} and {second.source} would both be written to {first.target}; "
            "clean them in separate runs"
        )
    tally = Tally()
    for message in found.problems:
        display.problem(message)
        tally += failure()
    for message in found.skipped:
        display.problem(f"{message}; skipped")
    jobs = request.jobs
    job = FileJob(
        request.options,
        request.output_format,
        request.encoding,
        request.errors,
        limit=request.limit,
    )
    total = sum(task.size for task in tasks)
    if batch.learn_templates:
        display.stage("learning", documents=len(tasks), total_bytes=total)
        table = learn_templates(
            tasks,
            job,
            jobs,
            min_docs=request.min_docs,
            on_file=lambda task: display.advance(1, task.size),
        )
        job = replace(job, templates=table)
    display.stage("cleaning", documents=len(tasks), total_bytes=total)
    done = 0
    with _open_stream(request.output if request.output_format == "jsonl" else None) as stream:
        try:
            for outcome in clean_files(tasks, job, jobs):
                done += 1
                tally += outcome.tally
                display.advance(1, outcome.task.size)
                if outcome.problem is not None:
                    display.problem(outcome.problem)
                if stream is not None and outcome.line is not None:
                    stream.write(outcome.line.encode() + b"\n")
                    stream.flush()
        except WorkerLost as error:
            lost = len(tasks) - done
            display.problem(f"{error}; {lost} of {len(tasks)} files not cleaned or not reported")
            tally += Tally(failed=lost)
    if batch.out_dir is not None:
        try:
            settle(tasks)
        except OSError as error:
            display.problem(f"{batch.out_dir}: cannot write ({error.strerror or error})")
            tally += failure()
    return tally


def _learned(
    request: BatchRequest,
    display: Display,
    paths: Sequence[str],
    learn: Callable[..., TemplateTable],
) -> RecordJob:
    """How each record is cleaned, with the site templates of a first pass over `paths` when
    --learn-templates asks for them (`learn` is the input format's own first pass)."""
    from dataclasses import replace

    from .cli_request import record_job

    job = record_job(request)
    if request.batch.learn_templates:
        display.stage("learning", documents=None, total_bytes=None)
        table = learn(paths, job, request.jobs, min_docs=request.min_docs)
        job = replace(job, templates=table)
    return job


def _run_jsonl(request: BatchRequest, display: Display) -> Tally:
    from .cli_request import jsonl_paths, plain_size
    from .jsonl import clean_stream, learn_templates, line_batches, open_records

    paths, tally = jsonl_paths(request, display)
    job = _learned(request, display, paths, learn_templates)
    display.stage("cleaning", documents=None, total_bytes=plain_size(paths))

    @contextlib.contextmanager
    def cleaned(path: str, name: str) -> Iterator[Iterator[tuple[_StreamOutcome, int]]]:
        # Closed here, not when the interpreter collects it: a write error's traceback keeps
        # the workers' generator alive until exit, when their pipes are already gone.
        with open_records(path) as records:
            batches = line_batches(records, name, limit=job.limit)
            with contextlib.closing(clean_stream(batches, job, request.jobs)) as outcomes:
                yield ((outcome, outcome.tally.bytes_in) for outcome in outcomes)

    return tally + _stream_records(request, display, paths, cleaned)


def _stream_records(
    request: BatchRequest,
    display: Display,
    paths: Sequence[str],
    cleaned: Callable[
        [str, str], contextlib.AbstractContextManager[Iterable[tuple[_StreamOutcome, int]]]
    ],
    sink: Callable[[str], contextlib.AbstractContextManager[_Write]] | None = None,
) -> Tally:
    """Write the cleaned records of each input, in order: into one JSONL stream, or through
    `sink(path)`, which opens where the JSONL lines of one input go (a Parquet file).

    `cleaned(path, name)` opens an input and gives its outcomes, each with the bytes of
    input it stands for. An input that cannot be read, and one whose worker dies,
    is reported in one line and counted as failed: the records written so far stand, the rest
    of that input is not cleaned, and the next input gets a new pool."""
    from .parallel import WorkerLost
    from .reading import InputError
    from .tally import Tally, failure

    tally = Tally()
    with contextlib.ExitStack() as outputs:
        if sink is None:
            stream = outputs.enter_context(_open_stream(request.output))
            assert stream is not None

            def write(lines: bytes) -> None:
                stream.write(lines)
                stream.flush()

            def shared(_path: str) -> contextlib.AbstractContextManager[_Write]:
                return contextlib.nullcontext(write)

            sink = shared
        for path in paths:
            name = "<stdin>" if path == "-" else path
            stopped: Exception | None = None
            try:
                with cleaned(path, name) as outcomes, sink(path) as into:
                    try:
                        for outcome, size in outcomes:
                            into(outcome.output)
                            tally += outcome.tally
                            display.advance(outcome.tally.seen, size)
                            for message in outcome.problems:
                                display.problem(message)
                    except (InputError, WorkerLost) as error:  # the output keeps what came
                        stopped = error
            except (InputError, WorkerLost) as error:  # before; or it cannot be opened
                stopped = error
            if stopped is not None:
                lost = isinstance(stopped, WorkerLost)
                rest = "; the rest of this input was not cleaned"
                display.problem(f"{name}: {stopped}{rest}" if lost else str(stopped))
                tally += failure()
    return tally


def missing_extra(input_format: str) -> str | None:
    """The one-line error when the library `input_format` needs is not installed."""
    name = _EXTRAS[input_format]
    try:
        __import__(f"artclean.{input_format}")
    except ImportError:
        return f"--input-format {input_format} needs {name}: pip install 'artclean[{input_format}]'"
    return None


def _corpus_misuse(request: BatchRequest, encoding: str, writes_files: bool) -> str | None:
    """What is wrong with the options for WARC or Parquet input, if anything."""
    batch, sources = request.batch, request.sources
    name = "WARC" if batch.input_format == "warc" else "Parquet"
    if encoding != "utf-8":
        return f"{name} text is read as UTF-8; --encoding applies to text input"
    if batch.input_format == "warc":
        if batch.in_place:
            return "WARC records are cleaned into JSONL or Parquet: use -o FILE or --out-dir DIR"
        if batch.out_dir is not None and "-" in sources:
            return "standard input has no name to write under --out-dir: use -o FILE.parquet"
        if batch.learn_templates and "-" in sources:
            return "--learn-templates reads the input twice, so it needs files, not stdin"
        if _parquet_out(request):
            return missing_extra("warc") or missing_extra("parquet")
    else:
        if "-" in sources:
            return "Parquet is read from its footer, at the end of a file: give files, not stdin"
        if batch.in_place:
            return (
                "--in-place rewrites text files; write Parquet to -o FILE.parquet or --out-dir DIR"
            )
    return missing_extra(batch.input_format)


def _run_warc(request: BatchRequest, display: Display) -> Tally:
    """WARC/WET files into one JSONL stream, or as Parquet (see `_parquet_out`): one file
    for -o FILE.parquet, or each input into its own under --out-dir (its WARC suffixes
    replaced by .parquet), the records as columns url, id, date, the text and with --format
    json the artclean result as JSON."""
    from .cli_request import file_size, jsonl_paths
    from .warc import clean_stream, learn_templates, open_warc, warc_batches

    paths, tally = jsonl_paths(request, display)
    job = _learned(request, display, paths, learn_templates)
    display.stage("cleaning", documents=None, total_bytes=file_size(paths))

    def advancing(outcomes: Iterator[Any]) -> Iterator[tuple[_StreamOutcome, int]]:
        read = 0  # how far into the (compressed) file the outcomes so far reach
        for outcome in outcomes:
            yield outcome, outcome.consumed - read
            read = outcome.consumed

    @contextlib.contextmanager
    def cleaned(path: str, name: str) -> Iterator[Iterator[tuple[_StreamOutcome, int]]]:
        with open_warc(path) as records:
            batches = warc_batches(records, name)
            with contextlib.closing(clean_stream(batches, job, request.jobs)) as outcomes:
                yield advancing(outcomes)

    if not _parquet_out(request):
        return tally + _stream_records(request, display, paths, cleaned)
    from .parquet import parquet_sink, records_schema, records_table

    schema = records_schema(job.text_field, job.with_result)
    targets = _parquet_targets(request, paths, suffix=_warc_as_parquet)

    def rows(sink: Any) -> _Write:
        return lambda lines: sink.add(records_table(lines, schema), False)

    if targets is None:
        with _writable(parquet_sink, request.output, schema) as shared:
            into = rows(shared)
            return tally + _stream_records(
                request, display, paths, cleaned, lambda _path: contextlib.nullcontext(into)
            )

    @contextlib.contextmanager
    def own(path: str) -> Iterator[_Write]:
        with _writable(parquet_sink, _made(targets[path]), schema) as sink:
            yield rows(sink)

    return tally + _stream_records(request, display, paths, cleaned, own)


def _parquet_out(request: BatchRequest) -> bool:
    """Whether WARC records go to Parquet: -o FILE.parquet, or a file per input (--out-dir)."""
    return request.batch.out_dir is not None or request.output.endswith(".parquet")


def _warc_as_parquet(relative: Path) -> Path:
    """crawl/CC-MAIN-…-00000.warc.wet.gz -> crawl/CC-MAIN-…-00000.parquet"""
    name = relative.name
    for suffix in (".gz", ".wet", ".warc"):
        name = name.removesuffix(suffix)
    return relative.with_name(f"{name}.parquet")


def _run_parquet(request: BatchRequest, display: Display) -> Tally:
    """Parquet files into one stream (JSONL, or Parquet for -o FILE.parquet), or each into
    its own Parquet file under --out-dir."""
    from .cli_request import file_size, jsonl_paths
    from .parquet import jsonl_lines, learn_templates, open_parquet, output_schema, parquet_sink
    from .reading import InputError
    from .tally import failure

    paths, tally = jsonl_paths(request, display)
    job = _learned(request, display, paths, learn_templates)
    display.stage("cleaning", documents=None, total_bytes=file_size(paths))
    targets = _parquet_targets(request, paths)
    one_file = targets is None and request.output.endswith(".parquet")
    with contextlib.ExitStack() as outputs:
        stream = None
        if targets is None and not one_file:
            stream = outputs.enter_context(_open_stream(request.output))
        shared: list[tuple[str, Any, Any]] = []  # -o FILE.parquet: first input, schema, sink
        for path in paths:
            try:
                file = open_parquet(path, job.text_field)
                schema = output_schema(file.schema_arrow, job.with_result)
                run = partial(_clean_parquet, file, path, job, request.jobs, display)
                if stream is not None:
                    tally += run(lambda table, _: stream.write(jsonl_lines(table)))
                elif targets is not None:
                    like = partial(parquet_sink, like=file)
                    with _writable(like, _made(targets[path]), schema) as sink:
                        tally += run(sink.add)
                else:
                    if not shared:
                        sink = outputs.enter_context(
                            _writable(partial(parquet_sink, like=file), request.output, schema)
                        )
                        shared.append((path, schema, sink))
                    first, wanted, sink = shared[0]
                    if not schema.equals(wanted, check_metadata=False):
                        raise InputError(
                            f"{path}: its columns differ from those of {first}, so it cannot "
                            "join the same Parquet file; use --out-dir DIR for one per input"
                        )
                    tally += run(sink.add)
            except InputError as error:
                display.problem(str(error))
                tally += failure()
    return tally


def _clean_parquet(
    file: Any,
    path: str,
    job: RecordJob,
    jobs: int,
    display: Display,
    write: Callable[[Any, bool], object],
) -> Tally:
    """Clean one Parquet file, handing each cleaned slice to `write`, with whether it ends
    a row group of the input."""
    from .parquet import clean_file
    from .tally import Tally

    tally = Tally()
    size = os.path.getsize(path)
    groups = max(file.num_row_groups, 1)
    for table, outcome in clean_file(file, path, job, jobs):
        tally += outcome.tally
        write(table, outcome.last)
        display.advance(outcome.tally.seen, size // groups if outcome.last else 0)
        for message in outcome.problems:
            display.problem(message)
    return tally


def _writable(open_sink: Callable[..., Any], path: str | Path, schema: Any) -> Any:
    """A Parquet output opened, or the one-line error when it cannot be created."""
    try:
        return open_sink(path, schema)
    except OSError as error:
        raise InputProblem(f"{path}: cannot write ({error.strerror or error})") from None


def _made(target: Path) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputProblem(f"{target.parent}: cannot create ({error.strerror})") from None
    return target


def _parquet_targets(
    request: BatchRequest,
    paths: Sequence[str],
    suffix: Callable[[Path], Path] = lambda relative: relative,
) -> dict[str, Path] | None:
    """With --out-dir, each input's output file: the same path under DIR as under the
    directory it was found in (a file named directly: its name), renamed by `suffix`."""
    out_dir = request.batch.out_dir
    if out_dir is None:
        return None
    targets: dict[str, Path] = {}
    seen: dict[Path, str] = {}
    for path in paths:
        root = next(
            (Path(source) for source in request.sources if _under(Path(path), Path(source))),
            None,
        )
        relative = Path(path).relative_to(root) if root is not None else Path(Path(path).name)
        target = Path(out_dir) / suffix(relative)
        if target in seen:
            raise InputProblem(
                f"{seen[target]} and {path} would both be written to {target}; "
                "clean them in separate runs"
            )
        seen[target] = path
        targets[path] = target
    return targets


def _under(path: Path, source: Path) -> bool:
    return source.is_dir() and path.is_relative_to(source)


@contextlib.contextmanager
def _open_stream(path: str | None) -> Iterator[IO[bytes] | None]:
    """Binary output: stdout, or FILE written atomically (gzip-compressed for a .gz name).

    A write that fails (a full disk, `ulimit -f`) raises `OutputFailed`, one line naming
    FILE, and leaves FILE as it was; on stdout a lost reader raises `OutputClosed`."""
    if path is None:
        yield None
        return
    if path == "-":
        with stdout_bytes() as stdout:
            yield stdout
        return
    import gzip

    from .files import atomic_binary_open

    try:
        context = atomic_binary_open(path)
        stream = context.__enter__()
    except OSError as error:
        raise InputProblem(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        if path.endswith(".gz"):
            with gzip.GzipFile(fileobj=_Reported(stream, path), mode="wb", mtime=0) as packed:
                yield _Reported(packed, path)  # type: ignore[misc]
        else:
            yield _Reported(stream, path)  # type: ignore[misc]
    except BaseException:
        with contextlib.suppress(OSError):  # the first failure is the one to report
            context.__exit__(*sys.exc_info())  # removes the temporary file
        raise
    try:
        context.__exit__(None, None, None)  # flush, fsync and rename can fail too
    except OSError as error:
        raise OutputFailed(path, error) from None


class _Reported:
    """A binary stream whose failed writes raise `OutputFailed` naming `where`: no OSError,
    which a caller could take for a failed read."""

    def __init__(self, stream: IO[bytes] | io.BufferedIOBase, where: str) -> None:
        self._stream = stream
        self._where = where

    def write(self, data: bytes) -> int:
        try:
            return self._stream.write(data)
        except OSError as error:
            raise OutputFailed(self._where, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputFailed(self._where, error) from None
