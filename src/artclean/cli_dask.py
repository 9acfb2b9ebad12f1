"""`artclean --engine dask`: a corpus of records (JSONL, WARC/WET, Parquet) cleaned on a
Dask cluster, into part files.

`cli_batch.py` hands over here when `--engine dask` is given. The records are cleaned by the
same settings (`cli_request.record_job`) and the same files (`cli_request.jsonl_paths`) as the
local JSONL stream, by `artclean.dask.clean_jsonl`; this module checks the options, finds or
starts the cluster, and shows progress. Without `--scheduler` a local cluster of worker
processes runs on this machine's cores (`--jobs`).
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import signal
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from . import __version__
from .cli_common import InputProblem
from .cli_request import jsonl_paths, plain_size, record_job

if TYPE_CHECKING:
    from distributed import Client

    from .cli_request import BatchRequest
    from .progress import Display
    from .tally import Tally

INSTALL = "pip install 'artclean[dask]'"
LOOPBACK_ANY_PORT = "127.0.0.1:0"


def misuse(request: BatchRequest, explain: bool) -> str | None:
    """What is wrong with the options for --engine dask, if anything, and what to do instead."""
    batch = request.batch
    if batch.engine != "dask":
        if batch.scheduler is None:
            return "--part-format is the format of the parts of --engine dask; add --engine dask"
        return "--scheduler is the address of a Dask scheduler; add --engine dask"
    if batch.input_format not in ("jsonl", "warc", "parquet"):
        return "--engine dask cleans corpora of records: add --input-format jsonl, warc or parquet"
    if batch.part_format not in (None, batch.input_format) and batch.input_format != "warc":
        return (
            f"--input-format {batch.input_format} is written to {batch.input_format} parts; "
            "--part-format chooses between jsonl and parquet for WARC input"
        )
    if batch.in_place:
        return "--engine dask writes part files into --out-dir DIR, not in place"
    if batch.out_dir is None:
        return "--engine dask writes one part file per partition: give --out-dir DIR"
    if request.output != "-":
        return "-o/--output writes one stream; --engine dask writes part files into --out-dir"
    if explain:
        return "--explain shows one document at a time; use --format json for a batch"
    if not request.sources or "-" in request.sources:
        return "--engine dask reads files that its workers open, not standard input"
    try:
        if codecs.lookup(request.encoding).name != "utf-8":
            jsonl = batch.input_format == "jsonl"
            what = "JSONL is UTF-8 by definition" if jsonl else "records are read as UTF-8"
            return f"{what}; --encoding applies to text input"
    except LookupError:
        return f"unknown encoding {request.encoding!r}"
    if batch.template_min_docs is not None and not batch.learn_templates:
        return "--template-min-docs sets a threshold for --learn-templates; add that option"
    if batch.scheduler is not None and batch.jobs is not None:
        return "--jobs sets the workers of a local cluster; the one at --scheduler has its own"
    try:
        import distributed  # noqa: F401

        from . import dask  # noqa: F401
    except ImportError:
        return f"--engine dask needs Dask and its distributed scheduler: {INSTALL}"
    if batch.input_format != "jsonl":
        try:
            __import__(f"artclean.{batch.input_format}")
        except ImportError:
            return (
                f"--input-format {batch.input_format} needs its library: "
                f"pip install 'artclean[{batch.input_format}]'"
            )
    if batch.input_format == "warc" and batch.part_format == "parquet":
        try:
            __import__("artclean.parquet")
        except ImportError:
            return "--part-format parquet needs pyarrow: pip install 'artclean[parquet]'"
    return None


def run_dask(request: BatchRequest, display: Display) -> Tally:
    """Clean the corpus into --out-dir on the cluster; the counts of what was done."""
    from .dask import clean_jsonl, output_directory

    batch = request.batch
    assert batch.out_dir is not None
    try:
        output_directory(batch.out_dir)
    except FileExistsError as error:
        raise InputProblem(str(error)) from None
    except OSError as error:
        raise InputProblem(f"{batch.out_dir}: cannot create ({error.strerror})") from None
    paths, tally = jsonl_paths(request, display)
    job = record_job(request)

    def progress(problems: Sequence[str], counted: Tally) -> None:
        for message in problems:
            display.problem(message)
        display.advance(counted.seen, counted.bytes_in)

    with _client(batch.scheduler, request.jobs) as client, _killed_workers(batch.out_dir):
        stage = "learning, then cleaning" if batch.learn_templates else "cleaning"
        display.stage(stage, documents=None, total_bytes=plain_size(paths))
        if batch.input_format != "jsonl":
            from .dask_corpora import clean_corpus

            try:
                report = clean_corpus(
                    paths,
                    batch.out_dir,
                    job,
                    batch.input_format,
                    learn=batch.learn_templates,
                    min_docs=request.min_docs,
                    client=client,
                    on_progress=progress,
                    parts=batch.part_format,
                )
            except FileExistsError as error:
                raise InputProblem(str(error)) from None
            return tally + report.tally
        report = clean_jsonl(
            paths,
            batch.out_dir,
            job.options,
            text_field=job.text_field,
            with_result=job.with_result,
            bad_lines=job.bad_lines,
            errors=job.errors,
            site_field=job.site_field,
            learn=batch.learn_templates,
            min_docs=request.min_docs,
            client=client,
            on_progress=progress,
            limit=job.limit,
        )
    return tally + report.tally


@contextlib.contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a local cluster of `jobs` processes."""
    from distributed import Client, LocalCluster

    if scheduler is None:
        with _workers_stderr_aside():
            cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                # No dashboard, but the scheduler still serves health checks over HTTP, by
                # default on port 8787, and warns on stderr when another cluster has it.
                scheduler_kwargs={"dashboard_address": LOOPBACK_ANY_PORT},
                silence_logs=logging.ERROR,
            )
        try:
            with Client(cluster) as client:
                # Ctrl-C now reaches the main process alone, which closes the cluster.
                client.run(ignore_interrupts)
                yield client
        except BaseException:
            with _workers_stderr_aside():  # the cluster's logs of its own shutdown
                cluster.close()
            raise
        cluster.close()
        return
    try:
        client = Client(scheduler)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputProblem(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
    with client:
        _check_workers(client, scheduler)
        yield client


@contextlib.contextmanager
def _workers_stderr_aside() -> Iterator[None]:
    """Start the local cluster's processes with their stderr in a file of their own.

    Ctrl-C reaches every process of the terminal's group: a worker process still importing
    would print a traceback, and a running one logs its shutdown, dozens of lines in all.
    What a worker has to say reaches the user as data (problems, `KilledWorker`), and the
    main process reports an interrupt in one line; so the workers inherit a stderr that is
    an anonymous temporary file, removed with them.
    """
    import tempfile

    try:
        saved = os.dup(2)
    except OSError:  # started with stderr closed: nothing to protect
        yield
        return
    try:
        with tempfile.TemporaryFile(prefix="artclean-dask-") as aside:
            os.dup2(aside.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@contextlib.contextmanager
def _killed_workers(out_dir: str) -> Iterator[None]:
    """A partition that killed its worker more often than Dask retries: exit 2, not a trace."""
    from distributed import KilledWorker

    try:
        yield
    except KilledWorker as error:
        raise InputProblem(
            f"a partition was lost with every worker that ran it ({error}); "
            f"{out_dir} holds only the parts that were complete"
        ) from None


def _check_workers(client: Client, scheduler: str) -> None:
    """The workers must run this artclean, or their records would be cleaned otherwise."""

    try:
        versions = client.run(artclean_version)
    except Exception as error:
        raise InputProblem(
            f"the workers of {scheduler} cannot run artclean ({type(error).__name__}: {error}); "
            f"install artclean {__version__} where they run"
        ) from None
    others = sorted({version for version in versions.values() if version != __version__})
    if others:
        raise InputProblem(
            f"the workers of {scheduler} run artclean {', '.join(others)}, this is "
            f"{__version__}: install the same version on both"
        )


def ignore_interrupts() -> None:
    """Make this worker process ignore SIGINT (run on each worker of a local cluster)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def artclean_version() -> str:
    """This process's artclean version (run on each worker)."""
    return __version__
