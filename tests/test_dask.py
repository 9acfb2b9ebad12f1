"""The Dask engine on a real local cluster: the CLI's output, record for record, also when a
worker process is killed in the middle of a run.

Two worker processes of one thread each, as on a small cluster. The corpus is generated:
pages of a dozen sites, each site's footer and share row on every page, repeated paragraphs,
syndication notes and related-link lists, and the lines that test a reader (a byte-order
mark, a malformed line, a blank line, a carriage return, no final line feed).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.dask  # CI's own step: pip install '.[dask]' && python -m pytest -m dask

pytest.importorskip("dask.bag", reason="the Dask engine needs pip install 'artclean[dask]'")
distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs pip install 'artclean[dask]'"
)

import dask.bag as db  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from artclean import Options, clean  # noqa: E402
from artclean.cli import main  # noqa: E402
from artclean.dask import (  # noqa: E402
    clean_jsonl,
    clean_lines,
    clean_records,
    clean_texts,
    learn_templates,
    read_jsonl,
    write_jsonl,
)
from artclean.jsonl import RecordJob  # noqa: E402
from artclean.jsonl import learn_templates as learn_in_one_process  # noqa: E402
from conftest import Run  # noqa: E402

RECORDS = 3000
SITES = 12
BLOCK = 128 << 10  # about 30 partitions of the corpus
VOCABULARY = """
council harbour budget river school bridge market election storm museum railway hospital
festival library factory theatre airport farmers teachers engineers voters approved delayed
announced rejected opened closed expanded reviewed funded planned the a of to and in that is
for on with by from after before during
"""
WORDS = VOCABULARY.split()


def page(rng: random.Random, site: int, number: int) -> str:
    def sentence() -> str:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 24)))
        return f"{words.capitalize()} ({number}-{rng.randint(0, 10**6)})."

    def headline() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(6)).title()

    body = [" ".join(sentence() for _ in range(rng.randint(1, 3))) for _ in range(4)]
    parts = [headline(), *body]
    if rng.random() < 0.2:
        parts.insert(3, body[0])
    if rng.random() < 0.2:
        parts.append("This article originally appeared in The Valley Herald.")
    if rng.random() < 0.15:
        parts += ["You may also like", headline(), headline(), headline()]
    parts.append(f"Follow Site {site} on Facebook, X and Instagram for more stories")
    parts.append(
        f"Site {site} is published by the staff of {site} Main Street, Springfield, "
        "and printed on recycled paper since the year of its founding."
    )
    return "\n\n".join(parts)


def corpus_lines(count: int, seed: int = 6) -> list[bytes]:
    rng = random.Random(seed)
    lines = []
    for n in range(count):
        site = n % SITES
        record: dict[str, object] = {"id": n, "text": page(rng, site, n), "meta": {"lang": "en"}}
        if n % 50 == 7:
            pass  # no url nor domain: its site is the file it is in
        elif n % 3:
            record["url"] = f"https://www.site{site}.example/story/{n}"
        else:
            record["domain"] = f"site{site}.example"
        lines.append(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    lines[11] = lines[11].replace(b"\n", b"\r\n")
    lines[40:40] = [b"this is not json\n", b"\n", b"[1, 2]\n", b'{"id": "no text"}\n']
    return lines


def write_corpus(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(lines).removesuffix(b"\n"))
    return path


def cli(*args: str) -> tuple[int, bytes, list[str]]:
    """The CLI in this process: status, standard output, the problems it reported."""
    with CliRunner().isolation() as streams:
        status = main([*args, "-q"])
    return status, streams[0].getvalue(), streams[1].getvalue().decode().splitlines()


def parts(out: Path) -> bytes:
    """The part files, in name order: the stream they make."""
    return b"".join(path.read_bytes() for path in sorted(out.glob("part-*.jsonl")))


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # not 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    return write_corpus(folder / "corpus.jsonl", corpus_lines(RECORDS))


@pytest.fixture(scope="module")
def with_results(corpus: Path) -> tuple[int, bytes, list[str]]:
    """`artclean corpus.jsonl --input-format jsonl --format json`: the reference."""
    return cli(str(corpus), "--input-format", "jsonl", "--format", "json", "--jobs", "2")


def test_the_corpus_comes_out_as_the_cli_writes_it(
    client: distributed.Client,
    corpus: Path,
    with_results: tuple[int, bytes, list[str]],
    tmp_path: Path,
) -> None:
    status, expected, problems = with_results
    assert status == 2  # the malformed lines
    report = clean_jsonl(
        [str(corpus)], tmp_path / "out", with_result=True, blocksize=BLOCK, client=client
    )
    assert len(report.parts) > 20
    assert parts(tmp_path / "out") == expected
    assert (
        list(report.problems)
        == problems
        == [
            f"{corpus}:41: not JSON (Expecting value at column 1)",
            f"{corpus}:43: not a JSON object but an array",
            f"{corpus}:44: no 'text' field",
        ]
    )
    assert report.tally.seen == RECORDS + 3  # blank lines are not records
    records = [json.loads(line) for line in expected.splitlines() if b'"artclean"' in line]
    assert [r["id"] for r in records] == list(range(RECORDS))
    removed = {r["kind"] for record in records for r in record["artclean"]["removed"]}
    assert {"duplicate", "syndication", "related", "share"} <= removed


def test_templates_learned_on_the_cluster_are_the_clis(
    client: distributed.Client, corpus: Path, tmp_path: Path
) -> None:
    args = ["--input-format", "jsonl", "--format", "json", "--learn-templates", "--jobs", "2"]
    _, expected, _ = cli(str(corpus), *args)
    report = clean_jsonl(
        [str(corpus)],
        tmp_path / "out",
        with_result=True,
        learn=True,
        blocksize=BLOCK,
        client=client,
    )
    assert parts(tmp_path / "out") == expected
    templates = report.tally.removed.get("template", 0)
    assert templates >= RECORDS  # every page's footer, at least


def test_pass_1_on_the_cluster_counts_what_one_process_counts(corpus: Path) -> None:
    job = RecordJob(Options())
    one = learn_in_one_process([str(corpus)], job, 1, min_docs=5)
    bag = read_jsonl([str(corpus)], blocksize=BLOCK)
    assert bag.npartitions > 20
    table = learn_templates(bag, min_docs=5, split_every=4).compute()
    assert table.counts == one.counts
    assert len(table.counts) >= 2 * SITES  # a footer and a share row per site


def test_the_command_line_engine_on_gzip_and_plain_files(
    client: distributed.Client, tmp_path: Path
) -> None:
    folder = tmp_path / "shards"
    folder.mkdir()
    lines = corpus_lines(600, seed=8)
    (folder / "a.jsonl.gz").write_bytes(gzip.compress(b"".join(lines[:300])))
    write_corpus(folder / "b.jsonl", lines[300:])
    args = [str(folder), "--input-format", "jsonl", "--format", "json", "--learn-templates"]
    status, expected, problems = cli(*args, "--jobs", "2")
    address = client.scheduler.address
    out = tmp_path / "out"
    got = cli(*args, "--engine", "dask", "--scheduler", address, "--out-dir", str(out))
    assert got == (status, b"", problems)
    assert parts(out) == expected
    assert len(list(out.glob("part-*.jsonl"))) == 2  # a gzip file is one partition
    assert not list(out.glob(".*"))


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(
    client: distributed.Client,
    corpus: Path,
    with_results: tuple[int, bytes, list[str]],
    tmp_path: Path,
) -> None:
    """SIGKILL one of the two worker processes once three part files are written. The
    scheduler runs its tasks again on the other worker (and on the one its nanny restarts);
    the parts it was writing are written again in full, under the same names."""
    out = tmp_path / "out"
    finished = threading.Event()
    kill: dict[str, object] = {}

    def killer() -> None:
        """Kill a worker that the scheduler has a task on, while the run goes on."""
        pids: dict[str, int] = {}
        deadline = time.monotonic() + 600
        while not finished.is_set() and time.monotonic() < deadline:
            written = len(list(out.glob("part-*.jsonl")))
            if written >= 3:
                pids = pids or client.run(os.getpid)
                processing = client.processing()
                busy = [worker for worker in pids if processing.get(worker)]
                if busy:
                    kill.update(tasks=processing[busy[0]], written=written)
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    return
            time.sleep(0.01)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    try:
        report = clean_jsonl(
            [str(corpus)], out, with_result=True, blocksize=BLOCK // 2, client=client
        )
    finally:
        finished.set()
        thread.join(timeout=60)
    assert kill, "no worker was killed while the run went on"
    assert kill["tasks"]  # what it had in hand had to run again
    assert isinstance(kill["written"], int) and kill["written"] < len(report.parts)
    assert parts(out) == with_results[1]  # nothing lost, nothing written twice
    assert report.tally.seen == RECORDS + 3  # blank lines are not records
    assert not list(out.glob(".part-*"))  # the killed writer's temporary file is gone
    client.wait_for_workers(2, timeout=120)
    assert len(client.run(os.getpid)) == 2  # the nanny restarted it


def test_bags_of_lines_records_and_texts(client: distributed.Client, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "small.jsonl", corpus_lines(300, seed=9))
    _, expected, _ = cli(str(corpus), "--input-format", "jsonl", "--format", "json")
    lines = read_jsonl([str(corpus)], blocksize=16 << 10)
    write_jsonl(clean_lines(lines, with_result=True), tmp_path / "out")
    assert parts(tmp_path / "out") == expected

    texts = db.read_text(str(corpus), encoding="utf-8-sig", blocksize=16 << 10)
    cleaned = clean_lines(texts).compute()
    _, plain, _ = cli(str(corpus), "--input-format", "jsonl")
    # read_text decodes with utf-8-sig and universal newlines: the bag's lines have lost the
    # byte-order mark and the carriage return that the CLI keeps.
    expected_lines = plain.decode("utf-8-sig").replace("\r\n", "\n").splitlines(keepends=True)
    assert [line + "\n" for line in cleaned] == expected_lines

    records = [json.loads(line) for line in corpus_lines(300, seed=9)[:60] if b'"text"' in line]
    assert len(records) == 56
    bag = db.from_sequence(records, npartitions=4)
    by_record = clean_records(bag).compute()
    from_cli = [json.loads(line) for line in plain.splitlines() if b'"text"' in line]
    assert by_record == from_cli[: len(records)]
    assert records[0]["text"] != by_record[0]["text"]  # the input records are not changed

    texts_bag = db.from_sequence([r["text"] for r in records], npartitions=4)
    assert clean_texts(texts_bag).compute() == [clean(r["text"]) for r in records]


def test_odd_and_oversized_records_come_out_as_the_cli_writes_them(
    client: distributed.Client, tmp_path: Path
) -> None:
    """Numbers, repeated keys and line ends as written; values Python cannot hold and a
    record over --max-size reported by line, also where the record spans partitions."""
    syndicated = json.dumps("Harbour news.\nThis article originally appeared in The Times.")
    odd = [
        b'{"n": 1E5, "text": "x", "text": %s, "tiny": 0.1000000000000000055511151231257827 }\r\n'
        % syndicated.encode(),
        b'{"text": "x", "n": 1%s}\n' % (b"0" * 5000),
        b'{"text": "x", "n": %s]}\n' % (b"[" * 100_000 + b"]" * 99_999),
        b'{"text": "%s"}\n' % (b"word " * 60_000),
    ]
    lines = corpus_lines(200, seed=11)
    for at, line in zip([60, 90, 120, 150], odd, strict=True):
        lines.insert(at, line)
    corpus = write_corpus(tmp_path / "odd.jsonl", lines)
    args = ["--input-format", "jsonl", "--format", "json", "--max-size", "256K"]
    status, expected, problems = cli(str(corpus), *args)
    assert status == 2
    assert problems[3:] == [
        f"{corpus}:91: holds an integer of more than 4300 digits",
        f"{corpus}:121: nested too deeply to read (about 1000 levels at most)",
        f"{corpus}:151: a record of 300012 bytes is over the limit of 262144 bytes "
        "(--max-size); left out",
    ]
    assert b'\n{"n": 1E5, "text": "x", "text": "Harbour news.", "tiny": 0.1000' in expected
    report = clean_jsonl(
        [str(corpus)],
        tmp_path / "api",
        with_result=True,
        blocksize=64 << 10,
        client=client,
        limit=256 << 10,
    )
    assert len(report.parts) > 4
    assert (parts(tmp_path / "api"), list(report.problems)) == (expected, problems)
    engine = ["--engine", "dask", "--scheduler", client.scheduler.address]
    out = tmp_path / "cli"
    assert cli(str(corpus), *args, *engine, "--out-dir", str(out)) == (2, b"", problems)
    assert parts(out) == expected


def test_parts_of_an_earlier_run_are_not_mixed_in(tmp_path: Path) -> None:
    (tmp_path / "part-00000.jsonl").write_bytes(b"{}\n")
    with pytest.raises(FileExistsError, match=r"part-00000\.jsonl"):
        write_jsonl(db.from_sequence(["{}"]), tmp_path)


def test_without_a_scheduler_the_command_starts_a_local_cluster(
    run_artclean: Run, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", corpus_lines(200, seed=10))
    local = run_artclean([str(corpus), "--input-format", "jsonl", "-q"])
    out = tmp_path / "out"
    args = [str(corpus), "--input-format", "jsonl", "--engine", "dask", "--jobs", "2"]
    done = run_artclean([*args, "--out-dir", str(out)])
    assert (done.returncode, done.stdout) == (local.returncode, b"") == (2, b"")
    assert done.stderr.decode().splitlines()[:3] == local.stderr.decode().splitlines()[:3]
    assert "records seen" in done.stderr.decode()
    assert parts(out) == local.stdout
