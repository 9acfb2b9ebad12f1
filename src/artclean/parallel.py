"""Map a function over a stream of work in worker processes, results in input order.

Three properties matter for a batch, and `ordered_map` has each:
- results come back in input order, so output never depends on the number of workers;
- at most `window` items are in flight, so memory is bounded however long the stream
  (`multiprocessing.Pool.imap` reads its whole input ahead, which a 1 GB stream cannot afford);
- input is read on its own thread, so a result is written as soon as it is ready even while
  the next input has not arrived (a JSONL stream from a slow producer, or a terminal).

Signals: Ctrl-C and SIGTERM are the main process's to handle (it finishes or cancels the work
and removes its temporary files). Workers are started from a thread that blocks both, so they
are born blocking them: a signal sent to the whole process group in the first moments, before
a worker could have set anything up, prints no traceback from it. A worker that dies all the
same (kill -9, the OOM killer) ends the map with `WorkerLost`, one line for the user.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import select
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Item = TypeVar("Item")
Output = TypeVar("Output")

# Items in flight per worker: enough to keep every worker busy while results wait in order.
WINDOW_PER_JOB = 4


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# The setting `ordered_map` hands to every process that runs its function (see `shared`).
_shared: object = None


def ordered_map(
    function: Callable[[Item], Output],
    items: Iterable[Item],
    jobs: int,
    *,
    setting: object = None,
) -> Generator[Output, None, None]:
    """`map(function, items)` on `jobs` worker processes; one job runs in this process.

    `setting` reaches every worker once (and this process when jobs is 1), where `function`
    reads it with `shared`: the way to hand workers a large read-only setting, such as a
    template table, once instead of per item. `function` must be a module-level function,
    since workers import it by name.
    """
    if jobs <= 1:
        _install(setting)
        yield from map(function, items)
        return
    yield from _in_workers(function, items, jobs, setting)


Setting = TypeVar("Setting")


def shared(kind: type[Setting]) -> Setting:
    """The setting of the `ordered_map` this process works for, which must be a `kind`."""
    if not isinstance(_shared, kind):
        raise RuntimeError(f"no {kind.__name__} installed in this process")
    return _shared


def _install(setting: object) -> None:
    global _shared
    _shared = setting


class WorkerLost(Exception):
    """A worker process died while it held work (killed, perhaps by the OOM killer)."""

    def __init__(self) -> None:
        super().__init__("a worker process died (killed, perhaps for lack of memory)")


# Signals that are the main process's to handle; workers are born blocking them.
_MAIN_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_DONE = object()


def _in_workers(
    function: Callable[[Item], Output],
    items: Iterable[Item],
    jobs: int,
    setting: object,
) -> Iterator[Output]:
    pool = ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_start_worker, initargs=(os.getpid(), setting)
    )
    in_flight: queue.Queue[Any] = queue.Queue(maxsize=WINDOW_PER_JOB * jobs)
    stop = threading.Event()

    def put(entry: object) -> bool:
        while not stop.is_set():
            try:
                in_flight.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    # Held while a submit may be starting a worker, so that the pool is not shut down (and
    # this process gone) while a worker it has no record of yet is being started.
    submitting = threading.Lock()

    def submit(item: Item) -> Future[Output] | None:
        with submitting:
            return None if stop.is_set() else pool.submit(function, item)

    def feed() -> None:
        # Workers (and the fork server) are started from this thread, and inherit its mask.
        signal.pthread_sigmask(signal.SIG_BLOCK, _MAIN_SIGNALS)
        try:
            for item in items:
                future = submit(item)
                if future is None or not put(future):
                    return
        except BaseException as error:
            put(_Failed(error))
            return
        put(_DONE)

    feeder = threading.Thread(target=feed, name="artclean-feed", daemon=True)
    feeder.start()
    try:
        while (entry := in_flight.get()) is not _DONE:
            if isinstance(entry, _Failed):
                if isinstance(entry.error, BrokenProcessPool):
                    raise WorkerLost from None
                raise entry.error
            future: Future[Output] = entry
            try:
                result = future.result()
            except BrokenProcessPool:
                raise WorkerLost from None
            yield result
    finally:
        stop.set()
        with submitting:
            pool.shutdown(wait=True, cancel_futures=True)


def start_early() -> None:
    """Start the fork server now, so that it imports the cleaning core while this process
    does something else (finds a batch's files): the first `ordered_map` with workers then
    forks them at once instead of waiting about 0.15 s for that import."""
    if _context().get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    def start() -> None:
        # Born blocking the main process's signals, as `_in_workers` starts it: Ctrl-C to
        # the process group while it imports must not end it with a traceback.
        signal.pthread_sigmask(signal.SIG_BLOCK, _MAIN_SIGNALS)
        forkserver.ensure_running()

    starter = threading.Thread(target=start, name="artclean-start", daemon=True)
    starter.start()
    starter.join()


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: a fork of this process, which runs threads, is unsafe."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["artclean.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def _start_worker(main: int, setting: object) -> None:
    # Ctrl-C reaches every process of the terminal's group; the main process alone handles
    # it, lets running work finish (every write is atomic) and cancels the rest.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "sigwaitinfo"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        threading.Thread(
            target=_end_when_told, args=(main,), name="artclean-term", daemon=True
        ).start()
    threading.Thread(target=_exit_with, args=(main,), name="artclean-watch", daemon=True).start()
    _install(setting)


def _end_when_told(main: int) -> None:
    """End this worker on a SIGTERM from the main process (the pool ends its workers so
    when one of them died), and only then: a SIGTERM to the whole process group (`timeout`,
    a cancelled CI job) is the main process's to handle, which lets this worker finish what
    it is writing and then ends the pool."""
    while True:
        told = signal.sigwaitinfo({signal.SIGTERM})
        if told.si_pid == main:
            os._exit(1)


def _exit_with(main: int) -> None:
    """End this worker when the main process is gone.

    A main process that is killed cannot shut its pool down, and a worker would otherwise
    wait on its task queue for ever. A write in progress is abandoned whole: its temporary
    file never replaces the target.
    """
    try:
        handle = os.pidfd_open(main)  # readable once the process has exited (Linux)
    except (AttributeError, OSError):
        while _alive(main):
            time.sleep(1)
    else:
        select.select([handle], [], [])
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, and someone else's: the pid was reused
        return False
    return True
